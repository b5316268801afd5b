"""UN document symbols and resolution numbers in report text, turned into links.

A symbol names a document for good (S/2011/552, A/70/95-S/2015/446, S/PV.7857), so it is
the natural link target: to the report's own page when the corpus holds it, otherwise to
the UN's permalink https://undocs.org/zh/SYMBOL. Resolutions are usually cited by number
only (第 65/283 号决议, 安理会第 1325(2000)号决议); the number's shape and the organ named
before it give the symbol (A/RES/65/283, S/RES/1325(2000), A/HRC/RES/28/34).

The same finder gives each report's citations, and from them the "cited by" lists of the
corpus, built from a symbol -> report index in one pass over the reports.
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from typing import Iterable

from ..model import Block, Citation, Document, Emphasis, Footnote, Inline, Link, ReportFacts, Text
from .matching import map_text

UNDOCS = "https://undocs.org/zh/"

# One symbol: a series (A, S, E, ST, the treaty bodies' CCPR, CEDAW, CERD, CRC, CAT, CMW,
# CRPD, CED, and TD, UNEP, FCCC, DP) then slash-separated parts such as 70, 95, RES, PRST,
# PV.7857, C.5, Add.21, GC.37; a Security Council resolution ends with its year in brackets.
# Not preceded by a letter, digit, slash or dot, so the tail of a URL (…/ch/S/PV.7857) or of
# a longer symbol is not taken for a symbol.
_PART = r"[A-Za-z0-9]+(?:\.[A-Za-z0-9]+)*"
_SERIES = r"(?:A|S|E|ST|CCPR|CEDAW|CERD|CRC|CAT|CMW|CRPD|CED|TD|UNEP|FCCC|DP)"
_ONE = rf"{_SERIES}(?:/{_PART})+(?:\(\d{{4}}\))?"
SYMBOL = re.compile(rf"(?<![A-Za-z0-9/.\-])(?P<symbol>{_ONE}(?:-{_ONE})?)(?![A-Za-z0-9/])")
JOINT_SPLIT = re.compile(rf"-(?={_SERIES}/)")

# A resolution cited by number: 第 65/283 号 (session/number: General Assembly or Human
# Rights Council) or 第 1325(2000)号 (number(year): Security Council). It counts only when
# 决议 follows, possibly after more numbers: 第1970(2011)号和第1973(2011)号决议.
_NUMBER = r"第\s*(?:(?P<session>\d{1,3})\s*/\s*(?P<num>\d{1,4})|(?P<sc>\d{1,4})\s*\(\s*(?P<year>\d{4})\s*\))\s*号"
_MORE = r"(?:\s*(?:、|和|及|与|以及)\s*第\s*[\d/()\s]{1,20}号)*"
RESOLUTION = re.compile(rf"{_NUMBER}(?P<word>\s*决议)?(?(word)|(?={_MORE}\s*决议))")
# The organ named just before the number decides between A/RES and A/HRC/RES.
HRC_BEFORE = re.compile(r"人权理事会[^。；，,]{0,6}$")
ORGAN_WINDOW = 12


@dataclass(frozen=True)
class Found:
    """A symbol or resolution found in text: its span, and the symbols it refers to."""

    start: int
    end: int
    symbols: tuple[str, ...]  # the parts of a joint symbol, or one symbol


def resolution_symbol(m: re.Match[str], before: str) -> str:
    """The symbol of a resolution matched by RESOLUTION, given the text before it."""
    if m.group("sc"):
        return f"S/RES/{int(m.group('sc'))}({m.group('year')})"
    series = "A/HRC/RES" if HRC_BEFORE.search(before[-ORGAN_WINDOW:]) else "A/RES"
    return f"{series}/{int(m.group('session'))}/{int(m.group('num'))}"


def find_symbols(text: str) -> list[Found]:
    """Every symbol and resolution reference in `text`, in order, without overlaps."""
    found = [
        Found(m.start(), m.end(), tuple(JOINT_SPLIT.split(m.group("symbol"))))
        for m in SYMBOL.finditer(text)
        if any(ch.isdigit() for ch in m.group("symbol"))  # every symbol has a number: not "S/A"
    ]
    found += [Found(m.start(), m.end(), (resolution_symbol(m, text[: m.start()]),)) for m in RESOLUTION.finditer(text)]
    found.sort(key=lambda f: f.start)
    kept: list[Found] = []
    for f in found:
        if not kept or f.start >= kept[-1].end:
            kept.append(f)
    return kept


def symbol_href(symbols: tuple[str, ...], corpus_index: dict[str, str]) -> str:
    """The report's page if any part is in the corpus, else the UN permalink of the first."""
    for s in symbols:
        if s in corpus_index:
            return f"{corpus_index[s]}.md"
    return UNDOCS + symbols[0]


def corpus_index_of(reports: Iterable[tuple[str, list[str]]]) -> dict[str, str]:
    """symbol -> slug for every symbol of every (slug, symbols) report, both parts of a
    joint symbol."""
    index: dict[str, str] = {}
    for slug, symbols in reports:
        for symbol in symbols:
            for part in JOINT_SPLIT.split(symbol):
                index[part] = slug
    return index


# ---------------------------------------------------------------- the linking pass


def link_symbols(doc: Document, corpus_index: dict[str, str]) -> None:
    """Make every symbol and resolution reference a link, in blocks and footnotes.

    Headings are included (a heading that names a document may link it); only Text nodes
    are rewritten, so existing links are never nested. The link's title is the symbol, so
    a resolution cited by number shows its symbol on hover.
    """
    for container, inlines in doc.inline_containers():
        container.inlines = map_text(inlines, lambda text: _link_text(text, corpus_index))


def _link_text(text: str, corpus_index: dict[str, str]) -> list[Inline]:
    out: list[Inline] = []
    last = 0
    for f in find_symbols(text):
        if f.start > last:
            out.append(Text(text[last : f.start]))
        label = text[f.start : f.end]
        out.append(Link(symbol_href(f.symbols, corpus_index), [Text(label)], "symbol", "-".join(f.symbols)))
        last = f.end
    if last < len(text):
        out.append(Text(text[last:]))
    return out


# ---------------------------------------------------------------- citations


def _plain(inlines: list[Inline]) -> str:
    """Text of the inlines including link labels, without footnote marks."""
    out: list[str] = []
    for node in inlines:
        if isinstance(node, Text):
            out.append(node.text)
        elif isinstance(node, (Emphasis, Link)):
            out.append(_plain(node.children))
    return "".join(out)


def citations(doc: Document) -> list[tuple[str, Block | Footnote]]:
    """(cited symbol, citing block or footnote) for every reference in the report, each part
    of a joint symbol counted separately."""
    out: list[tuple[str, Block | Footnote]] = []
    for container, inlines in doc.inline_containers():
        for f in find_symbols(_plain(inlines)):
            for symbol in f.symbols:
                out.append((symbol, container))
    return out


def cited_by(reports: list[ReportFacts]) -> dict[str, list[Citation]]:
    """slug -> the places in other reports of the corpus that cite it, in corpus and
    document order, one per citing block (found through the symbol index, not pairwise)."""
    index = corpus_index_of((report.slug, report.symbols) for report in reports)
    result: dict[str, list[Citation]] = {report.slug: [] for report in reports}
    seen: set[tuple[str, str, str]] = set()
    for report in reports:
        for symbol, place_id, label in report.citations:
            target = index.get(symbol)
            if target is None or target == report.slug or (target, report.slug, place_id) in seen:
                continue
            seen.add((target, report.slug, place_id))
            result[target].append(Citation(report.slug, "-".join(report.symbols), report.title, place_id, label))
    return result
