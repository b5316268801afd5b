"""Re-lay a report out as another PDF extractor would: the same text, other damage.

The tests use it to prove the reader recovers the same document whatever the layout: another
wrap width with blank lines between pieces, indented paragraphs and centred headings,
plain-digit footnote marks with separator-and-block footnotes at page ends (after the line
of the last mark they hold), page furniture (running symbol, job number, undocs link) at
page breaks.
"""

from __future__ import annotations

import random
import re

from unmd.model import Document, Entries, FootnoteRef, Heading, Item, Paragraph, Signature, Table, plain_text
from unmd.reader.shape import line_width

FURNITURE = ["S/9999/1", "99-12345 (C) 3/14", "http://undocs.org/ch/S/9999/1"]


def marked_text(inlines) -> str:
    """Plain text with each footnote reference written as the extractor would: a plain mark."""
    return plain_text(inlines, mark=str)


def source_lines(block) -> tuple[str, list[str]]:
    """(indent, lines) of one block in the new layout, before wrapping."""
    if isinstance(block, Paragraph) and block.number is not None:
        return "", [f"{block.number}. {marked_text(block.inlines)}"]
    if isinstance(block, Item):
        return "", [f"{block.marker} {marked_text(block.inlines)}"]
    if isinstance(block, Heading):
        return "  ", [marked_text(block.inlines)]
    if isinstance(block, Paragraph):
        return " ", [marked_text(block.inlines)]
    if isinstance(block, Signature):
        return " ", list(block.lines)
    if isinstance(block, Entries):
        return "", [marked_text(e) for e in block.entries]
    if isinstance(block, Table):
        lines = ["  " + block.caption] if block.caption else []
        return "", lines + ["\t".join(r) for r in block.rows]
    raise TypeError(type(block).__name__)


_NO_LINE_START = set("。，、；：！？）》”’)]},.;:!?%")


def _wrap(text: str, width: int) -> list[str]:
    """Break a line where it would grow wider than `width` Han characters (Latin letters and
    digits take half the room), where a typesetter may: never inside a Latin word or number,
    never before closing punctuation, never after opening punctuation. The space a line
    breaks at is printed on neither line."""
    pieces, start = [], 0
    while True:
        cut, used = start, 0.0
        while cut < len(text) and used + line_width(text[cut]) <= width:
            used += line_width(text[cut])
            cut += 1
        if cut == len(text):
            break
        while cut > start + 1 and (
            text[cut] in _NO_LINE_START
            or text[cut - 1] in "“‘（(《"
            or (text[cut - 1].isascii() and text[cut - 1].isalnum() and text[cut].isascii() and text[cut].isalnum())
        ):
            cut -= 1
        pieces.append(text[start:cut].rstrip(" "))
        start = len(text) - len(text[cut:].lstrip(" "))  # the space at a break is not printed
    pieces.append(text[start:])
    return pieces


def _non_space(text: str) -> int:
    return len(re.sub(r"\s", "", text))


def line_of_last_mark(block, pieces: list[str]) -> int:
    """The index of the wrapped line that holds the block's last footnote mark: its notes
    are printed after that line (a page prints the notes of the marks on it)."""
    inlines = block.inlines
    before = _non_space(source_lines(block)[1][0]) - _non_space(marked_text(inlines))  # "12. ", "(a) "
    for index, node in enumerate(inlines):
        if isinstance(node, FootnoteRef):
            end = before + _non_space(marked_text(inlines[: index + 1]))
    seen = 0
    for number, piece in enumerate(pieces):
        seen += _non_space(piece)
        if seen >= end:
            return number
    return len(pieces) - 1


def _note_block(notes, keys: list[str], width: int) -> list[str]:
    out = ["__________________", ""]
    for key in keys:
        pieces = _wrap(marked_text(notes[key].inlines), width)
        out.append(f" {key} {pieces[0]}")
        for piece in pieces[1:]:
            out += ["", piece]
        out.append("")
    return out


def block_pieces(block, width: int, notes: dict) -> tuple[list[str], list[str]]:
    """The block's lines wrapped at `width`, and the keys of the notes in `notes` (those not
    printed yet) that it marks, in order."""
    indent, lines = source_lines(block)
    pieces = []
    for line in lines:
        if isinstance(block, (Table, Signature)):
            pieces.append(line)
        else:
            wrapped = _wrap(line, width)
            pieces += [indent + wrapped[0]] + wrapped[1:]
    keys = [r.key for r in getattr(block, "inlines", []) if isinstance(r, FootnoteRef)]
    return pieces, [k for k in dict.fromkeys(keys) if k in notes]


def relayout(doc: Document, width: int, seed: int = 0) -> str:
    """The document as a wrapped-layout extractor would print it."""
    rng = random.Random(seed)
    notes = {n.key: n for n in doc.footnotes}
    lost = [n.key for n in doc.footnotes if n.mark_lost]
    out: list[str] = []
    for index, block in enumerate(doc.blocks):
        pieces, keys = block_pieces(block, width, notes)
        page_break = rng.randrange(line_of_last_mark(block, pieces), len(pieces)) if keys else -1
        for number, piece in enumerate(pieces):
            out += [piece, ""]
            if number == page_break:
                out += _note_block(notes, keys, width)
                out += rng.sample(FURNITURE, 2) + [""]
                for key in keys:
                    notes.pop(key)
        if index == 0 and lost:
            out += _note_block(notes, lost, width)
    return "\n".join(out) + "\n"
