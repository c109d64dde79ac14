"""`python -m tests.autre_impl --smtp-port N [--sans clock]`: serves the second implementation on
a free loopback port and prints `{"url": ...}`. Its control API is on when $AUTRE_IMPL_JETON is
set, at <url>/__test__/controle."""
import argparse
import json
import logging
import os

from werkzeug.serving import make_server

from .app import create_app

ALL = ["accounts", "captcha", "clock", "reset"]


def main(argv=None):
    parser = argparse.ArgumentParser(prog="python -m tests.autre_impl")
    parser.add_argument("--smtp-port", type=int, required=True)
    parser.add_argument("--sans", action="append", default=[], choices=ALL,
                        help="une capacité que l'API de contrôle n'offre pas")
    args = parser.parse_args(argv)
    logging.getLogger("werkzeug").setLevel(logging.WARNING)
    capabilities = [c for c in ALL if c not in args.sans]
    app = create_app(args.smtp_port, os.environ.get("AUTRE_IMPL_JETON"), capabilities)
    server = make_server("127.0.0.1", 0, app, threaded=True)
    app.config["BASE_URL"] = f"http://127.0.0.1:{server.server_port}"
    print(json.dumps({"url": app.config["BASE_URL"]}), flush=True)
    try:
        server.serve_forever()
    except KeyboardInterrupt:
        pass


if __name__ == "__main__":
    main()
