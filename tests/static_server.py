"""A built site served on loopback, for the tests and the benchmarks alike (no pytest here)."""

from __future__ import annotations

import functools
import gzip
import io
import threading
from http.server import SimpleHTTPRequestHandler, ThreadingHTTPServer
from pathlib import Path

_TEXT_TYPES = (".html", ".css", ".js", ".mjs", ".json", ".svg", ".xml", ".txt", ".csv", ".md", ".map")


class _Handler(SimpleHTTPRequestHandler):
    """Static files; with ``compress`` on, text files gzip-compressed (level 6) as a web host would,
    and assets cacheable for a day. Quiet."""

    compress = False
    extensions_map = {**SimpleHTTPRequestHandler.extensions_map, ".mjs": "text/javascript", ".js": "text/javascript"}

    def log_message(self, *args):
        pass

    def end_headers(self):
        if not self.compress:
            self.send_header("Cache-Control", "no-store")
        super().end_headers()

    def send_head(self):
        path = Path(self.translate_path(self.path))
        if path.is_dir() and self.path.split("?")[0].endswith("/"):
            path = path / "index.html"
        wants_gzip = "gzip" in self.headers.get("Accept-Encoding", "")
        if not (self.compress and wants_gzip and path.is_file() and path.suffix in _TEXT_TYPES):
            return super().send_head()
        body = gzip.compress(path.read_bytes(), 6, mtime=0)
        self.send_response(200)
        self.send_header("Content-Type", self.guess_type(str(path)))
        self.send_header("Content-Encoding", "gzip")
        self.send_header("Vary", "Accept-Encoding")
        self.send_header("Content-Length", str(len(body)))
        cache = "no-cache" if path.suffix == ".html" else "public, max-age=86400"
        self.send_header("Cache-Control", cache)
        self.end_headers()
        return io.BytesIO(body)


class StaticServer:
    """A folder served on 127.0.0.1 (at ``port``, or a free one), in a background thread."""

    def __init__(self, folder: Path, port: int = 0, compress: bool = False):
        handler = functools.partial(type("Handler", (_Handler,), {"compress": compress}), directory=str(folder))
        self.httpd = ThreadingHTTPServer(("127.0.0.1", port), handler)
        self.url = f"http://127.0.0.1:{self.httpd.server_address[1]}/"
        self.thread = threading.Thread(target=self.httpd.serve_forever, daemon=True)
        self.thread.start()

    def close(self):
        self.httpd.shutdown()
        self.httpd.server_close()
