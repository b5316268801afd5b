"""What a reader waits for when searching a built site, measured in Chromium (scripts/bench).

For each way of opening the site (over HTTP from a local server; from file:// with every other
request aborted), a fresh page of the zh-Hans variant is loaded, and then, as a reader would:
the search box is clicked, a query typed once the search is ready (ready_s), and the clock stops
when the first results are on screen (first_s: both from the page's load event). A second query is typed
into the same box (second_s: from its last key to its results). Per query, the index files it
loaded (the shards under search/, the worker's segmenter) and their bytes are counted from the
requests the page made; setup_kb is what the worker loaded before the first query (the page
table and the segmenter).

Runs as `python -m benchmark.search_timing SITE` too (SITE: a built site, as scripts/build makes).
"""

from __future__ import annotations

import functools
import http.server
import json
import re
import sys
import threading
import time
from contextlib import contextmanager
from pathlib import Path
from urllib.parse import unquote, urlparse

CHROMIUM = Path("/usr/bin/chromium")
CHROMIUM_ARGS = ["--headless", "--no-sandbox", "--disable-gpu", "--disable-background-networking",
                 "--disable-component-update", "--disable-sync", "--no-first-run"]
VARIANT = "zh-Hans"
QUERIES = ("联合国调解", "预防性外交")  # two words each (联合国|调解, 预防性|外交)
INDEX_FILE = re.compile(r"/(search/.+\.js|assets/javascripts/search/segmenter\.js)$")
READY = """() => document.querySelector('.md-search-result__meta').textContent.trim() ===
             JSON.parse(document.getElementById('__config').textContent)
               .translations['search.result.placeholder']"""


class _Quiet(http.server.SimpleHTTPRequestHandler):
    def log_message(self, format, *args):  # noqa: A002 - signature of the base class
        pass


@contextmanager
def serving(site: Path, handler: type[http.server.SimpleHTTPRequestHandler] = _Quiet):
    server = http.server.ThreadingHTTPServer(("127.0.0.1", 0), functools.partial(handler, directory=str(site)))
    thread = threading.Thread(target=server.serve_forever, daemon=True)
    thread.start()
    try:
        yield f"http://127.0.0.1:{server.server_address[1]}"
    finally:
        server.shutdown()
        server.server_close()
        thread.join()


def index_bytes(site: Path, base: str, urls: list[str]) -> int:
    """The size on disk of the distinct index files among the URLs (from the base URL of site)."""
    paths = {unquote(urlparse(url).path) for url in urls if INDEX_FILE.search(urlparse(url).path)}
    prefix = unquote(urlparse(base).path).rstrip("/")
    return sum((site / path[len(prefix):].lstrip("/")).stat().st_size for path in paths)


def _type(page, query: str) -> None:
    page.fill("input.md-search__input", query)
    page.keyboard.press("End")  # Material reads the query on keyup


def measure_page(browser, site: Path, base: str, offline: bool) -> dict:
    context = browser.new_context(viewport={"width": 1280, "height": 900}, locale="zh-CN")
    if offline:
        context.route("**/*", lambda route: route.continue_() if route.request.url.startswith("file:")
                      else route.abort())
    requested: list[str] = []
    context.on("request", lambda request: requested.append(request.url))
    page = context.new_page()
    try:
        page.goto(f"{base}/{VARIANT}/index.html", wait_until="load")
        loaded = time.perf_counter()
        page.click("input.md-search__input")
        page.wait_for_function(READY, timeout=600_000)
        ready = time.perf_counter() - loaded
        setup = len(requested)
        _type(page, QUERIES[0])
        page.wait_for_selector(".md-search-result__item", timeout=600_000)
        first = time.perf_counter() - loaded
        before_second = len(requested)
        shown = page.inner_html(".md-search-result__list")
        page.fill("input.md-search__input", "")
        page.keyboard.press("End")
        page.wait_for_function("() => !document.querySelector('.md-search-result__item')")
        typed = time.perf_counter()
        _type(page, QUERIES[1])
        page.wait_for_function(
            """shown => { const list = document.querySelector('.md-search-result__list');
                          return list.querySelector('.md-search-result__item') && list.innerHTML !== shown; }""",
            arg=shown, timeout=600_000)
        second = time.perf_counter() - typed
        after_second = len(requested)
        return {
            "ready_s": ready,
            "first_s": first,
            "second_s": second,
            "setup_kb": index_bytes(site, base, requested[:setup]) / 1024,
            "first_query_kb": index_bytes(site, base, requested[setup:before_second]) / 1024,
            "second_query_kb": index_bytes(site, base, requested[before_second:after_second]) / 1024,
            "index_files_first_query": len({u for u in requested[setup:before_second]
                                            if INDEX_FILE.search(urlparse(u).path)}),
        }
    finally:
        context.close()


def measure(site: Path) -> dict:
    """Both ways of opening the site: {"http": {...}, "file": {...}}."""
    from playwright.sync_api import sync_playwright

    with sync_playwright() as playwright:
        browser = playwright.chromium.launch(executable_path=str(CHROMIUM), args=CHROMIUM_ARGS)
        try:
            with serving(site) as base:
                over_http = measure_page(browser, site, base, offline=False)
            from_file = measure_page(browser, site, site.resolve().as_uri(), offline=True)
        finally:
            browser.close()
    return {"http": over_http, "file": from_file}


def summary(figures: dict, size: int) -> dict:
    """The JSON last line's keys for one corpus size."""
    return {
        f"first_search_s_{size}": round(figures["http"]["first_s"], 3),
        f"first_search_file_s_{size}": round(figures["file"]["first_s"], 3),
        f"second_search_s_{size}": round(max(figures["http"]["second_s"], figures["file"]["second_s"]), 3),
        f"search_query_kb_{size}": round(max(figures[way]["setup_kb"] + figures[way]["first_query_kb"]
                                             for way in ("http", "file"))),
    }


TITLE = f"search in Chromium ({VARIANT}; query 1 {QUERIES[0]}, query 2 {QUERIES[1]}; from the page's load event):"


def rows(by_size: dict[int, dict]) -> list[list[str]]:
    """The table scripts/bench prints."""
    out = [["reports", "opened", "ready s", "first results s", "second query s", "setup KB",
            "query 1 KB", "query 2 KB", "files q1"]]
    for size, figures in by_size.items():
        for way, f in figures.items():
            out.append([str(size), way, f"{f['ready_s']:.2f}", f"{f['first_s']:.2f}", f"{f['second_s']:.3f}",
                        f"{f['setup_kb']:.0f}", f"{f['first_query_kb']:.0f}", f"{f['second_query_kb']:.0f}",
                        str(f["index_files_first_query"])])
    return out


if __name__ == "__main__":
    print(json.dumps(measure(Path(sys.argv[1])), indent=1))
