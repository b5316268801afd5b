"""What a line break between Han text and a number lost: the report's own spacing decides
(unmd.reader.shape.number_spacing), each case on a small synthetic text."""

from __future__ import annotations

from unmd.model import plain_text
from unmd.passes.footnotes import resolve_footnotes
from unmd.reader import read_text
from unmd.reader.shape import GLUED, NumberSpacing, join_text, number_spacing

SPACED = ["自 2008 年以来，数目从 4 个增至 11 个。", "会员国在 2015 年 9 月通过了议程，共有 193 个国家。"]
MIXED = ["自2008年以来，数目从 4 个增至11个。", "会员国在 2015 年 9 月通过了议程。"]


def test_a_report_that_spaces_its_numbers_gets_the_space_a_line_break_lost():
    spacing = number_spacing(SPACED)
    assert (spacing.before_number, spacing.after_number) == (True, True)
    assert join_text("从 4 个增至", "11 个", spacing) == "从 4 个增至 11 个"
    assert join_text("只有 6", "人为女性", spacing) == "只有 6 人为女性"
    assert join_text("2015 年 3", "月", spacing) == "2015 年 3 月"


def test_a_report_that_mixes_spacing_gets_nothing_added():
    spacing = number_spacing(MIXED)
    assert (spacing.before_number, spacing.after_number) == (False, False)
    assert join_text("数目增至", "11个", spacing) == "数目增至11个"
    assert join_text("只有6", "人为女性", spacing) == "只有6人为女性"


def test_latin_words_and_numbers_keep_their_space_whatever_the_report_does():
    assert join_text("vol.", "54", GLUED) == "vol. 54"
    assert join_text("共 128", "000 人", GLUED) == "共 128 000 人"


def test_a_mark_at_a_line_end_is_spaced_from_the_next_line_as_the_report_spaces_its_marks():
    assert number_spacing(["历史新高。¹ 预防冲突的工作。", "新的挑战。² 其他方面。"]).after_mark
    assert not number_spacing(["历史新高。¹预防冲突的工作。"]).after_mark
    assert not number_spacing(SPACED).after_mark  # no mark within a line: nothing to add
    assert join_text("的紧急情况。2", "这进而", NumberSpacing(after_mark=True)) == "的紧急情况。2 这进而"
    assert join_text("的紧急情况。2", "这进而", GLUED) == "的紧急情况。2这进而"


def test_the_reader_joins_a_wrapped_paragraph_with_the_reports_own_spacing():
    """Lines wrapped at about 22 Han characters, a blank line between the pieces; after the
    mark the next line follows at once with a leading space, as a page break leaves it."""
    text = "\n\n".join([
        "  一. 导言",
        "1. 自 2008 年以来，处于进行之中的内战数目已几",
        "乎增加了两倍，在过去这些年里从 4 个增至",
        "11 个，与 1990 年代初开始的长期下降趋势相比，",
        "形成了鲜明的反差。共计 31 名协调员中只有 6",
        "人为女性，这一比例在过去几年中，在 2015 年 3",
        "月以后也没有改变，流离失所者已达到历史新高。1\n"
        " 这进而使得我们的反应能力捉襟见肘，造成的财务",
        "费用也越来越高，各方在 2014 年和 2015 年都有",
        "同样的看法。",
        "__________________",
        "1 联合国难民署，《全球趋势》。",
    ]) + "\n"
    doc = resolve_footnotes(read_text(text, "spacing.txt"))
    paragraph = next(doc.paragraphs())
    assert plain_text(paragraph.inlines) == (
        "自 2008 年以来，处于进行之中的内战数目已几乎增加了两倍，在过去这些年里从 4 个增至 11 个，与 1990 年代"
        "初开始的长期下降趋势相比，形成了鲜明的反差。共计 31 名协调员中只有 6 人为女性，这一比例在过去几年中，"
        "在 2015 年 3 月以后也没有改变，流离失所者已达到历史新高。这进而使得我们的反应能力捉襟见肘，造成的财务"
        "费用也越来越高，各方在 2014 年和 2015 年都有同样的看法。"
    )
    assert [type(n).__name__ for n in paragraph.inlines] == ["Text", "FootnoteRef", "Text"]


def test_a_bracketed_call_that_a_line_breaker_cut_joins_without_a_space():
    """[1 / 3] is note 13's call, not a 1 and a 3 that a space lost at the line end."""
    spacing = number_spacing(SPACED)
    assert join_text("大约 24 次内战。[1", "3] 因此", spacing) == "大约 24 次内战。[13] 因此"
    assert join_text("大约 24 次内战。[", "13] 因此", spacing) == "大约 24 次内战。[13] 因此"
    assert join_text("vol. 41", "3 期", spacing) == "vol. 41 3 期"


def test_a_run_that_a_line_breaker_cut_at_the_full_measure_goes_on_without_a_space():
    """Where a line breaker that cuts anything filled the line (`run_cut`), it cut inside a
    number or a word more often than at the one space of it that did not fit: digits go on with
    digits (a call 11, a year), a word with its lower-case letters; a capital opens a word."""
    assert join_text("安全与发展》1", "1 中得到反映", GLUED, run_cut=True) == "安全与发展》11 中得到反映"
    assert join_text("小组秘书处人员 Bela Ka", "pur、Tamara", GLUED, run_cut=True) == "小组秘书处人员 Bela Kapur、Tamara"
    assert join_text("小组秘书处人员 Bela", "Kapur、Tamara", GLUED, run_cut=True) == "小组秘书处人员 Bela Kapur、Tamara"
    assert join_text("vol.", "54", GLUED, run_cut=True) == "vol. 54"
    assert join_text("安全与发展》1", "1 中得到反映", GLUED) == "安全与发展》1 1 中得到反映"
