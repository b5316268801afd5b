"""Texts that keep the page's geometry (pdftotext -layout, pypdf's layout mode, PyMuPDF
sorted): each page laid out on its own, paragraph numbers hanging left of a text column,
lines padded with spaces. Each test builds such a text from a few paragraphs and checks
that the reader gets the paragraphs back whole.
"""

from __future__ import annotations

import pytest

from unmd.model import FootnoteRef, Item, Paragraph, Table, plain_text
from unmd.passes.footnotes import resolve_footnotes
from unmd.reader import read_file

MEASURE = 40  # Han characters a line


def paragraph(n: int, length: int) -> str:
    """A paragraph's text: sentences of the paragraph's own number, `length` characters."""
    sentence = f"第{'一二三四五六七八九'[n - 1]}段说明会员国和秘书处在和平行动方面的合作情况。"
    return (sentence * (length // len(sentence) + 1))[: length - 1] + "。"


def wrapped(text: str, measure: int = MEASURE) -> list[str]:
    return [text[i : i + measure] for i in range(0, len(text), measure)]


def numbered_lines(n: int, lines: list[str], margin: int, column: int, first: bool = True) -> list[str]:
    """The lines of paragraph `n` as -layout prints them: the number at the page's margin,
    the text in the column (`first`: the paragraph starts on this page)."""
    out = []
    for k, line in enumerate(lines):
        if k == 0 and first:
            label = f"{n}."
            out.append(" " * margin + label + " " * (column - margin - len(label)) + line)
        else:
            out.append(" " * column + line)
    return out + [""]


def item_lines(label: str, lines: list[str], column: int, hang: int) -> list[str]:
    """An item as -layout prints it: its marker in the text column, its text at a tab stop
    `hang` columns further right, where its continuation lines stand too."""
    first = " " * column + f"({label})" + " " * (hang - len(label) - 2) + lines[0]
    return [first] + [" " * (column + hang) + line for line in lines[1:]] + [""]


def footer(margin: int, page: int) -> list[str]:
    return ["", "", " " * margin + "15-75150 (C)" + " " * 46 + f"{page}/2"]


def header(margin: int) -> str:
    return " " * (margin + 60) + "A/70/95"


PARAGRAPHS = {1: paragraph(1, 395), 2: paragraph(2, 395), 3: paragraph(3, 330)}


def two_pages(page_break: str) -> str:
    """Paragraph 2 runs over the page end; the second page is laid out five columns further
    right than the first (no number of its own hangs at its margin before paragraph 3)."""
    second = wrapped(PARAGRAPHS[2])
    page1 = [header(0), ""] + numbered_lines(1, wrapped(PARAGRAPHS[1]), 0, 8)
    page1 += numbered_lines(2, second[:6], 0, 8)[:-1] + footer(0, 1)
    page2 = [header(5), ""] + numbered_lines(2, second[6:], 5, 13, first=False)
    page2 += numbered_lines(3, wrapped(PARAGRAPHS[3]), 5, 13) + footer(5, 2)
    return "\n".join(page1) + "\n" + page_break + "\n".join(page2) + "\n"


def read(tmp_path, text: str):
    path = tmp_path / "report.txt"
    path.write_bytes(text.encode("utf-8"))
    return read_file(path)


def paragraphs(tmp_path, text: str) -> list[tuple[int, str]]:
    return [(block.number, plain_text(block.inlines)) for block in read(tmp_path, text).blocks]


@pytest.mark.parametrize("page_break", ["\f", ""], ids=["form feed", "furniture only"])
def test_a_page_laid_out_further_right_continues_the_paragraph(tmp_path, page_break):
    """pdftotext -layout ends a page with a form feed, pypdf and PyMuPDF print none: either
    way the page ends at its footer and the next page's column is measured on that page."""
    assert paragraphs(tmp_path, two_pages(page_break)) == [(n, text) for n, text in PARAGRAPHS.items()]


ITEMS = {"a": paragraph(4, 150)[:-1] + "；", "b": paragraph(5, 190)[:-1] + "；", "c": paragraph(6, 95)}


def test_the_lines_of_a_hanging_item_stand_at_its_tab_stop(tmp_path):
    """An item's marker stands in the text column, its lines at a tab stop right of it: they
    go on with the item, they do not open blocks of their own by their indent."""
    lines = [header(0), ""] + numbered_lines(1, wrapped(PARAGRAPHS[1]), 0, 8)
    lines += numbered_lines(2, wrapped("会员国提出了下列建议："), 0, 8)
    for label, text in ITEMS.items():
        lines += item_lines(label, wrapped(text), 8, 7)
    lines += numbered_lines(3, wrapped(PARAGRAPHS[3]), 0, 8) + footer(0, 1)
    doc = read(tmp_path, "\n".join(lines) + "\n")
    items = [(block.label, plain_text(block.inlines)) for block in doc.blocks if isinstance(block, Item)]
    assert items == list(ITEMS.items())
    assert [block.number for block in doc.blocks if isinstance(block, Paragraph)] == [1, 2, 3]


def test_a_hanging_number_printed_on_its_text(tmp_path):
    """pypdf's layout mode prints a hanging number without the tab stop's gap (21.监测…): left
    of the text column it is the paragraph's number all the same, also before a number when
    it is the next paragraph's (317.2007年…)."""
    texts = {**PARAGRAPHS, 2: "2014年，" + PARAGRAPHS[2]}  # 2.2014年: the next number, no decimal
    lines = [header(0), ""]
    for n, text in texts.items():
        first, *rest = wrapped(text)
        lines += [f"{n}.{first}"] + ["   " + line for line in rest] + [""]
    lines += footer(0, 1)
    assert paragraphs(tmp_path, "\n".join(lines) + "\n") == list(texts.items())


def test_a_blank_line_ends_a_paragraph_whose_last_line_is_full(tmp_path):
    """Where the extractor kept the page's geometry, a blank line is the page's gap between
    two blocks: an unnumbered paragraph whose last line reaches the right edge ends there."""
    full = MEASURE + 3  # an unnumbered paragraph's lines start at the margin, left of the column
    letter = [paragraph(7, 2 * full), paragraph(8, 3 * full)]
    lines = [header(0), ""]
    for text in letter:
        lines += wrapped(text, full) + [""]
    for n, text in PARAGRAPHS.items():
        lines += numbered_lines(n, wrapped(text), 0, 8)
    lines += footer(0, 1)
    expected = [(None, text) for text in letter] + list(PARAGRAPHS.items())
    assert paragraphs(tmp_path, "\n".join(lines) + "\n") == expected


def test_a_call_printed_right_of_a_gap_is_the_call_of_the_sentence_before(tmp_path):
    """pypdf's layout mode prints a superscript call after a sentence further right, more room
    before it than after it (…情况。          1  第一段…): it is a call glued to the sentence,
    not a number in running text (as much room on either side)."""
    first, second, *rest = wrapped(PARAGRAPHS[1])
    stop = second.index("。") + 1
    called = second[:stop] + " " * 24 + "1  " + second[stop:]
    lines = [header(0), ""] + numbered_lines(1, [first, called, *rest], 0, 8)
    lines += numbered_lines(2, wrapped(PARAGRAPHS[2]), 0, 8)
    lines += ["1 见联合国秘书处提供的资料。"] + footer(0, 1)
    doc = resolve_footnotes(read(tmp_path, "\n".join(lines) + "\n"))
    refs = [[node.key for node in block.inlines if isinstance(node, FootnoteRef)] for block in doc.blocks]
    assert refs == [["1"], []]
    assert [(n.key, plain_text(n.inlines)) for n in doc.footnotes] == [("1", "见联合国秘书处提供的资料。")]


def test_a_call_printed_far_right_at_a_lines_end_is_the_call_of_the_sentence_before(tmp_path):
    """pypdf's layout mode may print a call after a line's last sentence further right than
    the line is long (…社会)。   (sixty spaces)   1): no justification widens a gap so far, so
    it is the sentence's call; a number a few spaces from its line's end (…特派团    16 / 年来…)
    is the line's own text."""
    first, second, *rest = wrapped(PARAGRAPHS[1])
    second = second[:-1] + "。"
    called = second + " " * 60 + "1"
    counted = rest[0][:-3] + "特派团    16"
    lines = [header(0), ""] + numbered_lines(1, [first, called, counted, "年来" + rest[1], *rest[2:]], 0, 8)
    lines += numbered_lines(2, wrapped(PARAGRAPHS[2]), 0, 8)
    lines += ["1 见联合国秘书处提供的资料。"] + footer(0, 1)
    doc = resolve_footnotes(read(tmp_path, "\n".join(lines) + "\n"))
    texts = ["".join(f"[^{n.key}]" if isinstance(n, FootnoteRef) else plain_text([n]) for n in block.inlines).replace(" ", "")
             for block in doc.blocks]
    assert texts == [first + second + "[^1]" + rest[0][:-3] + "特派团16年来" + "".join(rest[1:]), PARAGRAPHS[2]]


def test_a_call_printed_under_its_line_goes_back_and_its_rows_are_no_gap(tmp_path):
    """pdftotext -layout may print a call on a row of its own under its line (…情况。 第一段… /
    1), the rest of the paragraph two blank rows further down: the call goes back to the room
    it left, and the paragraph, whose line ended no sentence, goes on."""
    first, second, *rest = wrapped(PARAGRAPHS[1])
    stop = second.index("。") + 1
    roomy = second[:stop] + " " + second[stop:]
    body = numbered_lines(1, [first, roomy], 0, 8)[:-1] + [" " * 30 + "1", "", ""]
    body += numbered_lines(1, rest, 0, 8, first=False)
    lines = [header(0), ""] + body + numbered_lines(2, wrapped(PARAGRAPHS[2]), 0, 8)
    lines += ["1 见联合国秘书处提供的资料。"] + footer(0, 1)
    doc = resolve_footnotes(read(tmp_path, "\n".join(lines) + "\n"))
    texts = ["".join(f"[^{n.key}]" if isinstance(n, FootnoteRef) else plain_text([n]) for n in block.inlines).replace(" ", "")
             for block in doc.blocks]
    assert texts == [first + second[:stop] + "[^1]" + second[stop:] + "".join(rest), PARAGRAPHS[2]]


def test_a_sub_sections_number_does_not_stand_for_the_last_paragraphs(tmp_path):
    """A sub-section's number hangs left of the column too (1. 合作伙伴关系, after paragraph
    2): the next paragraph's number printed on its text is still the one after the last
    paragraph's (3.2014年…), not a decimal after the sub-section's."""
    texts = {**PARAGRAPHS, 3: "2014年，" + PARAGRAPHS[3]}
    lines = [header(0), ""]
    for n, text in texts.items():
        if n == 3:
            lines += ["1. 合作伙伴关系", ""]
        first, *rest = wrapped(text)
        lines += [f"{n}.{first}"] + ["   " + line for line in rest] + [""]
    lines += footer(0, 1)
    doc = read(tmp_path, "\n".join(lines) + "\n")
    assert [(block.number, plain_text(block.inlines)) for block in doc.blocks if isinstance(block, Paragraph)] == list(texts.items())


# A table under its caption as pdftotext -layout prints it (each character one column of a
# grid), and as PyMuPDF sorted prints it (a Han header's cells one space apart, placed by
# their width): the group headings 女 and 男 stand over the first of their two columns, the
# corner above the grades is empty.
TABLE_LAYOUT = [
    " 职等      女           男",
    "         人数    百分比   人数    百分比",
    " USG     5     28    13    72",
    " D-2     8     16    43    84",
    " P-5     93    25    277   75",
]
TABLE_SORTED = [
    " 职等 女      男",
    "    人数 百分比 人数 百分比",
    " USG  5    28     13   72",
    " D-2   8    16     43   84",
    " P-5   93   25     277  75",
]


# pypdf's layout mode estimates positions from the fonts' widths: its header rows stand apart
# from the numbers (男 over the last column, the second row's 人数 left of the first number).
TABLE_PYPDF = [
    "职等    女                     男",
    "     人数    百分比    人数    百分比",
    "USG    5         28          13       72",
    "D-2     8         16          43       84",
    "P-5      93       25          277     75",
]


@pytest.mark.parametrize("rows", [TABLE_LAYOUT, TABLE_SORTED, TABLE_PYPDF],
                         ids=["pdftotext -layout", "pymupdf sorted", "pypdf layout"])
def test_a_table_is_read_from_its_columns(tmp_path, rows):
    """Short cells apart by column gaps, row after row, are a table's rows; header rows with
    fewer cells than columns have their cells in the columns they stand over (against the row
    below them), or where the rows have a header's shape, in that shape; the others empty."""
    lines = [header(0), ""] + numbered_lines(1, wrapped(PARAGRAPHS[1]), 0, 8)
    lines += ["按性别分列的工作人员 (截至 2014 年 12 月 31 日)", ""] + [line for row in rows for line in (row, "")]
    lines += numbered_lines(2, wrapped(PARAGRAPHS[2]), 0, 8) + footer(0, 1)
    doc = read(tmp_path, "\n".join(lines) + "\n")
    tables = [block for block in doc.blocks if isinstance(block, Table)]
    assert [(t.caption, t.rows) for t in tables] == [("按性别分列的工作人员 (截至 2014 年 12 月 31 日)", [
        ["职等", "女", "", "男", ""], ["", "人数", "百分比", "人数", "百分比"],
        ["USG", "5", "28", "13", "72"], ["D-2", "8", "16", "43", "84"], ["P-5", "93", "25", "277", "75"]])]
    assert [block.number for block in doc.blocks if isinstance(block, Paragraph)] == [1, 2]
