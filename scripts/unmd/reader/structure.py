"""Third reading: raw blocks become typed model blocks with levels, roles and stable ids.

Ids (documented in README):
  chapters ch-N; sections ch-N-x; numbered sub-sections <parent>-N; other headings
  <parent>-hK; numbered paragraph N para-N; its items para-N-a and para-N-a-i; un-numbered
  paragraphs <heading id>-pK (front-pK before the first heading); the summary heading
  `summary`, annex headings annex-K, enclosure (附文) and appendix (附录) headings
  enclosure-K, other front-matter part titles part-K (one level down right after an annex or
  enclosure heading: the letter or report it introduces).
"""

from __future__ import annotations

import re

from ..model import Entries, Gap, Heading, Item, Meta, Paragraph, Signature, Table, Text
from .blocks import RawBlock
from .inlines import parse_inlines
from .outline import nest_headings
from .shape import DEDICATION, DRAFT_LINE, LETTER, ends_sentence, line_width, roman

KIND = re.compile(r"的(报告|说明|工作文件|文件)\**$")
ANNEX = re.compile(r"^附件[一二三四五六七八九十\d]*$|的附件$")
# An annex's enclosure (附文: the report that a letter in the annex transmits) or an appendix.
ENCLOSURE = re.compile(r"^(附文|附录)[一二三四五六七八九十\d]*$")
SUMMARY = re.compile(r"^摘\s*要$")
RAPPORTEUR = re.compile(r"^报告员\s*[:：]")  # a Main Committee's report names its rapporteur under the title
# The id suffix of a second, third … paragraph printed with the same number (18 bis, 18 ter).
REPEAT_SUFFIX = {2: "bis", 3: "ter", 4: "quater"}


def _squeeze(text: str) -> str:
    return re.sub(r"\s+", "", text)


def _is_heading(block: RawBlock | None, pattern: re.Pattern[str] | None = None) -> bool:
    return (
        block is not None
        and block.kind == "heading"
        and (pattern is None or bool(pattern.search(block.text)))
    )


def take_agenda_titles(raw: list[RawBlock], meta: Meta) -> list[RawBlock]:
    """The titles of the agenda item the masthead named (masthead.py), at the top of the
    blocks: every heading up to the report's title. Of the headings above the summary or the
    first text, the title is a letter's heading, or else the one before the last kind line
    (秘书长的报告: an agenda title may end in …和秘书长的报告 too), or else the last."""
    if not meta.agenda:
        return []
    run = 0
    while run < len(raw) and raw[run].kind == "heading" and not SUMMARY.match(raw[run].text):
        run += 1
    letters = [k for k in range(run) if LETTER.search(raw[k].text)]
    kinds = [k for k in range(1, run) if KIND.search(raw[k].text)]
    title = letters[0] if letters else kinds[-1] - 1 if kinds else run - 1
    titles = raw[: max(title, 0)]
    meta.agenda.extend(block.text.rstrip("*") for block in titles)
    return titles


def merge_signatures(raw: list[RawBlock]) -> list[RawBlock]:
    """Titles printed above a signed name (常驻代表, 特命全权大使) belong to the signature."""
    out: list[RawBlock] = []
    for block in raw:
        if block.kind == "signature":
            titles: list[RawBlock] = []
            while out and len(titles) < 3 and _is_heading(out[-1]) and len(out[-1].text) <= 30:
                titles.insert(0, out.pop())
            block.rows = [t.text for t in titles] + [block.text]
            if titles:
                block.line = titles[0].line
        out.append(block)
    return out


PART = (SUMMARY, KIND, LETTER, DEDICATION, ANNEX, ENCLOSURE, DRAFT_LINE)


def _entry_like(block: RawBlock) -> bool:
    return (
        block.kind in ("heading", "text")
        and line_width(block.text) <= 40
        and not ends_sentence(block.text)
        and not any(p.search(block.text) for p in PART)
    )


def build_structure(raw: list[RawBlock], meta: Meta, known_title: str | None = None,
                    header: list[tuple[str, int, str]] = ()) -> list:
    """The typed blocks; `header` is what the masthead shows, as (role, line, text)."""
    titles = take_agenda_titles(raw, meta)
    body = merge_signatures(raw[len(titles) :])
    blocks: list = [Paragraph(line, "", inlines=parse_inlines(text), role=role) for role, line, text in header]
    for block in titles:
        blocks.append(Paragraph(block.line, "", inlines=parse_inlines(block.text), role="agenda-title"))
    Structure(blocks, meta, known_title).add(body)
    nest_headings(blocks)
    return blocks


class Structure:
    """Walks the body blocks once, keeping the context that levels, roles and ids depend on."""

    def __init__(self, blocks: list, meta: Meta, known_title: str | None):
        self.known_title = _squeeze(known_title) if known_title else None
        self.blocks = blocks
        self.meta = meta
        self.parent_id, self.parent_level = "", 1  # nearest numbered heading or part
        self.container = "front"  # id of the nearest heading: un-numbered paragraphs count in it
        self.counts: dict[str, int] = {}
        self.role = "front"
        self.in_chapters = False
        self.title_seen = False
        self.parts = 0
        self.paragraph_id = ""
        self.letter_id = ""
        self.draft_parent: tuple[str, int] | None = None  # the heading that draft resolutions sit under

    def count(self, key: str) -> int:
        self.counts[key] = self.counts.get(key, 0) + 1
        return self.counts[key]

    def add(self, raw: list[RawBlock]) -> None:
        index = 0
        while index < len(raw):
            block = raw[index]
            previous = self.blocks[-1] if self.blocks else None
            following = raw[index + 1] if index + 1 < len(raw) else None
            run = 0
            while index + run < len(raw) and _entry_like(raw[index + run]):
                run += 1
            # (A draft resolution's title and short preambular paragraphs are no member list.)
            if run >= 3 and index and raw[index - 1].text.rstrip().endswith(("：", ":")):
                self.entries(raw[index : index + run])  # a list that the block before announced
                index += run
                continue
            if run >= 4 and block.kind == "heading" and self.draft_parent is None:
                self.heading(block)
                self.entries(raw[index + 1 : index + run])
                index += run
                continue
            if block.missing:
                self.gap(block)
            if block.kind == "table":
                self.table(block)
            elif block.kind == "signature":
                self.blocks.append(Signature(block.line, self.next_paragraph_id(), lines=block.rows))
            elif block.kind in ("chapter", "section", "subsection"):
                self.numbered_heading(block)
            elif block.kind == "numbered":
                self.numbered(block)
            elif block.kind == "item":
                self.item(block)
            elif block.kind == "heading" and following is not None and following.kind == "table":
                following.label = block.text  # the caption printed above a table
            elif block.kind == "heading" and isinstance(previous, Table):
                self.paragraph(block, "note")
            elif block.kind == "heading" and self.is_attribution(previous):
                previous.role = "epigraph"
                self.paragraph(block, "attribution")
            elif block.kind == "heading":
                self.heading(block)
            else:
                self.paragraph(block, self.role)
            index += 1

    # ------------------------------------------------------------------ blocks

    def is_attribution(self, previous) -> bool:
        if not isinstance(previous, Paragraph) or previous.number is not None:
            return False
        text = "".join(n.text for n in previous.inlines if isinstance(n, Text)).strip()
        return text.startswith("“") and text.endswith("”")

    def next_paragraph_id(self) -> str:
        return f"{self.container}-p{self.count(self.container + '/p')}"

    def paragraph(self, block: RawBlock, role: str) -> None:
        if role == "front" and DEDICATION.match(block.text):
            role = "dedication"
        self.paragraph_id = self.next_paragraph_id()
        self.letter_id = ""
        self.blocks.append(
            Paragraph(block.line, self.paragraph_id, inlines=parse_inlines(block.text), role=role)
        )

    def gap(self, block: RawBlock) -> None:
        """A marker where the numbering says something was lost, before the block after it,
        with the id the first lost piece would have had."""
        if block.kind == "chapter":
            what, first_id = "chapter", f"ch-{block.number - len(block.missing)}"
        elif block.kind == "section":
            what, first_id = "section", f"{self.chapter_id}-{block.missing[0].lower()}"
        else:  # before a numbered paragraph, or before the rest of one that lost its start
            what, first_id = "paragraph" if block.kind == "numbered" else "paragraph-start", f"para-{block.missing[0]}"
        self.blocks.append(Gap(block.line, first_id, what=what, missing=block.missing))

    def numbered(self, block: RawBlock) -> None:
        copy = self.count(f"para-{block.number}")  # a number printed twice: para-18, para-18-bis
        self.paragraph_id = f"para-{block.number}" + (f"-{REPEAT_SUFFIX.get(copy, f'x{copy}')}" if copy > 1 else "")
        self.letter_id = ""
        self.blocks.append(
            Paragraph(block.line, self.paragraph_id, number=block.number, inlines=parse_inlines(block.text))
        )

    def item(self, block: RawBlock) -> None:
        parent = self.paragraph_id or self.next_paragraph_id()
        if block.depth == 1:
            label = block.label if block.label.isalpha() else roman(int(block.label))
            item_id = f"{parent}-{label}"
            self.letter_id = item_id
        else:
            label = roman(int(block.label))
            item_id = f"{self.letter_id or parent}-{label}"
        self.blocks.append(
            Item(block.line, item_id, label=label, marker=block.marker, depth=block.depth,
                 inlines=parse_inlines(block.text))
        )

    def table(self, block: RawBlock) -> None:
        rows = [row.split("\t") for row in block.rows]
        width = max(len(r) for r in rows)
        rows = [r + [""] * (width - len(r)) for r in rows]
        self.blocks.append(Table(block.line, f"{self.container}-t{self.count(self.container + '/t')}",
                                 rows=rows, caption=block.label or None))

    def entries(self, run: list[RawBlock]) -> None:
        self.blocks.append(Entries(run[0].line, f"{self.container}-list",
                                   entries=[parse_inlines(b.text) for b in run]))

    # ---------------------------------------------------------------- headings

    def push_heading(self, block: RawBlock, level: int, kind: str, heading_id: str,
                     number: str | None = None) -> None:
        if kind != "subtitle":
            self.container = heading_id
        self.paragraph_id = ""
        self.blocks.append(Heading(block.line, heading_id, level=min(level, 6), kind=kind,
                                   number=number, inlines=parse_inlines(block.text)))

    def numbered_heading(self, block: RawBlock) -> None:
        self.draft_parent = None
        if block.kind == "chapter":
            self.in_chapters, self.role = True, "body"
            heading_id, level = f"ch-{block.number}", 2
            self.chapter_id = heading_id
            self.section_id = ""
        elif block.kind == "section":
            heading_id, level = f"{self.chapter_id}-{block.label.lower()}", 3
            self.section_id = heading_id
        else:
            base = self.section_id or self.chapter_id
            heading_id, level = f"{base}-{block.number}", 4 if self.section_id else 3
        self.parent_id, self.parent_level = heading_id, level
        self.push_heading(block, level, block.kind, heading_id, str(block.number or block.label))

    def heading(self, block: RawBlock) -> None:
        text = block.text
        kind = "annex" if ANNEX.search(text) else "enclosure" if ENCLOSURE.match(text) else None
        if kind:
            heading_id = f"{kind}-{self.count(kind)}"
            self.parent_id, self.parent_level, self.role = heading_id, 2, "annex"
            self.in_chapters, self.draft_parent = False, None
            self.push_heading(block, 2, kind, heading_id)
            return
        if DRAFT_LINE.match(text):  # 决议草案一, 决议草案二: siblings under the chapter, each over its title
            self.draft_parent = self.draft_parent or (self.parent_id or "front", self.parent_level)
            parent, level = self.draft_parent
            heading_id = f"{parent}-h{self.count(parent + '/h')}"
            self.parent_id, self.parent_level = heading_id, level + 1
            self.push_heading(block, level + 1, "draft", heading_id)
            return
        if RAPPORTEUR.match(text) and not self.in_chapters:
            self.paragraph(block, "rapporteur")
            return
        if not self.title_seen and not self.in_chapters:
            self.title_seen = True
            if self.known_title is None or self.known_title in _squeeze(text):
                self.meta.title = self.meta.title or text.rstrip("*")
                self.parent_id, self.parent_level = "title", 1
                self.role = "letter" if LETTER.search(text) else "front"
                self.push_heading(block, 1, "title", "title")
                return
        if not self.in_chapters and KIND.search(text) and self.blocks and isinstance(self.blocks[-1], Heading) and self.blocks[-1].kind == "title":
            self.meta.subtitle = self.meta.subtitle or text.rstrip("*")
            self.push_heading(block, 2, "subtitle", "subtitle")
            return
        if not self.in_chapters and (SUMMARY.match(text) or LETTER.search(text) or KIND.search(text)
                                     or DEDICATION.match(text)):
            if SUMMARY.match(text):
                heading_id = "summary" if "summary" not in self.counts else f"summary-{self.count('summary')}"
                self.counts.setdefault("summary", 1)
                self.role = "summary"
            else:
                self.parts += 1
                heading_id = f"part-{self.parts}"
                self.role = "letter" if LETTER.search(text) else (
                    "dedication" if DEDICATION.match(text) else "annex" if self.role == "annex" else "front")
            # The letter or report that an annex or enclosure heading (附件, 附文) introduces.
            previous = self.blocks[-1] if self.blocks else None
            level = 3 if isinstance(previous, Heading) and previous.kind in ("annex", "enclosure") else 2
            self.parent_id, self.parent_level = heading_id, level
            self.push_heading(block, level, "part", heading_id)
            return
        parent = self.parent_id or "front"
        heading_id = f"{parent}-h{self.count(parent + '/h')}"
        self.push_heading(block, self.parent_level + 1, "subheading", heading_id)
