"""The curated glossary (data/glossary.yml) and the pass that links report text to it.

Python-Markdown's `abbr` extension cannot do this job: it wraps matches in `\\b`, and there is
no word boundary between two Han characters. So the pass works on the document model instead:
one longest-first pattern for every name in the glossary, applied to Text nodes only, so that
links, footnote marks, abbreviations and headings are never touched.

The same module hands the terms to the glossary page (unmd.writer.glossary_page), the OpenCC
protection table and the jieba user dictionary, so a term is linked, listed, converted and
segmented the same way everywhere.
"""

from __future__ import annotations

import functools
import re
from collections import defaultdict
from dataclasses import dataclass
from pathlib import Path
from typing import Callable, Iterable, Iterator

import yaml

from ..catalog import YAML_LOADER
from ..errors import SourceError
from ..model import Block, Document, Emphasis, Footnote, Inline, Item, Link, Paragraph, Text
from .matching import longest_first_pattern, map_text, word_boundaries

GLOSSARY_YML = Path(__file__).resolve().parents[3] / "data" / "glossary.yml"
GLOSSARY_PAGE = "glossary.md"
ID_PATTERN = re.compile(r"[a-z0-9]+(?:-[a-z0-9]+)*")
REQUIRED = ("id", "hans", "hant", "en", "definition")


@dataclass(frozen=True)
class Term:
    id: str
    hans: str
    hant: str
    en: str
    definition: str
    aliases: tuple[str, ...] = ()
    related: tuple[str, ...] = ()
    hant_note: str | None = None  # why hant differs from OpenCC s2tw(hans), when it does
    # Another sense of the same words, told by what stands right before or after them (the
    # African Union's 秘书处 after 非盟, 保护责任 of a mission after 负有): then no link.
    not_after: tuple[str, ...] = ()
    not_before: tuple[str, ...] = ()

    @property
    def names(self) -> tuple[str, ...]:
        """Every zh-Hans form the reports use for this term."""
        return (self.hans, *self.aliases)


@dataclass
class Glossary:
    terms: list[Term]
    not_terms: tuple[str, ...] = ()
    longer_names: tuple[str, ...] = ()  # the lexicon of names that hold a term (glossary.yml)

    def __post_init__(self) -> None:
        self.by_id = {t.id: t for t in self.terms}
        self.by_name: dict[str, Term] = {n: t for t in self.terms for n in t.names}
        # At every position, the longest name that starts there (a lookahead, so that
        # overlapping names are all found: 预防冲突 and 冲突中的性暴力 in 预防冲突中的性暴力).
        self.starts = re.compile(f"(?=({longest_first_pattern(self.by_name).pattern}))")
        self.name_pattern = longest_first_pattern(self.by_name)
        self.words = tuple(dict.fromkeys([*self.by_name, *self.not_terms, *self.longer_names]))

    @property
    def names(self) -> list[str]:
        """Every zh-Hans name of every term: the `known` full names for the abbreviation pass."""
        return [n for t in self.terms for n in t.names]

    @functools.cached_property
    def synonyms(self) -> dict[str, tuple[str, ...]]:
        """name -> every name of its term: for the abbreviation pass, the glossary's word that
        伊加特 is a short form of 政府间发展管理局 although no subsequence of it."""
        return {n: t.names for t in self.terms for n in t.names}


# ---------------------------------------------------------------- loading


@functools.lru_cache(maxsize=None)
def load_glossary(path: Path = GLOSSARY_YML) -> Glossary:
    """Read and check the glossary; a bad entry stops the build naming the file and line.

    Read once per process (the pages, the OpenCC table and the search dictionaries all need
    it), with libyaml when it is there."""
    text = path.read_text(encoding="utf-8")
    root = yaml.compose(text, Loader=YAML_LOADER)
    data = yaml.load(text, Loader=YAML_LOADER)
    if not isinstance(data, dict) or not isinstance(data.get("terms"), list):
        raise SourceError(str(path), 1, "expected a mapping with a `terms` list")
    term_nodes = next(v for k, v in root.value if k.value == "terms").value
    terms: list[Term] = []
    seen_names: dict[str, str] = {}
    for raw, node in zip(data["terms"], term_nodes):
        line = node.start_mark.line + 1

        def fail(message: str) -> None:
            raise SourceError(str(path), line, message)

        if not isinstance(raw, dict):
            fail("a term must be a mapping")
        for key in REQUIRED:
            if not isinstance(raw.get(key), str) or not raw[key].strip():
                fail(f"term {raw.get('id', '?')!r}: `{key}` is missing or empty")
        if not ID_PATTERN.fullmatch(raw["id"]):
            fail(f"id {raw['id']!r} is not ASCII kebab-case")
        unknown = set(raw) - {*REQUIRED, "aliases", "related", "hant_note", "not_after", "not_before"}
        if unknown:
            fail(f"term {raw['id']!r}: unknown keys {sorted(unknown)}")
        term = Term(
            id=raw["id"],
            hans=raw["hans"],
            hant=raw["hant"],
            en=raw["en"],
            definition=raw["definition"],
            aliases=tuple(raw.get("aliases") or ()),
            related=tuple(raw.get("related") or ()),
            hant_note=raw.get("hant_note"),
            not_after=tuple(raw.get("not_after") or ()),
            not_before=tuple(raw.get("not_before") or ()),
        )
        if any(t.id == term.id for t in terms):
            fail(f"duplicate id {term.id!r}")
        for name in term.names:
            if name in seen_names:
                fail(f"{name!r} is already a name of {seen_names[name]!r}")
            seen_names[name] = term.id
        terms.append(term)
    ids = {t.id for t in terms}
    for t, node in zip(terms, term_nodes):
        for r in t.related:
            if r not in ids:
                raise SourceError(str(path), node.start_mark.line + 1, f"term {t.id!r}: unknown related id {r!r}")
    return Glossary(terms, tuple(data.get("not_terms") or ()), tuple(data.get("longer_names") or ()))


# ---------------------------------------------------------------- the linking pass


def link_terms(doc: Document, glossary: Glossary, page_of: str = GLOSSARY_PAGE) -> None:
    """Link the first use of each glossary term in every paragraph, sub-item and footnote.

    Headings stay plain (a link there would also land in the table of contents), signatures
    hold names, and a block without an id (title-page lines) could not be listed under
    "where used". Inside a block, existing links (document symbols), abbreviations, footnote
    marks and emphasised titles of works are left alone, and so is a term inside a longer
    name (see `term_spans`). `page_of` is the glossary page as seen from a report page.
    """
    names = longest_first_pattern([*glossary.not_terms, *glossary.longer_names, *doc.abbreviations.values()])
    for block in doc.blocks:
        if isinstance(block, (Paragraph, Item)) and block.id:
            block.inlines = _link_block(block.inlines, glossary, names, page_of)
    for note in doc.footnotes:
        if note.id:
            note.inlines = _link_block(note.inlines, glossary, names, page_of)


def _link_block(inlines: list[Inline], glossary: Glossary, names: re.Pattern[str], page_of: str) -> list[Inline]:
    linked: set[str] = set()

    def replace(text: str, before: str, after: str) -> list[Inline]:
        out: list[Inline] = []
        last = 0
        for start, end, term in term_spans(text, glossary, names, before, after):
            if term.id in linked:
                continue
            linked.add(term.id)
            if start > last:
                out.append(Text(text[last:start]))
            out.append(Link(f"{page_of}#{term.id}", [Text(text[start:end])], "glossary", term.definition))
            last = end
        if last < len(text):
            out.append(Text(text[last:]))
        return out

    return map_text(inlines, replace, into_emphasis=False, with_context=True)


LONGEST_SENSE_WORD = 12  # characters of context a not_after / not_before word may span
TITLE = re.compile(r"《[^《》\n]*》")


def term_spans(text: str, glossary: Glossary, names: re.Pattern[str], before: str = "",
               after: str = "") -> Iterator[tuple[int, int, Term]]:
    """(start, end, term) for every use of a term in `text`, in order; `before` and `after`
    are what the reader sees around `text` (an abbreviation, a link), for the sense checks.

    A wrong link is worse than none, so a name found in the text is a use of its term only if
      - no longer glossary name overlaps it (of two overlapping names the longer is read:
        冲突中的性暴力, not 预防冲突, in 预防冲突中的性暴力);
      - it lies neither inside nor across a longer name that `names` finds (the glossary's
        not_terms and lexicon of longer names, the report's own defined full names) or a
        《》 title, unless it is that whole name or title;
      - the segmenter (jieba, with every name as a user word) cuts the text where it starts
        and ends (维持和平行动部 in 维持和平行动部署 is read 维持和平行动 + 部署, 常驻代表 in
        常驻代表团 is no word at all); failing that, the longest name that starts there and
        ends earlier is tried;
      - nothing right before or after it marks another sense (Term.not_after / not_before).
    """
    found = [(m.start(), m.start() + len(m.group(1))) for m in glossary.starts.finditer(text)]
    if not found:
        return
    found.sort(key=lambda span: (span[0] - span[1], span[0]))  # longest first, then leftmost
    occupied = bytearray(len(text))
    taken: list[tuple[int, int]] = []
    for start, end in found:
        if not any(occupied[start:end]):
            occupied[start:end] = b"\1" * (end - start)
            taken.append((start, end))
    # Each position -> the longer names and titles over it (linear: they hardly overlap).
    covering: dict[int, list[tuple[int, int]]] = defaultdict(list)
    spans = [(m.start(), m.end()) for m in names.finditer(text)]
    spans += [(m.start() + 1, m.end() - 1) for m in TITLE.finditer(text)]
    for s, e in spans:
        for at in range(s, e):
            covering[at].append((s, e))
    cuts = word_boundaries(text, glossary.words)
    for start, end in sorted(taken):
        while end > start:
            if start in cuts and end in cuts and all(
                start <= s and e <= end for at in range(start, end) for s, e in covering.get(at, ())
            ):
                break
            shorter = glossary.name_pattern.match(text, start, end - 1)
            end = shorter.end() if shorter else start
        if end == start:
            continue
        term = glossary.by_name[text[start:end]]
        room = LONGEST_SENSE_WORD
        preceding = (before[-room:] + text[:start])[-room:] if start < room else text[start - room : start]
        following = (text[end:] + after[:room])[:room] if len(text) - end < room else text[end : end + room]
        if not any(preceding.endswith(w) for w in term.not_after) and not any(
            following.startswith(w) for w in term.not_before
        ):
            yield start, end, term


# ---------------------------------------------------------------- where a report uses terms


def term_places(doc: Document) -> dict[str, list[Block | Footnote]]:
    """term id -> the blocks and footnotes of the report that link the term, blocks first, in
    document order (read from the links `link_terms` made, so page and report agree)."""
    places: dict[str, list[Block | Footnote]] = defaultdict(list)
    for container, inlines in doc.inline_containers():
        for node in links_in(inlines):
            if node.kind == "glossary":
                linking = places[node.href.rpartition("#")[2]]
                if not linking or linking[-1] is not container:
                    linking.append(container)
    return places


def links_in(inlines: list[Inline]) -> Iterable[Link]:
    """The links of an inline list, in order, those inside emphasis included."""
    for node in inlines:
        if isinstance(node, Link):
            yield node
        elif isinstance(node, Emphasis):
            yield from links_in(node.children)


# ---------------------------------------------------------------- dictionaries


def protected_pairs(glossary: Glossary, s2tw: Callable[[str], str]) -> list[tuple[str, str]]:
    """(zh-Hans, zh-Hant) for every term and alias, for the OpenCC protection table.

    An alias has no hand-checked zh-Hant form of its own: it is converted with OpenCC (`s2tw`,
    the pages' converter) and then given the same character corrections as its term (e.g.
    马里稳定团 gets 里, not 裡, like 联合国马里多层面综合稳定团).
    """
    pairs: list[tuple[str, str]] = []
    for term in glossary.terms:
        pairs.append((term.hans, term.hant))
        fixes = _char_fixes(s2tw(term.hans), term.hant)
        for alias in term.aliases:
            hant = "".join(fixes.get(ch, ch) for ch in s2tw(alias))
            pairs.append((alias, hant))
    return pairs


def _char_fixes(opencc_form: str, reviewed: str) -> dict[str, str]:
    """Character substitutions that turn OpenCC's output into the reviewed form."""
    if len(opencc_form) != len(reviewed):
        return {}
    return {a: b for a, b in zip(opencc_form, reviewed) if a != b}


def terms_for_dictionaries(glossary: Glossary) -> list[str]:
    """Every zh-Hans name of every term, for the jieba user dictionary (so search segments a
    term as one word; the zh-Hant pages are cut in their zh-Hans form, so this serves both)."""
    return [w for w in dict.fromkeys(glossary.names) if " " not in w]