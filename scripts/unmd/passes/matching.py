"""Matching helpers the passes share: one longest-first pattern for many names, and rewriting
the Text nodes of an inline list without touching links, abbreviations or footnote marks."""

from __future__ import annotations

import functools
import re
from typing import Callable, Iterable

from ..model import Emphasis, Inline, Text, plain_text


def longest_first_pattern(names: Iterable[str]) -> re.Pattern[str]:
    """One regex for all names that, at each position, matches the longest name.

    Built as a character trie (安全(?:理事会)?) rather than a flat alternation, so the regex
    engine does not try every name at every position; a greedy optional suffix makes the
    longer name win and backtracks to the shorter one.
    """
    trie: dict = {}
    for name in names:
        if not name:
            continue
        node = trie
        for ch in name:
            node = node.setdefault(ch, {})
        node[""] = {}

    def emit(node: dict) -> str:
        branches = [re.escape(ch) + emit(child) for ch, child in sorted(node.items()) if ch]
        if not branches:
            return ""
        body = branches[0] if len(branches) == 1 else "(?:" + "|".join(branches) + ")"
        if "" in node:  # a name ends here: the longer continuation is optional
            return "(?:" + body + ")?"
        return body

    if not trie:
        return re.compile(r"(?!)")
    return re.compile(emit(trie))


def map_text(
    inlines: list[Inline],
    replace: Callable[..., list[Inline]],
    *,
    into_emphasis: bool = True,
    with_context: bool = False,
) -> list[Inline]:
    """Rewrite the Text nodes of an inline list, in reading order, with `replace`.

    Links, abbreviations and footnote marks are kept as they are (a pass never links inside
    them); adjacent Text nodes are merged first so a term split by the reader still matches.
    With `with_context`, `replace(text, before, after)` also gets the text the reader sees
    before and after the run in the same list (中非经共体 as an abbreviation, then 秘书处).
    """
    runs: list[Inline] = []  # the list with adjacent Text nodes merged
    for node in inlines:
        if isinstance(node, Text) and runs and isinstance(runs[-1], Text):
            runs[-1] = Text(runs[-1].text + node.text)
        else:
            runs.append(node)
    seen = [plain_text([node]) for node in runs]
    out: list[Inline] = []
    for i, node in enumerate(runs):
        if isinstance(node, Text):
            if with_context:
                out.extend(replace(node.text, "".join(seen[:i]), "".join(seen[i + 1 :])))
            else:
                out.extend(replace(node.text))
        elif isinstance(node, Emphasis) and into_emphasis:
            out.append(Emphasis(map_text(node.children, replace, into_emphasis=into_emphasis)))
        else:
            out.append(node)
    return out


def split_matches(text: str, pattern: re.Pattern[str], make: Callable[[re.Match[str]], Inline | None]) -> list[Inline]:
    """Split `text` around the matches of `pattern`; `make` turns a match into a node, or
    returns None to leave that match as plain text."""
    out: list[Inline] = []
    last = 0
    for m in pattern.finditer(text):
        node = make(m)
        if node is None:
            continue
        if m.start() > last:
            out.append(Text(text[last : m.start()]))
        out.append(node)
        last = m.end()
    if last < len(text):
        out.append(Text(text[last:]))
    return out


@functools.lru_cache(maxsize=4)
def _segmenter(words: tuple[str, ...]):
    import rjieba  # jieba-rs: jieba's cuts with jieba's own dictionary, built in

    segmenter = rjieba.Jieba()
    for word in words:
        if " " not in word:
            segmenter.add_word(word, None, None)  # a frequency that keeps it whole, as jieba.add_word
    return segmenter


def word_boundaries(text: str, words: tuple[str, ...]) -> set[int]:
    """The offsets in `text` where jieba, with `words` added to its dictionary, starts a word
    (and the end of the text): where a name may start or end without cutting a word in two."""
    cuts = {0}
    at = 0
    for word in _segmenter(words).cut(text, False):
        at += len(word)
        cuts.add(at)
    return cuts
