"""MkDocs hook of the variant builds: every note keeps the mark the report gives it.

UN reports mark notes on the title or the agenda with `*` and `**` rather than a number; the
writer labels them `[^star1]`, `[^star2]` (as many stars as the number says) and lists them
first, as they belong to the title page. Python-Markdown's footnotes extension numbers the
marks by their place in that list (the stars 1 and 2, note 1 as 3). This extension runs after
it and writes the report's marks back: the stars in the reference mark and as the list marker
(through `data-mark`, which reports.css shows as the marker), and each numbered note's own
number in its mark and as its list item's value.
"""

from __future__ import annotations

import re
import xml.etree.ElementTree as etree

from markdown import Extension, Markdown
from markdown.treeprocessors import Treeprocessor
from mkdocs.config.defaults import MkDocsConfig

STAR_LABEL = re.compile(r"^star(\d+)$")


def star_mark(label: str) -> str | None:
    """`star2` -> "**"; None for a numbered note."""
    m = STAR_LABEL.match(label)
    return "*" * int(m[1]) if m else None


class StarMarks(Treeprocessor):
    def run(self, root: etree.Element) -> None:
        for link in root.iter("a"):
            if "footnote-ref" in link.get("class", "").split():
                label = link.get("href", "").partition("#fn:")[2]
                link.text = star_mark(label) or label
        for item in root.iter("li"):
            label = item.get("id", "").partition("fn:")[2]
            mark = star_mark(label)
            if mark:
                item.set("data-mark", mark)
            elif label.isdigit():
                item.set("value", label)


class StarMarksExtension(Extension):
    def extendMarkdown(self, md: Markdown) -> None:
        # The footnotes extension numbers the marks inline (tree priority 20), then reorders
        # and duplicates them (19, 15); run after all of that.
        md.treeprocessors.register(StarMarks(md), "star_marks", 5)


def on_config(config: MkDocsConfig) -> MkDocsConfig:
    config.markdown_extensions.append(StarMarksExtension())
    return config
