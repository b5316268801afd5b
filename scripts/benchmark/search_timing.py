"""What a reader waits for when searching a built site, measured in Chromium (scripts/bench).

For each way of opening the site (over HTTP from a local server; from file:// with every other
request aborted), a fresh page of the zh-Hans variant is loaded, and then, as a reader would:
the search box is clicked, a query typed once the search is ready (ready_s), and the clock stops
when the first results are on screen (first_s: both from the page's load event, by the test
driver's clock, which adds its own round trips). A second query is typed into the same box
(second_s: from its last key to its results). The page's own clock gives, from the query's last
key, its first results on screen (typed_s, second_typed_s) and its last rendering (complete_s,
second_complete_s: the worker shows the texts Material folds a moment later). Per query, the
index files it loaded (the shards under search/, the worker's segmenter) and their bytes are
counted from the requests the page made until it has been quiet for half a second; setup_kb is
what the worker loaded before the first query (the page table and the segmenter). Each figure
is the median of RUNS fresh pages (a new browser context each: nothing cached).

Runs as `python -m benchmark.search_timing SITE [RUNS]` too (SITE: a built site, as scripts/build makes).
"""

from __future__ import annotations

import functools
import http.server
import json
import os
import re
import statistics
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
QUERIES = ("联合国调解", "预防性外交")
RUNS = 3  # two words each (联合国|调解, 预防性|外交)
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


# In the page: when each query's last key went up, and when results Material rendered were
# painted (it empties the list and renders its first items in one task: one batch of mutation
# records; the first task after the next animation frame comes after that frame's paint).
IN_PAGE_CLOCK = """
window.__search = {keys: [], shown: []};
addEventListener("DOMContentLoaded", () => {
  const input = document.querySelector("input.md-search__input");
  const list = document.querySelector(".md-search-result__list");
  if (!input || !list) return;
  input.addEventListener("keyup", () => __search.keys.push(performance.now()));
  new MutationObserver(() => {
    if (list.querySelector(".md-search-result__item"))
      requestAnimationFrame(() => setTimeout(() => __search.shown.push(performance.now())));
  }).observe(list, {childList: true});
});
"""


def _settle(page, requested: list[str], quiet_s: float = 0.5) -> None:
    """Wait until the page has asked for nothing for quiet_s (the worker loads the texts of the
    results Material folds after showing the first ones)."""
    count, since = len(requested), time.perf_counter()
    while time.perf_counter() - since < quiet_s:
        page.wait_for_timeout(50)
        if len(requested) != count:
            count, since = len(requested), time.perf_counter()


def _in_page(page) -> list[tuple[float, float]]:
    """For the first and the last query typed: seconds from its last key to its first results
    on screen and to its last rendering before the next key (clearing the box between them
    sends keys of its own)."""
    clock = page.evaluate("window.__search")
    keys, shown = clock["keys"], clock["shown"]
    out = []
    for typed, following in ((keys[0], keys[1]), (keys[-1], float("inf"))):
        renders = [t for t in shown if typed < t < following]
        out.append(((renders[0] - typed) / 1000, (renders[-1] - typed) / 1000))
    return out


def measure_page(browser, site: Path, base: str, offline: bool) -> dict:
    context = browser.new_context(viewport={"width": 1280, "height": 900}, locale="zh-CN")
    if offline:
        context.route("**/*", lambda route: route.continue_() if route.request.url.startswith("file:")
                      else route.abort())
    requested: list[str] = []
    context.on("request", lambda request: requested.append(request.url))
    context.add_init_script(IN_PAGE_CLOCK)
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
        _settle(page, requested)
        before_second = len(requested)
        shown = page.inner_html(".md-search-result__list")
        page.fill("input.md-search__input", "")
        page.keyboard.press("End")  # the empty query: key 1
        page.wait_for_function("() => !document.querySelector('.md-search-result__item')")
        typed = time.perf_counter()
        _type(page, QUERIES[1])
        page.wait_for_function(
            """shown => { const list = document.querySelector('.md-search-result__list');
                          return list.querySelector('.md-search-result__item') && list.innerHTML !== shown; }""",
            arg=shown, timeout=600_000)
        second = time.perf_counter() - typed
        _settle(page, requested)
        after_second = len(requested)
        (typed_first, complete_first), (typed_second, complete_second) = _in_page(page)
        return {
            "ready_s": ready,
            "first_s": first,
            "typed_s": typed_first,
            "complete_s": complete_first,
            "second_s": second,
            "second_typed_s": typed_second,
            "second_complete_s": complete_second,
            "setup_kb": index_bytes(site, base, requested[:setup]) / 1024,
            "first_query_kb": index_bytes(site, base, requested[setup:before_second]) / 1024,
            "second_query_kb": index_bytes(site, base, requested[before_second:after_second]) / 1024,
            "index_files_first_query": len({u for u in requested[setup:before_second]
                                            if INDEX_FILE.search(urlparse(u).path)}),
        }
    finally:
        context.close()


def medians(runs: list[dict]) -> dict:
    """Each figure's median over the runs, and the runs' timings (to see their spread)."""
    out = {key: statistics.median(run[key] for run in runs) for key in runs[0]}
    out["runs"] = [{key: round(value, 3) for key, value in run.items() if key.endswith("_s")} for run in runs]
    return out


def measure(site: Path, runs: int = RUNS) -> dict:
    """Both ways of opening the site, medians of `runs` fresh pages each: {"http": {...}, "file": {...}}."""
    from playwright.sync_api import sync_playwright

    with sync_playwright() as playwright:
        browser = playwright.chromium.launch(executable_path=str(CHROMIUM), args=CHROMIUM_ARGS)
        over_http, from_file = [], []
        try:
            with serving(site) as base:
                for _ in range(runs):  # alternating, so that drift in the machine's load hits both alike
                    over_http.append(measure_page(browser, site, base, offline=False))
                    from_file.append(measure_page(browser, site, site.resolve().as_uri(), offline=True))
        finally:
            browser.close()
    return {"http": medians(over_http), "file": medians(from_file), "load_average": os.getloadavg()[0]}


def summary(figures: dict, size: int) -> dict:
    """The JSON last line's keys for one corpus size."""
    return {
        f"first_search_s_{size}": round(figures["http"]["first_s"], 3),
        f"first_search_file_s_{size}": round(figures["file"]["first_s"], 3),
        f"second_search_s_{size}": round(max(figures["http"]["second_s"], figures["file"]["second_s"]), 3),
        f"first_search_in_page_s_{size}": round(max(figures[way]["typed_s"] for way in ("http", "file")), 3),
        f"second_search_in_page_s_{size}": round(max(figures[way]["second_typed_s"] for way in ("http", "file")), 3),
        f"search_query_kb_{size}": round(max(figures[way]["setup_kb"] + figures[way]["first_query_kb"]
                                             for way in ("http", "file"))),
    }


TITLE = f"search in Chromium ({VARIANT}; query 1 {QUERIES[0]}, query 2 {QUERIES[1]}; from the page's load event):"


def rows(by_size: dict[int, dict]) -> list[list[str]]:
    """The table scripts/bench prints."""
    out = [["reports", "opened", "ready s", "first results s", "in page s", "all texts s", "second query s",
            "in page s", "setup KB", "query 1 KB", "query 2 KB", "files q1"]]
    for size, figures in by_size.items():
        for way in ("http", "file"):
            f = figures[way]
            out.append([str(size), way, f"{f['ready_s']:.2f}", f"{f['first_s']:.2f}", f"{f['typed_s']:.3f}",
                        f"{f['complete_s']:.3f}", f"{f['second_s']:.3f}", f"{f['second_typed_s']:.3f}",
                        f"{f['setup_kb']:.0f}", f"{f['first_query_kb']:.0f}", f"{f['second_query_kb']:.0f}",
                        str(f["index_files_first_query"])])
    return out


if __name__ == "__main__":
    figures = measure(Path(sys.argv[1]), int(sys.argv[2]) if len(sys.argv) > 2 else RUNS)
    print(json.dumps(figures, indent=1))
    print(f"load average {figures['load_average']:.1f}")
    print("\n".join("  ".join(row) for row in rows({"site": figures})))
