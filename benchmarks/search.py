"""Measures what a reader's search session costs: the real search box, in headless Chromium.

Used by the benchmark (python -m benchmarks.bench); needs the test extra (Playwright)
and Debian's Chromium, which `make bench` installs.
"""

from __future__ import annotations

import functools
import os
import gzip
import http.server
import threading
from pathlib import Path
from urllib.parse import urlsplit

CHROMIUM = os.environ.get("CHROMIUM", "/usr/bin/chromium")  # Debian's package
CHROMIUM_ARGS = ["--no-sandbox", "--disable-gpu", "--disable-dev-shm-usage", "--no-first-run",
                 "--disable-background-networking", "--disable-component-update", "--disable-sync"]


class _Quiet(http.server.SimpleHTTPRequestHandler):
    def log_message(self, format, *args):
        pass


def serve_folder(folder: Path) -> http.server.ThreadingHTTPServer:
    """A static server for a built site on a free loopback port, in a thread; shut it down when done."""
    server = http.server.ThreadingHTTPServer(("127.0.0.1", 0), functools.partial(_Quiet, directory=str(folder)))
    threading.Thread(target=server.serve_forever, daemon=True).start()
    return server


def _wait_for_results(page, query: str) -> None:
    page.wait_for_function("q => document.querySelector('[data-readouts-search]').dataset.done === q", arg=query)


def measure_search_session(site_dir: Path, queries: list[str], start_page: str = "") -> dict:
    """Bytes fetched for the search index by loading a page, then typing each query in turn.

    Returns the bytes fetched on page load (should be 0), the session's raw and gzipped
    bytes (each file counted once, as the browser caches it), and the files' count.
    """
    from playwright.sync_api import sync_playwright

    server = serve_folder(site_dir)
    base = f"http://127.0.0.1:{server.server_address[1]}/"
    fetched: list[str] = []
    try:
        with sync_playwright() as playwright:
            browser = playwright.chromium.launch(executable_path=CHROMIUM, args=CHROMIUM_ARGS)
            page = browser.new_page()
            page.on("request", lambda request: fetched.append(urlsplit(request.url).path))
            page.goto(base + start_page)
            page.wait_for_load_state("networkidle")
            on_load = [path for path in fetched if path.startswith("/search/")]
            first_results = []
            for query in queries:
                page.locator(".md-search__input").fill(query)
                _wait_for_results(page, query)
                first_results.append(page.locator(".md-search-result__item h1, .md-search-result__item h2").first.inner_text())
            browser.close()
    finally:
        server.shutdown()
    session = sorted({path for path in fetched if path.startswith("/search/")})
    raw = [(site_dir / path.lstrip("/")).read_bytes() for path in session]
    return {
        "on_load_bytes": sum((site_dir / p.lstrip("/")).stat().st_size for p in on_load),
        "raw_bytes": sum(len(content) for content in raw),
        "gz_bytes": sum(len(gzip.compress(content, 6)) for content in raw),
        "files": len(session),
        "first_results": first_results,
    }
