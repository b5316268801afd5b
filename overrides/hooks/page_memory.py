"""MkDocs hook of the variant builds: the pages' HTML is not all held in memory at once.

MkDocs renders every page first and writes them afterwards, so a build holds the Markdown and
the HTML of the whole corpus until its last page is written: at 1,000 reports that was most of
the variant build's peak memory. Here a page's HTML goes to a temporary file as soon as it is
rendered and comes back for the page's turn to be written; its Markdown is dropped once
rendered (nothing reads it after that; the render cache has keyed the page by it already).
The links to other pages' anchors are checked once every page is rendered, as MkDocs checks
them after the last page is written, and then forgotten.
"""

from __future__ import annotations

import tempfile

import jinja2

from mkdocs.config.defaults import MkDocsConfig
from mkdocs.plugins import event_priority
from mkdocs.structure.files import Files
from mkdocs.structure.pages import Page


class PageStore:
    """Texts kept in an unnamed temporary file, each read back once."""

    def __init__(self):
        self._file = tempfile.TemporaryFile()
        self._places: dict[str, tuple[int, int]] = {}

    def put(self, key: str, text: str) -> None:
        data = text.encode("utf-8")
        self._file.seek(0, 2)
        self._places[key] = (self._file.tell(), len(data))
        self._file.write(data)

    def take(self, key: str) -> str:
        offset, size = self._places.pop(key)
        self._file.seek(offset)
        return self._file.read(size).decode("utf-8")

    def close(self) -> None:
        self._file.close()


_store: dict[str, PageStore] = {}


def on_pre_build(config: MkDocsConfig) -> None:
    _store["html"] = PageStore()


# After every other hook and plugin has seen the page's HTML.
@event_priority(-100)
def on_page_content(html: str, page: Page, config: MkDocsConfig, files: Files) -> str:
    # Not None: to MkDocs that means "not read yet" (Page.title reads it).
    page.markdown = ""
    _store["html"].put(page.file.src_uri, html)
    return ""  # not None either: the title of a page without a heading would be sought in its Markdown


# Every page is rendered, so every anchor is known: MkDocs' own check after the build finds
# nothing left to check.
@event_priority(-100)
def on_env(env: jinja2.Environment, config: MkDocsConfig, files: Files) -> jinja2.Environment:
    level = config.validation.links.anchors
    for file in files.documentation_pages():
        file.page.validate_anchor_links(files=files, log_level=level)
        file.page.links_to_anchors = {}
    return env


# Before every other hook and plugin (search indexes the page here).
@event_priority(100)
def on_page_context(context: dict, page: Page, config: MkDocsConfig, nav) -> dict:
    page.content = _store["html"].take(page.file.src_uri)
    return context


# Once the page is written (the next pages' templates read only its title and address).
@event_priority(-100)
def on_post_page(output: str, page: Page, config: MkDocsConfig) -> str:
    page.content = ""
    return output


def on_post_build(config: MkDocsConfig) -> None:
    _store.pop("html").close()
