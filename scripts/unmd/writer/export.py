"""Writer: a `Document` as JSON, for readers and tools that want the report as data.

The export holds what the page holds, in the page's order: the report's metadata (as in its
page's front matter), every block (headings, the document header, paragraphs and sub-items,
signatures, member lists, tables with their header rows, gaps) with the same ids as on the
page (so `para-12` in the JSON is `…/S-2011-552.html#para-12`), its footnotes (asterisk notes
first, as on the page), the short forms it defines and the reports citing it.

Each block with text has it twice: `text`, plain (no links, no note marks, and no space
left where a mark stood between two Chinese characters: 扩大”。¹ 预防 -> 扩大”。预防), with
`notes`, the notes it references; and `runs`, the text as the page marks it up: emphasis,
bold run-in headings, links, short forms and the note marks where they stand. The zh-Hant
export is the zh-Hans one with every string converted like the pages, so both carry the same
ids.
"""

from __future__ import annotations

import re

import orjson

from .. import canonical
from ..model import (
    NOTE_PARAGRAPH,
    Abbr,
    Document,
    Emphasis,
    Entries,
    Footnote,
    FootnoteRef,
    Gap,
    Heading,
    Inline,
    Item,
    Link,
    Paragraph,
    Signature,
    Strong,
    Table,
    Text,
)
from ..passes.footnotes import footnote_label, note_anchor
from .hant import convert_text
from .markdown import LOST_NOTE_TEXT, document_metadata, gap_text, page_note_order

FORMAT = "unmd-report/2"


def _runs(inlines: list[Inline], marks: dict | None = None) -> list[dict]:
    """The inlines as runs of text, each with the markup the page gives it; adjacent runs
    with the same markup are one."""
    out: list[dict] = []

    def add(run: dict) -> None:
        if out and "text" in run and "text" in out[-1] and out[-1].keys() == run.keys() and all(
            out[-1][k] == run[k] for k in run if k != "text"
        ):
            out[-1]["text"] += run["text"]
        elif run.get("text", True):
            out.append(run)

    def walk(nodes: list[Inline], markup: dict) -> None:
        for node in nodes:
            if isinstance(node, Text):
                add({"text": node.text, **markup})
            elif isinstance(node, FootnoteRef):
                add({"note": footnote_label(node.key), "mark": node.key})
            elif isinstance(node, Emphasis):
                walk(node.children, {**markup, "emphasis": True})
            elif isinstance(node, Strong):
                walk(node.children, {**markup, "strong": True})
            elif isinstance(node, Link):
                walk(node.children, {**markup, "link": node.href, "link_kind": node.kind})
            elif isinstance(node, Abbr):
                add({"text": node.short, **markup, "abbreviation": node.full})

    walk(inlines, {})
    return out


_MARK = "\x00"  # where a note mark stood, while the text is put together
# A space after a mark, between two Chinese characters or punctuation marks.
_SPACE_AFTER_MARK = re.compile(rf"(?<=[^\x00-\x7f\s]){_MARK} (?=[^\x00-\x7f\s])")


def runs_text(runs: list[dict]) -> str:
    """The plain text of runs: the note marks left out, and with them the space the source put
    after a mark between two Chinese characters or punctuation marks (…扩大”。¹ 预防性外交)."""
    text = "".join(run.get("text", _MARK) for run in runs)
    return _SPACE_AFTER_MARK.sub("", text).replace(_MARK, "")


def _with_text(entry: dict, inlines: list[Inline]) -> dict:
    runs = _runs(inlines)
    entry["text"] = runs_text(runs)
    entry["notes"] = list(dict.fromkeys(r["note"] for r in runs if "note" in r))
    entry["runs"] = runs
    return entry


def header_rows(table: Table) -> int:
    """How many rows at the top of a table are its header: those before the first row that
    holds a number (职等 / 女 / 男, then 人数 / 百分比, then USG 5 28 13 72); at least one."""
    for index, row in enumerate(table.rows):
        if any(any(ch.isdigit() for ch in cell) for cell in row):
            return max(1, index)
    return 1


def block_data(block) -> dict:
    """One block of the page as data (see the module docstring)."""
    entry: dict = {"id": block.id}
    if isinstance(block, Heading):
        entry.update(type="heading", level=block.level, kind=block.kind, number=block.number)
        return _with_text(entry, block.inlines)
    if isinstance(block, Paragraph):
        entry.update(type="paragraph", number=block.number, role=block.role)
        if block.aliases:
            entry["aliases"] = block.aliases  # ids it was published under, still anchors on the page
        return _with_text(entry, block.inlines)
    if isinstance(block, Item):
        entry.update(type="item", label=block.label, marker=block.marker, depth=block.depth)
        return _with_text(entry, block.inlines)
    if isinstance(block, Signature):
        entry.update(type="signature", lines=list(block.lines), text="\n".join(block.lines))
        return entry
    if isinstance(block, Entries):
        entry.update(type="entries", entries=[_with_text({}, e) for e in block.entries])
        entry["text"] = "\n".join(e["text"] for e in entry["entries"])
        return entry
    if isinstance(block, Table):
        entry.update(type="table", caption=block.caption, header_rows=header_rows(block),
                     rows=[[cell.strip() for cell in row] for row in block.rows])
        return entry
    if isinstance(block, Gap):
        entry.update(type="gap", what=block.what, missing=block.missing, text=gap_text(block))
        return entry
    raise TypeError(f"no export for {type(block).__name__}")


def footnote_data(note: Footnote) -> dict:
    entry: dict = {
        # A note whose mark the extractor lost is shown under the report header instead.
        "id": note_anchor(note) if note.mark_lost else f"fn:{footnote_label(note.key)}",
        "label": footnote_label(note.key),
        "mark": note.key,
    }
    if note.text_lost:
        return {**entry, "text": LOST_NOTE_TEXT, "notes": [], "runs": [{"text": LOST_NOTE_TEXT}]}
    _with_text(entry, note.inlines)
    entry["paragraphs"] = entry["text"].split(NOTE_PARAGRAPH)
    return entry


def document_data(doc: Document) -> dict:
    """The zh-Hans export as a dict (see the module docstring)."""
    blocks = [block_data(b) for b in doc.blocks]
    if not any(isinstance(b, Heading) and b.kind == "title" for b in doc.blocks):
        # The page's H1 is then the catalog's title (writer.markdown.write_markdown).
        blocks.insert(0, {"id": "title", "type": "heading", "level": 1, "kind": "title", "number": None,
                          "text": doc.meta.title, "notes": [], "runs": [{"text": doc.meta.title}]})
    data = {
        "metadata": document_metadata(doc),
        "blocks": blocks,
        "footnotes": [footnote_data(n) for n in [n for n in doc.footnotes if n.mark_lost] + page_note_order(doc)],
    }
    gaps = [b for b in blocks if b["type"] == "gap"]
    if gaps:  # what the source lost, where it should be (reports without damage have none)
        data["gaps"] = [{k: v for k, v in b.items() if k != "type"} for b in gaps]
    if doc.abbreviations:
        data["abbreviations"] = [{"short": s, "full": f} for s, f in doc.abbreviations.items()]
    if doc.cited_by:
        data["cited_by"] = [
            {"symbol": c.symbol, "slug": c.slug, "title": c.title, "place": c.place_id, "label": c.place_label}
            for c in doc.cited_by
        ]
    return data


def json_text(data) -> str:
    """Indented JSON, as json.dumps(data, ensure_ascii=False, indent=2) writes it, by orjson:
    the standard library indents in Python, a fifth of a cold build's conversion time."""
    return orjson.dumps(data, option=orjson.OPT_INDENT_2).decode("utf-8") + "\n"


def document_json(doc: Document, variant: str, slug: str | None = None) -> str:
    """The JSON export of one report in `variant` ("zh-Hans" or "zh-Hant"), published as
    `slug`.json beside its page."""
    if variant not in ("zh-Hans", "zh-Hant"):
        raise ValueError(f"document_json: unknown variant {variant!r}")
    # The page's permanent URL (unmd.canonical): `url` + "#" + an id below is that part's.
    url = {"url": canonical.page_url(variant, f"{slug}.html")} if slug else {}
    data = {"format": FORMAT, "variant": variant, **url, **document_data(doc)}
    text = json_text(data)
    # Keys, numbers, ids and the JSON syntax are ASCII, which OpenCC leaves as it is: converting
    # the whole text converts every string, in one call.
    return convert_text(text) if variant == "zh-Hant" else text
