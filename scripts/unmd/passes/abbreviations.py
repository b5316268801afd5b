"""Short forms that a report defines itself, in the UN Chinese style 全称(简称).

美洲国家组织(美洲组织) defines 美洲组织; from there on the report writes the short form alone,
and a reader who missed the definition needs the full name on hover. Each report defines its
own set, so extraction is per report.

What counts as a definition: a run of Han characters (which may hold a hyphen, as in
非洲联盟-联合国达尔富尔混合行动 or 哥伦比亚革命武装力量 - 人民军, and an enumeration comma, as in
联合国教育、科学及文化组织), then a parenthesis (half- or full-width) holding only Han
characters, where the short form is a subsequence of the run (美洲组织 of 美洲国家组织), or
where the glossary gives both as names of one term (政府间发展管理局 and 伊加特, a
transliteration). That rejects parentheses that explain (设在哈博罗内), give examples
(例如叙利亚和也门), symbols or years. Where the full name starts is the hard part, because the
run also holds the words before it (例如人权事务高级专员办事处):
  0. a name that ends the run and that the glossary gives for the same term as a short form
     that shares no character with it (a transliteration: 伊加特 for 政府间发展管理局);
  1. a name the caller knows (the glossary) that ends the run and contains the short form;
  2. else a run that starts with 联合国 + a name, when the short form drops 联合国
     (联合国开发计划署(开发署)), as long as the result is name-sized;
  3. else from the last place where the short form's first character starts it.
Before rules 2 and 3, an enumeration comma ends a list, not a name, when the short form
can be read from what follows it (美国、英国和欧洲联盟(欧盟) is 欧洲联盟).
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from typing import Iterable, Iterator

from ..model import Abbr, Document, Emphasis, FootnoteRef, Heading, Inline, Link, Text
from .matching import longest_first_pattern, split_matches

# The run starts where a run of Han characters starts (the lookbehind): tried from inside a run,
# as the search otherwise does, a long run without a parenthesis costs quadratic time.
HAN = "\u4e00-\u9fff·"
JOINER = r"(?:、| ?[-－–] ?)"  # inside a name: 教育、科学及文化 / 非洲联盟-联合国 / 武装力量 - 人民军
DEFINITION = re.compile(
    rf"(?<![{HAN}])(?<![{HAN}]、)(?<![{HAN}][-－–])(?<![{HAN}][-－–] )(?<![{HAN}] [-－–] )(?P<run>[{HAN}]+(?:{JOINER}[{HAN}]+)*)\s*[(（](?P<short>[{HAN}]{{2,12}})[)）]"
)
HYPHEN_BEFORE = re.compile(r" ?[-－–] ?$")  # a joint name goes on before this (with endpos)
UN = "联合国"
# A character right after 联合国 that shows it is not the start of a name (联合国和美洲国家组织).
CONNECTIVES = set("和与及或、的在对向同以")
LONGEST_NAME = 20  # characters; the longest full name in the corpus has 18
# How much of the run before a parenthesis can hold the full name: far more than any name, and
# a bound that keeps full_name's suffix search cheap on a line of thousands of Han characters.
NAME_ROOM = 100


@dataclass(frozen=True)
class Definition:
    short: str
    full: str
    node: Text  # the Text node that holds the closing parenthesis
    end: int  # offset just after the closing parenthesis in that node


def is_subsequence(short: str, full: str) -> bool:
    chars = iter(full)
    return all(ch in chars for ch in short)


def full_name(run: str, short: str, known: frozenset[str] = frozenset(),
              synonyms: dict[str, tuple[str, ...]] | None = None) -> str | None:
    """The full name that `short` abbreviates, taken from the end of `run`, or None, and
    carried back over a hyphen to a known name (非洲联盟-联合国达尔富尔混合行动)."""
    name = _full_name(run, short, known, synonyms)
    while name is not None:
        joint = HYPHEN_BEFORE.search(run, 0, len(run) - len(name))
        before = run[: joint.start()] if joint else ""
        partner = max((k for k in known if before.endswith(k)), key=len, default=None)
        if partner is None:
            break
        name = partner + joint.group() + name
    return name


def _full_name(run: str, short: str, known: frozenset[str],
               synonyms: dict[str, tuple[str, ...]] | None) -> str | None:
    """The full name that `short` abbreviates, by the rules above.

    `synonyms` maps a name to every name of its glossary term (rule 0: a transliteration)."""
    # A transliteration of the English acronym keeps none of the name's characters (伊加特
    # for IGAD); one that keeps some is another name (第五委员会 for 行政和预算委员会).
    same = [n for n in (synonyms or {}).get(short, ())
            if len(n) > len(short) and run.endswith(n) and not set(n) & set(short)]
    if same:
        return max(same, key=len)
    if not is_subsequence(short, run):
        return None
    candidates = [run[i:] for i in range(len(run)) if run[i:] in known and is_subsequence(short, run[i:])]
    if candidates:
        return candidates[0]  # the longest: the suffixes are tried from the left
    after_comma = run.rpartition("、")[2]
    if is_subsequence(short, after_comma):  # 美国、英国和欧洲联盟(欧盟): the comma ends a list
        run = after_comma
    un_at = run.rfind(UN)
    if (
        un_at >= 0
        and len(run) - un_at <= LONGEST_NAME
        and run[un_at + len(UN) : un_at + len(UN) + 1] not in CONNECTIVES
        and is_subsequence(short, run[un_at:])
        and len(run) - un_at > len(UN)
    ):
        return run[un_at:]
    for i in range(len(run) - 1, -1, -1):
        if run[i] == short[0] and is_subsequence(short, run[i:]):
            start = i - len(UN) if run[:i].endswith(UN) else i
            return run[start:]
    return None


# ---------------------------------------------------------------- reading order


def reading_order(doc: Document) -> Iterator[tuple[Text, bool]]:
    """Every Text node of the report in reading order, with whether it may be marked.

    A footnote is read where it is first referenced (a definition in footnote 4 applies to
    the rest of the paragraph that cites it); unreferenced footnotes come last. Text in
    headings, links and abbreviations is read but never marked.
    """
    notes = {f.key: f for f in doc.footnotes}
    read: set[str] = set()

    def walk(inlines: list[Inline], markable: bool) -> Iterator[tuple[Text, bool]]:
        for node in inlines:
            if isinstance(node, Text):
                yield node, markable
            elif isinstance(node, Emphasis):
                yield from walk(node.children, markable)
            elif isinstance(node, Link):
                yield from walk(node.children, False)
            elif isinstance(node, FootnoteRef) and node.key in notes and node.key not in read:
                read.add(node.key)
                yield from walk(notes[node.key].inlines, True)

    for block in doc.blocks:
        inlines = getattr(block, "inlines", None)
        if inlines is not None:
            yield from walk(inlines, not isinstance(block, Heading))
    for f in doc.footnotes:
        if f.key not in read:
            read.add(f.key)
            yield from walk(f.inlines, True)


# ---------------------------------------------------------------- extraction


def _definitions(doc: Document, known: frozenset[str],
                 synonyms: dict[str, tuple[str, ...]] | None = None) -> Iterator[Definition]:
    for _container, inlines in doc.inline_containers():
        nodes: list[tuple[Text, int]] = []  # Text node and its offset in `text`
        parts: list[str] = []
        offset = 0
        for node in _texts(inlines):
            nodes.append((node, offset))
            parts.append(node.text)
            offset += len(node.text)
        text = "".join(parts)
        for m in DEFINITION.finditer(text):
            full = full_name(m.group("run")[-NAME_ROOM:], m.group("short"), known, synonyms)
            if full is None or len(m.group("short")) >= len(full):
                continue
            node, node_offset = next((n, o) for n, o in reversed(nodes) if o < m.end())
            yield Definition(m.group("short"), full, node, m.end() - node_offset)


def _texts(inlines: list[Inline]) -> Iterator[Text]:
    """Text nodes in order, footnote marks skipped (伊斯兰会议组织³(伊斯兰会议) is a definition)."""
    for node in inlines:
        if isinstance(node, Text):
            yield node
        elif isinstance(node, (Emphasis, Link)):
            yield from _texts(node.children)


def extract_abbreviations(doc: Document, known: Iterable[str] = (),
                          synonyms: dict[str, tuple[str, ...]] | None = None) -> dict[str, str]:
    """short -> full for every short form the report defines, first definition wins.

    `known` are full names the project already knows (the glossary's terms), used to find
    where a full name starts when the text before it runs on without punctuation; `synonyms`
    (Glossary.synonyms) vouch for a short form that is no subsequence of its full name."""
    found: dict[str, str] = {}
    for d in _definitions(doc, frozenset(known), synonyms):
        found.setdefault(d.short, d.full)
    return found


# ---------------------------------------------------------------- marking


def merge_texts(inlines: list[Inline]) -> list[Inline]:
    """Join adjacent Text nodes, so a short form split by the reader is still one match."""
    out: list[Inline] = []
    for node in inlines:
        if isinstance(node, Text) and out and isinstance(out[-1], Text):
            out[-1] = Text(out[-1].text + node.text)
        elif isinstance(node, Emphasis):
            out.append(Emphasis(merge_texts(node.children)))
        else:
            out.append(node)
    return out


def mark_abbreviations(doc: Document, abbrs: dict[str, str], known: Iterable[str] = (),
                       synonyms: dict[str, tuple[str, ...]] | None = None) -> None:
    """Wrap each use of a short form after its definition as Abbr(short, full).

    Uses before the definition, in headings and in links stay plain text. A full name that
    contains its short form (联合国西非办事处 holds 西非办), or a known name that does
    (欧安组织少数民族问题高级专员, a glossary term), is matched first and left alone.
    """
    if not abbrs:
        return
    known = frozenset(known)
    for container, inlines in doc.inline_containers():
        container.inlines = merge_texts(inlines)
    order = {id(node): i for i, (node, _) in enumerate(reading_order(doc))}
    defined_at: dict[str, tuple[int, int]] = {}
    for d in _definitions(doc, known, synonyms):
        if abbrs.get(d.short) == d.full:
            defined_at.setdefault(d.short, (order[id(d.node)], d.end))
    blockers = set(abbrs.values()) | {f[len(UN) :] for f in abbrs.values() if f.startswith(UN)}
    blockers |= {k for k in known if any(short in k and short != k for short in abbrs)}
    pattern = longest_first_pattern([*abbrs, *blockers])
    markable = {id(node) for node, ok in reading_order(doc) if ok}

    for container, inlines in doc.inline_containers():
        if isinstance(container, Heading):
            continue
        container.inlines = _mark(inlines, abbrs, defined_at, order, markable, pattern)


def _mark(inlines, abbrs, defined_at, order, markable, pattern) -> list[Inline]:
    out: list[Inline] = []
    for node in inlines:
        if isinstance(node, Text) and id(node) in markable:
            here = order[id(node)]

            def make(m: re.Match[str]) -> Inline | None:
                short = m.group()
                where = defined_at.get(short)
                if short not in abbrs or where is None or (here, m.start()) < where:
                    return None
                if _redefines(node.text, m, abbrs[short]):
                    return None
                return Abbr(short, abbrs[short])

            out.extend(split_matches(node.text, pattern, make))
        elif isinstance(node, Emphasis):
            out.append(Emphasis(_mark(node.children, abbrs, defined_at, order, markable, pattern)))
        else:
            out.append(node)
    return out


def _redefines(text: str, m: re.Match[str], full: str) -> bool:
    """Whether the match is the short form of a repeated definition 全称(简称)."""
    opening = m.start() - 1
    return opening >= 0 and text[opening] in "(（" and text[:opening].rstrip().endswith(full)
