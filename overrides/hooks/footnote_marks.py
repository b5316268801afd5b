"""MkDocs hook of the variant builds: asterisk notes keep their asterisks.

UN reports mark notes on the title or the agenda with `*` and `**` rather than a number. The
writer labels them `[^star1]`, `[^star2]` (as many stars as the number says); Python-Markdown's
footnotes extension would show them as the next numbers in the list (19, 20). This extension
runs after it and writes the stars back: in the reference mark, and as the list marker of the
note (through `data-mark`, which reports.css shows as the marker).
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
                mark = star_mark(link.get("href", "").partition("#fn:")[2])
                if mark:
                    link.text = mark
        for item in root.iter("li"):
            mark = star_mark(item.get("id", "").partition("fn:")[2])
            if mark:
                item.set("data-mark", mark)


class StarMarksExtension(Extension):
    def extendMarkdown(self, md: Markdown) -> None:
        # The footnotes extension numbers the marks inline (tree priority 20), then reorders
        # and duplicates them (19, 15); run after all of that.
        md.treeprocessors.register(StarMarks(md), "star_marks", 5)


def on_config(config: MkDocsConfig) -> MkDocsConfig:
    config.markdown_extensions.append(StarMarksExtension())
    return config
