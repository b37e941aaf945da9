"""Measures what a reader's search session costs: the real search box and search page, in
headless Chromium. Used by the benchmark (python -m benchmarks.bench); needs the test extra
(Playwright) and Debian's Chromium, which `make bench` installs.

A session: four queries typed into the header's box, key by key as a reader types, then the
fifth on the search page, filtered by year and kind. Apart from the session: the fifth query on
the search page without filters (the filter data it fetches, none until the reader turns to the
filters, and then what their counts fetch) and quoted as a phrase (the word pairs it fetches). Reported: the bytes of the index fetched
on page load (the goal: none), the session's bytes (each file once, as the browser caches it;
gzipped as a server sends it), and for each query typed the time from its last keystroke to the
first results painted (measured in the page: the input event, then the frame after the list),
and the same for a query pasted into a fresh page, which fetches the manifest and shards first.
"""

from __future__ import annotations

import functools
import gzip
import http.server
import json
import os
import statistics
import threading
from pathlib import Path
from urllib.parse import quote_plus, urlsplit

CHROMIUM = os.environ.get("CHROMIUM", "/usr/bin/chromium")  # Debian's package
CHROMIUM_ARGS = ["--no-sandbox", "--disable-gpu", "--disable-dev-shm-usage", "--no-first-run",
                 "--disable-background-networking", "--disable-component-update", "--disable-sync"]
KEY_DELAY_MS = 60  # a quick typist
PAINT_PROBE = """() => {
  const root = document.querySelector('[data-archive-search]');
  const input = root.querySelector('input');
  window.__paints = [];
  let typed = 0;
  input.addEventListener('input', () => { typed = performance.now(); }, true);
  new MutationObserver(() => {
    if (root.dataset.done !== input.value || !input.value) return;
    const since = typed;
    requestAnimationFrame(() => window.__paints.push([input.value, performance.now() - since]));
  }).observe(root, {attributes: true, attributeFilter: ['data-done']});
}"""


class _Quiet(http.server.SimpleHTTPRequestHandler):
    def log_message(self, format, *args):
        pass


def serve_folder(folder: Path) -> http.server.ThreadingHTTPServer:
    """A static server for a built site on a free loopback port, in a thread; shut it down when done."""
    server = http.server.ThreadingHTTPServer(("127.0.0.1", 0), functools.partial(_Quiet, directory=str(folder)))
    threading.Thread(target=server.serve_forever, daemon=True).start()
    return server


def _type_in_box(page, query: str) -> str:
    box = page.locator("#archive-search-input")
    box.fill("")
    box.type(query, delay=KEY_DELAY_MS)
    page.wait_for_function("q => document.querySelector('[data-archive-search]').dataset.done === q", arg=query)
    page.wait_for_function("q => window.__paints.some(p => p[0] === q)", arg=query)
    first = page.locator("#archive-search-listbox .archive-result__title").first
    return first.inner_text() if first.count() else ""


def filtered_address(site_dir: Path, query: str) -> str:
    """The search page's address for a query narrowed to the latest year and its commonest kind."""
    manifest = json.loads((site_dir / "search" / "entities.json").read_text(encoding="utf-8"))
    year = manifest["years"][-1][0]
    kind = max(manifest["kinds"], key=lambda pair: pair[1])[0]
    return f"search/?q={quote_plus(query)}&year={year}&kind={quote_plus(kind)}"


def _filtered_search(page, base: str, address: str) -> str:
    page.goto(base + address)
    page.wait_for_function("() => { const r = document.querySelector('[data-search-page]');"
                           " return r.dataset.done !== undefined && r.dataset.busy === undefined; }")
    first = page.locator("[data-search-readouts] .archive-result__title").first
    return first.inner_text() if first.count() else ""


def _filter_data_bytes(site_dir: Path, paths: list[str]) -> int:
    """The gzipped bytes of the filter files (search/f/<year>.json) among the paths fetched."""
    return sum(len(gzip.compress((site_dir / p.lstrip("/")).read_bytes(), 6))
               for p in set(paths) if p.startswith("/search/f/"))


def _unfiltered_search(browser, base: str, site_dir: Path, query: str) -> tuple[int, int, int]:
    """A query on the search page with no filter, in a fresh page: the gzipped bytes of filter data
    it fetched, then those fetched when the reader points at the filters to see their counts, and
    the gzipped bytes of the texts fetched for its snippets."""
    context = browser.new_context()
    page = context.new_page()
    fetched: list[str] = []
    page.on("request", lambda request: fetched.append(urlsplit(request.url).path))
    page.goto(base + "search/?q=" + quote_plus(query))
    page.wait_for_function("() => { const r = document.querySelector('[data-search-page]');"
                           " return r.dataset.done !== undefined && r.dataset.busy === undefined; }")
    on_query = _filter_data_bytes(site_dir, fetched)
    texts = sum(len(gzip.compress((site_dir / p.lstrip("/")).read_bytes(), 6)) for p in set(fetched)
                if p.startswith("/search/t/"))
    page.locator(".search-page__filters summary").hover()
    page.wait_for_function("() => document.querySelector('[data-search-page]').dataset.counted !== undefined")
    counted = _filter_data_bytes(site_dir, fetched) - on_query
    context.close()
    return on_query, counted, texts


def _phrase_search(browser, base: str, site_dir: Path, query: str) -> int:
    """The gzipped bytes of word-pair files (search/n/) a quoted phrase fetches on the search page."""
    context = browser.new_context()
    page = context.new_page()
    fetched: list[str] = []
    page.on("request", lambda request: fetched.append(urlsplit(request.url).path))
    page.goto(base + "search/?q=" + quote_plus(f'"{query}"'))
    page.wait_for_function("() => { const r = document.querySelector('[data-search-page]');"
                           " return r.dataset.done !== undefined && r.dataset.busy === undefined; }")
    context.close()
    return sum(len(gzip.compress((site_dir / p.lstrip("/")).read_bytes(), 6)) for p in set(fetched)
               if p.startswith("/search/n/"))


def _pasted_into_a_fresh_page(browser, base: str, query: str) -> float:
    """From a query pasted into a fresh page (nothing cached) to its results painted."""
    context = browser.new_context()
    page = context.new_page()
    page.goto(base)
    page.evaluate(PAINT_PROBE)
    page.locator("#archive-search-input").fill(query)
    page.wait_for_function("q => window.__paints.some(p => p[0] === q)", arg=query)
    cold = page.evaluate("q => window.__paints.find(p => p[0] === q)[1]", query)
    context.close()
    return cold


def measure_search_session(site_dir: Path, queries: list[str], start_page: str = "") -> dict:
    """Loads a page, types the first queries into the header's box, runs the last on the search
    page with filters; the bytes it fetched and how soon results were painted."""
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
            on_load = [path for path in fetched if path.startswith("/search/") and path.endswith(".json")]
            page.evaluate(PAINT_PROBE)
            first_results = [_type_in_box(page, query) for query in queries[:-1]]
            paints = page.evaluate("window.__paints")
            address = filtered_address(site_dir, queries[-1])
            first_results.append(_filtered_search(page, base, address))
            cold_ms = _pasted_into_a_fresh_page(browser, base, queries[0])
            unfiltered = _unfiltered_search(browser, base, site_dir, queries[-1])
            phrase_bytes = _phrase_search(browser, base, site_dir, queries[-1])
            browser.close()
    finally:
        server.shutdown()
    session = sorted({path for path in fetched if path.startswith("/search/") and path.endswith(".json")})
    raw = [(site_dir / path.lstrip("/")).read_bytes() for path in session]
    last_paint = {query: ms for query, ms in paints}  # each query's last keystroke
    paint_ms = [last_paint[q] for q in queries[:-1] if q in last_paint]
    return {
        "on_load_bytes": sum((site_dir / p.lstrip("/")).stat().st_size for p in on_load),
        "raw_bytes": sum(len(content) for content in raw),
        "gz_bytes": sum(len(gzip.compress(content, 6)) for content in raw),
        "files": len(session),
        "first_results": first_results,
        "filtered": address,
        "paint_ms": paint_ms,  # last keystroke to first results painted, per query typed
        "cold_ms": cold_ms,  # a query pasted into a page that has fetched nothing yet
        "unfiltered_filter_gz_bytes": unfiltered[0],  # filter data an unfiltered search-page query fetches
        "filter_counts_gz_bytes": unfiltered[1],  # and what its filters' counts fetch when the reader turns to them
        "snippet_texts_gz_bytes": unfiltered[2],  # the texts its first page of results quotes from
        "phrase_gz_bytes": phrase_bytes,  # the word pairs the last query fetches when quoted as a phrase
    }


def session_figures(session: dict) -> str:
    """The session's figures for the bench line."""
    paints = session.get("paint_ms") or [0.0]
    return (f"search_session_gz_bytes={session['gz_bytes']} search_on_load_bytes={session['on_load_bytes']} "
            f"search_paint_ms_median={statistics.median(paints):.0f} search_paint_ms_max={max(paints):.0f} "
            f"search_paint_cold_ms={session.get('cold_ms', 0):.0f} "
            f"search_unfiltered_filter_gz_bytes={session.get('unfiltered_filter_gz_bytes', 0)} "
            f"search_filter_counts_gz_bytes={session.get('filter_counts_gz_bytes', 0)} "
            f"search_phrase_gz_bytes={session.get('phrase_gz_bytes', 0)}")


def session_rows(session: dict) -> list[tuple[str, str]]:
    """The session's rows for the bench table."""
    searches = "; ".join(f"{q!r} → {r!r}" for q, r in zip(session["queries"], session["first_results"], strict=False))
    paints = ", ".join(f"{ms:.0f}" for ms in session.get("paint_ms", []))
    return [
        ("search session", f"{session['gz_bytes'] / 1024:8.1f} KB   gzipped ({session['raw_bytes']:,} bytes raw, "
                           f"{session['files']} files) for {len(session['queries'])} searches, the last filtered "
                           f"({session.get('filtered', '')}): {searches}"),
        ("search fetched on page load", f"{session['on_load_bytes']:8d} bytes"),
        ("search page, unfiltered query", f"{session.get('unfiltered_filter_gz_bytes', 0) / 1024:8.1f} KB   gzipped of filter "
                                          f"data; {session.get('filter_counts_gz_bytes', 0) / 1024:.1f} KB when the reader "
                                          f"turns to the filters; {session.get('snippet_texts_gz_bytes', 0) / 1024:.1f} KB "
                                          f"of texts for its snippets"),
        ("search page, quoted phrase", f"{session.get('phrase_gz_bytes', 0) / 1024:8.1f} KB   gzipped of word pairs"),
        ("search: keystroke to results", f"{max(session.get('paint_ms') or [0]):8.0f} ms  at most, per query typed: {paints}; "
                                         f"pasted into a fresh page: {session.get('cold_ms', 0):.0f} ms"),
    ]
