"""Serve a built site on a free loopback port for browser checks and measurements."""
from __future__ import annotations

import contextlib
import functools
import gzip
import threading
from http.server import SimpleHTTPRequestHandler, ThreadingHTTPServer
from pathlib import Path

# What common static hosts (GitHub Pages, GitLab Pages, Netlify) send gzip-compressed.
COMPRESSED = {".html", ".css", ".js", ".json", ".xml", ".svg", ".txt", ".map"}


class _QuietHandler(SimpleHTTPRequestHandler):
    compress = False

    def log_message(self, *args):  # the checks report their own progress
        pass

    def do_GET(self):
        if not self.compress or "gzip" not in self.headers.get("Accept-Encoding", ""):
            return super().do_GET()
        path = Path(self.translate_path(self.path))
        if path.is_dir():
            if not self.path.split("?")[0].endswith("/"):
                return super().do_GET()   # the redirect to the folder's address with a slash
            path = path / "index.html"
        if path.suffix not in COMPRESSED or not path.is_file():
            return super().do_GET()
        body = gzip.compress(path.read_bytes(), compresslevel=6, mtime=0)
        self.send_response(200)
        self.send_header("Content-Type", self.guess_type(str(path)))
        self.send_header("Content-Encoding", "gzip")
        self.send_header("Vary", "Accept-Encoding")
        self.send_header("Content-Length", str(len(body)))
        self.end_headers()
        self.wfile.write(body)


@contextlib.contextmanager
def serve(directory: Path, compress: bool = False):
    """Yield the base URL (http://127.0.0.1:PORT/) of directory, served until the block ends;
    compress: gzip text files as common static hosts do (for size and speed measurements)."""
    handler = functools.partial(type("Handler", (_QuietHandler,), {"compress": compress}),
                                directory=str(directory))
    server = ThreadingHTTPServer(("127.0.0.1", 0), handler)
    thread = threading.Thread(target=server.serve_forever, daemon=True)
    thread.start()
    try:
        yield f"http://127.0.0.1:{server.server_address[1]}/"
    finally:
        server.shutdown()
        server.server_close()
