"""Glossary links that are never wrong: the reviewed cases of wrong links the proofreaders
found (issue 15) and their kin, as synthetic sentences linked with the real glossary.

Each case is a sentence and every glossary link it must get, as (linked text, term id), in
order; a link not listed is a wrong link. scripts/link-sample draws the random sample of the
corpus's links that README's precision figure comes from.
"""

from __future__ import annotations

import pytest

from unmd.model import Document, Emphasis, Link, Meta, Paragraph, Text
from unmd.passes.glossary import Glossary, Term, link_terms, load_glossary

REVIEWED = [
    # a term inside a longer name: the lexicon (glossary.yml longer_names)
    ("联合国中东和平进程特别协调员办事处继续开展工作。", []),
    ("各方支持中东和平进程。", [("和平进程", "peace-process")]),
    ("在塞拉利昂，联合国建设和平综合办事处帮助防止了暴力。", []),
    ("联合国几内亚比绍建设和平综合办事处与建设和平委员会合作。",
     [("联合国几内亚比绍建设和平综合办事处", "uniogbis"), ("建设和平委员会", "peacebuilding-commission")]),
    ("妇女咨询委员会和民间社会支助室是一个平台，民间社会组织可以参与。", [("民间社会组织", "civil-society")]),
    ("防止灭绝种族罪行和保护责任办公室制定了一项工具。", []),
    ("联合国中亚地区预防外交中心定期召开会议，推动预防外交。", [("预防外交", "preventive-diplomacy")]),
    ("政治事务部政策和调解司设立了调解支助股。",
     [("政治事务部", "department-of-political-affairs"), ("调解支助股", "mediation-support-unit")]),
    ("联合国秘书处和非洲联盟委员会应与区域经济共同体合作。",
     [("联合国秘书处", "secretariat"), ("区域经济共同体", "regional-economic-communities")]),
    ("安理会支持非洲联盟驻索马里特派团，也支持非洲联盟。",
     [("安理会", "security-council"), ("非洲联盟", "african-union")]),
    ("会员国支持加强非洲联盟智者小组的工作。", [("会员国", "member-states")]),
    ("各方部署了调解支助小组，以支持调解。", [("调解", "mediation")]),
    # the whole name is the term; a part of it is not
    ("非洲联盟-联合国达尔富尔混合行动在该地区组织了论坛。",
     [("非洲联盟-联合国达尔富尔混合行动", "unamid")]),
    ("在达尔富尔，非洲联盟-联合国混合特派团只是最初宗旨的影子。", [("非洲联盟-联合国混合特派团", "unamid")]),
    # 《》 titles: no link inside a title, unless the term is the whole title
    ("2014年签署的《联合国-非洲联盟加强和平与安全伙伴关系联合框架》得到落实。", []),
    ("见《和平纲领：预防性外交、建立和平与维持和平》。", []),
    ("根据《联合国宪章》第三十三条，预防性外交是一项工具。",
     [("联合国宪章", "un-charter"), ("预防性外交", "preventive-diplomacy")]),
    ("《性别平等与包容性调解战略指导意见》强调性别平等。", [("性别平等", "gender-equality")]),
    # another sense, told by the words before it (glossary.yml not_after)
    ("中非经共体秘书处和外地工作人员参加了培训。", [("中非经共体", "eccas")]),
    ("伊加特在其秘书处结构内设立了调解支助办公室。", [("伊加特", "igad"), ("调解", "mediation")]),
    ("感谢小组秘书处人员的工作，也感谢秘书处。", [("秘书处", "secretariat")]),
    ("安全理事会授权的非洲联盟和平行动需要可预测的经费。",
     [("安全理事会", "security-council"), ("非洲联盟", "african-union")]),
    ("联合国和平行动需要可预测的经费。", [("和平行动", "peace-operations")]),
    ("许多负有保护责任的特派团目前资源不足。", []),
    ("本组织必须加强履行其保护责任。", []),
    ("“保护责任”被列入大会的成果文件。", [("保护责任", "responsibility-to-protect"), ("大会", "general-assembly")]),
    ("非洲联盟-联合国支助非洲联盟维和行动方法小组提交了报告。", []),
    # word boundaries from the segmenter
    ("以确保更好地监测和预防冲突中的性暴力。", [("冲突中的性暴力", "conflict-related-sexual-violence")]),
    ("各方致力于预防冲突。", [("预防冲突", "conflict-prevention")]),
    ("在决定将维持和平行动部署到冲突局势中时，应审慎。", [("维持和平行动", "peacekeeping-operations")]),
    ("维持和平行动部设立了统筹行动小组。", [("维持和平行动部", "department-of-peacekeeping-operations")]),
    ("特派团团长要与部队派遣国常驻代表团互动协作。",
     [("特派团团长", "head-of-mission"), ("部队派遣国", "troop-contributing-countries")]),
    ("瑞典常驻代表团编写了文件，常驻代表出席。", [("常驻代表", "permanent-representative")]),
    ("独立调解人的作用越来越重要，调解是一项工具。", [("调解", "mediation")]),
    ("秘书长应指定一名调解人。", [("秘书长", "secretary-general")]),
    ("西非经共体领导的调解工作得到支持。", [("西非经共体", "ecowas"), ("调解", "mediation")]),
    ("每年的联合国停火调解和管理课程开课，讨论停火。", [("停火", "ceasefire")]),
    ("小组以及建设和平架构审查专家咨询小组的分析。", []),
    ("以及欧洲联盟和非洲联盟的其他会员国伙伴的支持，会员国也支持。",
     [("欧洲联盟", "european-union"), ("非洲联盟", "african-union"), ("会员国", "member-states")]),
    ("维持和平行动部法治和安全机构厅提供支助，以加强法治。",
     [("维持和平行动部", "department-of-peacekeeping-operations"), ("法治", "rule-of-law")]),
    ("我打算以联合国系统行政首长协调理事会主席的身份。", [("联合国系统行政首长协调理事会", "ceb")]),
    ("世界银行集团和世界银行。", [("世界银行", "world-bank")]),
    ("联合国可以在世界上任何地方组建和维持和平行动。", []),
    ("与中非经共体就设立内部调解支助股进行了合作。", [("中非经共体", "eccas")]),
    # not_terms kept
    ("他为广大会员国提供支持，副秘书长和秘书长出席。",
     [("会员国", "member-states"), ("秘书长", "secretary-general")]),
]


def links_of(inlines) -> list[tuple[str, str]]:
    out = []
    for node in inlines:
        if isinstance(node, Link) and node.kind == "glossary":
            out.append((node.children[0].text, node.href.rpartition("#")[2]))
        elif isinstance(node, Emphasis):
            out += links_of(node.children)
    return out


def linked(sentence: str, glossary: Glossary, abbreviations: dict[str, str] | None = None) -> list[tuple[str, str]]:
    p = Paragraph(line=1, id="para-1", number=1, inlines=[Text(sentence)])
    doc = Document(Meta(symbols=["S/2099/1"], title="测试"), [p], [])
    doc.abbreviations = dict(abbreviations or {})
    link_terms(doc, glossary)
    return links_of(p.inlines)


@pytest.mark.parametrize("sentence, expected", REVIEWED, ids=[s[:12] for s, _ in REVIEWED])
def test_reviewed_case(sentence, expected):
    assert linked(sentence, load_glossary()) == expected


# ---------------------------------------------------------------- each rule on a small glossary


def small() -> Glossary:
    return Glossary(
        [
            Term("prevention", "预防冲突", "預防衝突", "conflict prevention", "预防。"),
            Term("crsv", "冲突中的性暴力", "衝突中的性暴力", "CRSV", "性暴力。"),
            Term("pb", "建设和平", "建設和平", "peacebuilding", "建设和平。"),
            Term("sec", "秘书处", "秘書處", "Secretariat", "秘书处。", not_after=("小组",)),
            Term("ops", "和平行动", "和平行動", "peace operations", "行动。", not_before=("预算外",)),
            Term("mediation", "调解", "調解", "mediation", "调解。"),
        ],
        longer_names=("联合国建设和平综合办事处",),
    )


def test_of_two_overlapping_names_the_longer_is_read():
    assert linked("预防冲突中的性暴力。", small()) == [("冲突中的性暴力", "crsv")]


def test_no_link_inside_a_name_of_the_lexicon():
    assert linked("联合国建设和平综合办事处支持建设和平。", small()) == [("建设和平", "pb")]


def test_no_link_inside_a_full_name_the_report_defines():
    text = "建设和平与发展联合特派团(建和特派团)支持建设和平。"
    assert linked(text, small(), {"建和特派团": "建设和平与发展联合特派团"}) == [("建设和平", "pb")]


def test_no_link_inside_a_title_unless_it_is_the_whole_title():
    assert linked("《建设和平指南》", small()) == []
    assert linked("《建设和平》", small()) == [("建设和平", "pb")]


def test_not_after_and_not_before_mark_another_sense():
    assert linked("小组秘书处和秘书处。", small()) == [("秘书处", "sec")]
    assert linked("和平行动预算外资源，和平行动。", small()) == [("和平行动", "ops")]


def test_a_name_that_ends_inside_a_word_is_not_linked():
    assert linked("调解人和调解。", small()) == [("调解", "mediation")]


def test_link_sample_places_each_link_in_its_plain_text():
    from unmd.linksample import _walk
    from unmd.model import Abbr, FootnoteRef, plain_text

    inlines = [Text("见"), Abbr("安理会", "安全理事会"), FootnoteRef("1"), Emphasis([Text("报告")]),
               Link("glossary.md#mediation", [Text("调解")], "glossary"), Text("。")]
    spans: list = []
    _walk(inlines, 0, spans)
    [(start, end, link)] = spans
    assert plain_text(inlines)[start:end] == "调解" and link.href.endswith("#mediation")


def test_senses_are_read_across_an_abbreviation_or_a_link():
    from unmd.model import Abbr

    p = Paragraph(line=1, id="para-1", number=1,
                  inlines=[Abbr("小组", "某某小组"), Text("秘书处和"), Link("x", [Text("秘书处")], "symbol"), Text("秘书处。")])
    link_terms(Document(Meta(symbols=["S/2099/1"], title="测试"), [p], []), small())
    assert links_of(p.inlines) == [("秘书处", "sec")]
    assert p.inlines[1] == Text("秘书处和")
