"""Tables, notes and roles as a proofreader checks them, each on a small synthetic report."""

from __future__ import annotations

import re

import markdown
from hooks import load_hook

from unmd.model import Table, plain_text
from unmd.passes.footnotes import resolve_footnotes
from unmd.reader import read_text
from unmd.writer.markdown import write_markdown


StarMarks = load_hook("footnote_marks").StarMarksExtension


def read(text: str):
    return resolve_footnotes(read_text(text, "blocks.txt"))


def test_a_header_row_that_starts_with_an_empty_cell_keeps_it():
    doc = read(
        "一. 导言\n\n"
        "1. 妇女的比例逐级减少(见附表)。\n\n"
        "按性别分列的工作人员\n\n"
        "职等\t女\t\t男\t\n"
        "\t人数\t百分比\t人数\t百分比\n"
        "USG\t5\t28\t13\t72\n"
        "P-2\t95\t41\t138\t59\n\n"
        "2. 第二段。\n"
    )
    table = next(b for b in doc.blocks if isinstance(b, Table))
    assert table.caption == "按性别分列的工作人员"
    assert table.rows == [
        ["职等", "女", "", "男", ""],
        ["", "人数", "百分比", "人数", "百分比"],
        ["USG", "5", "28", "13", "72"],
        ["P-2", "95", "41", "138", "59"],
    ]


def test_a_note_quoting_numbered_paragraphs_keeps_them_as_paragraphs_of_the_note():
    doc = read(
        "一. 导言\n\n"
        "1. 小组建议建立快速部署能力。¹\n\n"
        "¹ 某公约第十条规定：\n\n"
        "- “1. 缔约各方应当提供协助。\n"
        "- “2. 此项协助应由特别协定规定。”\n\n"
        "2. 第二段。\n"
    )
    (note,) = doc.footnotes
    assert plain_text(note.inlines) == "某公约第十条规定：\n“1. 缔约各方应当提供协助。\n“2. 此项协助应由特别协定规定。”"
    html = markdown.markdown(write_markdown(doc).split("---", 2)[2], extensions=["footnotes", "attr_list"])
    item = re.search(r'<li id="fn:1">(.*?)</li>', html, re.S).group(1)
    assert re.findall(r"<p>(.*?)(?:&#160;<a class=\"footnote-backref\".*?)?</p>", item, re.S) == [
        "某公约第十条规定：", "“1. 缔约各方应当提供协助。", "“2. 此项协助应由特别协定规定。”",
    ]


def test_asterisk_notes_of_the_title_page_are_listed_first_and_every_note_keeps_its_mark():
    doc = read(
        "某某问题的报告*\n\n"
        "一. 导言\n\n"
        "1. 第一段。¹\n\n"
        "2. 第二段。²\n\n"
        "* 2017 年 6 月 23 日印发。\n\n"
        "¹ 第一注。\n\n"
        "² 第二注。\n"
    )
    body = write_markdown(doc).split("---", 2)[2]
    html = markdown.markdown(body, extensions=["footnotes", "attr_list", StarMarks()])
    assert re.findall(r'<li (?:data-mark="\*" )?id="fn:(\w+)"(?: value="(\d+)")?', html) == [
        ("star1", ""), ("1", "1"), ("2", "2"),
    ]
    assert re.findall(r'href="#fn:\w+">([^<]+)</a>', html) == ["*", "1", "2"]


def test_a_front_paragraph_whose_star_note_names_a_speech_is_an_epigraph():
    doc = read(
        "某某问题的报告\n\n"
        "我认为，我们只是刚开始挖掘这一工具的所有潜力，尤其是公开讨论和私下谈判这两方面结合的潜力。*\n\n"
        "摘要\n\n"
        "本报告审查联合国目前在不断变化的格局中开展的工作，并提出了今后的设想和各项建议。\n\n"
        "* 前任秘书长于 1954 年 9 月 11 日在华盛顿的演讲摘录。\n\n"
        "一. 导言\n\n"
        "1. 第一段。\n"
    )
    roles = [(p.id, p.role) for p in doc.paragraphs() if p.number is None]
    assert roles == [("title-p1", "epigraph"), ("summary-p1", "summary")]


def test_a_quotation_closing_a_part_is_filed_under_the_part_and_keeps_its_old_id():
    doc = read(
        "某某问题的报告\n\n摘要\n\n"
        "背景\n\n关于背景的说明谈到了各方在这一领域的工作、面临的困难和今后的打算。\n\n"
        "团结一致\n\n关于团结的说明谈到了各方在这一领域的工作和今后的打算，以及已经取得的进展。\n\n"
        "“我们经常听到这样的说法：联合国在这里成功了，或在那里失败了。含义何在？”\n\n"
        "某某人，1956年5月，纽约\n\n"
        "一. 导言\n\n1. 第一段。\n"
    )
    closing = [(p.id, p.role, p.aliases) for p in doc.paragraphs() if p.role in ("epigraph", "attribution")]
    assert closing == [("summary-p1", "epigraph", ["summary-h2-p2"]),
                       ("summary-p2", "attribution", ["summary-h2-p3"])]
    page = write_markdown(doc)
    assert '<span id="summary-h2-p2"></span>“我们经常听到' in page and "{: #summary-p1 .epigraph }" in page
