"""``soraq serve``: the web registry.

Why this server: no production WSGI server (gunicorn, waitress, uWSGI) is a
dependency, so ``serve`` uses Django's own development server machinery
(:mod:`django.core.servers.basehttp`, a threaded ``wsgiref`` server) without
the autoreloader, wrapped in ``StaticFilesHandler`` so that CSS and the admin's
static files are served from the installed apps without ``DEBUG`` and without
``collectstatic``. That is enough for one organisation's team on a local
network or behind a TLS-terminating reverse proxy.

For heavier use, ``--workers N`` serves with gunicorn instead: N worker
processes with a few threads each, because one Python process is CPU-bound
under many concurrent clients (docs/sharing.md has the load figures). Any
other WSGI server can also be pointed at ``soraq.site.wsgi:application``.

Two details of the server (:func:`make_server`):

* **TCP_NODELAY on every accepted socket.** The WSGI server writes a
  response's headers and body in separate ``send`` calls; with Nagle's
  algorithm the body then waits for the client's delayed ACK, about 40 ms per
  response on Linux (the load benchmark, benchmarks/load_registry.py, in
  docs/sharing.md: one client's page went from ~50 ms to 4-12 ms).
* **Database connections end with the client's connection.** Each client
  connection is served by its own thread, which keeps its database connection
  for the keep-alive requests that follow (``CONN_MAX_AGE``, set for
  PostgreSQL in the settings) and closes it when the client goes, as Django's
  own threaded server does.
"""

from __future__ import annotations

import argparse
import socket
import sys

HELP = "serve the web registry (applies pending migrations first)"
DESCRIPTION = """\
Serve the registry's web pages: search people by name in any script, read a
person's file (names, status with its sources, timeline with the sentences it
rests on) and the documents. Log in with an account (`soraq demo-account`
creates one to try it). Pending database migrations are applied first.

Listening on another address than this machine's needs the host name in
SORAQ_ALLOWED_HOSTS, and HTTPS in front (set SORAQ_HTTPS=1 there).

Examples:
  soraq serve                          http://127.0.0.1:8000
  soraq serve --port 8080
  SORAQ_ALLOWED_HOSTS=registry.example.org soraq serve --host 0.0.0.0
  soraq serve --workers 4              several processes (gunicorn), for many users
"""


def add_arguments(parser: argparse.ArgumentParser) -> None:
    parser.add_argument("--host", default="127.0.0.1", help="address to listen on (default 127.0.0.1)")
    parser.add_argument("--port", type=int, default=8000, help="port to listen on (default 8000)")
    parser.add_argument("--workers", type=int, default=0, metavar="N",
                        help="serve with N gunicorn worker processes (default: one threaded process); "
                             "about one per core")
    parser.add_argument("--threads", type=int, default=4, metavar="T",
                        help="with --workers: threads per worker process (default 4)")


def set_nodelay(sock: socket.socket) -> None:
    """Send small writes at once (no Nagle delay); a socket that is not TCP is left as it is."""
    try:
        sock.setsockopt(socket.IPPROTO_TCP, socket.TCP_NODELAY, 1)
    except OSError:
        pass


def make_server(host: str, port: int):  # type: ignore[no-untyped-def]
    """A threaded WSGI server for the registry, bound but not yet serving (port 0: any free port)."""
    from django.contrib.staticfiles.handlers import StaticFilesHandler
    from django.core.servers.basehttp import ThreadedWSGIServer, WSGIRequestHandler
    from django.core.wsgi import get_wsgi_application

    class SoraqServer(ThreadedWSGIServer):
        """Django's threaded server (closes a thread's database connections when its client leaves)."""

        def get_request(self) -> tuple[socket.socket, object]:
            conn, address = super().get_request()
            set_nodelay(conn)
            return conn, address

    httpd = SoraqServer((host, port), WSGIRequestHandler, ipv6=":" in host)
    httpd.set_app(StaticFilesHandler(get_wsgi_application()))
    return httpd


def serve_with_workers(host: str, port: int, workers: int, threads: int = 4) -> None:
    """Serve with gunicorn: ``workers`` processes of ``threads`` threads (gunicorn sets TCP_NODELAY itself)."""
    from django.contrib.staticfiles.handlers import StaticFilesHandler
    from django.core.wsgi import get_wsgi_application
    from gunicorn.app.base import BaseApplication

    class SoraqApplication(BaseApplication):  # type: ignore[misc]
        def load_config(self) -> None:
            bind = f"[{host}]:{port}" if ":" in host else f"{host}:{port}"
            for key, value in {"bind": bind, "workers": workers, "worker_class": "gthread",
                               "threads": max(1, threads), "accesslog": None, "proc_name": "soraq"}.items():
                self.cfg.set(key, value)

        def load(self):  # type: ignore[no-untyped-def]
            return StaticFilesHandler(get_wsgi_application())

    SoraqApplication().run()


def run(args: argparse.Namespace) -> int:
    from soraq.site import bootstrap

    bootstrap.setup()
    bootstrap.migrate(out=sys.stderr)
    from django.conf import settings
    from django.db import connections

    connections.close_all()  # the serving threads open their own; keep no idle one here

    host_name = args.host.strip("[]")
    if host_name not in ("0.0.0.0", "::") and host_name not in [h.strip("[]") for h in settings.ALLOWED_HOSTS] \
            and "*" not in settings.ALLOWED_HOSTS:
        print(f"warning: {args.host} is not in SORAQ_ALLOWED_HOSTS; requests to it will be refused",
              file=sys.stderr)
    if args.workers > 0:
        shown = f"[{host_name}]" if ":" in host_name else host_name
        print(f"Soraq registry on http://{shown}:{args.port}/  ({args.workers} workers; Ctrl-C to stop)",
              flush=True)
        serve_with_workers(host_name, args.port, args.workers, getattr(args, "threads", 4))
        return 0
    try:
        httpd = make_server(host_name, args.port)
    except OSError as exc:
        print(f"soraq serve: cannot listen on {args.host}:{args.port}: {exc.strerror or exc}", file=sys.stderr)
        return 1
    shown = f"[{host_name}]" if ":" in host_name else host_name
    print(f"Soraq registry on http://{shown}:{httpd.server_port}/  (Ctrl-C to stop)", flush=True)
    try:
        httpd.serve_forever()
    finally:
        httpd.server_close()
    return 0
