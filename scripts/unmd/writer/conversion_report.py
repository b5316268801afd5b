"""Writer: what converting one report did, for the person who added it (plain text).

Nothing vanishes silently: every line the reader removed (page furniture, tables of contents,
footnote separators) is listed with its line number, next to what the reader inferred (the
layout, the title and masthead, every heading with its level and id) and every warning.
`scripts/convert` prints it on stderr; `build-docs` writes one per report into reports/.
"""

from __future__ import annotations

from ..model import Document, Gap, Heading, plain_text
from .markdown import HEADER_ROLES, gap_text

_MASTHEAD_FIELDS = (("organs", "organ"), ("session", "session"), ("agenda", "agenda"))
_META_FIELDS = (("symbols", "symbol"), ("date", "date"), ("distribution", "distribution"),
                ("original_language", "original language"))


def _shorten(text: str, limit: int = 60) -> str:
    return text if len(text) <= limit else text[: limit - 1] + "…"


def conversion_report(doc: Document, path: str) -> str:
    """The report of one conversion; `path` is how the source is named in it."""
    numbered = doc.numbered()
    headings = [b for b in doc.blocks if isinstance(b, Heading)]
    lines = [f"conversion report: {path}", f"layout: {doc.layout or 'not measured'}"]
    for attribute, label in _META_FIELDS:
        value = getattr(doc.meta, attribute)
        if value:
            lines.append(f"{label}: {'-'.join(value) if isinstance(value, list) else value}")
    lines.append(f"title: {doc.meta.title or '(none found)'}")
    if doc.meta.subtitle:
        lines.append(f"subtitle: {doc.meta.subtitle}")
    for attribute, label in _MASTHEAD_FIELDS:
        for value in getattr(doc.meta, attribute):
            lines.append(f"{label}: {value}")
    span = f" ({numbered[0].number}–{numbered[-1].number})" if numbered else ""
    lines.append(
        f"found: {len(headings)} headings, {len(numbered)} numbered paragraphs{span}, "
        f"{sum(1 for b in doc.paragraphs() if b.number is None and b.role not in HEADER_ROLES)} other paragraphs, "
        f"{len(doc.footnotes)} notes"
    )
    lines.append("headings (line, level, kind, id):")
    lines += [f"  {h.line}: h{h.level} {h.kind} #{h.id} {_shorten(plain_text(h.inlines))}" for h in headings]
    gaps = [b for b in doc.blocks if isinstance(b, Gap)]
    if gaps:
        lines.append("gaps marked on the page:")
        lines += [f"  {g.line}: #{g.id} {gap_text(g)}" for g in gaps]
    lines.append(f"removed ({len(doc.removed)} lines):")
    lines += [f"  {r.line}: {r.why}: {r.text}" for r in doc.removed]
    lines.append(f"warnings ({len(doc.warnings)}):")
    lines += [f"  {w.at(path)}" for w in doc.warnings]
    return "\n".join(lines) + "\n"
