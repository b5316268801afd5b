"""Reader: a source text becomes a typed `Document` (see model.py).

Three readings, each in its own module: lines.py lifts furniture, tables of contents and
footnote definitions out of the text; blocks.py joins the remaining pieces into blocks;
structure.py gives each block its kind, level, role and id.
"""

from __future__ import annotations

from pathlib import Path

from ..errors import SourceError
from ..model import Document, Footnote, Meta
from .blocks import build_blocks
from .decode import decode_source
from .inlines import parse_inlines
from .lines import split_layout
from .structure import build_structure


def read_text(text: str, path: str, title: str | None = None) -> Document:
    layout = split_layout(text)
    if not layout.pieces:
        raise SourceError(path, 1, "no report text: only blank lines, furniture or notes")
    raw = build_blocks(layout.pieces, path)
    if all(block.kind in ("chapter", "section", "subsection", "heading") for block in raw):
        raise SourceError(path, raw[0].line, "no report text: only headings, nothing under them")
    meta = Meta(source=path, title=title or "")
    blocks = build_structure(raw, meta, title)
    seen: dict[str, int] = {}
    notes = []
    for note in layout.notes:
        if note.key in seen:
            raise SourceError(path, note.line, f"footnote {note.key} defined twice (first at line {seen[note.key]})")
        seen[note.key] = note.line
        notes.append(Footnote(note.key, parse_inlines(note.text), note.line, last_line=note.last_line))
    return Document(meta, blocks, notes, removed=layout.removed)


def read_file(path: str | Path, title: str | None = None) -> Document:
    path = str(path)
    try:
        data = Path(path).read_bytes()
    except OSError as exc:
        raise SourceError(path, 0, f"cannot read: {exc.strerror}") from None
    return read_text(decode_source(data, path), path, title)
