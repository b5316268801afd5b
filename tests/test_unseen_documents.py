"""Kinds of UN documents that the five reports of the corpus do not show (issue 13), read from
tests/fixtures/unseen/: texts written for these tests in the style of real documents, each of
a kind or layout that editors will add — a Human Rights Council report, a regional
commission's note, a Secretary-General's letter with an annex and its enclosure, a treaty
body's note by the Secretariat with an annex table, a Main Committee's report with draft
resolutions, a report with 第一章 chapters and 1. sub-sections, a text with pdftotext -layout
padding, paragraphs numbered 1． with items (a), ㈠ and (一), and a damaged text.

Each test states the structure the document has: title and masthead in doc.meta, what was
removed (table of contents, furniture), the headings with their levels and ids, the numbered
paragraphs (no gaps unless the source lost them), items, notes and warnings."""

from __future__ import annotations

from pathlib import Path

import pytest

from unmd.add import infer_entry
from unmd.model import Entries, Gap, Heading, Item, Paragraph, Signature, Table, plain_text
from unmd.passes.footnotes import resolve_footnotes
from unmd.reader import read_text

FIXTURES = Path(__file__).parent / "fixtures" / "unseen"


def read(name: str):
    path = FIXTURES / name
    return resolve_footnotes(read_text(path.read_text(encoding="utf-8"), name))


def headings(doc) -> list[tuple[str, int, str]]:
    return [(b.id, b.level, b.kind) for b in doc.blocks if isinstance(b, Heading)]


def numbers(doc) -> list[int]:
    return [p.number for p in doc.numbered()]


def removed(doc, why: str) -> list[int]:
    return [r.line for r in doc.removed if r.why == why]


def items(doc) -> list[tuple[str, str, int]]:
    return [(b.id, b.marker, b.depth) for b in doc.blocks if isinstance(b, Item)]


def messages(doc) -> list[tuple[int, str]]:
    return [(w.line, w.message) for w in doc.warnings]


def chapters(ids: list[str]) -> list[tuple[str, int, str]]:
    """Chapter (ch-N, level 2) and section (ch-N-x, level 3) headings as `headings` lists them."""
    return [(i, 2 if i.count("-") == 1 else 3, "chapter" if i.count("-") == 1 else "section") for i in ids]


def test_a_human_rights_council_report():
    doc = read("hrc-report.txt")
    meta = doc.meta
    assert (meta.title, meta.subtitle) == ("在和平集会中促进和保护人权", "联合国人权事务高级专员的报告")
    assert meta.symbols == ["A/HRC/52/41"] and meta.date == "2023-01-16" and meta.original_language == "英文"
    assert meta.organs == ["大会", "人权理事会"]
    assert meta.session == ["第五十二届会议", "2023 年 2 月 27 日至 4 月 4 日"]
    # The agenda item's title is two lines, the first ending in 以及, the second in …的报告.
    assert meta.agenda == ["议程项目 2 和 3", "联合国人权事务高级专员的年度报告以及高级专员办事处和秘书长的报告"]
    assert removed(doc, "table of contents") == list(range(27, 35))
    assert removed(doc, "job number") == [24, 25]
    assert headings(doc) == [("title", 1, "title"), ("subtitle", 2, "subtitle"), ("summary", 2, "part"),
                             *chapters(["ch-1", "ch-2", "ch-2-a", "ch-2-b", "ch-3", "ch-4"])]
    assert numbers(doc) == list(range(1, 15))
    assert [i for i, _, _ in items(doc)] == ["para-10-a", "para-10-b", "para-10-c", "para-13-a", "para-13-b", "para-13-c"]
    assert sorted((n.key, n.refs) for n in doc.footnotes) == [("*", 1), ("1", 1), ("2", 1)]
    assert not doc.warnings


def test_a_regional_commission_note():
    doc = read("escap-commission.txt")
    meta = doc.meta
    assert (meta.title, meta.subtitle) == ("加强亚洲及太平洋区域可持续交通互联互通", "秘书处的说明")
    assert meta.symbols == ["E/ESCAP/79/14"] and meta.date == "2023-03-06"
    assert meta.organs == ["经济及社会理事会", "亚洲及太平洋经济社会委员会"]
    assert meta.session == ["第七十九届会议", "2023 年 5 月 15 日至 19 日，曼谷"]
    assert meta.agenda == ["临时议程项目 4(c)", "亚洲及太平洋区域审查《2030 年可持续发展议程》执行进展情况：交通运输"]
    # ESCAP's job number: a letter before it, the page number after it.
    assert [(r.line, r.text) for r in doc.removed if r.why == "job number"] == [
        (26, "23-04125 (C)    210323    220323"), (27, "*2304125*"), (40, "B23-00412 2")]
    assert headings(doc) == [("title", 1, "title"), ("subtitle", 2, "subtitle"), ("summary", 2, "part"),
                             *chapters(["ch-1", "ch-2", "ch-2-a", "ch-2-b", "ch-2-c", "ch-3"])]
    assert numbers(doc) == list(range(1, 9))
    assert [i for i, _, _ in items(doc)] == ["para-8-a", "para-8-b", "para-8-c"]
    assert [(n.key, n.refs) for n in doc.footnotes] == [("1", 1), ("2", 1)]
    assert not doc.warnings


def test_full_width_numbers_and_second_level_items():
    doc = read("fullwidth-items.txt")
    meta = doc.meta
    assert meta.title == "通过解决贫穷问题和加强机构与筹资，加快实现性别平等以及增强所有妇女和女童权能"
    assert meta.subtitle == "秘书长的报告" and meta.organs == ["经济及社会理事会", "妇女地位委员会"]
    # A quotation opened on the first line of the agenda title goes on to the second.
    assert meta.agenda == ["临时议程*项目 3(a)㈠",
                           "北京第四次妇女问题世界会议和题为“2000 年妇女：二十一世纪性别平等、发展与和平”的大会第二十三届特别会议的后续行动"]
    assert [n.refs for n in doc.footnotes if n.key == "*"] == [1]  # 临时议程*项目: the call before Han text
    assert headings(doc) == [("title", 1, "title"), ("subtitle", 2, "subtitle"),
                             *chapters(["ch-1", "ch-2", "ch-3", "ch-4"])]
    assert numbers(doc) == list(range(1, 11))
    assert items(doc) == [
        ("para-4-a", "(a)", 1), ("para-4-a-i", "㈠", 2), ("para-4-a-ii", "㈡", 2), ("para-4-b", "(b)", 1),
        ("para-4-c", "(c)", 1),
        ("para-7-i", "(一)", 1), ("para-7-ii", "(二)", 1), ("para-7-iii", "(三)", 1),
        ("para-9-a", "(a)", 1), ("para-9-a-i", "㈠", 2), ("para-9-a-ii", "㈡", 2), ("para-9-b", "(b)", 1),
        ("para-9-c", "(c)", 1),
    ]
    assert not doc.warnings


def test_a_damaged_text_is_read_around_what_it_lost():
    doc = read("damaged.txt")
    assert (doc.meta.title, doc.meta.subtitle) == ("联合国西非和萨赫勒办事处的活动", "秘书长的报告")
    assert numbers(doc) == [1, 2, 3, 4, 6, 7, 8, 9, 10, 14, 15, 16, 17]
    gaps = [(b.id, b.what, b.missing) for b in doc.blocks if isinstance(b, Gap)]
    assert gaps == [("para-5", "paragraph-start", ["5"]), ("para-11", "paragraph", ["11", "12", "13"])]
    # The rest of paragraph 5 follows its marker as a paragraph of its own.
    after = doc.blocks[[b.id for b in doc.blocks].index("para-5") + 1]
    assert isinstance(after, Paragraph) and plain_text(after.inlines).startswith("西非国家经济共同体")
    assert [(n.key, n.text_lost) for n in doc.footnotes] == [("1", False), ("2", False), ("3", True)]
    lines = [line for line, _ in messages(doc)]
    assert lines == [20, 22, 38, 41]
    assert "footnote reference ³ has no definition" in messages(doc)[1][1]
    assert messages(doc)[2][1].endswith("paragraph 11–13 missing, marked where it should be; "
                                        "paragraph 10 breaks off mid-sentence before it")
    assert "paragraph number 15 repeated where 16 is due" in messages(doc)[3][1]


def test_a_letter_with_an_annex_and_its_enclosure():
    doc = read("sg-letter.txt")
    meta = doc.meta
    assert meta.title == "2022 年 5 月 18 日秘书长给安全理事会主席的信" and meta.subtitle is None
    assert meta.symbols == ["S/2022/417"] and meta.organs == ["安全理事会"] and meta.date == "2022-05-20"
    assert removed(doc, "running symbol") == [31, 44] and removed(doc, "page number") == [32, 45]
    assert headings(doc) == [
        ("title", 1, "title"), ("annex-1", 2, "annex"), ("part-1", 3, "part"),
        ("enclosure-1", 2, "enclosure"), ("part-2", 3, "part"),
        *chapters(["ch-1", "ch-2", "ch-2-a", "ch-2-b", "ch-3", "ch-4"]),
    ]
    unnumbered = [(b.id, b.role) for b in doc.blocks if isinstance(b, Paragraph) and b.id and b.number is None]
    assert unnumbered == [("title-p1", "letter"), ("title-p2", "letter"), ("title-p3", "letter"),
                          ("part-1-p1", "letter"), ("part-1-p2", "letter")]
    signatures = [(b.id, b.lines) for b in doc.blocks if isinstance(b, Signature)]
    assert signatures == [("title-p4", ["安东尼奥·古特雷斯(签名)"]), ("part-1-p3", ["穆萨·法基·穆罕默德(签名)"])]
    assert numbers(doc) == list(range(1, 9)) and not doc.warnings


def test_a_treaty_body_note_with_a_two_line_title_and_an_annex_table():
    doc = read("treaty-note.txt")
    meta = doc.meta
    # The title's first line ends with its colon; the convention's name wraps over two lines.
    assert (meta.title, meta.subtitle) == ("消除对妇女歧视委员会的工作方法：简化报告程序的执行情况", "秘书处的说明")
    assert meta.symbols == ["CEDAW/C/85/3"] and meta.date == "2023-03-28"
    assert meta.organs == ["消除对妇女一切形式歧视公约", "消除对妇女歧视委员会"]
    assert meta.session == ["第八十五届会议", "2023 年 5 月 8 日至 26 日，日内瓦"]
    assert meta.agenda == ["临时议程项目 6", "委员会工作方法"]
    assert removed(doc, "masthead: running symbol") == [2]
    assert headings(doc) == [("title", 1, "title"), ("subtitle", 2, "subtitle"),
                             *chapters(["ch-1", "ch-2", "ch-3"]), ("annex-1", 2, "annex")]
    [table] = [b for b in doc.blocks if isinstance(b, Table)]
    assert (table.id, table.caption) == ("annex-1-t1", "截至 2023 年 1 月 1 日接受简化报告程序的缔约国")
    assert table.rows[0] == ["缔约国", "接受日期", "问题清单通过日期", "答复到期日"] and len(table.rows) == 5
    after = doc.blocks[doc.blocks.index(table) + 1]
    assert (after.id, plain_text(after.inlines)[:2]) == ("annex-1-p1", "注：")
    assert numbers(doc) == list(range(1, 7)) and [i for i, _, _ in items(doc)] == ["para-6-a", "para-6-b"]
    assert not doc.warnings


def test_a_main_committee_report_with_its_draft_resolutions():
    doc = read("main-committee.txt")
    meta = doc.meta
    assert (meta.title, meta.subtitle) == ("宏观经济政策问题", "第二委员会的报告")
    assert meta.agenda == ["议程项目 18", "宏观经济政策问题"] and meta.session == ["第七十七届会议"]
    rapporteur = doc.blocks[[b.id for b in doc.blocks].index("title-p1")]
    assert rapporteur.role == "rapporteur" and plain_text(rapporteur.inlines).startswith("报告员：")
    # Sections whose heading ends in a symbol (A/C.2/77/L.3); draft resolutions as siblings under
    # the chapter, each over its title, their operative paragraphs 1., 2. apart from the report's.
    assert headings(doc) == [
        ("title", 1, "title"), ("subtitle", 2, "subtitle"),
        *chapters(["ch-1", "ch-2", "ch-2-a", "ch-2-b", "ch-3"]),
        ("ch-3-h1", 3, "draft"), ("ch-3-h1-h1", 4, "subheading"),
        ("ch-3-h2", 3, "draft"), ("ch-3-h2-h1", 4, "subheading"),
    ]
    assert numbers(doc) == list(range(1, 11))
    first = [plain_text(b.inlines) for b in doc.blocks if b.id.startswith("ch-3-h1-h1-p")]
    assert first[:3] == ["大会，", "回顾其 2021 年 12 月 17 日第 76/192 号决议，", "重申国际贸易是推动包容性经济增长和减贫的引擎，"]
    assert [text[:3] for text in first[3:]] == ["1. ", "2. ", "3. "]
    assert len([b for b in doc.blocks if b.id.startswith("ch-3-h2-h1-p")]) == 4
    assert not doc.warnings


def test_a_report_with_chapters_printed_over_their_titles():
    doc = read("chapters-report.txt")
    meta = doc.meta
    assert meta.title == "第二十五届会议报告(2023 年 2 月 27 日至 3 月 3 日)" and meta.symbols == ["E/2023/33"]
    assert meta.organs == ["经济及社会理事会", "发展政策委员会"]
    assert removed(doc, "table of contents") == list(range(13, 19))  # 章次页次, numbers run together
    titles = {b.id: plain_text(b.inlines) for b in doc.blocks if isinstance(b, Heading)}
    assert titles["ch-1"] == "第一章 需要理事会采取行动或提请理事会注意的事项"  # 第一章 / its title: one heading
    assert headings(doc) == [
        ("title", 1, "title"),
        *chapters(["ch-1", "ch-1-a", "ch-1-b", "ch-2", "ch-2-a"]),
        ("ch-2-a-1", 4, "subsection"), ("ch-2-a-2", 4, "subsection"),
        *chapters(["ch-2-b", "ch-3"]), ("annex-1", 2, "annex"), ("annex-1-h1", 3, "subheading"),
    ]
    assert numbers(doc) == list(range(1, 11)) and [n.key for n in doc.footnotes] == ["1"]
    # The annex numbers its paragraph on its own (1. again): text that keeps its number, no
    # warning; the names its lead-in announces are a list, one entry a line.
    lead = doc.blocks[[b.id for b in doc.blocks].index("annex-1-h1-p1")]
    assert plain_text(lead.inlines) == "1. 下列委员会成员出席了会议："
    [names] = [b for b in doc.blocks if isinstance(b, Entries)]
    assert names.id == "annex-1-h1-list" and len(names.entries) == 4
    assert not doc.warnings


def test_a_text_in_its_page_layout():
    """pdftotext -layout: masthead in two columns, centred title and headings padded with
    spaces, the contents' page numbers at the right edge, hanging paragraph numbers."""
    doc = read("layout-padded.txt")
    meta = doc.meta
    assert (meta.title, meta.subtitle) == ("国内流离失所者的人权", "秘书长的说明")
    assert (meta.symbols, meta.date, meta.organs, meta.session) == (["A/78/256"], "2023-07-28", ["大会"], ["第七十八届会议"])
    assert meta.agenda[0] == "临时议程*项目 72(b)"
    assert "".join(meta.agenda[1:]) == "促进和保护人权：人权问题，包括增进人权和基本自由切实享受的各种途径"
    assert removed(doc, "table of contents") == list(range(23, 29))
    # The note's one paragraph, its first line indented, is text, not a centred heading.
    assert headings(doc) == [("title", 1, "title"), ("subtitle", 2, "subtitle"),
                             *chapters(["ch-1", "ch-2", "ch-3", "ch-4"])]
    [note] = [b for b in doc.blocks if isinstance(b, Paragraph) and b.id and b.number is None]
    assert plain_text(note.inlines) == "秘书长谨向大会转递国内流离失所者人权问题特别报告员根据人权理事会第 50/6 号决议提交的报告。"
    paragraphs = {p.number: plain_text(p.inlines) for p in doc.numbered()}
    assert sorted(paragraphs) == list(range(1, 9))
    assert paragraphs[1].endswith("并专题讨论了气候变化背景下的国内流离失所问题。")
    assert paragraphs[8] == "特别报告员还建议国际社会加大对受气候变化影响最严重国家的支持力度。"
    assert [i for i, _, _ in items(doc)] == ["para-7-a", "para-7-b", "para-7-c"]
    assert sorted((n.key, n.refs) for n in doc.footnotes) == [("*", 1), ("1", 1)]
    assert not doc.warnings


def test_an_agenda_title_whose_lines_end_in_commas():
    """Human Rights Council item 3, printed over three lines that end in 、 and ，: one title."""
    text = "\n".join([
        "联合国", "A/HRC/54/30", "大会", "Distr.: General", "3 July 2023", "Chinese", "Original: English", "",
        "人权理事会", "第五十四届会议", "2023 年 9 月 11 日至 10 月 6 日", "议程项目 3",
        "增进和保护所有人权——公民权利、", "政治权利、经济、社会及文化权利，", "包括发展权", "",
        "老年人享有所有人权问题独立专家的报告", "独立专家的报告", "", "一. 导言",
        "1. 本报告根据人权理事会第 51/4 号决议提交。", "2. 独立专家感谢所有提供资料的国家。",
    ])
    doc = read_text(text, "hrc-item-3.txt")
    assert doc.meta.agenda == ["议程项目 3", "增进和保护所有人权——公民权利、政治权利、经济、社会及文化权利，包括发展权"]
    assert (doc.meta.title, doc.meta.subtitle) == ("老年人享有所有人权问题独立专家的报告", "独立专家的报告")
    assert headings(doc) == [("title", 1, "title"), ("subtitle", 2, "subtitle"), ("ch-1", 2, "chapter")]


@pytest.mark.parametrize("name, kind", [
    ("hrc-report.txt", "Report of the United Nations High Commissioner for Human Rights"),
    ("escap-commission.txt", "Note by the Secretariat"),
    ("main-committee.txt", "Report of the Second Committee"),
    ("fullwidth-items.txt", "Report of the Secretary-General"),
])
def test_scripts_add_names_the_kind_from_the_title_page(name, kind):
    entry = infer_entry(read(name), {})
    assert entry["kind"] == kind and entry["symbols"] == read(name).meta.symbols
