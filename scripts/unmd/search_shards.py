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

import json
import math
import re
import shutil
from array import array
from pathlib import Path
from typing import Iterable

from .search_terms import HAN

ENTRIES_PER_CHUNK = 8  # about 4 KB of Chinese text: a result shows at most one chunk per entry
SHARD_BYTES = 32 * 1024  # a larger shard is split by one more character (where its terms are longer)
BUCKET_BYTES = 48 * 1024  # the shards of a file together, on average
TITLE_BOOST = 5  # Material's lunr weighs the title field 1,000 times: a report titled 联合国调解… first
BM25_K1, BM25_B = 1.2, 0.75
RELEVANCE_LEVELS = 26  # A..Z
RELEVANCE_STEP = 2.5
BASE36 = "0123456789abcdefghijklmnopqrstuvwxyz"


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


def relevance_letter(weight: float) -> str:
    return chr(65 + min(RELEVANCE_LEVELS - 1, max(1, round(math.sqrt(weight) * RELEVANCE_STEP))))


def postings(entries: Iterable[tuple[int, float]]) -> str:
    """(entry number, weight) pairs, ascending, as delta-and-letter text."""
    out, previous = [], 0
    for number, weight in entries:
        out.append(_base36(number - previous) + relevance_letter(weight))
        previous = number
    return "".join(out)


def read_postings(text: str) -> list[tuple[int, int]]:
    """(entry number, relevance level) pairs: what the worker decodes (for tests and the bench)."""
    pairs, number = [], 0
    for delta, letter in re.findall(r"([0-9a-z]+)([A-Z])", text):
        number += int(delta, 36)
        pairs.append((number, ord(letter) - 65))
    return pairs


def _script(name: str, data) -> str:
    return f"searchShard({json.dumps(name)},{json.dumps(data, ensure_ascii=False, separators=(',', ':'))});\n"


class ShardedIndex:
    """The index being built, page by page; `write` puts it into search/ of the site.

    Postings are kept as arrays of entry numbers and counts per term, not as objects: at 1,000
    reports there are millions of them."""

    def __init__(self):
        self.pages: list[list] = []  # [first entry number, URL, title]
        self.entries: list[list[str]] = []  # [anchor, title, text]
        self.lengths = array("I")
        self.found: dict[str, tuple[array, array, array]] = {}  # entry numbers, counts, in title

    def add_page(self, url: str, title: str, entries: list[dict]) -> None:
        """A page's entries, the page itself first (anchor ""), each with its terms: how often
        each is in the text and the title, [text, title]."""
        self.pages.append([len(self.entries), url, title])
        for place, entry in enumerate(entries):
            number = len(self.entries)
            title_weight = 2 if place == 0 else 1  # the page's own title
            for term, (in_text, in_title) in entry["terms"].items():
                if term not in self.found:
                    self.found[term] = (array("I"), array("I"), array("B"))
                numbers, counts, titled = self.found[term]
                numbers.append(number)
                counts.append(in_text + in_title)
                titled.append(title_weight if in_title else 0)
            self.lengths.append(sum(a + b for a, b in entry["terms"].values()))
            self.entries.append([entry["anchor"], entry["title"], entry["text"]])

    def write(self, directory: Path) -> dict:
        """Write the shards, replacing any there; what the worker needs to know of them."""
        for name in ("e", "w"):
            shutil.rmtree(directory / name, ignore_errors=True)
            (directory / name).mkdir(parents=True)
        (directory / "pages.js").write_text(_script("pages", self.pages), encoding="utf-8")
        for chunk in range(0, len(self.entries), ENTRIES_PER_CHUNK):
            name = f"e/{chunk // ENTRIES_PER_CHUNK}"
            (directory / f"{name}.js").write_text(
                _script(name, self.entries[chunk:chunk + ENTRIES_PER_CHUNK]), encoding="utf-8")
        total = len(self.entries)
        average = sum(self.lengths) / total if total else 1.0
        lengths = self.lengths
        encoded: dict[str, str] = {}
        for term, (numbers, counts, titled) in self.found.items():
            idf = math.log(1 + (total - len(numbers) + 0.5) / (len(numbers) + 0.5))
            weights = [idf * c * (BM25_K1 + 1) / (c + BM25_K1 * (1 - BM25_B + BM25_B * lengths[n] / average))
                       * (TITLE_BOOST * t if t else 1) for n, c, t in zip(numbers, counts, titled)]
            encoded[term] = postings(zip(numbers, weights))
        sizes = {term: len(term.encode("utf-8")) + len(text) + 6 for term, text in encoded.items()}
        split, shards = split_keys(sizes)
        buckets = max(1, math.ceil(sum(sizes.values()) / BUCKET_BYTES))
        files: dict[str, list[str]] = {}
        for key, terms in shards.items():
            files.setdefault(_file_name(key, buckets), []).extend(terms)
        for name, terms in files.items():
            (directory / f"{name}.js").write_text(_script(name, {t: encoded[t] for t in sorted(terms)}),
                                                  encoding="utf-8")
        return {"entries": total, "entries_per_chunk": ENTRIES_PER_CHUNK, "pages": len(self.pages),
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
