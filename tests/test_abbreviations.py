"""Short forms the reports define themselves (全称(简称)): extraction and marking."""

from __future__ import annotations

import pytest

from unmd.passes.abbreviations import extract_abbreviations, full_name, mark_abbreviations
from unmd.model import Abbr, Document, Footnote, FootnoteRef, Heading, Link, Meta, Paragraph, Text


def doc(*texts: str, footnotes=()) -> Document:
    blocks = [Paragraph(line=i, id=f"para-{i}", number=i, inlines=[Text(t)]) for i, t in enumerate(texts, 1)]
    return Document(Meta(), blocks, list(footnotes))


def abbrs_in(inlines) -> list[tuple[str, str]]:
    return [(n.short, n.full) for n in inlines if isinstance(n, Abbr)]


# ---------------------------------------------------------------- extraction, real phrases


@pytest.mark.parametrize(
    "text, short, full",
    [
        ("例如，欧洲联盟、欧洲安全与合作组织(欧安组织)、非洲联盟", "欧安组织", "欧洲安全与合作组织"),
        ("例如人权事务高级专员办事处(人权高专办)", "人权高专办", "人权事务高级专员办事处"),
        ("在美洲，美洲国家组织(美洲组织)已将", "美洲组织", "美洲国家组织"),
        ("2007年东南亚国家联盟(东盟)《宪章》", "东盟", "东南亚国家联盟"),
        ("以协助南部非洲发展共同体(南共体)为解决", "南共体", "南部非洲发展共同体"),
        ("非洲联盟智者小组和西非国家经济共同体(西非经共体)智者理事会", "西非经共体", "西非国家经济共同体"),
        ("以及通过联合国开发计划署(开发署)", "开发署", "联合国开发计划署"),
        ("和联合国西非办事处（西非办）。", "西非办", "联合国西非办事处"),
        ("联合国中非共和国建设和平综合办事处(中非建和办)", "中非建和办", "联合国中非共和国建设和平综合办事处"),
        ("鉴于联合国促进性别平等和增强妇女权能署(妇女署)", "妇女署", "联合国促进性别平等和增强妇女权能署"),
        ("联合国和美洲国家组织(美洲组织)", "美洲组织", "美洲国家组织"),
    ],
)
def test_extracts_real_definitions(text, short, full):
    assert extract_abbreviations(doc(text)) == {short: full}


def test_definition_across_a_footnote_mark():
    p = Paragraph(line=1, id="para-5", number=5, inlines=[Text("2008年伊斯兰会议组织"), FootnoteRef("3"), Text("(伊斯兰会议)《宪章》")])
    assert extract_abbreviations(Document(Meta(), [p], [])) == {"伊斯兰会议": "伊斯兰会议组织"}


def test_known_names_decide_where_a_long_run_starts():
    run = "联合国中部非洲区域办事处把重点放在加强中部非洲国家经济共同体"
    assert full_name(run, "中非经共体") == "中部非洲国家经济共同体"
    assert full_name("加强联合国维和行动", "维和行动", frozenset({"联合国维和行动"})) == "联合国维和行动"


@pytest.mark.parametrize(
    "text",
    [
        "南共体(设在哈博罗内)",  # an explanation
        "秘书长特使办公室(例如叙利亚和也门)",  # examples
        "欧洲安全与合作组织(欧安组织和美洲组织)",  # not derived from the name: a source slip
        "和政府间发展管理局(伊加特)",  # a transliteration, not a short form
        "行政和预算委员会(第五委员会)",  # another name
        "主席声明(S/PRST/2010/14)",  # a symbol
        "《比克塔瓦宣言》(2000年)",  # a year
        "政治、经济和(或)",  # one character
        "尼日利亚(北部)",
    ],
)
def test_skips_parentheses_that_are_not_definitions(text):
    assert extract_abbreviations(doc(text)) == {}


def test_first_definition_wins():
    assert extract_abbreviations(doc("西非国家经济共同体(西非经共体)", "西非国家经济共同体(西非经共体)")) == {
        "西非经共体": "西非国家经济共同体"
    }


# ---------------------------------------------------------------- marking


def test_marks_uses_after_the_definition_only():
    d = doc("欧安组织一词先出现。", "欧洲安全与合作组织(欧安组织)和欧安组织。", "欧安组织再次出现。")
    mark_abbreviations(d, extract_abbreviations(d))
    p1, p2, p3 = d.blocks
    assert p1.inlines == [Text("欧安组织一词先出现。")]
    assert p2.inlines == [Text("欧洲安全与合作组织(欧安组织)和"), Abbr("欧安组织", "欧洲安全与合作组织"), Text("。")]
    assert abbrs_in(p3.inlines) == [("欧安组织", "欧洲安全与合作组织")]


def test_definition_in_a_footnote_applies_from_its_reference():
    note = Footnote("4", [Text("例如，欧洲安全与合作组织(欧安组织)。")], line=30, id="fn:4")
    before = Paragraph(line=1, id="para-5", number=5, inlines=[Text("欧安组织在前。")])
    cites = Paragraph(line=2, id="para-6", number=6, inlines=[Text("预警系统"), FootnoteRef("4"), Text("，欧安组织在后。")])
    d = Document(Meta(), [before, cites], [note])
    mark_abbreviations(d, extract_abbreviations(d))
    assert abbrs_in(before.inlines) == []
    assert abbrs_in(cites.inlines) == [("欧安组织", "欧洲安全与合作组织")]


def test_not_in_headings_links_full_names_or_repeated_definitions():
    heading = Heading(line=3, id="h", inlines=[Text("西非办")])
    link = Link("glossary.md#unowa", [Text("西非办")], "glossary")
    d = doc("联合国西非办事处(西非办)成立。", "联合国西非办事处与西非办，以及联合国西非办事处(西非办)。")
    d.blocks.insert(1, heading)
    d.blocks[2].inlines.append(link)
    mark_abbreviations(d, extract_abbreviations(d))
    assert heading.inlines == [Text("西非办")]
    assert abbrs_in(d.blocks[2].inlines) == [("西非办", "联合国西非办事处")]
    assert d.blocks[2].inlines[-1] is link


def test_known_names_containing_a_short_form_stay_whole():
    d = doc("欧洲安全与合作组织(欧安组织)。", "欧安组织少数民族问题高级专员和欧安组织。")
    mark_abbreviations(d, extract_abbreviations(d), known=["欧安组织少数民族问题高级专员"])
    assert d.blocks[1].inlines == [Text("欧安组织少数民族问题高级专员和"), Abbr("欧安组织", "欧洲安全与合作组织"), Text("。")]


def test_short_form_split_over_text_nodes_is_marked():
    d = doc("美洲国家组织(美洲组织)。")
    d.blocks.append(Paragraph(line=9, id="para-2", number=2, inlines=[Text("美洲"), Text("组织")]))
    mark_abbreviations(d, extract_abbreviations(d))
    assert d.blocks[1].inlines == [Abbr("美洲组织", "美洲国家组织")]


# ---------------------------------------------------------------- names with hyphens, commas, transliterations


def test_a_hyphenated_name_is_one_full_name():
    text = "甲国政府和甲国革命武装力量 - 人民军(甲人民军)之间达成的协议"
    assert extract_abbreviations(doc(text)) == {"甲人民军": "甲国革命武装力量 - 人民军"}


def test_a_joint_name_reaches_back_over_its_hyphen_to_a_known_name():
    text = "并与东方联盟-联合国某某混合行动(某某混合行动)合作。"
    assert extract_abbreviations(doc(text)) == {"某某混合行动": "联合国某某混合行动"}
    assert extract_abbreviations(doc(text), known=["东方联盟"]) == {"某某混合行动": "东方联盟-联合国某某混合行动"}


def test_an_enumeration_comma_inside_a_name():
    text = "工作队和联合国农业、渔业及林业组织(农渔林组织)的方案"
    assert extract_abbreviations(doc(text)) == {"农渔林组织": "联合国农业、渔业及林业组织"}


def test_an_enumeration_comma_before_a_name_ends_a_list():
    assert extract_abbreviations(doc("美国、英国和东方国家联盟(东盟)。")) == {"东盟": "东方国家联盟"}
    text = "甲国援助团(甲援团)、联合国乙国办事处(乙办)和丙国政治处(丙政处)"
    assert extract_abbreviations(doc(text)) == {"甲援团": "甲国援助团", "乙办": "联合国乙国办事处", "丙政处": "丙国政治处"}


def test_a_transliteration_is_a_short_form_where_the_glossary_says_so():
    text = "和东方发展管理局(伊加特)。伊加特再次出现。"
    synonyms = {"伊加特": ("东方发展管理局", "伊加特")}
    assert extract_abbreviations(doc(text)) == {}
    d = doc(text)
    abbrs = extract_abbreviations(d, synonyms=synonyms)
    assert abbrs == {"伊加特": "东方发展管理局"}
    mark_abbreviations(d, abbrs, synonyms=synonyms)
    assert abbrs_in(d.blocks[0].inlines) == [("伊加特", "东方发展管理局")]


def test_another_name_is_no_short_form_even_where_the_glossary_gives_both():
    synonyms = {"第五委员会": ("行政和预算委员会", "第五委员会")}
    assert extract_abbreviations(doc("行政和预算委员会(第五委员会)"), synonyms=synonyms) == {}
