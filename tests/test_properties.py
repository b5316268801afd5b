"""Property-based tests of the reader (hypothesis): however an extractor lays a real report
out, the reader gives back the same paragraphs and loses no character.

The layout is drawn, not fixed: a page width per report and a slightly narrower width per
paragraph (justified text does not reach the margin exactly), the page break that carries a
paragraph's footnote block after any of its lines from the one that holds its last mark (a
page prints the notes of the marks on it) and a line of the page's furniture after the block,
and page furniture (running symbol, job number, undocs link) between any two lines of body
text. Without furniture after a note block, a note whose sentence ends on a full line and a
paragraph that goes on after the block can read either way (A/72/115 note 2 at page width
56); tests/test_reader_traps.py checks the reader's choice there on cases that are clear.
tests/relayout.py does the same with one fixed choice per width; here hypothesis makes the
choices, and a failure names them.
The default run draws the same 30 layouts every time (derandomized), so a red suite is a
change's doing, not the draw's; PROPERTY_EXAMPLES=500 in the environment draws 500 fresh ones
(a failure found so is then kept as a deterministic test below).
"""

from __future__ import annotations

import os
import re
from collections import Counter

from corpus import documents
from hypothesis import HealthCheck, Phase, given, settings
from hypothesis import strategies as st
from relayout import FURNITURE, _note_block, block_pieces, line_of_last_mark, marked_text
from test_relayout import signature

from unmd.model import Document, Entries, Signature, Table
from unmd.passes.footnotes import resolve_footnotes
from unmd.reader import read_text

SLUGS = sorted(documents())
# No shrinking: a failing layout is a whole report, and the labelled choices in the report of a
# failure (page width, notes after line, furniture) already say what went wrong.
PROPERTY_SETTINGS = settings(
    max_examples=int(os.environ.get("PROPERTY_EXAMPLES", "30")), deadline=None,
    derandomize="PROPERTY_EXAMPLES" not in os.environ,
    phases=[Phase.explicit, Phase.reuse, Phase.generate],
    suppress_health_check=[HealthCheck.too_slow, HealthCheck.data_too_large],
)


def characters(doc: Document) -> Counter:
    """Every non-space character of the report's body and notes, with its count."""
    texts = []
    for block in doc.blocks:
        if isinstance(block, Table):
            texts += [cell for row in block.rows for cell in row] + [block.caption or ""]
        elif isinstance(block, Signature):
            texts += block.lines
        elif isinstance(block, Entries):
            texts += [marked_text(entry) for entry in block.entries]
        else:
            texts.append(marked_text(block.inlines))
    texts += [marked_text(note.inlines) for note in doc.footnotes]
    return Counter(re.sub(r"\s", "", "".join(texts)))


class Layout:
    """A report as a drawn extractor laid it out; shown by its choices, not its 100 kB text."""

    def __init__(self, slug: str, text: str, choices: dict):
        self.slug, self.text, self.choices = slug, text, choices

    def __repr__(self) -> str:
        return f"Layout({self.slug}, {self.choices})"


@st.composite
def layouts(draw) -> Layout:
    """One report laid out by a drawn wrapped-layout extractor."""
    slug = draw(st.sampled_from(SLUGS))
    _, doc = documents()[slug]
    page_width = draw(st.integers(30, 72))
    narrower: dict[str, int] = {}  # block id: characters short of the page width
    breaks: dict[str, int] = {}  # block id: the line its notes follow
    notes = {n.key: n for n in doc.footnotes}
    lost = [n.key for n in doc.footnotes if n.mark_lost]
    out: list[str] = []
    body_lines: list[int] = []  # indexes in `out` just after a line of body text
    for index, block in enumerate(doc.blocks):
        narrower[block.id] = draw(st.integers(0, 1))
        pieces, keys = block_pieces(block, page_width - narrower[block.id], notes)
        page_break = -1
        if keys:
            page_break = breaks[block.id] = draw(st.integers(line_of_last_mark(block, pieces), len(pieces) - 1))
        for number, piece in enumerate(pieces):
            out += [piece, ""]
            body_lines.append(len(out))
            if number == page_break:
                out += _note_block(notes, keys, page_width) + [draw(st.sampled_from(FURNITURE)), ""]
                for key in keys:
                    notes.pop(key)
        if index == 0 and lost:
            out += _note_block(notes, lost, page_width)
    furniture = draw(st.dictionaries(st.sampled_from(body_lines), st.sampled_from(FURNITURE), max_size=6))
    for at in sorted(furniture, reverse=True):
        out[at:at] = [furniture[at], ""]
    choices = {
        "page width": page_width, "narrower": {k: v for k, v in narrower.items() if v},
        "notes after line": breaks, "furniture at output line": furniture,
    }
    return Layout(slug, "\n".join(out) + "\n", choices)


def read_back(layout: Layout) -> Document:
    entry, _ = documents()[layout.slug]
    return resolve_footnotes(read_text(layout.text, "relaid.txt", entry.title_zh))


@PROPERTY_SETTINGS
@given(layouts())
def test_paragraph_texts_do_not_change(layout):
    assert signature(read_back(layout)) == signature(documents()[layout.slug][1])


@PROPERTY_SETTINGS
@given(layouts())
def test_no_character_is_lost(layout):
    assert characters(read_back(layout)) == characters(documents()[layout.slug][1])


def test_a_call_wrapped_to_a_line_start_above_the_page_furniture_is_no_note():
    """S/2011/552 at 46 columns, a blank line after every line: the wrap puts para-17's plain
    call 11 at a line's start two lines above the running symbol, which looks like a foot of
    notes under no rule; but note 11 stands under the rule below, and a number stands once."""
    _, doc = documents()["S-2011-552"]
    notes = {n.key: n for n in doc.footnotes}
    lost = [n.key for n in doc.footnotes if n.mark_lost]
    out: list[str] = []
    for index, block in enumerate(doc.blocks):
        pieces, keys = block_pieces(block, 46, notes)
        for number, piece in enumerate(pieces):
            out += [piece, ""]
            if block.id == "para-17" and number and pieces[number - 1].startswith("11 "):
                out += ["S/9999/1", ""]
            if keys and number == len(pieces) - 1:
                out += _note_block(notes, keys, 47) + ["S/9999/1", ""]
                for key in keys:
                    notes.pop(key)
        if index == 0 and lost:
            out += _note_block(notes, lost, 47)
    layout = Layout("S-2011-552", "\n".join(out) + "\n", {})
    assert any(line.startswith("11 该部") for line in out)
    assert signature(read_back(layout)) == signature(doc)


def test_a_number_that_ends_a_line_before_han_text_is_a_full_line():
    """S/2017/105 at 52 columns, every other block a column narrower (justified text short
    of the margin), a blank line after every line, paragraphs opening indented: annex-1-h2-p3's
    line …发表了意见。90 stops where `90 多个` broke at its space, so it looks one Han character
    short of the margin, more than the document's other full lines, but that space took half of
    it: the paragraph goes on (it was cut after 90; hypothesis found it)."""
    _, doc = documents()["S-2017-105"]
    notes = {n.key: n for n in doc.footnotes}
    out: list[str] = []
    for index, block in enumerate(doc.blocks):
        pieces, _ = block_pieces(block, 51 if index % 2 or block.id == "annex-1-h2-p3" else 52, notes)
        for piece in pieces:
            out += [piece, ""]
    layout = Layout("S-2017-105", "\n".join(out) + "\n", {})
    assert any(line.endswith("意见。90") for line in out)
    assert signature(read_back(layout)) == signature(doc)
