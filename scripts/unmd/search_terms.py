"""The terms of the search index: what the worker cuts a query into, the build cuts pages into.

The words jieba cut the Chinese into (the build's `cut`; the worker cuts with the same words,
assets/javascripts/search/segmenter.js), and every other run of letters and digits between
separators, in lower case, without punctuation at either end. Apart from the index's writer
(unmd.search_shards) because the search hook's cache of a page's terms depends on this only.
"""

from __future__ import annotations

import re
from typing import Callable

from backrefs import bre

# Plain re patterns (backrefs expands the properties once): its own pattern objects wrap every
# call in Python, a good part of indexing a page.
RUNS = bre.compile_search(r"\p{script: Han}+|\P{script: Han}+")
HAN = bre.compile_search(r"\p{script: Han}")
EDGES = bre.compile_search(r"^[^\p{L}\p{N}]+|[^\p{L}\p{N}]+$")


def terms_of(text: str, separator: re.Pattern, cut: Callable[[str], list[str]]) -> list[str]:
    """The terms of a text, in order: as the worker cuts a query (worker.js `termsOf`)."""
    terms = []
    for token in separator.split(text):
        for run in RUNS.findall(token):
            if HAN.match(run):
                terms += cut(run)
            elif word := EDGES.sub("", run).lower():
                terms.append(word)
    return terms
