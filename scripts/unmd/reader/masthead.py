"""The masthead: the lines above a report's title that say what the document is.

A UN document opens with 联合国 and the organ (大会, 安全理事会, a committee whose name may
wrap over two lines), its symbol, `Distr.: General`, the date, `Original: English` (原文：英文),
the session (with its dates and place), the agenda item, and on the first page's foot a job
number with dates (07-28459 (C)    130407    180407) and a barcode (*0728459*). Extractors
print these lines in any order, one per line, or several fields in one row (-layout: `联合国
      A/72/115`), or run together (pypdf: `A/72/115联合国`); the date may be ISO (2017-06-27), the organ letter-spaced (大  会).
A row is masthead when each of its fields is. They are read here, before the body, line by
line from the top: what the page shows of them (organ, session, agenda) becomes the document
header, the rest goes into the metadata only, and the conversion report lists every line. The
masthead ends at the first line that is none of these; the agenda item's title, the report's
title and subtitle are read with the body (structure.py), since only the blocks tell them apart.
"""

from __future__ import annotations

import copy
import re
from dataclasses import dataclass, field

from .extraction import masthead_fields
from .lines import SEPARATOR, furniture_kind

ORGAN_NAMES = ("大会", "安全理事会", "经济及社会理事会", "人权理事会", "托管理事会")
ORGAN = re.compile(rf"^({'|'.join(ORGAN_NAMES)})$")
# An organ's name as a field of a masthead row, letter-spaced as the first page sets it (大  会).
_ORGAN_FIELD = [("organ", re.compile("|".join(r"\s*".join(name) for name in ORGAN_NAMES)))]
_LETTER_SPACING = re.compile(r"(?<=[\u4e00-\u9fff])\s+(?=[\u4e00-\u9fff])")
# A committee, commission, council or working group (with its parent: 和平利用外层空间委员会),
# or the convention a treaty body's documents are filed under (消除对妇女一切形式歧视公约).
BODY = re.compile(r"^[\u4e00-\u9fff、“”（）()]{2,40}(委员会|理事会|工作组|专家组|论坛|执行局|公约)$")
SESSION = re.compile(r"^(第[一二三四五六七八九十百零〇\d]+(届(特别|常会|续会)?会议|年)|[\u4e00-\u9fff]{0,8}第[一二三四五六七八九十百零〇\d]+届会议)$")
AGENDA = re.compile(r"^(暂定|临时)?(项目表|议程)|^项目\s*\d")  # 临时议程项目 4(c): ECOSOC and its commissions
# The agenda's name alone (with its note mark) and the item on the next line, as an extractor
# may print 暂定项目表* / 项目 35(b): one entry.
AGENDA_NAME = re.compile(r"^(暂定|临时)?(项目表|议程)\**$")
AGENDA_ITEM = re.compile(r"^项目\s*\d")
_DAY = r"\d{4}\s*年\s*\d{1,2}\s*月\s*\d{1,2}\s*日"
_SPAN = rf"{_DAY}(?:\s*(?:至|-|—|–)\s*(?:\d{{1,2}}\s*月\s*)?\d{{1,2}}\s*日)?"
DATE_ZH = re.compile(rf"^({_SPAN})(?:\s*[，,]\s*([\u4e00-\u9fff]{{2,10}}))?$")
MONTHS = ("January February March April May June July August September October November December").split()
DATE_EN = re.compile(rf"^(\d{{1,2}})\s+({'|'.join(MONTHS)})\s+(\d{{4}})$")
DATE_ISO = re.compile(r"^(\d{4})-(\d{2})-(\d{2})$")  # 2017-06-27: how some typesetters print it
PLACE = re.compile(r"^[\u4e00-\u9fff]{2,6}$")  # 纽约, 日内瓦: a place, only right after a date
DISTRIBUTION = re.compile(r"^Distr\.?\s*[:：]\s*(\w+)$", re.IGNORECASE)
ORIGINAL = re.compile(r"^(?:Original\s*[:：]\s*([A-Za-z]+)|原\s*文\s*[:：]\s*([\u4e00-\u9fff]+文))$")
LANGUAGE = re.compile(r"^(Chinese|中文)$")
UN = re.compile(r"^联\s*合\s*国$|^United Nations$")
_LANGUAGES = {"English": "英文", "French": "法文", "Spanish": "西班牙文", "Russian": "俄文",
              "Arabic": "阿拉伯文", "Chinese": "中文"}


# The lines that are masthead whatever comes before them; how many note lines a footnote block
# inside the masthead may have.
_MASTHEAD_LINES = (UN, DISTRIBUTION, ORIGINAL, DATE_EN, DATE_ISO, ORGAN, SESSION, AGENDA)
_NOTE_LINES = 6


@dataclass
class Masthead:
    """What the masthead says. `header` holds the lines the page shows, as (role, line, text);
    `furniture` the others, as (why, line, text); `lines` every line index it took."""

    organs: list[str] = field(default_factory=list)
    session: list[str] = field(default_factory=list)
    agenda: list[str] = field(default_factory=list)
    symbols: list[str] = field(default_factory=list)
    date: str | None = None  # ISO 8601, from an English or Chinese date line
    distribution: str | None = None
    original_language: str | None = None
    header: list[tuple[str, int, str]] = field(default_factory=list)
    furniture: list[tuple[str, int, str]] = field(default_factory=list)
    lines: list[int] = field(default_factory=list)


def _iso(year: str, month: int, day: str) -> str:
    return f"{int(year):04d}-{month:02d}-{int(day):02d}"


def _date_of(text: str) -> str | None:
    m = DATE_EN.match(text)
    if m:
        return _iso(m[3], MONTHS.index(m[2]) + 1, m[1])
    m = DATE_ISO.match(text)
    if m:
        return _iso(m[1], int(m[2]), m[3])
    m = re.match(r"(\d{4})\s*年\s*(\d{1,2})\s*月\s*(\d{1,2})\s*日", text)
    return _iso(m[1], int(m[2]), m[3]) if m else None


class _Reader:
    def __init__(self, lines: list[str]):
        self.lines = lines
        self.found = Masthead()
        self.opened = False  # 联合国, a symbol or Distr. seen: committee names are masthead too
        self.after_agenda = False
        self.after_date = False

    def show(self, role: str, index: int, text: str, values: list[str]) -> None:
        self.found.header.append((role, index + 1, text))
        values.append(text.rstrip("*"))

    def keep(self, why: str, index: int, text: str) -> None:
        self.found.furniture.append((why, index + 1, text))

    def take(self, index: int, text: str) -> int:
        """How many lines from `index` (whose field at hand is `text`) are one masthead entry
        (0 when the masthead ended)."""
        found = self.found
        after_date, self.after_date = self.after_date, False
        if UN.match(text):
            self.opened = True
            self.keep("masthead: United Nations", index, text)
        elif DISTRIBUTION.match(text):
            self.opened = True
            found.distribution = DISTRIBUTION.match(text)[1]
            self.keep("masthead: distribution", index, text)
        elif ORIGINAL.match(text):
            m = ORIGINAL.match(text)
            found.original_language = _LANGUAGES.get(m[1], m[1]) if m[1] else m[2]
            self.keep("masthead: original language", index, text)
        elif LANGUAGE.match(text) and self.opened:
            self.keep("masthead: language of this text", index, text)
        elif DATE_EN.match(text) or DATE_ISO.match(text) or (DATE_ZH.match(text) and not self.after_agenda):
            if self.opened and found.date is None and not DATE_ZH.match(text):
                found.date = _date_of(text)
                self.keep("masthead: date", index, text)
            else:  # the dates (and place) of a session
                self.show("session", index, text, found.session)
                self.after_date = True
        elif after_date and PLACE.match(text) and found.session:
            self.show("session", index, text, found.session)
        elif (why := furniture_kind(text)) is not None:
            if why == "running symbol" and not found.symbols:
                self.opened = True
                found.symbols = re.split(r"\s*[-–]\s*(?=[A-Z]+/)|\s+", text.strip())
            self.keep(f"masthead: {why}", index, text)
        elif ORGAN.match(_LETTER_SPACING.sub("", text)) and not self.after_agenda:
            self.opened = True
            self.show("organ", index, _LETTER_SPACING.sub("", text), found.organs)
        elif SESSION.match(text) and not self.after_agenda:
            self.show("session", index, text, found.session)
        elif AGENDA.search(text):
            self.after_agenda = True
            following = self.next_line(index)
            if AGENDA_NAME.match(text) and following is not None and AGENDA_ITEM.match(self.lines[following].strip()):
                self.show("agenda", index, f"{text} {self.lines[following].strip()}", found.agenda)
                self.found.lines.append(following)
                return following - index + 1
            self.show("agenda", index, text, found.agenda)
        elif self.opened and not self.after_agenda:
            return self.committee(index, text)
        else:
            return 0
        return 1

    def take_line(self, index: int) -> int:
        """`take` for a whole line; a line of several fields (a -layout row, fields run
        together) is masthead only when every field is, and then one line."""
        fields = masthead_fields(self.lines[index], _ORGAN_FIELD)
        if len(fields) == 1:
            return self.take(index, fields[0])
        state = copy.deepcopy({k: v for k, v in vars(self).items() if k != "lines"})
        if all(self.take(index, text) == 1 for text in fields):
            return 1
        vars(self).update(state)
        return 0

    def committee(self, index: int, text: str) -> int:
        """A committee's name, on one line or wrapped over two (经济、社会及文化权利 / 委员会)."""
        if BODY.match(text):
            self.show("organ", index, text, self.found.organs)
            return 1
        following = self.next_line(index)
        if following is not None and len(text) <= 30 and BODY.match(text + self.lines[following].strip()):
            joined = text + self.lines[following].strip()
            self.show("organ", index, joined, self.found.organs)
            self.found.lines.append(following)
            return following - index + 1
        return 0

    def next_line(self, index: int) -> int | None:
        for k in range(index + 1, min(index + 3, len(self.lines))):
            if self.lines[k].strip():
                return k
        return None

    def after_notes(self, index: int) -> int | None:
        """Where the masthead goes on after a footnote block that a page break put into it
        (a separator and the notes under it stay for lines.py), or None when it ended there."""
        seen = 0
        for k in range(index + 1, len(self.lines)):
            text = self.lines[k].strip()
            if not text or SEPARATOR.match(text):
                continue
            if any(p.match(text) for p in _MASTHEAD_LINES) or furniture_kind(text):
                return k
            seen += 1
            if seen > _NOTE_LINES:
                return None
        return None

    def read(self) -> Masthead:
        index = 0
        while index < len(self.lines):
            text = self.lines[index].strip()
            if not text:
                index += 1
                continue
            if SEPARATOR.match(text):
                resume = self.after_notes(index)
                if resume is None:
                    break
                index = resume
                continue
            taken = self.take_line(index)
            if not taken:
                break
            self.found.lines.append(index)
            index += taken
        return self.found


def read_masthead(lines: list[str]) -> Masthead:
    """The masthead at the top of the text's lines (an empty one when the text opens with its
    title, as the five reports of the corpus but A/72/115 and A/70/95 do)."""
    return _Reader(lines).read()
