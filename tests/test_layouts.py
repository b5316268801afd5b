"""The layout corpus (scripts/layoutcorpus): the comparison that the layout table counts with,
and the synthetic typesetter that makes the layouts."""

from __future__ import annotations

import copy
import dataclasses
import re
from collections import Counter

import pytest
from corpus import documents

from layoutcorpus.compare import compare
from layoutcorpus.synthetic import DIMENSIONS, Style, break_lines, marked_text, named_styles, typeset
from layoutcorpus.synthetic import layouts as synthetic_layouts
from layoutcorpus.table import run, summary
from unmd.catalog import load_catalog
from unmd.model import Heading, Paragraph, Text

SLUGS = sorted(documents())


def test_a_reading_is_the_same_document_as_itself():
    _, doc = documents()["S-2011-552"]
    result = compare(doc, copy.deepcopy(doc))
    assert result.identical and result.units == len(doc.blocks) + len(doc.footnotes)


def test_a_paragraph_cut_in_two_counts_two():
    _, doc = documents()["S-2011-552"]
    other = copy.deepcopy(doc)
    index = next(i for i, b in enumerate(other.blocks) if isinstance(b, Paragraph) and b.number == 4)
    text = other.blocks[index].inlines[0].text
    other.blocks[index].inlines[0] = Text(text[:20])
    other.blocks.insert(index + 1, Paragraph(0, "para-4-p1", inlines=[Text(text[20:])]))
    assert compare(doc, other).differing == 2


def test_heading_level_kind_role_and_note_text_count():
    _, doc = documents()["S-2011-552"]
    other = copy.deepcopy(doc)
    next(b for b in other.blocks if isinstance(b, Heading) and b.kind == "section").level = 4
    next(b for b in other.blocks if isinstance(b, Paragraph) and b.role == "dedication").role = "front"
    other.footnotes[3].inlines = [Text("另一个注")]
    assert compare(doc, other).differing == 3


def test_white_space_and_the_form_of_a_chapter_number_do_not_count():
    _, doc = documents()["S-2011-552"]
    other = copy.deepcopy(doc)
    chapter = next(b for b in other.blocks if isinstance(b, Heading) and b.kind == "chapter")
    chapter.inlines = [Text(re.sub(r"^一\. ", "第一章 ", chapter.inlines[0].text))]
    other.blocks[-1].inlines = [Text(t.text.replace("，", " ， ")) if isinstance(t, Text) else t
                                for t in other.blocks[-1].inlines]
    assert compare(doc, other).identical


def _characters(text: str) -> Counter:
    return Counter(re.sub(r"\s", "", text))


@pytest.mark.parametrize("slug", SLUGS)
def test_every_style_prints_every_character_of_the_report(slug):
    """The typesetter adds furniture, marks and a table of contents, and loses nothing."""
    _, doc = documents()[slug]
    body = "".join(marked_text(getattr(b, "inlines", []), "plain")[0] for b in doc.blocks)
    notes = "".join(marked_text(n.inlines, "plain")[0] for n in doc.footnotes)
    want = _characters(re.sub(r"\d", "", body + notes))
    for name, style in named_styles()[:: 5]:
        got = _characters(re.sub(r"\d", "", typeset(doc, style, seed=1)))
        assert not want - got, name


def test_every_value_of_every_dimension_changes_the_text_and_the_seed_fixes_it():
    _, doc = documents()["A-72-115"]
    base = typeset(doc, Style(), seed=1)
    assert typeset(doc, Style(), seed=1) == base
    for name, values in DIMENSIONS.items():
        for value in values:
            if value != getattr(Style(), name):
                assert typeset(doc, dataclasses.replace(Style(), **{name: value}), seed=1) != base, (name, value)


def test_the_typesetter_keeps_latin_words_whole_and_closing_punctuation_off_a_line_start():
    _, doc = documents()["S-2011-552"]
    texts = [marked_text(b.inlines, "superscript")[0] for b in doc.blocks if isinstance(b, Paragraph)]
    for typesetter in (True, False):
        split = closing = 0
        for text in texts:
            spans = break_lines(text, 30, typesetter)
            for (_, end), (start, _) in zip(spans, spans[1:]):
                split += end == start and bool(re.match(r"[A-Za-z0-9]{2}", text[start - 1 : start + 1]))
                closing += text[start] in "。，、；：！？）》”"
        assert (split + closing == 0) == typesetter, typesetter


# ------------------------------------------------------------------ the layouts read back

# Every other value of every dimension on its own, each on one of the smaller reports in turn
# (A/70/95, the largest, is left to the whole corpus: scripts/layouts, or --slow).
SMALL = ["S-2011-552", "A-72-115", "S-2015-730", "S-2017-105"]
# A heading that fills its line exactly cannot be told from the first line of a heading that
# wraps on ("导言" after S/2017/105's annex title at 40 characters): known, kept in view.
AMBIGUOUS = {("paragraph_end=short", "S-2017-105"): "the annex title fills its line exactly, 导言 reads as its rest"}
SINGLE = [
    pytest.param(name, slug, marks=[pytest.mark.xfail(strict=True, reason=AMBIGUOUS[name, slug])]
                 if (name, slug) in AMBIGUOUS else [])
    for name, slug in ((name, SMALL[k % len(SMALL)]) for k, (name, _) in enumerate(named_styles()))
    if not name.startswith("drawn-")
]


def _read_back(layouts, slugs):
    entries = [e for e in load_catalog() if e.slug in slugs]
    return run(layouts, entries)


@pytest.mark.parametrize("name,slug", SINGLE)
def test_each_layout_dimension_reads_back_the_same_document(name, slug):
    layout = next(lay for lay in synthetic_layouts() if lay.name == name)
    [cell] = _read_back([layout], {slug})
    assert cell.mark == "=", cell.error or cell.comparison.first


@pytest.mark.slow
@pytest.mark.xfail(strict=True, reason="not yet: 142 of 195 identical, 3.5 % of blocks and notes differ (README, Layouts)")
def test_the_whole_synthetic_corpus_meets_the_targets():
    """Every report in every synthetic layout: at least 95 % identical, under 0.5 % of blocks
    and notes different, no conversion stopped (issue 13)."""
    result = summary(_read_back(synthetic_layouts(), set(SLUGS)))
    assert result["errors"] == 0, result
    assert result["identical_share"] >= 0.95 and result["differing_share"] < 0.005, result
