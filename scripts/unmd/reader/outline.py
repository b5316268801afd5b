"""Fourth reading: the levels of un-numbered headings, from what the text says of them.

Un-numbered headings under one parent (a chapter, section, part, summary or annex) come
out of structure.py all at one level. Some of them introduce the headings after them:

- a heading followed at once by more headings, with no text of its own (an annex's title
  above its sections) has all the rest of its run as children;
- a heading that announces a count, in its text (四项必需的转变) or in the single paragraph
  that leads into what follows (…需要在…四个领域内实行显著的变革。), has that many of the
  following headings as children;
- a heading whose single un-numbered paragraph is one sentence, ends with a colon (…其中包
  括：) or announces a series (一系列, 以下, 下列, 如下) has the following headings as
  children up to the next heading that introduces in its turn, or the run's closing heading:
  a conclusion (结论, 结语…), or the last heading of the run when it holds more than any of
  those children (a summary's closing section).

Only levels change: ids stay those structure.py gave (a heading that gains a parent keeps
the id that citations already use).
"""

from __future__ import annotations

import re

from ..model import Heading, Paragraph, plain_text
from .shape import announced_count, sentences

SERIES = re.compile(r"一系列|以下|下列|如下|下述")
CLOSING = re.compile(r"^(结论|结语|结束语|总结|结论和建议|意见和结论)$")


class _Section:
    """One un-numbered heading and the blocks up to the next heading."""

    def __init__(self, heading: Heading, lead: list):
        self.heading = heading
        self.lead = lead

    @property
    def text(self) -> str:
        return plain_text(self.heading.inlines).strip()

    def lead_text(self) -> str | None:
        """The text of its lead when the lead is one un-numbered paragraph, else None."""
        if len(self.lead) != 1 or not isinstance(self.lead[0], Paragraph) or self.lead[0].number is not None:
            return None
        return plain_text(self.lead[0].inlines).strip()

    def announced_count(self) -> int | None:
        return announced_count(self.text, self.lead_text())

    def introduces(self) -> bool:
        if not self.lead or self.announced_count():
            return True
        lead = self.lead_text()
        if lead is None:
            return False
        said = sentences(lead)
        last = said[-1].rstrip()
        return len(said) == 1 or last.endswith(("：", ":")) or bool(SERIES.search(last))

    @property
    def size(self) -> int:
        return len(self.lead)


def _children(run: list[_Section], index: int) -> int:
    """How many of the sections after run[index] are its children."""
    section, rest = run[index], run[index + 1 :]
    if not section.lead:
        return len(rest)
    count = section.announced_count()
    if count is not None:
        return count if 2 <= count <= len(rest) else 0
    if not section.introduces():
        return 0
    taken = 0
    while taken < len(rest) and not rest[taken].introduces() and not CLOSING.match(rest[taken].text):
        taken += 1
    last = index + 1 + taken == len(run)
    if last and taken >= 3 and rest[taken - 1].size > max(s.size for s in rest[: taken - 1]):
        taken -= 1  # the run's closing section, bigger than the children before it
    return taken if taken >= 2 else 0


def _nest(run: list[_Section], level: int) -> None:
    index = 0
    while index < len(run):
        run[index].heading.level = min(level, 6)
        taken = _children(run, index)
        if taken:
            _nest(run[index + 1 : index + 1 + taken], level + 1)
        index += 1 + taken


def nest_headings(blocks: list) -> None:
    """Give the un-numbered headings of each parent the levels their text implies."""
    run: list[_Section] = []
    for block in blocks + [None]:
        if isinstance(block, Heading) and block.kind == "subheading":
            run.append(_Section(block, []))
        elif block is None or isinstance(block, Heading):
            if run:
                _nest(run, run[0].heading.level)
            run = []
        elif run:
            run[-1].lead.append(block)
