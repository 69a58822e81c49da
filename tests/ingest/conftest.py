"""A local HTTP server the ingest tests start themselves (127.0.0.1, a free port).

Each test registers the responses it needs by path; nothing leaves the machine.
"""

from __future__ import annotations

import threading
import time
from collections.abc import Callable, Iterator
from dataclasses import dataclass, field
from http.server import BaseHTTPRequestHandler, ThreadingHTTPServer

import pytest

Handler = Callable[[BaseHTTPRequestHandler], None]


@dataclass
class LocalServer:
    base: str
    routes: dict[str, Handler] = field(default_factory=dict)
    requests: list[tuple[str, dict[str, str]]] = field(default_factory=list)

    def url(self, path: str) -> str:
        return f"{self.base}{path}"

    def page(self, path: str, body: bytes, content_type: str = "text/html; charset=utf-8",
             etag: str | None = None, status: int = 200) -> None:
        """Serve ``body`` at ``path``; with ``etag``, answer 304 to a matching If-None-Match."""

        def handle(req: BaseHTTPRequestHandler) -> None:
            if etag and req.headers.get("If-None-Match") == etag:
                req.send_response(304)
                req.send_header("ETag", etag)
                req.end_headers()
                return
            req.send_response(status)
            req.send_header("Content-Type", content_type)
            req.send_header("Content-Length", str(len(body)))
            if etag:
                req.send_header("ETag", etag)
            req.end_headers()
            req.wfile.write(body)

        self.routes[path] = handle

    def redirect(self, path: str, to: str, status: int = 302) -> None:
        def handle(req: BaseHTTPRequestHandler) -> None:
            req.send_response(status)
            req.send_header("Location", to)
            req.send_header("Content-Length", "0")
            req.end_headers()

        self.routes[path] = handle

    def slow(self, path: str, delay: float) -> None:
        def handle(req: BaseHTTPRequestHandler) -> None:
            time.sleep(delay)
            try:
                req.send_response(200)
                req.send_header("Content-Type", "text/plain")
                req.send_header("Content-Length", "2")
                req.end_headers()
                req.wfile.write(b"ok")
            except OSError:
                pass

        self.routes[path] = handle

    def raw(self, path: str, data: bytes) -> None:
        """Write ``data`` as the whole response, status line included (for broken responses)."""

        def handle(req: BaseHTTPRequestHandler) -> None:
            req.wfile.write(data)
            req.wfile.flush()
            req.close_connection = True

        self.routes[path] = handle

    def endless(self, path: str, chunk: bytes = b"x" * 65536) -> None:
        """A chunked body without a length that never ends (until the client hangs up)."""

        def handle(req: BaseHTTPRequestHandler) -> None:
            req.send_response(200)
            req.send_header("Content-Type", "text/plain")
            req.end_headers()
            req.close_connection = True
            try:
                for _ in range(10_000):
                    req.wfile.write(chunk)
            except OSError:
                pass

        self.routes[path] = handle


class _Handler(BaseHTTPRequestHandler):
    protocol_version = "HTTP/1.0"
    server: ThreadingHTTPServer

    def do_GET(self) -> None:  # noqa: N802 - http.server's naming
        local: LocalServer = self.server.local  # type: ignore[attr-defined]
        local.requests.append((self.path, dict(self.headers.items())))
        handler = local.routes.get(self.path)
        if handler is None:
            self.send_error(404)
            return
        handler(self)

    def log_message(self, *args: object) -> None:
        pass


@pytest.fixture
def server() -> Iterator[LocalServer]:
    httpd = ThreadingHTTPServer(("127.0.0.1", 0), _Handler)
    httpd.daemon_threads = True
    local = LocalServer(base=f"http://127.0.0.1:{httpd.server_address[1]}")
    httpd.local = local  # type: ignore[attr-defined]
    thread = threading.Thread(target=httpd.serve_forever, kwargs={"poll_interval": 0.05}, daemon=True)
    thread.start()
    try:
        yield local
    finally:
        httpd.shutdown()
        httpd.server_close()
