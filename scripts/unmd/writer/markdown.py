"""Writer: a `Document` becomes one Markdown page (Python-Markdown + attr_list + footnotes).

Every character of source text goes through `escape`, so raw HTML or Markdown syntax in a
report shows as text. Ids come from the model; the writer never invents them.
"""

from __future__ import annotations

import json
import re
from html import escape as html_escape
from urllib.parse import quote

from ..model import (
    NOTE_PARAGRAPH,
    Abbr,
    Citation,
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
from ..passes.glossary import links_in

_INLINE_SPECIAL = re.compile(r"([\\`*_\[\]{}|~^])")
_LINE_START = re.compile(r"^(\s*)([#>+=-]|\d+\.(?=\s|$))")
HEADER_ROLES = ("organ", "session", "agenda", "agenda-title")


def escape(text: str) -> str:
    """Text as text: HTML entities for & < >, backslashes for Markdown's inline syntax."""
    text = text.replace("&", "&amp;").replace("<", "&lt;").replace(">", "&gt;")
    return _INLINE_SPECIAL.sub(r"\\\1", text)


def escape_line_start(markdown: str) -> str:
    """A paragraph must not start like a heading, list, quote or setext underline."""
    return _LINE_START.sub(lambda m: m.group(1) + "\\" + m.group(2), markdown, count=1)


def href(url: str) -> str:
    """A link destination Markdown reads back whole; balanced brackets stay as written
    (undocs.org/zh/S/RES/1325(2000), as the UN cites it)."""
    safe = ":/#?=&%.-_~@+,;!$'*"
    if _balanced(url):
        safe += "()"
    return quote(url, safe=safe)


def _balanced(url: str) -> bool:
    depth = 0
    for ch in url:
        depth += {"(": 1, ")": -1}.get(ch, 0)
        if depth < 0:
            return False
    return depth == 0


def attr_title(title: str) -> str:
    return title.replace('"', "”").replace("\n", " ")


def inlines_md(inlines: list[Inline]) -> str:
    out: list[str] = []
    for node in inlines:
        if isinstance(node, Text):
            out.append(escape(node.text))
        elif isinstance(node, FootnoteRef):
            out.append(f"[^{footnote_label(node.key)}]")
        elif isinstance(node, Emphasis):
            out.append(f"*{inlines_md(node.children)}*")
        elif isinstance(node, Strong):
            out.append(f"**{inlines_md(node.children)}**")
        elif isinstance(node, Link):
            # A glossary link's definition is written once per page (glossary_definitions_md).
            title = f' "{attr_title(node.title)}"' if node.title and node.kind != "glossary" else ""
            cls = f"{{.{node.kind}-link}}"
            out.append(f"[{inlines_md(node.children)}]({href(node.href)}{title}){cls}")
        elif isinstance(node, Abbr):
            out.append(
                f'<abbr title="{escape(attr_title(node.full))}">{escape(node.short)}</abbr>'
            )
    return "".join(out)


def _attrs(block_id: str, *classes: str) -> str:
    parts = [f"#{block_id}"] if block_id else []
    parts += [f".{c}" for c in classes if c]
    return "{: " + " ".join(parts) + " }"


def paragraph_md(p: Paragraph) -> str:
    if p.number is not None:
        body = f"[{p.number}.](#{p.id}){{.para-num}} {inlines_md(p.inlines)}"
        return f"{body}\n{_attrs(p.id, 'para')}"
    anchors = "".join(f'<span id="{alias}"></span>' for alias in p.aliases)
    return f"{anchors}{escape_line_start(inlines_md(p.inlines))}\n{_attrs(p.id, p.role)}"


def item_md(item: Item) -> str:
    mark = escape(item.marker or f"({item.label})")
    body = f"[{mark}](#{item.id}){{.item-mark}} {inlines_md(item.inlines)}"
    return f"{body}\n{_attrs(item.id, 'item', f'depth-{item.depth}')}"


def heading_md(h: Heading) -> str:
    text = inlines_md(h.inlines).rstrip("#")
    if h.kind == "subtitle":
        return f"{escape_line_start(text)}\n{_attrs(h.id, 'subtitle')}"
    return f"{'#' * h.level} {text} {{#{h.id} .{h.kind}}}"


def table_md(t: Table) -> str:
    def row(cells: list[str]) -> str:
        return "| " + " | ".join(escape(c.strip()) for c in cells) + " |"

    lines = []
    if t.caption:
        lines += [escape_line_start(escape(t.caption)), _attrs(f"{t.id}-caption", "table-caption"), ""]
    table = [row(t.rows[0]), "|" + "|".join(" --- " for _ in t.rows[0]) + "|", *(row(r) for r in t.rows[1:])]
    lines.append(anchored_div(t.id, "table", "\n".join(table)))
    return "\n".join(lines)


def anchored_div(block_id: str, cls: str, markdown: str) -> str:
    """A block Markdown gives no attributes to (a table, a list) inside a div with its id."""
    return f'<div id="{block_id}" class="{cls}" markdown>\n\n{markdown}\n\n</div>'


# What the page says where the source lost something (see Gap, Footnote.text_lost).
GAP_NAMES = {"paragraph": "第 {} 段", "paragraph-start": "第 {} 段的开头", "chapter": "第{}章", "section": "{} 节"}
LOST_NOTE_TEXT = "［来源文本缺失此注的内容］"


def gap_text(gap: Gap) -> str:
    span = gap.missing[0] if len(gap.missing) == 1 else f"{gap.missing[0]}–{gap.missing[-1]}"
    return f"［来源文本缺失：{GAP_NAMES[gap.what].format(span)}］"


def note_md(note: Footnote) -> str:
    """A note's text; its later paragraphs indented under the first, as Markdown continues a note."""
    if note.text_lost:
        return LOST_NOTE_TEXT
    first, *more = inlines_md(note.inlines).split(NOTE_PARAGRAPH)
    return first + "".join(f"\n\n    {escape_line_start(paragraph)}" for paragraph in more)


def block_md(block) -> str:
    if isinstance(block, Gap):
        return f"{escape_line_start(escape(gap_text(block)))}\n{_attrs(block.id, 'gap')}"
    if isinstance(block, Heading):
        return heading_md(block)
    if isinstance(block, Paragraph):
        return paragraph_md(block)
    if isinstance(block, Item):
        return item_md(block)
    if isinstance(block, Signature):
        lines = "<br>\n".join(escape(line) for line in block.lines)
        return f"{escape_line_start(lines)}\n{_attrs(block.id, 'signature')}"
    if isinstance(block, Entries):
        return anchored_div(block.id, "entries", "\n".join(f"- {inlines_md(e)}" for e in block.entries))
    if isinstance(block, Table):
        return table_md(block)
    raise TypeError(f"no Markdown for {type(block).__name__}")


def abbreviations_md(abbreviations: dict[str, str]) -> str:
    """The short forms the report defines, in the order it defines them."""
    rows = [f"| {escape(short)} | {escape(full)} |" for short, full in abbreviations.items()]
    return "\n".join(
        ["## 本报告使用的简称 {#abbreviations .site-section}", "", "| 简称 | 全称 |", "| --- | --- |", *rows]
    )


def cited_by_md(citations: list[Citation]) -> str:
    """One line per citing report, linking each citing paragraph or note."""
    by_report: dict[str, list[Citation]] = {}
    for c in citations:
        by_report.setdefault(c.slug, []).append(c)
    lines = ["## 引用本报告的文件 {#cited-by .site-section}", ""]
    for slug, places in by_report.items():
        first = places[0]
        links = "、".join(f"[{escape(_place_name(c.place_label))}]({href(slug)}.md#{c.place_id})" for c in places)
        lines.append(f"- [{escape(first.symbol)}]({href(slug)}.md)《{escape(first.title)}》：{links}")
    return "\n".join(lines)


# The organ named by a document symbol's first element (A/… General Assembly, S/… Security
# Council), for documents whose header does not print it.
ORGAN_OF_SYMBOL = {"A": "大会", "S": "安全理事会"}


def document_metadata(doc: Document) -> dict:
    """What a report is, as its page metadata and its JSON export give it: the report header,
    the citations and the landing table are built from these fields."""
    meta = doc.meta
    fields: dict = {"title": meta.title}
    if meta.symbols:
        fields["symbol"] = "-".join(meta.symbols)
        fields["symbols"] = meta.symbols
    for key in ("date", "kind", "kind_zh", "title_en"):
        value = getattr(meta, key)
        if value:
            fields[key] = value
    prefixes = (symbol.split("/")[0] for symbol in meta.symbols)
    organs = meta.organs or list(dict.fromkeys(ORGAN_OF_SYMBOL[p] for p in prefixes if p in ORGAN_OF_SYMBOL))
    if organs:
        fields["organs"] = organs
    if meta.session:
        fields["session"] = meta.session
    if meta.agenda:
        # The agenda lines as printed, without the footnote marks (the notes are on the page).
        fields["agenda"] = [re.sub(r"\s*\*+\s*", " ", line).strip() for line in meta.agenda]
    for key in ("distribution", "original_language"):  # from the masthead, when it prints them
        value = getattr(meta, key)
        if value:
            fields[key] = value
    return fields


def _place_name(label: str) -> str:
    """第 12 段 for a paragraph or sub-item label (12, 81(b)); notes and others as labelled."""
    return f"第 {label} 段" if label[:1].isdigit() else label


def glossary_definitions_md(doc: Document) -> str:
    """The definitions of the glossary terms the page links, once each: glossary-tips.js shows
    a term's definition when a link to it is pointed at or focused. Written on every link (as
    its title) they were a quarter of a long report's page; the link itself still leads to the
    term's entry in the glossary."""
    definitions: dict[str, str] = {}
    for _, inlines in doc.inline_containers():
        for link in links_in(inlines):
            if link.kind == "glossary" and link.title:
                definitions.setdefault(link.href.rpartition("#")[2], link.title)
    if not definitions:
        return ""
    rows = "".join(f'<p data-term="{html_escape(term)}">{html_escape(text, quote=False)}</p>\n'
                   for term, text in definitions.items())
    return f'<div class="glossary-definitions" hidden data-search-exclude>\n{rows}</div>'


def front_matter(doc: Document, extra: dict | None = None) -> str:
    fields = {**document_metadata(doc), **(extra or {})}
    lines = ["---"] + [f"{k}: {json.dumps(v, ensure_ascii=False)}" for k, v in fields.items()] + ["---"]
    return "\n".join(lines)


def page_note_order(doc: Document) -> list[Footnote]:
    """The notes listed at the foot of the page (those with a mark in the text), in order: the
    asterisk notes of the title page (*, **), then the numbered notes."""
    return sorted(
        (n for n in doc.footnotes if not n.mark_lost),
        key=lambda n: (n.key.isdigit(), int(n.key) if n.key.isdigit() else len(n.key)),
    )


def write_markdown(doc: Document, extra_front: dict | None = None, before_body: str = "") -> str:
    """The page: front matter, H1, document header, lost-mark notes, body, the report's
    abbreviations, the reports citing it, footnotes."""
    parts = [front_matter(doc, extra_front)]
    title = next((b for b in doc.blocks if isinstance(b, Heading) and b.kind == "title"), None)
    if title is not None:
        parts.append(heading_md(title))
    else:
        parts.append(f"# {escape(doc.meta.title)} {{#title .title}}")
    header = [b for b in doc.blocks if isinstance(b, Paragraph) and b.role in HEADER_ROLES]
    if header:
        parts.append('<div class="doc-header" markdown>')
        parts += [paragraph_md(p) for p in header]
        parts.append("</div>")
    for note in doc.footnotes:
        if note.mark_lost:
            text = f"{escape(note.key)} {inlines_md(note.inlines)}"
            parts.append(f"{escape_line_start(text)}\n{_attrs(note_anchor(note), 'doc-note')}")
    if before_body:
        parts.append(before_body)
    for block in doc.blocks:
        if block is title or (isinstance(block, Paragraph) and block.role in HEADER_ROLES):
            continue
        parts.append(block_md(block))
    if doc.abbreviations:
        parts.append(abbreviations_md(doc.abbreviations))
    if doc.cited_by:
        parts.append(cited_by_md(doc.cited_by))
    definitions = glossary_definitions_md(doc)
    if definitions:
        parts.append(definitions)
    for note in page_note_order(doc):
        parts.append(f"[^{footnote_label(note.key)}]: {note_md(note)}")
    return "\n\n".join(parts) + "\n"
