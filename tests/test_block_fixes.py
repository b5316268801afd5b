"""Tables, notes and roles as a proofreader checks them, each on a small synthetic report."""

from __future__ import annotations

import re

import markdown

from unmd.model import Table, plain_text
from unmd.passes.footnotes import resolve_footnotes
from unmd.reader import read_text
from unmd.writer.markdown import write_markdown


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
