"""MkDocs hook of the variant builds: Python-Markdown's table processor fully tests only a block
whose second line could be a table's separator row.

The tables extension tests every block of two lines or more by cutting its first line into
cells, character by character, and every paragraph of a report is such a block (its text, then
its attribute list `{: #para-12 .para }`): testing was a tenth of rendering a page. A separator
row (`| --- | :-: |`) holds nothing but pipes, colons, hyphens and spaces, and at least one
pipe; a block whose second line does not is not a table, as the full test would find
(tests/test_plain_links.py renders every page with and without this).
"""

from __future__ import annotations

import re
import xml.etree.ElementTree as etree

from markdown import Extension, Markdown
from markdown.extensions.tables import TableProcessor
from mkdocs.config.defaults import MkDocsConfig

MAYBE_SEPARATOR_ROW = re.compile(r"[:\- ]*\|[|:\- ]*")


class TableBlockProcessor(TableProcessor):
    def test(self, parent: etree.Element, block: str) -> bool:
        lines = block.split("\n", 2)
        return (len(lines) > 1 and MAYBE_SEPARATOR_ROW.fullmatch(lines[1].strip(" ")) is not None
                and super().test(parent, block))


class TableBlocks(Extension):
    def extendMarkdown(self, md: Markdown) -> None:
        tables = md.parser.blockprocessors["table"]  # the tables extension's, which this replaces
        md.parser.blockprocessors.register(TableBlockProcessor(md.parser, tables.config), "table", 75)


def on_config(config: MkDocsConfig) -> MkDocsConfig:
    config.markdown_extensions.append(TableBlocks())
    return config
