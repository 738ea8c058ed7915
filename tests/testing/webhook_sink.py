#!/usr/bin/python3
"""An HTTP(S) server that records the requests it gets, for the webhook tests.

  webhook_sink.py FOLDER [--tls CERT KEY] [--status CODE] [--location URL]

Binds 127.0.0.1 on a port the OS chooses and prints that port as the first
line of standard output. Each request N becomes, in FOLDER: N.method,
N.path, N.headers ("Name: value" lines as received) and N.body, then N.done
(written last, by rename, so a test that sees N.done sees the whole request).
Every request is answered CODE (default 200), with a Location header when
--location is given (to test that redirects are not followed).
"""
import argparse
import http.server
import os
import ssl
import sys
import threading


def main():
    parser = argparse.ArgumentParser()
    parser.add_argument("folder")
    parser.add_argument("--tls", nargs=2, metavar=("CERT", "KEY"))
    parser.add_argument("--status", type=int, default=200)
    parser.add_argument("--location")
    args = parser.parse_args()

    lock = threading.Lock()
    state = {"count": 0}

    class Handler(http.server.BaseHTTPRequestHandler):
        protocol_version = "HTTP/1.1"

        def record(self):
            length = int(self.headers.get("Content-Length", "0"))
            body = self.rfile.read(length) if length > 0 else b""
            with lock:
                state["count"] += 1
                n = state["count"]
            base = os.path.join(args.folder, str(n))
            with open(base + ".method", "w") as f:
                f.write(self.command)
            with open(base + ".path", "w") as f:
                f.write(self.path)
            with open(base + ".headers", "w", encoding="utf-8", errors="surrogateescape") as f:
                for name, value in self.headers.items():
                    f.write(name + ": " + value + "\n")
            with open(base + ".body", "wb") as f:
                f.write(body)
            with open(base + ".done.part", "w") as f:
                f.write("")
            os.rename(base + ".done.part", base + ".done")
            answer = ("sink answered %d" % args.status).encode()
            self.send_response(args.status)
            if args.location:
                self.send_header("Location", args.location)
            self.send_header("Content-Type", "text/plain")
            self.send_header("Content-Length", str(len(answer)))
            self.end_headers()
            self.wfile.write(answer)

        do_POST = record
        do_GET = record

        def log_message(self, *unused):
            pass

    server = http.server.ThreadingHTTPServer(("127.0.0.1", 0), Handler)
    if args.tls:
        context = ssl.create_default_context(ssl.Purpose.CLIENT_AUTH)
        context.load_cert_chain(args.tls[0], args.tls[1])
        server.socket = context.wrap_socket(server.socket, server_side=True)
    print(server.server_address[1], flush=True)
    try:
        server.serve_forever()
    except KeyboardInterrupt:
        pass


if __name__ == "__main__":
    sys.exit(main())
