"""One test per trap of the extracted texts, each on a tiny synthetic report.

Each input is what a PDF extractor could print; each test asserts the exact structure the
reader (and the footnote pass) must recover from it.
"""

from __future__ import annotations

import pytest

from unmd.model import Entries, FootnoteRef, Item, Signature, Text, plain_text
from unmd.passes.footnotes import resolve_footnotes
from unmd.reader import read_text
from unmd.reader.shape import line_width

PATH = "trap.txt"


def read(text: str):
    return resolve_footnotes(read_text(text, PATH))


def outline(doc) -> list[tuple[str, str, str]]:
    """(kind, id, text) per block; a footnote reference is written [^key]."""
    out = []
    for block in doc.blocks:
        if isinstance(block, Signature):
            out.append(("Signature", block.id, " / ".join(block.lines)))
        elif isinstance(block, Entries):
            out.append(("Entries", block.id, " / ".join(plain_text(e) for e in block.entries)))
        else:
            text = "".join(
                f"[^{n.key}]" if isinstance(n, FootnoteRef) else plain_text([n]) for n in block.inlines
            )
            out.append((type(block).__name__, block.id, text))
    return out


def body(doc) -> list[tuple[str, str, str]]:
    """The outline from the first numbered paragraph on."""
    rows = outline(doc)
    start = next(i for i, row in enumerate(rows) if row[1] == "para-1")
    return rows[start:]


# A wrapped report: every piece of a paragraph on its own line, a blank line between pieces.
WRAPPED = """\
  一. 导言

1. 就编写关于预防冲突的报告而言，当前可谓一个

困难的时刻。叙利亚内战已是第五个年头。冲突

越来越复杂且棘手，其人力和财力代价日益令人

不能容忍。

2. 预防冲突的首要职责应由会员国担负。《联合

国宪章》第三十三条非常明确地阐述了这一点。

经验告诉我们，预防冲突的努力必须由国家主导

，才能产生持久的影响。

3. 我们努力加强预防冲突的工具。
"""


def test_hard_wrapped_lines_with_blank_lines_join_into_their_paragraphs():
    assert body(read(WRAPPED)) == [
        ("Paragraph", "para-1", "就编写关于预防冲突的报告而言，当前可谓一个困难的时刻。叙利亚内战已是第五个年头。"
         "冲突越来越复杂且棘手，其人力和财力代价日益令人不能容忍。"),
        ("Paragraph", "para-2", "预防冲突的首要职责应由会员国担负。《联合国宪章》第三十三条非常明确地阐述了这一点。"
         "经验告诉我们，预防冲突的努力必须由国家主导，才能产生持久的影响。"),
        ("Paragraph", "para-3", "我们努力加强预防冲突的工具。"),
    ]


# Wrapped at 20 Han characters: a note line that the wrap cut after a full stop and after
# "No."; an in-text list marker and a "第 85 / (a)" reference that the wrap put at a line start.
WRAPPED_CUTS = """\
  一. 导言

1. 从 2011 年至 2015 年间，冲突中死亡人数

增加了五倍，是冷战结束以来死亡人数最多的

一年。1 小组认为有几个事态发展正在影响特

派团必须如何理解和在一些时候使用武力：

(a) 监测停火是在更为敌意的环境下进行；(b)

执行和平工作的行动环境更加艰难，往往是政

治进程很容易崩溃。

__________________

 1 所有冲突数据取自乌普萨拉冲突数据方案。

见 Journal of Peace Research, vol. 54, No.

4 (2017)。

S/2017/999

2. 所涉问题的详细情况见咨询委员会报告第 85

(a) 至 (d) 段。秘书长指出，必须更加关注预

防活动并对此加大投入，并为此提供支持。
"""


def test_where_the_wrap_cut_a_line_a_note_or_sentence_goes_on():
    doc = read(WRAPPED_CUTS)
    assert body(doc) == [
        ("Paragraph", "para-1", "从 2011 年至 2015 年间，冲突中死亡人数增加了五倍，是冷战结束以来死亡人数最多的"
         "一年。[^1] 小组认为有几个事态发展正在影响特派团必须如何理解和在一些时候使用武力："
         "(a) 监测停火是在更为敌意的环境下进行；(b)执行和平工作的行动环境更加艰难，往往是政治进程很容易崩溃。"),
        ("Paragraph", "para-2", "所涉问题的详细情况见咨询委员会报告第 85(a) 至 (d) 段。"
         "秘书长指出，必须更加关注预防活动并对此加大投入，并为此提供支持。"),
    ]
    assert [(n.key, plain_text(n.inlines), n.line, n.last_line) for n in doc.footnotes] == [
        ("1", "所有冲突数据取自乌普萨拉冲突数据方案。见 Journal of Peace Research, vol. 54, No. 4 (2017)。", 19, 23),
    ]


# Wrapped at 25 Han characters without blank lines: a table's caption, set on one line wider
# than the measure, right after the full stop that ends a numbered paragraph.
WRAPPED_CAPTION = """\
一. 导言
1. 就编写关于预防冲突的报告而言，当前可谓一个困难
的时刻。叙利亚内战已是第五个年头。冲突越来越复杂
且棘手，其人力和财力代价日益令人不能容忍。
2. 预防冲突的首要职责应由会员国担负。《联合国宪章
》第三十三条非常明确地阐述了这一点。各国政府应当
尽早采取行动，防止争端升级为暴力冲突，而国际社会
则应当在各国提出请求时提供支助。
3. 截至 2014 年 12 月 31 日，在联合国和平行动所有专
业工作人员中，女性占 29%。
按性别分列的联合国和平行动专业及以上职类工作人员 (截至 2014 年)
职等\t女\t男
USG\t5\t13
ASG\t5\t34
4. 小组认识到，秘书长通过任命女性担任特派团团长，
为应对本组织内部性别均等方面的体制挑战作出了重大
努力。
"""


def test_a_caption_wider_than_the_measure_after_a_paragraphs_full_stop_captions_its_table():
    doc = read(WRAPPED_CAPTION)
    para, table = doc.blocks[3:5]
    assert (para.id, plain_text(para.inlines)) == (
        "para-3", "截至 2014 年 12 月 31 日，在联合国和平行动所有专业工作人员中，女性占 29%。")
    assert (table.id, table.caption) == ("ch-1-t1", "按性别分列的联合国和平行动专业及以上职类工作人员 (截至 2014 年)")


def test_page_break_furniture_inside_a_paragraph_is_dropped_and_the_paragraph_joined():
    doc = read(
        "一. 导言\n\n"
        "1. 联合国因《宪章》赋予其的会员普遍性、公正性和合法性，在预防冲突方面发挥着重要而独特的作用，这一作用在和平与安全背景不断恶化的今后几年\n\n"
        "S/2015/730\n"
        "11-45678 (C)\n"
        "15-16040 (C) 14/14\n"
        "http://undocs.org/ch/S/2015/730\n\n"
        " 将更加重要。\n\n"
        "2. 第二段。\n"
    )
    assert body(doc) == [
        ("Paragraph", "para-1", "联合国因《宪章》赋予其的会员普遍性、公正性和合法性，在预防冲突方面发挥着重要而独特的作用，这一作用在和平与安全背景不断恶化的今后几年将更加重要。"),
        ("Paragraph", "para-2", "第二段。"),
    ]
    assert [(r.line, r.why) for r in doc.removed] == [
        (5, "running symbol"), (6, "job number"), (7, "job number"), (8, "undocs footer link"),
    ]


def test_a_footnote_block_inside_a_paragraph_is_lifted_out_and_the_paragraph_joined():
    doc = read(
        "一. 导言\n\n"
        "1. 到 2014 年年底，流离失所者人数已接近 6 000 万，成为开始保存记录以来的历史新高。1 与冲突有关的性暴力\n\n"
        "__________________\n\n"
        " 1 难民署的报告将这一人数确定为 5 950 万。\n"
        " 继续被用作战争手段。\n\n"
        "2. 第二段。\n"
    )
    assert body(doc) == [
        ("Paragraph", "para-1", "到 2014 年年底，流离失所者人数已接近 6 000 万，成为开始保存记录以来的历史新高。[^1] "
         "与冲突有关的性暴力继续被用作战争手段。"),
        ("Paragraph", "para-2", "第二段。"),
    ]
    assert [(n.key, plain_text(n.inlines), n.refs) for n in doc.footnotes] == [
        ("1", "难民署的报告将这一人数确定为 5 950 万。", 1),
    ]


def test_a_table_of_contents_is_dropped_even_when_its_titles_differ_from_the_body():
    doc = read(
        "目录\n\n"
        "\t页次\n"
        "一. 导言\t3\n"
        "二. 对调解提出的质疑.....\t5\n"
        "A. 有利环境 ……..... 6\n\n"
        "一. 引言\n\n"
        "1. 第一段。\n"
    )
    assert outline(doc) == [
        ("Heading", "ch-1", "一. 引言"),
        ("Paragraph", "para-1", "第一段。"),
    ]
    assert [r.line for r in doc.removed if r.why == "table of contents"] == [1, 3, 4, 5, 6]


def test_a_placeholder_link_keeps_only_its_text():
    doc = read("一. 导言\n\n1. 大会第 [70/304](#) 号决议请秘书长提交报告。\n")
    para = doc.blocks[-1]
    assert para.inlines == [Text("大会第 "), Text("70/304"), Text(" 号决议请秘书长提交报告。")]


def test_a_stray_list_marker_before_an_item_is_dropped():
    doc = read(
        "一. 导言\n\n"
        "1. 小组建议：\n\n"
        "- (a) 任务规定必须明确和可实现；\n"
        "- (b) 特派团的目标应尽可能有侧重点。\n"
    )
    assert body(doc) == [
        ("Paragraph", "para-1", "小组建议："),
        ("Item", "para-1-a", "任务规定必须明确和可实现；"),
        ("Item", "para-1-b", "特派团的目标应尽可能有侧重点。"),
    ]
    assert [b.marker for b in doc.blocks if isinstance(b, Item)] == ["(a)", "(b)"]


def test_superscript_plain_digit_and_asterisk_marks_become_references():
    doc = read(
        "预防性外交：取得成果*\n\n"
        "一. 导言\n\n"
        "1. 冲突数目达到历史新高。¹ 平民日益成为袭击目标。\n\n"
        "2. 流离失所者人数创下新高。2\n\n"
        "__________________\n\n"
        "* 2015 年 7 月 13 日由于技术原因重发。\n"
        "¹ 见乌普萨拉冲突数据方案。\n"
        "2 难民署提供的数据。\n"
    )
    assert body(doc) == [
        ("Paragraph", "para-1", "冲突数目达到历史新高。[^1] 平民日益成为袭击目标。"),
        ("Paragraph", "para-2", "流离失所者人数创下新高。[^2]"),
    ]
    assert outline(doc)[0] == ("Heading", "title", "预防性外交：取得成果[^*]")
    assert [(n.key, n.id, n.refs) for n in doc.footnotes] == [("*", "fn:star1", 1), ("1", "fn:1", 1), ("2", "fn:2", 1)]


def test_one_footnote_cited_several_times_counts_every_reference():
    doc = read(
        "一. 导言\n\n"
        "1. 内战大多发生在此前经历过内战的国家。¹\n\n"
        "2. 这一结论同样适用于区域冲突。¹ 预防因此至关重要。¹\n\n"
        "__________________\n\n"
        "¹ 世界银行，《2011 年世界发展报告》。\n"
    )
    assert [row[2] for row in body(doc)] == [
        "内战大多发生在此前经历过内战的国家。[^1]",
        "这一结论同样适用于区域冲突。[^1] 预防因此至关重要。[^1]",
    ]
    assert [(n.key, n.refs) for n in doc.footnotes] == [("1", 3)]


def test_a_number_before_a_wide_gap_and_its_next_group_of_thousands_is_no_call():
    """至少1  000万人: pypdf and pdfminer print the space that justification widened as two or
    more; the number before the next group of thousands is a number all the same, not a
    repeated call of note 1."""
    doc = read(
        "一. 导言\n\n"
        "1. 冲突数目达到历史新高。1 平民日益成为袭击目标，至少1  000万人流离失所。\n\n"
        "__________________\n\n"
        "1 难民署提供的数据。\n"
    )
    assert body(doc) == [("Paragraph", "para-1", "冲突数目达到历史新高。[^1] 平民日益成为袭击目标，至少1  000万人流离失所。")]
    assert [(n.key, n.refs) for n in doc.footnotes] == [("1", 1)]


def test_a_number_without_a_footnote_definition_in_sequence_is_text():
    """只有 6 / 人为女性 and 2015 年 3 / 月 are numbers glued at a line end like a plain-digit
    mark; only a number that has a definition, in sequence, is a reference (joined with the
    space this text puts around its numbers)."""
    doc = read(
        "一. 导言\n\n"
        "1. 本组织为应对性别均等方面的体制挑战作出了重大努力。然而，在 27 个现任和平行动首长中，只有 6\n"
        "人为女性。截至 2015 年 3\n"
        "月，这一比例未变。\n\n"
        "2. 这一比例远低于目标。1\n\n"
        "__________________\n\n"
        "1 见秘书长关于妇女与和平与安全的报告。\n"
    )
    assert body(doc) == [
        ("Paragraph", "para-1", "本组织为应对性别均等方面的体制挑战作出了重大努力。然而，在 27 个现任和平行动首长中，"
         "只有 6 人为女性。截至 2015 年 3 月，这一比例未变。"),
        ("Paragraph", "para-2", "这一比例远低于目标。[^1]"),
    ]


def test_lettered_and_roman_sub_items_carry_their_paragraph_ids():
    doc = read(
        "一. 导言\n\n"
        "1. 关于领导人，小组建议：\n\n"
        "(a) 秘书长：\n\n"
        "(i) 采用择优任用的甄选程序；\n\n"
        "(ii) 任命更多妇女；\n\n"
        "(b) 会员国应提供支持。\n\n"
        "2. 下一段。\n"
    )
    assert body(doc) == [
        ("Paragraph", "para-1", "关于领导人，小组建议："),
        ("Item", "para-1-a", "秘书长："),
        ("Item", "para-1-a-i", "采用择优任用的甄选程序；"),
        ("Item", "para-1-a-ii", "任命更多妇女；"),
        ("Item", "para-1-b", "会员国应提供支持。"),
        ("Paragraph", "para-2", "下一段。"),
    ]
    assert [(b.depth, b.label) for b in doc.blocks if isinstance(b, Item)] == [
        (1, "a"), (2, "i"), (2, "ii"), (1, "b"),
    ]


def test_chapters_sections_and_numbered_sub_sections_are_told_from_paragraphs():
    """1. 政治居首 after paragraph 1 is sub-section 1, not paragraph 2: the sequence decides."""
    doc = read(
        "一. 引言\n\n"
        "1. 第一段。\n\n"
        "二. 四个根本转变\n\n"
        "A. 政治解决\n\n"
        "1. 政治居首\n\n"
        "2. 持久和平是通过政治解决办法实现的。\n\n"
        "2. 伙伴关系\n\n"
        "3. 第三段。\n"
    )
    assert [(type(b).__name__, b.id, getattr(b, "kind", ""), getattr(b, "level", 0))
            for b in doc.blocks] == [
        ("Heading", "ch-1", "chapter", 2),
        ("Paragraph", "para-1", "", 0),
        ("Heading", "ch-2", "chapter", 2),
        ("Heading", "ch-2-a", "section", 3),
        ("Heading", "ch-2-a-1", "subsection", 4),
        ("Paragraph", "para-2", "", 0),
        ("Heading", "ch-2-a-2", "subsection", 4),
        ("Paragraph", "para-3", "", 0),
    ]


def test_a_signature_block_keeps_the_titles_above_the_signed_name():
    doc = read(
        "2017 年 1 月 31 日瑞典常驻联合国代表给秘书长的信\n\n"
        " 谨随函转递一份非正式文件。\n\n"
        " 请将本函作为安全理事会的文件分发为荷。\n\n"
        "常驻代表\n\n"
        "特命全权大使\n\n"
        "奥洛夫·斯科格(签名)\n"
    )
    assert outline(doc) == [
        ("Heading", "title", "2017 年 1 月 31 日瑞典常驻联合国代表给秘书长的信"),
        ("Paragraph", "title-p1", "谨随函转递一份非正式文件。"),
        ("Paragraph", "title-p2", "请将本函作为安全理事会的文件分发为荷。"),
        ("Signature", "title-p3", "常驻代表 / 特命全权大使 / 奥洛夫·斯科格(签名)"),
    ]


def test_a_member_list_in_the_wrapped_layout_keeps_one_entry_per_name():
    """Short lines without final punctuation under a heading: a long name that the wrap cut
    is one entry, a short one that stopped before the margin is not joined to the next."""
    doc = read(
        "  集中力量，促进和平\n\n"
        " 小组对和平行动所抱有的核心信念传递了这样一\n\n"
        "个信息，即联合国必须汇集其政治、伙伴关系和\n\n"
        "人民的力量迎接这些挑战。这意味着，必须责成\n\n"
        "联合国和平行动更好地应对不断变化的冲突。\n\n"
        "  附件\n\n"
        "  和平行动问题高级别独立小组成员\n\n"
        "Jose Ramos-Horta, 主席\n\n"
        "Ameerah Haq, 副主席\n\n"
        "Henrietta Joy Abena Nyarko Mensa-Bonsu 教\n\n"
        "授(加纳)\n\n"
        "B. Lynn Pascoe\n\n"
        "王学贤\n"
    )
    assert outline(doc)[-3:] == [
        ("Heading", "annex-1", "附件"),
        ("Heading", "annex-1-h1", "和平行动问题高级别独立小组成员"),
        ("Entries", "annex-1-h1-list", "Jose Ramos-Horta, 主席 / Ameerah Haq, 副主席 / "
         "Henrietta Joy Abena Nyarko Mensa-Bonsu 教授(加纳) / B. Lynn Pascoe / 王学贤"),
    ]



# Wrapped at 20 Han characters: a note that ends with a URL and then 。 (its last line stops
# short of the margin), and the paragraph the note block interrupted going on flush left.
NOTE_ENDING_IN_A_URL = """\
  一. 导言

1. 小组建议与二十国集团和七国+集团1等现有会

__________________

 1 七国+集团成员包括受冲突影响的国家(见

www.g7plus.org)。

员国集团建立基础广泛的联盟，以便查明和动员

预防新出现冲突方面的支持。这一联盟应当定期

举行会议。

2. 小组认为，各方必须共同努力，推动政治解决

，而不是仅靠军事手段来管理冲突及其后果。预

防冲突的首要职责应由会员国担负，联合国则应

当提供支持。
"""


def test_a_note_ending_in_a_url_then_a_full_stop_has_ended():
    doc = read(NOTE_ENDING_IN_A_URL)
    assert body(doc) == [
        ("Paragraph", "para-1", "小组建议与二十国集团和七国+集团[^1]等现有会员国集团建立基础广泛的联盟，以便查明和动员"
         "预防新出现冲突方面的支持。这一联盟应当定期举行会议。"),
        ("Paragraph", "para-2", "小组认为，各方必须共同努力，推动政治解决，而不是仅靠军事手段来管理冲突及其后果。"
         "预防冲突的首要职责应由会员国担负，联合国则应当提供支持。"),
    ]
    assert [(n.key, plain_text(n.inlines)) for n in doc.footnotes] == [
        ("1", "七国+集团成员包括受冲突影响的国家(见www.g7plus.org)。"),
    ]


# Wrapped at 22 Han characters, no page furniture after the note blocks: a note that ends on
# a full line (with a full stop, or with the bracket closing its citation) while the body
# line before the block was cut too; a note whose first sentence ends on a full line and
# goes on up to the next note.
NOTE_ENDING_ON_A_FULL_LINE = """\
  一. 导言

1. 小组认为，国际化的冲突数量增加了九倍；1 在一

__________________

 1 见乌普萨拉冲突数据方案数据集和趋势分析报告

，联合国大学政策研究中心，东京，2017 年。

些情况下，会员国利用地方和国家的不满从中渔利

，从而使冲突更血腥、延续时间更长。

2. 武装暴力造成的流离失所现象达到最高记录，2 另

__________________

 2 难民署的报告将这一人数确定为六千五百万人。

内战的定义见乌普萨拉冲突数据方案。

 3 世界银行，2011 年世界发展报告，华盛顿特区

，联合国大学政策研究中心(东京，2017 年)

外，许多国家都爆发了新的冲突，3 冲突的起因和

形式也日益多样化。

3. 小组建议，各方必须共同努力，推动政治解决。
"""


def test_the_body_a_note_block_cut_resumes_after_a_note_that_ended_on_a_full_line():
    doc = read(NOTE_ENDING_ON_A_FULL_LINE)
    assert body(doc) == [
        ("Paragraph", "para-1", "小组认为，国际化的冲突数量增加了九倍；[^1] 在一些情况下，会员国利用地方和国家的不满从中渔利"
         "，从而使冲突更血腥、延续时间更长。"),
        ("Paragraph", "para-2", "武装暴力造成的流离失所现象达到最高记录，[^2] 另外，许多国家都爆发了新的冲突，[^3] "
         "冲突的起因和形式也日益多样化。"),
        ("Paragraph", "para-3", "小组建议，各方必须共同努力，推动政治解决。"),
    ]
    assert [(n.key, plain_text(n.inlines)) for n in doc.footnotes] == [
        ("1", "见乌普萨拉冲突数据方案数据集和趋势分析报告，联合国大学政策研究中心，东京，2017 年。"),
        ("2", "难民署的报告将这一人数确定为六千五百万人。内战的定义见乌普萨拉冲突数据方案。"),
        ("3", "世界银行，2011 年世界发展报告，华盛顿特区，联合国大学政策研究中心(东京，2017 年)"),
    ]


# A note quoting numbered paragraphs (“1. …。“2. …。”): a full stop inside the quotation, on a
# full line, does not end it; its last line almost reaches the margin.
NOTE_QUOTING_PARAGRAPHS = """\
  一. 导言

1. 小组认为，《宪章》第四十三条1 呼吁会员国作出安

__________________

 1 《联合国宪章》第四十三条规定：“1. 联合国各会

员国依特别协定，供给为维持和平所必需之军队。

“2. 此项协定由安全理事会与会员国缔结之。”

排，向安全理事会提供武装部队、援助和设施，以便

维持国际和平与安全。这一规定从未得到执行，各

会员国应当重新审议这一问题，并提出具体的建议

，以便联合国能够更加迅速地部署维和人员。

2. 小组建议，各方必须共同努力，推动政治解决，而

不是仅靠军事手段来管理冲突及其后果。预防冲突的

首要职责应由会员国担负，联合国则应当提供支持。
"""


def test_a_note_does_not_end_inside_a_quotation_it_opened():
    doc = read(NOTE_QUOTING_PARAGRAPHS)
    assert body(doc)[0] == (
        "Paragraph", "para-1", "小组认为，《宪章》第四十三条[^1] 呼吁会员国作出安排，向安全理事会提供武装部队、援助和设施，"
        "以便维持国际和平与安全。这一规定从未得到执行，各会员国应当重新审议这一问题，并提出具体的建议，"
        "以便联合国能够更加迅速地部署维和人员。",
    )
    assert [(n.key, plain_text(n.inlines)) for n in doc.footnotes] == [
        ("1", "《联合国宪章》第四十三条规定：“1. 联合国各会员国依特别协定，供给为维持和平所必需之军队。"
         "“2. 此项协定由安全理事会与会员国缔结之。”"),
    ]


# Wrapped at 22 Han characters: a plain-digit mark that repeats note 1 where the line ends,
# the Han text after it on the next line (the space between them is printed on neither).
REPEATED_MARK_AT_A_LINE_END = """\
  一. 导言

1. 内战大多发生在此前经历过内战的国家。1 预防

因此至关重要，我们必须加倍努力支持会员国。

__________________

 1 世界银行，《2011 年世界发展报告》。

2. 过去十年的内战有百分之九十发生于此前三十年

内经历过内战的国家，或者发生于邻近的国家1

鉴于此，所有联合国特派团都是重要的应对危机的

工具，其工作应当得到会员国更有力的支持和配合

，而不是仅靠军事手段来管理冲突及其后果。预防

冲突的首要职责应由会员国担负，联合国则应当提

供支持。
"""


def test_a_repeated_plain_digit_mark_right_after_a_full_stop_is_a_reference():
    """pdftotext -raw drops the space after a call (…需要14年。1与此相反…): right after a full
    stop and before Han text a note's number repeats its call; a count there (10年) does not."""
    doc = read(
        "一. 导言\n\n"
        "1. 内战的平均成本相当于三十多年的增长额。1最严重的内战会造成数百亿美元的累计成本，平均需要14年。"
        "1与此相反，预防工作的成本则低得多。10年只需要很少的投入。\n\n"
        "__________________\n\n"
        "1 见世界银行，《2011 年世界发展报告》。\n"
    )
    assert body(doc) == [("Paragraph", "para-1", "内战的平均成本相当于三十多年的增长额。[^1]最严重的内战会造成数百亿美元的累计成本，"
                          "平均需要14年。[^1]与此相反，预防工作的成本则低得多。10年只需要很少的投入。")]
    assert [(n.key, n.refs) for n in doc.footnotes] == [("1", 2)]


def test_a_repeated_plain_digit_mark_at_a_line_end_stays_a_reference():
    doc = read(REPEATED_MARK_AT_A_LINE_END)
    assert body(doc) == [
        ("Paragraph", "para-1", "内战大多发生在此前经历过内战的国家。[^1] 预防因此至关重要，我们必须加倍努力支持会员国。"),
        ("Paragraph", "para-2", "过去十年的内战有百分之九十发生于此前三十年内经历过内战的国家，或者发生于邻近的国家[^1] "
         "鉴于此，所有联合国特派团都是重要的应对危机的工具，其工作应当得到会员国更有力的支持和配合，"
         "而不是仅靠军事手段来管理冲突及其后果。预防冲突的首要职责应由会员国担负，联合国则应当提供支持。"),
    ]
    assert [(n.key, n.refs) for n in doc.footnotes] == [("1", 2)]


# The opening of A/70/95's chapter I: paragraph 1, which calls note 1.
PARAGRAPH_1_CALLING_NOTE_1 = """\
一. 导言
1. 小组认为，国际化冲突的数量在过去十年里增加了九倍以
上。[1] 在一些情况下，会员国利用地方和国家的不满从中渔
利，为代理战争煽风点火，从而使冲突更血腥、延续时间更
长，也更难以解决。
"""

# A page whose foot holds note 1 under no rule, cut by the page end after its first line.
PAGE_WITH_A_CUT_NOTE = PARAGRAPH_1_CALLING_NOTE_1 + """\
[1] 见乌普萨拉冲突数据方案数据集和趋势分析报告，联合
A/70/95
15-75150 (C) 1/3
"""

# Its note's rest (lines hanging under its text) alone at the foot of the next page, which
# calls no note of its own; note 2 two pages on.
REST_ALONE_AT_A_PAGE_FOOT = PAGE_WITH_A_CUT_NOTE + """\
2. 达成一项协议只是一个较长进程的第一阶段，执行协议还
需要财政和政治这两方面的持续援助，因此各方都必须在整
个进程中保持连贯一致的支持。
    国大学政策研究中心，东京，2017 年。
A/70/95
15-75150 (C) 2/3
3. 小组建议，各方必须共同努力，推动政治解决，而不是仅
靠军事手段来管理冲突及其后果。[2] 预防冲突的首要职责
由会员国担负。
[2] 难民署的报告将这一人数确定为六千五百万人。
A/70/95
15-75150 (C) 3/3
"""

PARAGRAPHS_AROUND_A_CUT_NOTE = [
    ("Paragraph", "para-1", "小组认为，国际化冲突的数量在过去十年里增加了九倍以上。[^1] 在一些情况下，会员国利用地方和国家的不满从中"
     "渔利，为代理战争煽风点火，从而使冲突更血腥、延续时间更长，也更难以解决。"),
    ("Paragraph", "para-2", "达成一项协议只是一个较长进程的第一阶段，执行协议还需要财政和政治这两方面的持续援助，因此各方都必须在整个进程"
     "中保持连贯一致的支持。"),
    ("Paragraph", "para-3", "小组建议，各方必须共同努力，推动政治解决，而不是仅靠军事手段来管理冲突及其后果。[^2] 预防冲突的首要职责由会员国担负。"),
]


def test_the_rest_of_a_cut_note_alone_at_the_next_page_foot_goes_back_to_it():
    doc = read(REST_ALONE_AT_A_PAGE_FOOT)
    assert body(doc) == PARAGRAPHS_AROUND_A_CUT_NOTE
    assert [(n.key, plain_text(n.inlines)) for n in doc.footnotes] == [
        ("1", "见乌普萨拉冲突数据方案数据集和趋势分析报告，联合国大学政策研究中心，东京，2017 年。"),
        ("2", "难民署的报告将这一人数确定为六千五百万人。"),
    ]


def test_a_page_end_line_that_its_paragraph_needs_is_no_rest_of_a_cut_note():
    """A blank line after every line, the rest lost: the last line of page 2 ends a sentence,
    but the line before it does not and page 3 opens paragraph 3, so it is paragraph 2's; nor is
    page 3's last line before note 2 the rest: the rest stands on the page after the note's."""
    text = "\n".join(line for line in REST_ALONE_AT_A_PAGE_FOOT.split("\n") if not line.startswith("    "))
    doc = read(text.replace("\n", "\n\n"))
    assert body(doc) == PARAGRAPHS_AROUND_A_CUT_NOTE
    assert [(n.key, plain_text(n.inlines)) for n in doc.footnotes] == [
        ("1", "见乌普萨拉冲突数据方案数据集和趋势分析报告，联合"),
        ("2", "难民署的报告将这一人数确定为六千五百万人。"),
    ]


def test_the_quoted_paragraphs_of_a_cut_notes_rest_go_back_with_it_where_a_blank_line_follows_every_line():
    """Note 1 announced a quotation (…规定：) and the page end cut it there; its rest, flush left
    at the next page's foot, quotes three paragraphs, each opening with “ and only the last
    closing it. A blank line after every line sets nothing apart and the first two paragraphs
    end short: they are the note's all the same, since they leave the quotation open."""
    cut = "[1] 见乌普萨拉冲突数据方案数据集和趋势分析报告，联合"
    rest = "    国大学政策研究中心，东京，2017 年。"
    quoted = ["“1. 联合国各会员国为求对于维持国际和平及安全有所贡", "献起见，依特别协定，供给所必需之军队。",
              "“2. 此项特别协定应规定军队之数目及种类。",
              "“3. 此项特别协定应以安全理事会之主动，尽速议订，", "并由签字国各依其宪法程序批准之。”"]
    text = REST_ALONE_AT_A_PAGE_FOOT.replace(cut, "[1] 《联合国宪章》第四十三条规定：").replace(rest, "\n".join(quoted))
    doc = read(text.replace("\n", "\n\n"))
    assert body(doc) == PARAGRAPHS_AROUND_A_CUT_NOTE
    assert [(n.key, plain_text(n.inlines)) for n in doc.footnotes] == [
        ("1", "《联合国宪章》第四十三条规定：" + "".join(quoted)), ("2", "难民署的报告将这一人数确定为六千五百万人。"),
    ]


# A line breaker that cuts anything split the call [2] across two lines (…减少。[2 / ] 武装…);
# the notes stand under no rule, so only a call the body made opens a bracketed note.
BRACKET_CALL_SPLIT_BY_THE_LINE_END = """\
  一. 导言

1. 冲突死亡人数是冷战结束以来最多的一年。[1] 总伤亡人数仍然

处于历史高位，但二〇一六年武装冲突的次数和死亡人数均有减少，

而二〇一七年的冲突次数与死亡人数又有所增加，前景仍不乐观。[2

] 武装暴力造成的流离失所现象达到最高记录，波及六千五百万人。

2. 我们迫切需要进行调解等努力来结束今天的冲突，正如我们迫切

需要投入更多注意力、努力和资源用于防止明天的冲突。但是，在太

多的情况下，政治和其他方面的挑战制约了取得成功的前景，各方都

应当继续努力。

[1] 见乌普萨拉冲突数据方案数据集。

[2] 同上。冲突的次数急剧增加。

A/72/115

3. 挑战首先来自冲突本身的性质。国家脆弱不堪，复杂的冲突经济

的出现揭示出政治、犯罪和意识形态利益之间的界线模糊不清，这些

都为参与调解带来了多重挑战。
"""


def test_a_bracketed_call_that_the_line_end_split_still_calls_its_note():
    doc = read(BRACKET_CALL_SPLIT_BY_THE_LINE_END)
    assert [(n.key, plain_text(n.inlines)) for n in doc.footnotes] == [
        ("1", "见乌普萨拉冲突数据方案数据集。"), ("2", "同上。冲突的次数急剧增加。"),
    ]
    assert body(doc)[0][2].endswith("前景仍不乐观。[^2] 武装暴力造成的流离失所现象达到最高记录，波及六千五百万人。")
    assert [row[1] for row in body(doc)] == ["para-1", "para-2", "para-3"]


def test_a_quoted_paragraph_flush_left_in_the_rest_of_a_cut_note_goes_back_with_it():
    """The rest of a note that the page end cut hangs under its text, but a paragraph the note
    quotes (“2. …) opens flush left between its hanging lines: it is the note's too."""
    cut = "[1] 见乌普萨拉冲突数据方案数据集和趋势分析报告，联合"
    rest = "    国大学政策研究中心，东京，2017 年。"
    quoting = ["[1] 《联合国宪章》第四十三条规定：“1. 联合国各会员",
               "    国依特别协定，供给为维持和平所必需之军队。",
               "“2. 此项协定由安全理事会与会员国或会员国之集团缔",
               "    结之，并由签字国各依其宪法程序批准之。”"]
    assert REST_ALONE_AT_A_PAGE_FOOT.count(cut) == 1 and REST_ALONE_AT_A_PAGE_FOOT.count(rest) == 1
    text = REST_ALONE_AT_A_PAGE_FOOT.replace(cut, quoting[0]).replace(rest, "\n".join(quoting[1:]))
    doc = read(text)
    assert body(doc) == PARAGRAPHS_AROUND_A_CUT_NOTE
    assert [(n.key, plain_text(n.inlines)) for n in doc.footnotes] == [
        ("1", "《联合国宪章》第四十三条规定：“1. 联合国各会员国依特别协定，供给为维持和平所必需之军队。"
         "“2. 此项协定由安全理事会与会员国或会员国之集团缔结之，并由签字国各依其宪法程序批准之。”"),
        ("2", "难民署的报告将这一人数确定为六千五百万人。"),
    ]


# Notes under no rule; a line breaker that cuts anything put two superscript calls at line
# starts: ² repeats note 2, which stands above, and ³ calls the note below.
SUPERSCRIPT_CALLS_AT_LINE_STARTS = """\
  一. 导言

1. 内战大多发生在此前经历过内战的国家。¹ 预防因此至关重要，
我们必须加倍努力支持会员国，并与区域组织一道开展工作。²

¹ 世界银行，《2011 年世界发展报告》。
² 见乌普萨拉冲突数据方案数据集。

A/72/115

2. 过去十年的内战有百分之九十发生于此前三十年内经历过内战的
国家，或者发生于邻近的国家，这一点已经得到了多方面的证实。
² 鉴于此，所有联合国特派团都是重要的应对危机的工具，其工作
应当得到会员国更有力的支持和配合，以便在冲突爆发之前行动。
³ 预防冲突的首要职责应由会员国担负，联合国则应当提供支持。

3. 小组建议，各方必须共同努力，推动政治解决，而不是仅靠军事
手段来管理冲突及其后果。

³ 难民署的报告将这一人数确定为六千五百万人。

A/72/115
"""


def test_a_superscript_call_at_a_line_start_opens_no_note_read_before_or_still_to_come():
    doc = read(SUPERSCRIPT_CALLS_AT_LINE_STARTS)
    assert [(n.key, n.refs, plain_text(n.inlines)) for n in doc.footnotes] == [
        ("1", 1, "世界银行，《2011 年世界发展报告》。"), ("2", 2, "见乌普萨拉冲突数据方案数据集。"),
        ("3", 1, "难民署的报告将这一人数确定为六千五百万人。"),
    ]
    assert body(doc)[1] == (
        "Paragraph", "para-2", "过去十年的内战有百分之九十发生于此前三十年内经历过内战的国家，或者发生于邻近的国家，"
        "这一点已经得到了多方面的证实。[^2] 鉴于此，所有联合国特派团都是重要的应对危机的工具，其工作应当得到会员国"
        "更有力的支持和配合，以便在冲突爆发之前行动。[^3] 预防冲突的首要职责应由会员国担负，联合国则应当提供支持。",
    )


def test_the_rest_of_a_cut_note_that_ended_at_a_bracket_hangs_and_goes_back_to_it():
    """The page end cut note 1 after a sub-paragraph's label (…第 62 段(f) / 分段。): a
    closing bracket there ends no citation, and the line that hangs under the note's text at
    the next page's foot is its rest."""
    cut = "[1] 见乌普萨拉冲突数据方案数据集和趋势分析报告，联合"
    rest = "    国大学政策研究中心，东京，2017 年。"
    assert REST_ALONE_AT_A_PAGE_FOOT.count(cut) == 1 and REST_ALONE_AT_A_PAGE_FOOT.count(rest) == 1
    text = REST_ALONE_AT_A_PAGE_FOOT.replace(cut, "[1] 见秘书长的报告(S/2009/189)，第 62 段(f)").replace(rest, "    分段。")
    doc = read(text)
    assert body(doc) == PARAGRAPHS_AROUND_A_CUT_NOTE
    assert [(n.key, plain_text(n.inlines)) for n in doc.footnotes] == [
        ("1", "见秘书长的报告(S/2009/189)，第 62 段(f)分段。"), ("2", "难民署的报告将这一人数确定为六千五百万人。"),
    ]


@pytest.mark.parametrize("full,ruled", [(True, False), (False, False), (True, True)])
def test_a_cut_note_that_ends_at_a_bracket_on_a_full_line_takes_its_flush_left_rest(full, ruled):
    """A blank line after every line, the notes under no rule and their lines flush left: nothing
    tells note 1's rest (分段。) at the next page's foot from a one-line paragraph but the note's
    own last line. Where it fills the notes' measure (note 2's wrapped lines show it), the wrap
    cut it, not the citation's bracket (…第 62 段(f)): the line goes back to the note. Where it
    stops short, the note ended at the bracket and the line is the body's; so it is where the
    notes stand under a rule, which a cut note's rest would head on the next page."""
    cut = "[1] 见乌普萨拉冲突数据方案数据集和趋势分析报告，联合"
    rest = "    国大学政策研究中心，东京，2017 年。"
    note_2 = "[2] 难民署的报告将这一人数确定为六千五百万人。"
    wrapped_note_2 = ["[2] 难民署的报告将这一人数确定为六千五百万人，其中包括", "在本国境内流离失所的四千零三十万人、难民二千二百五十万",
                      "人和寻求庇护者二百八十万人；这一人数在过去二十年间几乎", "增加了一倍。"]
    label = "[1] 见秘书长关于加强调解报告(S/2009/189)，第 62 段(f)" if full else "[1] 见秘书长的报告(S/2009/189)，第 62 段(f)"
    text = (REST_ALONE_AT_A_PAGE_FOOT.replace(cut, label).replace(rest, "分段。")
            .replace(note_2, "\n".join(wrapped_note_2)))
    if ruled:
        text = text.replace(label, f"__________\n{label}").replace(wrapped_note_2[0], f"__________\n{wrapped_note_2[0]}")
    doc = read(text.replace("\n", "\n\n"))
    notes = [(n.key, plain_text(n.inlines)) for n in doc.footnotes]
    assert notes[1] == ("2", "".join(line.removeprefix("[2] ") for line in wrapped_note_2))
    if full and not ruled:
        assert body(doc) == PARAGRAPHS_AROUND_A_CUT_NOTE
        assert notes[0] == ("1", "见秘书长关于加强调解报告(S/2009/189)，第 62 段(f)分段。")
    else:
        assert notes[0] == ("1", label.removeprefix("[1] "))
        assert "分段。" in "".join(row[2] for row in body(doc))


def test_a_paragraph_wider_than_the_notes_is_no_rest_of_a_note_cut_at_a_bracket():
    """Notes under no rule, a blank line between paragraphs: note 1 ends at a bracket on a line
    that fills the notes' measure (note 2's wrapped lines show it), so its rest is looked for
    on the next page; the paragraph at that page's foot is wider than the notes: the body's."""
    closing = ["我们希望，本报告所载的分析和建议将不辜负秘书长赋予小组任", "务的精神实质和文字规定。"]
    text = PARAGRAPH_1_CALLING_NOTE_1 + "\n".join([
        "", "[1] 见秘书长关于加强调解报告(S/2009/189)，第 62 段(f)", "A/70/95", "15-75150 (C) 1/3",
        "2. 达成一项协议只是一个较长进程的第一阶段，执行协议还", "需要财政和政治这两方面的持续援助，因此各方都必须在整",
        "个进程中保持连贯一致的支持。", "", *closing, "A/70/95", "15-75150 (C) 2/3",
        "3. 小组建议，各方必须共同努力，推动政治解决，而不是仅", "靠军事手段来管理冲突及其后果。[2] 预防冲突的首要职责",
        "由会员国担负。", "", "[2] 难民署的报告将这一人数确定为六千五百万人，其中包括",
        "在本国境内流离失所的四千零三十万人、难民二千二百五十万", "人和寻求庇护者二百八十万人；这一人数在过去二十年间几乎",
        "增加了一倍。", "A/70/95", "15-75150 (C) 3/3", ""])
    doc = read(text)
    assert plain_text(doc.footnotes[0].inlines) == "见秘书长关于加强调解报告(S/2009/189)，第 62 段(f)"
    assert [row[1:] for row in body(doc)][2] == ("ch-1-p1", "".join(closing))


def test_a_quoted_paragraph_after_a_blank_line_in_the_rest_of_a_cut_note_goes_back_with_it():
    """As above, with a blank line (of spaces) before the quoted paragraph: it sets no notes
    apart from the body, since the lines around it hang under the note's text."""
    cut = "[1] 见乌普萨拉冲突数据方案数据集和趋势分析报告，联合"
    rest = "    国大学政策研究中心，东京，2017 年。"
    quoting = ["[1] 《联合国宪章》第四十三条规定：“1. 联合国各会员",
               "    国依特别协定，供给为维持和平所必需之军队。", "    ",
               "“2. 此项协定由安全理事会与会员国或会员国之集团缔",
               "    结之，并由签字国各依其宪法程序批准之。”"]
    text = REST_ALONE_AT_A_PAGE_FOOT.replace(cut, quoting[0]).replace(rest, "\n".join(quoting[1:]))
    doc = read(text)
    assert body(doc) == PARAGRAPHS_AROUND_A_CUT_NOTE
    assert [(n.key, plain_text(n.inlines)) for n in doc.footnotes][0] == (
        "1", "《联合国宪章》第四十三条规定：“1. 联合国各会员国依特别协定，供给为维持和平所必需之军队。"
        "“2. 此项协定由安全理事会与会员国或会员国之集团缔结之，并由签字国各依其宪法程序批准之。”")


# The same page with a blank line after every line, so none sets a page's notes apart: the rest
# of note 1 (two flush-left lines) heads page 2's notes, above note 2, after a body line that ends its sentence.
REST_OF_TWO_LINES_ABOVE_THE_NEXT_NOTE = (PAGE_WITH_A_CUT_NOTE + """\
2. 达成一项协议只是一个较长进程的第一阶段，执行协议还
需要财政和政治这两方面的持续援助，因此各方都必须在整
个进程中保持连贯一致的支持。[2]
国大学政策研究中心和联合国大学出版社，东京，二〇一
七年。
[2] 难民署的报告将这一人数确定为六千五百万人。
A/70/95
15-75150 (C) 2/3
3. 小组建议，各方必须共同努力，推动政治解决，而不是仅
靠军事手段来管理冲突及其后果。
""").replace("\n", "\n\n")


def test_the_rest_of_a_cut_note_above_the_next_note_reaches_back_to_the_bodys_sentence_end():
    """Every line of the run before note 2 that follows the body's last sentence end is the
    rest: a full line among them is the note's wrapped line, not a body paragraph of its own."""
    doc = read(REST_OF_TWO_LINES_ABOVE_THE_NEXT_NOTE)
    assert [row[1] for row in body(doc)] == ["para-1", "para-2", "para-3"]
    assert [(n.key, plain_text(n.inlines)) for n in doc.footnotes] == [
        ("1", "见乌普萨拉冲突数据方案数据集和趋势分析报告，联合国大学政策研究中心和联合国大学出版社，东京，二〇一七年。"),
        ("2", "难民署的报告将这一人数确定为六千五百万人。"),
    ]


# A blank line after every line; the notes' column (24 Han characters) is narrower than the
# body's (26). Page 1's last note is cut after its first line; its rest stands alone at page
# 2's foot, under paragraph 2, which the page end cut in mid-sentence (it goes on on page 3).
REST_UNDER_A_BODY_LINE_WIDER_THAN_THE_NOTES = """\
一. 导言
1. 小组认为，国际化冲突的数量在过去十年里增加了九倍
以上。[1] 在一些情况下，会员国利用地方和国家的不满从
中渔利，为代理战争煽风点火，从而使冲突更血腥、延续时
间更长，也更难以解决。[2]
[1] 见乌普萨拉冲突数据方案数据集和趋势分析报告，
联合国大学政策研究中心和联合国大学出版社，东京，
二〇一七年；另见难民署的报告，其中将这一人数确定
为六千五百万人。
[2] 见秘书长关于加强调解及其支助活动的报告，其中
A/70/95
15-75150 (C) 1/3
2. 达成一项协议只是一个较长进程的第一阶段，执行协议
还需要财政和政治这两方面的持续援助，因此各方都必须在
整个进程中保持连贯一致的支持，包括在执行阶段向各方提
说明了安全理事会和大会在预防冲突方面的作用以及区
域组织的贡献。
A/70/95
15-75150 (C) 2/3
供技术援助和政治支持，以免协议破裂。
3. 小组建议，各方必须共同努力，推动政治解决，而不是仅
靠军事手段来管理冲突及其后果。
""".replace("\n", "\n\n")


def test_a_body_line_wider_than_the_notes_is_no_part_of_a_cut_notes_rest():
    """The run back from the rest's last line stops at the body's full line: no note line is
    as wide, so the body keeps its lines and the note gets only its own."""
    doc = read(REST_UNDER_A_BODY_LINE_WIDER_THAN_THE_NOTES)
    assert [row[1:] for row in body(doc)][1] == (
        "para-2", "达成一项协议只是一个较长进程的第一阶段，执行协议还需要财政和政治这两方面的持续援助，因此各方都必须在"
        "整个进程中保持连贯一致的支持，包括在执行阶段向各方提供技术援助和政治支持，以免协议破裂。")
    assert [(n.key, plain_text(n.inlines)) for n in doc.footnotes][1] == (
        "2", "见秘书长关于加强调解及其支助活动的报告，其中说明了安全理事会和大会在预防冲突方面的作用以及区域组织的贡献。")


# A blank line after every line: page 2 ends with a heading (its paragraph opens page 3), and
# the rest of page 1's cut note stands flush left under it.
REST_UNDER_A_HEADING_AT_A_PAGE_END = (PAGE_WITH_A_CUT_NOTE + """\
2. 达成一项协议只是一个较长进程的第一阶段，执行协议还
需要财政和政治这两方面的持续援助，因此各方都必须在整
个进程中保持连贯一致的支持。
秘书长的斡旋
国大学政策研究中心，东京，2017 年。
A/70/95
15-75150 (C) 2/3
3. 小组建议，各方必须共同努力，推动政治解决，而不是仅
靠军事手段来管理冲突及其后果。
""").replace("\n", "\n\n")


def test_the_rest_of_a_cut_note_under_a_short_line_that_ends_no_sentence_goes_back():
    """The heading above the rest ends no sentence, and page 3 opens paragraph 3, but the
    heading stopped short of the margin: nothing the wrap cut needs the rest, so it is the note's."""
    doc = read(REST_UNDER_A_HEADING_AT_A_PAGE_END)
    assert [row[2] for row in body(doc)][2:] == ["秘书长的斡旋", "小组建议，各方必须共同努力，推动政治解决，而不是仅靠军事手段来管理冲突及其后果。"]
    assert [(n.key, plain_text(n.inlines)) for n in doc.footnotes] == [
        ("1", "见乌普萨拉冲突数据方案数据集和趋势分析报告，联合国大学政策研究中心，东京，2017 年。")]


# Note 1 seems to end at page 1's foot (…得多？”), but its rest goes on with a comma at page 2's
# foot, under paragraph 2 that the page end cut: hanging under the note's text, or flush left
# after the blank line that sets the notes apart.
REST_AFTER_A_STOP = PARAGRAPH_1_CALLING_NOTE_1 + """\
[1] James D. Fearon，“为何有些内战比其他内战长久得多？”
A/70/95
15-75150 (C) 1/3
2. 达成一项协议只是一个较长进程的第一阶段，执行协议还
需要财政和政治这两方面的持续援助，因此各方都必须在整
{rest}，《和平研究杂志》，第 41 卷，第 3 期。
A/70/95
15-75150 (C) 2/3
个进程中保持连贯一致的支持。
3. 小组建议，各方必须共同努力，推动政治解决，而不是仅
靠军事手段来管理冲突及其后果。
"""


@pytest.mark.parametrize("rest", ["    ", "\n"], ids=["hanging", "after-a-blank-line"])
def test_the_rest_of_a_note_that_seemed_to_end_goes_back_when_it_goes_on_with_a_comma(rest):
    """A line that opens with a comma opens no block: it goes on with the note before it."""
    doc = read(REST_AFTER_A_STOP.format(rest=rest))
    assert [row[1:] for row in body(doc)][1] == (
        "para-2", "达成一项协议只是一个较长进程的第一阶段，执行协议还需要财政和政治这两方面的持续援助，因此各方都必须在整"
        "个进程中保持连贯一致的支持。")
    assert [(n.key, plain_text(n.inlines)) for n in doc.footnotes] == [
        ("1", "James D. Fearon，“为何有些内战比其他内战长久得多？”，《和平研究杂志》，第 41 卷，第 3 期。")]


# PyMuPDF and pdftotext without -layout print a paragraph's indented first line flush left: it
# only stops short of the margin (20 here) by the indent, two characters.
UNINDENTED_FIRST_LINES = [
    "摘要",
    "本报告说明预防性外交在各种冲突中的现", "实意义，并强调伙伴关系在这方面至关重要，", "值得各方注意。",
    "报告突出表明人们对联合国系统和各组织", "在预防冲突方面的期望日益高涨，也在上升。",
    "报告说明最近进行预防性外交已在实地的", "一系列不同场景发挥作用。",
    "报告最后建议在未来五年进一步加强预防", "性外交的国际能力。",
    "各会员国应继续支持联合国的调解工作，", "提供必要的资源。",
]


def test_a_first_line_short_by_an_indent_the_extractor_dropped_opens_a_paragraph_after_a_full_line():
    """The second paragraph's last line fills the margin and ends a sentence; the next line is
    two characters short, as every paragraph's first line here, so it opens the third."""
    assert [line_width(line) for line in UNINDENTED_FIRST_LINES[4:8]] == [18, 20, 18, 12]
    rows = outline(read("\n".join(UNINDENTED_FIRST_LINES) + "\n"))
    assert [text[:6] for kind, _, text in rows if kind == "Paragraph"] == [
        "本报告说明预", "报告突出表明", "报告说明最近", "报告最后建议", "各会员国应继"]


@pytest.mark.parametrize("after", [["15-15862 (C)", "", "1/9"], ["二.", "", "变化的时局"]])
def test_hanging_numbers_that_pdftotext_read_after_their_page_go_back_before_their_paragraphs(after):
    """pdftotext may read a page's column of hanging numbers after its text column: 2. and 3.
    stand alone before the page's furniture, or the next chapter's number and title; the page
    shows two paragraphs that no number opens."""
    text = "\n".join([
        "1.", "", "就编写关于预防冲突的报告而言，当前可谓一个", "困难的时刻。冲突越来越复杂且棘手。",
        "预防冲突的首要职责应由会员国担负。经验告诉", "我们，预防的努力必须由国家主导。",
        "我们努力加强我们预防冲突的工具，改进对这些", "工具的运用。",
        "", "2.", "", "3.", "", *after, "",
        "4. 本报告是根据安全理事会第2171(2014)号决议", "提交的。",
    ]) + "\n"
    assert [(b.id, plain_text(b.inlines)[:6]) for b in read(text).blocks if type(b).__name__ == "Paragraph"] == [
        ("para-1", "就编写关于预"), ("para-2", "预防冲突的首"), ("para-3", "我们努力加强"), ("para-4", "本报告是根据")]


@pytest.mark.parametrize("footer", ["   15-15862 (C)                 2                           2/9",
                                    "15-15862 (C) 2 2/9"])
def test_a_footer_with_a_bare_page_number_between_its_fields_is_furniture(footer):
    """A house style that also centres the page number prints job number, page and page N/M
    on one footer line: pdftotext -layout keeps them apart by column gaps, pypdf by a space."""
    text = "\n".join([
        "1. 就编写关于预防冲突的报告而言，当前可谓一个困难", "   的时刻。冲突越来越复杂且棘手。",
        "2. 预防冲突的首要职责应由会员国担负。经验告诉我们，", "   预防的努力必须由国家主导。",
        "", "", footer, "\f                                            S/2015/730", "",
        "3. 我们努力加强我们预防冲突的工具。",
    ]) + "\n"
    doc = read(text)
    assert not any("15-15862" in row_text for _, _, row_text in outline(doc))
    assert [r.text for r in doc.removed if "15-15862" in r.text] == [footer.strip()]


def test_hanging_numbers_printed_before_their_page_number_paragraphs_that_no_blank_line_parts():
    """pdfminer may print a page's column of hanging numbers before its text column; where no
    blank line stands between the paragraphs, each opens after a line that ended its sentence
    short of the margin."""
    text = "\n".join([
        "1.", "", "2.", "", "3.", "",
        "就编写关于预防冲突的报告而言，当前可谓一个", "困难的时刻。冲突越来越复杂且棘手。",
        "预防冲突的首要职责应由会员国担负。经验告诉", "我们，预防的努力必须由国家主导。",
        "我们努力加强我们预防冲突的工具，改进对这些", "工具的运用。",
        "", "二. 不断变化的局面", "", "4. 本报告是根据安全理事会第2171(2014)号决议", "提交的。",
    ]) + "\n"
    assert [(b.id, plain_text(b.inlines)[:6]) for b in read(text).blocks[:3]] == [
        ("para-1", "就编写关于预"), ("para-2", "预防冲突的首"), ("para-3", "我们努力加强")]
