"""Fifth reading: roles that a paragraph's note and the end of a part tell.

- An un-numbered paragraph of the front matter whose mark calls an asterisk note that says
  where a quotation comes from (…在…的演讲摘录, 摘自, 引自) is an epigraph, though it has no
  quotation marks of its own.
- An epigraph (and its attribution) that closes a part after the part's sub-headings belongs
  to the part, not to its last sub-heading: it is numbered among the part's own paragraphs
  (<part>-pK), and keeps the id it had under the sub-heading as an alias, since that id is
  published.
"""

from __future__ import annotations

import re

from ..model import Footnote, Heading, Paragraph, plain_text

QUOTATION_SOURCE = re.compile(r"摘录|摘自|引自|节选|的讲话|的演讲")
_STAR_MARK = re.compile(r"(\*{1,3})$")


def mark_quoted_epigraphs(blocks: list, notes: list[Footnote]) -> None:
    sources = {n.key for n in notes if not n.key.isdigit() and QUOTATION_SOURCE.search(plain_text(n.inlines))}
    for block in blocks:
        if isinstance(block, Paragraph) and block.number is None and block.role == "front":
            m = _STAR_MARK.search(plain_text(block.inlines).rstrip())
            if m and m.group(1) in sources:
                block.role = "epigraph"


def _part_of(blocks: list, index: int) -> Heading | None:
    """The part heading (level 1 or 2) above blocks[index], when a sub-heading comes between."""
    below_subheading = False
    for block in reversed(blocks[:index]):
        if isinstance(block, Heading):
            if block.level <= 2:
                return block if below_subheading and block.kind != "subtitle" else None
            below_subheading = True
    return None


def file_closing_epigraphs(blocks: list) -> None:
    used = {b.id for b in blocks}
    for index, block in enumerate(blocks):
        if not (isinstance(block, Paragraph) and block.role == "epigraph" and block.number is None):
            continue
        end = index + 1
        if end < len(blocks) and isinstance(blocks[end], Paragraph) and blocks[end].role == "attribution":
            end += 1
        closes = end == len(blocks) or (isinstance(blocks[end], Heading) and blocks[end].level <= 2)
        part = _part_of(blocks, index) if closes else None
        if part is None:
            continue
        for paragraph in blocks[index:end]:
            rank = 1
            while f"{part.id}-p{rank}" in used:
                rank += 1
            paragraph.aliases.append(paragraph.id)
            paragraph.id = f"{part.id}-p{rank}"
            used.add(paragraph.id)


def assign_roles(blocks: list, notes: list[Footnote]) -> None:
    mark_quoted_epigraphs(blocks, notes)
    file_closing_epigraphs(blocks)
