"""MkDocs hook of the variant builds: the navigation lists the reports by year, then by date.

Without a `nav`, MkDocs orders pages by file name (A/… before S/…, whatever the year) and lists
every page. The report pages are generated, so the order comes from their front matter: the
landing page first, then one section per year with its reports oldest first, then the pages
without a date (the glossary). The glossary's where-used pages (glossary/) are reached from
the glossary, not from the navigation.

Material's page template writes the navigation into every page; with `navigation.prune` it
writes the open section's pages and only a link for each other section. A year with more than
SECTION_SIZE reports is cut into sections of SECTION_SIZE, so a page carries the years, its
year's sections and at most SECTION_SIZE reports, however large the corpus.
"""

from __future__ import annotations

from itertools import groupby

from mkdocs.structure.files import Files
from mkdocs.structure.nav import Navigation, Section
from mkdocs.structure.pages import Page
from mkdocs.utils.meta import get_data

SECTION_SIZE = 50
WHERE_USED_DIR = "glossary/"  # unmd.writer.glossary_page.WHERE_USED_DIR


def report_date(page: Page) -> str:
    _, meta = get_data(page.file.content_string)
    return str(meta.get("date") or "")


def year_sections(dated: list[tuple[str, Page]]) -> list[Section]:
    """One section per year, oldest first; a large year in sections of SECTION_SIZE reports."""
    years = []
    for year, group in groupby(dated, key=lambda item: item[0][:4]):
        pages = [page for _, page in group]
        if len(pages) <= SECTION_SIZE:
            children = pages
        else:
            children = [Section(f"第 {start + 1}–{min(start + SECTION_SIZE, len(pages))} 份",
                                pages[start : start + SECTION_SIZE])
                        for start in range(0, len(pages), SECTION_SIZE)]
        years.append(Section(f"{year} 年", children))
    return years


def _set_parents(items, parent=None) -> None:
    for item in items:
        item.parent = parent
        if isinstance(item, Section):
            _set_parents(item.children, item)


def on_nav(nav: Navigation, files: Files, **kwargs) -> Navigation:
    pages = [item for item in nav.items if isinstance(item, Page)]  # the glossary/ section is left out
    first = [page for page in pages if page.is_index]
    dated = sorted((date, page.file.src_uri, page) for page in pages if not page.is_index
                   if (date := report_date(page)))
    undated = sorted((page for page in pages if not page.is_index and not report_date(page)),
                     key=lambda page: str(page.title))
    nav.items = [*first, *year_sections([(date, page) for date, _, page in dated]), *undated]
    _set_parents(nav.items)
    ordered = [*first, *(page for _, _, page in dated), *undated]
    for previous, page, following in zip([None, *ordered], ordered, [*ordered[1:], None]):
        page.previous_page, page.next_page = previous, following
    # Pages outside the navigation (the where-used pages) have no previous or next page.
    listed = set(map(id, ordered))
    for page in nav.pages:
        if id(page) not in listed:
            page.previous_page = page.next_page = None
    nav.pages = ordered + [page for page in nav.pages if id(page) not in listed]
    return nav
