"""The five reports: paragraph numbering, footnotes and characters, as a reader checks them."""

from __future__ import annotations

import collections
import re

import markdown
import pytest
from corpus import documents

from unmd.model import FootnoteRef, plain_text
from unmd.writer.markdown import write_markdown

# slug: (numbered paragraphs, numbered footnotes, references to them, asterisk notes)
EXPECTED = {
    "S-2011-552": (72, 18, 21, {"*": 1}),
    "S-2015-730": (62, 2, 2, {}),
    "A-72-115": (69, 4, 4, {"*": 1, "**": 1}),
    "A-70-95": (352, 17, 18, {"*": 0, "**": 1}),
    "S-2017-105": (0, 0, 0, {}),
}
HAN = re.compile(r"[\u3400-\u9fff]")


@pytest.mark.parametrize("slug", EXPECTED)
def test_numbered_paragraphs_are_exactly_one_to_n_in_order(slug):
    _, doc = documents()[slug]
    numbers = [p.number for p in doc.numbered()]
    assert numbers == list(range(1, EXPECTED[slug][0] + 1))
    assert [p.id for p in doc.numbered()] == [f"para-{n}" for n in numbers]


@pytest.mark.parametrize("slug", EXPECTED)
def test_every_footnote_is_defined_and_referenced(slug):
    _, doc = documents()[slug]
    _, notes, refs, stars = EXPECTED[slug]
    numbered = [n for n in doc.footnotes if n.key.isdigit()]
    assert [int(n.key) for n in numbered] == list(range(1, notes + 1))
    assert sum(n.refs for n in numbered) == refs
    assert all(n.refs >= 1 for n in numbered)
    assert {n.key: n.refs for n in doc.footnotes if not n.key.isdigit()} == stars
    for note in doc.footnotes:
        assert note.mark_lost == (note.refs == 0)


def test_one_footnote_cited_several_times():
    _, doc = documents()["S-2011-552"]
    assert {n.key: n.refs for n in doc.footnotes}["10"] == 4


def test_ordinary_numbers_are_not_footnote_marks():
    """S/2015/730 para. 37: 只有 6 / 人为女性 is a count; its only marks are the two notes."""
    _, doc = documents()["S-2015-730"]
    para = next(p for p in doc.numbered() if p.number == 37)
    assert not any(isinstance(n, FootnoteRef) for n in para.inlines)
    assert "只有 6人为女性" in plain_text(para.inlines).replace(" 人", "人")
    refs = [(p.number, r.key) for p in doc.numbered() for r in p.inlines if isinstance(r, FootnoteRef)]
    assert refs == [(7, "1"), (9, "2")]


def test_paragraphs_join_across_footnote_blocks_and_furniture():
    _, doc = documents()["S-2011-552"]
    para5 = plain_text(next(p for p in doc.numbered() if p.number == 5).inlines)
    assert "非洲一些次区域组织或先或后地采取了这种新立场" in para5
    _, doc = documents()["S-2015-730"]
    para59 = plain_text(next(p for p in doc.numbered() if p.number == 59).inlines)
    assert "这些工具。但这些解决办法仍停留在技术领域" in para59
    para39 = plain_text(next(p for p in doc.numbered() if p.number == 39).inlines)
    assert "高级别独立小组和专家咨询小组" in para39 and "undocs" not in para39
    _, doc = documents()["S-2017-105"]
    assert any("开展人道主义活动" in plain_text(p.inlines) for p in doc.paragraphs())


def _page_text(page: str) -> tuple[str, str]:
    """(body, footnotes) text of a page rendered as the site renders it."""
    html = markdown.markdown(
        page.split("---\n", 2)[2],
        extensions=["attr_list", "footnotes", "md_in_html", "tables"],
    )
    body, _, notes = html.partition('<div class="footnote">')
    strip = lambda s: re.sub(r"<[^>]+>", "", s)  # noqa: E731
    return strip(body), strip(notes)


@pytest.mark.parametrize("slug", EXPECTED)
def test_no_han_character_is_lost(slug):
    """Every Han character of the source (tables of contents excepted) reaches the page, and
    the body's characters keep their order."""
    entry, doc = documents()[slug]
    source_lines = entry.path.read_text(encoding="utf-8").split("\n")
    toc = {r.line for r in doc.removed if r.why == "table of contents"}
    kept = [line for number, line in enumerate(source_lines, 1) if number not in toc]
    body, notes = _page_text(write_markdown(doc))
    page = HAN.findall(body + notes)
    missing = collections.Counter(HAN.findall("\n".join(kept))) - collections.Counter(page)
    assert not missing, f"characters missing from the page: {dict(missing)}"
    start = next((p.line for p in doc.numbered()), 1)
    note_lines = {n for note in doc.footnotes for n in range(note.line, note.last_line + 1)}
    ordered = HAN.findall("".join(
        line for number, line in enumerate(source_lines, 1)
        if number >= start and number not in toc and number not in note_lines
    ))
    it = iter(HAN.findall(body))
    assert all(ch in it for ch in ordered), "body characters out of order"


@pytest.mark.parametrize("slug", EXPECTED)
def test_no_furniture_placeholder_or_toc_row_reaches_the_page(slug):
    _, doc = documents()[slug]
    page = write_markdown(doc)
    assert "undocs.org/ch/" not in page
    assert "15-16040" not in page and "(#)" not in page
    assert not re.search(r"\.{4,}|\t\d+$", page, re.M)
    assert "目录" not in page


def test_letter_without_numbers_has_signature_and_annex():
    _, doc = documents()["S-2017-105"]
    kinds = [type(b).__name__ for b in doc.blocks]
    assert "Signature" in kinds
    signature = next(b for b in doc.blocks if type(b).__name__ == "Signature")
    assert signature.lines == ["常驻代表", "特命全权大使", "奥洛夫·斯科格(签名)"]
    assert any(getattr(b, "kind", "") == "annex" for b in doc.blocks)
    assert all(p.number is None for p in doc.paragraphs())


def test_subsections_are_told_from_paragraphs_by_the_sequence():
    _, doc = documents()["A-70-95"]
    subsections = [b for b in doc.blocks if getattr(b, "kind", "") == "subsection"]
    assert "1. 政治居首" in [plain_text(h.inlines) for h in subsections]
    assert len(doc.numbered()) == 352


def test_items_carry_their_paragraph_ids():
    _, doc = documents()["A-70-95"]
    ids = {b.id for b in doc.blocks}
    assert {"para-81-a", "para-81-c", "para-81-c-i", "para-81-c-iii", "para-81-d-ii"} <= ids
    assert {"para-340-i", "para-340-j"} <= ids  # (i) after (h) is a letter, not a roman one
