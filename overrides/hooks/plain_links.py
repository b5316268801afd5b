"""MkDocs hook of the variant builds: a fast path for the writer's plain links.

The reports link thousands of glossary terms and document symbols, written as
`[安全理事会](glossary.md#security-council "definition"){.glossary-link}`, and the glossary's
where-used lists link tens of thousands of paragraphs, as `[12](A-70-95.md#para-12)`.
Python-Markdown parses each with its general link pattern (bracket matching in Python) and
then attr_list moves the class over; with the glossary linked in every paragraph that was half
of rendering a page. This extension matches the plain form in one regular expression and
builds the same element (href, title, class, in that order, so the HTML is byte for byte what
Python-Markdown writes; tests/test_plain_links.py compares them on every page). Its text holds
none of the characters an inline pattern starts with, so it is not searched for them again. Anything with markup, escapes or entities in
it does not match and takes Python-Markdown's own path. MkDocs still resolves and checks the
href afterwards, as for any link.

The writer writes no other kind of link (reference links, images, autolinks: its text escapes
the brackets and angle brackets they need), so their patterns, which Python-Markdown would try
on every run of text, are not registered: a tenth of rendering a page.
"""

from __future__ import annotations

import xml.etree.ElementTree as etree

from markdown import Extension, Markdown
from markdown.inlinepatterns import InlineProcessor
from markdown.util import AtomicString
from mkdocs.config.defaults import MkDocsConfig

# Text, target and title without anything Python-Markdown would treat specially inside them.
PLAIN_LINK = (
    r"\[([^\[\]\\\n<>&*_`!]+)\]"            # link text
    r'\(([^()\s\\<>"&]+)(?: "([^"\\\n<>&]*)")?\)'  # target and optional title
    r"(?:\{\.([A-Za-z][\w-]*)\})?"           # one class, as attr_list would set it, or none
)


class PlainLink(InlineProcessor):
    def handleMatch(self, m, data):
        element = etree.Element("a")
        element.text = AtomicString(m[1])  # nothing in it for the inline patterns to find
        element.set("href", m[2])
        if m[3] is not None:
            element.set("title", m[3])
        if m[4] is not None:
            element.set("class", m[4])
        return element, m.start(0), m.end(0)


UNWRITTEN = ("reference", "image_link", "image_reference", "short_reference", "short_image_ref",
             "autolink", "automail")


class PlainLinks(Extension):
    def extendMarkdown(self, md: Markdown) -> None:
        # Before Python-Markdown's own link pattern (priority 160).
        md.inlinePatterns.register(PlainLink(PLAIN_LINK, md), "plain_link", 165)
        for name in UNWRITTEN:
            md.inlinePatterns.deregister(name)


def on_config(config: MkDocsConfig) -> MkDocsConfig:
    config.markdown_extensions.append(PlainLinks())
    return config
