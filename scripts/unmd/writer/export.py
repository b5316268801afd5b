"""Writer: a `Document` as JSON, for readers who want the report as data.

The export has the report's metadata (as in its page's front matter), its headings, its
paragraphs and sub-items with the same ids as on the page (so `para-12` in the JSON is
`…/S-2011-552.html#para-12`), and its footnotes. Text is plain (`plain_text`: no links, no
footnote marks; each paragraph lists the notes it references instead). The zh-Hant export is
the zh-Hans one with every string converted like the pages, so both carry the same ids.
"""

from __future__ import annotations

import json

from .hant import convert_text
from ..model import Document, FootnoteRef, Gap, Heading, Inline, Item, Paragraph, plain_text
from ..passes.footnotes import footnote_label, note_anchor
from .markdown import HEADER_ROLES, LOST_NOTE_TEXT, document_metadata, gap_text

FORMAT = "unmd-report/1"


def _note_keys(inlines: list[Inline]) -> list[str]:
    """The labels of the footnotes a block references, in order, once each."""
    return list(dict.fromkeys(footnote_label(n.key) for n in inlines if isinstance(n, FootnoteRef)))


def _paragraph(block: Paragraph | Item) -> dict:
    entry: dict = {"id": block.id}
    if isinstance(block, Paragraph):
        entry.update(number=block.number, role=block.role)
    else:
        entry.update(label=block.label, marker=block.marker, depth=block.depth)
    entry["text"] = plain_text(block.inlines)
    entry["notes"] = _note_keys(block.inlines)
    return entry


def document_data(doc: Document) -> dict:
    """The zh-Hans export as a dict (see the module docstring)."""
    headings = [
        {"id": b.id, "level": b.level, "kind": b.kind, "number": b.number, "text": plain_text(b.inlines)}
        for b in doc.blocks
        if isinstance(b, Heading)
    ]
    paragraphs = [
        _paragraph(b)
        for b in doc.blocks
        if isinstance(b, Item) or (isinstance(b, Paragraph) and b.role not in HEADER_ROLES)
    ]
    footnotes = [
        {
            # A note whose mark the extractor lost is shown under the report header instead.
            "id": note_anchor(n) if n.mark_lost else f"fn:{footnote_label(n.key)}",
            "label": footnote_label(n.key),
            "mark": n.key,
            "text": LOST_NOTE_TEXT if n.text_lost else plain_text(n.inlines),
        }
        for n in doc.footnotes
    ]
    data = {
        "metadata": document_metadata(doc),
        "headings": headings,
        "paragraphs": paragraphs,
        "footnotes": footnotes,
    }
    gaps = [{"id": b.id, "what": b.what, "missing": b.missing, "text": gap_text(b)}
            for b in doc.blocks if isinstance(b, Gap)]
    if gaps:  # what the source lost, where it should be (reports without damage have none)
        data["gaps"] = gaps
    return data


def document_json(doc: Document, variant: str) -> str:
    """The JSON export of one report in `variant` ("zh-Hans" or "zh-Hant")."""
    if variant not in ("zh-Hans", "zh-Hant"):
        raise ValueError(f"document_json: unknown variant {variant!r}")
    data = {"format": FORMAT, "variant": variant, **document_data(doc)}
    text = json.dumps(data, ensure_ascii=False, indent=1) + "\n"
    # Keys, numbers, ids and the JSON syntax are ASCII, which OpenCC leaves as it is: converting
    # the whole text converts every string, in one call.
    return convert_text(text) if variant == "zh-Hant" else text
