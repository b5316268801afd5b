"""First reading of a source text: split it into body pieces and footnote definitions.

Page furniture (running symbols, job numbers, undocs footer links, separators) and tables of
contents are dropped here, on purpose and on the record (`Removed`). Footnote definitions are
lifted out of the body wherever the page break put them, so a paragraph that a footnote block
interrupted is whole again when the pieces are joined.
"""

from __future__ import annotations

import itertools
import re
from dataclasses import dataclass, field

from ..model import NOTE_PARAGRAPH, Removed
from .shape import (
    CHAPTER,
    ITEM,
    NO_LINE_START,
    NUMBERED,
    SECTION,
    SUPERSCRIPT_VALUE,
    cut_inside_run,
    ends_sentence,
    fills_line,
    NumberSpacing,
    join_text,
    line_width,
    number_spacing,
    piece_text,
    run_goes_on,
    wrap_margin,
)

# One symbol, then more joined by a dash or a space (A/70/95-S/2015/446). Each part is
# spelt once, with no optional joiner between repeats, so a long line that almost
# matches fails in linear time instead of backtracking exponentially.
SYMBOL_PATTERN = r"[A-Z]{1,6}(?:/[A-Z0-9.()]+)+"
_JOINER = r"(?:\s*[-–]\s*|\s+)"
RUNNING_SYMBOL = re.compile(rf"^{SYMBOL_PATTERN}(?:{_JOINER}{SYMBOL_PATTERN})*{_JOINER}?$")
# A job number, with the page (15-16040 (C) 14/14) or the dates of issue and of translation
# (07-28459 (C)    130407    180407), or its barcode (*0728459*). A regional commission's has
# a letter before it and the bare page number after it (ESCAP: B23-00412 2).
JOB_NUMBER = re.compile(r"^[A-Z]?\d{2}-\d{4,6}\s*(?:\([A-Z]\))?(?:\s+\d{1,4}(?:/\d{1,4})?)?(?:\s+\d{6}){0,2}$|^\*\d{7,}\*$")
PAGE_NUMBER = re.compile(r"^(?:\d{1,4}/\d{1,4}|-\s*\d{1,4}\s*-)$")
BARE_NUMBER = re.compile(r"^\d{1,4}$")  # a page number only beside other furniture
DISTRIBUTION = re.compile(r"^Distr\.\s*:\s*\w+$|^Original\s*:\s*\w+$")
FOOTER_URL = re.compile(r"^https?://(?:www\.)?undocs\.org/\S*$")
SEPARATOR = re.compile(r"^[_＿—–-]{5,}$")
TOC_TITLE = re.compile(r"^目\s*录$")
# A row of a table of contents: dot leaders, tabs, a column head (页次, 段次 页次), or a
# page number at the end, after a space or run together with the paragraph span (引言1-33).
TOC_ROW = re.compile(r"\t|\.{3,}|…{2,}|·{4,}|^\s*(?:[段章]\s*次\s*)?页\s*次$|\s\d{1,3}$|\d$")

SUPERSCRIPT_NOTE = re.compile(r"^([⁰¹²³⁴⁵⁶⁷⁸⁹]{1,3})(?![⁰¹²³⁴⁵⁶⁷⁸⁹])\s*(\S.*)$")
ASTERISK_NOTE = re.compile(r"^(\*{1,3})\s+(\S.*)$")
BRACKET_NOTE = re.compile(r"^\[(\d{1,3})\]\s*(\S.*)$")  # [12] 见…: the mark some extractors write
BRACKET_CALL = re.compile(r"\[(\d{1,3})\]")
SUPERSCRIPT_CALL = re.compile(r"[⁰¹²³⁴⁵⁶⁷⁸⁹]{1,3}")
PLAIN_NOTE = re.compile(r"^(\d{1,3})\s+(\S.*)$")
_CALL_ROOM = 4  # the most of a call ([123, ¹²³) that a line may end with
_NOTE_MEASURE_SAMPLE = 3  # wrapped note lines needed before their widest is the notes' measure
NOTE_LIST_ITEM = re.compile(r"^[-–•]\s+\S")  # a quoted list inside a note that ends with ：


@dataclass
class Piece:
    """One non-blank line of body text, with the layout facts the joiner needs."""

    line: int
    text: str
    indent: int
    after_blank: bool
    after_break: bool = False  # furniture or notes stand between it and the body piece before
    lead: float = 0  # how wide its indentation is, in Han characters (it takes room on the line)
    page: int = 0  # how many page ends (runs of furniture) stand before it


@dataclass
class NoteText:
    """A footnote definition as found: its mark, its text and where the page put it."""

    key: str
    text: str
    line: int
    before_piece: int  # index of the first body piece that follows the definition
    superscript: bool
    last_line: int = 0
    hangs: frozenset[int] = frozenset({0})  # indentations at which its wrapped lines go on
    page: int = 0  # the page of its last line (page ends before it)
    tail: str = ""  # its last printed line (mark and text)
    # Where in its text each line end was joined, and the line before it: what the layout
    # measured over the whole text says what the break was (`settle_note_breaks`).
    line_breaks: list[tuple[int, str]] = field(default_factory=list)


@dataclass
class Layout:
    pieces: list[Piece] = field(default_factory=list)
    notes: list[NoteText] = field(default_factory=list)
    removed: list[Removed] = field(default_factory=list)
    spacing: NumberSpacing = field(default_factory=NumberSpacing)  # what a line break between Han text and a number lost
    wrapped_note_widths: list[float] = field(default_factory=list)  # widths of the note lines a note went on after
    measure_wanted: bool = False  # a cut note's rest was looked for where the notes' measure tells it from the body
    ruled: bool = False  # a separator rule stood above a page's notes: there a cut note's rest heads the next page's

    def note_measure(self) -> float | None:
        """The notes' measure (their widest wrapped line) where enough lines show it: a note
        block has a measure of its own (smaller type, a narrower or wider column)."""
        widths = self.wrapped_note_widths
        return max(widths) if len(widths) >= _NOTE_MEASURE_SAMPLE else None


def furniture_kind(text: str) -> str | None:
    """Why a whole line is page furniture, or None when it is text."""
    if FOOTER_URL.match(text):
        return "undocs footer link"
    if JOB_NUMBER.match(text):
        return "job number"
    if PAGE_NUMBER.match(text):
        return "page number"
    if DISTRIBUTION.match(text):
        return "distribution line"
    if RUNNING_SYMBOL.match(text) and "/" in text:
        return "running symbol"
    return None


def _beside_furniture(lines: list[str], index: int) -> bool:
    """Whether the nearest non-blank line before or after line `index` is page furniture."""
    for step in (-1, 1):
        k = index + step
        while 0 <= k < len(lines) and not lines[k].strip():
            k += step
        if 0 <= k < len(lines) and furniture_kind(lines[k].strip()):
            return True
    return False


def _note_start(text: str, in_zone: bool, next_number: int | None, called: set[str] | None = None) -> tuple[str, str, bool] | None:
    """(key, text, superscript) when the line opens a footnote definition. A superscript or
    bracketed mark opens one under a rule or once the body has called it and its note is still
    to come (`called`, None: no matter); else it is a call that the line break put at a line
    start, or the rest of one it split (¹ / ⁶ for 16, note 6 read long before). A plain number
    opens one in the zone of notes when it is `next_number` (None: a line known to open a
    note, any)."""
    m = SUPERSCRIPT_NOTE.match(text)
    if m:
        key = "".join(SUPERSCRIPT_VALUE[c] for c in m.group(1))
        if in_zone or called is None or key in called:
            return key, m.group(2), True
    m = ASTERISK_NOTE.match(text)
    if m:
        return m.group(1), m.group(2), False
    m = BRACKET_NOTE.match(text)
    if m and (in_zone or called is None or m.group(1) in called):
        return m.group(1), m.group(2), True
    m = PLAIN_NOTE.match(text)
    if m and in_zone and next_number in (None, int(m.group(1))) and not NUMBERED.match(text):
        return m.group(1), m.group(2), False
    return None


# How far back a note's open quotation is looked for (a note grows line by line: the whole
# text each time would make a long note quadratic).
_QUOTE_ROOM = 2000


def _calls(text: str) -> set[str]:
    """The keys of the superscript and bracketed note calls in `text`."""
    superscript = ("".join(SUPERSCRIPT_VALUE[c] for c in call) for call in SUPERSCRIPT_CALL.findall(text))
    return set(BRACKET_CALL.findall(text)).union(superscript)


def ends_note(text: str) -> bool:
    """A note ends with a full stop, or with the bracket that closes its citation (…(2015 年，
    巴黎，经合组织出版)), never inside a quotation it opened (…规定：“1. …。“2. …。”); a
    colon announces what follows (…规定：“1. …”)."""
    text = text.rstrip()
    quoted = text[-_QUOTE_ROOM:]
    if quoted.rfind("“") > quoted.rfind("”"):
        return False
    if text.endswith((")", "）")):
        return True
    return ends_sentence(text) and not text.endswith(("：", ":", "；", ";"))


def _quotation_goes_on(text: str) -> bool:
    """Whether a note's text announced a quotation (…规定：) or is inside one it opened."""
    text = text.rstrip()
    quoted = text[-_QUOTE_ROOM:]
    return text.endswith(("：", ":")) or quoted.rfind("“") > quoted.rfind("”")


def _note_goes_on(note: str, tail: str, line: str, aligned: bool, wrap: float, body_resumes) -> bool:
    """Whether `line` continues a wrapped note whose last line was `tail` (with its
    indentation, which takes room on the line too).

    After a line the wrap cut, the note goes on whatever the line starts with (三分之 /
    二、…; 第 62 段 / (f) 分段) unless the note had ended and a numbered paragraph or
    heading follows, or `body_resumes()` says the line goes on with the body text that the
    note block interrupted; a full stop at the cut (or the one of vol. No. etc.) does not end
    the note otherwise. The wrap cut a line only when the next is `aligned` where a note's
    lines go on (flush left, or under the note's text where its lines hang: `_note_hangs`);
    the body resuming after a page break often is not. After a line that stopped short, the
    note goes on only while its text has not ended."""
    ended = ends_note(note)
    if aligned and fills_line(tail, line, wrap):
        return not (ended and (_opens_structure(line) or body_resumes()))
    return not ended and not _opens_structure(line)


# How many lines a note that ended at a full line is read on to see where it would end.
_NOTE_RUN_LIMIT = 100


def _note_run_end(lines: list[str], start: int, note: NoteText, body_tail: str, wrap: float, next_number: int) -> int | None:
    """Where a note that ended on a full line ends when the lines from `start` on are its own
    (the index of the line after them), or None when they go on with the body that the note
    block interrupted.

    Both are possible when the body line before the block was cut by the wrap too. A note
    block is printed whole before the body resumes, so the lines are read as the note going
    on, and where that run stops decides: at the next note, the page end (separator or
    furniture) or a flush-left line that goes on with the cut body line, the run was the
    note's (if its text ends there); at a numbered paragraph, heading, indented line or the
    end of the text, the run was the rest of the paragraph (if it ends a sentence there)."""
    text, tail = note.text, ""
    run = ((index, raw) for index, raw in enumerate(itertools.islice(lines, start, None), start) if raw.strip())
    for index, raw in itertools.islice(run, _NOTE_RUN_LIMIT):
        line = raw.strip()
        if SEPARATOR.match(line) or furniture_kind(line) or _note_start(line, True, next_number):
            return index if ends_note(text) else None
        indent = _indent(raw)
        if tail and not _note_goes_on(text, tail, line, indent in note.hangs, wrap, lambda: False):
            resumes = not indent and not _opens_structure(line) and fills_line(body_tail, line, wrap)
            paragraph_ended = not resumes and ends_sentence(tail)
            return None if paragraph_ended or not ends_note(text) else index
        text, tail = join_text(text, line), raw.rstrip()
    return None


def _take_carried_rest(layout: Layout, note: NoteText, wrap: float, blanks_set_apart: bool, note_measure: float | None,
                       resumes: str = "") -> None:
    """Where a page's notes stand under no rule, the rest of a note that the page end cut
    (`note` has not ended) heads the next page's notes, or stands alone at its foot, so the
    body pieces read on that page end with it: the run of lines just before this page's first
    note or its end, hanging where the note's lines hang (else the flush-left lines after the
    blank line before the notes), that ends the note's text. They go back to the note. Flush
    left, they are the body's own where the body line before them is one the wrap cut in
    mid-sentence and the next page's body (`resumes`: its first line, at a page end) opens a
    paragraph, heading or item: the paragraph needs them (a line that stopped short, a
    heading's, needs nothing). Where a blank line follows every line
    (`blanks_set_apart` false) none sets the notes apart, so the run reaches back over full
    lines (a note's wrapped lines) to the body's last sentence end: stopped at the first full
    line, it would leave the note's other wrapped lines to the body. A line wider than the
    notes' measure (`note_measure`, None where unknown) is the body's, though: where the
    notes' column is narrower than the body's, the body's full lines tell them apart."""
    pieces = layout.pieces
    if not pieces or pieces[-1].page != note.page + 1:
        return
    def hanging(piece: Piece) -> bool:  # indented by spaces where the note's lines hang
        return piece.indent in note.hangs - {0} and piece.lead == piece.indent / 2

    # A note may seem to end where it goes on: at a closing bracket, which may close a label
    # (…第62段(f) / 分段。), or at a stop before more of its citation (…长久得多？” / ，《和平研究
    # 杂志》…). Its rest is then a run that hangs where the note's lines hang (no body line
    # does), after a bracket; or one that goes on with the text before it (a comma, a closing
    # mark: no block opens so), hanging or after the blank line that sets the notes apart. A
    # bracket on a line that filled the notes' measure (`note_measure`, from a reading of the
    # whole text) may end nothing either: the wrap cut the note there, so where notes stand
    # under no rule a rest no wider than the notes is looked for as after a note that has not
    # ended, blank line after every line or not (under a rule the rest would head its notes).
    ended = ends_note(note.text)
    cut_at_bracket = False
    if ended and not layout.ruled and note.text.rstrip().endswith((")", "）")):
        layout.measure_wanted = True
        cut_at_bracket = note_measure is not None and line_width(note.tail) > note_measure - 1
        ended = not cut_at_bracket
    if ended and not (hanging(pieces[-1]) or blanks_set_apart):
        return

    def part(piece: Piece) -> bool:  # a line that may be the note's: no body structure opens
        return not piece.after_break and not _opens_structure(piece.text)

    def opens_paragraph(k: int) -> bool:  # flush left between hanging lines, a blank line before or not: a paragraph of the note (“2. …)
        return 0 < k and not pieces[k].indent and hanging(pieces[k - 1]) and hanging(pieces[k + 1])

    start = len(pieces)
    if hanging(pieces[-1]):
        while start > 0 and (hanging(pieces[start - 1]) or opens_paragraph(start - 1)) and part(pieces[start - 1]):
            start -= 1
    else:  # flush left: the lines after the blank line that sets a page's notes apart
        def body_may_stop(k: int) -> bool:  # the body before piece k ends a sentence there
            return k == 0 or ends_sentence(pieces[k - 1].text)

        def wider_than_notes(piece: Piece) -> bool:
            return note_measure is not None and line_width(piece.text) > note_measure

        def note_line(piece: Piece) -> bool:  # flush left, no wider than the notes, no structure
            return part(piece) and not piece.indent and not wider_than_notes(piece)

        layout.measure_wanted |= not blanks_set_apart
        while start > 0 and part(pieces[start - 1]) and not pieces[start - 1].indent:
            if start < len(pieces) and not blanks_set_apart and not fills_line(pieces[start - 1].text, pieces[start].text, wrap):
                break
            if not blanks_set_apart and wider_than_notes(pieces[start - 1]):
                break
            start -= 1
            if pieces[start].after_blank and (blanks_set_apart or body_may_stop(start)):
                break
        # A quotation of several paragraphs opens each with “ and closes only the last (…规定：
        # / “1. … / “2. … / “3. …。”): where the note announced one or is inside it, a quoted
        # paragraph just before the run that leaves its quotation open is the note's too (back
        # to the nearest line that opens with “, over lines the wrap cut).
        while (not blanks_set_apart and 0 < start < len(pieces) and pieces[start].text.startswith("“")
               and _quotation_goes_on(note.text) and note_line(pieces[start - 1])):
            first = start - 1
            while (not pieces[first].text.startswith("“") and first > 0 and note_line(pieces[first - 1])
                   and fills_line(pieces[first - 1].text, pieces[first].text, wrap)):
                first -= 1
            quoted = "".join(piece.text for piece in pieces[first:start])
            if not quoted.startswith("“") or quoted.rfind("”") > quoted.rfind("“") or pieces[first].page != note.page + 1:
                break
            start = first
        if start < len(pieces) and not pieces[start].after_blank:
            return
    run = pieces[start:]
    if not run or start == 0 or run[0].page != note.page + 1:
        return
    if ended and not (hanging(run[0]) and not ends_sentence(note.text)) and run[0].text[:1] not in NO_LINE_START:
        return
    if cut_at_bracket and any(line_width(piece.text) > note_measure for piece in run):
        return
    before = pieces[start - 1]
    if (not hanging(run[0]) and _opens_structure(resumes) and not ends_sentence(before.text)
            and fills_line(before.text, run[0].text, wrap)):
        return
    text, breaks = note.text, []
    for line_before, piece in zip([note.tail] + [p.text for p in run], run):
        text = _joined_note_line(text, piece.text, layout.spacing, line_before, breaks)
    if not ends_note(text):
        return
    note.text, note.last_line, note.page, note.tail = text, run[-1].line, run[-1].page, run[-1].text
    note.line_breaks += breaks
    del pieces[start:]


def _joined_note_line(text: str, line: str, spacing: NumberSpacing, line_before: str,
                      line_breaks: list[tuple[int, str]]) -> str:
    """A note's `text` with its next `line` joined on; where the line end was, and the
    `line_before`, are added to `line_breaks`."""
    line_breaks.append((len(text), line_before))
    return join_text(text, line, spacing)


def settle_note_breaks(notes: list[NoteText], measure: float | None, exact: bool, whole_units: bool) -> None:
    """What each line end of a note was, by what the body's lines showed of the wrap
    (blocks.BlockBuilder) and the notes' `measure`. Where the line breaker cuts anything
    (`whole_units` false), it wrapped the notes too: a line that filled the measure
    (`cut_inside_run`) cut a number or a word (1989-2 / 016, htt / p://), and the space its
    join put in goes. Where the wrap is `exact`, a line that ended a sentence or announced
    what follows (…规定：) and left room for the next line's start ended a paragraph of the
    note, as a typesetter starts each on a line of its own (“1. … / “2. …)."""
    if measure is None:
        return
    for note in notes:
        text = note.text
        for at, line_before in reversed(note.line_breaks):
            spaced = text[at : at + 1] == " "
            following = text[at + spaced :]
            if (not whole_units and spaced and run_goes_on(text[at - 1 : at], following[:1])
                    and cut_inside_run(line_before, measure)):
                text = text[:at] + following
            elif (exact and (ends_sentence(line_before) or line_before.endswith(("：", ":")))
                  and not fills_line(line_before, following, measure, exact=True, whole=whole_units)):
                text = text[:at] + NOTE_PARAGRAPH + following
        note.text = text


def _body_after_page_end(lines: list[str], index: int, furniture: dict[int, str]) -> str:
    """The first line of text after the furniture that starts on line `index` ("" at the end)."""
    for k in range(index, len(lines)):
        text = lines[k].strip()
        if text and not (furniture.get(k + 1) or furniture_kind(text) or BARE_NUMBER.match(text)):
            return text
    return ""


# From this share of text lines after a blank line on, a blank line follows every line and sets
# nothing apart.
BLANK_AFTER_EVERY_LINE = 0.6


def _blank_share(lines: list[str]) -> float:
    """The share of text lines right after a blank line."""
    text = [k for k in range(1, len(lines)) if lines[k].strip()]
    return sum(not lines[k - 1].strip() for k in text) / len(text) if text else 0.0


def _note_hangs(raw: str, note_text: str) -> frozenset[int]:
    """The indentations at which the lines of a note that opens on line `raw` go on: flush
    left, or hanging under its text (at the text's column, or by the mark's width where the
    first line alone is indented)."""
    stripped = raw.strip()
    mark = len(stripped) - len(note_text)
    return frozenset({0, _indent(raw) + mark, mark})


def _indent(raw: str) -> int:
    return len(raw) - len(raw.lstrip(" \u3000"))


def _opens_structure(text: str) -> bool:
    """A numbered paragraph, heading or item does not continue a footnote that has ended."""
    return any(p.match(text) for p in (NUMBERED, CHAPTER, SECTION, ITEM))


def split_layout(text: str, note_starts: frozenset[int] | set[int] = frozenset(),
                 furniture: dict[int, str] | None = None) -> Layout:
    """`note_starts`: lines known to open a page's foot of notes; `furniture`: lines known to
    be page furniture, and why (both from reader.extraction). Where the rest of a cut note
    is told from the body by the notes' measure, the text is read again with the measure
    that the first reading found over all its notes (the first page's cut note has few
    notes above it)."""
    layout = _read_layout(text, note_starts, furniture or {}, None)
    if layout.measure_wanted and layout.note_measure() is not None:
        layout = _read_layout(text, note_starts, furniture or {}, layout.note_measure())
    return layout


def _read_layout(text: str, note_starts: frozenset[int] | set[int], furniture: dict[int, str],
                 note_measure: float | None) -> Layout:
    layout = Layout()
    lines = text.split("\n")
    layout.spacing = number_spacing(lines)
    wrapped, margin = wrap_margin(lines)
    wrap = margin if wrapped else 0  # the margin of the wrapped layout, 0 in the line layout
    blanks_set_apart = _blank_share(lines) < BLANK_AFTER_EVERY_LINE
    in_zone = False  # after a footnote separator, until the body resumes
    in_toc = False
    after_blank = True
    next_number = 1
    open_note: NoteText | None = None  # a wrapped note that the next line may continue
    note_tail = ""  # the open note's last line
    listing_note: NoteText | None = None  # a note whose text announced a list (…规定：)
    note_run_end = 0  # the lines before it were read on as the open note's: no need to ask again
    called: set[str] = set()  # the superscript and bracketed marks the body called whose notes are still to come
    read: set[str] = set()  # the keys of the notes read so far (a key is one note's)
    page = 0  # page ends (runs of furniture) so far
    at_page_end = False  # the last line that was not blank was furniture
    for index, raw in enumerate(lines):
        number = index + 1
        stripped = raw.strip()
        indent = _indent(raw)
        if not stripped:
            after_blank = True
            continue
        if in_toc:
            toc_row = TOC_ROW.search(raw.rstrip(" ")) or raw.startswith("\t")
            if toc_row and not furniture_kind(stripped):  # a job number after the contents is furniture
                layout.removed.append(Removed(number, stripped, "table of contents"))
                continue
            in_toc = False
        if TOC_TITLE.match(stripped):
            in_toc = True
            layout.removed.append(Removed(number, stripped, "table of contents"))
            continue
        if SEPARATOR.match(stripped):
            # A note that a page end cut before its text ended goes on atop the next page's notes.
            last = layout.notes[-1] if layout.notes else None
            in_zone, open_note = True, last if wrap and last is not None else None
            layout.ruled = True
            layout.removed.append(Removed(number, stripped, "footnote separator"))
            continue
        why = furniture.get(number) or furniture_kind(stripped)
        if not why and BARE_NUMBER.match(stripped) and _beside_furniture(lines, index):
            why = "page number"
        if why:
            if not at_page_end and wrap and layout.notes and not in_zone:
                _take_carried_rest(layout, layout.notes[-1], wrap, blanks_set_apart, note_measure,
                                   _body_after_page_end(lines, index, furniture))
            page += not at_page_end
            at_page_end = True
            in_zone, open_note = False, None
            layout.removed.append(Removed(number, stripped, why))
            after_blank = True
            continue
        at_page_end = False
        marked = number in note_starts
        # Unwrapped, no line break falls inside a paragraph: a mark at a line start opens a note.
        start = _note_start(stripped, in_zone or marked, None if marked else next_number, called if wrap else None)
        if start:
            key, note_text, superscript = start
            if wrap and layout.notes and not in_zone:
                _take_carried_rest(layout, layout.notes[-1], wrap, blanks_set_apart, note_measure)
            open_note = NoteText(key, note_text, number, len(layout.pieces), superscript, number,
                                 _note_hangs(raw, note_text), page, stripped)
            layout.notes.append(open_note)
            called.discard(key)
            read.add(key)
            note_tail = raw.rstrip()
            if key.isdigit():
                next_number = int(key) + 1
            if not wrap:
                open_note = None  # in the line layout a note is one line
            if note_text.rstrip().endswith(("：", ":")):
                listing_note = layout.notes[-1]
            continue
        if listing_note is not None and NOTE_LIST_ITEM.match(stripped):
            listing_note.text = f"{listing_note.text}{NOTE_PARAGRAPH}{stripped[1:].strip()}"
            listing_note.last_line, listing_note.page = number, page
            continue
        listing_note = None
        body_tail = layout.pieces[-1].text if layout.pieces else ""

        def body_resumes() -> bool:
            nonlocal note_run_end
            if index < note_run_end or not body_tail or not fills_line(body_tail, stripped, wrap):
                return False
            end = _note_run_end(lines, index, open_note, body_tail, wrap, next_number)
            note_run_end = end or 0
            return end is None

        aligned = open_note is not None and indent in open_note.hangs
        if open_note is not None and _note_goes_on(open_note.text, note_tail, stripped, aligned, wrap, body_resumes):
            layout.wrapped_note_widths.append(line_width(note_tail.strip()))
            open_note.text = _joined_note_line(open_note.text, stripped, layout.spacing, note_tail.strip(),
                                               open_note.line_breaks)
            open_note.last_line, open_note.page, open_note.tail = number, page, stripped
            note_tail = raw.rstrip()
            continue
        open_note = None
        in_zone = False
        since = layout.pieces[-1].line if layout.pieces else 0
        broken = any(line.strip() for line in lines[since:index])
        layout.pieces.append(Piece(number, piece_text(raw), indent, after_blank, broken, line_width(raw[:indent]), page))
        # A line breaker that cuts anything may split a call ([2 / ], ¹ / ⁰): its pieces meet again here.
        called.update(_calls(body_tail[-_CALL_ROOM:] + stripped) - read)
        after_blank = False
    return layout
