"""Reader: a source text becomes a typed `Document` (see model.py).

Three readings, each in its own module: lines.py lifts furniture, tables of contents and
footnote definitions out of the text; blocks.py joins the remaining pieces into blocks;
structure.py gives each block its kind, level, role and id.
"""

from __future__ import annotations

from pathlib import Path

from ..errors import SourceError, SourceWarning
from ..model import Document, Footnote, Meta, Removed
from .blocks import BlockBuilder
from .decode import decode_source
from .extraction import read_extraction
from .inlines import parse_inlines
from .lines import Piece, settle_note_breaks, split_layout
from .masthead import read_masthead
from .shape import wrap_margin
from .roles import assign_roles
from .structure import build_structure


def read_text(text: str, path: str, title: str | None = None) -> Document:
    lines = text.split("\n")
    masthead = read_masthead(lines)
    for index in masthead.lines:  # read here, not as body text
        lines[index] = ""
    extraction = read_extraction("\n".join(lines))
    layout = split_layout(extraction.text, extraction.note_starts, extraction.furniture)
    if not layout.pieces:
        raise SourceError(path, 1, "no report text: only blank lines, furniture or notes")
    warnings: list[SourceWarning] = []
    builder = BlockBuilder(layout.pieces, warnings, layout.spacing, extraction.kept_layout)
    raw = builder.build()
    settle_note_breaks(layout.notes, layout.note_measure(), builder.exact, builder.whole_units)
    if all(block.kind in ("chapter", "section", "subsection", "heading") for block in raw):
        raise SourceError(path, raw[0].line, "no report text: only headings, nothing under them")
    meta = Meta(source=path, title=title or "", organs=masthead.organs, session=masthead.session,
                agenda=masthead.agenda, symbols=masthead.symbols, date=masthead.date,
                distribution=masthead.distribution, original_language=masthead.original_language)
    blocks = build_structure(raw, meta, title, masthead.header)
    removed = sorted([Removed(line, text, why) for why, line, text in masthead.furniture] + layout.removed,
                     key=lambda r: r.line)
    seen: dict[str, list[int]] = {}
    notes = []
    for note in layout.notes:
        lines = seen.setdefault(note.key, [])
        lines.append(note.line)
        copy = len(lines) if len(lines) > 1 else 0
        if copy:
            warnings.append(SourceWarning(note.line, f"footnote {note.key} defined again (first at line {lines[0]}): "
                                                     "this definition kept as a note on the document"))
        notes.append(Footnote(note.key, parse_inlines(note.text), note.line, last_line=note.last_line, copy=copy))
    notes = in_number_order(notes)
    assign_roles(blocks, notes)
    return Document(meta, blocks, notes, removed=removed, warnings=warnings, layout=describe_layout(layout.pieces))


def in_number_order(notes: list[Footnote]) -> list[Footnote]:
    """The numbered notes in the order of their numbers, the others where they stand: a
    typesetter that carried a note over to a later page printed the next ones before it."""
    places = [k for k, note in enumerate(notes) if note.key.isdigit()]
    ordered = sorted((notes[k] for k in places), key=lambda note: int(note.key))
    out = list(notes)
    for k, note in zip(places, ordered):
        out[k] = note
    return out


def describe_layout(pieces: list[Piece]) -> str:
    """The layout as measured (what blocks.py reads the pieces by), in words."""
    wrapped, margin = wrap_margin([piece.text for piece in pieces])
    blank = sum(piece.after_blank for piece in pieces) / len(pieces)
    indented = sum(piece.indent > 0 for piece in pieces) / len(pieces)
    shape = f"wrapped at {margin:g} Han characters" if wrapped else "one line per paragraph"
    return f"{shape}; {blank:.0%} of lines after a blank line, {indented:.0%} indented"


def read_file(path: str | Path, title: str | None = None) -> Document:
    path = str(path)
    try:
        data = Path(path).read_bytes()
    except OSError as exc:
        raise SourceError(path, 0, f"cannot read: {exc.strerror}") from None
    return read_text(decode_source(data, path), path, title)
