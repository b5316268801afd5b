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
