"""The built site in real Chromium: paragraph URLs, the variant switcher, search (HTTP, file://)."""

from __future__ import annotations

import json
import re
from pathlib import Path

import pytest

from unmd.search_shards import read_entries, shard_name

ROOT = Path(__file__).resolve().parents[2]
REPORT = "S-2011-552"
SCREENSHOTS = "/tmp"


def paragraph_is_in_view(page, element_id: str) -> bool:
    """The element is the :target and its top is on screen below Material's fixed header."""
    return page.evaluate(
        """id => {
            const el = document.getElementById(id);
            if (!el || document.querySelector(':target') !== el) return false;
            const header = document.querySelector('.md-header').getBoundingClientRect();
            const box = el.getBoundingClientRect();
            return box.top >= header.bottom - 1 && box.top < window.innerHeight;
        }""",
        element_id,
    )


def switch_variant(page, lang: str) -> None:
    page.hover(".md-header__option .md-select")
    with page.expect_navigation():
        page.click(f".md-select__link[hreflang='{lang}']")
    page.wait_for_load_state("load")


def open_search(page) -> None:
    """Open Material's search and wait for its worker to have built the index."""
    page.click("input.md-search__input")  # in the header at desktop width
    # Material shows its "type to search" placeholder once the index is loaded; a query typed
    # before that is dropped, as it would be for a reader.
    page.wait_for_function(
        """() => document.querySelector('.md-search-result__meta').textContent.trim() ===
             JSON.parse(document.getElementById('__config').textContent)
               .translations['search.result.placeholder']""",
        timeout=30_000,
    )


def search(page, query: str):
    """Type a query into Material's search once its worker is ready; the result links."""
    open_search(page)
    page.fill("input.md-search__input", query)
    # Material reads the query on keyup; Chinese text arrives through an input method whose
    # last key (here End) fires it; Playwright inserts CJK text without key events.
    page.keyboard.press("End")
    page.wait_for_selector(".md-search-result__item", timeout=15_000)
    return page.locator(".md-search-result__link")


@pytest.mark.parametrize("variant", ["zh-Hans", "zh-Hant"])
def test_paragraph_url_lands_on_the_paragraph(page, site_url, variant):
    page.goto(f"{site_url}/{variant}/{REPORT}.html#para-12")
    page.wait_for_load_state("load")
    assert paragraph_is_in_view(page, "para-12")
    assert page.inner_text("#para-12").startswith("12.")
    page.screenshot(path=f"{SCREENSHOTS}/{REPORT}-{variant}-para-12.png")


@pytest.mark.parametrize(("start", "other"), [("zh-Hans", "zh-Hant"), ("zh-Hant", "zh-Hans")])
def test_switcher_keeps_page_and_fragment_over_http(page, site_url, start, other):
    page.goto(f"{site_url}/{start}/{REPORT}.html#para-12")
    switch_variant(page, other)
    assert page.url == f"{site_url}/{other}/{REPORT}.html#para-12"
    assert paragraph_is_in_view(page, "para-12")
    assert page.evaluate("document.documentElement.lang") == other


def test_switcher_follows_a_fragment_chosen_after_loading(page, site_url):
    page.goto(f"{site_url}/zh-Hans/{REPORT}.html")
    page.evaluate("location.hash = '#para-30'")
    switch_variant(page, "zh-Hant")
    assert page.url == f"{site_url}/zh-Hant/{REPORT}.html#para-30"


def test_switcher_keeps_page_and_fragment_from_file(page, built_site):
    page.goto((built_site / "zh-Hant" / f"{REPORT}.html").as_uri() + "#para-12")
    switch_variant(page, "zh-Hans")
    assert page.url == (built_site / "zh-Hans" / f"{REPORT}.html").as_uri() + "#para-12"
    assert paragraph_is_in_view(page, "para-12")


@pytest.mark.parametrize(("variant", "query"), [("zh-Hant", "行動"), ("zh-Hans", "预防性外交")])
def test_search_over_http_finds_results_in_the_current_script_only(page, site_url, variant, query):
    page.goto(f"{site_url}/{variant}/index.html")
    links = search(page, query)
    hrefs = links.evaluate_all("links => links.map(a => a.href)")
    assert hrefs and all(h.startswith(f"{site_url}/{variant}/") for h in hrefs)
    assert query in page.inner_text(".md-search-result")


def test_search_result_leads_to_the_paragraph(page, site_url):
    page.goto(f"{site_url}/zh-Hans/index.html")
    search(page, "预防性外交")
    paragraph_link = page.locator(".md-search-result__link[href*='#para-']").first
    href = paragraph_link.get_attribute("href")
    anchor = re.search(r"#(para-\d+)$", href)[1]
    page.goto(href)  # the link as the reader follows it (it may sit in a folded "more" list)
    assert page.url.endswith(f"#{anchor}")
    assert paragraph_is_in_view(page, anchor)


@pytest.mark.parametrize("opened", ["http", "file"])
def test_results_folded_under_more_get_their_texts(page, site_url, built_site, opened):
    """The worker answers as soon as the texts Material shows unfolded are loaded, then again
    with those it folds under "more on this page": in the end every folded result links to its
    own paragraph or heading and shows the query's words highlighted."""
    base = site_url if opened == "http" else built_site.as_uri()
    page.goto(f"{base}/zh-Hans/index.html")
    search(page, "预防性外交")
    page.wait_for_function(
        """() => { const folded = [...document.querySelectorAll('.md-search-result__more article')];
                   return folded.length > 0 && folded.every(article => article.querySelector('mark')); }""",
        timeout=15_000,
    )
    hrefs = page.locator(".md-search-result__more .md-search-result__link").evaluate_all(
        "links => links.map(a => a.getAttribute('href'))")
    assert hrefs and all(re.search(r"#[^#]+$", href) for href in hrefs), hrefs


@pytest.mark.parametrize(("variant", "query"), [("zh-Hant", "秘書長"), ("zh-Hans", "秘书长")])
def test_search_from_file_with_the_network_cut_off(page, built_site, variant, query):
    blocked: list[str] = []

    def only_files(route):
        if route.request.url.startswith("file:"):
            route.continue_()
        else:
            blocked.append(route.request.url)
            route.abort()

    page.context.route("**/*", only_files)
    loaded: list[str] = []
    page.context.on("request", lambda request: loaded.append(request.url))
    page.goto((built_site / variant / "index.html").as_uri())
    links = search(page, query)
    assert links.count() > 0
    assert query in page.inner_text(".md-search-result")
    assert blocked == [], f"the page asked the network for {blocked}"
    shards = shards_in(loaded)
    assert {s for s in shards if s.startswith("w/")} == {term_shard(built_site, variant, query)}  # script files
    assert 0 < len({s for s in shards if s.startswith("e/")}) < len(list((built_site / variant / "search/e").iterdir())) / 2


def term_shard(built_site: Path, variant: str, term: str) -> str:
    """The shard the term's postings are in (the keys split in this build say which)."""
    index = json.loads((built_site / variant / "search" / "search_index.json").read_text(encoding="utf-8"))
    shards = index["config"]["shards"]
    return shard_name(term, set(shards["split"]), shards["buckets"])


def shards_in(urls: list[str]) -> set[str]:
    """The index shards among the URLs a page loaded (search/w/…, search/e/…, search/pages)."""
    return {m[1] for url in urls if (m := re.search(r"/search/((?:w|e)/[^/?]+|pages)\.js(?:\?|$)", url))}


@pytest.mark.parametrize(("variant", "query", "terms"), [("zh-Hans", "联合国调解", ["联合国", "调解"]),
                                                         ("zh-Hant", "聯合國調解", ["聯合國", "調解"])])
def test_a_query_loads_only_the_shards_of_its_terms(page, site_url, built_site, variant, query, terms):
    """Over HTTP the worker fetches the shard of each term of the query, the page table and the
    text of the entries it shows, nothing else of the index; the first results are shown."""
    loaded: list[str] = []
    page.context.on("request", lambda request: loaded.append(request.url))
    page.goto(f"{site_url}/{variant}/index.html")
    open_search(page)
    assert shards_in(loaded) == {"pages"}, "nothing of the index but the page table before a query"
    links = search(page, query)
    assert "A-72-115.html" in links.first.get_attribute("href")
    shards = shards_in(loaded)
    assert {s for s in shards if s.startswith("w/")} == {term_shard(built_site, variant, term) for term in terms}
    entries = {s for s in shards if s.startswith("e/")}
    assert 0 < len(entries) < len(list((built_site / variant / "search/e").iterdir())) / 2


def search_worker(page):
    """Material's search worker once its index is built (over HTTP it is a real Worker)."""
    open_search(page)
    return page.workers[0]


@pytest.mark.parametrize("variant", ["zh-Hans", "zh-Hant"])
def test_the_browser_cuts_the_index_into_the_words_jieba_cut(page, site_url, built_site, variant):
    """The worker cuts queries with its segmenter (segmenter.js, with the words the build
    collected): it must give back what jieba cut the index into at build time for nearly every run
    (97 % of the distinct runs today; the rest differ where jieba weighs word frequencies:
    作为|本 against 作|为本)."""
    from hooks import load_hook

    from unmd.writer.hant import to_simplified

    simplify = to_simplified if variant == "zh-Hant" else None
    jieba = load_hook("paragraph_search").Segmenter(str(ROOT / "docs/assets/search/jieba-user.txt"), simplify)
    docs = read_entries(built_site / variant / "search")
    runs = sorted({run for doc in docs for run in re.findall(r"[\u4e00-\u9fff]+", doc["text"])})
    sample = "号𠀀联合国" if variant == "zh-Hans" else "號𠀀聯合國"
    page.goto(f"{site_url}/{variant}/index.html")
    cut = search_worker(page).evaluate(
        "runs => runs.map(r => ChineseSegmenter.segment(r))",
        [*runs, f"S/2011/552{sample}"],  # Latin stays one piece; a character beyond U+FFFF is one
    )
    assert cut.pop() == ["S/2011/552", sample[0], "𠀀", sample[2:]]
    assert len(runs) > 5000
    same = sum(browser == jieba.cut(run) for browser, run in zip(cut, runs, strict=True))
    assert same / len(runs) > 0.95, f"{same} of {len(runs)} runs cut as jieba cuts them"


def test_queries_are_cut_into_the_words_of_the_index(page, site_url):
    """Material's own query cut searches 外交 as 外 and 联合国调解 as 联合国 调: not here."""
    page.goto(f"{site_url}/zh-Hans/index.html")
    search(page, "外交")
    marks = page.locator(".md-search-result mark").all_inner_texts()
    assert "外交" in marks and "外" not in marks
    page.fill("input.md-search__input", "")
    links = search(page, "联合国调解")
    assert "A-72-115.html" in links.first.get_attribute("href")
    first = page.locator(".md-search-result__article").first
    assert first.locator("mark").all_inner_texts()[:2] == ["联合国", "调解"]
    assert first.locator(".md-search-result__terms").count() == 0  # no "missing: …" under it


@pytest.mark.parametrize("variant", ["zh-Hans", "zh-Hant"])
def test_screenshot_of_a_report_page(page, site_url, variant):
    """Screenshots to look at (not compared): /tmp/S-2011-552-<variant>.png."""
    page.goto(f"{site_url}/{variant}/{REPORT}.html")
    page.wait_for_load_state("load")
    path = f"{SCREENSHOTS}/{REPORT}-{variant}.png"
    page.screenshot(path=path)
    title = page.inner_text("h1")
    assert title.startswith("预防性外交：取得成果" if variant == "zh-Hans" else "預防性外交：取得成果")
