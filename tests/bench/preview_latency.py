#!/usr/bin/env python3
"""Edit-to-preview latency of a running `lantern serve`, measured as a browser sees it.

Usage: preview_latency.py SITE PORT EDITS

For each edit it listens on the preview's live-reload stream (/__lantern/events,
as the page's script does), rewrites SITE/records/tool-1.yaml with a new name the
way editors and `sed -i` do (a temporary file renamed over the old one), waits for
the reload message, then fetches /records/tool-1/ as the reloading page would, until
the new name is on it. It prints each latency, from just before the write to the
page's bytes received, in milliseconds, one per line, then `median N`.

A Python client on a kept-alive connection: a shell loop of curl and grep forks
costs tens of milliseconds per try on a busy 2-core machine, which is the
benchmark's noise, not the preview's delay.
"""

import http.client
import os
import random
import re
import statistics
import sys
import time


def read_message(stream):
    """The next `data:` line of an event stream (comments and blank lines skipped)."""
    while True:
        line = stream.readline()
        if not line:
            raise RuntimeError("the event stream ended")
        if line.startswith(b"data: "):
            return line[len(b"data: "):].strip()


def one_edit(site, port, number):
    path = os.path.join(site, "records", "tool-1.yaml")
    events = http.client.HTTPConnection("127.0.0.1", port, timeout=120)
    events.request("GET", "/__lantern/events")
    stream = events.getresponse()
    current = read_message(stream)  # the version being served now
    mark = "Edited%d-%d" % (number, random.randrange(1 << 30))
    with open(path, encoding="utf-8") as f:
        text = f.read()
    edited, count = re.subn(r"(?m)^  name: .*$", "  name: Bench edit " + mark, text, count=1)
    if count != 1:
        raise RuntimeError(path + " has no summary name line")
    temporary = os.path.join(site, "records", ".tool-1.yaml.tmp")
    start = time.monotonic()
    with open(temporary, "w", encoding="utf-8") as f:
        f.write(edited)
    os.rename(temporary, path)
    page = http.client.HTTPConnection("127.0.0.1", port, timeout=120)
    while True:
        version = read_message(stream)
        if version == current:
            continue
        current = version
        page.request("GET", "/records/tool-1/")
        body = page.getresponse().read()
        if mark.encode() in body:
            break
    elapsed = (time.monotonic() - start) * 1000
    events.close()
    page.close()
    return elapsed


def main():
    site, port, edits = sys.argv[1], int(sys.argv[2]), int(sys.argv[3])
    samples = []
    for number in range(edits):
        samples.append(one_edit(site, port, number))
        print("%.0f" % samples[-1], flush=True)
        time.sleep(1)  # let the old site be freed, as between a person's edits
    print("median %.0f" % statistics.median(samples))


if __name__ == "__main__":
    main()
