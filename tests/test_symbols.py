"""UN document symbols and resolution numbers: finding them, linking them, "cited by"."""

from __future__ import annotations

import pytest

from unmd.model import Citation, Document, Emphasis, Footnote, FootnoteRef, Heading, Link, Meta, Paragraph, Text
from unmd.pipeline import report_facts
from unmd.passes.symbols import citations, cited_by, corpus_index_of, find_symbols, link_symbols

CORPUS = {"S/2011/552": "s-2011-552", "A/70/95": "a-70-95", "S/2015/446": "a-70-95"}


def found(text: str) -> list[tuple[str, tuple[str, ...]]]:
    return [(text[f.start : f.end], f.symbols) for f in find_symbols(text)]


@pytest.mark.parametrize(
    "text, span, symbols",
    [
        ("主席声明(S/PRST/2010/14)要求", "S/PRST/2010/14", ("S/PRST/2010/14",)),
        ("完整纪录(见 S/PV.7857)。", "S/PV.7857", ("S/PV.7857",)),
        ("我在 A/65/161 中对此予以阐述", "A/65/161", ("A/65/161",)),
        ("(A/C.5/67/10)", "A/C.5/67/10", ("A/C.5/67/10",)),
        ("(A/66/7/Add.21)", "A/66/7/Add.21", ("A/66/7/Add.21",)),
        ("见 S/RES/1325(2000)。", "S/RES/1325(2000)", ("S/RES/1325(2000)",)),
        ("其报告(A/70/95-S/2015/446)的中心论点", "A/70/95-S/2015/446", ("A/70/95", "S/2015/446")),
        ("《和平纲领》(A/47/277-S/24111)，1992 年", "A/47/277-S/24111", ("A/47/277", "S/24111")),
        ("A/65/747-S/2011/85", "A/65/747-S/2011/85", ("A/65/747", "S/2011/85")),
        ("CCPR/C/GC/37，第 8 段。", "CCPR/C/GC/37", ("CCPR/C/GC/37",)),  # a treaty body's series
        ("(CEDAW/C/85/3)", "CEDAW/C/85/3", ("CEDAW/C/85/3",)),
    ],
)
def test_document_symbols(text, span, symbols):
    assert found(text) == [(span, symbols)]


@pytest.mark.parametrize(
    "text, span, symbol",
    [
        ("决议(第 65/283 号决议)，这", "第 65/283 号决议", "A/RES/65/283"),
        ("大会第 63/261 号决议核准", "第 63/261 号决议", "A/RES/63/261"),
        ("大会第70/304号决议请秘书长", "第70/304号决议", "A/RES/70/304"),
        ("成果的第60/1号决议，以及", "第60/1号决议", "A/RES/60/1"),
        ("安理会第 1325(2000)号决议疾呼", "第 1325(2000)号决议", "S/RES/1325(2000)"),
        ("安全理事会第2151(2014)号决议声明", "第2151(2014)号决议", "S/RES/2151(2014)"),
        ("人权理事会在其第 28/34 号决议中注意到", "第 28/34 号决议", "A/HRC/RES/28/34"),
    ],
)
def test_resolution_phrases(text, span, symbol):
    assert found(text) == [(span, (symbol,))]


def test_resolutions_listed_before_one_word_决议():
    assert found("按照安理会第1970(2011)号和第1973(2011)号决议，设法") == [
        ("第1970(2011)号", ("S/RES/1970(2011)",)),
        ("第1973(2011)号决议", ("S/RES/1973(2011)",)),
    ]
    assert [s for _, (s,) in found("第65/283号决议、2012年9月13日第66/291号决议和第68/303号决议")] == [
        "A/RES/65/283",
        "A/RES/66/291",
        "A/RES/68/303",
    ]


@pytest.mark.parametrize(
    "text",
    [
        "第 2 号报告",  # a number, not a resolution
        "第 65/283 号文件",
        "2015 年 3 月 S 级",
        "http://undocs.org/ch/S/PV.7857",  # tail of a URL
        "and/or S/A",
        "第五委员会",
        "CATS/DOGS",  # a series is a whole word before its slash
    ],
)
def test_not_symbols(text):
    assert found(text) == []


def test_human_rights_council_only_when_named_just_before():
    assert found("人权理事会指出。大会第 28/34 号决议")[0][1] == ("A/RES/28/34",)


# ---------------------------------------------------------------- the pass


def links(inlines) -> list[tuple[str, str, str | None]]:
    out = []
    for node in inlines:
        if isinstance(node, Link):
            out.append((node.children[0].text, node.href, node.title))
        elif isinstance(node, Emphasis):
            out += links(node.children)
    return out


def test_in_corpus_links_to_the_page_either_part_of_a_joint_symbol():
    p = Paragraph(line=1, id="para-3", number=3, inlines=[Text("其报告(A/70/95-S/2015/446)和 S/2015/446")])
    link_symbols(Document(Meta(), [p], []), CORPUS)
    assert links(p.inlines) == [
        ("A/70/95-S/2015/446", "a-70-95.md", "A/70/95-S/2015/446"),
        ("S/2015/446", "a-70-95.md", "S/2015/446"),
    ]
    assert p.inlines[0] == Text("其报告(") and p.inlines[2] == Text(")和 ")


def test_out_of_corpus_links_to_undocs_first_part_of_a_joint_symbol():
    p = Paragraph(line=1, id="para-5", number=5, inlines=[Text("见 A/47/277-S/24111；安理会第 1325(2000)号决议")])
    link_symbols(Document(Meta(), [p], []), CORPUS)
    assert links(p.inlines) == [
        ("A/47/277-S/24111", "https://undocs.org/zh/A/47/277", "A/47/277-S/24111"),
        ("第 1325(2000)号决议", "https://undocs.org/zh/S/RES/1325(2000)", "S/RES/1325(2000)"),
    ]


def test_placeholder_number_read_as_text_becomes_a_resolution_link():
    """The reader turns [70/304](#) into the text 70/304; the phrase around it decides."""
    p = Paragraph(line=1, id="summary-p1", inlines=[Text("大会第 "), Text("70/304"), Text(" 号决议请秘书长")])
    link_symbols(Document(Meta(), [p], []), CORPUS)
    assert links(p.inlines) == [("第 70/304 号决议", "https://undocs.org/zh/A/RES/70/304", "A/RES/70/304")]


def test_footnotes_are_linked_and_existing_links_untouched():
    existing = Link("https://example.org/S/2011/552", [Text("S/2011/552")], "url")
    note = Footnote("1", [Text("见 S/2011/552。"), existing], line=3, id="fn:1")
    p = Paragraph(line=1, id="para-1", number=1, inlines=[Text("报告"), FootnoteRef("1")])
    doc = Document(Meta(), [p], [note])
    link_symbols(doc, CORPUS)
    assert links(note.inlines) == [
        ("S/2011/552", "s-2011-552.md", "S/2011/552"),
        ("S/2011/552", "https://example.org/S/2011/552", None),
    ]
    assert p.inlines == [Text("报告"), FootnoteRef("1")]


def test_headings_are_linked_too():
    h = Heading(line=1, id="h", inlines=[Text("关于 S/PRST/2010/14 的说明")])
    link_symbols(Document(Meta(), [h], []), CORPUS)
    assert links(h.inlines) == [("S/PRST/2010/14", "https://undocs.org/zh/S/PRST/2010/14", "S/PRST/2010/14")]


# ---------------------------------------------------------------- citations and cited by


def report(symbols, title, *paragraphs, footnotes=()) -> Document:
    blocks = [Paragraph(line=i, id=f"para-{i}", number=i, inlines=[Text(t)]) for i, t in enumerate(paragraphs, 1)]
    return Document(Meta(symbols=symbols, title=title), blocks, list(footnotes))


def test_corpus_index_maps_each_part_of_a_joint_symbol():
    reports = [("a-70-95", ["A/70/95-S/2015/446"]), ("s-2011-552", ["S/2011/552"])]
    assert corpus_index_of(reports) == {"A/70/95": "a-70-95", "S/2015/446": "a-70-95", "S/2011/552": "s-2011-552"}


def test_citations_list_each_part_with_the_citing_block():
    doc = report(["S/2015/730"], "再承诺", "高级别小组(A/70/95-S/2015/446)的报告", "安理会第 1325(2000)号决议")
    assert [(symbol, place.id) for symbol, place in citations(doc)] == [
        ("A/70/95", "para-1"), ("S/2015/446", "para-1"), ("S/RES/1325(2000)", "para-2")
    ]


def test_citations_read_links_made_by_the_pass_and_footnotes():
    note = Footnote("2", [Text("见 S/2011/552。")], line=9, id="fn:2")
    doc = report(["S/2015/730"], "再承诺", "其报告(A/70/95-S/2015/446)", footnotes=[note])
    link_symbols(doc, CORPUS)
    assert [(symbol, place.id) for symbol, place in citations(doc)] == [
        ("A/70/95", "para-1"), ("S/2015/446", "para-1"), ("S/2011/552", "fn:2")
    ]


def test_cited_by_from_an_index_without_self_citations_or_duplicates():
    panel = report(["A/70/95", "S/2015/446"], "集中力量", "本报告(A/70/95-S/2015/446)")
    sg = report(
        ["S/2015/730"],
        "联合国与预防冲突",
        "无关",
        "高级别小组报告(A/70/95-S/2015/446)",
        "见 S/2015/446 和 A/70/95",
        "再见 S/2011/552",
    )
    old = report(["S/2011/552"], "预防性外交", "见 S/2015/730")
    reports = [("a-70-95", panel), ("s-2015-730", sg), ("s-2011-552", old)]
    result = cited_by([report_facts(slug, doc) for slug, doc in reports])
    sg_cites = [Citation("s-2015-730", "S/2015/730", "联合国与预防冲突", f"para-{n}", str(n)) for n in (2, 3, 4)]
    assert result == {
        "a-70-95": sg_cites[:2],
        "s-2015-730": [Citation("s-2011-552", "S/2011/552", "预防性外交", "para-1", "1")],
        "s-2011-552": sg_cites[2:],
    }
