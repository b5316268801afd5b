"""The layout corpus (scripts/layoutcorpus): the comparison that the layout table counts with,
and the synthetic typesetter that makes the layouts."""

from __future__ import annotations

import copy
import dataclasses
import re
from collections import Counter

import pytest
from corpus import documents

from layoutcorpus.compare import block_signature, compare
from layoutcorpus.synthetic import DIMENSIONS, Style, break_lines, marked_text, named_styles, typeset
from layoutcorpus.synthetic import layouts as synthetic_layouts
from layoutcorpus.table import run, summary
from unmd.catalog import load_catalog
from unmd.model import NOTE_PARAGRAPH, Heading, Paragraph, Text, plain_text
from unmd.passes.footnotes import resolve_footnotes
from unmd.reader import read_text
from unmd.reader.lines import split_layout
from unmd.reader.shape import fills_line, line_width, wrap_is_exact

SLUGS = sorted(documents())


def test_a_reading_is_the_same_document_as_itself():
    _, doc = documents()["S-2011-552"]
    result = compare(doc, copy.deepcopy(doc))
    assert result.identical and result.units == len(doc.blocks) + len(doc.footnotes)


def test_a_paragraph_cut_in_two_counts_two():
    _, doc = documents()["S-2011-552"]
    other = copy.deepcopy(doc)
    index = next(i for i, b in enumerate(other.blocks) if isinstance(b, Paragraph) and b.number == 4)
    text = other.blocks[index].inlines[0].text
    other.blocks[index].inlines[0] = Text(text[:20])
    other.blocks.insert(index + 1, Paragraph(0, "para-4-p1", inlines=[Text(text[20:])]))
    assert compare(doc, other).differing == 2


def test_heading_level_kind_role_and_note_text_count():
    _, doc = documents()["S-2011-552"]
    other = copy.deepcopy(doc)
    next(b for b in other.blocks if isinstance(b, Heading) and b.kind == "section").level = 4
    next(b for b in other.blocks if isinstance(b, Paragraph) and b.role == "dedication").role = "front"
    other.footnotes[3].inlines = [Text("另一个注")]
    assert compare(doc, other).differing == 3


def test_white_space_and_the_form_of_a_chapter_number_do_not_count():
    _, doc = documents()["S-2011-552"]
    other = copy.deepcopy(doc)
    chapter = next(b for b in other.blocks if isinstance(b, Heading) and b.kind == "chapter")
    chapter.inlines = [Text(re.sub(r"^一\. ", "第一章 ", chapter.inlines[0].text))]
    other.blocks[-1].inlines = [Text(t.text.replace("，", " ， ")) if isinstance(t, Text) else t
                                for t in other.blocks[-1].inlines]
    assert compare(doc, other).identical


def _characters(text: str) -> Counter:
    return Counter(re.sub(r"\s", "", text))


@pytest.mark.parametrize("slug", SLUGS)
def test_every_style_prints_every_character_of_the_report(slug):
    """The typesetter adds furniture, marks and a table of contents, and loses nothing."""
    _, doc = documents()[slug]
    body = "".join(marked_text(getattr(b, "inlines", []), "plain")[0] for b in doc.blocks)
    notes = "".join(marked_text(n.inlines, "plain")[0] for n in doc.footnotes)
    want = _characters(re.sub(r"\d", "", body + notes))
    for name, style in named_styles()[:: 5]:
        got = _characters(re.sub(r"\d", "", typeset(doc, style, seed=1)))
        assert not want - got, name


def test_every_value_of_every_dimension_changes_the_text_and_the_seed_fixes_it():
    _, doc = documents()["A-72-115"]
    base = typeset(doc, Style(), seed=1)
    assert typeset(doc, Style(), seed=1) == base
    for name, values in DIMENSIONS.items():
        for value in values:
            if value != getattr(Style(), name):
                assert typeset(doc, dataclasses.replace(Style(), **{name: value}), seed=1) != base, (name, value)


def test_the_typesetter_keeps_latin_words_whole_and_closing_punctuation_off_a_line_start():
    _, doc = documents()["S-2011-552"]
    texts = [marked_text(b.inlines, "superscript")[0] for b in doc.blocks if isinstance(b, Paragraph)]
    for typesetter in (True, False):
        split = closing = 0
        for text in texts:
            spans = break_lines(text, 30, typesetter)
            for (_, end), (start, _) in zip(spans, spans[1:]):
                split += end == start and bool(re.match(r"[A-Za-z0-9]{2}", text[start - 1 : start + 1]))
                closing += text[start] in "。，、；：！？）》”"
        assert (split + closing == 0) == typesetter, typesetter


# ------------------------------------------------------------------ the layouts read back

# Every other value of every dimension on its own, each on one of the smaller reports in turn
# (A/70/95, the largest, is left to the whole corpus: scripts/layouts, or --slow).
SMALL = ["S-2011-552", "A-72-115", "S-2015-730", "S-2017-105"]
SINGLE = [(name, SMALL[k % len(SMALL)]) for k, (name, _) in enumerate(named_styles()) if not name.startswith("drawn-")]


def _read_back(layouts, slugs):
    entries = [e for e in load_catalog() if e.slug in slugs]
    return run(layouts, entries)


@pytest.mark.parametrize("name,slug", SINGLE)
def test_each_layout_dimension_reads_back_the_same_document(name, slug):
    layout = next(lay for lay in synthetic_layouts() if lay.name == name)
    [cell] = _read_back([layout], {slug})
    assert cell.mark == "=", cell.error or cell.comparison.first


# Cells where only the measure marks a block's end (every line followed by a blank, or none
# at all, or only an indented first line), notes whose lines hang under their text, a heading
# after a page end right below a paragraph's full last line (drawn-5 S-2017-105), and a note
# that a page end cut, continued without a rule above the next page's notes (drawn-4 and
# drawn-5 S-2015-730), a heading right after a lead-in's full line ending with a colon
# (drawn-10 S-2017-105): each differed before the reader learnt the document's measure.
MEASURED = [("blank_lines=True", "S-2011-552"), ("paragraph_end=short", "S-2011-552"),
            ("paragraph_end=indent", "A-72-115"), ("drawn-8", "S-2011-552"), ("drawn-10", "S-2011-552"),
            ("drawn-12", "S-2011-552"), ("drawn-12", "A-72-115"), ("drawn-5", "S-2017-105"),
            ("drawn-4", "S-2015-730"), ("drawn-5", "S-2015-730"), ("drawn-10", "S-2017-105")]


@pytest.mark.parametrize("name,slug", MEASURED)
def test_where_only_the_measure_ends_a_block_the_document_reads_back_the_same(name, slug):
    layout = next(lay for lay in synthetic_layouts() if lay.name == name)
    [cell] = _read_back([layout], {slug})
    assert cell.mark == "=", cell.error or cell.comparison.first


def wrap_paragraph(text, width):
    """The lines the typesetter breaks `text` into at `width`."""
    return [text[a:b] for a, b in break_lines(text, width, True)]


def _cut_pairs(texts, width):
    pairs = []
    for text in texts:
        spans = break_lines(text, width, True)
        pairs += [(text[a:b], text[c:d], 0) for (a, b), (c, d) in zip(spans, spans[1:])]
    return pairs


def test_a_typesetters_exact_wrap_is_told_from_justified_lines_read_back():
    """Lines a typesetter cut never leave room for the next line's start; lines read back
    from a justified PDF often seem to (a character's width in the text is not its width on
    the page): only the first is taken at its exact measure."""
    _, doc = documents()["S-2011-552"]
    texts = [marked_text(b.inlines, "superscript")[0] for b in doc.blocks if isinstance(b, Paragraph)]
    pairs = [(line, following, lead) for line, following, lead in _cut_pairs(texts, 36)
             if not line.endswith(("。", "；", "："))]
    assert wrap_is_exact(pairs, 36)
    justified = [(line[:-1] if k % 2 else line, following, lead) for k, (line, following, lead) in enumerate(pairs)]
    assert not wrap_is_exact(justified, 36)


def test_an_exact_measure_ends_a_paragraph_whose_last_line_left_room():
    last = "一" * 38 + "。"  # 39 of 40: the next paragraph's first character would have fitted
    assert fills_line(last, "二", 40)  # within the slack extracted lines need
    assert not fills_line(last, "二", 40, exact=True)
    assert fills_line("一" * 39 + "。", "二", 40, exact=True)
    # an indented first line has the indentation's room less
    assert not fills_line("一" * 38, "二", 40, exact=True)
    assert fills_line("一" * 38, "二", 40, exact=True, lead=2)


def test_after_a_full_line_ending_with_a_colon_a_heading_and_the_entries_open_blocks():
    """Under an exact wrap (30 a line, a blank after every line) a lead-in that fills its line
    (…其中就包括：) is followed by a heading, or by the entries it announces: either way the
    short line after it opens a block, whatever follows (a paragraph's full line, an entry
    too long to look like a heading)."""
    filler = wrap_paragraph("会员国强调，安全理事会有加强预防武装冲突所需的工具，但未加以充分利用。"
                            "几位发言者指出，由于缺乏政治意愿或出于其他政治考虑，安理会有时未就预警作出反应。", 30)
    lead = "然而，会员国也看到了实现这一目标的各种主要挑战，其中就包括："
    names = ["何塞·安东尼奥·奥坎波", "萨克科·福库达-帕尔(发展政策委员会副主席兼报告员)", "伊丽莎白·格雷戈里"]
    assert line_width(lead) == 30 and line_width(names[1]) > 0.8 * 30
    lines = ["背景", *filler * 6, lead, "各种威胁和挑战的新性质", *filler * 2, lead, *names, *filler * 2]
    doc = read_text("\n\n".join(lines) + "\n", "colon.txt")
    shown = [(type(b).__name__, plain_text(b.inlines) if hasattr(b, "inlines") else [plain_text(e) for e in b.entries])
             for b in doc.blocks]
    assert shown[7:10] == [("Paragraph", lead), ("Heading", "各种威胁和挑战的新性质"), ("Paragraph", "".join(filler))]
    assert shown[11:13] == [("Paragraph", lead), ("Entries", names)]


def test_without_blank_lines_a_short_line_that_ends_no_sentence_ends_its_block():
    """Under an exact wrap with no blank line anywhere (paragraph ends shown by the short last
    line only), a title that fills its first line and stops short on its second (…公开辩论的 /
    非正式文件) ends there, though it ends no sentence: the heading below it (导言) and the
    paragraph after that are blocks of their own, not its continuation."""
    filler = wrap_paragraph("会员国强调，安全理事会有加强预防武装冲突所需的工具，但未加以充分利用。"
                            "几位发言者指出，由于缺乏政治意愿或出于其他政治考虑，安理会有时未就预警作出反应。", 30)
    title = wrap_paragraph("2017 年 1 月 10 日安全理事会关于“预防冲突和保持和平”专题公开辩论的非正式文件", 30)
    assert len(title) == 2 and line_width(title[0]) == 30
    lines = ["背景", *filler * 10, *title, "导言", *filler]
    doc = read_text("\n".join(lines) + "\n", "short.txt")
    shown = [(type(b).__name__, plain_text(b.inlines).replace(" ", "")) for b in doc.blocks]
    assert shown[-3:] == [("Heading", "2017年1月10日安全理事会关于“预防冲突和保持和平”专题公开辩论的非正式文件"),
                          ("Heading", "导言"), ("Paragraph", "".join(filler))]


def test_a_line_breaker_that_cuts_anything_leaves_no_room_for_one_character():
    """A line breaker that cuts at the measure whatever it cuts (lines start with a comma) would
    have put the first digits of 2014 on a heading's line 29 of 30 wide: that heading ended
    there, and the paragraph below is not its continuation."""
    def naive(text):
        return [text[a:b] for a, b in break_lines(text, 30, False)]
    filler = naive("会员国强调，安全理事会有加强预防武装冲突所需的工具，但未加以充分利用。几位发言者指出，"
                   "由于缺乏政治意愿或出于其他政治考虑，安理会有时未就预警作出反应，而且常常迟迟不能作出决定。")
    title = "2015 年 6 月 17 日秘书长给大会主席和安全理事会主席的同文信"
    letter = naive("2014 年 10 月 31 日，我召集了一个和平行动问题高级别独立小组，以彻底审查当前联合国和平行动和今后新出现的需求。")
    assert line_width(title) == 29 and any(line.startswith("，") for line in filler)
    lines = ["背景", *filler * 10, title, *letter, *filler]
    doc = read_text("\n\n".join(lines) + "\n", "anywhere.txt")
    shown = [(type(b).__name__, plain_text(b.inlines).replace(" ", "")) for b in doc.blocks]
    assert shown[-3:-1] == [("Heading", title.replace(" ", "")), ("Paragraph", "".join(letter).replace(" ", ""))]


def _naive(text, width=30):
    """The lines a line breaker that cuts at the measure whatever it cuts breaks `text` into."""
    return [text[a:b] for a, b in break_lines(text, width, False)]


# A paragraph that a line breaker cutting anything wraps at 30 with a line opening with a comma.
CUT_ANYWHERE_FILLER = ("会员国强调，安全理事会有加强预防武装冲突所需的工具，但未加以充分利用。几位发言者指出，"
                       "由于缺乏政治意愿或出于其他政治考虑，安理会有时未就预警作出反应，而且常常迟迟不能作出决定。")


@pytest.mark.parametrize("rule", [True, False])
def test_a_number_that_a_line_breaker_cut_at_the_full_measure_is_whole_again(rule):
    """A line breaker that cuts anything cut the plain call 11 at a full line's end (…发展报告》1
    / 1 中): one number, the call of note 11, not a 1 and a 1 that a space lost; under a rule
    or not (then that call is what makes the line that opens the page's notes a note), note 11
    is called once. A line half a character short of the measure (…共有 128 000
    / 000 人) stopped where a space the break dropped took that room: the numbers keep it."""
    filler = CUT_ANYWHERE_FILLER
    cut = _naive("例如，七国集团确定上述五项关键目标在《2011 年世界发展报告》11 中得到反映，"
                 "报告重点指出了受冲突影响国家“足够包容”的政治、安全、司法和就业的重要性。")
    spaced = _naive("据难民署统计，2016 年流离失所现象达到最高记录，共有 128 000 000 人流离失所，大多数是妇女和儿童。")
    assert cut[0].endswith("》1") and cut[1].startswith("1 中") and line_width(cut[0]) == 30
    assert spaced[0].endswith("128 000") and spaced[1].startswith("000 人") and line_width(spaced[0]) == 29.5
    def page(paragraphs, notes):
        return [*("\n".join(lines) for lines in paragraphs), *(["__________"] if rule else []),
                "\n".join(f"{k} 见秘书长的报告，第 {k} 段。" for k in notes), "A/72/115"]
    text = "\n\n".join(["背景", *page([_naive(f"{filler}{k}") for k in range(1, 11)] + [_naive(filler)] * 4, range(1, 11)),
                        *page([cut, spaced], [11])]) + "\n"
    doc = resolve_footnotes(read_text(text, "anywhere.txt"))
    assert [(n.key, n.refs) for n in doc.footnotes] == [(str(k), 1) for k in range(1, 12)]
    called, numbers = [[plain_text([n]) if isinstance(n, Text) else f"[^{n.key}]" for n in b.inlines]
                       for b in doc.blocks[-2:]]
    assert called[1:] == ["[^11]", " 中得到反映，报告重点指出了受冲突影响国家“足够包容”的政治、安全、司法和就业的重要性。"]
    assert numbers == ["据难民署统计，2016 年流离失所现象达到最高记录，共有 128 000 000 人流离失所，大多数是妇女和儿童。"]


def test_a_word_or_number_that_the_line_breaker_cut_in_a_note_is_whole_again():
    """The line breaker that cut the body's runs anywhere wrapped the notes too, a Han character
    narrower (29): a note line that filled the notes' measure cut a word of a link (…/resea /
    rch/) or a number (…，20 / 17 年); one half a character short dropped a space (…et / al.)."""
    notes = [_naive(text, 29) for text in (
        "1 见乌普萨拉冲突数据方案，详见：http://www.pcr.uu.se/research/ucdp/，2017 年。",
        "2 难民署的报告将这一人数确定为六千五百万人，其中包括在本国境内流离失所的四千零三十万人、"
        "难民二千二百五十万人和寻求庇护者二百八十万人。",
        "3 见第 7 章关于冲突趋势的研究，Sebastian von Einsiedel et al.，《内战趋势》，2017 年。",
        "4 见关于，Sebastian von Einsiedel et al.，《内战趋势》，2017 年。")]
    assert notes[0][0].endswith("/resea") and notes[3][0].endswith("，20") and line_width(notes[3][0]) == 29
    assert notes[2][0].endswith(" et") and line_width(notes[2][0]) == 28.5
    paragraphs = [_naive(f"{CUT_ANYWHERE_FILLER}{k}") for k in range(1, 5)] + [_naive(CUT_ANYWHERE_FILLER)] * 8
    text = "\n\n".join(["背景", *("\n".join(lines) for lines in paragraphs), "__________",
                        "\n".join(line for lines in notes for line in lines)]) + "\n"
    doc = resolve_footnotes(read_text(text, "anywhere.txt"))
    assert [plain_text(n.inlines) for n in doc.footnotes] == [
        "见乌普萨拉冲突数据方案，详见：http://www.pcr.uu.se/research/ucdp/，2017 年。",
        "难民署的报告将这一人数确定为六千五百万人，其中包括在本国境内流离失所的四千零三十万人、"
        "难民二千二百五十万人和寻求庇护者二百八十万人。",
        "见第 7 章关于冲突趋势的研究，Sebastian von Einsiedel et al.，《内战趋势》，2017 年。",
        "见关于，Sebastian von Einsiedel et al.，《内战趋势》，2017 年。"]


def test_a_note_hanging_under_its_text_goes_on_after_a_full_line_that_ends_a_sentence():
    note = ["¹ 二十国集团成员包括一些世界上最大的发达经济体和新兴经济体，约占",
            "  世界人口的三分之二、全球国内生产总值的 85% 和全球贸易额的逾 75%。",
            "  二十国集团的成员是阿根廷、澳大利亚、巴西、加拿大、中国、法国、德",
            "  国、印度和欧洲联盟。"]
    body = ["一" * 30 + "。" for _ in range(10)]
    assert line_width(note[1]) >= 33
    layout = split_layout("\n".join(body + ["", "__________", ""] + note + ["", "S/2099/1", ""] + body))
    [found] = layout.notes
    assert found.text.endswith("国、印度和欧洲联盟。") and "75%。二十国" in found.text.replace(" ", "")
    assert len(layout.pieces) == 20


@pytest.mark.slow
@pytest.mark.xfail(strict=True, reason="not yet: 183 of 195 identical, 0.32 % of blocks and notes differ (README, Layouts)")
def test_the_whole_synthetic_corpus_meets_the_targets():
    """Every report in every synthetic layout: at least 95 % identical, under 0.5 % of blocks
    and notes different, no conversion stopped (issue 13)."""
    result = summary(_read_back(synthetic_layouts(), set(SLUGS)))
    assert result["errors"] == 0, result
    assert result["identical_share"] >= 0.95 and result["differing_share"] < 0.005, result


def test_a_letters_heading_that_fills_the_line_above_the_letter_is_its_heading():
    """A/70/95 at 30 columns, paragraphs ending only by their short last line: the covering
    letter's heading (…主席的同文信, 28 wide) leaves room for 2014 but not for the space the
    break drops before it, so the wrap may have cut it; above the first paragraph, under the
    agenda titles, it is the letter's heading (part-1), not the first line of its text."""
    _, doc = documents()["A-70-95"]
    text = typeset(doc, Style(width=30, paragraph_end="short"), seed=1)
    lines = text.splitlines()
    at = next(k for k, line in enumerate(lines) if line.endswith("同文信"))
    assert lines[at + 1].startswith("2014 年")
    read = read_text(text, "A-70-95.txt", doc.meta.title)
    expected = [block_signature(b) for b in doc.blocks if b.id.startswith("part-1")][:5]
    assert [block_signature(b) for b in read.blocks if b.id.startswith("part-1")][:5] == expected
    assert [b.role for b in read.blocks if isinstance(b, Paragraph) and not b.id].count("agenda-title") == 3


@pytest.mark.parametrize("style", [Style(), Style(width=30, blank_lines=True), Style(typesetter=False)])
def test_a_notes_paragraphs_that_an_exact_wrap_starts_on_lines_of_their_own_are_read_back(style):
    """A/70/95's note 14 quotes three paragraphs of the Charter after a colon, each printed from
    a line's start: under an exact wrap a note line that ended a sentence or a colon and left
    room for the next line's start ended a paragraph of the note. No other note gains one."""
    _, doc = documents()["A-70-95"]
    read = read_text(typeset(doc, style, seed=1), "A-70-95.txt", doc.meta.title)
    paragraphs = {n.key: plain_text(n.inlines).count(NOTE_PARAGRAPH) for n in doc.footnotes}
    assert paragraphs["14"] == 3
    assert {n.key: plain_text(n.inlines).count(NOTE_PARAGRAPH) for n in read.footnotes} == paragraphs


def test_a_heading_that_fills_the_line_after_a_full_stop_is_the_one_its_parent_announced():
    """A/70/95 at 30 columns, paragraphs ending only by their short last line: the fourth of
    the 四项必需的转变 (…联合国和平行动必须更加以人为本, 30 wide) fills its line after a
    paragraph's full stop, so the wrap may have cut it and it went on with the paragraph below.
    Its parent announced four headings and only three stand before the next heading that
    announces its own (新办法: …四个领域…): it is the fourth, and the summary keeps its ids."""
    _, doc = documents()["A-70-95"]
    text = typeset(doc, Style(width=30, paragraph_end="short"), seed=1)
    lines = text.splitlines()
    at = lines.index("联合国秘书处必须更加侧重实地，联合国和平行动必须更加以人为本")
    assert line_width(lines[at]) == 30 and lines[at - 1].endswith("。")
    read = read_text(text, "A-70-95.txt", doc.meta.title)
    summary = [block_signature(b) for b in doc.blocks if b.id.startswith("summary")]
    assert [block_signature(b) for b in read.blocks if b.id.startswith("summary")] == summary


def test_a_line_ending_with_a_full_stop_and_a_bracketed_call_ends_its_sentence():
    """S/2015/730 at 44 columns, paragraphs opening indented, bracketed note calls: paragraph
    7's last line (到 2014 年年底…历史新高。[1]) follows a line that ended its sentence at the
    measure. It ends its own sentence before the call, as …新高。¹ would: the paragraph's
    last line, not a heading after a full stop."""
    _, doc = documents()["S-2015-730"]
    text = typeset(doc, Style(width=44, paragraph_end="indent", marks="bracket"), seed=1)
    lines = text.splitlines()
    at = next(k for k, line in enumerate(lines) if line.startswith("到 2014 年年底"))
    assert lines[at].endswith("。[1]") and line_width(lines[at - 1]) == 44 and lines[at - 1].endswith("。")
    read = read_text(text, "S-2015-730.txt", doc.meta.title)
    para = next(b for b in read.blocks if b.id == "para-7")
    assert plain_text(para.inlines).endswith("成为开始保存记录以来的历史新高。[1]")
    assert not any(isinstance(b, Heading) and plain_text(b.inlines).startswith("到") for b in read.blocks)


def test_a_letters_indented_first_line_under_its_title_opens_a_paragraph_not_the_title():
    """S/2017/105 at 30 columns, paragraphs opening indented: the letter's first line under its
    title (　　谨随函转递…一份非正式文件，) ends where a title could go on, but it opens
    indented as every paragraph does here: a paragraph, not the rest of a title."""
    _, doc = documents()["S-2017-105"]
    text = typeset(doc, Style(width=30, paragraph_end="indent"), seed=1)
    assert "\n　　谨随函转递瑞典常驻联合国代表团按例编写的一份非正式文件，\n" in text
    read = read_text(text, "S-2017-105.txt", doc.meta.title)
    expected = [block_signature(b) for b in doc.blocks if b.id.startswith("title-")]
    assert [block_signature(b) for b in read.blocks if b.id.startswith("title-")] == expected


def test_a_paragraph_after_a_paragraph_stays_one_where_blank_lines_end_blocks():
    """The same summary with summary-h7 gone from the document, its paragraph now the second
    under summary-h6: 四项必需的转变 still announces four and three follow, and at 30 columns
    that paragraph opens with a heading-shaped line after a full stop (…联合国和平行动). Where a
    blank line ends each block, a heading would stand apart: the line is the paragraph's."""
    _, doc = documents()["A-70-95"]
    doc = copy.deepcopy(doc)
    doc.blocks = [b for b in doc.blocks if b.id != "summary-h7"]
    read = read_text(typeset(doc, Style(width=30), seed=1), "A-70-95.txt", doc.meta.title)
    summary = [block_signature(b)[::len(block_signature(b)) - 1] for b in doc.blocks if b.id.startswith("summary")]
    assert [block_signature(b)[::len(block_signature(b)) - 1] for b in read.blocks if b.id.startswith("summary")] == summary


def test_each_paragraph_of_a_note_starts_a_printed_line_of_its_own():
    """A note of several paragraphs (A/70/95's note quoting the Charter) is printed as a
    typesetter prints it: each paragraph's first line filled from its start, not from what the
    paragraph before left of the measure."""
    _, doc = documents()["A-70-95"]
    note = next(n for n in doc.footnotes if NOTE_PARAGRAPH in plain_text(n.inlines))
    lines = typeset(doc, dataclasses.replace(Style(), width=30, note_rule=False), seed=1).split("\n")
    later = [p for p in plain_text(note.inlines).split(NOTE_PARAGRAPH)[1:] if line_width(p) > 30]
    assert later
    for paragraph in later:
        opening = paragraph.strip()[:10]
        [line] = [line.strip() for line in lines if opening in line]
        assert line.startswith(opening) and line_width(line) >= 27, line
