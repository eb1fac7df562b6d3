"""A small web server on 127.0.0.1 for tests: each route one line, every request it got kept for checks.

    server.add("/a-post/", page(html_bytes))             # 200 text/html
    server.add("/old", redirect("/a-post/"))             # 302
    server.add("/slow", Reply(body=b"...", delay=2))     # headers after 2 s
    server.add("/post", conditional(html_bytes, etag='"v1"'))   # 304 to a matching If-None-Match
    server.add_folder("/files/", saved_page_folder)      # each file at /files/<its path>

A route is a ``Reply`` or a function of the ``Request`` returning one; ``server.url(path)`` is its address.
"""

from __future__ import annotations

import gzip
import mimetypes
import threading
import time
from collections.abc import Callable, Mapping
from dataclasses import dataclass, field
from http.server import BaseHTTPRequestHandler, ThreadingHTTPServer
from pathlib import Path
from urllib.parse import quote, urlsplit

HTML = "text/html; charset=utf-8"


@dataclass(frozen=True)
class Request:
    """A request the server got: its path (with the query) and headers."""

    path: str
    headers: Mapping[str, str]

    def header(self, name: str) -> str | None:
        """A header's value, whatever its case; None when not sent."""
        lowered = name.lower()
        return next((value for key, value in self.headers.items() if key.lower() == lowered), None)


@dataclass(frozen=True)
class Reply:
    """What a route answers: status, headers and body, sent after ``delay`` seconds; with ``trickle``, the
    body goes out ``chunk`` bytes at a time, ``trickle`` seconds apart; with ``stall``, the server says
    nothing for ``stall`` seconds after the headers."""

    body: bytes = b""
    status: int = 200
    headers: Mapping[str, str] = field(default_factory=lambda: {"Content-Type": HTML})
    delay: float = 0.0
    stall: float = 0.0
    trickle: float = 0.0
    chunk: int = 1024
    content_length: int | None = None  # what Content-Length says, when not the body's length
    sized: bool = True  # False: no Content-Length, the body ends when the connection closes


Route = Reply | Callable[[Request], Reply]


def page(body: bytes, content_type: str = HTML, **headers: str) -> Reply:
    """A 200 answer with ``body`` of ``content_type``."""
    return Reply(body, headers={"Content-Type": content_type, **headers})


def redirect(location: str, status: int = 302) -> Reply:
    """A redirect to ``location`` (relative or absolute)."""
    return Reply(status=status, headers={"Location": location})


def status(code: int, **headers: str) -> Reply:
    """An answer of status ``code`` with a short text body."""
    return Reply(f"status {code}".encode(), status=code, headers={"Content-Type": "text/plain", **headers})


def gzipped(body: bytes, content_type: str = HTML) -> Reply:
    """``body`` sent gzip-compressed (Content-Encoding: gzip)."""
    return Reply(gzip.compress(body, 9), headers={"Content-Type": content_type, "Content-Encoding": "gzip"})


def conditional(
    body: bytes, etag: str | None = None, modified: str | None = None, **headers: str
) -> Callable[[Request], Reply]:
    """``body`` with an ETag and/or Last-Modified; 304 Not Modified to a request that matches them."""
    validators = {"ETag": etag, "Last-Modified": modified}
    sent = {name: value for name, value in validators.items() if value}

    def answer(request: Request) -> Reply:
        if (etag and request.header("If-None-Match") == etag) or (
            modified and not etag and request.header("If-Modified-Since") == modified
        ):
            return Reply(status=304, headers=sent)
        return Reply(body, headers={"Content-Type": HTML, **sent, **headers})

    return answer


class WebServer:
    """A threaded HTTP server on a free port of 127.0.0.1; ``add`` a route, ``url`` its address."""

    def __init__(self) -> None:
        self.routes: dict[str, Route] = {}
        self.requests: list[Request] = []
        self.peak = 0  # the most requests answered at once
        self._busy = 0
        self._lock = threading.Lock()
        self._httpd = _Server(("127.0.0.1", 0), _handler(self))
        self._httpd.daemon_threads = True
        self._thread = threading.Thread(target=self._httpd.serve_forever, args=(0.05,), daemon=True)

    @property
    def port(self) -> int:
        return self._httpd.server_address[1]

    def url(self, path: str = "/") -> str:
        """The address of ``path`` on this server."""
        return f"http://127.0.0.1:{self.port}{path}"

    def add(self, path: str, route: Route) -> str:
        """Serve ``route`` at ``path`` (the query included, if any); returns its address."""
        self.routes[path] = route
        return self.url(path)

    def add_folder(self, prefix: str, folder: Path) -> str:
        """Serve every file under ``folder`` at ``prefix`` + its relative path, typed by its suffix."""
        for path in sorted(folder.rglob("*")):
            if path.is_file():
                kind = mimetypes.guess_type(path.name)[0] or "application/octet-stream"
                self.add(prefix + quote(path.relative_to(folder).as_posix()), page(path.read_bytes(), kind))
        return self.url(prefix)

    def got(self, path: str) -> list[Request]:
        """The requests made for ``path`` so far."""
        with self._lock:
            return [request for request in self.requests if request.path == path]

    def busy(self, change: int) -> None:
        """Count a request starting (+1) or ending (-1)."""
        with self._lock:
            self._busy += change
            self.peak = max(self.peak, self._busy)

    def reply(self, request: Request) -> Reply:
        with self._lock:
            self.requests.append(request)
        route = self.routes.get(request.path) or self.routes.get(urlsplit(request.path).path)
        if route is None:
            return status(404)
        return route(request) if callable(route) else route

    def start(self) -> WebServer:
        self._thread.start()
        return self

    def stop(self) -> None:
        self._httpd.shutdown()
        self._httpd.server_close()


class _Server(ThreadingHTTPServer):
    def handle_error(self, request, client_address) -> None:
        pass  # a client that hangs up early (as a fetch over its size limit does) is no error here


def _handler(server: WebServer) -> type[BaseHTTPRequestHandler]:
    class Handler(BaseHTTPRequestHandler):
        protocol_version = "HTTP/1.1"

        def do_GET(self) -> None:
            server.busy(+1)
            try:
                self._answer()
            finally:
                server.busy(-1)

        def _answer(self) -> None:
            reply = server.reply(Request(self.path, dict(self.headers.items())))
            time.sleep(reply.delay)
            self.send_response(reply.status)
            for name, value in reply.headers.items():
                self.send_header(name, value)
            length = reply.content_length if reply.content_length is not None else len(reply.body)
            if reply.sized:
                self.send_header("Content-Length", str(length))
            else:
                self.send_header("Connection", "close")
                self.close_connection = True
            self.end_headers()
            self.wfile.flush()
            time.sleep(reply.stall)
            try:
                step = reply.chunk if reply.trickle else max(len(reply.body), 1)
                for start in range(0, len(reply.body), step):
                    self.wfile.write(reply.body[start : start + step])
                    self.wfile.flush()
                    time.sleep(reply.trickle)
            except (BrokenPipeError, ConnectionResetError):
                self.close_connection = True

        def log_message(self, format: str, *args: object) -> None:
            pass  # the tests read server.requests instead

    return Handler
