"""What one built variant of the site weighs for search: its index against the text its pages show.

Shared by scripts/bench (which prints the figures) and tests/test_site_build.py (which holds the
index to at most 1.1 times that text). The text of a page is what a reader sees in its article:
no navigation, no scripts, runs of white space counted as one space.
"""

from __future__ import annotations

import json
import re
from html.parser import HTMLParser
from pathlib import Path

# Where Material's search plugin and the search hook (overrides/hooks/paragraph_search.py) write.
SEARCH_INDEX = Path("search/search_index.json")
SEGMENTER_JS = Path("assets/javascripts/search/segmenter.js")


class TextOfArticle(HTMLParser):
    """The text a rendered Material page shows in its article."""

    def __init__(self):
        super().__init__(convert_charrefs=True)
        self.depth, self.skip, self.parts = 0, 0, []

    def handle_starttag(self, tag, attrs):
        if tag == "article":
            self.depth += 1
        elif tag in {"script", "style"}:
            self.skip += 1

    def handle_endtag(self, tag):
        if tag == "article":
            self.depth -= 1
        elif tag in {"script", "style"}:
            self.skip -= 1

    def handle_data(self, data):
        if self.depth and not self.skip:
            self.parts.append(data)


def page_text(html: str) -> str:
    parser = TextOfArticle()
    parser.feed(html)
    return re.sub(r"\s+", " ", "".join(parser.parts)).strip()


def page_text_bytes(site: Path) -> int:
    """The UTF-8 size of the text of every page of one variant (the naive site nests its pages)."""
    return sum(len(page_text(page.read_text(encoding="utf-8")).encode("utf-8")) for page in site.rglob("*.html"))


def segmenter_words(site: Path) -> list[str]:
    """The words the search hook appended to the browser's segmenter (`ChineseSegmenter.words = "…";`),
    none on a site whose index carries its word breaks itself (Material's own jieba way)."""
    segmenter = site / SEGMENTER_JS
    text = segmenter.read_text(encoding="utf-8") if segmenter.is_file() else ""
    m = re.search(r"^ChineseSegmenter\.words = (\".*\");$", text, re.MULTILINE)
    return json.loads(m[1]).split() if m else []


def index_sizes(docs: Path, site: Path) -> dict:
    """The search index against the pages' Markdown and against the text the pages show, and
    the size of the words the browser cuts Chinese with. The index is all its files (Material's
    search_index.json, or the shards of unmd.search_shards and their configuration), less the
    copy of search_index.json inlined for file://; its entries are the texts results show."""
    files = [p for p in (site / SEARCH_INDEX.parent).rglob("*") if p.is_file() and p.name != "search_index.js"]
    index = sum(p.stat().st_size for p in files)
    entries = sum(p.stat().st_size for p in (site / SEARCH_INDEX.parent / "e").glob("*.js")) or index
    markdown = sum(p.stat().st_size for p in docs.glob("*.md"))
    text = page_text_bytes(site)
    words = len(" ".join(segmenter_words(site)).encode("utf-8"))
    return {"index_bytes": index, "entries_bytes": entries, "largest_file_bytes": max(p.stat().st_size for p in files),
            "files": len(files), "markdown_bytes": markdown, "page_text_bytes": text, "words_bytes": words,
            "index_over_markdown": index / markdown, "index_over_page_text": index / text,
            "entries_over_page_text": entries / text}
