"""The same report laid out by another extractor reads back to the same document."""

from __future__ import annotations

import re

import pytest
from corpus import documents
from relayout import marked_text, relayout

from unmd.model import Entries, FootnoteRef
from unmd.passes.footnotes import resolve_footnotes
from unmd.reader import read_text


def signature(doc):
    """(kind, id, text without spaces, footnote keys) per block; a list gives its entries."""
    out = []
    for block in doc.blocks:
        if isinstance(block, Entries):
            entries = tuple(re.sub(r"\s", "", marked_text(e)) for e in block.entries)
            out.append(("Entries", block.id, entries, []))
            continue
        inlines = getattr(block, "inlines", [])
        refs = [n.key for n in inlines if isinstance(n, FootnoteRef)]
        out.append((type(block).__name__, block.id, re.sub(r"\s", "", marked_text(inlines)), refs))
    return out


@pytest.mark.parametrize("width", [25, 30, 35, 45, 60, 70])
@pytest.mark.parametrize("slug", ["S-2011-552", "S-2015-730", "A-72-115", "A-70-95", "S-2017-105"])
def test_relaid_out_report_reads_back_the_same(slug, width, tmp_path):
    entry, doc = documents()[slug]
    text = relayout(doc, width, seed=width)
    again = resolve_footnotes(read_text(text, str(tmp_path / "relaid.txt"), entry.title_zh))
    assert signature(again) == signature(doc)
    assert [(n.key, n.refs) for n in again.footnotes] == [(n.key, n.refs) for n in doc.footnotes]
    assert [re.sub(r"\s", "", marked_text(n.inlines)) for n in again.footnotes] == [
        re.sub(r"\s", "", marked_text(n.inlines)) for n in doc.footnotes
    ]
