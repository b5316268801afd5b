"""The five reports typeset as UN-style PDFs and read back by real text extractors.

What an editor receives is the text some extractor made of the UN's PDF. To test the reader on
that damage, each converted report (its `Document`) is typeset again with WeasyPrint the way
the UN prints its documents in Chinese: A4, the masthead (联合国, the symbol, Distr.: General,
the date, Original: English) on the first page, the running symbol in the header of the
others, the job number and page N/M in the footer, paragraph numbers and item markers hanging
in the margin, chapter and section headings, footnotes at the foot of their page with
superscript calls (CSS `float: footnote`). The PDF is then extracted by poppler's pdftotext
(default, -layout, -raw), pdfminer.six, pypdf (plain and layout) and PyMuPDF. Each report is
typeset in two house styles (`HOUSE_STYLES`): the UN's own, and a word processor's compact one.

PDFs and texts are cached under .cache/pdfcorpus, keyed by everything that makes them (the
HTML and CSS, the typesetter's or the extractor's version), so a test run typesets only what
changed.
"""

from __future__ import annotations

import hashlib
import html
import os
import re
import shutil
import subprocess
from importlib.metadata import version
from pathlib import Path

from . import Layout
from unmd.model import (
    Abbr,
    Document,
    Emphasis,
    Entries,
    FootnoteRef,
    Heading,
    Item,
    Link,
    Paragraph,
    Signature,
    Strong,
    Table,
    Text,
)

ROOT = Path(__file__).resolve().parents[2]
CACHE = Path(os.environ.get("UNMD_CACHE") or ROOT / ".cache") / "pdfcorpus"

CSS = """
@page {
  size: A4;
  margin: 25mm 22mm 28mm 22mm;
  @top-right { content: string(symbol); font-size: 9pt; }
  @bottom-left { content: string(job) " (C)"; font-size: 8pt; }
  @bottom-right { content: counter(page) "/" counter(pages); font-size: 8pt; }
  @footnote { border-top: 0.5pt solid black; padding-top: 2mm; }
}
@page :first {
  @top-right { content: none; }
  @bottom-right { content: "*" string(barcode) "*"; font-size: 8pt; }
}
html { font-family: "WenQuanYi Zen Hei", sans-serif; font-size: 11pt; line-height: 1.6; }
body { margin: 0; }
.masthead { string-set: symbol attr(data-symbol), job attr(data-job), barcode attr(data-barcode);
            border-bottom: 1pt solid black; margin-bottom: 6mm; font-size: 10pt; }
.masthead .un { font-size: 16pt; font-weight: bold; }
.masthead .symbol { float: right; font-size: 14pt; }
.masthead .distr { margin-left: 60%; }
p { margin: 0 0 0.6em 0; text-align: justify; }
/* A hanging number as a word processor sets it: a hanging indent and the number in a tab stop. */
.hang, .numbered { padding-left: 3em; text-indent: -3em; }
.item { padding-left: 6em; text-indent: -3em; }
.item.depth2 { padding-left: 9em; }
.n { display: inline-block; width: 3em; text-indent: 0; }
h1 { font-size: 14pt; text-align: center; margin: 1em 0; }
h2, h3, h4, h5, h6 { font-size: 11pt; font-weight: bold; margin: 1em 0 0.6em 0; }
.subtitle { font-size: 12pt; }
.front { text-align: center; }
.sig { text-align: right; margin: 0; }
.entry { margin: 0 0 0 3em; }
table { border-collapse: collapse; margin: 0.6em 0; }
td { border: 0.5pt solid black; padding: 1mm 2mm; font-size: 10pt; }
.fn { float: footnote; font-size: 9pt; line-height: 1.4; text-align: justify; }
.fn::footnote-call { content: attr(data-key); vertical-align: super; font-size: 7pt; line-height: none; }
.fn::footnote-marker { content: attr(data-key) " "; }
.fn.unmarked::footnote-call { content: none; }
sup { font-size: 7pt; vertical-align: super; line-height: none; }
"""

# A second house style, as a word processor's template sets a report: a smaller type on a tighter
# leading, wider margins, no space between paragraphs, an unnumbered paragraph's first line
# indented by two characters, ragged right, the page number also centred in the footer. Its
# lines hold about a fifth more characters than the first style's, and a paragraph's end shows
# only by its short last line or the next one's indentation.
COMPACT_CSS = CSS + """
@page { margin: 20mm 30mm 25mm 30mm; @bottom-center { content: counter(page); font-size: 8pt; } }
html { font-size: 10pt; line-height: 1.35; }
p { margin: 0; text-align: left; }
p:not([class]) { text-indent: 2em; }
"""
HOUSE_STYLES = {"": CSS, "compact": COMPACT_CSS}

# The masthead's facts for each report (the first page of the UN's own PDF).
ORIGINAL = "Original: English"


def job_number(symbol: str, date: str) -> tuple[str, str]:
    """A job number in the UN's shape (15-16040) made from the symbol, and its barcode digits."""
    digits = int(hashlib.sha256(symbol.encode()).hexdigest(), 16) % 90000 + 10000
    job = f"{date[2:4]}-{digits}"
    return job, job.replace("-", "")


def _inline_html(inlines, notes: dict, called: set) -> str:
    out = []
    for node in inlines:
        if isinstance(node, Text):
            out.append(html.escape(node.text))
        elif isinstance(node, FootnoteRef):
            if node.key in called or node.key not in notes:
                out.append(f"<sup>{html.escape(node.key)}</sup>")
            else:
                called.add(node.key)
                out.append(_note_html(notes[node.key], notes, called, "fn"))
        elif isinstance(node, Emphasis):
            out.append(f"<i>{_inline_html(node.children, notes, called)}</i>")
        elif isinstance(node, Strong):
            out.append(f"<b>{_inline_html(node.children, notes, called)}</b>")
        elif isinstance(node, Link):
            out.append(_inline_html(node.children, notes, called))
        elif isinstance(node, Abbr):
            out.append(html.escape(node.short))
    return "".join(out)


def _note_html(note, notes: dict, called: set, classes: str) -> str:
    key = html.escape(note.key)
    return f'<span class="{classes}" data-key="{key}">{_inline_html(note.inlines, notes, called)}</span>'


_HEADING_NUMBER = re.compile(r"^([一二三四五六七八九十]{1,3}|[A-Z]|\d{1,3})\s*[.．、]\s*")


def _block_html(block, notes: dict, called: set) -> str:
    text = _inline_html(getattr(block, "inlines", []), notes, called)
    if isinstance(block, Heading):
        tag = "h1" if block.level == 1 else f"h{min(block.level, 6)}"
        m = _HEADING_NUMBER.match(text) if block.kind in ("chapter", "section", "subsection") else None
        if m:
            number = m.group(0).strip()
            return f'<{tag} class="numbered"><span class="n">{number}</span>{text[m.end():]}</{tag}>'
        cls = ' class="subtitle"' if block.kind == "subtitle" else ""
        return f"<{tag}{cls}>{text}</{tag}>"
    if isinstance(block, Paragraph):
        if block.number is not None:
            return f'<p class="hang"><span class="n">{block.number}.</span>{text}</p>'
        if block.role in ("organ", "session", "agenda", "agenda-title"):
            return f'<p class="front">{text}</p>'
        return f"<p>{text}</p>"
    if isinstance(block, Item):
        return f'<p class="item depth{block.depth}"><span class="n">{html.escape(block.marker)}</span>{text}</p>'
    if isinstance(block, Signature):
        return "".join(f'<p class="sig">{html.escape(line)}</p>' for line in block.lines)
    if isinstance(block, Entries):
        return "".join(f'<p class="entry">{_inline_html(e, notes, called)}</p>' for e in block.entries)
    if isinstance(block, Table):
        caption = f"<p>{html.escape(block.caption)}</p>" if block.caption else ""
        rows = "".join("<tr>" + "".join(f"<td>{html.escape(c)}</td>" for c in row) + "</tr>" for row in block.rows)
        return f"{caption}<table>{rows}</table>"
    raise TypeError(type(block).__name__)


def report_html(doc: Document, symbol: str, date: str, style: str = "") -> str:
    """The report as the HTML WeasyPrint typesets in a house style: masthead, then every block
    in order."""
    notes = {n.key: n for n in doc.footnotes}
    called: set[str] = set()
    job, barcode = job_number(symbol, date)
    masthead = (
        f'<div class="masthead" data-symbol="{symbol}" data-job="{job}" data-barcode="{barcode}">'
        f'<span class="symbol">{symbol}</span><p class="un">联合国</p>'
        f'<p class="distr">Distr.: General<br>{date}<br>Chinese<br>{ORIGINAL}</p></div>'
    )
    body = []
    # Notes whose mark the source lost print at the foot of the first page, without a call.
    unmarked = "".join(_note_html(n, notes, called, "fn unmarked") for n in doc.footnotes if n.mark_lost)
    for index, block in enumerate(doc.blocks):
        part = _block_html(block, notes, called)
        if index == 0 and unmarked:
            part = re.sub(r"(</(?:p|h\d)>)", unmarked + r"\1", part, count=1)
        body.append(part)
    return (
        f'<!DOCTYPE html><html lang="zh-Hans"><head><meta charset="utf-8"><style>{HOUSE_STYLES[style]}</style></head>'
        f"<body>{masthead}{''.join(body)}</body></html>"
    )


def _cached(name: str, key_parts: list[str], make) -> bytes:
    key = hashlib.sha256("\0".join(key_parts).encode()).hexdigest()[:24]
    path = CACHE / f"{name}-{key}"
    if path.exists():
        return path.read_bytes()
    data = make()
    CACHE.mkdir(parents=True, exist_ok=True)
    tmp = path.with_suffix(".tmp")
    tmp.write_bytes(data)
    tmp.replace(path)
    return data


FONT = "WenQuanYi Zen Hei"


def _font_file() -> str:
    """The CJK font file the PDFs are set in. Without it Pango falls back to a font without Han
    glyphs and the PDF holds no text, so that is an error, not a cached PDF."""
    result = subprocess.run(["fc-match", "-f", "%{file}", FONT], capture_output=True, text=True)
    if "wqy" not in result.stdout.lower():
        raise RuntimeError(f"the font {FONT!r} is missing (scripts/setup-system installs fonts-wqy-zenhei)")
    return f"{result.stdout}:{Path(result.stdout).stat().st_size}"


def report_pdf(doc: Document, symbol: str, date: str, style: str = "") -> Path:
    """The typeset PDF of a report (cached), as a file the extractors read."""
    markup = report_html(doc, symbol, date, style)

    def make() -> bytes:
        import weasyprint

        return weasyprint.HTML(string=markup).write_pdf()

    data = _cached("pdf", [markup, version("weasyprint"), _font_file()], make)
    path = CACHE / f"{symbol.replace('/', '-')}-{hashlib.sha256(data).hexdigest()[:12]}.pdf"
    if not path.exists():
        path.write_bytes(data)
    return path


def _pdftotext(*options: str):
    def extract(pdf: Path) -> str:
        command = [shutil.which("pdftotext") or "pdftotext", *options, "-enc", "UTF-8", str(pdf), "-"]
        return subprocess.run(command, check=True, capture_output=True).stdout.decode("utf-8")
    return extract


def _pdfminer(pdf: Path) -> str:
    from pdfminer.high_level import extract_text

    return extract_text(str(pdf))


def _pypdf(mode: str):
    def extract(pdf: Path) -> str:
        from pypdf import PdfReader

        return "\n".join(page.extract_text(extraction_mode=mode) for page in PdfReader(str(pdf)).pages)
    return extract


def _pymupdf(sort: bool):
    def extract(pdf: Path) -> str:
        import pymupdf

        with pymupdf.open(str(pdf)) as document:
            return "".join(page.get_text(sort=sort) for page in document)
    return extract


def _poppler_version() -> str:
    result = subprocess.run(["pdftotext", "-v"], capture_output=True, text=True)
    return result.stderr.splitlines()[0] if result.stderr else ""


# Each extractor: (how it reads a PDF, what its output depends on besides the PDF).
EXTRACTORS = {
    "pdftotext": (_pdftotext(), _poppler_version),
    "pdftotext-layout": (_pdftotext("-layout"), _poppler_version),
    "pdftotext-raw": (_pdftotext("-raw"), _poppler_version),
    "pdfminer": (_pdfminer, lambda: version("pdfminer.six")),
    "pypdf": (_pypdf("plain"), lambda: version("pypdf")),
    "pypdf-layout": (_pypdf("layout"), lambda: version("pypdf")),
    "pymupdf": (_pymupdf(False), lambda: version("pymupdf")),
    "pymupdf-sort": (_pymupdf(True), lambda: version("pymupdf")),
}


def extracted_text(doc: Document, extractor: str, style: str = "") -> str:
    """What `extractor` reads out of the report's PDF typeset in a house style (cached). The
    masthead's symbol and date are the document's (from the catalog)."""
    pdf = report_pdf(doc, doc.meta.symbols[0], str(doc.meta.date), style)
    extract, tool_version = EXTRACTORS[extractor]
    data = _cached(f"text-{extractor}", [pdf.name, tool_version()], lambda: extract(pdf).encode("utf-8"))
    return data.decode("utf-8")


def layouts() -> list[Layout]:
    """One layout of the table per house style and extractor: the report typeset as a PDF in
    that style, read back by that extractor (pdf-pdfminer, pdf-compact-pdfminer)."""
    return [Layout("-".join(filter(None, ("pdf", style, name))),
                   lambda doc, source, name=name, style=style: extracted_text(doc, name, style))
            for style in HOUSE_STYLES for name in EXTRACTORS]

