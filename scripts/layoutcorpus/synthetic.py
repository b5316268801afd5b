"""Synthetic relayouts: a report typeset again in pages, as other typesetters and extractors
print it, each layout dimension drawn on its own (`Style`).

What varies: the measure (30 to 48 Han characters; a Latin letter or digit takes half the
room), blank lines after every line or not, how a paragraph's end shows (a blank line, the
next paragraph's indented first line, or only the short last line), headings flush or
centred, note marks (superscript, plain digits glued to the text, bracketed), the note block
at a page's foot (after a ____ rule or not, indented or not, continuation lines indented or
not, a note cut by the page end and continued atop the next page's notes), the page furniture each
page end prints (the report's own symbol, a job number with dates, a barcode, a page number,
`Distr.: General`, an undocs footer link), where pages break (anywhere, so inside a paragraph,
or only between blocks), a table of contents (dot leaders, 段次/页次 columns, numbers run
together), how paragraph numbers (12. 12． 12 .) and chapters (一. 一、 第一章) are written,
and whether the line breaker is a typesetter's (a Latin word or number stays whole, closing
punctuation never starts a line) or cuts at the measure whatever it cuts.

Everything is seeded by the layout's name and the report: the same corpus every run.
"""

from __future__ import annotations

import dataclasses
import random
import zlib
from dataclasses import dataclass

from unmd.model import (NOTE_PARAGRAPH, Document, Entries, Footnote, FootnoteRef, Heading, Item, Paragraph,
                        Signature, Table, Text)
from unmd.reader.shape import CHAPTER, chinese_numeral, line_width

from . import Layout

SUPERSCRIPTS = "⁰¹²³⁴⁵⁶⁷⁸⁹"
FOOTER = ("job", "barcode", "page", "page-of", "undocs")  # printed at a page's foot, in this order
HEADER = ("symbol", "distr")  # printed at the top of the next page


@dataclass(frozen=True)
class Style:
    width: int = 40  # Han characters a full line holds
    blank_lines: bool = False  # a blank line after every line
    paragraph_end: str = "blank"  # blank (line between blocks) | indent (first line) | short (nothing)
    headings: str = "flush"  # flush | centred
    marks: str = "superscript"  # superscript | plain | bracket
    note_rule: bool = True  # a ____ rule above the notes
    note_indent: bool = False  # a note's first line indented
    note_hang: bool = False  # a note's continuation lines indented under its text
    split_notes: bool = False  # the page's last note cut after its first line, the rest atop the next page's notes
    furniture: tuple[str, ...] = ("symbol", "job")
    page_lines: int = 42  # body lines a page holds
    page_breaks: str = "anywhere"  # anywhere | blocks
    toc: str = ""  # "" (none) | dots | columns | run-together
    paragraph_numbers: str = "{}. "
    chapters: str = "{}. "
    typesetter: bool = True  # Latin words and numbers whole, closing punctuation off line starts


DIMENSIONS: dict[str, list] = {
    "width": [30, 34, 40, 44, 48],
    "blank_lines": [False, True],
    "paragraph_end": ["blank", "indent", "short"],
    "headings": ["flush", "centred"],
    "marks": ["superscript", "plain", "bracket"],
    "note_rule": [True, False],
    "note_indent": [False, True],
    "note_hang": [False, True],
    "split_notes": [False, True],
    "furniture": [("symbol", "job"), ("job", "barcode", "symbol"), ("page-of", "undocs", "symbol"),
                  ("job", "page", "symbol", "distr")],
    "page_breaks": ["anywhere", "blocks"],
    "toc": ["", "dots", "columns", "run-together"],
    "paragraph_numbers": ["{}. ", "{}．", "{} . "],
    "chapters": ["{}. ", "{}、", "第{}章 "],
    "typesetter": [True, False],
}


# ------------------------------------------------------------------ text of a block

def _mark(key: str, marks: str) -> str:
    if not key.isdigit():
        return key  # asterisk notes keep their asterisks
    if marks == "superscript":
        return "".join(SUPERSCRIPTS[int(d)] for d in key)
    return f"[{key}]" if marks == "bracket" else key


def marked_text(inlines, marks: str = "plain") -> tuple[str, list[tuple[int, str]]]:
    """The text as printed, with each note reference written as a mark of the style, and the
    (offset, key) of each reference in it."""
    out: list[str] = []
    refs: list[tuple[int, str]] = []

    def walk(nodes) -> None:
        for node in nodes:
            if isinstance(node, Text):
                out.append(node.text)
            elif isinstance(node, FootnoteRef):
                refs.append((sum(map(len, out)), node.key))
                out.append(_mark(node.key, marks))
            elif hasattr(node, "children"):
                walk(node.children)
            else:  # Abbr
                out.append(node.short)

    walk(inlines)
    return "".join(out), refs


def block_lines(block, style: Style) -> tuple[str, list[tuple[str, list[tuple[int, str]]]]]:
    """What a block prints: its kind of line (heading, paragraph, row) and its logical lines,
    each with its note references, before the line breaker."""
    if isinstance(block, Table):
        caption = [(block.caption, [])] if block.caption else []
        return "row", caption + [("\t".join(row), []) for row in block.rows]
    if isinstance(block, Signature):
        return "row", [(line, []) for line in block.lines]
    if isinstance(block, Entries):
        return "row", [marked_text(e, style.marks) for e in block.entries]
    text, refs = marked_text(block.inlines, style.marks)
    prefix = ""
    if isinstance(block, Heading):
        if block.kind == "chapter":
            m = CHAPTER.match(text)
            number = chinese_numeral(int(block.number))
            cut = m.start(2) if m else 0
            text, refs = text[cut:], [(at - cut, key) for at, key in refs]
            prefix = style.chapters.format(number)
        kind = "heading"
    else:
        kind = "paragraph"
        if isinstance(block, Paragraph) and block.number is not None:
            prefix = style.paragraph_numbers.format(block.number)
        elif isinstance(block, Item):
            prefix = f"{block.marker} "
    return kind, [(prefix + text, [(at + len(prefix), key) for at, key in refs])]


# ------------------------------------------------------------------ line breaking

_NO_LINE_START = set("。，、；：！？）》”’)]},.;:!?%⁰¹²³⁴⁵⁶⁷⁸⁹")
_NO_LINE_END = set("“‘（(《[")
_BRACKETED_CALL_START = {f"[{d}" for d in "0123456789"}  # a note call stays with the text it follows


def _whole(text: str, cut: int) -> bool:
    """Whether a typesetter may break `text` before index `cut`."""
    before, after = text[cut - 1], text[cut]
    if after in _NO_LINE_START or before in _NO_LINE_END or text[cut : cut + 2] in _BRACKETED_CALL_START:
        return False
    return not (before.isascii() and before.isalnum() and after.isascii() and (after.isalnum() or after in "[*"))


def break_lines(text: str, width: float, typesetter: bool, first_indent: float = 0) -> list[tuple[int, int]]:
    """(start, end) of each printed line of `text` at a measure of `width` Han characters, the
    first line indented by `first_indent` of them. A typesetter breaks where `_whole` allows; a
    naive breaker cuts at the measure. The space a line breaks at is printed on neither line."""
    spans, start = [], 0
    while start < len(text):
        cut, used = start, 0.0 if spans else first_indent
        while cut < len(text) and used + line_width(text[cut]) <= width:
            used += line_width(text[cut])
            cut += 1
        if cut < len(text) and typesetter:
            back = cut
            while back > start + 1 and not _whole(text, back):
                back -= 1
            cut = back if back > start + 1 else cut
        end = cut
        while end > start and text[end - 1] == " ":
            end -= 1
        spans.append((start, end))
        start = cut
        while start < len(text) and text[start] == " ":
            start += 1
    return spans or [(0, 0)]


# ------------------------------------------------------------------ pages

@dataclass
class Line:
    text: str
    refs: list[str]
    block: int  # index of its block
    last: bool  # the block's last line


class Typesetter:
    def __init__(self, doc: Document, style: Style, seed: int):
        self.doc, self.style = doc, style
        self.rng = random.Random(seed)
        self.notes = {n.key: n for n in doc.footnotes}
        self.printed: set[str] = set()
        self.carried: list[str] = []  # the lines of a note that the page end cut, for the next page
        self.out: list[str] = []
        self.page = 1
        symbol = doc.meta.symbols[0] if doc.meta.symbols else "S/2099/1"
        year = (doc.meta.date or "2099")[2:4]
        job = self.rng.randrange(10000, 99999)
        day = self.rng.randrange(10, 28)
        month = (doc.meta.date or "2099-01")[5:7]
        self.furniture_text = {
            "symbol": symbol,
            "distr": "Distr.: General",
            "job": f"{year}-{job} (C)    {day}{month}{year}    {day + 1}{month}{year}",
            "barcode": f"*{year}{job}*",
            "undocs": f"http://undocs.org/ch/{symbol}",
        }

    def emit(self, text: str) -> None:
        self.out.append(text)
        if self.style.blank_lines:
            self.out.append("")

    def blank(self) -> None:
        if not self.style.blank_lines and self.out and self.out[-1] != "":
            self.out.append("")

    # ---------------------------------------------------------- notes and furniture

    def note_lines(self, note: Footnote) -> list[str]:
        s = self.style
        text, _ = marked_text(note.inlines, s.marks)
        mark = _mark(note.key, s.marks)
        indent = "  " if s.note_indent else ""
        hang = " " * (len(mark) + 1) if s.note_hang else ""
        # Each of a note's paragraphs starts a line, as a typesetter prints it (wrapped as one
        # text, a paragraph's first line was only what the line before left of the measure).
        lines = [paragraph[a:b] for paragraph in f"{mark} {text}".split(NOTE_PARAGRAPH)
                 for a, b in break_lines(paragraph, s.width - 1, s.typesetter)]
        return [(indent if i == 0 else hang) + line for i, line in enumerate(lines)]

    def page_end(self, keys: list[str], final: bool) -> None:
        s = self.style
        keys = [k for k in dict.fromkeys(keys) if k in self.notes and k not in self.printed]
        if self.page == 1:
            keys = [n.key for n in self.doc.footnotes if n.mark_lost] + keys
        carried, self.carried = self.carried, []
        if keys or carried:
            self.blank()
            if s.note_rule:
                self.emit("__________________")
                self.blank()
            for line in carried:  # a note the page before cut: its rest heads this page's notes
                self.emit(line)
            for number, key in enumerate(keys):
                lines = self.note_lines(self.notes[key])
                if s.split_notes and number == len(keys) - 1 and len(lines) > 1 and not final:
                    lines, self.carried = lines[:1], lines[1:]
                for line in lines:
                    self.emit(line)
                self.printed.add(key)
        footer = [name for name in s.furniture if name in FOOTER]
        header = [name for name in s.furniture if name in HEADER]
        self.blank()
        for name in footer:
            self.emit(self.furniture(name))
        if not final:
            self.page += 1
            self.blank()
            for name in header:
                self.emit(self.furniture(name))
            self.blank()

    def furniture(self, name: str) -> str:
        if name == "page":
            return str(self.page)
        if name == "page-of":
            return f"{self.page}/{self.page + 20}"
        return self.furniture_text[name]

    # ---------------------------------------------------------- body

    def lines_of(self, index: int, block) -> list[Line]:
        s = self.style
        kind, logical = block_lines(block, s)
        out: list[Line] = []
        for text, refs in logical:
            if kind == "row":
                out.append(Line(text, [k for _, k in refs], index, False))
                continue
            centred = kind == "heading" and s.headings == "centred"
            first = "　　" if kind == "paragraph" and s.paragraph_end == "indent" else ""
            room = s.width * (0.8 if centred else 1)
            for number, (a, b) in enumerate(break_lines(text, room, s.typesetter, line_width(first))):
                keys = [k for at, k in refs if a <= at < b]
                piece = text[a:b]
                if centred:  # half the free room on the left, and a space is half a Han character
                    indent = " " * max(1, int(s.width - line_width(piece)))
                else:
                    indent = first if number == 0 else ""
                out.append(Line(indent + piece, keys, index, False))
        out[-1].last = True
        return out

    def toc(self) -> list[str]:
        """The table of contents of the chapters and sections, in the style's form."""
        rows, paragraph = [], {}
        chapter = None
        for block in self.doc.blocks:
            if isinstance(block, Heading) and block.kind in ("chapter", "section"):
                kind, logical = block_lines(block, self.style)
                chapter = logical[0][0]
                rows.append(chapter)
                paragraph[chapter] = []
            elif isinstance(block, Paragraph) and block.number is not None and chapter:
                paragraph[chapter].append(block.number)
        if not rows:
            return []
        out = ["目录"]
        out.append("页次" if self.style.toc == "dots" else "段次　页次")
        for page, row in enumerate(rows, 3):
            numbers = paragraph[row]
            span = f"{numbers[0]}-{numbers[-1]}" if numbers else ""
            if self.style.toc == "dots":
                out.append(f"{row} {'.' * max(3, int(2 * (self.style.width - line_width(row))) - 6)} {page}")
            elif self.style.toc == "columns":
                out.append(f"{row}    {span}    {page}".replace("        ", "    "))
            else:
                out.append(f"{row}{span}{page}")
        return out

    def typeset(self) -> str:
        s = self.style
        lines = [line for index, block in enumerate(self.doc.blocks) for line in self.lines_of(index, block)]
        first_chapter = next((i for i, b in enumerate(self.doc.blocks)
                              if isinstance(b, Heading) and b.kind == "chapter"), None)
        for name in (n for n in s.furniture if n in HEADER):
            self.emit(self.furniture(name))
        on_page, keys = 0, []
        for number, line in enumerate(lines):
            if s.toc and line.block == first_chapter and (number == 0 or lines[number - 1].block != first_chapter):
                for row in self.toc():
                    self.emit(row)
                self.blank()
            self.emit(line.text)
            keys += line.refs
            on_page += 1
            if line.last and s.paragraph_end == "blank":
                self.blank()
            full = on_page >= s.page_lines and (s.page_breaks == "anywhere" or line.last)
            if full and number + 1 < len(lines):
                self.page_end(keys, final=False)
                on_page, keys = 0, []
        self.page_end(keys, final=True)
        return "\n".join(self.out).rstrip("\n") + "\n"


def typeset(doc: Document, style: Style, seed: int = 0) -> str:
    """The report as the style prints it (pages, notes at their foot, furniture)."""
    return Typesetter(doc, style, seed).typeset()


def _seed(name: str, doc: Document) -> int:
    return zlib.crc32(f"{name}/{doc.meta.symbols}".encode())


def drawn_style(rng: random.Random) -> Style:
    """A style with every dimension drawn on its own."""
    return Style(**{name: rng.choice(values) for name, values in DIMENSIONS.items()})


def value_label(value) -> str:
    label = "+".join(value) if isinstance(value, tuple) else str(value)
    return label.replace("{}", "N").strip() or "none"


def named_styles(samples: int = 12) -> list[tuple[str, Style]]:
    """The base style, each other value of each dimension on its own, and `samples` styles with
    every dimension drawn."""
    base = Style()
    out = [("base", base)]
    for name, values in DIMENSIONS.items():
        out += [(f"{name}={value_label(value)}", dataclasses.replace(base, **{name: value}))
                for value in values if value != getattr(base, name)]
    rng = random.Random(13)
    return out + [(f"drawn-{k + 1}", drawn_style(rng)) for k in range(samples)]


def differences_from_base(style: Style) -> str:
    """The style's dimensions that are not the base's, as name=value (a drawn layout's legend)."""
    base = Style()
    return " ".join(f"{f.name}={value_label(getattr(style, f.name))}" for f in dataclasses.fields(Style)
                    if getattr(style, f.name) != getattr(base, f.name))


def layout_of(name: str, style: Style) -> Layout:
    return Layout(name, lambda doc, source: typeset(doc, style, _seed(name, doc)))


def layouts(samples: int = 12) -> list[Layout]:
    return [layout_of(name, style) for name, style in named_styles(samples)]


def fresh_draws(seed: int, count: int) -> list[tuple[str, Style]]:
    """`count` styles drawn from another seed than the table's: layouts no rule was tuned on, so
    the share of them read back exactly estimates how the reader does on layouts it has never seen."""
    rng = random.Random(seed)
    return [(f"seed{seed}-{k + 1}", drawn_style(rng)) for k in range(count)]
