"""``soraq serve`` with TCP_NODELAY on accepted connections (the fix proposed for serve.py).

Django's WSGI server writes the headers and the body of a response in separate
``send`` calls; with Nagle's algorithm on, the body waits for the client's
delayed ACK (about 40 ms on Linux) on every keep-alive response. This wrapper
sets TCP_NODELAY and then runs the unchanged ``soraq serve``, so the load
benchmark can measure the difference (``load_registry.py --tcp-nodelay``).
"""

from __future__ import annotations

import socket
import sys


def main() -> int:
    from django.core.servers.basehttp import WSGIRequestHandler

    original = WSGIRequestHandler.setup

    def setup(self) -> None:  # type: ignore[no-untyped-def]
        original(self)
        self.connection.setsockopt(socket.IPPROTO_TCP, socket.TCP_NODELAY, 1)

    WSGIRequestHandler.setup = setup
    from soraq.cli import main as soraq_main

    return soraq_main(["serve", *sys.argv[1:]])


if __name__ == "__main__":
    raise SystemExit(main())
