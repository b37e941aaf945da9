"""A local HTTP server on 127.0.0.1 whose answers the tests script: a web archive's save service,
or the publishers' pages the watcher reads."""

from __future__ import annotations

import threading
import time
from collections.abc import Callable
from http.server import BaseHTTPRequestHandler, ThreadingHTTPServer

Answer = tuple[int, dict[str, str], bytes]  # status, headers, body


class ScriptedServer:
    """Serves `routes[path](server)` for each GET; records the requests it received."""

    def __init__(self, routes: dict[str, Callable[[], Answer]] | None = None):
        self.routes = routes or {}
        self.requests: list[tuple[str, str]] = []  # (path, user agent)
        server = self

        class Handler(BaseHTTPRequestHandler):
            def do_GET(self):  # noqa: N802 (the name http.server calls)
                server.requests.append((self.path, self.headers.get("User-Agent", "")))
                route = server.routes.get(self.path) or server.routes.get("*")
                status, headers, body = route(self.path) if route else (404, {}, b"<html><body>not here</body></html>")
                self.send_response(status)
                for name, value in headers.items():
                    self.send_header(name, value)
                self.send_header("Content-Length", str(len(body)))
                self.end_headers()
                self.wfile.write(body)

            def log_message(self, *args):
                pass

        self.httpd = ThreadingHTTPServer(("127.0.0.1", 0), Handler)
        self.httpd.daemon_threads = True
        self.base = f"http://127.0.0.1:{self.httpd.server_address[1]}"
        self.thread = threading.Thread(target=self.httpd.serve_forever, daemon=True)

    def __enter__(self) -> ScriptedServer:
        self.thread.start()
        return self

    def __exit__(self, *exc) -> None:
        self.httpd.shutdown()
        self.httpd.server_close()


def slow(seconds: float, answer: Answer) -> Callable[[str], Answer]:
    def route(path: str) -> Answer:
        time.sleep(seconds)
        return answer
    return route
