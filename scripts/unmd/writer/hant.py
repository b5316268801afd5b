"""zh-Hans Markdown -> zh-Hant Markdown: OpenCC `s2tw` plus the project's protected terms.

`s2tw` converts characters to Taiwan standard forms without rewriting vocabulary (unlike
`s2twp`, which turns 和平进程 into 和平程序) and writes 秘/為 (unlike `s2t`, which writes 祕/爲).
Its phrase matching still goes wrong in places (国家伙伴 -> 國傢伙伴, 对冲突 -> 對沖突), so
data/opencc-protect.tsv and the glossary's reviewed zh-Hant forms give fixed conversions that
are applied first, leftmost-longest; OpenCC converts only the text between them. Markdown syntax that carries addresses (attribute lists,
link targets, HTML tags, footnote labels, code) is copied unchanged, so both variants keep
exactly the same ids and links.
"""

from __future__ import annotations

import functools
import re
from dataclasses import dataclass
from pathlib import Path
from typing import Callable

import opencc

from ..passes.glossary import load_glossary, protected_pairs
from ..passes.matching import longest_first_pattern

PROTECT_TSV = Path(__file__).resolve().parents[3] / "data" / "opencc-protect.tsv"
OPENCC_CONFIG = "s2tw"
# Its inverse: character for character, so a zh-Hant run and its zh-Hans form have one length.
OPENCC_BACK = "tw2s"

# Stands in for a span OpenCC must not convert (Markdown syntax, a protected term), so that a
# page goes through OpenCC in one call: a Unicode noncharacter, which OpenCC passes through and
# no phrase of its dictionaries contains, so it ends phrase matching as the span's edge would.
# One in the text itself is held like a span, so it comes back as itself.
HOLD = "\ufdd0"
# Spans that hold ids, URLs or labels: `{: #para-1 .para }`, `](target`, `[^1]`, `` `code` ``,
# reference definitions and HTML tags (whose title/alt text is still converted).
VERBATIM = re.compile(
    r"\{[:#.][^}\n]*\}"             # attr_list block or heading attributes
    r"|\]\(<?[^)\s>]*>?"            # inline link or image destination (a title is converted)
    r"|^\[(?!\^)[^\]\n]+\]:[^\n]*$"  # reference link definition
    r"|<[^<>\n]+>"                 # raw HTML tag or autolink
    r"|\[\^[^\]\n]+\]"             # footnote label
    r"|`[^`\n]+`"                  # code span
    rf"|{HOLD}",
    re.MULTILINE,
)
# Attribute values inside a kept HTML tag that readers see, so they follow the page's script.
READABLE_ATTRIBUTE = re.compile(r'(\b(?:title|alt|aria-label)=")([^"]*)(")')


@dataclass(frozen=True)
class ProtectedTerm:
    """One row of the protect table: what to write instead of OpenCC's output, and why."""

    hans: str
    hant: str
    why: str


def load_protected_terms(path: Path = PROTECT_TSV) -> list[ProtectedTerm]:
    """Read the protect table; a malformed row stops the build with its file and line."""
    terms: list[ProtectedTerm] = []
    seen: dict[str, int] = {}
    for number, line in enumerate(path.read_text(encoding="utf-8").splitlines(), start=1):
        if not line.strip() or line.startswith("#"):
            continue
        fields = line.split("\t")
        if len(fields) != 3 or not fields[0] or not fields[1]:
            raise ValueError(f"{path}:{number}: expected simplified<TAB>traditional<TAB>why")
        if fields[0] in seen:
            raise ValueError(f"{path}:{number}: {fields[0]} already listed on line {seen[fields[0]]}")
        seen[fields[0]] = number
        terms.append(ProtectedTerm(*fields))
    return terms


@functools.lru_cache(maxsize=None)
def _converter() -> opencc.OpenCC:
    return opencc.OpenCC(OPENCC_CONFIG)


@functools.lru_cache(maxsize=None)
def _back_converter() -> opencc.OpenCC:
    return opencc.OpenCC(OPENCC_BACK)


def to_simplified(text: str) -> str:
    """zh-Hant text in zh-Hans again, for what works in zh-Hans only (jieba's dictionary)."""
    return _back_converter().convert(text)


def protected_replacements() -> dict[str, str]:
    """The protect table plus every glossary term and alias, so that a term is written the
    same way wherever it stands (OpenCC's phrase matching depends on the neighbours)."""
    replacement = {t.hans: t.hant for t in load_protected_terms()}
    for hans, hant in protected_pairs(load_glossary(), _converter().convert):
        if replacement.setdefault(hans, hant) != hant:
            raise ValueError(f"{hans}: glossary says {hant}, {PROTECT_TSV.name} says {replacement[hans]}")
    return replacement


@functools.lru_cache(maxsize=None)
def _protection() -> tuple[re.Pattern[str], dict[str, str]]:
    replacement = protected_replacements()
    replacement[HOLD] = HOLD
    return longest_first_pattern(replacement), replacement


def _convert_holding(text: str, spans: re.Pattern[str], kept: Callable[[str], str],
                     convert: Callable[[str], str]) -> str:
    """convert(text), but each span matched is replaced by kept(span) and not converted."""
    held: list[str] = []

    def hold(match: re.Match[str]) -> str:
        held.append(kept(match.group()))
        return HOLD

    pieces = convert(spans.sub(hold, text)).split(HOLD)
    return "".join(piece + span for piece, span in zip(pieces, [*held, ""], strict=True))


def convert_text(text: str) -> str:
    """Convert plain text (no Markdown syntax to keep) with s2tw and the protected terms."""
    terms, replacement = _protection()
    return _convert_holding(text, terms, replacement.__getitem__, _converter().convert)


def _kept_syntax(span: str) -> str:
    """A Markdown span as it is, but for the attribute values readers see in an HTML tag."""
    if span.startswith("<"):
        return READABLE_ATTRIBUTE.sub(lambda m: m[1] + convert_text(m[2]) + m[3], span)
    return span


def to_hant(markdown: str) -> str:
    """The zh-Hant version of a zh-Hans Markdown page, with ids, links and labels unchanged."""
    # convert_text holds the HOLDs this puts in as they are, as it holds the protected terms.
    return _convert_holding(markdown, VERBATIM, _kept_syntax, convert_text)
