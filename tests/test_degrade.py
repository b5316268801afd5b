"""Damaged reports still convert (issue 13, item 2): each kind of damage gives a warning
naming the line and a best-effort document, the gap recorded in the model and marked on the
page with the id the lost piece would have had. Only input that cannot be a report stops
(test_hostile.py)."""

from __future__ import annotations

from unmd.model import Gap
from unmd.passes.footnotes import resolve_footnotes
from unmd.reader import read_text
from unmd.writer.conversion_report import conversion_report
from unmd.writer.export import document_data
from unmd.writer.markdown import write_markdown

PATH = "damaged.txt"


def read(text: str):
    return resolve_footnotes(read_text(text, PATH))


def warnings(doc) -> list[str]:
    return [w.at(PATH) for w in doc.warnings]


def ids(doc) -> list[str]:
    return [(type(b).__name__, b.id) for b in doc.blocks]


def test_a_missing_paragraph_number_leaves_a_marked_gap_with_its_id():
    doc = read("一. 导言\n\n1. 第一段。\n\n2. 第二段。\n\n4. 第四段。\n")
    assert warnings(doc) == [
        "damaged.txt:7: warning: paragraph number 4 out of sequence (expected 3): paragraph 3 missing, marked where it should be"
    ]
    assert ids(doc) == [("Heading", "ch-1"), ("Paragraph", "para-1"), ("Paragraph", "para-2"),
                        ("Gap", "para-3"), ("Paragraph", "para-4")]
    page = write_markdown(doc)
    assert "［来源文本缺失：第 3 段］\n{: #para-3 .gap }\n\n[4.](#para-4)" in page
    assert document_data(doc)["gaps"] == [{"id": "para-3", "what": "paragraph", "missing": ["3"],
                                           "text": "［来源文本缺失：第 3 段］"}]


def test_paragraphs_that_start_late_are_read_with_the_start_marked():
    doc = read("一. 导言\n\n19. 第十九段。\n\n20. 第二十段。\n")
    assert warnings(doc) == [
        "damaged.txt:3: warning: numbered paragraphs start at 19, not 1: paragraph 1–18 missing, marked where it should be"
    ]
    gap = doc.blocks[1]
    assert isinstance(gap, Gap) and gap.id == "para-1" and gap.missing == [str(n) for n in range(1, 19)]
    assert [p.number for p in doc.numbered()] == [19, 20]
    assert "［来源文本缺失：第 1–18 段］" in write_markdown(doc)


def test_a_repeated_number_before_the_number_after_next_is_read_as_the_next():
    doc = read("一. 导言\n\n1. 第一段。\n\n1. 第二段。\n\n3. 第三段。\n")
    assert warnings(doc) == [
        "damaged.txt:5: warning: paragraph number 1 repeated where 2 is due (the next is 3): read as 2"
    ]
    assert [(p.id, p.number) for p in doc.numbered()] == [("para-1", 1), ("para-2", 2), ("para-3", 3)]


def test_a_number_printed_twice_is_a_second_paragraph_with_its_own_id():
    doc = read("一. 导言\n\n1. 第一段。\n\n2. 第二段。\n\n2. 又一段。\n\n3. 第三段。\n")
    assert warnings(doc) == [
        "damaged.txt:7: warning: paragraph number 2 repeated (expected 3): kept as a second paragraph 2"
    ]
    assert [p.id for p in doc.numbered()] == ["para-1", "para-2", "para-2-bis", "para-3"]


def test_a_number_going_back_is_text_with_a_warning():
    doc = read("一. 导言\n\n1. 第一段。\n\n2. 第二段。\n\n3. 第三段。\n\n1. 引文里的一点。\n")
    assert warnings(doc) == ["damaged.txt:9: warning: paragraph number 1 out of sequence (expected 4): read as text"]
    assert [(b.id, b.number) for b in doc.blocks[-2:]] == [("para-3", 3), ("ch-1-p1", None)]


def test_a_lost_chapter_and_a_lost_section_are_marked():
    doc = read("一. 导言\n\n1. 第一段。\n\n三. 结论\n\nA. 背景\n\n2. 第二段。\n\nC. 前景\n\n3. 第三段。\n")
    assert warnings(doc) == [
        "damaged.txt:5: warning: chapter 二 missing before 三. 结论: marked where it should be",
        "damaged.txt:11: warning: section B missing before C. 前景: marked where it should be",
    ]
    assert ids(doc) == [("Heading", "ch-1"), ("Paragraph", "para-1"), ("Gap", "ch-2"), ("Heading", "ch-3"),
                        ("Heading", "ch-3-a"), ("Paragraph", "para-2"), ("Gap", "ch-3-b"), ("Heading", "ch-3-c"),
                        ("Paragraph", "para-3")]
    page = write_markdown(doc)
    assert "［来源文本缺失：第二章］\n{: #ch-2 .gap }" in page and "［来源文本缺失：B 节］\n{: #ch-3-b .gap }" in page


def test_a_reference_without_definition_points_to_a_note_that_says_so():
    doc = read("一. 导言\n\n1. 第一段。¹\n\n2. 第二段。²\n\n¹ 第一个注。\n")
    assert warnings(doc) == [
        "damaged.txt:5: warning: footnote reference ² has no definition: its note says that the source lost its text"
    ]
    page = write_markdown(doc)
    assert "第二段。[^2]" in page and "[^2]: ［来源文本缺失此注的内容］" in page


def test_a_footnote_defined_twice_keeps_both_texts():
    doc = read("一. 导言\n\n1. 第一段。¹\n\n¹ 第一个注。\n\n¹ 又一个注。\n")
    assert warnings(doc) == [
        "damaged.txt:7: warning: footnote 1 defined again (first at line 5): this definition kept as a note on the document"
    ]
    page = write_markdown(doc)
    assert "[^1]: 第一个注。" in page and "1 又一个注。\n{: #note-1-2 .doc-note }" in page


def test_the_conversion_report_lists_removed_lines_headings_gaps_and_warnings():
    doc = read("S/2099/1\n\n一. 导言\n\n1. 第一段。\n\n3. 第三段。\n\n99-12345 (C)\n")
    report = conversion_report(doc, PATH)
    assert report.splitlines() == [
        f"conversion report: {PATH}",
        "layout: one line per paragraph; 100% of lines after a blank line, 0% indented",
        "symbol: S/2099/1",
        "title: (none found)",
        "found: 1 headings, 2 numbered paragraphs (1–3), 0 other paragraphs, 0 notes",
        "headings (line, level, kind, id):",
        "  3: h2 chapter #ch-1 一. 导言",
        "gaps marked on the page:",
        "  7: #para-2 ［来源文本缺失：第 2 段］",
        "removed (2 lines):",
        "  1: masthead: running symbol: S/2099/1",
        "  9: job number: 99-12345 (C)",
        "warnings (1):",
        "  damaged.txt:7: warning: paragraph number 3 out of sequence (expected 2): paragraph 2 missing, marked where it should be",
    ]


def test_a_block_wider_than_any_heading_is_no_heading():
    """A centred line of the wrapped layout reads as a heading (the title here), but a block of
    60 characters is text."""
    body = "\n\n".join(["1. 本报告审查联合国及其伙伴目前在一个不断变化的政治和安", "全格局中开展预防性外交面临的机会和挑战，并且说明", "最近进行的预防性外交已在实地的一系列不同场景发挥", "作用。"] * 3)
    for title, is_heading in (("  预防性外交：取得成果", True), ("  " + "预防性外交的机会和挑战" * 5 + "以及前景", False)):
        doc = read(title + "\n\n" + body + "\n")
        assert doc.layout.startswith("wrapped")
        assert (doc.blocks[0].id == "title") == is_heading, (len(title.strip()), ids(doc))
