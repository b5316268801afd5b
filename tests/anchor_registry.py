"""The anchor registry: every id a report page publishes, committed under tests/anchors/.

A citation is a URL such as …/S-2011-552.html#para-12; once published, such an id must keep
working. tests/anchors/<slug>.txt lists, one per line, the ids of the report's content as
the built site has them (paragraphs, sub-items, headings, footnotes and their back-links);
both variants publish the same ids. tests/test_anchors.py compares the built site with it.

After a deliberate change of ids, rewrite the registry from a fresh build:

    scripts/update-anchors
"""

from __future__ import annotations

import sys
from html.parser import HTMLParser
from pathlib import Path

REGISTRY = Path(__file__).resolve().parent / "anchors"
VARIANTS = ("zh-Hans", "zh-Hant")


VOID_TAGS = {"area", "base", "br", "col", "embed", "hr", "img", "input", "link", "meta", "source", "wbr"}


class ContentIds(HTMLParser):
    """Ids inside the page's <article>, outside the report header that the template adds."""

    def __init__(self):
        super().__init__(convert_charrefs=True)
        self.ids: list[str] = []
        self.depth = 0  # elements open inside the article, the article included
        self.header_depth: int | None = None  # depth at which the report header opened

    def handle_starttag(self, tag, attrs):
        attributes = dict(attrs)
        if self.depth == 0:
            self.depth = 1 if tag == "article" else 0
            return
        if tag == "header" and "report-header" in (attributes.get("class") or "").split():
            self.header_depth = self.depth + 1
        if self.header_depth is None and attributes.get("id"):
            self.ids.append(attributes["id"])
        if tag not in VOID_TAGS:
            self.depth += 1

    def handle_endtag(self, tag):
        if self.depth == 0 or tag in VOID_TAGS:
            return
        if self.header_depth == self.depth:
            self.header_depth = None
        self.depth -= 1


def published_ids(html: str) -> list[str]:
    """The content ids of one built report page, in page order."""
    parser = ContentIds()
    parser.feed(html)
    parser.close()
    return parser.ids


def registered_ids(slug: str) -> list[str]:
    return (REGISTRY / f"{slug}.txt").read_text(encoding="utf-8").split()


def write_registry(site: Path, slugs: list[str]) -> None:
    """Rewrite tests/anchors/ from the zh-Hans pages of a built site."""
    REGISTRY.mkdir(exist_ok=True)
    for old in REGISTRY.glob("*.txt"):
        old.unlink()
    for slug in slugs:
        ids = published_ids((site / "zh-Hans" / f"{slug}.html").read_text(encoding="utf-8"))
        (REGISTRY / f"{slug}.txt").write_text("\n".join(ids) + "\n", encoding="utf-8")


if __name__ == "__main__":
    from unmd.catalog import load_catalog

    write_registry(Path(sys.argv[1]), [entry.slug for entry in load_catalog()])
