"""The PDF corpus itself: each report typeset as a UN-style PDF, every extractor's text of it.

Before the reader is judged on these texts, they must hold the whole report: every Han
character of the report's blocks and notes (and the masthead's 联合国, nothing else), as many
times as the report has it, whatever the extractor did to the lines.
"""

from __future__ import annotations

import re
from collections import Counter

import pytest
from corpus import documents
from layoutcorpus.pdf import EXTRACTORS, HOUSE_STYLES, extracted_text, layouts, report_html
from layoutcorpus.table import run
from relayout import marked_text

from unmd.catalog import load_catalog
from unmd.model import Entries, Item, Signature, Table, plain_text
from unmd.pipeline import read_report

HAN = re.compile(r"[\u3400-\u9fff]")
FAST = ["S-2015-730", "S-2017-105"]
SLOW = ["S-2011-552", "A-72-115", "A-70-95"]


def report_characters(doc) -> Counter:
    texts = []
    for block in doc.blocks:
        if isinstance(block, Entries):
            texts += [marked_text(e) for e in block.entries]
        elif isinstance(block, Table):
            texts += [block.caption or ""] + [cell for row in block.rows for cell in row]
        elif isinstance(block, Signature):
            texts += block.lines
        elif isinstance(block, Item):
            texts += [block.marker, marked_text(block.inlines)]
        else:
            texts.append(marked_text(block.inlines))
    texts += [marked_text(note.inlines) for note in doc.footnotes]
    return Counter(HAN.findall("".join(texts) + "联合国"))


def check_extraction(slug: str, extractor: str, style: str) -> None:
    _, doc = documents()[slug]
    text = extracted_text(doc, extractor, style)
    assert Counter(HAN.findall(text)) == report_characters(doc)


@pytest.mark.parametrize("style", HOUSE_STYLES)
@pytest.mark.parametrize("extractor", EXTRACTORS)
@pytest.mark.parametrize("slug", FAST)
def test_extracted_text_holds_the_whole_report(slug, extractor, style):
    check_extraction(slug, extractor, style)


@pytest.mark.slow
@pytest.mark.parametrize("style", HOUSE_STYLES)
@pytest.mark.parametrize("extractor", EXTRACTORS)
@pytest.mark.parametrize("slug", SLOW)
def test_extracted_text_holds_the_whole_report_all(slug, extractor, style):
    check_extraction(slug, extractor, style)


def test_masthead_and_notes_in_the_typeset_html():
    entry, doc = documents()["A-72-115"]
    markup = report_html(doc, entry.symbols[0], str(entry.date))
    assert markup.count('class="fn"') == len([n for n in doc.footnotes if not n.mark_lost])
    assert "联合国" in markup and "Distr.: General" in markup and 'data-symbol="A/72/115"' in markup


# The extractions that read back to exactly the original document; the rest of the table
# (scripts/layouts) is still to come. A pair that stops matching is a regression.
IDENTICAL = {("S-2015-730", "pdf-pdftotext-raw"), ("S-2015-730", "pdf-pypdf"), ("S-2015-730", "pdf-pdfminer"),
             ("S-2015-730", "pdf-pdftotext-layout"), ("S-2015-730", "pdf-pymupdf-sort"),
             ("S-2017-105", "pdf-pypdf-layout"), ("S-2017-105", "pdf-pymupdf-sort")}


def read_back(slugs: list[str]):
    return run(layouts(), [e for e in load_catalog() if e.slug in slugs])


def test_every_extraction_of_the_fast_reports_converts_and_the_known_ones_match():
    cells = read_back(FAST)
    assert [(c.slug, c.layout, c.error) for c in cells if c.error] == []
    assert IDENTICAL <= {(c.slug, c.layout) for c in cells if c.mark == "="}


@pytest.mark.slow
def test_every_extraction_of_every_report_converts():
    cells = read_back(FAST + SLOW)
    assert [(c.slug, c.layout, c.error) for c in cells if c.error] == []


@pytest.mark.parametrize("extractor", EXTRACTORS)
@pytest.mark.parametrize("slug", FAST)
def test_masthead_and_furniture_are_taken_out(slug, extractor, tmp_path):
    """Whatever the extractor did, the masthead and the page furniture are taken out on the
    record, not into the text."""
    entry = next(e for e in load_catalog() if e.slug == slug)
    path = tmp_path / "extracted.txt"
    path.write_text(extracted_text(documents()[slug][1], extractor), encoding="utf-8")
    again = read_report(path, entry)
    assert "job number" in {r.why for r in again.removed}
    assert any("联合国" in r.text for r in again.removed)
    assert not any("联合国" == plain_text(getattr(b, "inlines", [])) for b in again.blocks)
