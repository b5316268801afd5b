"""Mastheads and front matter in their real variety (issue 13, item 3), on two synthetic
reports in tests/fixtures/mastheads/ made in the styles of real UN documents from outside the
corpus: a working paper (committee name over two lines, Distr./date/Original lines, a table of
contents with 段次/页次 columns and numbers run together, a job-number line with dates and a
barcode, a paragraph whose number and first lines the extraction lost) and a clean-text note
(session, dates and place on three lines, a two-line title, a flattened annex table)."""

from __future__ import annotations

from pathlib import Path

import pytest

from unmd.model import Gap, Heading, Paragraph, plain_text
from unmd.passes.footnotes import resolve_footnotes
from unmd.reader import read_text
from unmd.reader.masthead import read_masthead
from unmd.writer.markdown import document_metadata, write_markdown

FIXTURES = Path(__file__).parent / "fixtures" / "mastheads"


def read(name: str):
    path = FIXTURES / name
    return resolve_footnotes(read_text(path.read_text(encoding="utf-8"), name))


def outline(doc) -> list[tuple[str, str, str]]:
    return [(type(b).__name__, b.id, plain_text(b.inlines) if hasattr(b, "inlines") else "") for b in doc.blocks]


@pytest.fixture(scope="module")
def working_paper():
    return read("working-paper.txt")


def test_the_working_paper_masthead_goes_into_the_metadata(working_paper):
    meta = working_paper.meta
    assert (meta.title, meta.subtitle) == ("空间碎片减缓做法的汇编", "秘书处编写的工作文件")
    assert meta.organs == ["大会", "和平利用外层空间委员会", "科学和技术小组委员会"]
    assert meta.session == ["第四十四届会议", "2007 年 2 月 12 日至 23 日，维也纳"]
    assert meta.agenda == ["议程项目 8", "空间碎片"]
    assert (meta.symbols, meta.date, meta.distribution, meta.original_language) == (
        ["A/AC.105/C.1/L.292"], "2007-04-10", "General", "英文")
    fields = document_metadata(working_paper)
    assert fields["symbol"] == "A/AC.105/C.1/L.292" and fields["original_language"] == "英文"


def test_the_working_paper_lists_what_it_removed(working_paper):
    removed = [(r.line, r.why) for r in working_paper.removed]
    assert removed == [
        (1, "masthead: United Nations"), (2, "masthead: running symbol"), (4, "masthead: distribution"),
        (5, "masthead: date"), (6, "masthead: language of this text"), (7, "masthead: original language"),
        *((line, "table of contents") for line in range(20, 27)),
        (28, "job number"), (29, "job number"),
    ]


def test_the_working_paper_body_has_its_chapters_sections_and_paragraphs(working_paper):
    rows = outline(working_paper)
    headings = [(kind, block_id) for kind, block_id, _ in rows if kind in ("Heading", "Gap")]
    assert headings == [
        ("Heading", "title"), ("Heading", "subtitle"), ("Heading", "ch-1"), ("Heading", "ch-2"),
        ("Heading", "ch-2-a"), ("Gap", "para-7"), ("Heading", "ch-2-b"), ("Heading", "ch-3"),
    ]
    assert [p.number for p in working_paper.numbered()] == [1, 2, 3, 4, 5, 6, 8, 9, 10, 11, 12]
    header = [(b.role, plain_text(b.inlines)) for b in working_paper.blocks if isinstance(b, Paragraph) and not b.id]
    assert header[0] == ("organ", "大会") and header[-1] == ("agenda-title", "空间碎片")


def test_a_paragraph_that_lost_its_start_keeps_its_rest_behind_a_marker(working_paper):
    [warning] = working_paper.warnings
    assert warning.message == ("paragraph number 8 out of sequence (expected 7): paragraph 7 lost its start, "
                               "its rest (line 40) kept after a marker")
    rows = outline(working_paper)
    at = next(i for i, row in enumerate(rows) if row[0] == "Gap")
    assert rows[at - 1][1] == "para-6" and rows[at - 1][2].endswith("推荐的方法和模型。")
    assert rows[at + 1][2].startswith("推动在设计阶段就考虑") and rows[at + 1][1] == "ch-2-a-p1"
    assert "［来源文本缺失：第 7 段的开头］\n{: #para-7 .gap }" in write_markdown(working_paper)
    assert isinstance(working_paper.blocks[[b.id for b in working_paper.blocks].index("para-7")], Gap)


def test_the_note_reads_session_dates_and_place_apart_from_its_two_line_title():
    doc = read("un-note.txt")
    assert doc.meta.session == ["第六十二届会议", "2007 年 9 月 18 日至 12 月 21 日", "纽约"]
    assert (doc.meta.title, doc.meta.subtitle) == ("联合国与区域组织在维持国际和平与安全方面的合作", "秘书长的说明")
    headings = [(b.id, b.kind, plain_text(b.inlines)) for b in doc.blocks if isinstance(b, Heading)]
    assert headings[:3] == [("title", "title", doc.meta.title), ("subtitle", "subtitle", "秘书长的说明"),
                            ("annex-1", "annex", "附件")]
    assert all(len(text) <= 50 for _, _, text in headings)
    assert [p.number for p in doc.numbered()] == [1, 2, 3] and not doc.warnings


@pytest.mark.parametrize("lines, organs", [
    (["联合国", "经济、社会及文化权利", "委员会", "第三十八届会议"], ["经济、社会及文化权利委员会"]),
    (["联合国", "安全理事会", "Distr.: General"], ["安全理事会"]),
    (["预防性外交：取得成果", "秘书长的报告"], []),
])
def test_organ_lines_and_committee_names_that_wrap(lines, organs):
    assert read_masthead(lines).organs == organs


def test_a_chinese_original_language_line():
    masthead = read_masthead(["联合国", "A/62/1", "原文：英文"])
    assert (masthead.symbols, masthead.original_language) == (["A/62/1"], "英文")


@pytest.mark.parametrize("top", [
    ["联合国                                  A/72/115", "", "          Distr.: General", "          2017-06-27",
     "          Chinese", "          Original: English"],  # pdftotext -layout: a row of two columns
    ["A/72/115联合国", "Distr.: General", "2017-06-27", "Chinese", "Original: English"],  # pypdf runs them together
    ["联合国", "A/72/115", "Distr.: General", "2017-06-27", "Chinese", "Original: English"],
])
def test_a_pdf_extractors_masthead_goes_on_to_the_session_and_agenda_lines(top):
    """Whatever the extractor did to the masthead's fields (columns in one row, fields run
    together, an ISO date), the masthead reads on to the session and agenda lines below them,
    which the page shows as the document's header, not as headings of the body."""
    lines = top + ["", "          第七十二届会议", "        暂定项目表* 项目 35(b)", "", "预防武装冲突"]
    masthead = read_masthead(lines)
    assert (masthead.symbols, masthead.date, masthead.distribution, masthead.original_language) == (
        ["A/72/115"], "2017-06-27", "General", "英文")
    assert [(role, text) for role, _, text in masthead.header] == [
        ("session", "第七十二届会议"), ("agenda", "暂定项目表* 项目 35(b)")]
    assert lines[max(masthead.lines) + 1:] == ["", "预防武装冲突"]


def test_a_row_with_a_field_that_is_no_masthead_ends_the_masthead():
    masthead = read_masthead(["联合国      A/72/115", "Distr.: General      预防武装冲突的报告"])
    assert masthead.distribution is None and masthead.lines == [0]


@pytest.mark.parametrize("row", ["大  会                          Distr.: General", "大会Distr.: General"])
def test_an_organ_in_a_masthead_row_letter_spaced_or_run_together(row):
    """The UN's own first page sets the organ letter-spaced in the row of Distr.: General; an
    extractor keeps the gap (-layout) or runs the two together (pypdf)."""
    masthead = read_masthead(["联 合 国                       A/72/115", row, "27 June 2017", "Chinese",
                              "Original: English", "第七十二届会议", "预防武装冲突"])
    assert (masthead.organs, masthead.session, masthead.distribution, masthead.date) == (
        ["大会"], ["第七十二届会议"], "General", "2017-06-27")
