#!/usr/bin/python3
"""Reads records.csv with Python's csv module, as a spreadsheet or a script
would, and checks its shape against the site's records.json.

Prints "ROWS rows, COLUMNS columns, LINES lines" and exits 0 when the file is
UTF-8 without a byte order mark, its rows end with CRLF, its first row is the
header of distinct column names, every row has exactly the header's number of
cells, and there is one row per record of records.json in the same order (by
id and url); otherwise prints what is wrong and exits 1.

Usage: check_records_csv.py SITE
"""
import csv
import io
import json
import pathlib
import sys


def main(site):
    site = pathlib.Path(site)
    raw = (site / "records.csv").read_bytes()
    problems = []
    if raw.startswith(b"\xef\xbb\xbf"):
        problems.append("starts with a byte order mark")
    text = raw.decode("utf-8")  # raises on anything but UTF-8
    rows = list(csv.reader(io.StringIO(text, newline=""), strict=True))
    if not text.endswith("\r\n"):
        problems.append("the last row does not end with CRLF")
    header, body = rows[0], rows[1:]
    if len(set(header)) != len(header):
        problems.append("the header repeats a column name")
    for n, row in enumerate(body, start=2):
        if len(row) != len(header):
            problems.append(f"row {n} has {len(row)} cells, the header {len(header)}")
    with open(site / "records.json", encoding="utf-8") as f:
        records = json.load(f)["records"]
    if len(body) != len(records):
        problems.append(f"{len(body)} rows for {len(records)} records")
    at = {name: i for i, name in enumerate(header)}
    for row, record in zip(body, records):
        if len(row) == len(header) and (row[at["id"]], row[at["url"]]) != (record["id"], record["url"]):
            problems.append(f"row for {row[at['id']]} where records.json has {record['id']}")
    for line in problems[:10]:
        print(line)
    print(f"{len(body)} rows, {len(header)} columns, {text.count(chr(10))} lines")
    return 1 if problems else 0


if __name__ == "__main__":
    sys.exit(main(sys.argv[1]))
