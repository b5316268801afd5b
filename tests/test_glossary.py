"""The glossary data (curation checks) and the pass that links report text to it."""

from __future__ import annotations

import re
from pathlib import Path

import opencc
import pytest

from unmd.errors import SourceError
from unmd.passes.glossary import Glossary, Term, link_terms, load_glossary, protected_pairs, terms_for_dictionaries
from unmd.passes.matching import longest_first_pattern
from unmd.writer import glossary_page
from unmd.writer.glossary_page import glossary_markdown, where_used_pages
from unmd.writer.hant import to_hant
from unmd.pipeline import report_facts
from unmd.model import Abbr, Document, Emphasis, Footnote, FootnoteRef, Heading, Item, Link, Meta, Paragraph, Text

ROOT = Path(__file__).resolve().parents[1]
SOURCES = sorted((ROOT / "sources").glob("*.txt"))


@pytest.fixture(scope="module")
def glossary() -> Glossary:
    return load_glossary()


def small_glossary() -> Glossary:
    return Glossary(
        [
            Term("security-council", "安全理事会", "安全理事會", "Security Council", "安理会定义。", ("安理会",)),
            Term("security", "安全", "安全", "security", "安全定义。"),
            Term("preventive-diplomacy", "预防性外交", "預防性外交", "preventive diplomacy", "预防性外交定义。"),
            Term("dpa", "政治事务部", "政治事務部", "Department of Political Affairs", "政治部定义。", ("政治部",)),
        ],
        not_terms=("政治部门",),
    )


def para(*inlines, number=1) -> Paragraph:
    return Paragraph(line=1, id=f"para-{number}", number=number, inlines=list(inlines))


def doc_of(*blocks, footnotes=()) -> Document:
    return Document(Meta(symbols=["S/2011/552"], title="预防性外交：取得成果"), list(blocks), list(footnotes))


def glossary_links(inlines) -> list[tuple[str, str]]:
    out = []
    for node in inlines:
        if isinstance(node, Link) and node.kind == "glossary":
            out.append((node.children[0].text, node.href))
        elif isinstance(node, Emphasis):
            out += glossary_links(node.children)
    return out


# ---------------------------------------------------------------- data checks


def test_at_least_110_entries_with_unique_kebab_ids(glossary):
    ids = [t.id for t in glossary.terms]
    assert len(ids) >= 110
    assert len(set(ids)) == len(ids)
    assert all(re.fullmatch(r"[a-z0-9]+(-[a-z0-9]+)*", i) for i in ids)


def test_every_entry_has_english_and_a_one_sentence_definition(glossary):
    for t in glossary.terms:
        assert re.fullmatch(r"[A-Za-z0-9 ,.'()\-/]+", t.en), t.id
        assert t.definition.endswith("。") and t.definition.count("。") == 1, t.id


def test_every_name_occurs_in_the_sources(glossary):
    """Only terms the reports use; aliases and not_terms too (no dead data). Line breaks and
    spaces are dropped on both sides: the reports hard-wrap in the middle of terms."""
    corpus = "\n".join(re.sub(r"\s+", "", p.read_text(encoding="utf-8")) for p in SOURCES)
    names = [n for t in glossary.terms for n in t.names] + list(glossary.not_terms)
    missing = [n for n in names if re.sub(r"\s+", "", n) not in corpus]
    assert missing == []


def test_hant_is_opencc_unless_a_reviewed_exception(glossary):
    s2tw = opencc.OpenCC("s2tw")
    for t in glossary.terms:
        if t.hant_note:
            assert s2tw.convert(t.hans) != t.hant, f"{t.id}: hant_note but OpenCC agrees"
        else:
            assert s2tw.convert(t.hans) == t.hant, f"{t.id}: differs from OpenCC without hant_note"
    assert glossary.by_id["minusma"].hant == "聯合國馬里多層面綜合穩定團"


def test_related_ids_exist_and_not_self(glossary):
    for t in glossary.terms:
        assert t.id not in t.related
        assert all(r in glossary.by_id for r in t.related)


def test_loader_names_file_and_line_of_a_bad_entry(tmp_path):
    bad = tmp_path / "glossary.yml"
    bad.write_text(
        "terms:\n"
        "- id: ok\n  hans: 斡旋\n  hant: 斡旋\n  en: good offices\n  definition: 定义。\n"
        "- id: Bad_Id\n  hans: 调解\n  hant: 調解\n  en: mediation\n  definition: 定义。\n",
        encoding="utf-8",
    )
    with pytest.raises(SourceError, match=r"glossary\.yml:7: id 'Bad_Id'"):
        load_glossary(bad)


def test_loader_rejects_a_name_used_by_two_terms(tmp_path):
    bad = tmp_path / "glossary.yml"
    bad.write_text(
        "terms:\n"
        "- id: a\n  hans: 斡旋\n  hant: 斡旋\n  en: a\n  definition: 定义。\n"
        "- id: b\n  hans: 调解\n  hant: 調解\n  en: b\n  definition: 定义。\n  aliases: [斡旋]\n",
        encoding="utf-8",
    )
    with pytest.raises(SourceError, match="already a name of 'a'"):
        load_glossary(bad)


# ---------------------------------------------------------------- matching


def test_pattern_prefers_the_longest_name_at_each_position():
    pattern = longest_first_pattern(["安全", "安全理事会", "理事会", "安理会"])
    assert pattern.findall("安全理事会和安全及理事会") == ["安全理事会", "安全", "理事会"]


def test_pattern_backtracks_to_the_shorter_name():
    pattern = longest_first_pattern(["安全", "安全理事会"])
    assert pattern.findall("安全理事") == ["安全"]


def test_longest_match_first_in_a_paragraph():
    p = para(Text("安全理事会讨论了安全问题。"))
    link_terms(doc_of(p), small_glossary())
    assert glossary_links(p.inlines) == [
        ("安全理事会", "glossary.md#security-council"),
        ("安全", "glossary.md#security"),
    ]


def test_first_use_per_paragraph_and_alias_counts_as_the_term():
    p1 = para(Text("安全理事会和安理会，预防性外交和预防性外交。"), number=1)
    p2 = para(Text("安理会再次讨论预防性外交。"), number=2)
    link_terms(doc_of(p1, p2), small_glossary())
    assert glossary_links(p1.inlines) == [
        ("安全理事会", "glossary.md#security-council"),
        ("预防性外交", "glossary.md#preventive-diplomacy"),
    ]
    assert glossary_links(p2.inlines) == [
        ("安理会", "glossary.md#security-council"),
        ("预防性外交", "glossary.md#preventive-diplomacy"),
    ]
    assert "".join(n.text if isinstance(n, Text) else n.children[0].text for n in p1.inlines) == (
        "安全理事会和安理会，预防性外交和预防性外交。"
    )


def test_link_carries_definition_as_title_and_page_of():
    p = para(Text("预防性外交"))
    link_terms(doc_of(p), small_glossary(), page_of="../glossary.md")
    [link] = p.inlines
    assert link == Link("../glossary.md#preventive-diplomacy", [Text("预防性外交")], "glossary", "预防性外交定义。")


def test_no_link_inside_link_abbr_footnote_mark_or_emphasis():
    symbol = Link("https://undocs.org/zh/S/RES/1325(2000)", [Text("安全理事会第 1325(2000)号决议")], "symbol")
    abbr = Abbr("安理会", "安全理事会")
    title = Emphasis([Text("预防性外交期刊")])
    p = para(symbol, abbr, FootnoteRef("1"), title, Text("，安全。"))
    link_terms(doc_of(p), small_glossary())
    assert p.inlines[:4] == [symbol, abbr, FootnoteRef("1"), title]
    assert glossary_links(p.inlines) == [("安全", "glossary.md#security")]


def test_no_link_in_headings_and_blocks_without_id():
    h = Heading(line=1, id="ch-1", inlines=[Text("安全理事会")])
    untitled = Paragraph(line=2, id="", inlines=[Text("安全理事会")])
    link_terms(doc_of(h, untitled), small_glossary())
    assert h.inlines == [Text("安全理事会")]
    assert untitled.inlines == [Text("安全理事会")]


def test_items_and_footnotes_are_linked():
    item = Item(line=1, id="para-3-a", label="a", marker="(a)", inlines=[Text("加强预防性外交；")])
    note = Footnote("1", [Text("见安理会的报告。")], line=9, id="fn:1")
    doc = doc_of(item, footnotes=[note])
    link_terms(doc, small_glossary())
    assert glossary_links(item.inlines) == [("预防性外交", "glossary.md#preventive-diplomacy")]
    assert glossary_links(note.inlines) == [("安理会", "glossary.md#security-council")]


def test_not_terms_are_not_links():
    p = para(Text("特派团的政治部门与政治部合作。"))
    link_terms(doc_of(p), small_glossary())
    assert glossary_links(p.inlines) == [("政治部", "glossary.md#dpa")]


def test_term_split_over_adjacent_text_nodes_still_links():
    p = para(Text("预防性"), Text("外交"))
    link_terms(doc_of(p), small_glossary())
    assert glossary_links(p.inlines) == [("预防性外交", "glossary.md#preventive-diplomacy")]


# ---------------------------------------------------------------- the page


def test_page_has_anchor_english_and_where_used_counts_per_report():
    g = small_glossary()
    a = doc_of(para(Text("预防性外交。"), number=1), para(Text("安全理事会与预防性外交。"), number=2))
    b = Document(Meta(symbols=["A/70/95", "S/2015/446"], title="集中力量"), [para(Text("预防性外交"), number=7)], [])
    link_terms(a, g)
    link_terms(b, g)
    reports = [report_facts("s-2011-552", a), report_facts("a-70-95", b)]
    md = glossary_markdown(g, reports)
    entry = md[md.index("## 预防性外交 {#preventive-diplomacy}") :]
    entry = entry[: entry.index("\n## ")]
    assert "**英文**：preventive diplomacy" in entry
    assert "**使用情况**：2 份报告，3 处（[逐段列表](glossary/preventive-diplomacy.md)）" in entry
    assert md.count("\n## ") == len(g.terms)
    where = where_used_pages(g, reports)
    assert set(where) == {"glossary/preventive-diplomacy.md", "glossary/security-council.md"}
    page = where["glossary/preventive-diplomacy.md"]
    assert "[预防性外交](../glossary.md#preventive-diplomacy)" in page
    assert "（2 处）：[1](../s-2011-552.md#para-1)、[2](../s-2011-552.md#para-2)" in page
    assert "[A/70/95 / S/2015/446](../a-70-95.md) 集中力量（1 处）：[7](../a-70-95.md#para-7)" in page


def test_where_used_lists_are_paged_so_no_page_grows_with_the_corpus(monkeypatch):
    """A report's list stays whole on one page; a page takes reports until PLACES_PER_PAGE."""
    monkeypatch.setattr(glossary_page, "PLACES_PER_PAGE", 3)
    g = small_glossary()
    docs = [doc_of(para(Text("预防性外交。"), number=1), para(Text("预防性外交。"), number=2)) for _ in range(3)]
    for doc in docs:
        link_terms(doc, g)
    where = where_used_pages(g, [report_facts(f"r-{i}", doc) for i, doc in enumerate(docs)])
    names = [n for n in where if "preventive-diplomacy" in n]
    assert names == [f"glossary/preventive-diplomacy{suffix}.md" for suffix in ("", "-2", "-3")]
    first, second, last = (where[n] for n in names)
    assert "第 1 页，共 3 页" in first and "[下一页](preventive-diplomacy-2.md)" in first
    assert "[上一页](preventive-diplomacy.md)" in second and "[下一页](preventive-diplomacy-3.md)" in second
    assert "[上一页](preventive-diplomacy-2.md)" in last and "下一页" not in last
    assert [page.count("](../r-") for page in (first, second, last)] == [3, 3, 3]  # report + its 2 places


def test_hant_page_writes_every_term_in_its_reviewed_form(glossary):
    hant = to_hant(glossary_markdown(glossary, []))
    for term in glossary.terms:
        assert f"## {term.hant} {{#{term.id}}}" in hant


def test_real_glossary_page_has_every_anchor(glossary):
    md = glossary_markdown(glossary, [])
    anchors = re.findall(r"^## .+ \{#([a-z0-9-]+)\}$", md, re.MULTILINE)
    assert anchors == [t.id for t in glossary.terms]


# ---------------------------------------------------------------- dictionaries


def test_protected_pairs_give_aliases_the_terms_corrections(glossary):
    pairs = dict(protected_pairs(glossary, opencc.OpenCC("s2tw").convert))
    assert pairs["联合国马里多层面综合稳定团"] == "聯合國馬里多層面綜合穩定團"
    assert pairs["马里稳定团"] == "馬里穩定團"
    assert pairs["安理会"] == "安理會"
    assert pairs["秘书长"] == "秘書長"


def test_dictionary_words_are_every_zh_hans_name_without_spaces(glossary):
    words = terms_for_dictionaries(glossary)
    assert {"预防性外交", "安理会", "马里稳定团"} <= set(words)
    assert not {"預防性外交", "安理會"} & set(words)  # zh-Hant pages are cut in their zh-Hans form
    assert len(words) == len(set(words))
    assert not any(" " in w for w in words)


def test_real_not_terms_keep_wrong_readings_out(glossary):
    p = para(Text("他为广大会员国提供支持，副秘书长和秘书长出席。"))
    link_terms(doc_of(p), glossary)
    assert glossary_links(p.inlines) == [
        ("会员国", "glossary.md#member-states"),
        ("秘书长", "glossary.md#secretary-general"),
    ]


def test_each_longer_name_holds_a_term_and_is_none(glossary):
    """The lexicon lists names that would otherwise be linked in part: no dead entries, and
    none that is itself a term (that one would simply never be linked)."""
    for name in glossary.longer_names:
        assert name not in glossary.by_name, name
        assert any(term in name for term in glossary.by_name), name
