"""The body of a report as a stream-order PDF extractor prints it (pdftotext, pdfminer, pypdf,
PyMuPDF): lines cut at the measure, the page's furniture and its foot of notes between them,
no separator rule (the PDF draws it), plain digits for superscript calls.

Each test is a tiny synthetic extraction and the exact document the reader must make of it.
"""

from __future__ import annotations

import pytest

from unmd.model import FootnoteRef, plain_text
from unmd.passes.footnotes import resolve_footnotes
from unmd.reader import read_text
from unmd.reader.extraction import foot_notes, read_extraction


def read(text: str):
    return resolve_footnotes(read_text(text, "extracted.txt"))


def paragraphs(doc) -> list[tuple[str, str]]:
    """(id, text) of each block after the first heading; a note reference is written [^key]."""
    out = []
    for block in doc.blocks:
        text = "".join(f"[^{n.key}]" if isinstance(n, FootnoteRef) else plain_text([n]) for n in block.inlines)
        out.append((block.id, text))
    return out[1:]


def unspaced(doc) -> list[tuple[str, str]]:
    """`paragraphs` without spaces: where a line broke beside a number, they cannot be known."""
    return [(key, text.replace(" ", "")) for key, text in paragraphs(doc)]


def notes(doc) -> list[tuple[str, str]]:
    return [(n.key, plain_text(n.inlines)) for n in doc.footnotes]


# Note 1 is called on page 1, but the typesetter carried it over to page 2 and printed note 2
# (called after it) at the foot of page 1 first.
CARRIED_OVER_NOTE = """\
一. 导言
1. 小组认为，国际化冲突的数量在过去十年里增加了九倍以上。1 在一些情况下，
会员国利用地方和国家的不满从中渔利，为代理战争煽风点火，从而使冲突更血
腥、延续时间更长，并且更难以解决。2 和平协议承受的压力也越来越大，时常重
新陷入断断续续的冲突之中，这一悲惨现象在许多地方已经出现，需要共同应对。
2. 达成一项协议只是一个较长进程的第一阶段，执行协议还需要财政和政治这两
方面的持续援助。其他国家采取行动或不采取行动可能帮助强化经调解达成的解决
2 难民署的报告将这一人数确定为六千五百万人。
A/70/95
15-75150 (C) 1/2
办法，也可能妨碍其取得成功，因此各方都必须在整个进程中保持连贯一致的支持。
3. 小组建议，各方必须共同努力，推动政治解决，而不是仅靠军事手段来管理冲突
及其后果。预防冲突的首要职责应由会员国担负，联合国则应当提供有力的支持。
1 见乌普萨拉冲突数据方案数据集和趋势分析报告，联合国大学政策研究中心。
A/70/95
15-75150 (C) 2/2
"""


def test_a_note_carried_over_to_a_later_page_is_a_note_and_the_notes_keep_their_order():
    doc = read(CARRIED_OVER_NOTE)
    assert paragraphs(doc) == [
        ("para-1", "小组认为，国际化冲突的数量在过去十年里增加了九倍以上。[^1] 在一些情况下，会员国利用地方和国家的不满从中渔利，"
                   "为代理战争煽风点火，从而使冲突更血腥、延续时间更长，并且更难以解决。[^2] 和平协议承受的压力也越来越大，"
                   "时常重新陷入断断续续的冲突之中，这一悲惨现象在许多地方已经出现，需要共同应对。"),
        ("para-2", "达成一项协议只是一个较长进程的第一阶段，执行协议还需要财政和政治这两方面的持续援助。其他国家采取行动或不采取"
                   "行动可能帮助强化经调解达成的解决办法，也可能妨碍其取得成功，因此各方都必须在整个进程中保持连贯一致的支持。"),
        ("para-3", "小组建议，各方必须共同努力，推动政治解决，而不是仅靠军事手段来管理冲突及其后果。预防冲突的首要职责应由会员国"
                   "担负，联合国则应当提供有力的支持。"),
    ]
    assert notes(doc) == [
        ("1", "见乌普萨拉冲突数据方案数据集和趋势分析报告，联合国大学政策研究中心。"),
        ("2", "难民署的报告将这一人数确定为六千五百万人。"),
    ]



# A justified page (pypdf's stream order): unnumbered paragraphs run the full measure (30),
# numbered ones hang their number in the margin (27), items hang theirs a tab stop further
# (24). Only the measure of each text column tells a full line from a paragraph's last line:
# every item line stops six characters short of the margin.
JUSTIFIED_COLUMNS = """\
一. 导言
我们认为，联合国的调解工作在过去十年里取得了长足的进展，各区
域组织和会员国也日益重视预防冲突的作用，并投入资源。
小组收到了来自会员国、区域组织和其他国际组织、民间社会组织和
智库的八十多份书面呈件，这些呈件的质量都非常高，极大地启发了
小组的想法。
1. 调解和调解支助的形式多种多样。在联合国，调解始终是在同
意的基础上提供的；在一些进程中，一名联合国代表是牵头调
解人或协调人，有时设有与一个区域组织的联合特使安排，但
更经常的情况是区域组织或会员国领导进程。
2. 本报告反思了可以在不同的时间调动来促进调解进程的五个宽
泛的调解支助要素，包括：
(a) 支持有利的外部环境，特别是因为当今的许多冲突都有
很强的区域和国际层面因素，广泛一致支持一个进程可
能有助于鼓励冲突各方做出承诺；
(b) 制订调解战略和进程，使调解进程走上正轨，这可能与
谈判的实质一样重要，议程、各种问题的顺序和代表团
的组成常常成为争议的主题；
(c) 开展有效的业务活动，向调解小组提供后勤、行政和安
保支助，视需要也可包括或部署专题专家，同样重要的
是要确保各级调解小组中有男有女。
3. 联合国秘书处内设有向调解进程提供技术支助的各专门单位，
它们就解除武装、复员和重返社会及安全部门改革等问题提供
支助，同时就停火和安全保障的执行情况提供咨询意见。
4. 地方一级的对话与和平倡议可以提供一个基础，并作为一项正
式和平进程的补充；为了支持全国和解努力，建设和平基金正
在加强社区和解进程并协助国家和地方当局制订一个和解路线
图。
"""

JUSTIFIED_READING = [
    ("ch-1-p1", "我们认为，联合国的调解工作在过去十年里取得了长足的进展，各区域组织和会员国也日益重视预防冲突的作用，并投入资源。"),
    ("ch-1-p2", "小组收到了来自会员国、区域组织和其他国际组织、民间社会组织和智库的八十多份书面呈件，这些呈件的质量都非常高，"
                "极大地启发了小组的想法。"),
    ("para-1", "调解和调解支助的形式多种多样。在联合国，调解始终是在同意的基础上提供的；在一些进程中，一名联合国代表是牵头调解人"
               "或协调人，有时设有与一个区域组织的联合特使安排，但更经常的情况是区域组织或会员国领导进程。"),
    ("para-2", "本报告反思了可以在不同的时间调动来促进调解进程的五个宽泛的调解支助要素，包括："),
    ("para-2-a", "支持有利的外部环境，特别是因为当今的许多冲突都有很强的区域和国际层面因素，广泛一致支持一个进程可能有助于"
                 "鼓励冲突各方做出承诺；"),
    ("para-2-b", "制订调解战略和进程，使调解进程走上正轨，这可能与谈判的实质一样重要，议程、各种问题的顺序和代表团的组成常常成为"
                 "争议的主题；"),
    ("para-2-c", "开展有效的业务活动，向调解小组提供后勤、行政和安保支助，视需要也可包括或部署专题专家，同样重要的是要确保各级"
                 "调解小组中有男有女。"),
    ("para-3", "联合国秘书处内设有向调解进程提供技术支助的各专门单位，它们就解除武装、复员和重返社会及安全部门改革等问题提供支助，"
               "同时就停火和安全保障的执行情况提供咨询意见。"),
    ("para-4", "地方一级的对话与和平倡议可以提供一个基础，并作为一项正式和平进程的补充；为了支持全国和解努力，建设和平基金正在"
               "加强社区和解进程并协助国家和地方当局制订一个和解路线图。"),
]


def test_each_line_is_read_in_the_measure_of_its_own_text_column():
    assert paragraphs(read(JUSTIFIED_COLUMNS)) == JUSTIFIED_READING


def test_the_parts_of_a_line_an_extractor_printed_apart_are_one_line():
    """pdftotext prints a justified line whose gaps justification widened in parts, with a
    blank line between them; together they fill the measure, so the paragraph goes on."""
    cut = JUSTIFIED_COLUMNS.replace("在加强社区和解进程并协助国家和地方当局制订一个和解路线",
                                    "在加强社区和解进程并协助国家\n\n和地方当局制订一个和解路线")
    assert cut != JUSTIFIED_COLUMNS
    assert paragraphs(read(cut)) == JUSTIFIED_READING


def test_a_line_printed_in_three_parts_around_a_number_is_one_line():
    """pdftotext prints a justified line in three parts around a number (…国家 / 2015 /
    方当局…), a blank line between them; none fills the measure, all three together do.
    (Where the line broke, the spaces around the number cannot be known.)"""
    whole = JUSTIFIED_COLUMNS.replace("协助国家和地方当局", "协助国家 2015 方当局")
    cut = whole.replace("协助国家 2015 方当局", "协助国家\n\n2015\n\n方当局")
    assert cut != whole != JUSTIFIED_COLUMNS

    reading = unspaced(read(whole))
    assert reading[-1][0] == "para-4" and len(reading) == len(JUSTIFIED_READING)
    assert unspaced(read(cut)) == reading


def test_a_hanging_paragraph_whose_first_line_is_printed_in_parts_stands_in_that_lines_column():
    """pdftotext prints a numbered paragraph's first line in parts (2. 本报告反思了 / 可以在…五个宽):
    the paragraph's text column is the measure the whole line reaches, not the narrowest one its
    first part reaches (in which every full line below would have ended its block)."""
    cut = JUSTIFIED_COLUMNS.replace("2. 本报告反思了可以在不同的时间调动来促进调解进程的五个宽\n",
                                    "2. 本报告反思了\n\n可以在不同的时间调动来促进调解进程的五个宽\n\n")
    assert cut != JUSTIFIED_COLUMNS
    assert paragraphs(read(cut)) == JUSTIFIED_READING


def test_a_first_part_printed_apart_that_reaches_a_narrower_measure_is_no_whole_line():
    """The first part of a numbered paragraph's first line may itself reach a narrower measure
    (2. 本报告…调解进程的, as wide as an item's column; a part that ends at a call, …通报9, may
    reach one that only a few lines share): the part pdftotext prints after a blank line
    (五个宽) is the same line's all the same."""
    cut = JUSTIFIED_COLUMNS.replace("2. 本报告反思了可以在不同的时间调动来促进调解进程的五个宽\n",
                                    "2. 本报告反思了可以在不同的时间调动来促进调解进程的\n\n五个宽\n\n")
    assert cut != JUSTIFIED_COLUMNS
    assert paragraphs(read(cut)) == JUSTIFIED_READING


def test_a_hanging_number_takes_no_room_in_the_parts_of_its_first_line():
    """An item's first line printed in parts ((b) 制订调解 / 战略和进程…这可能与): its parts fill
    the item's column without the marker, which hangs in the margin."""
    cut = JUSTIFIED_COLUMNS.replace("(b) 制订调解战略和进程，使调解进程走上正轨，这可能与\n",
                                    "(b) 制订调解\n\n战略和进程，使调解进程走上正轨，这可能与\n\n")
    assert cut != JUSTIFIED_COLUMNS
    assert paragraphs(read(cut)) == JUSTIFIED_READING


def test_two_lines_whose_first_parts_pdftotext_printed_first_are_read_in_their_order():
    """pdftotext prints two lines cut at a wide gap as two columns: both first parts, then
    each rest after a blank line (意的…一名 / 解人或协调人， / 联合国代表是牵头调 / 有时设有…):
    each first part with its rest fills the column, so the lines go back together in order."""
    paragraphs_3_4 = JUSTIFIED_COLUMNS[JUSTIFIED_COLUMNS.index("3. "):]
    more = JUSTIFIED_COLUMNS + paragraphs_3_4.replace("3. ", "5. ").replace("4. ", "6. ")  # a page long enough to measure
    cut = more.replace("意的基础上提供的；在一些进程中，一名联合国代表是牵头调\n解人或协调人，有时设有与一个区域组织的联合特使安排，但\n",
                       "意的基础上提供的；在一些进程中，一名\n解人或协调人，\n\n联合国代表是牵头调\n\n有时设有与一个区域组织的联合特使安排，但\n\n")
    assert cut != more
    assert paragraphs(read(cut)) == paragraphs(read(more))


def test_quotation_marks_counted_full_width_do_not_widen_a_hanging_column():
    """A first line with many quotation marks counts wider than it stands (they may be half a
    Han character or less): its column is the one it reaches as narrow as it may be, not the
    widest, where every full line below would stop short (pdfminer: a blank line after each)."""
    first = "联合国秘书处设有向“调解进程”提供“技术支助”的“专门”单位，"
    quoted = JUSTIFIED_COLUMNS.replace("联合国秘书处内设有向调解进程提供技术支助的各专门单位，", first)
    assert quoted != JUSTIFIED_COLUMNS
    reading = dict(JUSTIFIED_READING)
    reading["para-3"] = first + reading["para-3"][len("联合国秘书处内设有向调解进程提供技术支助的各专门单位，"):]
    assert paragraphs(read(quoted.replace("\n", "\n\n"))) == list(reading.items())


def test_a_widened_gap_printed_as_many_spaces_does_not_widen_a_hanging_column():
    """pdfminer prints a gap that justification widened as a run of spaces (于     2015     年):
    it is one gap, so the line's column is the one its text reaches, not the widest."""
    old = "联合国秘书处内设有向调解进程提供技术支助的各专门单位，"
    first = "联合国秘书处于     2015     年设有向调解进程提供技术支助的单位，"
    spaced = JUSTIFIED_COLUMNS.replace(old, first)
    assert spaced != JUSTIFIED_COLUMNS
    reading = dict(JUSTIFIED_READING)
    reading["para-3"] = first + reading["para-3"][len(old):]
    expected = [(key, text.replace(" ", "")) for key, text in reading.items()]
    assert unspaced(read(spaced.replace("\n", "\n\n"))) == expected


def test_a_number_with_the_brackets_after_it_is_one_unit_a_line_break_cannot_split():
    """WeasyPrint breaks lines by Unicode's rules, which keep 1325(2000) together: a line
    that left room for 1325 but not for 1325(2000) was cut by the wrap (…又按照第 /
    1325(2000)号…; pdfminer: a blank line after each line, so only the measure tells)."""
    old = "在加强社区和解进程并协助国家和地方当局制订一个和解路线\n图。\n"
    new = "在加强社区和解进程并协助国家和地方当局又按照第\n1325(2000)号决议制订一个和解路线图。\n"
    text = JUSTIFIED_COLUMNS.replace(old, new)
    assert text != JUSTIFIED_COLUMNS
    assert paragraphs(read(text.replace("\n", "\n\n")))[-1] == (
        "para-4", "地方一级的对话与和平倡议可以提供一个基础，并作为一项正式和平进程的补充；为了支持全国和解努力，建设和平基金正"
                  "在加强社区和解进程并协助国家和地方当局又按照第1325(2000)号决议制订一个和解路线图。")



def test_a_number_with_a_hyphen_and_the_number_after_it_is_one_unit_a_line_break_cannot_split():
    """Unicode's rules break neither before a hyphen nor between it and a digit: a line that
    left room for 2008 but not for 2008-2013 was cut by the wrap (…又按照第 / 2008-2013 年…)."""
    old = "在加强社区和解进程并协助国家和地方当局制订一个和解路线\n图。\n"
    new = "在加强社区和解进程并协助国家和地方当局又按照第\n2008-2013 年期间的决议制订一个和解路线图。\n"
    text = JUSTIFIED_COLUMNS.replace(old, new)
    assert text != JUSTIFIED_COLUMNS
    assert paragraphs(read(text.replace("\n", "\n\n")))[-1] == (
        "para-4", "地方一级的对话与和平倡议可以提供一个基础，并作为一项正式和平进程的补充；为了支持全国和解努力，建设和平基金正"
                  "在加强社区和解进程并协助国家和地方当局又按照第2008-2013 年期间的决议制订一个和解路线图。")

# A page without hanging measures, a blank line between paragraphs (blank lines end blocks).
BLANK_BETWEEN_PARAGRAPHS = """\
一. 导言

1. 小组认为，国际化冲突的数量在过去十年里增加了九倍以上，在一些
情况下，会员国利用地方和国家的不满从中渔利，为代理战争煽风点火，
从而使冲突更血腥、延续时间更长，并且更难以解决。

2. 和平协议承受的压力也越来越大，时常重新陷入断断续续的冲突之中，
这一悲惨现象在许多地方已经出现，全球人道主义呼吁已达 194.4 亿美元，
今年的数字可能会随着时间推移增加，而且该数字还没有考虑到受影响国
家自身在人以及经济机会成本方面的一系列其他代价，需要共同应对。

3. 地方一级的对话与和平倡议可以提供一个基础，并作为一项正式和平进
程的补充；为了支持全国和解努力，建设和平基金正在加强社区和解进程。
"""


def test_the_blank_lines_around_a_line_printed_in_parts_end_no_block():
    """Where blank lines end blocks, pdftotext's blank lines around the three parts of a line
    (…已达 / 194.4 / 亿美元，) and after it are the extractor's: the paragraph goes on."""
    cut = BLANK_BETWEEN_PARAGRAPHS.replace("呼吁已达 194.4 亿美元，\n今年", "呼吁已达\n\n194.4\n\n亿美元，\n\n今年")
    assert cut != BLANK_BETWEEN_PARAGRAPHS

    reading = unspaced(read(BLANK_BETWEEN_PARAGRAPHS))
    assert [key for key, _ in reading] == ["para-1", "para-2", "para-3"]
    assert unspaced(read(cut)) == reading


def test_a_call_printed_on_a_line_of_its_own_under_its_line_goes_back_to_its_room():
    """pdftotext may print a superscript call on a line of its own under its line, which keeps
    the room the call took (…提供的； 在一些进程中… / 1): the call goes back there."""
    line = "意的基础上提供的；在一些进程中，一名联合国代表是牵头调\n"
    called = JUSTIFIED_COLUMNS.replace(line, line.replace("；", "；1 ")) + "1 见联合国调解支助股的报告。\nA/70/95\n15-75150 (C) 1/1\n"
    below = JUSTIFIED_COLUMNS.replace(line, line.replace("；", "； ") + "1\n\n") + "1 见联合国调解支助股的报告。\nA/70/95\n15-75150 (C) 1/1\n"
    assert below != called
    doc = read(below)
    assert unspaced(doc) == unspaced(read(called))
    assert notes(doc) == [("1", "见联合国调解支助股的报告。")]


def test_a_heading_right_after_a_paragraphs_full_stop_is_no_line_of_it_where_blank_lines_end_blocks():
    """PyMuPDF prints a heading without the blank line it prints between paragraphs elsewhere:
    after a last line that ends its sentence near the margin, a heading-shaped line before a
    numbered paragraph is a heading, not the paragraph's next line."""
    text = BLANK_BETWEEN_PARAGRAPHS.replace("从而使冲突更血腥、延续时间更长，并且更难以解决。\n\n2. ",
                                            "从而使冲突更血腥、延续时间更长，并且更难以解决，需要共同应对。\n冲突的新性质\n2. ")
    assert text != BLANK_BETWEEN_PARAGRAPHS
    reading = paragraphs(read(text))
    assert [key for key, _ in reading] == ["para-1", "ch-1-h1", "para-2", "para-3"]
    assert reading[1] == ("ch-1-h1", "冲突的新性质")


def test_a_note_number_printed_on_a_line_of_its_own_opens_its_note():
    """pdfminer prints a note's number, a blank line, then the note's text."""
    alone = CARRIED_OVER_NOTE.replace("2 难民署的报告", "2\n\n难民署的报告")
    assert alone != CARRIED_OVER_NOTE
    doc = read(alone)
    assert notes(doc) == notes(read(CARRIED_OVER_NOTE))
    assert paragraphs(doc) == paragraphs(read(CARRIED_OVER_NOTE))


# pdfminer prints a heading's number, set in a box of its own, after the titles: a section's
# and its first sub-section's titles, then A. and 1., then the paragraph under them.
NUMBERS_AFTER_TITLES = """\
一.

导言

1. 持久和平不是凭借军事和技术介入而是通过政治解决办法得到实现和维持的。

和平行动的必需转变

政治居首

A.

1.

2. 联合国必须致力于与包括国家和非国家行为体的所有各方进行开放和公正的对话。
"""


def test_heading_numbers_printed_after_their_titles_go_back_before_them():
    doc = read(NUMBERS_AFTER_TITLES)
    assert [(b.id, getattr(b, "kind", ""), plain_text(b.inlines)) for b in doc.blocks] == [
        ("ch-1", "chapter", "一. 导言"),
        ("para-1", "", "持久和平不是凭借军事和技术介入而是通过政治解决办法得到实现和维持的。"),
        ("ch-1-a", "section", "A. 和平行动的必需转变"),
        ("ch-1-a-1", "subsection", "1. 政治居首"),
        ("para-2", "", "联合国必须致力于与包括国家和非国家行为体的所有各方进行开放和公正的对话。"),
    ]


# Note 1 is carried over two pages (WeasyPrint's footnote area was full), the four notes
# called after it print first.
FAR_CARRIED_NOTE = """\
一. 导言
1. 小组认为，国际化冲突的数量在过去十年里增加了九倍以上。1 在一些情况下，会员国
利用地方和国家的不满从中渔利，2 为代理战争煽风点火，从而使冲突更血腥。3 和平协
议承受的压力也越来越大，时常重新陷入断断续续的冲突之中。4 各方共有 8 类关切，这
一悲惨现象在许多地方已经出现，需要各方共同应对，并且需要持续的政治支持。5
2 难民署的报告将这一人数确定为六千五百万人。
3 另据统计，因战斗死亡的人数在过去十年中大幅增加，在 2016 年降至略高于
8 000 人，但仍然处于历史高位。
4 见乌普萨拉冲突数据方案数据集。
5 见联合国大学政策研究中心的专题文件。
A/70/95
15-75150 (C) 1/3
2. 达成一项协议只是一个较长进程的第一阶段，执行协议还需要财政和政治这两方面
的持续援助。其他国家采取行动或不采取行动可能帮助强化经调解达成的解决办法。
A/70/95
15-75150 (C) 2/3
3. 小组建议，各方必须共同努力，推动政治解决，而不是仅靠军事手段来管理冲突及
其后果。预防冲突的首要职责应由会员国担负，联合国则应当提供有力的支持。
1 见乌普萨拉冲突数据方案数据集和趋势分析报告，联合国大学政策研究中心。
A/70/95
15-75150 (C) 3/3
"""


# pdftotext lays out the end of a note's line, a URL, apart, and prints it amid the footer.
URL_AMID_FOOTER = """\
一. 导言
1. 小组认为，国际化冲突的数量在过去十年里增加了九倍以上。1 在一些情况下，会员国
利用地方和国家的不满从中渔利，2 为代理战争煽风点火，从而使冲突更血腥。3 和平协
议承受的压力也越来越大，时常重新陷入断断续续的冲突之中，需要各方共同应对。4
1 本报告所有冲突数据取自乌普萨拉大学冲突数据方案。可查阅
datasets/ucdp_prio_armed_conflict_dataset。
2 难民署的报告将这一人数确定为六千五百万人，其中包括在本国境内流离失所的人，以及跨越
国际边界寻求保护的难民和寻求庇护者，这一数字是第二次世界大战结束以来的最高数字。
3 另据统计，因战斗死亡的人数在过去十年中大幅增加，在 2016 年降至略高于 8 000 人，但
仍然处于历史高位，冲突的持续时间也越来越长，和平协议越来越难以达成和执行，而许多
冲突在结束之后又重新爆发，给有关国家和区域的人民造成了深重的苦难和持久的损失。
4 见联合国大学政策研究中心的专题文件，其中分析了过去十年冲突的数量、强度和持续时间
的变化趋势，以及国际社会在预防冲突和维持和平方面所作努力的成效和面临的主要挑战。
15-75150 (C)
www.pcr.uu.se/research/ucdp/
1/2
A/70/95
2. 达成一项协议只是一个较长进程的第一阶段，执行协议还需要财政和政治这两方面
的持续援助。其他国家采取行动或不采取行动可能帮助强化经调解达成的解决办法。
15-75150 (C) 2/2
"""


def test_a_line_printed_amid_the_footer_goes_back_to_the_note_line_it_fills():
    doc = read(URL_AMID_FOOTER)
    assert notes(doc)[0] == ("1", "本报告所有冲突数据取自乌普萨拉大学冲突数据方案。可查阅 "
                                  "www.pcr.uu.se/research/ucdp/datasets/ucdp_prio_armed_conflict_dataset。")
    assert [text[-8:] for _, text in paragraphs(doc)] == ["同应对。[^4]", "达成的解决办法。"]


def test_a_note_that_opens_a_page_after_its_form_feed_is_found():
    """pdftotext -raw prints a page that holds only notes carried over without its header
    first: the line after the form feed is the page's first note, not a page end."""
    doc = read("一. 导言\n"
               "1. 小组认为，国际化冲突的数量在过去十年里增加了九倍以上。1 在一些情况下，会员国\n"
               "利用地方和国家的不满从中渔利，为代理战争煽风点火，从而使冲突更血腥。2\n"
               "1 见乌普萨拉冲突数据方案数据集和趋势分析报告。\n"
               "A/70/95\n"
               "15-75150 (C) 1/2\n"
               "\f2 难民署的报告将这一人数确定为六千五百万人。\n"
               "A/70/95\n"
               "15-75150 (C) 2/2\n")
    assert notes(doc) == [("1", "见乌普萨拉冲突数据方案数据集和趋势分析报告。"), ("2", "难民署的报告将这一人数确定为六千五百万人。")]
    assert [key for key, _ in paragraphs(doc)] == ["para-1"]


def test_a_note_carried_over_past_several_others_is_found():
    doc = read(FAR_CARRIED_NOTE)
    assert [key for key, _ in notes(doc)] == ["1", "2", "3", "4", "5"]
    assert notes(doc)[2] == ("3", "另据统计，因战斗死亡的人数在过去十年中大幅增加，在 2016 年降至略高于8 000 人，但仍然处于历史高位。")
    assert [block_id for block_id, _ in paragraphs(doc)] == ["para-1", "para-2", "para-3"]


def test_a_line_that_opens_with_a_group_of_thousands_opens_no_note():
    """8 000 人 at the foot of a page (a note's rest, cut by the page end) is no note 8, though
    8 is due and the body has an 8."""
    lines = ["1. 各方共有 8 类关切，需要各方共同应对。", "8 000 人，但仍然处于历史高位。", "A/70/95"]
    assert foot_notes(lines, {3}) == set()
    assert foot_notes([lines[0], "8 见联合国大学政策研究中心的专题文件。", lines[2]], {3}) == {2}


def test_a_stop_at_a_line_the_wrap_cut_does_not_end_a_note_at_the_page_foot():
    """vol. at the end of a full line, and a year that a line breaker cut after a full stop
    (…49 次。2 / 014 年…), end no note: the line after each goes on with it, so the foot is
    found (before, it was no foot at all: a line after a note's end opened no note)."""
    lines = [
        "5. 从 2005 年至 2015 年，大规模内战的次数增加了近两倍。从 2011",
        "年至 2015 年间，冲突中死亡人数增加了五倍，其中 2014 年死亡人数",
        "仅次于 1994 年。1 总伤亡人数仍然处于历史高位，但 2016 年武装冲",
        "突次数和死亡人数均有减少。2 武装暴力造成的流离失所现象达到最高",
        "记录，波及 6 500 万人。另外，尼日利亚(北部)、索马里、南苏丹和也",
        "门还有至少 2 000 万人正在经历或面临饥荒，这些国家全都发生了旷日",
        "持久的冲突，并且难以通行。",
        "6. 我们迫切需要进行调解等努力来结束今天的冲突，正如我们迫切需要",
        "投入更多注意力、努力和资源用于防止明天的冲突。",
        "1 见 Allansson 和 Themnér，《和平研究杂志》(Journal of Peace, vol.",
        "54, No. 4(2017))。内战的定义是涉及至少一个国家行为体的武装冲突。",
        "2 同上。冲突的次数急剧增加，2015 年从 42 次增至 52 次，后降至 49 次。2",
        "014 年共记录了 104 000 人因战斗死亡。",
        "17-32081 (C)    260617    270617",
    ]
    assert foot_notes(lines, {14}) == {10, 12}


def test_a_foot_that_begins_at_a_call_the_wrap_put_at_a_line_start_is_no_foot():
    """2 其他例子… is body text (the call 2 the wrap put at a line start): the foot read from
    there meets 2 again, a note number already taken, after a full line that ended note 1, so
    it is none, and the real foot (1, 2) is found below it."""
    lines = [
        "4. 如今，越来越广泛的行为体正在采用比以往任何时候都更多的手段进行",
        "预防性外交。这部分是因为出现了更健全的规范性框架，各方共有 2 类关",
        "切，从而有利于防止暴力冲突和大规模暴行的国际努力，并确保在治理、",
        "和平与安全方面聆听更多的声音。",
        "5. 在全球一级的规范发展以非洲、亚洲、欧洲和美洲区域一级的规范发展",
        "为基础。诸如南美洲国家联盟等新组织已成为区域的活跃行为体，1 包括",
        "在预防性外交方面。",
        "2 其他例子包括太平洋地区，太平洋岛国论坛的《比克塔瓦宣言》提供一",
        "个对正在出现的安全问题尽早采取外交对策的框架。",
        "1 见《和平纲领：预防性外交、建立和平与维持和平》(A/47/277)，1992 年。",
        "2 《南美洲国家联盟国家元首和政府首脑理事会宣言》，2010 年。",
        "11-94569 (C)    120811    130811",
    ]
    assert foot_notes(lines, {12}) == {10, 11}


def test_the_rest_of_a_number_a_line_breaker_cut_opens_no_note():
    """…将 8.1 / 9 亿美元… at a page's foot is 8.19, cut by a line breaker, not note 9, though
    9 is due and the body has a 9."""
    lines = [
        "49. 会员国还通过主办捐助方会议提供了宝贵支持，共有 9 类方案，这促进了将 8.1",
        "9 亿美元国际发展援助经费转到开发署和儿基会，",
        "从而使社区支助和国家能力在危机期间得到保障。",
        "17-91258 (C)    270617    280617",
    ]
    assert foot_notes(lines, {4}) == set()
    assert foot_notes([lines[0].replace("8.1", "81 亿美元。"), "9 见开发署的报告。", lines[3]], {3}) == {2}


def test_a_foot_of_notes_ends_at_a_job_number_printed_with_its_dates_in_columns():
    """11-53661 (C)    210811    220811 is the page's end, as lines.py drops it, so the note
    above it (no rule) is found."""
    text = "\n".join([
        "1. 预防性外交特指在尽可能早的阶段采取外交行动。1 它在各种冲突中仍然具有现实意义。",
        "1 见《和平纲领：预防性外交、建立和平与维持和平》(A/47/277-S/24111)。",
        "11-53661 (C)    210811    220811",
        "1",
        "S/2011/552",
        "2. 会员国鼓励我的这些努力。",
    ])
    assert read_extraction(text).note_starts == {2}
    doc = read(text)
    assert notes(doc) == [("1", "见《和平纲领：预防性外交、建立和平与维持和平》(A/47/277-S/24111)。")]
    assert [block_id for block_id, _ in paragraphs(doc)] == ["para-2"]


def test_a_paragraph_number_spaced_from_its_stop_opens_no_note():
    """10 . 当今… is numbered paragraph 10 (N . numbering), not note 10, though 10 is due and called."""
    lines = ["9. 仅在 2014 年，就有 10 个国家受到影响。", "10 . 当今的许多武装冲突更加棘手。", "A/70/95"]
    assert foot_notes(lines, {3}) == set()


# pdftotext prints a column of hanging markers before their texts: an item's and a sub-item's
# marker printed one after the other ((d) / (二)), the last sub-item's marker with the number of
# the heading under the list ((e) / 二.), and an item's text after a page end's furniture.
MARKERS_IN_A_ROW = """\
一. 导言

1. 小组建议秘书长采取以下行动：

(a)

加强秘书处的预防和调解能力；

(b)

应通过如下途径，加强秘书处的工作：

(一)

大大加强秘书处核心预防能力；

(c)

(二)

利用维持和平支助账户提供调解支助；

(三)

增设区域办事处。

秘书长应召集各关键部门主管，商定如何协调努力。

(d)

15-75150 (C)

审查联合国各机构协助维持和平的现有能力。

2/2

(e)

二.

加强全球和区域伙伴关系。

政治居首

2. 政治解决应始终指导联合国和平行动的部署。
"""


def test_markers_printed_one_after_another_number_the_blocks_that_follow_in_order():
    doc = read(MARKERS_IN_A_ROW)
    assert paragraphs(doc) == [
        ("para-1", "小组建议秘书长采取以下行动："),
        ("para-1-a", "加强秘书处的预防和调解能力；"),
        ("para-1-b", "应通过如下途径，加强秘书处的工作："),
        ("para-1-b-i", "大大加强秘书处核心预防能力；"),
        ("para-1-b-ii", "利用维持和平支助账户提供调解支助；"),
        ("para-1-b-iii", "增设区域办事处。"),
        ("para-1-c", "秘书长应召集各关键部门主管，商定如何协调努力。"),
        ("para-1-d", "审查联合国各机构协助维持和平的现有能力。"),
        ("para-1-e", "加强全球和区域伙伴关系。"),
        ("ch-2", "二. 政治居首"),
        ("para-2", "政治解决应始终指导联合国和平行动的部署。"),
    ]


def test_a_note_that_announces_a_quotation_goes_on_at_the_page_foot():
    """1 …规定： then “1. …, “2. …: a colon, or a full stop inside the quotation the note
    opened, does not end the note, so the lines after it are its own, not body text."""
    lines = [
        "9. 《宪章》第四十三条1 呼吁各会员国作出安排。",
        "1 《联合国宪章》第四十三条规定：",
        "“1. 联合国各会员国依特别协定，供给为维持国际和平及安全所必需之军队。",
        "“2. 此项特别协定应规定军队之数目及种类。”",
        "A/70/95",
    ]
    assert foot_notes(lines, {5}) == {2}


UNNUMBERED_SENTENCES = ["会员国强调预防冲突的重要性，并呼吁各方加强合作。", "小组认为和平行动必须以政治战略为先导。",
                        "秘书处应当及早提出改进的建议。", "区域组织在调解进程中发挥了日益重要的作用。"]


def unnumbered_paragraph(k: int, length: int) -> str:
    text = "".join(UNNUMBERED_SENTENCES[(k + j) % 4] for j in range(length // 15 + 2))
    return text[: length - 1] + "。"


def test_an_unnumbered_paragraphs_last_line_at_a_page_end_is_judged_by_their_own_slack():
    """Unnumbered paragraphs at a measure of 30 whose cut lines leave at most a character's
    room (two of them a character short of the others: the text's widths are not the page's):
    a paragraph's last line three characters short, the last of its page, ended there, as it
    would within a page; a tenth of the margin would read the next page's paragraph on."""
    shape = [(140, 30), (130, 29), (147, 30), (126, 30), (135, 29), (155, 30)]  # (length, measure)
    texts = [unnumbered_paragraph(k, length) for k, (length, _) in enumerate(shape)]
    lines = [[t[i : i + measure] for i in range(0, len(t), measure)] for t, (_, measure) in zip(texts, shape)]
    assert len(lines[2][-1]) == 27
    text = "\n".join(["一. 导言", *sum(lines[:3], []), "A/70/95", "15-75150 (C) 1/2",
                      *sum(lines[3:], []), "A/70/95", "15-75150 (C) 2/2"]) + "\n"
    assert [t for _, t in paragraphs(read(text))] == texts


def test_a_call_that_ends_a_part_of_a_line_printed_apart_keeps_the_gap_after_it():
    """pdftotext -raw ends a part of a line at a call's raised baseline and prints the rest of
    the line below it (…技术支助1 / 的各专门单位，): the call stood before a gap, so it repeats
    note 1 (called above) like the same line printed whole (…技术支助1 的各专门单位，), though
    -raw glues every call to the text after it within a line."""
    paragraphs_3_4 = JUSTIFIED_COLUMNS[JUSTIFIED_COLUMNS.index("3. "):]
    more = JUSTIFIED_COLUMNS + paragraphs_3_4.replace("3. ", "5. ").replace("4. ", "6. ")  # a page long enough to measure
    whole = more.replace("泛的调解支助要素，包括：\n", "泛的调解支助要素，包括：1\n").replace(
        "5. 联合国秘书处内设有向调解进程提供技术支助的各专门单位，\n",
        "5. 联合国秘书处内设有向调解进程提供技术支助1 的各专门单位，\n") + "1 见联合国秘书处提供的资料。\n"
    cut = whole.replace("技术支助1 的各专门单位，\n", "技术支助1\n的各专门单位，\n")
    assert cut != whole != more
    reading = read(whole)
    assert [n.refs for n in reading.footnotes] == [2]
    assert paragraphs(read(cut)) == paragraphs(reading)


def measured_page(line_3_2: str) -> str:
    """Two unnumbered paragraphs at the measure (30) and five numbered ones in their column
    (27), pdftotext's stream order; paragraph 3's second line is `line_3_2`."""
    lines = ["一. 导言"]
    for k, length in ((0, 100), (1, 95)):
        text = unnumbered_paragraph(k, length)
        lines += [text[i : i + 30] for i in range(0, len(text), 30)]
    for n in range(1, 6):
        text = unnumbered_paragraph(n + 1, 140)
        rows = [text[i : i + 27] for i in range(0, len(text), 27)]
        rows[1] = line_3_2 if n == 3 else rows[1]
        lines += [f"{n}. {rows[0]}", *rows[1:]]
    return "\n".join(lines) + "\n"


def test_a_line_printed_in_four_parts_around_latin_names_is_one_line():
    """pdftotext prints a justified line whose Latin names leave wide gaps in four parts, a
    blank line between them (…小组感谢 / Bela / Kapur、Tamara / Al-Zayyat、…); together they fill
    the measure, so the paragraph goes on (where the line broke, the spaces cannot be known)."""
    whole = measured_page("小组感谢 Bela Kapur、Tamara Al-Zayyat、的工作和建议")
    cut = measured_page("小组感谢\n\nBela\n\nKapur、Tamara\n\nAl-Zayyat、的工作和建议")
    reading = unspaced(read(whole))
    assert [key for key, _ in reading] == ["ch-1-p1", "ch-1-p2", "para-1", "para-2", "para-3", "para-4", "para-5"]
    assert unspaced(read(cut)) == reading


GENDER_TABLE = [["职等", "女", "男"], ["人数", "百分比", "人数", "百分比"],
                ["USG", "5", "28", "13", "72"], ["D-2", "8", "16", "43", "84"], ["P-5", "93", "25", "277", "75"]]


def page_with_table(table_lines: list[str]) -> str:
    """An unnumbered paragraph, a table under its caption with a short note below it, then
    three numbered paragraphs: a stream-order extraction (no column gaps)."""
    text = unnumbered_paragraph(0, 100)
    lines = ["一. 导言", *[text[i : i + 30] for i in range(0, len(text), 30)]]
    lines += ["按性别分列的工作人员 (截至 2014 年 12 月 31 日)", *table_lines, "简称：USG：副秘书长"]
    for n in range(1, 4):
        text = unnumbered_paragraph(n + 1, 140)
        rows = [text[i : i + 27] for i in range(0, len(text), 27)]
        lines += [f"{n}. {rows[0]}", *rows[1:]]
    return "\n".join(lines) + "\n"


@pytest.mark.parametrize("table_lines", [
    [" ".join(row) for row in GENDER_TABLE],  # pdftotext -raw, pypdf: a row a line
    [cell for row in GENDER_TABLE for cell in row],  # PyMuPDF: a cell a line
    [line for row in GENDER_TABLE for cell in row for line in (cell, "")],  # pdftotext: a blank line after each
], ids=["rows", "cells", "cells apart"])
def test_a_table_in_stream_order_is_read_from_its_rows_of_a_label_and_numbers(table_lines):
    """Without column gaps a table's cells come one after another: rows of a label and as many
    numbers each tell the columns (5), and the headings before them make the header: the
    second row heads every column but the labels', the first the corner's and two groups over
    two columns each (女, 男). The caption above and the note below stay what they are."""
    doc = read(page_with_table(table_lines))
    assert [type(block).__name__ for block in doc.blocks] == ["Heading", "Paragraph", "Table", "Paragraph",
                                                               "Paragraph", "Paragraph", "Paragraph"]
    table = doc.blocks[2]
    assert table.caption == "按性别分列的工作人员 (截至 2014 年 12 月 31 日)"
    assert table.rows == [["职等", "女", "", "男", ""], ["", "人数", "百分比", "人数", "百分比"],
                          ["USG", "5", "28", "13", "72"], ["D-2", "8", "16", "43", "84"], ["P-5", "93", "25", "277", "75"]]
    assert plain_text(doc.blocks[3].inlines) == "简称：USG：副秘书长"
