"""Run the sink: `python -m ameli_conformance.mailsink`. Binds SMTP and HTTP on free loopback ports and prints one
JSON line `{"smtp_port": ..., "api_url": ...}` once both listen; serves until stopped."""
import argparse
import asyncio
import json
import logging
import socket
import threading

from aiosmtpd.smtp import SMTP
from werkzeug.serving import WSGIRequestHandler, make_server

from .api import create_api
from .store import Store


class _Handler:
    def __init__(self, store: Store):
        self.store = store

    async def handle_DATA(self, server, session, envelope):
        self.store.add(envelope.original_content or envelope.content, list(envelope.rcpt_tos))
        return "250 Message accepted for delivery"


class _SMTP(SMTP):
    """aiosmtpd's SMTP, with its multi-line EHLO answer written at once. aiosmtpd writes each line
    apart (aio-libs/aiosmtpd#389); a client reading the answer then waits for its delayed ACK:
    40 ms of every mail on loopback, measured, gone with one write."""

    _batch: list[bytes] | None = None

    async def smtp_EHLO(self, arg):
        self._batch = []
        try:
            await super().smtp_EHLO(arg)
        finally:
            batch, self._batch = self._batch, None
            if batch:
                self._writer.write(b"".join(batch))
                await self._writer.drain()

    async def push(self, status):
        if self._batch is None:
            return await super().push(status)
        if isinstance(status, str):
            status = status.encode("utf-8" if self.enable_SMTPUTF8 else "ascii")
        self._batch.append(status + b"\r\n")


class _QuietHandler(WSGIRequestHandler):
    def log_request(self, *args, **kwargs):  # request lines would show searched addresses
        pass


def _serve_smtp(sock: socket.socket, store: Store, started: threading.Event) -> None:
    loop = asyncio.new_event_loop()
    asyncio.set_event_loop(loop)
    handler = _Handler(store)
    server = loop.run_until_complete(
        loop.create_server(
            lambda: _SMTP(handler, hostname="mailsink.local", enable_SMTPUTF8=True),
            sock=sock,
        )
    )
    started.set()
    try:
        loop.run_forever()
    finally:
        server.close()


def main(argv=None):
    parser = argparse.ArgumentParser(prog="python -m ameli_conformance.mailsink")
    parser.add_argument("--host", default="127.0.0.1")
    parser.add_argument("--smtp-port", type=int, default=0)
    parser.add_argument("--http-port", type=int, default=0)
    args = parser.parse_args(argv)
    logging.basicConfig(level=logging.WARNING)

    store = Store()
    smtp_sock = socket.socket(socket.AF_INET, socket.SOCK_STREAM)
    smtp_sock.setsockopt(socket.SOL_SOCKET, socket.SO_REUSEADDR, 1)
    smtp_sock.bind((args.host, args.smtp_port))
    smtp_sock.listen(128)
    started = threading.Event()
    threading.Thread(
        target=_serve_smtp, args=(smtp_sock, store, started), daemon=True, name="smtp"
    ).start()
    started.wait(10)

    http = make_server(
        args.host, args.http_port, create_api(store), threaded=True, request_handler=_QuietHandler
    )
    print(
        json.dumps(
            {
                "smtp_port": smtp_sock.getsockname()[1],
                "api_url": f"http://{args.host}:{http.server_port}",
            }
        ),
        flush=True,
    )
    try:
        http.serve_forever()
    except KeyboardInterrupt:
        pass


if __name__ == "__main__":
    main()
