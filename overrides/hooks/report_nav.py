"""MkDocs hook of the variant builds: the navigation lists the reports by date.

Without a `nav`, MkDocs orders pages by file name (A/… before S/…, whatever the year). The
report pages are generated, so the order comes from their front matter: the landing page
first, then the reports oldest first, then the pages without a date (the glossary).
"""

from __future__ import annotations

from mkdocs.structure.files import Files
from mkdocs.structure.nav import Navigation
from mkdocs.structure.pages import Page
from mkdocs.utils.meta import get_data


def nav_key(item) -> tuple[int, str, str]:
    if not isinstance(item, Page):
        return (2, "", str(item.title))
    if item.is_index:
        return (0, "", "")
    _, meta = get_data(item.file.content_string)
    date = str(meta.get("date") or "")
    return (1 if date else 2, date, item.file.src_uri)


def on_nav(nav: Navigation, files: Files, **kwargs) -> Navigation:
    nav.items.sort(key=nav_key)
    nav.pages = pages = [item for item in nav.items if isinstance(item, Page)]
    for previous, page, following in zip([None, *pages], pages, [*pages[1:], None]):
        page.previous_page, page.next_page = previous, following
    return nav
