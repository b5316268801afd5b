"""The built site: both variants of every report, same ids, one search index per script, offline."""

from __future__ import annotations

import json
import re
from html.parser import HTMLParser
from pathlib import Path

import pytest

from unmd.catalog import load_catalog
from unmd.search_shards import read_entries
from unmd.sitesize import index_sizes, segmenter_words

ROOT = Path(__file__).resolve().parents[1]
VARIANTS = ("zh-Hans", "zh-Hant")
SLUGS = [entry.slug for entry in load_catalog()]
# Frequent characters that exist in one script only: an index with one of the other script's
# characters mixes scripts.
ONLY_HANS = set("国书长会与发这们为个说时对关过进经")
ONLY_HANT = set("國書長會與發這們為個說時對關過進經")


class _Page(HTMLParser):
    def __init__(self):
        super().__init__()
        self.ids: list[str] = []
        self.links: list[tuple[str, str]] = []  # (tag, url) of everything the page loads or links

    def handle_starttag(self, tag, attrs):
        attributes = dict(attrs)
        if attributes.get("id"):
            self.ids.append(attributes["id"])
        # rel=canonical and hreflang links name pages (the site's permanent URLs), schema.DC the
        # Dublin Core namespace: like <a>, the browser loads nothing for them.
        kind = "a" if tag == "link" and attributes.get("rel") in ("canonical", "alternate", "schema.DC") else tag
        for name in ("href", "src"):
            if attributes.get(name):
                self.links.append((kind, attributes[name]))


def parse(path: Path) -> _Page:
    page = _Page()
    page.feed(path.read_text(encoding="utf-8"))
    return page


def citable_ids(path: Path) -> list[str]:
    return [i for i in parse(path).ids if re.match(r"^(para-\d+|fn)", i)]


@pytest.mark.parametrize("slug", SLUGS)
def test_every_report_has_both_variants_with_the_same_ids(built_site, slug):
    hans, hant = (citable_ids(built_site / v / f"{slug}.html") for v in VARIANTS)
    assert hans == hant
    assert len(set(hans)) == len(hans), "duplicate ids"


def test_reports_with_numbered_paragraphs_carry_para_ids(built_site):
    for slug in SLUGS:
        ids = citable_ids(built_site / "zh-Hans" / f"{slug}.html")
        if slug != "S-2017-105":  # the letter has no numbered paragraphs
            assert "para-1" in ids, slug


@pytest.mark.parametrize("slug", SLUGS)
def test_zh_hant_pages_write_taiwan_forms(built_site, slug):
    text = (built_site / "zh-Hant" / f"{slug}.html").read_text(encoding="utf-8")
    assert '<html lang="zh-Hant"' in text
    assert "祕" not in text and "爲" not in text
    assert "秘書長" in text


def search_index(built_site: Path, variant: str) -> dict:
    """Material's index file (the configuration) with the entries of the shards as its docs."""
    index = json.loads((built_site / variant / "search" / "search_index.json").read_text("utf-8"))
    assert index["docs"] == [], "the entries are in the shards, loaded as queries need them"
    return {**index, "docs": read_entries(built_site / variant / "search")}


@pytest.mark.parametrize(("variant", "foreign"), [("zh-Hans", ONLY_HANT), ("zh-Hant", ONLY_HANS)])
def test_each_variant_has_its_own_index_in_its_own_script(built_site, variant, foreign):
    index = search_index(built_site, variant)
    text = "".join(doc["title"] + doc["text"] for doc in index["docs"])
    if variant == "zh-Hans":  # the UN's own text has a stray 對 (A/70/95, para. 279): kept as is
        sources = "".join(p.read_text("utf-8") for p in (ROOT / "sources").glob("*.txt"))
        foreign = foreign - set(sources)
    assert not foreign & set(text), sorted(foreign & set(text))
    assert index["config"]["lang"] == ["zh"]  # the worker loads our segmenter as lunr.zh
    assert "\u200b" not in text, "word breaks belong in the browser's segmenter, not in the index"
    locations = {doc["location"].split("#")[0] for doc in index["docs"]}
    assert {f"{slug}.html" for slug in SLUGS} <= locations
    assert not (built_site / "search").exists(), "the bilingual root page must not have an index"


@pytest.mark.parametrize("variant", VARIANTS)
def test_search_entries_lead_to_paragraphs_that_exist(built_site, variant):
    entries = [d for d in search_index(built_site, variant)["docs"] if "#para-" in d["location"]]
    assert entries
    ids_by_page: dict[str, set[str]] = {}
    for entry in entries:
        page, anchor = entry["location"].split("#")
        if page not in ids_by_page:
            ids_by_page[page] = set(parse(built_site / variant / page).ids)
        assert anchor in ids_by_page[page], entry["location"]
        number = anchor.removeprefix("para-")
        assert entry["title"] == f"第 {number} 段"


@pytest.mark.parametrize("variant", VARIANTS)
def test_zh_hant_words_are_segmented_with_a_traditional_dictionary(built_site, variant):
    """A word jieba knows in Simplified only must still be one word in zh-Hant."""
    expected = {"秘书长", "预防性外交", "联合国"} if variant == "zh-Hans" else {"秘書長", "預防性外交", "聯合國"}
    assert expected <= set(segmenter_words(built_site / variant))


@pytest.mark.parametrize("variant", VARIANTS)
def test_search_index_holds_the_text_its_pages_show_once(built_site, variant):
    sizes = index_sizes(ROOT / "docs" / variant, built_site / variant)
    assert sizes["entries_over_page_text"] <= 1.1, sizes


@pytest.mark.parametrize("variant", VARIANTS)
def test_glossary_where_used_lists_stay_out_of_the_search_index(built_site, variant):
    """They are lists of places (S/2011/552 …（16 处）：3、4、10), found better on the page."""
    glossary = [d for d in search_index(built_site, variant)["docs"] if d["location"].startswith("glossary.html")]
    assert len(glossary) > 100
    assert not [d["location"] for d in glossary if re.search(r"（\d+ 处）|（\d+ 處）", d["text"])]
    assert any("预防性外交" in d["title"] or "預防性外交" in d["title"] for d in glossary)


def all_pages(built_site: Path):
    return sorted(built_site.rglob("*.html"))


def test_nothing_is_loaded_from_the_network(built_site):
    for path in all_pages(built_site):
        for tag, url in parse(path).links:
            if tag in {"script", "link", "img", "iframe", "source"}:
                assert not re.match(r"^(https?:)?//", url), f"{path}: {tag} {url}"
        assert "fonts.googleapis" not in path.read_text(encoding="utf-8"), path


@pytest.mark.parametrize("variant", VARIANTS)
def test_offline_search_uses_the_vendored_worker_shim_and_inlined_index(built_site, variant):
    page = (built_site / variant / "index.html").read_text(encoding="utf-8")
    assert '<script defer src="assets/javascripts/iframe-worker/shim.js"' in page
    assert page.index("iframe-worker/shim.js") < page.index("assets/javascripts/bundle.")  # it replaces Worker first
    assert "unpkg.com" not in page
    assert (built_site / variant / "assets/javascripts/iframe-worker/shim.js").is_file()
    inlined = (built_site / variant / "search/search_index.js").read_text(encoding="utf-8")
    assert inlined.startswith("var __index = ")


def test_local_links_resolve_in_the_built_site(built_site):
    """Every relative link or asset of every page exists (the root page links across builds)."""
    for path in all_pages(built_site):
        if path.name == "404.html":  # served by a web server at any depth: absolute links
            continue
        for _, url in parse(path).links:
            if re.match(r"^([a-z]+:|//|#)", url):
                continue
            target = (path.parent / url.split("#")[0].split("?")[0]).resolve()
            assert target.exists(), f"{path.relative_to(built_site)} -> {url}"


@pytest.mark.parametrize("variant", VARIANTS)
def test_variant_switcher_links_the_same_page_in_both_variants(built_site, variant):
    page = (built_site / variant / "S-2011-552.html").read_text(encoding="utf-8")
    for other in VARIANTS:  # in the HTML: without JavaScript too
        href = "S-2011-552.html" if other == variant else f"../{other}/S-2011-552.html"
        assert f'<a href="{href}" hreflang="{other}"' in page
    assert '<script defer src="assets/javascripts/variant-switch.js"' in page


@pytest.mark.parametrize("variant", VARIANTS)
def test_asterisk_notes_show_their_asterisks(built_site, variant):
    page = (built_site / variant / "A-72-115.html").read_text(encoding="utf-8")
    assert '<a class="footnote-ref" href="#fn:star1">*</a>' in page
    assert '<a class="footnote-ref" href="#fn:star2">**</a>' in page
    assert re.search(r'<li data-mark="\*\*" id="fn:star2">', page)


@pytest.mark.parametrize("variant", VARIANTS)
def test_navigation_lists_reports_by_year_then_the_glossary(built_site, variant):
    """One section per year, oldest first; a report's page carries its own year's reports and
    a link to each other year (navigation.prune), so no page carries the whole corpus."""
    by_date = sorted(load_catalog(), key=lambda e: e.date)
    years = sorted({e.date[:4] for e in by_date})
    for entry in by_date:
        page = (built_site / variant / f"{entry.slug}.html").read_text(encoding="utf-8")
        nav = page[page.index("md-nav--primary") : page.index("md-sidebar--secondary")]
        assert list(dict.fromkeys(re.findall(r"(\d{4}) 年", nav))) == years
        listed = [u for u in re.findall(r'<a href="([^"#]+\.html)" class="md-nav__link', nav) if u != "index.html"]
        same_year = [e.slug + ".html" for e in by_date if e.date[:4] == entry.date[:4]]
        firsts = [next(e.slug + ".html" for e in by_date if e.date[:4] == y) for y in years if y != entry.date[:4]]
        assert sorted(listed) == sorted(same_year + firsts + ["glossary.html"])
        assert listed[-1] == "glossary.html"
    index = (built_site / variant / "index.html").read_text(encoding="utf-8")
    assert 'href="glossary/' not in index[index.index("md-nav--primary") :]  # where-used pages: from the glossary


def test_a_large_year_is_cut_into_sections():
    from mkdocs.structure.nav import Section

    from hooks import load_hook

    report_nav = load_hook("report_nav")
    pages = [(f"2015-01-{n % 28 + 1:02d}", object()) for n in range(report_nav.SECTION_SIZE * 2 + 1)]
    (year,) = report_nav.year_sections(pages)
    assert year.title == "2015 年" and [type(c) for c in year.children] == [Section] * 3
    assert [len(c.children) for c in year.children] == [report_nav.SECTION_SIZE] * 2 + [1]
    assert year.children[2].title == f"第 {report_nav.SECTION_SIZE * 2 + 1}–{report_nav.SECTION_SIZE * 2 + 1} 份"


@pytest.mark.parametrize("variant", VARIANTS)
def test_no_english_link_titles_from_markdown(built_site, variant):
    page = (built_site / variant / "S-2011-552.html").read_text(encoding="utf-8")
    assert "Permanent link" not in page and "Jump back" not in page


def test_search_segments_the_short_forms_reports_define_as_words(built_site):
    from unmd.catalog import load_catalog as catalog
    from unmd.pipeline import context_of, corpus_facts

    entries = catalog()
    defined = {short for report in corpus_facts(entries, context_of(entries)) for short in report.abbreviations}
    words = set((ROOT / "docs/assets/search/jieba-user.txt").read_text(encoding="utf-8").split())
    assert {"联刚稳定团", "欧安组织", "伊斯兰会议", "志愿人员"} <= defined  # the last two: not glossary terms
    assert defined - words == {s for s in defined if len(s) > 8}
