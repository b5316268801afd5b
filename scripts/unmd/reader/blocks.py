"""Second reading: join body pieces into blocks and recognise what each block is.

Two layouts occur. In the *line* layout one line is one paragraph and a page break leaves a
paragraph in two pieces; in the *wrapped* layout every ~40 characters end a line and blank
lines separate the pieces of one paragraph. The same rules serve both: a piece that does not
end a sentence is continued by the next one; a structural start (chapter, section, numbered
paragraph in sequence, item, signature, table row) always opens a new block; the rest depends
on the layout, which is measured, not assumed. In the wrapped layout the margin tells a line
the wrap cut (the next word did not fit) from one the text ended: what the wrap put at a line
start inside a sentence (二、…, (a) 至 (d) 段) is text, and a line that filled the margin is
not a heading.
"""

from __future__ import annotations

import itertools
import re
import statistics
from dataclasses import dataclass, field, replace

from ..errors import SourceWarning
from .lines import BLANK_AFTER_EVERY_LINE, Piece
from .shape import (
    CLOSERS,
    COUNT_UNITS,
    CHAPTER,
    CHAPTER_ALONE,
    ANNEX_LINE,
    DRAFT_LINE,
    DEDICATION,
    GLUED,
    HEADING_WIDTH,
    ITEM,
    KIND_LINE,
    LETTER,
    NUMBERED,
    NumberSpacing,
    announced_count,
    SECTION,
    SIGNATURE_END,
    break_room,
    breaks_anywhere,
    chinese_number,
    chinese_numeral,
    cut_inside_run,
    default_slack,
    ends_sentence,
    ends_with_call,
    fills_line,
    fills_measure,
    heading_goes_on,
    heading_like,
    inline_item_marker,
    is_table_row,
    item_parts,
    join_text,
    line_width,
    measured_slack,
    measures,
    next_labels,
    quotes_allowance,
    room_left,
    width_slack,
    roman_value,
    wrap_is_exact,
    wrap_margin,
)


@dataclass
class RawBlock:
    """A run of joined pieces and what the reader recognised it as.

    kind: chapter, section, subsection, numbered, item, signature, table, heading, text."""

    kind: str
    line: int
    text: str
    first_piece: int
    number: int | None = None  # chapter / subsection / paragraph number
    label: str = ""  # section letter, item label (a, b / i, ii), item marker as printed
    marker: str = ""
    depth: int = 1
    rows: list[str] = field(default_factory=list)
    pieces: int = 1
    last_glued: bool = False  # the last piece followed the one before without a blank line
    last_width: float = 0  # width of the last joined piece (a full-width heading line wraps on)
    runs_on: bool = False  # a heading joined across a line end that could not end it: may pass HEADING_WIDTH
    missing: list[str] = field(default_factory=list)  # what the numbering skipped before this block
    resumed: tuple[int, int] | None = None  # (text offset, piece) where a sentence began on a new line
    line_starts: list[int] = field(default_factory=list)  # text offsets where a joined piece (a line) began

    @property
    def closed(self) -> bool:
        """Headings, signatures and tables never take a continuation."""
        return self.kind in ("chapter", "section", "subsection", "heading", "signature", "table")


@dataclass
class Numbering:
    """Where the document's numbering stands: what may come next."""

    chapter: int = 0
    section: str = ""
    subsection: int = 0
    paragraph: int = 0
    letter: str = ""
    sub_item: int = 0
    in_chapter: bool = False
    # Under an annex or draft resolution heading (附件, 决议草案一), the last number of its own
    # paragraphs (1., 2. … again, apart from the report's), and whether it is a draft resolution.
    own: int | None = None
    in_draft: bool = False

    def next_section(self) -> str:
        return chr(ord(self.section) + 1) if self.section else "A"


# How far a chapter or section number may jump and still be read as the next one, a lost
# heading between them (三. after 一.; C. after A.); further on it is text that looks numbered.
HEADING_JUMP = 3
# How far on a repeated paragraph number looks for the next one (17, 18, 18, 20: the second
# 18 is 19 misprinted).
_REPEAT_LOOKAHEAD = 400


def _span(missing: list[str]) -> str:
    return missing[0] if len(missing) == 1 else f"{missing[0]}–{missing[-1]}"


# A numbered paragraph or item: its number or marker, then the text of its first line.
_HANGING = re.compile(rf"^(?:\d{{1,4}}\s*[.．]|(?:[-–•·]\s*)?[(（](?:[a-z]|[ivx]{{1,5}}|[一二三四五六七八九十]{{1,3}})[)）])\s*(\S.*)$")

# Between these shares of lines that follow a blank line, a blank line ends a block: the
# layout leaves one between blocks, neither after every line nor (almost) never.
BLANK_ENDS_SHARE = (0.04, BLANK_AFTER_EVERY_LINE)


def blank_share(pieces: list[Piece]) -> float:
    """The share of body lines that a blank line separates from the line before on the same
    page (a page break says nothing about the layout)."""
    within = [p for p in pieces[1:] if not p.after_break]
    return sum(p.after_blank for p in within) / len(within) if within else 1.0


# A layout whose paragraphs open with an indented first line (one to four Han characters of
# indentation) on at least this share of its lines, nearly all after a line that ended its
# text: there an indented line opens a block, blank line before it or not.
INDENT_WIDTH = (1, 4)
INDENT_OPENS_SHARE = 0.05
INDENT_AFTER_END_SHARE = 0.9
# A first-line indent that the extractor did not print (PyMuPDF, pdftotext without -layout):
# two Han characters, give or take half of one; measured where this many paragraphs that surely
# open show it, and most of them alike (BlockBuilder.measured_lost_indent).
LOST_INDENT = (1.5, 2.5)
LOST_INDENT_LEAST = 3
LOST_INDENT_SHARE = 0.6

# pdftotext prints one justified line in up to three parts (…并在 / 2015 / 年继续…, a Latin
# name cut apart: …Nyakhat / Pal / 是一名…), four where Latin names leave wide gaps (…人员 /
# Bela / Kapur、Tamara / Al-Zayyat、); more parts are more likely lines of their own, and so is
# a fourth where a blank line follows every line (pdfminer: a list of names, one a line).
LINE_PARTS = 3


def latin_gap(left: str, right: str) -> bool:
    """Whether pdftotext may have printed a line apart between `left` and `right`: at a gap
    beside a number or a Latin word (…并在 / 2015, P-2 / 职等为 / 41%，…)."""
    return left[-1:].isascii() or right[:1].isascii()


class BlockBuilder:
    """The blocks of the pieces (`build`); what the numbering had to work around is added to
    `warnings`. `kept_layout`: the text keeps the page's geometry (reader.extraction). What it
    measured of the layout stays readable (`whole_units`: the notes were wrapped alike)."""

    def __init__(self, pieces: list[Piece], warnings: list[SourceWarning], spacing: NumberSpacing = GLUED,
                 kept_layout: bool = False):
        self.pieces = pieces
        self.warnings = warnings
        self.spacing = spacing
        self.wrapped, self.width = wrap_margin([p.text for p in pieces])
        self.measures = measures([p.text for p in pieces], self.width) if self.wrapped else []
        # Where the page shows its measures, they say where a block ends, not the blank lines an
        # extractor left around the parts of a line it printed apart.
        some_blank = BLANK_ENDS_SHARE[0] <= blank_share(pieces) < BLANK_ENDS_SHARE[1]
        self.blank_ends = self.wrapped and not self.measures and some_blank
        # An extractor that kept the page's geometry prints a line whole, and a blank line only
        # where the page leaves a gap: between blocks (the measures judge the lines between).
        self.gap_ends = self.wrapped and kept_layout and some_blank
        self.numbering = Numbering()
        self.blocks: list[RawBlock] = []
        self.heading_slack = measured_slack(self.cut_rooms(), self.width)
        surely_cut = [(p.text, q.text, p.lead) for p, q in zip(pieces, pieces[1:])
                      if not (q.after_break or q.indent or ends_sentence(p.text) or self.structural_shape(q.text))]
        self.exact = self.wrapped and wrap_is_exact(surely_cut, self.width)
        self.whole_units = not (self.exact and breaks_anywhere(surely_cut))
        self.glued: set[int] = set()
        self.first_measures: dict[int, float] = {}  # first piece of a hanging block -> its column's measure
        # An extractor that kept the page's geometry prints a line whole: it has no parts.
        # A blank line around a short part tells the parts of a line printed apart only where
        # the extractor leaves no blank line after every line.
        self.parts_apart = (self.wrapped and not kept_layout and not self.exact
                            and blank_share(pieces) < BLANK_ENDS_SHARE[1])
        if self.blank_ends and self.parts_apart:
            self.pieces = self.glue_parts_printed_apart()
        self.indent_opens = self.wrapped and self.paragraphs_open_indented()
        self.lost_indent = self.measured_lost_indent() if self.wrapped and not self.indent_opens else 0
        self.centred_measure = max((line_width(p.text) for p in pieces if self.centred(p)), default=self.width)

    def cut_rooms(self) -> list[float]:
        """The room (`break_room`) of each line that the wrap surely cut: a line of the text's
        width that ends no sentence, and the next goes on with it flush left on the same page
        (after no blank line, where blank lines end blocks)."""
        return [break_room(p.text, q.text, self.width) for p, q in zip(self.pieces, self.pieces[1:])
                if not (q.after_break or (self.blank_ends and q.after_blank) or q.indent or ends_sentence(p.text)
                        or self.structural_shape(q.text)) and line_width(p.text) >= 0.6 * self.width]

    # ---------------------------------------------------------- structure

    def structural(self, index: int) -> RawBlock | None:
        """The block a piece opens when it is a structural start, else None."""
        piece = self.pieces[index]
        text, n = piece.text, self.numbering
        # A number or marker that the wrap put at a line start inside a sentence is text; a
        # paragraph number in sequence is trusted all the same.
        in_sentence = self.inside_sentence(index)
        if SIGNATURE_END.search(text) and len(text) <= 40:
            return RawBlock("signature", piece.line, text, index)
        if is_table_row(text):
            return RawBlock("table", piece.line, text, index, rows=[text])
        m = None if in_sentence else CHAPTER.match(text)
        value = chinese_number(m.group(1)) if m and heading_like(m.group(2), 40) else None
        if value is None and not in_sentence and (m := CHAPTER_ALONE.match(text)) and self.title_below(index):
            value = chinese_number(m.group(1))
        if value is not None and n.chapter < value <= n.chapter + HEADING_JUMP:
            missing = [chinese_numeral(k) for k in range(n.chapter + 1, value)]
            self.skipped(piece, "chapter", missing)
            return RawBlock("chapter", piece.line, text, index, number=value, label=m.group(1), missing=missing)
        m = None if in_sentence else SECTION.match(text)
        if m and n.in_chapter and heading_like(m.group(2), 40):
            skip = ord(m.group(1)) - ord(n.next_section())
            if 0 <= skip < HEADING_JUMP:
                missing = [chr(ord(n.next_section()) + k) for k in range(skip)]
                self.skipped(piece, "section", missing)
                return RawBlock("section", piece.line, text, index, label=m.group(1), missing=missing)
        m = NUMBERED.match(text)
        if m:
            value, rest = int(m.group(1)), m.group(2)
            if n.own is not None and value == n.own + 1 and value != n.paragraph + 1 and not in_sentence:
                n.own = value  # an annex's or draft resolution's own paragraph: text that keeps its number
                return RawBlock("text", piece.line, text, index)
            if (
                value == n.subsection + 1
                and n.in_chapter
                and heading_like(rest, 40)
                and (value != n.paragraph + 1 or len(rest) <= 30)
                and (not self.wrapped or self.boundary(index + 1))
            ):
                return RawBlock("subsection", piece.line, text, index, number=value)
            if value == n.paragraph + 1:
                return RawBlock("numbered", piece.line, rest, index, number=value)
            if not in_sentence and not heading_like(rest):
                return self.out_of_sequence(piece, index, value, rest)
        parts = None if in_sentence else item_parts(text)
        if parts and self.expected_item(parts[0]) and not self.marker_in_running_text(index, parts[0]):
            return self.item(piece, index, parts[0], parts[1], text)
        return None

    def marker_in_running_text(self, index: int, label: str) -> bool:
        """Whether the item marker that starts piece `index` is only where the wrap put it,
        inside a paragraph (…使用武力：(a) 监测停火…；(b) 开展…).

        The line before must have been cut by the wrap, and the list must go on inside the
        running text: a later marker stands within a line, while every marker found at a
        line start on the way also follows a cut line. Items of a real list each start a
        line of their own after a line that ended."""
        if not self.wrapped or index == 0 or not self.wrap_cut(index - 1):
            return False
        labels = next_labels(label)
        for k in range(index, min(index + 40, len(self.pieces))):
            text = self.pieces[k].text
            if k > index:
                parts = item_parts(text)
                if parts and parts[0] in labels and self.wrap_cut(k - 1):
                    labels = next_labels(parts[0])
                elif self.structural_shape(text) or (self.pieces[k].indent and not self.wrap_cut(k - 1)):
                    return False  # a new block begins before the list goes on
            if inline_item_marker(labels).search(text, 1):
                return True
        return False

    def inside_sentence(self, index: int) -> bool:
        """Whether piece `index` goes on with a sentence that the wrap cut (三分之 / 二、…;
        第 85 / (a)至(d)段): then what looks like a number or marker at its start is text.
        A heading that happens to fill its line is no sentence."""
        return (
            self.wrapped
            and index > 0
            and bool(self.blocks)
            and not self.blocks[-1].closed
            and self.wrap_cut(index - 1)
            and not ends_sentence(self.pieces[index - 1].text)
        )

    def expected_item(self, label: str) -> bool:
        """Items come in sequence; an (e) out of turn is a reference inside the text."""
        n = self.numbering
        next_letter = chr(ord(n.letter) + 1) if n.letter else "a"
        if label == next_letter:
            return True
        value = roman_value(label) if label.isascii() else chinese_number(label)
        return value == n.sub_item + 1

    def warn(self, line: int, message: str) -> None:
        self.warnings.append(SourceWarning(line, message))

    def skipped(self, piece: Piece, what: str, missing: list[str]) -> None:
        if missing:
            self.warn(piece.line, f"{what} {_span(missing)} missing before {piece.text[:20]}: marked where it should be")

    def out_of_sequence(self, piece: Piece, index: int, value: int, rest: str) -> RawBlock:
        """The best reading of a paragraph number out of sequence, with a warning: a jump
        opens the paragraph and records the numbers skipped (a gap on the page); a repeat
        followed by the number after next is the next number misprinted; any other repeat is
        a second paragraph with that number; a number going back is text (a quoted list), in a
        block of its own."""
        n = self.numbering
        expected = n.paragraph + 1
        previous = self.last_paragraph()
        if value == expected + 1 and previous is not None and previous.resumed:
            return self.lost_start(previous, piece, index, value, rest)
        if value > expected:
            missing = [str(k) for k in range(expected, value)]
            problem = (f"numbered paragraphs start at {value}, not 1" if n.paragraph == 0
                       else f"paragraph number {value} out of sequence (expected {expected})")
            # A paragraph that stops inside a sentence right before: the lost text began in it.
            cut = (f"; paragraph {previous.number} breaks off mid-sentence before it"
                   if previous is not None and not ends_sentence(previous.text) else "")
            self.warn(piece.line, f"{problem}: paragraph {_span(missing)} missing, marked where it should be{cut}")
            return RawBlock("numbered", piece.line, rest, index, number=value, missing=missing)
        if value == n.paragraph:
            if self.next_paragraph_number(index) == value + 2:
                self.warn(piece.line, f"paragraph number {value} repeated where {expected} is due "
                                      f"(the next is {value + 2}): read as {expected}")
                return RawBlock("numbered", piece.line, rest, index, number=expected)
            self.warn(piece.line, f"paragraph number {value} repeated (expected {expected}): kept as a second paragraph {value}")
            return RawBlock("numbered", piece.line, rest, index, number=value)
        self.warn(piece.line, f"paragraph number {value} out of sequence (expected {expected}): read as text")
        return RawBlock("text", piece.line, piece.text, index)

    def last_paragraph(self) -> RawBlock | None:
        """The numbered paragraph before the piece at hand, with only headings after it."""
        for block in reversed(self.blocks):
            if block.kind == "numbered":
                return block
            if block.kind not in ("chapter", "section", "subsection", "heading"):
                return None
        return None

    def lost_start(self, previous: RawBlock, piece: Piece, index: int, value: int, rest: str) -> RawBlock:
        """Paragraph `value - 1` lost its number and first lines, and the rest of it, a new
        sentence on a line of its own, went on the paragraph `previous`: it becomes a block
        of its own after that one, behind a marker for the lost start."""
        offset, start = previous.resumed
        lost_rest = previous.text[offset:].lstrip()
        previous.text, previous.resumed = previous.text[:offset], None
        line = self.pieces[start].line
        self.warn(piece.line, f"paragraph number {value} out of sequence (expected {value - 1}): paragraph {value - 1} "
                              f"lost its start, its rest (line {line}) kept after a marker")
        after = next(k for k, block in enumerate(self.blocks) if block is previous) + 1
        self.blocks.insert(after, RawBlock("text", line, lost_rest, start, missing=[str(value - 1)]))
        return RawBlock("numbered", piece.line, rest, index, number=value)

    def next_paragraph_number(self, index: int) -> int | None:
        for piece in self.pieces[index + 1 : index + _REPEAT_LOOKAHEAD]:
            m = NUMBERED.match(piece.text)
            if m and not heading_like(m.group(2)):
                return int(m.group(1))
        return None

    def item(self, piece: Piece, index: int, label: str, rest: str, text: str) -> RawBlock:
        marker = text[: len(text) - len(rest)].strip().lstrip("-–•· ").strip()
        n = self.numbering
        expected_letter = chr(ord(n.letter) + 1) if n.letter else "a"
        if len(label) == 1 and label.isascii() and (label == expected_letter or label not in "ivx"):
            n.letter, n.sub_item = label, 0
            return RawBlock("item", piece.line, rest, index, label=label, marker=marker, depth=1)
        value = roman_value(label) if label.isascii() else chinese_number(label)
        n.sub_item = value
        depth = 2 if n.letter else 1
        return RawBlock(
            "item", piece.line, rest, index, label=f"{value}", marker=marker, depth=depth
        )

    def advance(self, block: RawBlock) -> None:
        n = self.numbering
        if block.kind in ("chapter", "section"):
            n.own, n.in_draft = None, False
        if block.kind == "chapter":
            n.chapter, n.section, n.subsection, n.in_chapter = block.number, "", 0, True
        elif block.kind == "section":
            n.section, n.subsection = block.label, 0
        elif block.kind == "heading" and ANNEX_LINE.match(block.text):
            n.own, n.in_draft = 0, bool(DRAFT_LINE.match(block.text))
        elif block.kind == "subsection":
            n.subsection = block.number
        elif block.kind == "numbered":
            n.paragraph, n.letter, n.sub_item = block.number, "", 0

    # ---------------------------------------------------------- joining

    def boundary(self, index: int) -> bool:
        """True when piece `index` cannot continue the text before it (end counts)."""
        if index >= len(self.pieces):
            return True
        piece = self.pieces[index]
        return (
            self.structural_shape(piece.text)
            or self.indented_start(piece)
            or heading_like(piece.text, int(self.width * 0.8))
        )

    def structural_shape(self, text: str) -> bool:
        return bool(
            CHAPTER.match(text) or NUMBERED.match(text) or ITEM.match(text) or SECTION.match(text)
        )

    def opens_heading(self, index: int) -> bool:
        piece = self.pieces[index]
        if self.wrapped:
            indented_alone = piece.after_blank and piece.indent >= 2 and not self.indent_opens
            if ((indented_alone or self.centred(piece)) and heading_like(piece.text, 80)
                    and not self.indented_first_line(index)):
                return True  # a centred line: titles and headings of the wrapped layout
            return self.table_caption(index) or (
                self.heading_shaped(piece.text)
                and not self.slack_cut(index, self.heading_slack)
                and (self.boundary(index + 1) or (self.blank_ends and self.after_blank(index + 1))
                     or self.after_stop_or_colon(index))
            )
        return heading_like(piece.text)

    def table_caption(self, index: int) -> bool:
        """Whether piece `index` is the caption printed above a table: a heading-shaped line
        right above the table's first row, after a line that ended its sentence, however wide
        (a caption may stand on one line wider than the measure, where `heading_shaped` sees
        a paragraph's line): a paragraph's last line ends its sentence."""
        following = self.pieces[index + 1] if index + 1 < len(self.pieces) else None
        return (following is not None and is_table_row(following.text) and index > 0
                and ends_sentence(self.pieces[index - 1].text) and heading_like(self.pieces[index].text, 80))

    def indented_first_line(self, index: int) -> bool:
        """Whether piece `index` is the indented first line of a paragraph, not a centred
        heading: the next line follows it on the same page without a blank line, further left,
        and is no heading's line (it ends a sentence)."""
        following = self.pieces[index + 1] if index + 1 < len(self.pieces) else None
        return (
            following is not None
            and not following.after_blank
            and not following.after_break
            and following.indent < self.pieces[index].indent
            and ends_sentence(following.text)
        )

    def after_stop_or_colon(self, index: int) -> bool:
        """Under an exact wrap, whether the line before piece `index` ended its sentence with a
        full stop or a colon: a heading-shaped line that the wrap did not cut is then no
        paragraph's last line (a paragraph does not end without its sentence's end, and what a
        colon announces is no tail of its paragraph), whatever follows it. After a lead-in
        (…其中包括：) that line is a heading (…其中包括： / 各种威胁和挑战的新性质 / a paragraph)
        or the first of the entries it announces, which then open a block each and make a list
        (structure.py: three or more after a colon), however long the next entry's line is."""
        return self.exact and index > 0 and self.pieces[index - 1].text.rstrip(CLOSERS)[-1:] in "。！？：:"

    def in_front(self) -> bool:
        """Whether no chapter, numbered paragraph or item has been read yet."""
        n = self.numbering
        return not (n.chapter or n.paragraph or n.letter or n.sub_item)

    def centred(self, piece: Piece) -> bool:
        """Whether the line stands in the middle of the measure: as much room on its left (its
        indent, a space being half a Han character) as on its right, give or take two."""
        left = piece.indent / 2
        return piece.indent >= 4 and abs(left - (self.width - left - line_width(piece.text))) <= 2

    def paragraphs_open_indented(self) -> bool:
        """Whether the layout marks a paragraph's start by indenting its first line: lines
        indented a little (not centred) are common, and nearly all of them follow a line
        that ended a sentence or a heading, not one that a page end or the wrap cut."""
        after = [before.text for before, piece in zip(self.pieces, self.pieces[1:]) if self.paragraph_indent(piece)]
        ended = sum(1 for text in after if ends_sentence(text) or heading_like(text))
        return len(after) >= INDENT_OPENS_SHARE * len(self.pieces) and ended >= INDENT_AFTER_END_SHARE * len(after)

    def measured_lost_indent(self) -> float:
        """The first-line indent that the extractor did not print, in Han characters, or 0:
        where a paragraph surely opens (after a line that ended its sentence well short of the
        margin) and goes on, its first line stops short of the margin by the indent, as no line
        the wrap cut inside a paragraph does; measured where most such first lines stop short
        alike (of the lines that reach near the margin: a heading's stops far short)."""
        rooms = []
        for before, piece, after in zip(self.pieces, self.pieces[1:], self.pieces[2:]):
            if (piece.indent or after.indent or piece.after_blank or after.after_blank or piece.after_break
                    or after.after_break or ends_sentence(piece.text) or self.structural_shape(piece.text)
                    or self.structural_shape(after.text)):
                continue
            room = self.width - line_width(piece.text)
            if ends_sentence(before.text) and self.width - line_width(before.text) > LOST_INDENT[1] + 1 \
                    and room < LOST_INDENT[1] + 2:
                rooms.append(room)
        alike = [room for room in rooms if LOST_INDENT[0] <= room <= LOST_INDENT[1]]
        if len(alike) < LOST_INDENT_LEAST or len(alike) < LOST_INDENT_SHARE * len(rooms):
            return 0
        return statistics.median(alike)

    def opens_unindented(self, index: int) -> bool:
        """Whether piece `index` is a paragraph's first line whose indent the extractor did not
        print (`lost_indent`): it stops short of the margin by that indent, ends no sentence,
        and the next line goes on with it."""
        if not self.lost_indent or index + 1 >= len(self.pieces):
            return False
        piece, after = self.pieces[index], self.pieces[index + 1]
        return (abs(self.width - line_width(piece.text) - self.lost_indent) <= 0.5 and not piece.indent
                and not ends_sentence(piece.text) and not (after.indent or after.after_blank or after.after_break))

    def paragraph_indent(self, piece: Piece) -> bool:
        """Whether the line is indented as a paragraph's first line: a little, not centred."""
        return INDENT_WIDTH[0] <= piece.lead <= INDENT_WIDTH[1] and not self.centred(piece)

    def indented_start(self, piece: Piece) -> bool:
        """An indented line opens a block after a blank line, or anywhere in a layout whose
        paragraphs open indented."""
        return piece.indent > 0 and (piece.after_blank or self.indent_opens)

    def after_blank(self, index: int) -> bool:
        return index >= len(self.pieces) or self.pieces[index].after_blank

    def wrap_cut(self, index: int) -> bool:
        """The wrap, not the text, ended piece `index`: the next piece's start did not fit,
        and it goes on flush left (an indented or centred line opens a block of its own, and a
        table row goes on no sentence)."""
        following = self.pieces[index + 1] if index + 1 < len(self.pieces) else None
        return (
            following is not None
            and not following.indent
            and not is_table_row(following.text)
            and self.fills(index, following.text)
        )

    def run_cut(self, index: int) -> bool:
        """Whether the line breaker may have cut a number or a Latin word where piece `index`
        ends: where it cuts anything (`whole_units` False) and the line is full (`cut_inside_run`)."""
        piece = self.pieces[index]
        return not self.whole_units and cut_inside_run(piece.text, self.width, piece.lead)

    def fills(self, index: int, following: str) -> bool:
        """Whether piece `index` stopped only because the start of `following` (the next
        piece) did not fit: in the measure of its own text column where the page shows
        measures (measures()), else by the document's wrap: exact or within a tenth of the
        margin (`shape.fills_line`). A part of a line the extractor printed apart
        (`printed_apart`) stopped there if a later part ends its line, or if its line is full."""
        measure, text = self.column(index)
        if measure is None:
            piece = self.pieces[index]
            if fills_line(piece.text, following, self.width, self.exact, piece.lead if self.exact else 0,
                          self.whole_units):
                return True
            if not self.parts_apart:
                return False
            # Without measures a line is full within a tenth of the margin: only the parts
            # that pdftotext prints beside a number or a Latin word count.
            runs = list(self.printed_apart(index, text, self.width, default_slack(self.width), beside_latin=True))
            return any(end > index or fills_line(line, following, self.width) for end, line in runs)
        if fills_measure(text, following, measure):
            return True
        runs = list(self.printed_apart(index, text, measure))
        return any(end > index or fills_measure(line, following, measure) for end, line in runs)

    def printed_apart(self, index: int, text: str, measure: float, short: float = 1, beside_latin: bool = False):
        """(last piece, text) of each line that piece `index` (its `text`) may be a part of,
        where the extractor printed one line in two to LINE_PARTS parts, or one more where
        blank lines tell the parts (`parts_apart`): the parts together fill the measure
        (`one_line`, within `short`); in three or more, or wherever
        `beside_latin`, each gap between them is beside a number or a Latin word (`latin_gap`)
        and each part after the first a `later_part`."""
        most = LINE_PARTS + 1 if self.parts_apart else LINE_PARTS
        for start in range(index, max(-1, index - most), -1):
            for end in range(max(index, start + 1), min(start + most, len(self.pieces))):
                parts = [text if k == index else self.column(k)[1] for k in range(start, end + 1)]
                checked = len(parts) > 2 or beside_latin
                if checked and not (all(map(self.later_part, range(start + 1, end + 1)))
                                    and all(map(latin_gap, parts, parts[1:]))):
                    continue
                if not all(map(self.part_goes_on, parts[:-1])):
                    continue
                if self.one_line(start + len(parts) - 2, " ".join(parts[:-1]), parts[-1], measure, short):
                    yield end, " ".join(parts)

    def glue_parts_printed_apart(self) -> list[Piece]:
        """The pieces, where blank lines end blocks, with no blank line before a part of a line
        that pdftotext printed apart beside a number or a Latin word (…已达 / 194.4 / 亿美元…):
        that blank line is the extractor's, not the page's."""
        slack = default_slack(self.width)
        for k in range(1, len(self.pieces)):
            if not self.pieces[k].after_blank:
                continue
            for end, line in self.printed_apart(k - 1, self.pieces[k - 1].text, self.width, slack, beside_latin=True):
                # a part, or the line after a full line printed apart that ends no sentence
                following = self.pieces[k]
                if end >= k or (not following.after_break and self.part_goes_on(line)
                                and fills_line(line, following.text, self.width)):
                    self.glued.add(k)
                    break
        return [replace(p, after_blank=False) if k in self.glued else p for k, p in enumerate(self.pieces)]

    def later_part(self, index: int) -> bool:
        """Whether piece `index` can be a part after the first of a line printed apart (in
        three parts, or beside a Latin word where there are no measures): pdftotext leaves a
        blank line before each (`glued` removed it), on the same page, and a part is no
        structural start (a paragraph's or a heading's number)."""
        piece = self.pieces[index]
        return ((piece.after_blank or index in self.glued) and not piece.after_break
                and not self.structural_shape(piece.text))

    @staticmethod
    def part_goes_on(text: str) -> bool:
        """Whether a line's part leaves the line to go on: it ends no sentence (a call may
        follow one) and is no line that stands on its own (秘书长的报告, 附件, …(签名))."""
        return not ((ends_sentence(text) and not ends_with_call(text)) or KIND_LINE.match(text) or ANNEX_LINE.match(text)
                    or SIGNATURE_END.search(text))

    def one_line(self, index: int, left: str, right: str, measure: float, short: float = 1) -> bool:
        """Whether pieces up to `index` (`left`) and after it (`right`) are the parts of one
        line that the extractor printed apart: at a superscript call (…常见。14 / 在一些区域…),
        or inside a sentence at a gap that justification widened (…的声音。2005 / 年世界首脑
        会议…, or in three parts around a number: …并在 / 2015 / 年继续…); together they fill
        the measure, short of it by at most `short` and the slack. A line that stands on its
        own (秘书长的报告, 附件) is no part."""
        if index < 0 or not self.part_goes_on(left):
            return False
        width, slack = line_width(left) + line_width(right), width_slack(f"{left} {right}")
        return measure - short - slack <= width <= measure + slack

    def column(self, index: int) -> tuple[float | None, str]:
        """(measure, text in it) of piece `index`: an unnumbered paragraph or heading runs the
        widest measure; a numbered paragraph or item hangs its number in the margin, and its
        text column is the measure its first line's text (without the number) reaches."""
        text = self.pieces[index].text
        if not self.measures:
            return None, text
        block = self.blocks[-1] if self.blocks and self.blocks[-1].first_piece <= index else None
        first = self.pieces[block.first_piece if block else index].text
        hanging = _HANGING.match(first) if (block.kind in ("numbered", "item") if block else True) else None
        if hanging is None:
            return self.measures[0], text
        start = block.first_piece if block else index
        measure = self.first_line_measure(start, hanging.group(1))
        return measure, hanging.group(1) if text is first else text

    def reached_measure(self, text: str) -> float:
        """The narrowest measure that a hanging line's text (without its number) reaches; a
        run of spaces (pdfminer: 于   1948   年) is one gap that justification widened."""
        text = " ".join(text.split())
        reach = line_width(text) - max(width_slack(text), quotes_allowance(text)) - 0.5
        return next((m for m in reversed(self.measures) if m >= reach), self.measures[0])

    def first_line_measure(self, start: int, head: str) -> float:
        """The measure of the hanging text column that the numbered paragraph or item opening
        on piece `start` (its text `head`, without the number) stands in: the one its whole
        first line reaches. Where the extractor printed that line in parts (19. 例如，2008 /
        年秋，我任命…), a part goes on with the next while together they fit the widest, if the
        next is printed apart after a blank line (`later_part`) or the part fills no measure
        (three parts as `printed_apart` takes them): judged by its first part alone, the
        column would be a narrower one, and every full line below too long for it. (A part
        that ends at a call, …通报9, may reach a measure that only a few lines share.)"""
        if start not in self.first_measures:
            parts = [head]
            for k in range(start + 1, min(start + LINE_PARTS, len(self.pieces))):
                line, part = " ".join(parts), self.pieces[k].text
                three = len(parts) > 1 and all(map(self.later_part, range(start + 1, k + 1))) and all(
                    map(latin_gap, parts, parts[1:] + [part]))
                apart = self.later_part(k) or not fills_measure(line, part, self.reached_measure(line))
                if (not apart or not self.part_goes_on(line) or (len(parts) > 1 and not three)
                        or line_width(f"{line} {part}") - width_slack(f"{line} {part}") - 0.5 > self.measures[0]):
                    break
                parts.append(part)
            self.first_measures[start] = self.reached_measure(" ".join(parts))
        return self.first_measures[start]

    def measured(self) -> bool:
        """Whether the document's own wrap slack is measured (tighter than the default)."""
        return self.heading_slack < default_slack(self.width)

    def heading_shaped(self, text: str) -> bool:
        """A heading's shape within the measure: where the wrap is measured, by its width
        (digits and Latin letters take half a Han character), else by its characters."""
        if self.measured():
            return heading_like(text, 80) and line_width(text) <= self.width
        return heading_like(text, self.width)

    def slack_cut(self, index: int, slack: float) -> bool:
        """`wrap_cut` for a line at the full measure, judged by a slack the document measured
        for that kind of line (`heading_slack`, `text_slack`) rather than the default that the
        body's two measures need; an exact wrap judges it as it judges every line."""
        if self.exact:
            return self.wrap_cut(index)
        following = self.pieces[index + 1] if index + 1 < len(self.pieces) else None
        return (
            following is not None
            and not following.indent
            and break_room(self.pieces[index].text, following.text, self.width) < slack
        )

    def continues(self, block: RawBlock, index: int) -> bool:
        """Whether piece `index` (not a structural start) continues `block`."""
        piece = self.pieces[index]
        if block.closed:
            if block.kind not in ("heading", "chapter", "section", "subsection") or ends_sentence(block.text):
                return False
            goes_on = heading_goes_on(block.text)
            # Above the first paragraph (titles, agenda titles) such a line goes on even short of
            # the margin and past HEADING_WIDTH; below, only the margin and the width decide.
            long_title = goes_on and self.in_front()
            if self.wrapped:
                # A centred heading goes on centred: its next line is indented too. Where blank
                # lines end blocks, a heading goes on after one only across a page end.
                centred = self.centred(self.pieces[block.first_piece]) and self.centred(piece)
                if centred:  # the measure of centred lines is their own: the widest of them
                    before = line_width(self.pieces[index - 1].text)
                    # and the wrap fills a line before the next: a cut line is not the narrower
                    # (常驻代表 above 特命全权大使 are two lines of a signature, not one heading)
                    full = before >= self.centred_measure - 2 and before >= line_width(piece.text) - 1
                elif self.exact:  # an exact measure tells a full line from one that ended
                    full = self.fills(index - 1, piece.text)
                elif (block.kind == "heading" and not self.pieces[block.first_piece].indent
                      and self.measured()):
                    full = self.slack_cut(index - 1, self.heading_slack)  # flush left: the full measure (an indented one has its own)
                else:
                    full = block.last_width >= 0.8 * self.width
                full = full or long_title or bool(CHAPTER_ALONE.match(block.text))
                wraps_on = (
                    full
                    and (not piece.indent or centred)
                    and (piece.after_break or not (self.blank_ends and piece.after_blank))
                    and not (piece.after_break and self.wrap_cut(index))  # a paragraph's full line
                )
            else:  # after a lead-in that announced a list (…出席了会议：) every line is an entry
                wraps_on = not piece.after_blank and not self.after_lead_in(block)
            joined = join_text(block.text, piece.text, self.spacing, self.run_cut(index - 1))
            standalone = KIND_LINE.match(block.text) or ANNEX_LINE.match(block.text) or (
                not goes_on and (KIND_LINE.match(piece.text) or ANNEX_LINE.match(piece.text)))
            room = 2 * HEADING_WIDTH if long_title or block.runs_on else HEADING_WIDTH
            if wraps_on and not standalone and heading_like(joined, max(80, room)) and line_width(joined) <= room:
                block.runs_on = block.runs_on or long_title
                return True
            return False
        if block.kind == "text" and DEDICATION.match(block.text) and ends_sentence(block.text):
            return False  # a dedication is one sentence: what follows it (an epigraph) is not its
        if self.indent_opens and piece.indent:
            return False
        if piece.after_break:
            return self.goes_on_after_break(block, index)
        if (self.blank_ends or self.gap_ends) and piece.after_blank:
            return False
        if self.blank_ends:  # a glued line goes on with the block, unless the line before stopped short
            # or a heading opens after its full stop (pymupdf prints no blank line above it)
            return self.wrap_cut(index - 1) and not (ends_sentence(block.text) and self.opens_heading(index))
        if not ends_sentence(block.text):
            # In the line layout a short unfinished line is a heading or a list entry, not
            # the first half of a paragraph that a page break cut.
            if self.wrapped:  # a line that stopped short of the margin ended there
                # (a glued line goes on, but not under an exact wrap: there the measure tells,
                # also where no blank line stands anywhere and a title's short line ends no sentence;
                # and a paragraph's first line is short by an indent the extractor did not print)
                return ((block.last_glued and not self.exact) or self.fills(index - 1, piece.text)
                        or (block.kind == "text" and block.pieces == 1 and self.opens_unindented(index - 1)))
            if self.numbering.in_draft and block.text.endswith(("，", ",")):
                return False  # a draft resolution's preambular paragraph (大会， / 回顾…，) ends with a comma
            return len(block.text) > 50 or not piece.after_blank
        if self.wrapped:
            # A line that stopped short of the margin ended its paragraph, except in a numbered
            # paragraph or item: a numbered body has no un-numbered paragraphs of its own.
            cut = self.slack_cut(index - 1, self.text_slack) if block.kind == "text" else self.wrap_cut(index - 1)
            return (
                (cut or block.kind in ("numbered", "item"))
                and not self.indented_start(piece)
                and not self.opens_heading(index)
                and not (block.kind == "text" and self.opens_unindented(index))
            )
        # Line layout: after a finished sentence only a page break continues a numbered
        # paragraph or item (a numbered body has no un-numbered paragraphs of its own).
        return block.kind in ("numbered", "item") and not heading_like(piece.text)

    def after_lead_in(self, block: RawBlock) -> bool:
        """Whether `block` is an entry of a list that a lead-in ending with a colon announced:
        the lead-in stands before it, or before the one-line entries before it."""
        at = next((k for k in range(len(self.blocks) - 1, -1, -1) if self.blocks[k] is block), 0) - 1
        while at >= 0 and self.blocks[at].kind == "heading" and self.blocks[at].pieces == 1:
            if ANNEX_LINE.match(self.blocks[at].text):
                return False
            at -= 1
        return at >= 0 and self.blocks[at].text.rstrip().endswith(("：", ":"))

    def title_below(self, index: int) -> bool:
        """Whether the next piece is a heading-shaped line that can be the title of the
        chapter number at `index` (第一章 / 需要理事会采取行动…的事项)."""
        following = self.pieces[index + 1] if index + 1 < len(self.pieces) else None
        return following is not None and heading_like(following.text, 40) and not self.structural_shape(following.text)

    def title_runs_on(self, block: RawBlock, index: int) -> bool:
        """Whether `block` is the first line of a title that ends with a colon (…的工作方法： /
        简化报告程序的执行情况) or where a title cannot end (增进和保护所有人权——公民权利、 /
        政治权利、…，/ 包括发展权): one heading-shaped line but for its last mark, among the
        headings at the top (the title, agenda titles), with a title's line right below it; not
        a paragraph's first line, indented where the layout opens paragraphs so (a letter's
        first sentence under its title: 谨随函转递…文件， / 其中概述了…)."""
        piece = self.pieces[index]
        return (
            block.kind == "text"
            and block.pieces == 1
            and (block.text.endswith(("：", ":")) or heading_goes_on(block.text))
            and heading_like(block.text[:-1], 40)
            and (heading_like(piece.text, 40) or heading_goes_on(piece.text))
            and not piece.after_blank
            and not piece.after_break
            and not (self.indent_opens and self.paragraph_indent(self.pieces[block.first_piece]))
            and all(earlier.kind == "heading" for earlier in self.blocks[:-1])
        )

    def goes_on_after_break(self, block: RawBlock, index: int) -> bool:
        """Whether piece `index`, the first after a page end (notes, furniture), goes on with
        `block`: a sentence the page end cut goes on; after a sentence that ended, a line
        the wrap cut goes on unless the next line opens a block of its own."""
        piece = self.pieces[index]
        if not ends_sentence(block.text):
            if self.wrapped:  # a short line that ends no sentence is a heading or an entry
                return self.fills(index - 1, piece.text)
            return len(block.text) > 50 or not heading_like(block.text)
        if not self.wrapped:
            return block.kind in ("numbered", "item") and not heading_like(piece.text)
        # an unnumbered paragraph's line is judged by their own slack, as within a page
        cut = self.slack_cut(index - 1, self.text_slack) if block.kind == "text" else self.fills(index - 1, piece.text)
        return cut and not piece.indent and not self.opens_heading(index)

    def joined(self, text: str, index: int) -> str:
        """`text` with piece `index` joined on (shape.join_text). Where the piece before it is
        a part of a line that the extractor printed apart right after a plain-digit call, short
        of its measure (pdftotext -raw ends a part at the call's raised baseline: …的国 / 家10 /
        鉴于此…), the call stood before a gap in the line: it keeps a space after it, by which
        the footnote pass tells a call that repeats a note from a number glued to Han text."""
        following = self.pieces[index].text
        measure, before = self.column(index - 1)  # the piece's text in its column (no hanging number)
        if (self.parts_apart and ends_with_call(before) and following[:1] not in COUNT_UNITS
                and room_left(before, following, measure or self.width) >= default_slack(self.width)):
            return f"{text} {following}"
        return join_text(text, following, self.spacing, self.run_cut(index - 1))

    def text_rooms(self) -> list[float]:
        """The room (`break_room`) of each line of an unnumbered paragraph that the wrap surely
        cut (it ends no sentence, the paragraph goes on flush left on the same page)."""
        rooms = []
        for block in self.blocks:
            if block.kind != "text":
                continue
            for k in range(block.first_piece, block.first_piece + block.pieces - 1):
                line, following = self.pieces[k], self.pieces[k + 1]
                if not (ends_sentence(line.text) or following.after_break or following.indent):
                    rooms.append(break_room(line.text, following.text, self.width))
        return rooms

    def build(self) -> list[RawBlock]:
        """The blocks; where the wrap is measured, built again once the unnumbered paragraphs'
        own slack is known from the first reading (`slack_cut`)."""
        self.text_slack = default_slack(self.width)
        warned = len(self.warnings)
        blocks = self.build_once()
        if self.wrapped and self.measured():
            slack = measured_slack(self.text_rooms(), self.width)
            if slack < self.text_slack:
                self.text_slack = slack
                del self.warnings[warned:]
                self.numbering, self.blocks = Numbering(), []
                blocks = self.build_once()
        return blocks

    def build_once(self) -> list[RawBlock]:
        current: RawBlock | None = None
        for index, piece in enumerate(self.pieces):
            opened = self.structural(index)
            runs_on = opened is None and current is not None and self.title_runs_on(current, index)
            if runs_on:
                current.kind, current.runs_on = "heading", True
            if opened is None and current is not None and (runs_on or self.continues(current, index)):
                if ends_sentence(current.text) and not (self.wrapped and self.wrap_cut(index - 1)):
                    current.resumed = (len(current.text), index)
                current.line_starts.append(len(current.text))
                if CHAPTER_ALONE.match(current.text):  # 第一章 / its title: one heading, as 第一章 导言
                    current.text = f"{current.text} {piece.text}"
                else:
                    current.text = self.joined(current.text, index)
                current.pieces += 1
                current.last_width = line_width(piece.text)
                current.last_glued = not piece.after_blank
                continue
            if opened is not None and opened.kind == "table" and current is not None and current.kind == "table":
                current.rows.append(piece.text)
                continue
            if opened is None:
                kind = "heading" if self.opens_heading(index) else "text"
                opened = RawBlock(kind, piece.line, piece.text, index)
            opened.last_width = line_width(piece.text)
            self.advance(opened)
            self.blocks.append(opened)
            current = opened
        for block in self.blocks:
            if block.kind == "text" and self.wrapped and heading_like(block.text):
                block.kind = "heading"
            elif block.kind == "heading" and line_width(block.text) > HEADING_WIDTH and not block.runs_on:
                block.kind = "text"
        self.split_letter_heading()
        self.split_announced_heading()
        self.split_attributed_quotations()
        return self.blocks

    def split_letter_heading(self) -> None:
        """The first text block, when only headings (the title, agenda titles) stand above it
        and its first line is a letter's heading (…秘书长给大会主席的同文信), opens with that
        heading: a letter stands under its heading, and a paragraph at the top does not open
        with one, though a heading that filled the line (the next line's number did not fit
        after the space a break drops) leaves the wrap no room to tell."""
        at = next((k for k, block in enumerate(self.blocks) if block.kind != "heading"), None)
        if not at or self.blocks[at].kind != "text" or not self.blocks[at].line_starts:
            return
        heading, rest = self.split_first_line(self.blocks[at])
        if LETTER.search(heading.text) and heading_like(heading.text):
            self.blocks[at : at + 1] = [replace(heading, kind="heading"), rest]

    def split_announced_heading(self) -> None:
        """A heading that announces how many follow (四项必需的转变, or its lead: …四个领域内…),
        with one fewer before the next heading that announces a count (or a numbered block),
        lost one to the wrap: a heading-shaped line after a paragraph's full stop that filled
        the measure exactly reads as cut, and it went on with the paragraph below it. Where
        one text block in between opens with such a line, that line is the heading. (Where
        the paragraph above filled its last line too, all three run together; a line inside a
        block after a full line that ends a sentence is too common to tell which one it is.)"""
        k = 0
        while k < len(self.blocks):
            j = self.lost_heading(k)
            if j is not None:
                heading, rest = self.split_first_line(self.blocks[j])
                self.blocks[j : j + 1] = [replace(heading, kind="heading"), rest]
            k += 1

    def lost_heading(self, k: int) -> int | None:
        """The text block that opens with the heading block `k` announced and the wrap ran on."""
        count = self.announced(k)
        if not count or count < 2:
            return None
        end = next((j for j in range(k + 1, len(self.blocks))
                    if self.blocks[j].kind not in ("heading", "text") or self.announced(j)), len(self.blocks))
        if sum(self.blocks[j].kind == "heading" for j in range(k + 1, end)) != count - 1:
            return None
        found = [j for j in range(k + 1, end) if self.opens_with_heading_line(j)]
        return found[0] if len(found) == 1 else None

    def announced(self, k: int) -> int | None:
        """The count that heading block `k` announces (shape.announced_count), in its text or
        in its single text block before the next heading."""
        block = self.blocks[k]
        if block.kind != "heading":
            return None
        after = itertools.islice(self.blocks, k + 1, None)
        lead = list(itertools.islice(itertools.takewhile(lambda b: b.kind != "heading", after), 2))
        return announced_count(block.text, lead[0].text if len(lead) == 1 and lead[0].kind == "text" else None)

    def opens_with_heading_line(self, k: int) -> bool:
        """Whether text block `k` opens with a line that can be a heading the wrap ran on: after
        a block that ended its sentence with a full stop, flush left, heading-shaped within the
        measure and ending where a heading can end; only where no blank line ends a block (there
        a heading stands apart from its paragraph, and a paragraph after a paragraph opens
        with a line of that shape more often than not)."""
        block = self.blocks[k]
        if (block.kind != "text" or not self.wrapped or self.blank_ends or self.gap_ends or k == 0
                or block.pieces < 2):
            return False
        piece = self.pieces[block.first_piece]
        return (self.blocks[k - 1].text.rstrip(CLOSERS)[-1:] in "。！？" and not piece.indent
                and self.heading_shaped(piece.text) and not heading_goes_on(piece.text))

    def split_first_line(self, block: RawBlock) -> tuple[RawBlock, RawBlock]:
        """Text block `block` cut in two: its first line and the rest."""
        at = block.line_starts[0]
        rest = block.text[at:]
        shift = at + len(rest) - len(rest.lstrip())
        piece = block.first_piece + 1
        head = replace(block, text=block.text[:at].rstrip(), pieces=1, line_starts=[],
                       last_width=line_width(self.pieces[block.first_piece].text), resumed=None)
        tail = replace(block, line=self.pieces[piece].line, text=rest.lstrip(), first_piece=piece,
                       pieces=block.pieces - 1, line_starts=[o - shift for o in block.line_starts[1:]],
                       resumed=(block.resumed[0] - shift, block.resumed[1]) if block.resumed and block.resumed[1] > piece else None,
                       missing=[])
        return head, tail

    def split_attributed_quotations(self) -> None:
        """A quotation that a line opens after an ended sentence and that runs to the end of a
        paragraph, with a short line after it (its attribution: 达格·哈马舍尔德，1956年5月，纽约),
        is a block of its own (an epigraph, structure.py), though the wrap left no room to tell
        where the paragraph before it ended."""
        out: list[RawBlock] = []
        for k, block in enumerate(self.blocks):
            following = self.blocks[k + 1] if k + 1 < len(self.blocks) else None
            at = self.quotation_start(block) if following is not None and following.kind == "heading" else None
            if at is None:
                out.append(block)
                continue
            piece = block.first_piece + 1 + block.line_starts.index(at)
            quotation = RawBlock("text", self.pieces[piece].line, block.text[at:], piece,
                                 pieces=block.pieces - (piece - block.first_piece))
            block.text, block.pieces = block.text[:at], piece - block.first_piece
            block.line_starts = [o for o in block.line_starts if o < at]
            out += [block, quotation]
        self.blocks[:] = out

    @staticmethod
    def quotation_start(block: RawBlock) -> int | None:
        """The offset of the line that opens the quotation closing the text block, if any."""
        if block.kind != "text" or not block.text.rstrip().endswith("”"):
            return None
        for at in block.line_starts:
            rest = block.text[at:]
            if rest.startswith("“") and ends_sentence(block.text[:at]) and rest.count("“") == rest.count("”"):
                return at
        return None

