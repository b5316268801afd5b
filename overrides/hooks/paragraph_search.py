"""MkDocs hook of the variant builds: index every numbered paragraph and footnote on its own.

Material's search plugin cuts a page into sections at headings only, so a hit in paragraph 40
would lead to the top of its chapter. Citers need the paragraph: this hook replaces the page's
entries in Material's index with one entry per heading, per element whose id is `para-N`
(title 第 N 段) and per footnote `fn:…` (title 注 …), each located at its own id. The text is
segmented with Material's own jieba segmentation, so the index stays in the build's script.
"""

from __future__ import annotations

import re
from dataclasses import dataclass, field
from html import escape
from html.parser import HTMLParser

from mkdocs.config.defaults import MkDocsConfig
from mkdocs.plugins import event_priority
from mkdocs.structure.pages import Page

PARAGRAPH_ID = re.compile(r"^para-(\d+)$")
FOOTNOTE_ID = re.compile(r"^fn:(.+)$")
HEADINGS = {f"h{level}" for level in range(1, 7)}
# Links whose text is a mark, not content: heading permalinks and footnote marks/back links.
MARK_CLASSES = {"headerlink", "footnote-ref", "footnote-backref"}
VOID_TAGS = {"area", "base", "br", "col", "embed", "hr", "img", "input", "link", "meta",
             "param", "source", "track", "wbr"}


@dataclass
class SearchEntry:
    anchor: str | None  # None for the page itself
    title: list[str] = field(default_factory=list)
    text: list[str] = field(default_factory=list)


def _title_for(element_id: str) -> str | None:
    if m := PARAGRAPH_ID.match(element_id):
        return f"第 {m[1]} 段"
    if m := FOOTNOTE_ID.match(element_id):
        return f"注 {m[1]}"
    return None


class ParagraphSplitter(HTMLParser):
    """Cuts rendered page HTML into search entries at headings, paragraphs and footnotes."""

    def __init__(self, page_title: str):
        super().__init__(convert_charrefs=True)
        self.entries = [SearchEntry(anchor=None, title=[page_title])]
        self.open: list[tuple[str, bool]] = []  # (tag, starts a title or skip region)
        self.in_heading = 0
        self.skipping = 0

    def handle_starttag(self, tag: str, attrs: list[tuple[str, str | None]]) -> None:
        if tag in VOID_TAGS:
            return
        attributes = dict(attrs)
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
            self.entries.append(SearchEntry(anchor=element_id, title=[title]))
        if classes & MARK_CLASSES or tag in {"script", "style"}:
            self.skipping += 1
            marks = 2
        self.open.append((tag, marks))

    def handle_endtag(self, tag: str) -> None:
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

    def handle_data(self, data: str) -> None:
        if self.skipping:
            return
        entry = self.entries[-1]
        if not self.in_heading:
            entry.text.append(data)
        elif entry.anchor is not None:
            entry.title.append(data)
        # else: the page's h1, which repeats the page title


def _clean(parts: list[str]) -> str:
    return re.sub(r"\s+", " ", "".join(parts)).strip()


# After Material's search plugin (priority 0) has added the page's section entries.
@event_priority(-50)
def on_page_context(context, page: Page, config: MkDocsConfig, nav):
    search = config.plugins.get("material/search")
    if search is None or not search.config.enabled or (page.meta.get("search") or {}).get("exclude"):
        return context
    index = search.search_index
    index.entries = [
        e for e in index.entries
        if e["location"] != page.url and not e["location"].startswith(page.url + "#")
    ]
    splitter = ParagraphSplitter(str(page.meta.get("title") or page.title or ""))
    splitter.feed(page.content or "")
    splitter.close()
    for entry in splitter.entries:
        title, text = _clean(entry.title), _clean(entry.text)
        if entry.anchor is not None and not text and not title:
            continue
        index.entries.append({
            "location": page.url + (f"#{entry.anchor}" if entry.anchor else ""),
            "title": index._segment_chinese(escape(title, quote=False)),
            "text": index._segment_chinese(escape(text, quote=False)),
        })
    return context
