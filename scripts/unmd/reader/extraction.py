"""Zeroth reading: undo what a PDF extractor did to the page, before the text is read.

pdftotext, pdfminer, pypdf and PyMuPDF each print a UN PDF's page in their own way: form
feeds between pages, the footer's job number and page number on one line with a column gap
between them (`15-16040 (C)      2/14`), the masthead (联合国, the symbol, Distr.: General,
the date, Original: English) as lines of their own or run together, a hanging paragraph
number on a line of its own or ahead of a wide gap (`12.      …`), and with -layout every line
of a hanging paragraph indented to the text column. This reading measures that from the
whole text first (is there a text column, where is it; where is the first page), then
rewrites each line into the plain shape the later readings know: furniture and masthead lines
are marked for lines.py to drop on the record (`Removed`), a lone number is put back before its
text, the text column becomes the left margin, and a table's rows (short cells apart by column
gaps, or in stream order one after another: rows of a label and numbers) become tab-separated
rows. Line numbers do not change, so a warning
still names the line of the file.
"""

from __future__ import annotations

import itertools
import re
from collections import Counter
from dataclasses import dataclass, field

from .lines import BARE_NUMBER, SEPARATOR, SYMBOL_PATTERN, ends_note, furniture_kind
from .shape import (CHAPTER, COUNT_UNITS, ITEM, MARK_GLUED_AFTER, NUMBERED, SECTION, SIGNATURE_END, ends_sentence,
                    fills_line, heading_like, item_parts, join_text, line_width, measures, width_slack, wrap_margin)

# A gap of this many spaces or more inside a line separates two columns of the page.
_COLUMN_GAP = re.compile(r" {3,}|\t")
_FURNITURE = [
    ("running symbol", rf"{SYMBOL_PATTERN}(?:\s*[-–]\s*{SYMBOL_PATTERN})*"),
    ("job number", r"[A-Z]?\d{2}-\d{4,6}\s*(?:\([A-Z]\))?(?:\s+\d{6}){0,2}"),
    ("job number", r"\*\d{7,}\*"),  # its barcode, as lines.py names it
    ("page number", r"\d{1,4}\s*/\s*\d{1,4}|-\s*\d{1,4}\s*-"),
    ("undocs footer link", r"https?://(?:www\.)?undocs\.org/\S*"),
    ("recycling note", r"♲?\s*(?:请回收|Please recycle)\s*♲?"),  # at the foot of a UN document's first page
]
_MASTHEAD = [
    ("masthead", r"联\s*合\s*国"),
    ("distribution", r"Distr\.?\s*[:：]\s*(?:General|Limited|Restricted)"),
    ("date", r"\d{4}-\d{2}-\d{2}|\d{1,2} [A-Z][a-z]+ \d{4}|\d{4}\s*年\s*\d{1,2}\s*月\s*\d{1,2}\s*日"),
    ("language", r"Chinese|中文"),
    ("original language", r"Original\s*[:：]\s*(?:English|French|Spanish|Russian|Arabic|Chinese)|原\s*文\s*[:：]\s*\S{1,6}文"),
]
_FURNITURE = [(why, re.compile(pattern)) for why, pattern in _FURNITURE]
_BARE_PAGE_NUMBER = re.compile(r"\d{1,4}")
_MASTHEAD = [(why, re.compile(pattern)) for why, pattern in _MASTHEAD]
_SPACES = re.compile(r"\s*")
# Inside a line of a text kept in its page layout, a run of spaces is justification or the
# room a superscript call left (…扩大”。1   预防性外交): one space of the text.
_LAYOUT_SPACES = re.compile(r"(?<=\S) {2,}(?=\S)")
# A number that more room sets apart from the text before it than from the text after it
# (…增长额”。                    10  最严重…) is a superscript call that pypdf's layout mode
# printed further right; it goes back to its sentence (…增长额”。10 最严重…). A number in running
# text has as much justification on either side (需要  14  年).
_SET_APART_CALL = re.compile(rf"(?<={MARK_GLUED_AFTER})( {{2,}})(\d{{1,3}})( +)(?=\S)")
# At a line's end such a call may stand further from its sentence than the sentence's line is
# long (…包容性社会),   (a hundred spaces)   13): no justification widens one gap so far (…特派团
# 16 / 年来…: a few spaces).
_SET_APART_CALL_AT_END = re.compile(rf"(?<={MARK_GLUED_AFTER})( {{2,}})(\d{{1,3}})$")
_FIELD_ROOM = 120  # no masthead or footer field is longer
# How many lines from the top the masthead may reach (it is the head of the first page).
_MASTHEAD_ROOM = 30
# A hanging paragraph number alone (12.), and any hanging number: 12. / 一. / A. / (a), with
# nothing after it on the line.
_LONE_PARAGRAPH_NUMBER = re.compile(r"^(\d{1,4})\s*[.．]$")
_LONE_MARKER = re.compile(r"^(?:\d{1,4}\s*[.．]|[一二三四五六七八九十]{1,3}\s*[.．、]|[A-Z]\s*[.．]|[(（](?:[a-z]|[ivx]{1,5}|[一二三四五六七八九十]{1,3})[)）])$")


@dataclass
class Extraction:
    text: str
    furniture: dict[int, str] = field(default_factory=dict)  # line -> why it is furniture (lines.py drops it)
    note_starts: set[int] = field(default_factory=set)  # lines that open a page's foot of notes
    # The extractor kept the page's geometry (a text column: pdftotext -layout, pypdf's layout
    # mode, PyMuPDF sorted): its blank lines are the page's vertical gaps, between blocks only.
    kept_layout: bool = False


def _field_parts(text: str, kinds) -> list[tuple[str, str]] | None:
    """The furniture fields, as (why, text), that one field (a stretch between column gaps)
    is made of: one kind, or several that the extractor ran together without a space (pypdf:
    S/2015/730联合国); None when some of it is none of them."""
    if len(text) > _FIELD_ROOM:
        return None
    parts, pos = [], 0
    while pos < len(text):
        matches = [(m.end(), why) for why, pattern in kinds if (m := pattern.match(text, pos))]
        if not matches:
            return None
        end, why = max(matches)
        parts.append((why, text[pos:end]))
        pos = _SPACES.match(text, end).end()
    return parts or None


def masthead_fields(line: str, more_kinds=()) -> list[str]:
    """The fields of a line at the head of the first page: what column gaps separate (-layout:
    `联合国      A/72/115`), each cut again where the extractor ran masthead fields (or fields
    of `more_kinds`, as (why, pattern)) together (`A/72/115联合国`); a field that is not all
    of them stays whole."""
    kinds = _FURNITURE + _MASTHEAD + list(more_kinds)
    out: list[str] = []
    for part in _COLUMN_GAP.split(line.strip()):
        if part:
            out += [text for _, text in _field_parts(part, kinds) or [(None, part)]]
    return out


def _furniture(fields: list[str], masthead: bool) -> str | None:
    """Why every field of a line is furniture (or masthead, at the head of the first page)."""
    kinds = [*(_FURNITURE + _MASTHEAD if masthead else _FURNITURE), ("page number", _BARE_PAGE_NUMBER)]
    parts = [_field_parts(f, kinds) for f in fields]
    if not all(parts):
        return None
    parts = [part for field_parts in parts for part in field_parts]
    # A bare number is a page number beside other furniture (15-15862 (C) 2 2/9), not alone.
    if all(why == "page number" and _BARE_PAGE_NUMBER.fullmatch(text) for why, text in parts):
        return None
    return parts[0][0]


def _indent(line: str) -> int:
    return len(line) - len(line.lstrip(" "))


# A text column is a tab stop, several spaces in: a paragraph indented by a space or two is not one.
_MIN_COLUMN = 3


def text_column(lines: list[str]) -> int:
    """The column where a hanging paragraph's lines start when the extractor kept the page's
    horizontal layout (pdftotext -layout, pypdf's layout mode): the indentation of a tab stop
    or more that a fifth of the lines or more share (the lines of hanging paragraphs; the
    summary, notes and unnumbered paragraphs start at the margin). 0 when there is none."""
    indents = [_indent(line) for line in lines if line.strip()]
    columns = Counter(indent for indent in indents if indent >= _MIN_COLUMN)
    if not columns:
        return 0
    column, count = columns.most_common(1)[0]
    return column if count >= 0.2 * len(indents) else 0


# A page with fewer lines than this shows too little of its layout to measure it.
_PAGE_LINES = 8


def page_columns(lines: list[str], breaks: set[int]) -> list[int]:
    """The text column of each line's page. pdftotext -layout lays every page out on its own,
    from the page's leftmost text: a page where no number hangs in the margin has its column
    further left or right than the others. A page too short to tell, or with no column of its
    own, takes the document's; a document without one has none on any page."""
    whole = text_column(lines)
    if not whole:
        return [0] * len(lines)
    out: list[int] = []
    start = 0
    for end in sorted(b - 1 for b in breaks if b > 1) + [len(lines)]:
        page = lines[start:end]
        own = text_column(page) if sum(1 for line in page if line.strip()) >= _PAGE_LINES else 0
        out += [own or whole] * (end - start)
        start = end
    return out


# A paragraph number run together with the Han text it hangs before (21.监测…): no number
# with a decimal or a Latin word after it.
_GLUED_NUMBER = re.compile(r"^(\d{1,4}\.)(?=[\u3400-\u9fff“《（(])")


def _unglue_number(text: str, paragraph: int) -> str:
    """`21.监测…` -> `21. 监测…`: a hanging number run together with its text, before Han text
    or an opening mark, or before anything when it is the next paragraph's number
    (`317.2007年…` after paragraph 316; no decimal is that)."""
    m = re.match(r"^(\d{1,4})\.(?=\S)", text)
    if m and (_GLUED_NUMBER.match(text) or int(m.group(1)) == paragraph + 1):
        return f"{m.group(0)} {text[m.end():]}"
    return text


def _marker_gap(line: str) -> str:
    """`12.      text` -> `12. text`: the gap a tab stop left after a hanging number."""
    stripped = line.strip()
    m = re.match(r"^(\S{1,6})(?: {2,}|\t)(\S.*)$", stripped)
    if m and _LONE_MARKER.match(m.group(1)):
        return f"{m.group(1)} {m.group(2)}"
    return stripped


# A cell of a table row in a text that kept the page's geometry: apart from the next by a
# column gap, two spaces or more (one between two Han cells: PyMuPDF sorted prints a header
# row so, 职等 女      男), and short: a line of running text is no row.
_CELL_GAP = re.compile(r" {2,}|(?<=[^\x00-\x7f]) (?=[^\x00-\x7f])")
_CELL_ROOM = 10  # Han characters
# A table: this many rows or more, one after another (blank lines between them), at least
# two of them with a cell in every column, of three or more.
_TABLE_ROWS = 3
_TABLE_COLUMNS = 3
_LEADERS = re.compile(r"\.{3,}|…{2,}|·{4,}")  # a table of contents' row is no table's


def _cells(line: str) -> list[tuple[float, str]]:
    """(where it starts, in Han characters from the line's start; its text) of each cell of a
    line, or [] when a cell is too wide for a table's."""
    cells, pos = [], 0
    stripped = line.rstrip()
    while pos < len(stripped):
        start = len(stripped) - len(stripped[pos:].lstrip())
        gap = _CELL_GAP.search(stripped, start)
        end = gap.start() if gap else len(stripped)
        text = stripped[start:end]
        if line_width(text) > _CELL_ROOM or _LEADERS.search(text):
            return []
        cells.append((line_width(line[:start]), text))
        pos = gap.end() if gap else end
    return cells


def _placed(cells: list[tuple[float, str]], starts: list[float]) -> list[str]:
    """The cells of a row with fewer cells than columns, each in the column whose start
    (`starts`) is nearest, in order: the placement that is off by least in all."""
    best: dict[tuple[int, int], tuple[float, list[int]]] = {}

    def place(k: int, column: int) -> tuple[float, list[int]]:
        if k == len(cells):
            return 0.0, []
        if len(starts) - column < len(cells) - k:
            return float("inf"), []
        if (k, column) not in best:
            off, rest = place(k + 1, column + 1)
            here = (abs(cells[k][0] - starts[column]) + off, [column] + rest)
            best[(k, column)] = min(here, place(k, column + 1), key=lambda option: option[0])
        return best[(k, column)]

    row = [""] * len(starts)
    for (_, text), column in zip(cells, place(0, 0)[1]):
        row[column] = text
    return row


def table_rows(lines: list[str], furniture: dict[int, str]) -> dict[int, str]:
    """The lines (1-based) of tables in a text that kept the page's geometry, each as the
    tab-separated row the later readings know (a row with fewer cells than columns gets its
    empty cells). A table's columns start where its full rows' cells start; a header row with
    fewer cells (a group's heading over two columns, an empty corner) is placed against the
    row right below it, where that one has a cell, or the columns' starts: the extractor
    scales a row of Han headings and a row of numbers apart from each other. Where the rows
    above the first full one have a header's shape (`_header_rows`: headings over every column
    but the labels', under the corner's and the groups' headings), that shape places them:
    pypdf's layout mode, which estimates positions from the fonts' widths, may set a group's
    heading over the wrong column."""
    out: dict[int, str] = {}
    run: list[tuple[int, list[tuple[float, str]]]] = []
    for number, line in enumerate(lines + [""], 1):
        if not line.strip() and number <= len(lines):
            continue
        cells = _cells(line) if number not in furniture and number <= len(lines) else []
        if len(cells) >= 2:
            run.append((number, cells))
            continue
        width = max((len(c) for _, c in run), default=0)
        full = [c for _, c in run if len(c) == width]
        if len(run) >= _TABLE_ROWS and width >= _TABLE_COLUMNS and len(full) >= 2:
            starts = [sorted(c[j][0] for c in full)[len(full) // 2] for j in range(width)]
            below = list(starts)
            shaped = _shaped_header(run, width)
            for row_number, row_cells in reversed(run):
                row = ([text for _, text in row_cells] if len(row_cells) == width
                       else shaped.get(row_number) or _placed(row_cells, below))
                placed = dict(zip((j for j, text in enumerate(row) if text), row_cells))
                below = [placed[j][0] if j in placed else starts[j] for j in range(width)]
                out[row_number] = "\t".join(row)
        run = []
    return out


def _shaped_header(run: list[tuple[int, list[tuple[float, str]]]], width: int) -> dict[int, list[str]]:
    """The header rows above a table's first full row (line -> cells in their columns) where
    they have a header's shape (`_header_rows`, the same rows with as many cells each), else {}."""
    head = list(itertools.takewhile(lambda row: len(row[1]) < width, run))
    rows = _header_rows([text for _, cells in head for _, text in cells], width) if 0 < len(head) <= 2 else None
    if rows is None or [sum(1 for text in row if text) for row in rows] != [len(cells) for _, cells in head]:
        return {}
    return {number: row for (number, _), row in zip(head, rows)}


# A cell of a table's body that holds a count or a share (5, 28, 277, 41%).
_NUMBER_CELL = re.compile(r"^\d{1,7}(?:[.,]\d+)?%?$")


def _header_rows(cells: list[str], columns: int) -> list[list[str]] | None:
    """A table's header cells, printed one after another without their places, in rows of
    `columns`: all in one row (the corner above the labels left empty when one is missing),
    or in two, where the second heads every column but the labels' (its corner empty) and
    the first holds the corner's heading and group headings, each over an equal share of
    the columns after it (职等 女 男 / 人数 百分比 人数 百分比: 女 over two, 男 over two)."""
    if not cells:
        return []
    if len(cells) in (columns, columns - 1):
        return [[""] * (columns - len(cells)) + cells]
    top, second = cells[: len(cells) - (columns - 1)], cells[len(cells) - (columns - 1):]
    groups = len(top) - 1
    if groups < 1 or (columns - 1) % groups:
        return None
    span = (columns - 1) // groups
    first = [top[0]] + [""] * (columns - 1)
    for k, heading in enumerate(top[1:]):
        first[1 + k * span] = heading
    return [first, [""] + second]


def stream_table_rows(lines: list[str], furniture: dict[int, str]) -> dict[int, str]:
    """The lines (1-based) of tables in a text in stream order, which keeps no column gaps
    (pdftotext, -raw, pypdf, PyMuPDF): a run of lines of short cells, one or several a line,
    ending in rows of a label and numbers, as many in each (USG / 5 / 28 / 13 / 72 / ASG / …),
    at least two; the cells before them are the header (`_header_rows`). Each row goes on the
    line of its first cell, as the tab-separated row the later readings know; the other lines
    of the run become blank. A page end's furniture (and a bare page number beside it) does
    not end a run: a table goes on over the page end. A run that does not end so (pdfminer
    prints a table by its columns) is left as it is."""
    out: dict[int, str] = {}
    run: list[tuple[int, list[str]]] = []
    texts = [k for k, line in enumerate(lines, 1) if line.strip()]
    page_end = set(furniture) | {k for j, k in enumerate(texts) if BARE_NUMBER.match(lines[k - 1].strip()) and (
        (j > 0 and texts[j - 1] in furniture) or (j + 1 < len(texts) and texts[j + 1] in furniture))}
    for number, line in enumerate(lines + [""], 1):
        if (not line.strip() and number <= len(lines)) or number in page_end:
            continue
        cells = line.split() if number <= len(lines) and "\t" not in line else []
        if cells and all(line_width(c) <= _CELL_ROOM and not _LEADERS.search(c) for c in cells):
            run.append((number, cells))
            continue
        out.update(_stream_table(run))
        run = []
    return out


def _stream_table(run: list[tuple[int, list[str]]]) -> dict[int, str]:
    """The rows of one run of short cell lines (`stream_table_rows`), or {}: a header of
    headings, then rows of a label and numbers as long as they go on; what follows them on
    lines of its own (a short note: 简称：USG：副秘书长) is no table's."""
    cells = [(number, cell) for number, line_cells in run for cell in line_cells]
    labelled = [k for k in range(len(cells) - 1)
                if not _NUMBER_CELL.match(cells[k][1]) and _NUMBER_CELL.match(cells[k + 1][1])]
    start, columns, rows = 0, 0, []
    for start, following in zip(labelled, labelled[1:]):  # the first label that opens two rows or more
        columns, rows = following - start, []
        for k in range(start, len(cells) - columns + 1, columns):
            row = cells[k : k + columns]
            if _NUMBER_CELL.match(row[0][1]) or not all(_NUMBER_CELL.match(cell) for _, cell in row[1:]):
                break
            rows.append(row)
        if columns >= _TABLE_COLUMNS and len(rows) >= 2:
            break
    if columns < _TABLE_COLUMNS or len(rows) < 2:
        return {}
    end = start + columns * len(rows)
    # The header: the most cells right before the rows, from a line's start, that make one,
    # headings all (the lines above them, a caption's or a paragraph's end, are no table's;
    # numbers there are rows that did not come out in order: pdfminer prints by columns).
    first, header = next(((k, h) for k in range(max(0, start - 2 * columns + 1), start)
                          if (k == 0 or cells[k][0] != cells[k - 1][0])
                          and not any(_NUMBER_CELL.match(cell) for _, cell in cells[k:start])
                          and (h := _header_rows([cell for _, cell in cells[k:start]], columns)) is not None),
                         (start, None))
    if len(rows) < 2 or header is None or (end < len(cells) and cells[end][0] == cells[end - 1][0]):
        return {}
    out = {number: "" for number, _ in run if cells[first][0] <= number <= cells[end - 1][0]}
    header_lines = [cells[first][0], cells[start - (columns - 1)][0]] if len(header) == 2 else [cells[first][0]]
    for line, row in zip(header_lines, header):
        out[line] = "\t".join(row)
    for row in rows:
        out[row[0][0]] = "\t".join(cell for _, cell in row)
    return out


def read_extraction(text: str) -> Extraction:
    raw_lines = text.split("\n")
    page_breaks = {number for number, line in enumerate(raw_lines, 1) if line.startswith("\f")}
    lines = [line.replace("\f", "") for line in raw_lines]
    out = Extraction("")
    out.furniture = furniture_lines(lines)
    # A page ends at a form feed, or where its footer and the next page's header stand: pypdf
    # and PyMuPDF print no form feed, but every page of a UN report has its furniture.
    columns = page_columns(lines, page_breaks | set(out.furniture))
    out.kept_layout = any(columns)
    tables = (table_rows if out.kept_layout else stream_table_rows)(lines, out.furniture)
    result: list[str] = []
    hanging = False  # the lines since the last blank line are one hanging paragraph or item
    paragraph = 0  # the last paragraph number that hung left of the text column
    for number, line in enumerate(lines, 1):
        stripped = line.strip()
        if not stripped or number in out.furniture:
            result.append(line if stripped else "")
            hanging = False
            continue
        if number in tables:
            result.append(tables[number])
            hanging = False
            continue
        body = _marker_gap(line)
        column = columns[number - 1]
        if column:  # the text column is the margin; what hangs left of it (numbers) starts the line
            if _indent(line) < column:  # pypdf's layout mode prints a hanging number on its text
                body = _unglue_number(body, paragraph)
                m = NUMBERED.match(body)  # paragraphs go on in sequence: a sub-section's number (5.) is none
                paragraph = max(paragraph, int(m.group(1))) if m else paragraph
            indent = _indent(line) - column if _indent(line) > column + 1 else 0
            if hanging:  # the lines under a hanging number or marker stand at its text: no indent
                indent = 0
            hanging = hanging or _starts_structure(body)
            body = _SET_APART_CALL.sub(lambda m: m[2] + m[3] if len(m[1]) > len(m[3]) else m[0], body)
            body = _SET_APART_CALL_AT_END.sub(lambda m: m[2] if len(m[1]) > m.start() else m[0], body)
            result.append(" " * indent + _LAYOUT_SPACES.sub(" ", body))
        else:
            result.append(line if body == stripped else line[: _indent(line)] + body)
    _markers_after_their_page(result, out.furniture)
    _join_lone_markers(result, out.furniture)
    _parts_in_line_order(result, out.furniture)
    _put_back_calls_printed_below(result, out.furniture, out.kept_layout)
    out.note_starts = foot_notes(result, set(out.furniture), page_breaks)
    _put_back_parts_amid_footer(result, out.furniture, out.note_starts)
    out.text = "\n".join(result)
    return out


def _parts_in_line_order(lines: list[str], furniture: dict[int, str]) -> None:
    """pdftotext prints two consecutive lines that a wide gap cuts at the same place as two
    columns: the first parts one under the other, then the rest of each after a blank line
    (…食品和水。Nyakhat / 家。Nyakhat / 获得了…母亲回 / 怀着希望仰仗联合国。…). Where neither first
    part ends a sentence or fills a measure of the page (`shape.measures`, else the text's
    margin) and with its rest (and the gap between them) each fills the same one, the lines go
    back together in their order; the rests' lines become blank. No part is page furniture,
    indented (a centred heading) or a signature's last line (…(签名))."""
    wrapped, margin = wrap_margin(lines)
    if not wrapped:
        return
    widths = measures(lines, margin) or [margin]

    def after_blank(k: int) -> int | None:  # the next line with text, when a blank line stands before it
        following = next((j for j in range(k + 1, len(lines)) if lines[j].strip()), None)
        return following if following is not None and following > k + 1 else None

    def fills(line: str, measure: float) -> bool:
        return abs(line_width(line) - measure) <= 1 + width_slack(line)

    for k in range(len(lines) - 1):
        firsts = [k, k + 1]
        if not all(lines[j].strip() and not ends_sentence(lines[j]) for j in firsts):
            continue
        rest = after_blank(k + 1)
        rests = [rest, after_blank(rest) if rest is not None else None]
        parts = firsts + rests if None not in rests else []
        if not parts or any(_starts_structure(lines[j].strip()) for j in rests) or any(
                j + 1 in furniture or _indent(lines[j]) for j in parts) or any(
                fills(lines[j].strip(), m) or SIGNATURE_END.search(lines[j]) for j in firsts for m in widths):
            continue
        spaced = [f"{lines[first].strip()} {lines[rest].strip()}" for first, rest in zip(firsts, rests)]
        if any(all(fills(line, measure) for line in spaced) for measure in widths):
            for first, rest in zip(firsts, rests):
                lines[first], lines[rest] = join_text(lines[first].strip(), lines[rest].strip()), ""


# The room a superscript call left in a line: one space between two full-width characters
# (…增加了 9 倍； 在一些情况下…), where Han text has no space of its own.
_CALL_ROOM = re.compile(r"(?<=[^\x00-\x7f]) (?=[^\x00-\x7f])")


def _put_back_calls_printed_below(lines: list[str], furniture: dict[int, str], kept_layout: bool) -> None:
    """pdftotext may print a superscript call on a line of its own right under its line
    (…增加了 9 倍； 在一些情况下… / 3). Where a note with that number stands further on, the
    next line with text is no furniture (no page number) and the line above has one room
    left where a call stood, the call goes back there (…9 倍；3 在一些情况下…). With -layout
    the call's row pushed the rest of its paragraph down by blank rows, which read as the
    page's gap between blocks: where the call's line ends no sentence (its paragraph goes on),
    the lines after those rows, down to the next blank row, go back up under it."""
    for index in range(1, len(lines)):
        number = lines[index].strip()
        if not _LONE_NUMBER.match(number) or {index, index + 1} & furniture.keys() or not lines[index - 1].strip():
            continue
        rooms = list(_CALL_ROOM.finditer(lines[index - 1]))
        following = next((k for k in range(index + 1, len(lines)) if lines[k].strip()), None)
        if len(rooms) != 1 or following is None or following + 1 in furniture:
            continue
        if any((m := _NOTE_START.match(line.strip())) and m.group(1) == number for line in lines[index + 1:]):
            at = rooms[0].start()
            lines[index - 1] = f"{lines[index - 1][:at]}{number}{lines[index - 1][at:]}"
            lines[index] = ""
            if kept_layout and not ends_sentence(lines[index - 1]):
                end = next((k for k in range(following, len(lines)) if not lines[k].strip() or k + 1 in furniture),
                           len(lines))
                rest = lines[following:end]
                lines[index:end] = rest + [""] * (end - index - len(rest))


def furniture_lines(lines: list[str]) -> dict[int, str]:
    """The lines (1-based) that are page furniture, and why: every field of the line is a
    footer or header field, or a masthead field while no body text has been seen."""
    furniture: dict[int, str] = {}
    body_seen = False
    for number, line in enumerate(lines, 1):
        stripped = line.strip()
        if not stripped:
            continue
        fields = [f for f in _COLUMN_GAP.split(stripped) if f]
        # A whole line that lines.py drops as furniture is too (a job number with the dates of
        # issue and translation in columns: 11-53661 (C)    210811    220811).
        why = _furniture(fields, masthead=not body_seen and number <= _MASTHEAD_ROOM) or furniture_kind(stripped)
        if why:
            furniture[number] = why
        else:
            body_seen = True
    return furniture


# A note's number, then its text: not a unit (16 个), a number's next group of thousands
# (8 000 人, which a note's continuation line may start with) or the stop of a numbered
# paragraph's number spaced from it (10 . 当今…).
_NOTE_START = re.compile(rf"^(\d{{1,3}})\s+(?!\d{{3}}(?!\d))[^\s{COUNT_UNITS}%.．]")


def foot_notes(lines: list[str], furniture: set[int], page_starts: set[int] = frozenset()) -> set[int]:
    """The lines (1-based) where a note at the foot of a page begins, when no separator rule
    survived the extraction (the PDF drew it as a line, not as text).

    Three constraints of the whole document decide, not the look of one line: every note
    number stands once, nearly in sequence (a typesetter that carries a note over to a later
    page prints the next ones first: 2, 3, 4, 1, 5); a note is called in the body above it
    (on its page, or pages before when it was carried over); and the foot of a page holds
    notes only, one after another, down to the page's end (`furniture`, the line after a form
    feed, `page_starts`, or the end of the text). A page's first line may open a note of its
    own (pdftotext -raw prints a page of notes carried over without its header first)."""
    breaks = furniture | page_starts
    _, margin = wrap_margin(lines)
    starts: set[int] = set()
    in_foot = [False] * len(lines)  # the lines of the note blocks found so far: no call stands there
    found = ruled_notes(lines, breaks)  # a number that stands under a rule is that note's, once
    index = 0
    while index < len(lines):
        if index + 1 in furniture:
            index += 1
            continue
        lone = _put_back_lone_note_number(lines, index, breaks)
        m = _NOTE_START.match(lines[index].strip())
        if (m and _due(int(m.group(1)), found) and _called(lines, index, int(m.group(1)), in_foot)
                and not _goes_on_a_number(lines, index, breaks)):
            end, notes = _foot_end(lines, index, found, breaks, margin)
            if end is not None:
                starts.update(notes)
                in_foot[index:end] = [True] * (end - index)
                found.update(int(_NOTE_START.match(lines[k - 1].strip()).group(1)) for k in notes)
                index = end
                continue
        if lone is not None:  # no note starts there: the lines as they were
            lines[index], lines[lone[0]] = lone[1]
        index += 1
    return starts


# A line that ends inside a number: digits after its decimal point, a thousands comma or a
# symbol's slash (…将 8.1 / 9 亿美元…, a number a line breaker cut).
_CUT_NUMBER_END = re.compile(r"\d[.,/]\d+$")


def _goes_on_a_number(lines: list[str], index: int, breaks: set[int]) -> bool:
    """Whether line `index` opens with the rest of a number that the text line before it cut
    (not a page end's furniture: 2/23)."""
    before = next((k for k in range(index - 1, -1, -1) if lines[k].strip()), None)
    return before is not None and before + 1 not in breaks and bool(_CUT_NUMBER_END.search(lines[before].rstrip()))


def _put_back_parts_amid_footer(lines: list[str], furniture: dict[int, str], note_starts: set[int]) -> None:
    """A line that the extractor printed amid a page's footer, furniture before and after it
    (pdftotext: 15-75150 (C) / www.pcr.uu.se/research/ucdp/ / 13/77), is the end of a line of
    that page's foot of notes, laid out apart: it goes back to the end of the foot's line that
    ends no sentence and that it fills to the notes' measure (…可查阅 / datasets/…), and its
    own line becomes blank. The notes' measure is the margin of all the feet's lines."""
    feet: list[list[int]] = []  # the lines (indices) of each page's foot, from its first note to its furniture
    foot: list[int] | None = None
    for index, line in enumerate(lines):
        if index + 1 in furniture:
            foot = None
        elif index + 1 in note_starts and foot is None:
            foot = [index]
            feet.append(foot)
        elif foot is not None and line.strip():
            foot.append(index)
    wrapped, margin = wrap_margin([lines[k] for foot in feet for k in foot])
    if not wrapped:
        return
    for foot in feet:
        stray = _amid_footer(lines, foot[-1] + 1, furniture)
        if stray is None:
            continue
        part = lines[stray].strip()
        for k in foot:
            joined = f"{lines[k].strip()} {part}"
            if not ends_sentence(lines[k]) and abs(line_width(joined) - 0.5 - margin) <= 1 + width_slack(joined):
                lines[k], lines[stray] = f"{lines[k].rstrip()} {part}", ""
                break


def _amid_footer(lines: list[str], start: int, furniture: dict[int, str]) -> int | None:
    """The line of text that stands alone between furniture lines in the page end from line
    `start` on (furniture, that line, furniture again; blank lines aside), unless it opens a
    structure (the text of a lone marker, put back before it) or is a bare page number, or
    None."""
    def next_text(k: int) -> int | None:
        return next((j for j in range(k, len(lines)) if lines[j].strip()), None)

    k = next_text(start)
    if k is None or k + 1 not in furniture:
        return None
    while k is not None and k + 1 in furniture:
        k = next_text(k + 1)
    after = next_text(k + 1) if k is not None else None
    text = lines[k].strip() if after is not None else ""
    if after is None or after + 1 not in furniture or _starts_structure(text) or BARE_NUMBER.match(text):
        return None
    return k


def ruled_notes(lines: list[str], breaks: set[int]) -> set[int]:
    """The numbers of the notes that stand under a separator rule, down to the page's end."""
    numbers: set[int] = set()
    under_rule = False
    for number, line in enumerate(lines, 1):
        under_rule = (under_rule or bool(SEPARATOR.match(line.strip()))) and number not in breaks
        m = _NOTE_START.match(line.strip()) if under_rule else None
        if m:
            numbers.add(int(m.group(1)))
    return numbers


_LONE_NUMBER = re.compile(r"^\d{1,3}$")


def _put_back_lone_note_number(lines: list[str], index: int, breaks: set[int]) -> tuple[int, tuple[str, str]] | None:
    """A note's number that the extractor printed on a line of its own (pdfminer: 9 / blank /
    乌普萨拉…) goes before the note's text, on line `index`, and the text's line becomes
    blank; returned: that line and the two lines as they were, for foot_notes to put back
    where no note starts."""
    if not _LONE_NUMBER.match(lines[index].strip()):
        return None
    following = next((k for k in range(index + 1, min(index + 3, len(lines))) if lines[k].strip()), None)
    if following is None or any(k + 1 in breaks for k in range(index + 1, following + 1)):
        return None
    text = lines[following].strip()
    if _starts_structure(text) or _LONE_NUMBER.match(text):
        return None
    before = (lines[index], lines[following])
    lines[index], lines[following] = f"{lines[index].strip()} {text}", ""
    return following, before


# How far ahead of the lowest note number not found yet a note may come (carried-over notes).
_NOTE_LEAD = 10


def _due(number: int, found: set[int]) -> bool:
    """Whether note `number` may come next: not found yet, and at most _NOTE_LEAD past the
    lowest number not found yet."""
    lowest = next(n for n in range(1, len(found) + 2) if n not in found)
    return number not in found and lowest <= number <= lowest + _NOTE_LEAD


_DIGITS_END = re.compile(r"\d$")
_DIGITS_START = re.compile(r"\d")
_CUT_CALL_ROOM = 8  # the characters on either side of a line end that a call cut there spans


def _called(lines: list[str], end: int, number: int, in_foot: list[bool]) -> bool:
    """Whether the body above line `end` calls note `number`: the number stands after text,
    not before a unit (年, 月, 个, …) or inside another number, and not in a note block; also
    where a line breaker that cuts anything cut it between its digits (…发展》1 / 1 中)."""
    pattern = re.compile(rf"(?<![\d.,/]){number}(?![\d.,/%{COUNT_UNITS}])")
    text_lines = [k for k in range(end) if not in_foot[k] and lines[k].strip()]
    if any(pattern.search(lines[k]) for k in text_lines):
        return True
    return any(_DIGITS_END.search(left := lines[k].rstrip()) and _DIGITS_START.match(right := lines[j].lstrip())
               and pattern.search(left[-_CUT_CALL_ROOM:] + right[:_CUT_CALL_ROOM])
               for k, j in zip(text_lines, text_lines[1:]))


def _foot_end(lines: list[str], index: int, found: set[int], breaks: set[int],
              margin: float) -> tuple[int | None, list[int]]:
    """(index after the foot, the lines (1-based) where its notes start) when the lines from
    `index` to the page end are notes, each due (`_due`), and their continuation lines;
    (None, []) when a line that opens a paragraph, heading or item stands among them, a line
    after the end of a sentence that stopped short of the `margin` opens no note, or a
    separator rule stands below: that page's notes are under its rule, and a call the wrap put
    at a line start above it (15 区域实体…) is body text. After a line the wrap cut, a stop
    that seems to end the note (…, vol. / 54…; …降至 49 人。2 / 014 年…, a number a line
    breaker cut) does not: the note goes on, unless the line opens with a note's number that is
    not due (a foot that began at a call the wrap put at a line start, …方面。/ 2 其他例子…)."""
    numbers = set(found)
    starts = []
    ended, last, note, tail = False, 0, "", ""
    for k in range(index, len(lines)):
        if k + 1 in breaks and k > index:
            return k, starts
        text = lines[k].strip()
        if not text:
            continue
        if SEPARATOR.match(text):
            return None, []
        m = _NOTE_START.match(text)
        # The next number opens a note wherever it stands; one out of turn only after a note
        # that ended (…5 / 000 人 goes on with a note).
        if m and _due(int(m.group(1)), numbers) and (int(m.group(1)) == last + 1 or ended or not starts):
            last = int(m.group(1))
            numbers.add(last)
            starts.append(k + 1)
            note = ""
        elif (ended and (m or not fills_line(tail, text, margin))) or _starts_structure(text):
            return None, []  # after a note that ended, only the next note or the page end
        # A note that announced a quotation (…规定：) or is inside one has not ended.
        note += text
        ended, tail = ends_sentence(text) and ends_note(note), text
    return len(lines), starts


# How far on a lone marker looks for its text past blank lines and a page end's furniture.
_MARKER_REACH = 8
# How far on the markers of a run look for the blocks they number.
_RUN_REACH = 80


def _join_lone_markers(lines: list[str], furniture: dict[int, str]) -> None:
    """A hanging number that the extractor printed on a line of its own (12. / blank / text,
    also across a page end's furniture) goes back before its text; the line it stood on
    becomes blank. Numbers of headings that the extractor printed after their titles
    (pdfminer: 和平行动的必需转变 / 政治居首 / A. / 1., then a numbered paragraph) go back
    before those titles, in order; markers that it printed one after another before the
    text of the first (pdftotext: (五) / D. / 定期更新…) number the blocks that follow, in
    order (`_markers_in_order`)."""
    run: list[int] = []  # lone markers that found no text after them, one after another
    for index, line in enumerate(lines):
        if not _LONE_MARKER.match(line.strip()):
            if line.strip():
                run = []
            continue
        following = _next_text(lines, index, furniture)
        if following is None:
            continue
        nxt = lines[following].strip()
        if _starts_structure(nxt):
            run.append(index)
            if not _LONE_MARKER.match(nxt):
                _markers_after_titles(lines, run, furniture)
                run = []
            continue
        if not (run and _markers_in_order(lines, run + [index], following, furniture)):
            lines[following] = f"{line.strip()} {nxt}"
            lines[index] = ""
        run = []


# The first line of a note at a page's foot: its number, a space, its text.
_NOTE_LINE = re.compile(r"^\d{1,3}\s+\S")


def _ended_short(line: str, margin: float) -> bool:
    """Whether the line ended its sentence short of the margin: its paragraph's last line, where
    no blank line parts paragraphs."""
    return ends_sentence(line.strip()) and line_width(line.strip()) < margin - 2


def _markers_after_their_page(lines: list[str], furniture: dict[int, str]) -> None:
    """pdftotext may read a page's column of hanging numbers after its text column: the page's
    paragraphs, then 2. / 3. / 4. alone, where no text of theirs follows them (the page's notes
    or furniture, or the next heading's number or title do). Where the page above, after its
    last numbered line, shows as many paragraph starts that no number opens (a line after one
    that ended its sentence short of the margin) as there are such numbers, in sequence after
    that line's, each goes back before its paragraph, in order; else nothing changes."""
    k = 0
    while k < len(lines):
        if not _LONE_PARAGRAPH_NUMBER.match(lines[k].strip()):
            k += 1
            continue
        run, end = [], k
        while end < len(lines) and (not lines[end].strip() or _LONE_PARAGRAPH_NUMBER.match(lines[end].strip())):
            if lines[end].strip():
                run.append(end)
            end += 1
        k = end
        numbers = [int(_LONE_PARAGRAPH_NUMBER.match(lines[m].strip()).group(1)) for m in run]
        after = lines[end].strip() if end < len(lines) else ""
        below = after and (end + 1 in furniture or _NOTE_LINE.match(after) or _LONE_MARKER.match(after)
                           or CHAPTER.match(after) or SECTION.match(after))
        if not below or numbers != list(range(numbers[0], numbers[0] + len(numbers))):
            continue
        top = run[0] - 1
        while top > 0 and top + 1 not in furniture and not _starts_structure(lines[top].strip()):
            top -= 1  # back to the page's head or its last numbered line
        opened = _LONE_PARAGRAPH_NUMBER.match(lines[top].strip()) or NUMBERED.match(lines[top].strip())
        if opened and int(opened.group(1)) != numbers[0] - 1:
            continue
        page = [i for i in range(top + 1, run[0]) if lines[i].strip() and i + 1 not in furniture]
        _, margin = wrap_margin([lines[i] for i in page])
        starts = [i for before, i in zip(page, page[1:])
                  if _ended_short(lines[before], margin) and not _starts_structure(lines[i].strip())]
        if len(starts) != len(run):
            continue
        for marker, start in zip(run, starts):
            lines[start] = f"{lines[marker].strip()} {lines[start].strip()}"
            lines[marker] = ""


def _next_text(lines: list[str], index: int, furniture: dict[int, str]) -> int | None:
    """The next line after `index` with text that is no page furniture, within reach."""
    for k in range(index + 1, min(index + 1 + _MARKER_REACH, len(lines))):
        if lines[k].strip() and k + 1 not in furniture:
            return k
    return None


def _markers_in_order(lines: list[str], markers: list[int], first: int, furniture: dict[int, str]) -> bool:
    """Put the lone markers `markers`, printed one after another, before the blocks that
    follow from line `first` on, one each in order: a block is a line after a blank line (or
    a page end) that no marker of its own opens or stands before (the text of a marker printed
    alone before it). pdftotext prints the hanging markers of a column before their texts:
    (六) / (b) / 扩大…； / 秘书长建立…, or an item's marker with the number of the heading
    below its last item (五) / D. / 定期更新…； / (c) / … / 使用武力促进和平和保护. A
    sub-item's block comes before an item's, whatever order they were printed in ((d) / (二) /
    利用…； / (三) / 增设…。 / 秘书长应召集…: the sub-item's text, then the item's). False,
    and nothing changed, when a structural line (a numbered paragraph) comes first."""
    markers = sorted(markers, key=lambda k: _marker_depth(lines[k].strip()))
    blocks = _blocks_from(lines, first, len(markers), furniture, after_gap=True)
    if blocks is None or len(blocks) < len(markers):  # no blank line between them: their shape tells
        blocks = _blocks_from(lines, first, len(markers), furniture, after_gap=False)
    if blocks is None or len(blocks) < len(markers):
        return False
    for marker, block in zip(markers, blocks):
        lines[block] = f"{lines[marker].strip()} {lines[block].strip()}"
        lines[marker] = ""
    return True


def _blocks_from(lines: list[str], first: int, count: int, furniture: dict[int, str],
                 after_gap: bool) -> list[int] | None:
    """The first lines of up to `count` blocks from line `first` on that no marker opens: a
    line after a blank line (`after_gap`), or else after a line that ended its sentence short of
    the text's margin; None where a structural line (a numbered paragraph) comes first."""
    blocks = [first]
    margin = wrap_margin(lines[first:first + _RUN_REACH])[1] if not after_gap else 0
    k, before = first + 1, first  # `before`: the last line with text
    while len(blocks) < count and k < min(first + _RUN_REACH, len(lines)):
        text = lines[k].strip()
        if not text or k + 1 in furniture:
            k += 1
            continue
        if _starts_structure(text) and not _LONE_MARKER.match(text):
            return None
        previous = lines[before].strip()
        opens = k > before + 1 if after_gap else _ended_short(previous, margin)
        if opens and not _LONE_MARKER.match(text) and not _LONE_MARKER.match(previous):
            blocks.append(k)
        before = k
        k += 1
    return blocks


def _marker_depth(marker: str) -> int:
    """How deep a lone marker's level is: a sub-item ((一), (ii)) 0, an item ((a)) 1, a
    paragraph or heading number 2 (headings keep the order they were printed in: A. / 1.)."""
    parts = item_parts(marker)
    if parts:
        return 1 if len(parts[0]) == 1 and parts[0].isascii() and parts[0] not in "ivx" else 0
    return 2


def _markers_after_titles(lines: list[str], markers: list[int], furniture: dict[int, str]) -> None:
    """Put the lone heading numbers `markers` back before the titles printed just above them,
    when there are as many titles, each a heading's shape without a number of its own."""
    titles: list[int] = []
    k = markers[0] - 1
    while k >= 0 and len(titles) < len(markers) and k + 1 not in furniture:
        if lines[k].strip():
            titles.insert(0, k)
        k -= 1
    if len(titles) < len(markers) or not all(heading_like(lines[t]) and not _starts_structure(lines[t].strip())
                                             for t in titles):
        return
    for title, marker in zip(titles, markers):
        lines[title] = f"{lines[marker].strip()} {lines[title].strip()}"
        lines[marker] = ""


def _starts_structure(text: str) -> bool:
    return bool(_LONE_MARKER.match(text) or NUMBERED.match(text) or CHAPTER.match(text)
                or SECTION.match(text) or ITEM.match(text))
