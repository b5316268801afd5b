"""Whether two readings are the same document: the same blocks (id, kind, heading level,
number, role, text, note references) and the same notes (key, references, text).

Text is compared without white space: where a line break fell between a Han character and a
number, the original spacing cannot be known from the new layout (README, "Reading"), and a
numbered heading without its number (一. 引言, 一、引言 and 第一章 引言 are one chapter).
Differences are counted over the two sequences aligned in order (difflib): a stretch that
differs counts as many blocks or notes as the longer side has, so a paragraph cut in two
counts 2 (the whole one, and the extra half), not every block after it.
"""

from __future__ import annotations

import difflib
import re
from dataclasses import dataclass

from unmd.model import Document, Entries, Gap, Heading, Signature, Table, plain_text

_SPACE = re.compile(r"\s+")
_HEADING_NUMBER = re.compile(r"^(?:第[一二三四五六七八九十]{1,3}章|[一二三四五六七八九十]{1,3}\s*[.．、]|[A-Z]\s*[.．]|\d{1,3}\s*[.．])\s*")


def _text(inlines) -> str:
    """The text with each note reference as ⟦key⟧, without white space."""
    return _SPACE.sub("", plain_text(inlines, mark=lambda key: f"⟦{key}⟧"))


def block_signature(block) -> tuple:
    if isinstance(block, Heading):
        text = _text(block.inlines)
        if block.kind in ("chapter", "section", "subsection"):
            text = _HEADING_NUMBER.sub("", text)
        return ("Heading", block.id, block.kind, block.level, block.number, text)
    if isinstance(block, Entries):
        return ("Entries", block.id, tuple(_text(e) for e in block.entries))
    if isinstance(block, Table):
        return ("Table", block.id, block.caption, tuple(tuple(_SPACE.sub("", c) for c in r) for r in block.rows))
    if isinstance(block, Signature):
        return ("Signature", block.id, tuple(_SPACE.sub("", line) for line in block.lines))
    if isinstance(block, Gap):
        return ("Gap", block.id, block.what, tuple(block.missing))
    return (type(block).__name__, block.id, getattr(block, "number", None), getattr(block, "role", None),
            getattr(block, "label", None), _text(block.inlines))


def note_signature(note) -> tuple:
    return (note.key, note.refs, _text(note.inlines))


def _unmatched(a: list, b: list) -> int:
    matcher = difflib.SequenceMatcher(None, a, b, autojunk=False)
    return sum(max(i2 - i1, j2 - j1) for tag, i1, i2, j1, j2 in matcher.get_opcodes() if tag != "equal")


@dataclass
class Comparison:
    units: int  # blocks and notes of the original
    differing: int  # blocks and notes that differ (see the module's docstring)
    first: str = ""  # the first difference, for a reader of the table

    @property
    def identical(self) -> bool:
        return self.differing == 0


def compare(original: Document, other: Document) -> Comparison:
    a = [block_signature(b) for b in original.blocks]
    b = [block_signature(x) for x in other.blocks]
    na = [note_signature(n) for n in original.footnotes]
    nb = [note_signature(n) for n in other.footnotes]
    differing = _unmatched(a, b) + _unmatched(na, nb)
    first = ""
    for left, right in ((a, b), (na, nb)):
        matcher = difflib.SequenceMatcher(None, left, right, autojunk=False)
        for tag, i1, i2, j1, j2 in matcher.get_opcodes():
            if tag != "equal":
                first = f"{left[i1:i1 + 1] or '-'} -> {right[j1:j1 + 1] or '-'}"
                break
        if first:
            break
    return Comparison(len(a) + len(na), differing, first)
