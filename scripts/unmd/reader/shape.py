"""What a piece of extracted text looks like: sentence ends, heading shape, number patterns.

Everything here is about the shape of Chinese UN text in general, not about one file.
"""

from __future__ import annotations

import collections
import functools
import re
import unicodedata
from dataclasses import dataclass

SUPERSCRIPT_DIGITS = "⁰¹²³⁴⁵⁶⁷⁸⁹"
SUPERSCRIPT_VALUE = {ch: str(i) for i, ch in enumerate(SUPERSCRIPT_DIGITS)}
CHINESE_NUMERALS = "一二三四五六七八九十"

CLOSERS = "”’」』)）》〕]】 "  # what may close a sentence after its stop
_SENTENCE_END = "。！？.!?：:；;…"
# A footnote mark glued after the end of a sentence: 。¹ 。1 。[1] 。* 。** (8.19 is a number,
# and so is the part after a capital's dot in a document symbol: A/C.2/77/L.3)
_TRAILING_MARK = re.compile(
    r"(?:(?<=[。！？!?：；”’)）])|(?<=[^\dA-Z]\.))(?:[⁰¹²³⁴⁵⁶⁷⁸⁹]+|\d{1,3}|\[\d{1,3}\]|\*{1,3})$"
)

HAN = re.compile(r"[\u3400-\u9fff]")

# Chapters 一. 一． 一、 and 第一章 (group 1 the numeral, group 2 the title).
CHAPTER = re.compile(r"^(?:第(?=[一二三四五六七八九十]{1,3}章))?([一二三四五六七八九十]{1,3})(?:章|\s*[.．、])\s*(\S.*)$")
# 第一章 on a line of its own, its title on the next (how the UN prints a 第N章 chapter).
CHAPTER_ALONE = re.compile(r"^第([一二三四五六七八九十]{1,3})章$")
SECTION = re.compile(r"^([A-Z])\s*[.．]\s*(\S.*)$")
# Paragraph numbers 12. (a space or the end after the stop), 12 . and 12． (full-width: no space needed).
NUMBERED = re.compile(r"^(\d{1,4})\s*(?:\.(?:\s+|$)|．\s*)(.*)$")
# Items (a), (i), (一), and ㈠ … ㈩ (one character each, U+3220 on: the second level of some
# Chinese-drafted texts). `item_parts` gives the label and the rest of the line.
ITEM = re.compile(
    r"^(?:[-–•·]\s*)?(?:[(（]([a-z]|[ivx]{1,5}|[一二三四五六七八九十]{1,3})[)）]|([\u3220-\u3229]))\s*(.*)$"
)
_CIRCLED = 0x3220  # ㈠


def item_parts(text: str) -> tuple[str, str] | None:
    """(label, rest) of a line that opens an item: a, i or 一 (also for ㈠), or None."""
    m = ITEM.match(text)
    if not m:
        return None
    return m.group(1) or CHINESE_NUMERALS[ord(m.group(2)) - _CIRCLED], m.group(3)


def inline_item_marker(labels: list[str]) -> re.Pattern[str]:
    """The markers of these labels inside a line: (b), (ii), (二) or ㈡."""
    forms = [rf"[(（]{label}[)）]" for label in labels]
    forms += [chr(_CIRCLED + chinese_number(label) - 1) for label in labels
              if (chinese_number(label) or 0) in range(1, 11)]
    return re.compile("|".join(forms))
SIGNATURE_END = re.compile(r"[(（]签名[)）]$")
TABLE_ROW = re.compile(r"\S\t|\t\S")


def is_table_row(text: str) -> bool:
    """Cells separated by tabs (at least three cells)."""
    return bool(TABLE_ROW.search(text)) and text.count("\t") >= 2


def piece_text(raw: str) -> str:
    """A line without the blanks around it; a table row keeps the tabs of its empty cells at
    either end (a second header row that starts under the first row's label cell)."""
    stripped = raw.strip()
    return raw.strip(" \u3000\r\n\f\v") if is_table_row(stripped) else stripped


_CHINESE_NUMBER = re.compile(r"([一二三四五六七八九])?(十)?([一二三四五六七八九])?")


def chinese_number(text: str) -> int | None:
    """一 -> 1, 十二 -> 12, 二十 -> 20 (chapter and item numbering); None when the text is
    no numeral (一一, 十十: a heading or a marker the extractor garbled)."""
    m = _CHINESE_NUMBER.fullmatch(text)
    if not text or not m or (m[1] and m[3] and not m[2]):
        return None
    tens, ten, units = (CHINESE_NUMERALS.index(g) + 1 if g else 0 for g in (m[1], m[2], m[3]))
    if not ten:
        return tens or units
    return (tens or 1) * 10 + units


def roman(n: int) -> str:
    """1 -> i, 4 -> iv: the label of a second-level item in an id."""
    out = ""
    for value, numeral in ((10, "x"), (9, "ix"), (5, "v"), (4, "iv"), (1, "i")):
        while n >= value:
            out += numeral
            n -= value
    return out


def roman_value(text: str) -> int | None:
    for n in range(1, 40):
        if roman(n) == text:
            return n
    return None


def next_labels(label: str) -> list[str]:
    """The labels that may follow an item label: (a) -> (b), (i) -> (j) or (ii), (一) -> (二)."""
    out = []
    if len(label) == 1 and "a" <= label < "z":
        out.append(chr(ord(label) + 1))
    value = roman_value(label)
    if value:
        out.append(roman(value + 1))
    number = chinese_number(label)
    if number:
        out.append(chinese_numeral(number + 1))
    return out


def chinese_numeral(n: int) -> str:
    """1 -> 一, 10 -> 十, 12 -> 十二, 20 -> 二十 (1 to 99)."""
    tens, units = divmod(n, 10)
    head = (CHINESE_NUMERALS[tens - 1] if tens > 1 else "") + "十" if tens else ""
    return head + (CHINESE_NUMERALS[units - 1] if units else "")


_URL_START = re.compile(r"https?:|www\.")
# Only the end of a text says whether it ends a sentence, and the joiner asks again each time
# a piece is added to a paragraph: looking at a bounded tail (longer than any footnote mark,
# run of closing marks or cut URL) keeps a long paragraph linear instead of quadratic.
_MARK_ROOM = 16
_END_ROOM = 2000


def ends_sentence(text: str) -> bool:
    """True when the text ends a sentence (a footnote mark after the end still counts).

    A period that ends a URL cut by the line end (可查阅 www.) ends nothing; a full-width
    stop after a URL (见 www.g7plus.org)。 ends the sentence like any other."""
    text = text.rstrip()
    mark = _TRAILING_MARK.search(text, max(0, len(text) - _MARK_ROOM))
    end = mark.start() if mark else len(text)
    tail = text[max(0, end - _END_ROOM) : end].rstrip(CLOSERS)
    if not tail or tail[-1] not in _SENTENCE_END:
        return False
    last_word = tail.rsplit(None, 1)[-1]
    return not (tail[-1].isascii() and _URL_START.search(last_word))


# Lines that stand on their own next to a title: the kind of document (秘书长的报告, 秘书处编写
#的工作文件), and the heading of an annex (附件, 附件一), of an enclosure or appendix (附文, 附录)
# or of a draft resolution or decision that a report recommends (决议草案一, 决定草案): no heading
# runs on into them and they run on into nothing, unless the heading before cannot end where
# it does (…的信的 / 附件: `heading_goes_on`).
KIND_LINE = re.compile(r"^[\u4e00-\u9fff]{1,12}的(报告|说明|工作文件)\**$")
ANNEX_LINE = re.compile(r"^(?:附件|附文|附录|(?:决议|决定)草案)[一二三四五六七八九十\d]*$")
# The heading of a letter (…秘书长给大会主席和安全理事会主席的同文信, …的信的附件): a part title.
LETTER = re.compile(r"的(同文)?信(的附件)?\**$")
# A draft resolution or decision that the report recommends: its operative paragraphs are
# numbered 1., 2. … on their own, apart from the report's paragraphs.
DRAFT_LINE = re.compile(r"^(?:决议|决定)草案[一二三四五六七八九十\d]*$")
# The end of a heading line that cannot end a heading: a connective (以及, 和, 或), an
# enumeration comma or a comma, a dash, or 的 (not 目的).
_OPEN_END = re.compile(r"(?:以及|和|及|或|暨|、|，|——|(?<!目)的)$")


def heading_goes_on(text: str) -> bool:
    """Whether a heading line stops where a heading cannot end: at a connective, or inside a
    quotation or title it opened (…题为“2000 年妇女：二十一世纪 / 性别平等…”). Such a heading
    goes on at the next line, even past a kind line and past HEADING_WIDTH (an agenda item's
    title runs over two or three lines)."""
    text = text.rstrip()
    opened = text.count("“") > text.count("”") + text.count('"') or text.count("《") > text.count("》")
    return bool(_OPEN_END.search(text)) or opened

# What a heading or its lead says is coming: 四项必需的转变, …四个领域内实行显著的变革。
COUNT = re.compile(r"([两二三四五六七八九十]{1,2})(?:项|个(?!月|星期|小时)|种|类|点|方面)")
_SENTENCE = re.compile(r"[^。！？]*[。！？]”?")


def sentences(text: str) -> list[str]:
    """The sentences of a paragraph (the text itself when it has no sentence end)."""
    return _SENTENCE.findall(text) or [text]


def announced_count(heading: str, lead: str | None = None) -> int | None:
    """How many headings a heading announces will follow: a count in its own text, or in the
    last sentence of `lead`, its single un-numbered paragraph (outline.py)."""
    m = COUNT.search(heading) or (COUNT.search(sentences(lead)[-1]) if lead else None)
    return chinese_number(m.group(1).replace("两", "二")) if m else None

# A dedication (谨将本报告献给…): one sentence of the front matter, a paragraph or a part title.
DEDICATION = re.compile(r"^(谨将.*献给|献给)")

# The widest a heading can be, in Han characters: the longest of the five reports' headings is
# 39 wide (a part title with a date); a block wider than this is text whatever its shape.
HEADING_WIDTH = 50


def heading_like(text: str, limit: int = 50) -> bool:
    """Short, no final punctuation, not a list item: the shape of an un-numbered heading."""
    text = text.strip()
    return (
        0 < len(text) <= limit
        and not ends_sentence(text)
        and text[-1] not in "，、,-—"
        and not ITEM.match(text)
        and HAN.search(text) is not None
    )


# What a number counts when it is glued before them (16个月, 6 人): a number, not a note mark.
COUNT_UNITS = "年月日个名次倍岁人项条段页号届"
# What a plain-digit footnote mark is glued after: Han text or its punctuation (历史新高。1).
MARK_GLUED_AFTER = r"[\u3400-\u9fff。，、；：！？”’）)》」』,;]"
# Such a mark at the end of a piece (…的国家10 / 鉴于此): the reports follow it with a space.
_PLAIN_MARK_END = re.compile(rf"{MARK_GLUED_AFTER}\d{{1,3}}$")


def ends_with_call(text: str) -> bool:
    """Whether the text ends with a plain-digit note call glued after Han text (…常见。14)."""
    return _PLAIN_MARK_END.search(text[-4:]) is not None
_ASCII_WORD = re.compile(r"[A-Za-z0-9%]")
_LATIN_END = re.compile(r"(?:[A-Za-z0-9%]|[,;]|[A-Za-z]\.)$")
# A bracketed note call that a line breaker cut ([1 / 3]): its halves join without a space.
_CALL_OPEN_END = re.compile(r"\[\d{0,2}$")
_CALL_CLOSE_START = re.compile(r"\d{0,3}\]")

# What a line break cannot split: opening brackets with what they open, a Latin word or
# number, and the closing punctuation and note call (superscript or bracketed) that may not
# start a line.
_OPENING = r"[“‘（(《〔【\[]*"
_CLOSING_AND_CALLS = r"[。，、；：！？）》〕】”’)\]},.;:!?%]*(?:[⁰¹²³⁴⁵⁶⁷⁸⁹]+|\[\d{1,3}\])*"
_LINE_UNIT = re.compile(_OPENING + r"(?:[A-Za-z0-9]+|.)" + _CLOSING_AND_CALLS)
# Unicode line breaking (UAX #14), as a PDF's typesetter breaks its lines, also keeps the
# brackets right after a number or a Latin word with it (1325(2000) is one unit), and a hyphen
# with the number after it (no break before a hyphen, nor between it and a digit: 2008-2013, P-2).
_PDF_LINE_UNIT = re.compile(_OPENING + r"(?:[A-Za-z0-9]+(?:-\d+)*(?:\([A-Za-z0-9]+\))*|.)" + _CLOSING_AND_CALLS)


@functools.cache
def _char_width(ch: str) -> float:
    return 1 if unicodedata.east_asian_width(ch) in "WFA" else 0.5


@functools.lru_cache(maxsize=1 << 14)
def line_width(text: str) -> float:
    """How wide a line is, counted in Han characters: Latin letters, digits and spaces take
    half the room of a Han character or a full-width punctuation mark. Remembered for the
    lines of about one report: reading it measures each line several times."""
    return sum(map(_char_width, text))


def wrap_margin(lines: list[str]) -> tuple[bool, float]:
    """(wrapped, margin): a wrapped text has most lines at one width, the wrap margin."""
    widths = sorted(line_width(line.strip()) for line in lines if line.strip())
    if len(widths) < 8:
        return False, max(widths, default=0)
    margin = widths[int(len(widths) * 0.9)]
    near_margin = sum(1 for w in widths if 0.8 * margin <= w <= 1.05 * margin)
    return margin <= 120 and near_margin >= 0.35 * len(widths), margin


def room_left(line: str, following: str, margin: float, lead: float = 0, whole: bool = True) -> float:
    """How much room `line` (indented by `lead`) left before the margin beyond the start of
    `following` (the unit a line break cannot split, or its first character where the line
    breaker cuts anything, `whole` False): negative when that start did not fit."""
    unit = _LINE_UNIT.match(following) if whole else None
    return margin - lead - line_width(line) - line_width(unit.group(0) if unit else following[:1])


def break_room(line: str, following: str, margin: float, lead: float = 0, whole: bool = True) -> float:
    """`room_left` less the space the break may have dropped (`_space_dropped`): a line that
    ends a number before Han text (…意见。90 / 多个国家, printed 90 多个) left half a Han
    character less than it seems to."""
    return room_left(line, following, margin, lead, whole) - 0.5 * _space_dropped(line, following)


def default_slack(margin: float) -> float:
    return max(1, margin / 10)


def fills_line(line: str, following: str, margin: float, exact: bool = False, lead: float = 0,
               whole: bool = True) -> bool:
    """True when `line` stopped only because the start of `following` did not fit: the
    line break is the wrap's, not the end of a paragraph, note or list entry.

    Extracted lines do not all reach the margin exactly, so it allows a little slack (a tenth
    of the margin), unless the wrap is `exact` (`wrap_is_exact`): then the start must not
    have fitted, give or take the space a break may have dropped, and the line's
    indentation (`lead`) takes room too; a line breaker that cuts anything (not `whole`,
    `breaks_anywhere`) would have fitted the next character."""
    if exact:
        return break_room(line, following, margin, lead, whole) < 0
    return room_left(line, following, margin) < default_slack(margin)


# How many lines the wrap surely cut a document needs to have its own slack measured; which
# share of them leave at most that room; what a Han character's rounding adds to it.
_SLACK_SAMPLE = 20
_SLACK_SHARE = 0.9
_SLACK_ROUNDING = 1


def measured_slack(rooms: list[float], margin: float) -> float:
    """The slack of this document's wrap, from the room that lines the wrap surely cut leave
    (`room_left`): nine in ten of them leave no more, give or take a character's rounding;
    never more than the default, which is also what a document with too few such lines gets.
    Below zero where the text's margin (wrap_margin: most lines) is narrower than the measure
    of the lines at hand (a PDF whose hanging paragraphs are most of it).

    The text of a PDF has more than one measure (a hanging paragraph's lines are a tab stop
    narrower than the summary's), so numbered paragraphs keep the default; a heading's line and
    an unnumbered paragraph's, which stand at the full measure, are judged by this one, measured
    on such lines (blocks.py)."""
    if len(rooms) < _SLACK_SAMPLE:
        return default_slack(margin)
    ordered = sorted(rooms)
    return min(default_slack(margin), ordered[int(len(ordered) * _SLACK_SHARE)] + _SLACK_ROUNDING)


# A width many lines of pure Han text share is a measure of the page: the text column of
# unnumbered paragraphs, of hanging paragraphs, of items (a justified PDF text fills each
# exactly). Fewer lines than this, or than this share of the long lines, make no measure.
_MEASURE_LEAST = 3
_MEASURE_SHARE = 0.01
_ASCII_TEXT = re.compile(r"[!-~]")
# Characters whose width the font decides (“”‘’·…—): a Han character wide or half of one.
_AMBIGUOUS = re.compile(r"[“”‘’·…—–]")
_SPACE_RUN = re.compile(r" +")


def measures(lines: list[str], margin: float) -> list[float]:
    """The measures of a page with hanging text columns, widest first, or [] when it shows
    only one: the widths (to half a Han character) that lines of Han text only, from half the
    margin to a little over it, share. A hanging measure is one narrower by a tab stop or more
    that most second lines of numbered paragraphs reach (three at least) (their number hangs in the margin);
    a page without one (the wrap of a plain text) has none of its own to read by."""
    stripped = [line.strip() for line in lines if line.strip()]
    pure = [line for line in stripped if not _ASCII_TEXT.search(line) and not _AMBIGUOUS.search(line) and " " not in line]
    long = [w for w in (round(line_width(line) * 2) / 2 for line in pure) if margin / 2 <= w <= margin * 1.15]
    counts = collections.Counter(long)
    least = max(_MEASURE_LEAST, _MEASURE_SHARE * len(long))
    peaks = sorted((w for w, n in counts.items() if n >= least and counts[w + 0.5] < n >= counts[w - 0.5]), reverse=True)
    seconds = collections.Counter(round(line_width(after) * 2) / 2 for line, after in zip(stripped, stripped[1:])
                                  if NUMBERED.match(line) and not NUMBERED.match(after))
    total = sum(seconds.values())
    hanging = [w for w in peaks[1:] if peaks[0] - w >= 2 and seconds[w] + seconds[w - 0.5] > total / 2]
    return peaks if hanging and total >= _MEASURE_LEAST else []


def quotes_allowance(line: str) -> float:
    """How much narrower than counted the characters whose width the font decides (“”‘’·…—)
    may stand on the page: each may be half a Han character or less. Unlike `width_slack`,
    not bounded: a line with many quotation marks (…“合体的”而不是“模板式”…) stands in a column
    narrower than it counts by all of them."""
    return 0.75 * len(_AMBIGUOUS.findall(line))


def width_slack(line: str) -> float:
    """How far short of its measure a full line may measure: nothing for Han text (each
    character is one wide), but justification widens every space, and Latin letters, digits
    and ASCII punctuation are narrower or wider than the half a Han character counted, and
    quotation marks are half as wide in some fonts."""
    return min(3.0, 0.5 * len(_SPACE_RUN.findall(line.strip())) + 0.25 * len(_ASCII_TEXT.findall(line))
               + quotes_allowance(line))


def fills_measure(line: str, following: str, measure: float) -> bool:
    """True when `line`, set in a text column `measure` wide, stopped only because the start
    of `following` did not fit (fills_line with the line's own slack, not a tenth)."""
    unit = _PDF_LINE_UNIT.match(following)
    room = measure - line_width(line) - width_slack(line)
    return line_width(unit.group(0) if unit else following[:1]) > room


def _space_dropped(line: str, following: str) -> bool:
    """Whether a space may have stood where the line broke (it took room, and neither line
    prints it): after a Latin word, a number or a note call, or before one."""
    return line[-1:].isascii() or following[:1].isascii() or line[-1:] in SUPERSCRIPT_DIGITS


# A wrap is exact when at most this share of the lines it surely cut left room for the next
# line's start (a typesetter's measure: none; a PDF's justified lines, read back: two in three).
_EXACT_SHARE = 0.02
_EXACT_LEAST = 20  # fewer such lines tell nothing


def wrap_is_exact(cut_lines: list[tuple[str, str, float]], margin: float) -> bool:
    """Whether the document's wrap breaks a line only where the next unit does not fit,
    measured on `cut_lines`, (line, next line, the line's indentation) where the wrap surely
    cut the line (it ends no sentence, the next goes on flush left) and the default slack
    calls it cut."""
    default = default_slack(margin)
    rooms = [break_room(line, following, margin, lead) for line, following, lead in cut_lines]
    rooms = [room for room in rooms if room < default]
    return len(rooms) >= _EXACT_LEAST and sum(room >= 0 for room in rooms) <= _EXACT_SHARE * len(rooms)


# What a typesetter keeps off a line start; a line breaker that starts lines with it on at least
# this share of the lines it cut (and this many) cuts at the measure whatever it cuts.
NO_LINE_START = frozenset("。，、；：！？）》〕】”’)]},;:!?%")
_ANYWHERE_SHARE = 0.02
_ANYWHERE_LEAST = 3


def breaks_anywhere(cut_lines: list[tuple[str, str, float]]) -> bool:
    """Whether the document's line breaker cuts a line at the measure whatever it cuts (a
    Latin word, a number, before a comma), measured on `cut_lines` as for `wrap_is_exact`:
    lines it cut start with closing punctuation, which a typesetter keeps on the line before.
    Then the line before left no room for the next character, not for the next whole unit
    (…同文信 / 2014 年: a breaker that cuts anything would have put 20 on a line 29 of 30 full)."""
    starts = sum(following[:1] in NO_LINE_START for _, following, _ in cut_lines)
    return starts >= _ANYWHERE_LEAST and starts >= _ANYWHERE_SHARE * len(cut_lines)


def cut_inside_run(line: str, margin: float, lead: float = 0) -> bool:
    """Whether a line breaker that cuts anything (`breaks_anywhere`) may have cut a number or a
    Latin word where `line` (indented by `lead`) ends: it left less than half a Han character
    before the margin, no room for one more digit or letter. Where a space stood at the break
    and fitted, the breaker dropped it and the line ends that half short; only a space that did
    not fit either leaves a full line: one break position of a word's, against every position
    inside it (and digits in Chinese text run without spaces)."""
    return margin - lead - line_width(line) < 0.5


@dataclass(frozen=True)
class NumberSpacing:
    """Whether the report puts a space between Han text and a number that follows it (在 2015),
    between a number and the Han text after it (2015 年), and after a footnote mark before Han
    text (。¹ 预防): what a line break that fell there lost. Measured on the report itself
    (`number_spacing`), since the reports differ; where it cannot tell, nothing is added."""

    before_number: bool = False
    after_number: bool = False
    after_mark: bool = False


_HAN_CLASS = r"[\u3400-\u9fff]"
_NOT_UNIT = rf"(?![{COUNT_UNITS}])"
_SPACING_EVIDENCE = {
    "before_number": (re.compile(rf"{_HAN_CLASS} \d"), re.compile(rf"{_HAN_CLASS}\d")),
    "after_number": (re.compile(rf"\d {_HAN_CLASS}"), re.compile(rf"\d{_HAN_CLASS}")),
    "after_mark": (
        re.compile(rf"(?:{MARK_GLUED_AFTER}\d{{1,3}}|[⁰¹²³⁴⁵⁶⁷⁸⁹]+) {_NOT_UNIT}{_HAN_CLASS}"),
        re.compile(rf"(?:{MARK_GLUED_AFTER}\d{{1,3}}|[⁰¹²³⁴⁵⁶⁷⁸⁹]+){_NOT_UNIT}{_HAN_CLASS}"),
    ),
}
# A number is spaced in a report that spaces it almost everywhere within its lines (S/2015/730:
# 71 of 71); a report that mixes both (S/2011/552: 46 spaced, 39 not) gets nothing added.
_SPACED_SHARE = 0.9
_SPACED_LEAST = 3


def number_spacing(lines: list[str]) -> NumberSpacing:
    """The report's own spacing around numbers and after note marks, from where it can be seen:
    within its lines, never across a line break."""
    found = {}
    for name, (spaced, glued) in _SPACING_EVIDENCE.items():
        with_space = sum(len(spaced.findall(line)) for line in lines)
        without = sum(len(glued.findall(line)) for line in lines)
        if name == "after_mark":  # marks: the larger share decides
            found[name] = with_space > without
        else:
            found[name] = with_space >= _SPACED_LEAST and with_space >= _SPACED_SHARE * (with_space + without)
    return NumberSpacing(**found)


GLUED = NumberSpacing()


def run_goes_on(last: str, first: str) -> bool:
    """Whether a number or Latin word that a line breaker cut between `last` and `first` goes
    on: digits with digits, a word with its lower-case letters (a capital opens a word)."""
    return last.isascii() and first.isascii() and (
        (last.isdigit() and first.isdigit()) or (last.isalpha() and first.islower()))


def join_text(left: str, right: str, spacing: NumberSpacing = GLUED, run_cut: bool = False) -> str:
    """Join two wrapped pieces. Where two Latin words or numbers meet a space was lost at the
    line end (also after a Latin word's comma or full stop: vol. 54, No. 4); between Han text
    and a number, or after a plain-digit mark that the line end cut from the Han text after it
    (国家10 / 鉴于此: the footnote pass tells a mark that repeats a note from a number by that
    space), only where the report's own `spacing` says so; between Han characters nothing.

    Where a line breaker that cuts anything may have cut a run at the line end (`run_cut`,
    `cut_inside_run`), a number goes on with its next digits (…发展》1 / 1 中: the call 11) and a
    Latin word with its lower-case letters (Nyak / hat); a capital opens a word (Bela / Kapur)."""
    # A few characters are all this looks at: searching the whole paragraph, which grows
    # with every piece joined onto it, made a long wrapped paragraph quadratic.
    if not left or not right:
        return left + right
    if _CALL_OPEN_END.search(left[-3:]) and _CALL_CLOSE_START.match(right):
        return left + right
    if run_cut and run_goes_on(left[-1], right[0]):
        return left + right
    if _LATIN_END.search(left[-2:]) and _ASCII_WORD.match(right[0]):
        return f"{left} {right}"
    if HAN.match(right[0]):
        if _PLAIN_MARK_END.search(left[-4:]) and right[0] not in COUNT_UNITS:
            return f"{left} {right}" if spacing.after_mark else left + right
        if left[-1].isascii() and left[-1].isdigit():
            return f"{left} {right}" if spacing.after_number else left + right
    if HAN.match(left[-1]) and right[0].isascii() and right[0].isdigit() and spacing.before_number:
        return f"{left} {right}"
    return left + right
