"""The search index of one variant, in shards that the browser loads as a query needs them.

One index loaded whole (Material's lunr way) is as large as the text of the site (92 MB per
variant at 1,000 reports) and has to be in memory before a first query can run. Here the index
is split into small script files under search/, each of which hands its part to the search
worker (assets/javascripts/search/worker.js) with `searchShard(name, data)`. Script files,
because a page opened from `file://` may load scripts but not `fetch` files; over HTTP the
worker fetches the same files and reads their data part.

- `pages.js`: per page, its first entry's number, its URL and its title;
- `e/<n>.js`: entries n·ENTRIES_PER_CHUNK … (anchor, title, text), the text shown in results;
- `w/<bucket>.js`: the postings of every term whose key (`shard_key`) falls in that bucket
  (`bucket_of`: a hash of the key, in base 36): each a string of (entry number delta in base 36,
  relevance letter A–Z) pairs, entries ascending. Keys share a file because a file is what costs:
  at one file per key a 50-report build wrote 5,191 of 4 KB on average per variant, and on the
  virtual disks this project builds on creating a file costs about half a millisecond (3-4 s of
  a variant's build), while a query's bytes barely change (BUCKET_BYTES a term).

A term's key is its first two characters if it is Chinese, its first three otherwise, or
more where the shard of the shorter key would be over SHARD_BYTES (such keys are `split`: a
shard of S/2… holding every report symbol would be megabytes at 1,000 reports; terms no longer
than a split key stay in its shard). So a query loads one shard per term, and all terms that
begin with a term being typed (the last one of a query) are in the shard the term itself is
in, unless that term is a split key itself. The relevance letter is the entry's
BM25 weight for the term, TITLE_BOOST times more where the term is in the entry's title (a
heading; twice that in a report's title), stored as its square root in steps of
1/RELEVANCE_STEP, so that one letter holds weights from 0.16 to 100.

Terms are what unmd.search_terms makes of a text, as the worker does of a query.
"""

from __future__ import annotations

import itertools
import json
import math
import re
from dataclasses import dataclass
from pathlib import Path
from typing import Iterable

import numpy as np

from . import sitefiles
from .search_terms import HAN

ENTRIES_PER_CHUNK = 8  # about 4 KB of Chinese text: a result shows at most one chunk per entry
SHARD_BYTES = 32 * 1024  # a larger shard is split by one more character (where its terms are longer)
BUCKET_BYTES = 48 * 1024  # the shards of a file together, on average
TITLE_BOOST = 5  # Material's lunr weighs the title field 1,000 times: a report titled 联合国调解… first
BM25_K1, BM25_B = 1.2, 0.75
RELEVANCE_LEVELS = 26  # A..Z
RELEVANCE_STEP = 2.5
BASE36 = "0123456789abcdefghijklmnopqrstuvwxyz"
POSTINGS_BATCH = 1 << 20  # postings weighed at once (about 50 MB of arrays)


def _key_length(term: str) -> int:
    return 2 if HAN.match(term) else 3


def shard_key(term: str, split: Iterable[str] = ()) -> str:
    """The key of the shard the term is in (worker.js `shardName`)."""
    length = _key_length(term)
    while length < len(term) and term[:length] in split:
        length += 1
    return term[:length]


def bucket_of(key: str, buckets: int) -> int:
    """The file a key's shard is in: FNV-1a (32 bits) of its UTF-8 bytes, modulo the number of
    files (worker.js `bucketOf`)."""
    digest = 0x811C9DC5
    for byte in key.encode("utf-8"):
        digest = ((digest ^ byte) * 0x01000193) & 0xFFFFFFFF
    return digest % buckets


def _file_name(key: str, buckets: int) -> str:
    return "w/" + _base36(bucket_of(key, buckets))


def shard_name(term: str, split: Iterable[str] = (), buckets: int = 1) -> str:
    """The file a term's postings are in, for the split keys and the number of files that
    `ShardedIndex.write` reported."""
    return _file_name(shard_key(term, split), buckets)


def split_keys(sizes: dict[str, int]) -> tuple[set[str], dict[str, list[str]]]:
    """The keys to split, and the terms of each shard, for terms of these sizes (in bytes)."""
    split: set[str] = set()
    shards: dict[str, list[str]] = {}
    pending: dict[str, list[str]] = {}
    for term in sizes:
        pending.setdefault(term[:_key_length(term)], []).append(term)
    while pending:
        key, terms = pending.popitem()
        longer = [term for term in terms if len(term) > len(key)]
        if sum(sizes[term] for term in terms) > SHARD_BYTES and longer:
            split.add(key)
            shards[key] = [term for term in terms if len(term) == len(key)]
            for term in longer:
                pending.setdefault(term[:len(key) + 1], []).append(term)
        else:
            shards[key] = terms
    return split, {key: terms for key, terms in shards.items() if terms}


def _base36(number: int) -> str:
    digits = ""
    while True:
        number, digit = divmod(number, 36)
        digits = BASE36[digit] + digits
        if not number:
            return digits


def relevance_levels(weights: np.ndarray) -> np.ndarray:
    """A weight's letter (A + level): its square root in steps of 1/RELEVANCE_STEP, at least B."""
    return np.clip(np.rint(np.sqrt(weights) * RELEVANCE_STEP), 1, RELEVANCE_LEVELS - 1).astype(np.int64)


# The text of every (delta, level) pair with a delta of at most two digits: looked up, not made,
# for the millions of postings of a large site.
_SHORT_DELTAS = 36 * 36
_PAIRS = [_base36(delta) + chr(65 + level) for delta in range(_SHORT_DELTAS) for level in range(RELEVANCE_LEVELS)]


def postings_text(deltas: np.ndarray, levels: np.ndarray) -> str:
    """Postings (entry number deltas, relevance levels) as delta-in-base-36-and-letter text."""
    if len(deltas) and deltas.max() >= _SHORT_DELTAS:
        return "".join(_base36(d) + chr(65 + v) for d, v in zip(deltas.tolist(), levels.tolist()))
    return "".join(map(_PAIRS.__getitem__, (deltas * RELEVANCE_LEVELS + levels).tolist()))


def read_postings(text: str) -> list[tuple[int, int]]:
    """(entry number, relevance level) pairs: what the worker decodes (for tests and the bench)."""
    pairs, number = [], 0
    for delta, letter in re.findall(r"([0-9a-z]+)([A-Z])", text):
        number += int(delta, 36)
        pairs.append((number, ord(letter) - 65))
    return pairs


def _script(name: str, data) -> str:
    return f"searchShard({json.dumps(name)},{json.dumps(data, ensure_ascii=False, separators=(',', ':'))});\n"


@dataclass
class PageTerms:
    """A page's entries and, compactly, which terms each holds how often: what the search hook
    caches per page (an array pickles and loads far faster than a dict per entry)."""

    entries: list[list[str]]  # [anchor, title, text], the page itself first (anchor "")
    terms: list[str]  # the page's distinct terms
    found: np.ndarray  # one row per (entry, term): entry's place, term's index, count, in the title (0/1)


def page_terms(entries: list[list[str]], terms: list[tuple[list[str], list[str]]]) -> PageTerms:
    """From each entry ([anchor, title, text]) and the terms of its text and of its title, in
    order: per entry, each of its terms with how often it is there (text and title) and whether
    in the title, entries and terms in the order they first appear. Counted in numpy: a page of
    a long report has tens of thousands of terms."""
    index: dict[str, int] = {}
    occurrences = [term for in_text, in_title in terms for part in (in_text, in_title) for term in part]
    # A term's number: the count when first seen, then renumbered 0, 1, ... in that order.
    seen = np.fromiter(map(index.setdefault, occurrences, itertools.count()), dtype=np.int64, count=len(occurrences))
    numbers = np.unique(seen, return_inverse=True)[1].reshape(-1)
    sizes = np.array([(len(in_text), len(in_title)) for in_text, in_title in terms], dtype=np.int64).reshape(-1, 2)
    places = np.repeat(np.arange(len(terms)), sizes.sum(axis=1))
    from_title = np.repeat(np.tile([0, 1], len(terms)), sizes.reshape(-1))
    _, first, pair, counts = np.unique(places * max(len(index), 1) + numbers, return_index=True,
                                       return_inverse=True, return_counts=True)
    titled = np.bincount(pair.reshape(-1), weights=from_title, minlength=len(first)) > 0
    order = np.argsort(first, kind="stable")
    rows = np.stack([places[first], numbers[first], counts, titled]).T[order]
    return PageTerms(entries, list(index), rows.astype(np.int32).reshape(-1, 4))


class ShardedIndex:
    """The index being built, page by page; `write` puts it into search/ of the site.

    Postings are kept as one array per page of (entry number, term number, count, title
    weight), not as objects: at 1,000 reports there are millions of them."""

    def __init__(self):
        self.pages: list[list] = []  # [first entry number, URL, title]
        self.entries: list[list[str]] = []  # [anchor, title, text]
        self.terms: dict[str, int] = {}  # term -> its number
        self._found: list[np.ndarray] = []

    def add_page(self, url: str, title: str, page: PageTerms) -> None:
        first = len(self.entries)
        self.pages.append([first, url, title])
        self.entries += page.entries
        numbers = np.array([self.terms.setdefault(term, len(self.terms)) for term in page.terms], dtype=np.int32)
        found = page.found.copy()
        found[:, 1] = numbers[found[:, 1]]
        # The page's own title (place 0) weighs twice a heading's.
        found[:, 3] *= np.where(found[:, 0] == 0, 2, 1).astype(np.int32)
        found[:, 0] += first
        self._found.append(found)

    def _postings(self) -> dict[str, str]:
        """Every term's postings text: entries ascending, each with its BM25 weight's letter.
        Weighed a batch of terms at a time, so that the arithmetic's arrays stay small."""
        found = np.concatenate([np.zeros((0, 4), dtype=np.int32), *self._found])
        self._found = []  # the pages' own arrays are freed
        total = len(self.entries)
        lengths = np.bincount(found[:, 0], weights=found[:, 2], minlength=total)
        average = lengths.sum() / total if total else 1.0
        found = found[np.argsort(found[:, 1], kind="stable")]  # by term, entries still ascending
        self._found = [found]
        starts = np.flatnonzero(np.diff(found[:, 1], prepend=-1))
        sizes = np.diff(starts, append=len(found))  # how many entries hold the term
        frequencies, which = np.unique(sizes, return_inverse=True)
        idf = np.array([math.log(1 + (total - f + 0.5) / (f + 0.5)) for f in frequencies.tolist()])[which]
        names = list(self.terms)
        out: dict[str, str] = {}
        batches = np.unique(np.searchsorted(starts, np.arange(0, len(found), POSTINGS_BATCH), side="right") - 1)
        for first, last in zip(batches.tolist(), [*batches[1:].tolist(), len(starts)]):
            low = starts[first]
            numbers, terms, counts, titled = found[low:low + sizes[first:last].sum()].T
            counts = counts.astype(np.float64)
            weights = (np.repeat(idf[first:last], sizes[first:last]) * counts * (BM25_K1 + 1)
                       / (counts + BM25_K1 * (1 - BM25_B + BM25_B * lengths[numbers] / average))
                       * np.where(titled > 0, TITLE_BOOST * titled, 1))
            levels = relevance_levels(weights)
            deltas = np.diff(numbers, prepend=0)
            for a, n in zip((starts[first:last] - low).tolist(), sizes[first:last].tolist()):
                deltas[a] = numbers[a]
                out[names[terms[a]]] = postings_text(deltas[a:a + n], levels[a:a + n])
        return out

    def entry_numbers(self) -> dict[str, list[int]]:
        """Per term, the entries it is in (for tests)."""
        return {term: [n for n, _ in read_postings(text)] for term, text in self._postings().items()}

    def write(self, directory: Path) -> dict:
        """Write the shards, replacing any there (a shard that holds the same bytes is left
        as it is: unmd.sitefiles); what the worker needs to know of them."""
        written: set[Path] = set()

        def write(name: str, data) -> None:
            path = directory / f"{name}.js"
            sitefiles.write(path, _script(name, data).encode("utf-8"))
            written.add(path)

        write("pages", self.pages)
        for chunk in range(0, len(self.entries), ENTRIES_PER_CHUNK):
            write(f"e/{chunk // ENTRIES_PER_CHUNK}", self.entries[chunk:chunk + ENTRIES_PER_CHUNK])
        encoded = self._postings()
        sizes = {term: len(term.encode("utf-8")) + len(text) + 6 for term, text in encoded.items()}
        split, shards = split_keys(sizes)
        buckets = max(1, math.ceil(sum(sizes.values()) / BUCKET_BYTES))
        files: dict[str, list[str]] = {}
        for key, terms in shards.items():
            files.setdefault(_file_name(key, buckets), []).extend(terms)
        for name, terms in files.items():
            write(name, {t: encoded[t] for t in sorted(terms)})
        for name in ("e", "w"):  # what an earlier index left there
            for path in (directory / name).glob("*.js"):
                if path not in written:
                    path.unlink()
        return {"entries": len(self.entries), "entries_per_chunk": ENTRIES_PER_CHUNK, "pages": len(self.pages),
                "shards": len(shards), "buckets": buckets, "split": sorted(split),
                "relevance_step": RELEVANCE_STEP}


def read_shard(path: Path):
    """The data a shard file hands to the worker."""
    text = path.read_text(encoding="utf-8")
    return json.loads(text[text.index(",") + 1:text.rindex(")")])


def read_entries(directory: Path) -> list[dict]:
    """Every entry of the index as Material's index lists them (location, title, text)."""
    pages = read_shard(directory / "pages.js")
    entries: list[list[str]] = []
    for number in range(len(list((directory / "e").glob("*.js")))):
        entries += read_shard(directory / "e" / f"{number}.js")
    starts = [first for first, _, _ in pages] + [len(entries)]
    return [{"location": url + (f"#{anchor}" if anchor else ""), "title": title, "text": text}
            for (first, url, _), end in zip(pages, starts[1:])
            for anchor, title, text in entries[first:end]]
