"""Cross-links as a reader meets them on the built pages of both variants (issue 4)."""

from __future__ import annotations

import re
from html.parser import HTMLParser
from pathlib import Path

import pytest

VARIANTS = ("zh-Hans", "zh-Hant")


class _Links(HTMLParser):
    """Every <a>/<abbr> with its attributes and text, and the id of the paragraph it is in."""

    def __init__(self):
        super().__init__()
        self.found: list[dict] = []
        self._open: list[dict] = []
        self._para: list[str | None] = []

    def handle_starttag(self, tag, attrs):
        attributes = dict(attrs)
        if tag in ("p", "li", "h2"):
            self._para.append(attributes.get("id"))
        if tag in ("a", "abbr"):
            node = {"tag": tag, **attributes, "text": "", "in": next((p for p in reversed(self._para) if p), None)}
            self.found.append(node)
            self._open.append(node)

    def handle_endtag(self, tag):
        if tag in ("a", "abbr") and self._open:
            self._open.pop()
        elif tag in ("p", "li", "h2") and self._para:
            self._para.pop()

    def handle_data(self, data):
        for node in self._open:
            node["text"] += data


def links(site: Path, variant: str, slug: str) -> list[dict]:
    parser = _Links()
    parser.feed((site / variant / f"{slug}.html").read_text(encoding="utf-8"))
    return parser.found


@pytest.mark.parametrize("variant, term", [("zh-Hans", "预防性外交"), ("zh-Hant", "預防性外交")])
def test_first_use_of_a_term_links_to_its_entry_with_the_definition(built_site, variant, term):
    para_1 = [n for n in links(built_site, variant, "S-2011-552") if n["in"] == "para-1" and n["tag"] == "a"]
    glossary = [n for n in para_1 if "glossary-link" in n.get("class", "")]
    first = glossary[0]
    assert (first["text"], first["href"]) == (term, "glossary.html#preventive-diplomacy")
    assert "title" not in first  # the page lists each definition once, glossary-tips.js shows it
    page = (built_site / variant / "S-2011-552.html").read_text(encoding="utf-8")
    definition = re.search(r'<p data-term="preventive-diplomacy">([^<]*)</p>', page)[1]
    assert "外交行動" in definition or "外交行动" in definition
    assert page.count('data-term="preventive-diplomacy"') == 1
    assert [n["text"] for n in glossary].count(term) == 1  # the first use only


@pytest.mark.parametrize("variant", VARIANTS)
def test_report_links_the_un_documents_it_cites(built_site, variant):
    hrefs = {n.get("href") for n in links(built_site, variant, "S-2011-552")}
    for symbol in ("A/47/277", "A/RES/65/283", "S/RES/1325(2000)", "S/PRST/2010/14"):
        assert f"https://undocs.org/zh/{symbol}" in hrefs


@pytest.mark.parametrize("variant, full", [("zh-Hans", "欧洲安全与合作组织"), ("zh-Hant", "歐洲安全與合作組織")])
def test_a_short_form_the_report_defines_shows_its_full_name(built_site, variant, full):
    abbrs = [n for n in links(built_site, variant, "S-2011-552") if n["tag"] == "abbr"]
    short = "欧安组织" if variant == "zh-Hans" else "歐安組織"
    assert {n["title"] for n in abbrs if n["text"] == short} == {full}
    page = (built_site / variant / "S-2011-552.html").read_text(encoding="utf-8")
    assert 'id="abbreviations"' in page


@pytest.mark.parametrize("variant", VARIANTS)
def test_a_joint_symbol_in_the_corpus_links_its_page_which_links_back(built_site, variant):
    para_3 = [n for n in links(built_site, variant, "S-2015-730") if n["in"] == "para-3"]
    assert any(n.get("href") == "A-70-95.html" and n["text"] == "A/70/95-S/2015/446" for n in para_3)
    page = (built_site / variant / "A-70-95.html").read_text(encoding="utf-8")
    cited_by = page[page.index('id="cited-by"') : page.index('class="footnote"')]
    assert 'href="S-2015-730.html#para-3"' in cited_by


@pytest.mark.parametrize("variant", VARIANTS)
def test_glossary_page_has_an_anchored_entry_with_english_per_term(built_site, variant):
    page = (built_site / variant / "glossary.html").read_text(encoding="utf-8")
    anchors = re.findall(r'<h2 id="([a-z0-9-]+)"', page)
    assert len(anchors) >= 100 and len(set(anchors)) == len(anchors)
    assert page.count("<strong>英文</strong>") == len(anchors)
    assert 'href="glossary/preventive-diplomacy.html"' in page  # where used: a page of its own
    where = (built_site / variant / "glossary" / "preventive-diplomacy.html").read_text(encoding="utf-8")
    assert 'href="../S-2011-552.html#para-1"' in where  # down to the paragraph
    assert 'href="../glossary.html#preventive-diplomacy"' in where
