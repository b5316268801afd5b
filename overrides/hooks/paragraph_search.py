"""MkDocs hook of the variant builds: index every numbered paragraph and footnote on its own.

Material's search plugin cuts a page into sections at headings only, so a hit in paragraph 40
would lead to the top of its chapter. Citers need the paragraph: this hook gives Material's
search plugin an index that makes one entry per heading, per element whose id is `para-N`
(title 第 N 段) and per footnote `fn:…` (title 注 …), each located at its own id. Blocks marked
`data-search-exclude` (Material's convention; the glossary's where-used lists) stay out.

The index is written in shards that the browser loads as a query needs them (unmd.search_shards),
read by a search worker of our own (assets/javascripts/search/worker.js) that the pages name in
place of Material's (overrides/main.html). jieba cuts the pages into terms here; the worker cuts
queries with the words jieba found, which this hook collects and appends to its segmenter
(assets/javascripts/search/segmenter.js).

Segmenting is done once per page content and fast: a page's entries and words are cached on
disk by the hash of its HTML, the user words and the code that makes them (unmd.cache), and the segmenter
(jieba's, with the user words `jieba_dict_user` names in the variant's config) loads only when
a page is not in the cache.
"""

from __future__ import annotations

import json
import re
import sys
from collections import Counter
from dataclasses import dataclass, field
from html import escape
from itertools import chain
from importlib.metadata import version
from pathlib import Path
from typing import Callable

import material
from backrefs import bre
from lxml import etree
from material.plugins.search.plugin import SearchIndex, SearchPlugin
from mkdocs.config.defaults import MkDocsConfig
from mkdocs.exceptions import PluginError
from mkdocs.plugins import event_priority
from mkdocs.structure.pages import Page

sys.path.insert(0, str(Path(__file__).resolve().parents[2] / "scripts"))
from unmd import search_shards, search_terms  # noqa: E402
from unmd.cache import DiskCache, code_fingerprint, fingerprint  # noqa: E402
from unmd.search_shards import ShardedIndex, page_terms  # noqa: E402
from unmd.writer.hant import OPENCC_BACK, to_simplified  # noqa: E402
from unmd import sitefiles  # noqa: E402
from unmd.sitesize import SEGMENTER_JS  # noqa: E402  (where Material's worker loads it)

MATERIAL_WORKER = "assets/javascripts/workers/search."
SEARCH_WORKER = "assets/javascripts/search/worker.js"
PARAGRAPH_ID = re.compile(r"^para-(\d+)$")
FOOTNOTE_ID = re.compile(r"^fn:(.+)$")
HEADINGS = {f"h{level}" for level in range(1, 7)}
# Links whose text is a mark, not content: heading permalinks and footnote marks/back links.
MARK_CLASSES = {"headerlink", "footnote-ref", "footnote-backref"}
VOID_TAGS = {"area", "base", "br", "col", "embed", "hr", "img", "input", "link", "meta",
             "param", "source", "track", "wbr"}
TRADITIONAL = {"zh-Hant", "zh-TW"}  # Material's theme languages written in Traditional characters
HAN_RUN = bre.compile_search(r"\p{script: Han}+")  # what the browser's segmenter cuts (lunr.zh.min.js)


@dataclass
class SearchEntry:
    anchor: str | None  # None for the page itself
    title: list[str] = field(default_factory=list)
    text: list[str] = field(default_factory=list)
    title_is_content: bool = True  # not for 第 N 段 / 注 N, which the index makes up


def _title_for(element_id: str) -> str | None:
    if m := PARAGRAPH_ID.match(element_id):
        return f"第 {m[1]} 段"
    if m := FOOTNOTE_ID.match(element_id):
        return f"注 {m[1]}"
    return None


class ParagraphSplitter:
    """Cuts rendered page HTML into search entries at headings, paragraphs and footnotes: the
    target of lxml's HTML parser (libxml2 parses; html.parser took most of indexing a page)."""

    def __init__(self, page_title: str):
        self.entries = [SearchEntry(anchor=None, title=[page_title])]
        self.open: list[tuple[str, int]] = []  # (tag, 1 if it opens a heading, 2 a skipped mark)
        self.in_heading = 0
        self.skipping = 0

    def start(self, tag: str, attributes: dict[str, str]) -> None:
        if tag in VOID_TAGS:
            return
        classes = set((attributes.get("class") or "").split())
        element_id = attributes.get("id") or ""
        marks = 0
        if tag in HEADINGS and element_id and tag != "h1":
            self.entries.append(SearchEntry(anchor=element_id))
            self.in_heading += 1
            marks = 1
        elif tag in HEADINGS:
            self.in_heading += 1
            marks = 1
        elif (title := _title_for(element_id)) and tag not in {"sup", "a", "span"}:
            self.entries.append(SearchEntry(anchor=element_id, title=[title], title_is_content=False))
        if classes & MARK_CLASSES or tag in {"script", "style"} or "data-search-exclude" in attributes:
            self.skipping += 1
            marks = 2
        self.open.append((tag, marks))

    def end(self, tag: str) -> None:
        if tag in VOID_TAGS or not any(t == tag for t, _ in self.open):
            return
        while self.open:
            open_tag, marks = self.open.pop()
            if marks == 1:
                self.in_heading -= 1
            elif marks == 2:
                self.skipping -= 1
            if open_tag == tag:
                break
        if tag in {"p", "li", "div", "blockquote", "td", "th", "dd", "dt"}:
            self.entries[-1].text.append(" ")

    def data(self, data: str) -> None:
        if self.skipping:
            return
        entry = self.entries[-1]
        if not self.in_heading:
            entry.text.append(data)
        elif entry.anchor is not None:
            entry.title.append(data)
        # else: the page's h1, which repeats the page title

    def close(self) -> list[SearchEntry]:
        return self.entries


def _clean(parts: list[str]) -> str:
    return re.sub(r"\s+", " ", "".join(parts)).strip()


class Segmenter:
    """jieba's segmentation, with jieba's own dictionary and the build's user words, loaded on
    first use (a build whose pages are all in the cache never loads it).

    jieba's dictionary is Simplified: with `simplify` (zh-Hant pages), a run is cut in its
    zh-Hans form and the pieces are laid back over the run, which the conversion keeps the
    same length. So both variants cut the same sentence alike, and no Traditional dictionary
    (jieba's converted: 350,000 words and half a second to load) is needed.

    It runs on rjieba (jieba-rs), which cuts exactly as jieba does with the same dictionaries
    (tests/test_build_cache.py compares them on the reports) at a small part of its time.
    """

    def __init__(self, user_dict: str | None, simplify: Callable[[str], str] | None = None):
        self.user_dict, self.simplify = user_dict, simplify
        self._jieba = None
        self._cuts: dict[str, list[str]] = {}  # a run said again (a title, a formula) is cut once

    def fingerprint(self) -> str:
        """What the segmentation depends on: the segmenter, the user words, the conversion."""
        user_words = [Path(self.user_dict)] if self.user_dict else []
        converter = f"opencc=={version('opencc')} {OPENCC_BACK}" if self.simplify else ""
        return fingerprint(version("rjieba"), code_fingerprint(user_words), converter)

    def _load(self):
        import rjieba

        segmenter = rjieba.Jieba()  # jieba's own dictionary, built in
        if self.user_dict:
            for word in Path(self.user_dict).read_text(encoding="utf-8").split():  # one word a line
                segmenter.add_word(word, None, None)  # a frequency that keeps it whole, as jieba.add_word
        return segmenter

    def _cut_new(self, runs: list[str]) -> None:
        if not runs:
            return
        if self._jieba is None:
            self._jieba = self._load()
        # One conversion for all runs (no conversion rule spans a line break).
        simplified = self.simplify("\n".join(runs)).split("\n") if self.simplify else runs
        for run, form in zip(runs, simplified, strict=True):
            if len(form) != len(run):  # never seen: then the run is cut as it is
                form = run
            pieces, start = [], 0
            for word in self._jieba.cut(form):
                pieces.append(run[start:start + len(word)])
                start += len(word)
            self._cuts[run] = pieces

    def cut(self, run: str) -> list[str]:
        if run not in self._cuts:
            self._cut_new([run])
        return self._cuts[run]

    def words(self, text: str) -> Counter[str]:
        """The words of two or more characters jieba cuts the Han runs of the text into, with
        their counts: what the browser needs to cut the text the same way (a single character
        is a word there by default; on a tie it prefers the more frequent words)."""
        runs = HAN_RUN.findall(text)
        self._cut_new([run for run in dict.fromkeys(runs) if run not in self._cuts])
        words = Counter(chain.from_iterable(map(self._cuts.__getitem__, runs)))
        return Counter({word: count for word, count in words.items() if len(word) > 1})


class ParagraphSearchIndex(SearchIndex):
    """Material's search index with paragraph entries, cached segmentation, written as shards
    (unmd.search_shards); Material's search_index.json keeps only the configuration."""

    def __init__(self, segmenter: Segmenter, site_dir: str, **config):
        super().__init__(**config)
        self.segmenter = segmenter
        self.site_dir = Path(site_dir)
        self.separator = re.compile(config["separator"])
        self.words: Counter[str] = Counter()
        self.shards = ShardedIndex()
        self.cache = DiskCache("search-entries")
        self.version = fingerprint(code_fingerprint([Path(__file__), Path(search_terms.__file__), Path(search_shards.__file__)]),
                                   segmenter.fingerprint(), config["separator"])
        self.page_keys: list[str] = []

    def _terms_of(self, text: str) -> list[str]:
        return search_terms.terms_of(text, self.separator, self.segmenter.cut)

    def page_entries(self, page: Page) -> dict:
        """The page's entries with the counts of their terms, and the words of the page."""
        parser = etree.HTMLParser(target=ParagraphSplitter(str(page.meta.get("title") or page.title or "")))
        parser.feed(page.content or "")
        entries, indexed_titles, texts = [], [], []
        for entry in parser.close():
            title, text = _clean(entry.title), _clean(entry.text)
            if entry.anchor is not None and not text and not title:
                continue
            entries.append([entry.anchor or "", title, text])
            indexed_titles.append(title if entry.title_is_content else "")
            texts += [title, text]
        words = self.segmenter.words("\n".join(texts))  # one pass: no run crosses a line break
        terms = [(self._terms_of(text), self._terms_of(title)) for (_, _, text), title in zip(entries, indexed_titles)]
        return {"page": page_terms(entries, terms), "words": dict(sorted(words.items()))}

    def add_entry_from_context(self, page: Page) -> None:
        if (page.meta.get("search") or {}).get("exclude"):
            return
        title = str(page.meta.get("title") or page.title or "")
        key = fingerprint(self.version, page.url, title, page.content or "")
        cached = self.cache.get_or_compute(key, lambda: self.page_entries(page))
        self.page_keys.append(key)
        self.shards.add_page(page.url, title, cached["page"])
        self.words.update(cached["words"])

    def segmenter_js(self, source: str) -> str:
        """The browser's segmenter (source) with the words of the indexed pages, the most
        frequent first (their order is all the browser knows of their frequencies)."""
        ranked = sorted(self.words, key=lambda word: (-self.words[word], word))
        words = json.dumps(" ".join(ranked), ensure_ascii=False)
        return f"{source}ChineseSegmenter.words = {words};\n"

    def generate_search_index(self, prev) -> str:
        """Writes the shards; Material's index file keeps the configuration, with what the
        worker needs to know of the shards, and no entries (`serve --dirty` rebuilds them all)."""
        config = {key: self.config[key] for key in ["lang", "separator", "pipeline", "fields"]}
        config["shards"] = {**self.shards.write(self.site_dir / "search"),
                            "version": fingerprint(*self.page_keys)[:12]}
        return json.dumps({"config": config, "docs": []}, ensure_ascii=False, separators=(",", ":"))


def _search_plugin(config: MkDocsConfig) -> SearchPlugin | None:
    search = config.plugins.get("material/search")
    return search if search is not None and search.config.enabled else None


_segmenter: dict = {}


# Before Material's search plugin (priority 0) loads jieba's dictionaries: take them over.
@event_priority(50)
def on_config(config: MkDocsConfig) -> None:
    search = _search_plugin(config)
    if search is None:
        return
    if search.config.jieba_dict:
        raise PluginError("search: jieba_dict is not supported: pages are cut with jieba's own "
                          "dictionary (zh-Hant pages through their zh-Hans form); give words in jieba_dict_user")
    _segmenter.update(user_dict=search.config.jieba_dict_user,
                      simplify=to_simplified if config.theme["language"] in TRADITIONAL else None)
    search.config.jieba_dict_user = None
    # The page's configuration names our worker instead of Material's (overrides/main.html).
    material_worker = next((Path(material.__file__).parent / "templates").glob(f"{MATERIAL_WORKER}*.min.js"))
    config.extra["search_worker"] = {"material": material_worker.relative_to(material_worker.parents[3]).as_posix(),
                                     "ours": SEARCH_WORKER}


def on_pre_build(config: MkDocsConfig) -> None:
    """After every on_config, when Material's plugin has made its index: use ours in its place."""
    search = _search_plugin(config)
    if search is not None:
        search.search_index = ParagraphSearchIndex(Segmenter(**_segmenter), config.site_dir,
                                                   **search.search_index.config)


def on_post_build(config: MkDocsConfig) -> None:
    """Write the browser's segmenter with the words of this build's pages over the theme's copy."""
    search = _search_plugin(config)
    if search is not None and isinstance(search.search_index, ParagraphSearchIndex):
        source = (Path(config.theme.custom_dir) / SEGMENTER_JS).read_text(encoding="utf-8")
        target = Path(config.site_dir) / SEGMENTER_JS
        sitefiles.write(target, search.search_index.segmenter_js(source).encode("utf-8"))
