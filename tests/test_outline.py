"""Levels of un-numbered headings inferred from the text (unmd.reader.outline), each case on a
tiny synthetic report; ids stay those of the flat outline."""

from __future__ import annotations

from unmd.model import Heading, plain_text
from unmd.reader import read_text


_CLAUSES = ("各方在这一领域的工作", "面临的困难", "已经取得的进展和尚存的差距", "今后的打算", "所需的资源")


def said(topic: str, sentences: int = 2) -> str:
    """A paragraph about `topic`: one line of its own length (the line layout, not a wrap)."""
    clauses = _CLAUSES[: 1 + sum(map(ord, topic)) % len(_CLAUSES)]
    return "".join(f"关于{topic}的第{n + 1}句说明谈到了{'、'.join(clauses)}。" for n in range(sentences))


def section(title: str, *paragraphs: str) -> str:
    return "\n\n".join((title, *paragraphs)) + "\n\n"


def headings(text: str) -> list[tuple[str, int, str]]:
    doc = read_text(text, "outline.txt")
    return [(b.id, b.level, plain_text(b.inlines)) for b in doc.blocks if isinstance(b, Heading)]


SUMMARY_START = "某某问题的报告\n\n摘要\n\n"
BODY = "一. 导言\n\n1. 第一段。\n"


def test_a_heading_announcing_a_count_takes_that_many_headings_as_children():
    text = (
        SUMMARY_START
        + section("背景", said("背景"), said("背景的影响"))
        + section("三项转变", "如要取得进展，就必须在今后的工作中纳入这些必需的转变。")
        + section("第一项", said("第一项"))
        + section("第二项", said("第二项"))
        + section("第三项", said("第三项"))
        + section("新的做法", "为确保今后取得成功，需要在两个领域内实行显著的变革。")
        + section("甲领域", said("甲领域"))
        + section("乙领域", said("乙领域"))
        + section("其他事项", said("其他事项"))
        + BODY
    )
    assert headings(text) == [
        ("title", 1, "某某问题的报告"),
        ("summary", 2, "摘要"),
        ("summary-h1", 3, "背景"),
        ("summary-h2", 3, "三项转变"),
        ("summary-h3", 4, "第一项"),
        ("summary-h4", 4, "第二项"),
        ("summary-h5", 4, "第三项"),
        ("summary-h6", 3, "新的做法"),
        ("summary-h7", 4, "甲领域"),
        ("summary-h8", 4, "乙领域"),
        ("summary-h9", 3, "其他事项"),
        ("ch-1", 2, "一. 导言"),
    ]


def test_a_one_sentence_lead_introduces_the_headings_up_to_a_bigger_closing_section():
    text = (
        SUMMARY_START
        + section("加强基础", "必须在设计和实施方面作出重要变革，作为上述办法的基础。")
        + section("方向", said("方向"))
        + section("能力", said("能力"))
        + section("伙伴", said("伙伴"))
        + section("团结一致", said("团结"), said("未来"), said("承诺"))
        + BODY
    )
    assert headings(text)[2:-1] == [
        ("summary-h1", 3, "加强基础"),
        ("summary-h2", 4, "方向"),
        ("summary-h3", 4, "能力"),
        ("summary-h4", 4, "伙伴"),
        ("summary-h5", 3, "团结一致"),
    ]


def test_an_annex_title_sits_above_its_sections_and_colon_or_series_leads_introduce():
    text = (
        "2017 年 1 月 31 日某国常驻联合国代表给秘书长的信\n\n"
        + said("转递") + "\n\n"
        + "2017 年 1 月 31 日某国常驻联合国代表给秘书长的信的附件\n\n"
        + "关于预防冲突专题公开辩论的非正式文件\n\n"
        + section("导言", said("导言"), said("辩论"))
        + section("艰巨工作", "预防冲突的主要责任在于会员国。然而会员国也看到了各种挑战，其中包括：")
        + section("新的威胁", said("威胁"), said("跨界冲突"))
        + section("条块分割", said("分割"), said("协调"))
        + section("政策建议", "会员国呼吁达成新的共识。与会者在讨论中提出了一系列政策建议。")
        + section("秘书处的作用", said("秘书处"), said("改革"))
        + section("安理会的作用", said("安理会"), said("工具"))
        + section("结论", said("结论"), said("挑战"))
    )
    assert headings(text)[1:] == [
        ("annex-1", 2, "2017 年 1 月 31 日某国常驻联合国代表给秘书长的信的附件"),
        ("annex-1-h1", 3, "关于预防冲突专题公开辩论的非正式文件"),
        ("annex-1-h2", 4, "导言"),
        ("annex-1-h3", 4, "艰巨工作"),
        ("annex-1-h4", 5, "新的威胁"),
        ("annex-1-h5", 5, "条块分割"),
        ("annex-1-h6", 4, "政策建议"),
        ("annex-1-h7", 5, "秘书处的作用"),
        ("annex-1-h8", 5, "安理会的作用"),
        ("annex-1-h9", 4, "结论"),
    ]


def test_headings_that_announce_nothing_stay_siblings():
    text = (
        "一. 导言\n\n1. " + said("导言") + "\n\n"
        "分析\n\n2. " + said("分析") + "\n\n3. " + said("预警") + "\n\n"
        "调解\n\n4. 只在两个方面开展了工作。\n\n"
        "预防\n\n5. " + said("预防") + "\n"
    )
    assert [(hid, level) for hid, level, _ in headings(text)] == [
        ("ch-1", 2), ("ch-1-h1", 3), ("ch-1-h2", 3), ("ch-1-h3", 3),
    ]
