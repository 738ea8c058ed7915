#!/usr/bin/python3
"""A real SMTP server for the notify tests (aiosmtpd, Debian's python3-aiosmtpd).

  smtp_sink.py FOLDER [--starttls CERT KEY] [--fail-first N] [--auth USER:PASS]

Binds 127.0.0.1 on a port the OS chooses and prints that port as the first
line of standard output. Each accepted message N becomes, in FOLDER:
N.from (envelope sender), N.rcpt (recipients, one a line), N.subject and
N.body (decoded by Python's email package: what a mail client would show),
and N.eml (the raw DATA), written last and by rename, so a test that sees
N.eml sees the whole message. --fail-first N answers 451 to the first N
messages; --auth requires AUTH (PLAIN or LOGIN) with those credentials,
allowed without TLS only when --starttls is not given.
"""
import argparse
import asyncio
import email
import email.policy
import logging
import os
import ssl
import sys
import warnings

from aiosmtpd.smtp import SMTP, AuthResult


def main():
    parser = argparse.ArgumentParser()
    parser.add_argument("folder")
    parser.add_argument("--starttls", nargs=2, metavar=("CERT", "KEY"))
    parser.add_argument("--fail-first", type=int, default=0)
    parser.add_argument("--auth")
    args = parser.parse_args()
    # Quiet: a refused TLS handshake is what some tests want; aiosmtpd's
    # tracebacks and warnings about it would only hide real failures.
    warnings.simplefilter("ignore")
    logging.getLogger("mail.log").setLevel(logging.CRITICAL)

    state = {"failures_left": args.fail_first, "count": 0}

    class Handler:
        async def handle_DATA(self, server, session, envelope):
            if state["failures_left"] > 0:
                state["failures_left"] -= 1
                return "451 4.3.0 Sink says try again later"
            state["count"] += 1
            n = state["count"]
            base = os.path.join(args.folder, str(n))
            raw = envelope.original_content or envelope.content
            if isinstance(raw, str):
                raw = raw.encode("utf-8", "surrogateescape")
            parsed = email.message_from_bytes(raw, policy=email.policy.default)
            body_part = parsed.get_body(preferencelist=("plain",))
            body = body_part.get_content() if body_part is not None else ""
            with open(base + ".from", "w", encoding="utf-8") as f:
                f.write(envelope.mail_from)
            with open(base + ".rcpt", "w", encoding="utf-8") as f:
                f.write("\n".join(envelope.rcpt_tos) + "\n")
            with open(base + ".subject", "w", encoding="utf-8") as f:
                f.write(str(parsed.get("subject", "")))
            with open(base + ".body", "w", encoding="utf-8", newline="") as f:
                f.write(body)
            with open(base + ".eml.part", "wb") as f:
                f.write(raw)
            os.rename(base + ".eml.part", base + ".eml")
            return "250 2.0.0 Stored as " + str(n)

    tls_context = None
    if args.starttls:
        tls_context = ssl.create_default_context(ssl.Purpose.CLIENT_AUTH)
        tls_context.load_cert_chain(args.starttls[0], args.starttls[1])

    smtp_options = {}
    if args.auth:
        user, password = args.auth.split(":", 1)

        def authenticator(server, session, envelope, mechanism, auth_data):
            ok = (auth_data.login.decode() == user and auth_data.password.decode() == password)
            # handled=False: aiosmtpd then answers 535 itself (with the
            # default it would answer nothing and the client would hang).
            return AuthResult(success=ok, handled=False)

        smtp_options = dict(authenticator=authenticator, auth_required=True,
                            auth_require_tls=tls_context is not None)

    handler = Handler()

    async def serve():
        loop = asyncio.get_running_loop()
        server = await loop.create_server(
            lambda: SMTP(handler, hostname="sink.test", tls_context=tls_context, **smtp_options),
            host="127.0.0.1", port=0)
        print(server.sockets[0].getsockname()[1], flush=True)
        await server.serve_forever()

    try:
        asyncio.run(serve())
    except KeyboardInterrupt:
        pass


if __name__ == "__main__":
    sys.exit(main())
