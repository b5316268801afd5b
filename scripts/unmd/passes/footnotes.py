"""Footnote pass: turn footnote marks in the text into references to their definitions.

Superscript marks (¹⁰) and asterisks (*, **) are unambiguous. A plain digit glued to the text
(历史新高。1) is a reference only when a definition with that number exists, in sequence, and
the digit stands after the previous reference and before the definition: 只有 6 / 人为女性 is
a count, not note 6. A definition the text never references keeps its place as a note on the
document (its mark was lost by the extractor), as does a second definition of the same mark; a
reference without definition points to a note that says its text is lost. Each is a warning.
"""

from __future__ import annotations

import re

from ..errors import SourceWarning
from ..model import Document, Footnote, FootnoteRef, Heading, Inline, Text
from ..reader.shape import COUNT_UNITS, MARK_GLUED_AFTER, SUPERSCRIPT_VALUE

_SUPERSCRIPT = re.compile(r"[⁰¹²³⁴⁵⁶⁷⁸⁹]+")
_BRACKETED = re.compile(r"\[(\d{1,3})\]")  # 历史新高。[1]: a reference when note 1 is defined
_ASTERISKS = re.compile(r"(?<=[^\s*])(\*{1,3})(?![*A-Za-z0-9_])")  # 临时议程*项目 3: Han text may follow
_GLUED_DIGITS = re.compile(
    rf"(?<={MARK_GLUED_AFTER})(\d{{1,3}})"
    rf"(?=$|\s(?!\s*[\d{COUNT_UNITS}])|[\u3400-\u9fff。，、；：！？“（(])"
)


def _split_text(inlines: list[Inline], pattern: re.Pattern[str], key_of) -> list[Inline]:
    """Replace matches of `pattern` in Text nodes by FootnoteRef(key_of(match)) when not None."""
    out: list[Inline] = []
    for node in inlines:
        if not isinstance(node, Text):
            out.append(node)
            continue
        pos = 0
        for m in pattern.finditer(node.text):
            key = key_of(m)
            if key is None:
                continue
            if m.start() > pos:
                out.append(Text(node.text[pos : m.start()]))
            out.append(FootnoteRef(key))
            pos = m.end()
        if pos < len(node.text):
            out.append(Text(node.text[pos:]))
    return out


def resolve_footnotes(doc: Document) -> Document:
    notes = {note.key: note for note in doc.footnotes if not note.copy}
    containers = [(b.line, b) for b in doc.blocks if getattr(b, "inlines", None) is not None]

    def superscript_key(block):
        def key_of(m: re.Match[str]) -> str:
            key = "".join(SUPERSCRIPT_VALUE[c] for c in m.group(0))
            if key not in notes:
                doc.warnings.append(SourceWarning(block.line, f"footnote reference {m.group(0)} has no definition: "
                                                              "its note says that the source lost its text"))
                notes[key] = Footnote(key, [], block.line, text_lost=True)
                doc.footnotes.append(notes[key])
            return key
        return key_of

    def known_key(m: re.Match[str]) -> str | None:
        return m.group(1) if m.group(1) in notes else None

    for _, block in containers:
        block.inlines = _split_text(block.inlines, _SUPERSCRIPT, superscript_key(block))
        block.inlines = _split_text(block.inlines, _ASTERISKS, known_key)
        block.inlines = _split_text(block.inlines, _BRACKETED, known_key)

    referenced = {ref.key for _, b in containers for ref in b.inlines if isinstance(ref, FootnoteRef)}
    _resolve_plain_digits(doc, notes, referenced)

    _resolve_repeated_plain_digits(containers, notes)
    for _, block in containers:
        for node in block.inlines:
            if isinstance(node, FootnoteRef):
                notes[node.key].refs += 1
    for note in doc.footnotes:
        note.id = f"fn:{footnote_label(note.key)}" + (f"-{note.copy}" if note.copy else "")
        if note.refs == 0:
            note.mark_lost = True
            if not note.copy:  # a second definition was reported by the reader
                doc.warnings.append(SourceWarning(note.line, f"footnote {note.key} is never referenced: kept as a note on the document"))
    doc.warnings.sort(key=lambda warning: warning.line)
    return doc


def _resolve_plain_digits(doc: Document, notes: dict, referenced: set[str]) -> None:
    """Numbered notes without a superscript mark: find their glued digit, in sequence."""
    blocks = [b for b in doc.blocks if getattr(b, "inlines", None) is not None and not isinstance(b, Heading)]
    cursor = 0  # index into blocks where the previous reference was found
    numbered = sorted((int(k), n) for k, n in notes.items() if k.isdigit())
    for number, note in numbered:
        if str(number) in referenced:
            cursor = _block_of_ref(blocks, str(number), cursor)
            continue
        for index in range(cursor, len(blocks)):
            block = blocks[index]
            if block.line > note.line:
                break
            found = False

            def key_of(m: re.Match[str], number=number) -> str | None:
                nonlocal found
                rest = m.string[m.end() : m.end() + 1]
                if found or int(m.group(1)) != number or (rest and rest in COUNT_UNITS):
                    return None
                found = True
                return str(number)

            block.inlines = _split_text(block.inlines, _GLUED_DIGITS, key_of)
            if found:
                cursor = index
                break


_REPEATED = re.compile(
    rf"(?<={MARK_GLUED_AFTER})(\d{{1,3}})"
    rf"(?=$|\s(?!\s*[\d{COUNT_UNITS}])|[。，、；：！？(（])"
)
# Right after a full stop and before the next sentence's Han text (…需要14年。10与此相反…:
# pdftotext -raw drops the space after a call), no count stands: a number there is a call.
_REPEATED_AFTER_STOP = re.compile(rf"(?<=[。！？])(\d{{1,3}})(?=[\u3400-\u9fff])(?![{COUNT_UNITS}])")


def _resolve_repeated_plain_digits(containers, notes: dict) -> None:
    """A plain digit that repeats an earlier note's number is a repeated reference only when
    it stands apart (space, punctuation or the end follows), before a Han character only
    right after a full stop."""
    seen: set[str] = set()
    for _, block in containers:
        if isinstance(block, Heading):
            continue
        out = []
        for node in block.inlines:
            if isinstance(node, FootnoteRef):
                seen.add(node.key)
                out.append(node)
            elif isinstance(node, Text) and seen:
                def repeated(m: re.Match[str]) -> str | None:
                    return m.group(1) if m.group(1) in seen and m.group(1) in notes else None

                out += _split_text(_split_text([node], _REPEATED, repeated), _REPEATED_AFTER_STOP, repeated)
            else:
                out.append(node)
        block.inlines = out


def _block_of_ref(blocks: list, key: str, start: int) -> int:
    for index in range(start, len(blocks)):
        if any(isinstance(n, FootnoteRef) and n.key == key for n in blocks[index].inlines):
            return index
    return start


def footnote_label(key: str) -> str:
    """Markdown footnote label: 1 -> "1", * -> "star1", ** -> "star2" (ids fn:1, fn:star1)."""
    return key if key.isdigit() else f"star{len(key)}"


def note_anchor(note: Footnote) -> str:
    """The id of a note kept on the document (its mark lost): note-3, a second definition of
    the same mark note-3-2."""
    return f"note-{footnote_label(note.key)}" + (f"-{note.copy}" if note.copy else "")
