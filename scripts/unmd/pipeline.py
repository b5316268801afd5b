"""The conversion pipeline: read -> passes -> (writer), one report at a time."""

from __future__ import annotations

from pathlib import Path

from .catalog import Entry
from .model import Document
from .passes.footnotes import resolve_footnotes
from .reader import read_file


def convert(path: str | Path, entry: Entry | None = None) -> Document:
    doc = read_file(path, title=entry.title_zh if entry else None)
    if entry is not None:
        meta = doc.meta
        meta.symbols = list(entry.symbols)
        meta.date, meta.kind, meta.kind_zh = entry.date, entry.kind, entry.kind_zh
        meta.title, meta.title_en = entry.title_zh, entry.title_en
    return resolve_footnotes(doc)
