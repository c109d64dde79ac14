"""Run the reference app on a loopback port: `python -m ameli_conformance.reference_app --port 0 ...`.

Prints one JSON line `{"url": ...}` on stdout once it listens (port 0: the system picks a free
one, so there is no race), then serves until stopped. The control token is read from the
environment variable AMELI_CONTROL_TOKEN (never from the command line, which `ps` shows).
"""
import argparse
import json
import logging
import os
import re
import sys

from werkzeug.serving import WSGIRequestHandler, make_server

from . import create_app

_TOKEN_PATH = re.compile(r"(/renouveler/)[^/?\s]+")


class _MaskingHandler(WSGIRequestHandler):
    """Request log lines without the reset token."""

    def log_request(self, code="-", size="-"):
        line = _TOKEN_PATH.sub(r"\1***", self.requestline)
        self.log("info", '"%s" %s %s', line, code, size)


def main(argv=None):
    parser = argparse.ArgumentParser(prog="python -m ameli_conformance.reference_app")
    parser.add_argument("--host", default="127.0.0.1")
    parser.add_argument("--port", type=int, default=0)
    parser.add_argument("--database", required=True)
    parser.add_argument("--smtp-host", default="127.0.0.1")
    parser.add_argument("--smtp-port", type=int, required=True)
    parser.add_argument(
        "--set", action="append", default=[], metavar="KEY=JSON",
        help="override a configuration value (JSON value), e.g. RESET_LINK_LIFETIME=3600",
    )
    args = parser.parse_args(argv)

    config = {
        "DATABASE": args.database,
        "SMTP_HOST": args.smtp_host,
        "SMTP_PORT": args.smtp_port,
        "CONTROL_TOKEN": os.environ.get("AMELI_CONTROL_TOKEN") or None,
    }
    for item in args.set:
        key, _, value = item.partition("=")
        config[key] = json.loads(value)
    app = create_app(config)
    logging.basicConfig(level=logging.INFO, stream=sys.stderr)
    server = make_server(
        args.host, args.port, app, threaded=True, request_handler=_MaskingHandler
    )
    url = f"http://{args.host}:{server.server_port}"
    if "PUBLIC_BASE_URL" not in config:
        app.config["PUBLIC_BASE_URL"] = url
    print(json.dumps({"url": url}), flush=True)
    try:
        server.serve_forever()
    except KeyboardInterrupt:
        pass
    finally:
        server.server_close()


if __name__ == "__main__":
    main()
