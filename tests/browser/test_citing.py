"""Citing and reading in real Chromium: permalinks, the copy-citation control (through the
clipboard), paragraph ranges, the report header and downloads, the sortable landing table,
the printed page, and axe-core's accessibility checks on both variants."""

from __future__ import annotations

import json
import re
from pathlib import Path

import pytest
from playwright.sync_api import expect

from unmd import canonical
from unmd.catalog import load_catalog

ROOT = Path(__file__).resolve().parents[2]
SLUGS = [entry.slug for entry in load_catalog()]
AXE = ROOT / "node_modules" / "axe-core" / "axe.min.js"
REPORT = "S-2011-552"
SYMBOL = "S/2011/552"
VARIANTS = ("zh-Hans", "zh-Hant")
TITLE = {"zh-Hans": "预防性外交：取得成果", "zh-Hant": "預防性外交：取得成果"}
UN = {"zh-Hans": "联合国", "zh-Hant": "聯合國"}
NEW_YORK = {"zh-Hans": "纽约", "zh-Hant": "紐約"}
COPIED = {"zh-Hans": "已复制", "zh-Hant": "已複製"}
OUTPUT = Path("/tmp")  # screenshots and PDFs to look at (not compared)


def open_page(page, url: str) -> None:
    page.goto(url)
    page.wait_for_load_state("load")


def shown_text(locator) -> str:
    """The text a reader sees once scrolled to it: a paragraph off screen is not laid out
    (content-visibility: auto), and Chromium gives it no innerText until it is."""
    locator.scroll_into_view_if_needed()
    expect(locator).to_have_text(re.compile(r"\S"), use_inner_text=True)
    return locator.inner_text()


def read_clipboard(page) -> str:
    return page.evaluate("navigator.clipboard.readText()")


@pytest.fixture
def clipboard_page(page, site_url):
    page.context.grant_permissions(["clipboard-read", "clipboard-write"], origin=site_url)
    return page


@pytest.mark.parametrize("variant", VARIANTS)
def test_paragraph_number_links_to_its_paragraph(page, site_url, variant):
    open_page(page, f"{site_url}/{variant}/{REPORT}.html")
    number = page.locator("#para-12 > a.para-num")
    assert shown_text(number) == "12."
    assert number.get_attribute("href") == "#para-12"


@pytest.mark.parametrize("variant", VARIANTS)
def test_copy_citation_from_the_keyboard(clipboard_page, site_url, variant):
    page = clipboard_page
    url = f"{site_url}/{variant}/{REPORT}.html"
    open_page(page, url)
    button = page.locator("#para-12 .cite-button")
    assert page.locator(".md-typeset .cite-button").count() == 0  # made on demand, not at load
    page.focus("#para-12 > a.para-num")
    assert button.evaluate("b => getComputedStyle(b).opacity") == "0"  # until hover or focus
    page.keyboard.press("Tab")  # the button comes right after the paragraph number
    assert page.evaluate("document.activeElement.closest('#para-12 .cite-button') !== null")
    expect(button).to_have_css("opacity", "1")  # shown on keyboard focus
    page.keyboard.press("Enter")
    page.wait_for_function("document.getElementById('cite-status').textContent !== ''")
    citation = read_clipboard(page)
    assert citation.startswith(f"{'秘书长的报告' if variant == 'zh-Hans' else '秘書長的報告'}《{TITLE[variant]}》")
    assert f"({SYMBOL})" in citation and "第 12 段" in citation
    # The site's permanent address, not the one the page was opened at.
    assert citation.endswith(f"{canonical.page_url(variant, REPORT + '.html')}#para-12")
    assert page.inner_text("#cite-status") == COPIED[variant]
    assert button.get_attribute("data-feedback") == COPIED[variant]


def test_copy_citation_with_the_mouse(clipboard_page, site_url):
    page = clipboard_page
    open_page(page, f"{site_url}/zh-Hans/{REPORT}.html")
    page.hover("#para-40")
    page.click("#para-40 .cite-button")
    page.wait_for_function("document.getElementById('cite-status').textContent !== ''")
    assert read_clipboard(page).endswith(f"{REPORT}.html#para-40")
    assert "第 40 段" in read_clipboard(page)


def test_copy_citation_from_a_file_copy_names_the_permanent_url(page, built_site):
    """A USB copy (file://, the network cut): the citation still names the site, not the copy."""
    copied: list[str] = []
    page.expose_function("recordCopy", lambda text: copied.append(text))
    page.add_init_script("Object.defineProperty(window, 'isSecureContext', {value: true});"
                         "navigator.clipboard.writeText = text => window.recordCopy(text);")
    page.context.route("**/*", lambda route: route.continue_() if route.request.url.startswith("file:")
                       else route.abort())
    open_page(page, (built_site / "zh-Hant" / f"{REPORT}.html").as_uri())
    page.hover("#para-40")
    page.click("#para-40 .cite-button")
    page.wait_for_function("document.getElementById('cite-status').textContent !== ''")
    assert copied == [f"秘書長的報告《{TITLE['zh-Hant']}》({SYMBOL})，第 40 段，"
                      f"{canonical.page_url('zh-Hant', REPORT + '.html')}#para-40"]


@pytest.mark.parametrize("variant", VARIANTS)
def test_report_citations_in_each_style_and_bibtex(clipboard_page, site_url, variant):
    page = clipboard_page
    open_page(page, f"{site_url}/{variant}/{REPORT}.html")
    page.click(".report-cite summary")
    page.click("button[data-copy='cite-gbt7714']")
    page.wait_for_function("document.getElementById('cite-status').textContent !== ''")
    gbt = read_clipboard(page)
    un, new_york = UN[variant], NEW_YORK[variant]
    url = canonical.page_url(variant, f"{REPORT}.html")
    assert re.fullmatch(
        re.escape(f"{un}. {TITLE[variant]}: {SYMBOL}[R/OL]. {new_york}: {un}, 2011[")
        + r"\d{4}-\d{2}-\d{2}"  # the day it is copied
        + re.escape(f"]. {url}."),
        gbt,
    ), gbt
    for style in ("un", "chicago", "apa"):
        entry = page.inner_text(f"#cite-{style}")
        assert TITLE[variant] in entry and SYMBOL in entry and url in entry, (style, entry)
    page.click("button[data-copy='cite-bibtex']")
    page.wait_for_function("navigator.clipboard.readText().then(t => t.startsWith('@techreport'))")
    bibtex = read_clipboard(page)
    assert bibtex.startswith(f"@techreport{{{REPORT},") and bibtex.endswith("}")
    assert f"number = {{{SYMBOL}}}," in bibtex and f"title = {{{TITLE[variant]}}}," in bibtex
    assert "year = {2011}," in bibtex and f"url = {{{url}}}," in bibtex


def marked(page) -> list[str]:
    return page.evaluate("[...document.querySelectorAll('.para-in-range')].map(e => e.id)")


@pytest.mark.parametrize("variant", VARIANTS)
def test_paragraph_range_is_marked_and_shown(page, site_url, variant):
    open_page(page, f"{site_url}/{variant}/{REPORT}.html#para-8-15")
    ids = marked(page)
    assert ids == [f"para-{n}" for n in range(8, 16)]  # S/2011/552 has no sub-items there
    assert "para-7" not in ids and "para-16" not in ids
    top = page.evaluate("document.getElementById('para-8').getBoundingClientRect().top")
    header = page.evaluate("document.querySelector('.md-header').getBoundingClientRect().bottom")
    assert header - 1 <= top < 300
    page.screenshot(path=str(OUTPUT / f"{REPORT}-{variant}-para-8-15.png"))


def test_range_follows_the_hash(page, site_url):
    open_page(page, f"{site_url}/zh-Hans/{REPORT}.html#para-8-15")
    page.evaluate("location.hash = '#para-20-21'")
    page.wait_for_function("document.querySelectorAll('.para-in-range').length === 2")
    assert marked(page) == ["para-20", "para-21"]
    page.evaluate("location.hash = '#para-12'")
    page.wait_for_function("document.querySelectorAll('.para-in-range').length === 0")
    assert page.evaluate("document.querySelector(':target').id") == "para-12"


def test_range_marks_the_sub_items_of_its_paragraphs(page, site_url):
    """A/70/95 has lettered items under some paragraphs: they belong to the range too."""
    open_page(page, f"{site_url}/zh-Hans/A-70-95.html")
    items = page.evaluate("[...document.querySelectorAll('.item[id^=\"para-\"]')].map(e => e.id)")
    owner = int(re.match(r"para-(\d+)-", items[0])[1])
    page.evaluate(f"location.hash = '#para-{owner}-{owner}'")
    page.wait_for_function("document.querySelectorAll('.para-in-range').length > 1")
    ids = marked(page)
    assert ids[0] == f"para-{owner}"
    assert all(re.match(rf"para-{owner}(-|$)", i) for i in ids)
    assert items[0] in ids


@pytest.mark.parametrize("variant", VARIANTS)
def test_report_header(page, site_url, variant):
    open_page(page, f"{site_url}/{variant}/A-70-95.html")
    header = page.locator(".report-header")
    text = header.inner_text()
    assert "A/70/95-S/2015/446" in text and "2015-06-17" in text
    assert ("大会、安全理事会" if variant == "zh-Hans" else "大會、安全理事會") in text
    assert ("第七十届会议" if variant == "zh-Hans" else "第七十屆會議") in text
    pdfs = header.locator("a.report-pdf").evaluate_all("links => links.map(a => a.href)")
    assert pdfs == ["https://undocs.org/zh/A/70/95", "https://undocs.org/zh/S/2015/446"]
    built = header.locator("time").last.get_attribute("datetime")
    assert re.fullmatch(r"\d{4}-\d{2}-\d{2}", built)
    # The note whose mark the extractor lost is shown under the title, not dropped.
    assert page.locator("#note-star1").is_visible()
    assert "2015" in page.inner_text("#note-star1")


@pytest.mark.parametrize("variant", VARIANTS)
def test_downloads_are_in_the_site(page, site_url, variant):
    open_page(page, f"{site_url}/{variant}/{REPORT}.html")
    links = page.locator("a.report-download").evaluate_all("links => links.map(a => a.href)")
    assert links == [f"{site_url}/{variant}/{REPORT}{suffix}" for suffix in (".md", ".json", ".csl.json", ".ris", ".bib")]
    for link in links[2:]:
        assert page.request.get(link).ok, link
    markdown = page.request.get(links[0])
    assert markdown.ok and "{: #para-12 .para }" in markdown.text()
    export = page.request.get(links[1])
    assert export.ok
    data = json.loads(export.text())
    assert data["variant"] == variant and data["metadata"]["symbol"] == SYMBOL
    assert data["url"] == canonical.page_url(variant, f"{REPORT}.html")
    assert data["metadata"]["title"] == TITLE[variant]
    blocks = {b["id"]: b for b in data["blocks"]}
    paragraphs = {i: b for i, b in blocks.items() if b["type"] == "paragraph"}
    assert paragraphs["para-12"]["number"] == 12
    # The same text as the page shows, without the number and the citation button.
    shown = shown_text(page.locator("#para-12")).removeprefix("12.").strip()
    assert paragraphs["para-12"]["text"].replace(" ", "") == shown.replace(" ", "")
    assert {i for i, b in blocks.items() if b["type"] == "heading"} >= {"ch-1", "ch-3-a"}
    assert any(f["id"] == "fn:1" for f in data["footnotes"])


@pytest.mark.parametrize("variant", VARIANTS)
def test_landing_table_sorts_by_date(page, site_url, variant):
    open_page(page, f"{site_url}/{variant}/index.html")
    dates = lambda: page.locator(".reports tbody tr td:nth-child(2)").all_inner_texts()  # noqa: E731
    assert dates() == sorted(dates()), "listed oldest first"
    header = page.locator(".reports thead th").nth(1)
    header.focus()
    page.keyboard.press("Enter")  # Tablesort: keyboard reachable headers
    page.keyboard.press("Enter")
    assert header.get_attribute("aria-sort") == "descending"
    assert dates() == sorted(dates(), reverse=True)
    counts = page.locator(".reports thead th").nth(5)
    counts.click()
    numbers = [int(n) for n in page.locator(".reports tbody tr td:nth-child(6)").all_inner_texts()]
    assert numbers == sorted(numbers)


@pytest.mark.parametrize("variant", VARIANTS)
def test_landing_table_filters_as_you_type(page, site_url, variant):
    open_page(page, f"{site_url}/{variant}/index.html")
    rows = page.locator(".reports tbody tr")
    shown = lambda: [r for r in rows.all() if r.is_visible()]  # noqa: E731
    assert len(shown()) == len(SLUGS)
    page.fill(".report-filter input[name=text]", "2015")
    assert len(shown()) == 2  # A/70/95 and S/2015/730: by year, in the date or the symbol
    page.fill(".report-filter input[name=text]", "s/2011")
    assert [r.locator("td").first.inner_text() for r in shown()] == [SYMBOL]  # by symbol, any case
    page.fill(".report-filter input[name=text]", TITLE[variant][:4])
    assert [r.locator("td").first.inner_text() for r in shown()] == [SYMBOL]  # by title
    page.fill(".report-filter input[name=text]", "")
    organ = "大会" if variant == "zh-Hans" else "大會"
    page.select_option(".report-filter select[name=organ]", organ)
    assert sorted(r.locator("td").first.inner_text() for r in shown()) == ["A/70/95 / S/2015/446", "A/72/115"]
    page.select_option(".report-filter select[name=year]", "2017")
    assert [r.locator("td").first.inner_text() for r in shown()] == ["A/72/115"]
    assert page.inner_text(".report-filter output") == f"共 1 / {len(SLUGS)} 份"


@pytest.mark.parametrize("variant", VARIANTS)
def test_printed_page_keeps_numbers_and_footnotes_only(page, site_url, variant):
    open_page(page, f"{site_url}/{variant}/{REPORT}.html")
    pdf = OUTPUT / f"{REPORT}-{variant}-print.pdf"
    page.pdf(path=str(pdf), format="A4")
    data = pdf.read_bytes()
    assert data.startswith(b"%PDF") and len(re.findall(rb"/Type\s*/Page\b(?!s)", data)) > 3
    page.hover("#para-12")  # makes its copy-citation button, which print hides
    page.emulate_media(media="print")
    hidden = [".md-header", ".md-sidebar--primary", ".md-sidebar--secondary", ".md-search",
              ".md-footer", ".report-cite", "#para-12 .cite-button"]
    for selector in hidden:
        assert page.locator(selector).first.evaluate("e => getComputedStyle(e).display") == "none", selector
    assert page.locator("#para-12 > a.para-num").is_visible()
    assert page.locator(".footnote").is_visible()
    assert page.locator(".report-header .report-meta").is_visible()
    page.screenshot(path=str(OUTPUT / f"{REPORT}-{variant}-print.png"))


def axe_violations(page) -> list[dict]:
    """axe-core's serious and critical violations on the page as loaded, every block laid out
    as a reader scrolling through it sees it: axe leaves blocks off screen, which are not laid
    out (content-visibility, reports.css), out of its contrast checks or cannot place them."""
    page.add_style_tag(content=".report-header ~ * { content-visibility: visible !important; }")
    page.add_script_tag(path=str(AXE))
    results = page.evaluate("axe.run(document, {resultTypes: ['violations']})")
    return [
        {"id": v["id"], "impact": v["impact"], "nodes": [n["target"] for n in v["nodes"][:5]]}
        for v in results["violations"]
        if v["impact"] in ("serious", "critical")
    ]


@pytest.mark.parametrize("variant", VARIANTS)
@pytest.mark.parametrize("name", ["index", "glossary", "glossary/preventive-diplomacy", *SLUGS])
def test_no_serious_accessibility_violation(page, site_url, variant, name):
    assert AXE.exists(), f"{AXE} is missing: scripts/test installs it (npm ci)"
    open_page(page, f"{site_url}/{variant}/{name}.html")
    # A paragraph pointed at gets its copy-citation button (made on demand): checked too.
    page.evaluate("""() => { const number = document.querySelector('.md-typeset .para > a.para-num');
        if (number) number.dispatchEvent(new PointerEvent('pointerover', {bubbles: true})); }""")
    assert page.evaluate("document.documentElement.lang") == variant
    assert axe_violations(page) == []
