"""The typed document model that every stage shares.

The reader builds it from a source text, the passes (footnotes, symbols, abbreviations,
glossary) rewrite its inlines, and the writer turns it into Markdown. Keeping the report as
data between those stages is what lets each stage be small and tested on its own, as in
pandoc (reader -> AST -> writer).
"""

from __future__ import annotations

import re
from dataclasses import dataclass, field
from typing import Callable, Iterator, Union

from .errors import SourceWarning


# ---------------------------------------------------------------- inlines


@dataclass
class Text:
    text: str


@dataclass
class FootnoteRef:
    """A reference to a footnote definition; `key` is "1".."N" or "*", "**"."""

    key: str


@dataclass
class Emphasis:
    """Italic text the source marked with *...* (book and journal titles)."""

    children: list["Inline"]


@dataclass
class Strong:
    """Bold text the source marked with **...**."""

    children: list["Inline"]


@dataclass
class Link:
    """A link the passes added; `kind` says which pass: "symbol", "glossary", "url"."""

    href: str
    children: list["Inline"]
    kind: str
    title: str | None = None


@dataclass
class Abbr:
    """A short form the report defined itself, e.g. 欧安组织 for 欧洲安全与合作组织."""

    short: str
    full: str


Inline = Union[Text, FootnoteRef, Emphasis, Strong, Link, Abbr]


def plain_text(inlines: list[Inline], mark: Callable[[str], str] | None = None) -> str:
    """The text a reader sees, without footnote marks; with `mark`, each note reference is
    written as mark(key) (how an extractor or a comparison sees it)."""
    out: list[str] = []
    for node in inlines:
        if isinstance(node, Text):
            out.append(node.text)
        elif isinstance(node, (Emphasis, Strong, Link)):
            out.append(plain_text(node.children, mark))
        elif isinstance(node, Abbr):
            out.append(node.short)
        elif mark is not None:  # FootnoteRef
            out.append(mark(node.key))
    return "".join(out)


# ---------------------------------------------------------------- blocks


@dataclass
class Block:
    line: int  # 1-based line of the source text where the block starts
    id: str = ""


@dataclass
class Heading(Block):
    """`kind` is chapter (一.), section (A.), subsection (1. 政治居首), subheading (un-numbered),
    title (a part title such as a letter's or an annex's)."""

    level: int = 2
    kind: str = "subheading"
    number: str | None = None
    inlines: list[Inline] = field(default_factory=list)


@dataclass
class Paragraph(Block):
    """A paragraph; `number` is set for the report's numbered paragraphs.

    `role` says where an un-numbered paragraph belongs: body, summary, dedication, epigraph,
    attribution, letter, note, quote. `aliases` are ids it was published under before its
    place was read better (the page keeps them as anchors)."""

    number: int | None = None
    inlines: list[Inline] = field(default_factory=list)
    role: str = "body"
    aliases: list[str] = field(default_factory=list)


@dataclass
class Item(Block):
    """A lettered (a) or roman (i)/(一) sub-item; `label` is normalised to a, b, … or i, ii, …"""

    label: str = ""
    marker: str = ""  # as printed: "(a)", "(一)"
    depth: int = 1
    inlines: list[Inline] = field(default_factory=list)


@dataclass
class Gap(Block):
    """Where the source lost what the document's numbering says was there (`what`: paragraph,
    paragraph-start (its number and first lines; the rest follows), chapter or section; `missing`: their numbers as printed, 13, 14 / 二 / B), shown on the
    page as a marker with the id the first of them would have had."""

    what: str = "paragraph"
    missing: list[str] = field(default_factory=list)


@dataclass
class Signature(Block):
    """A signature block: titles and the name with (签名)."""

    lines: list[str] = field(default_factory=list)


@dataclass
class Entries(Block):
    """A run of short lines that are neither headings nor sentences, such as a member list."""

    entries: list[list[Inline]] = field(default_factory=list)


@dataclass
class Table(Block):
    rows: list[list[str]] = field(default_factory=list)
    caption: str | None = None


# Between the paragraphs of a note (the quoted paragraphs of an article, …规定：“1. … “2. …):
# the one line break its text may hold; the writers make paragraphs of what it separates.
NOTE_PARAGRAPH = "\n"


@dataclass
class Footnote:
    key: str  # "1".."N" or "*", "**"
    inlines: list[Inline]
    line: int
    id: str = ""
    mark_lost: bool = False  # the extractor dropped its mark from the text: kept as a document note
    text_lost: bool = False  # referenced, but the source has no definition: a marker stands for it
    copy: int = 0  # 2, 3, … for a second, third definition of the same mark (kept as document notes)
    refs: int = 0  # how many times the text references it
    last_line: int = 0  # a wrapped definition runs from `line` to here


@dataclass
class Removed:
    """A line the reader dropped on purpose (page furniture, table of contents)."""

    line: int
    text: str
    why: str


@dataclass
class Citation:
    """A paragraph (or note) of another corpus report that cites this one."""

    slug: str
    symbol: str
    title: str
    place_id: str
    place_label: str


@dataclass
class ReportFacts:
    """What the corpus-wide steps need of one converted report: the "cited by" lists, the
    glossary's where-used lists, the landing pages and the search words. Kept apart from the
    `Document` (unmd.pipeline.corpus_facts), so that a rebuild reads these few lines for each
    unchanged report instead of the whole report."""

    slug: str
    symbols: list[str]
    title: str
    paragraphs: int  # numbered paragraphs
    citations: list[tuple[str, str, str]]  # (symbol cited, place id citing it, its label), in order
    term_places: dict[str, list[tuple[str, str]]]  # glossary term id -> (place id, label) linking it
    abbreviations: dict[str, str]  # the short forms the report defines -> full names
    warnings: list[SourceWarning]  # what the reader worked around


@dataclass
class Meta:
    symbols: list[str] = field(default_factory=list)
    date: str | None = None
    kind: str | None = None
    kind_zh: str | None = None
    title: str = ""
    title_en: str | None = None
    subtitle: str | None = None
    organs: list[str] = field(default_factory=list)
    session: list[str] = field(default_factory=list)
    agenda: list[str] = field(default_factory=list)
    distribution: str | None = None  # Distr.: General
    original_language: str | None = None  # Original: English -> 英文
    source: str = ""


@dataclass
class Document:
    meta: Meta
    blocks: list[Block]
    footnotes: list[Footnote]
    removed: list[Removed] = field(default_factory=list)
    warnings: list[SourceWarning] = field(default_factory=list)
    layout: str = ""  # the layout the reader measured, as the conversion report names it
    # What the corpus passes add: the short forms the report defines (short -> full name)
    # and the corpus reports that cite this one.
    abbreviations: dict[str, str] = field(default_factory=dict)
    cited_by: list["Citation"] = field(default_factory=list)

    def paragraphs(self) -> Iterator[Paragraph]:
        return (b for b in self.blocks if isinstance(b, Paragraph))

    def numbered(self) -> list[Paragraph]:
        return [p for p in self.paragraphs() if p.number is not None]

    def inline_containers(self) -> Iterator[tuple[Block | Footnote, list[Inline]]]:
        """Every block or footnote that holds inlines, with its inline list (for the passes)."""
        for b in self.blocks:
            inl = getattr(b, "inlines", None)
            if inl is not None:
                yield b, inl
        for f in self.footnotes:
            yield f, f.inlines


_ITEM_ID = re.compile(r"para-(\d+)((?:-[a-z]+)+)")
PART_NAME_LENGTH = 10  # characters of a part's heading shown in a label


def place_labels(doc: Document) -> dict[str, str]:
    """How each place of the report is named in a list of links ("where used", "cited by"):
    12 for paragraph 12, 81(b) for a sub-item, 注 3 for a note, and for an un-numbered
    paragraph its part and rank in it (摘要 ¶2, 附件 ¶5, 卷首 ¶1 before the first part)."""
    labels: dict[str, str] = {}
    part, rank = "卷首", 0
    for block in doc.blocks:
        if isinstance(block, Heading) and block.level <= 2 and block.kind not in ("title", "subtitle"):
            text = plain_text(block.inlines).strip()
            part = text if len(text) <= PART_NAME_LENGTH else text[:PART_NAME_LENGTH] + "…"
            rank = 0
        elif isinstance(block, (Paragraph, Item)) and block.id:
            m = _ITEM_ID.fullmatch(block.id)
            if isinstance(block, Paragraph) and block.number is not None:
                labels[block.id] = str(block.number)
            elif m:
                labels[block.id] = m.group(1) + "".join(f"({letter})" for letter in m.group(2).split("-")[1:])
            else:
                rank += 1
                labels[block.id] = f"{part} ¶{rank}"
    for note in doc.footnotes:
        labels[note.id] = f"注 {note.key}"
    return labels
