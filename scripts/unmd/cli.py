"""Command line: `convert FILE` prints Markdown; `build-docs` writes docs/ for the catalog.

Errors in a source text print one line naming the file and line and exit 1; nothing
half-written is left in docs/ (pages are built in a temporary folder and moved into place).
"""

from __future__ import annotations

import argparse
import shutil
import sys
import tempfile
from pathlib import Path

from .catalog import ROOT, load_catalog
from .errors import SourceError
from .model import Heading, plain_text
from .pipeline import convert
from .writer.markdown import write_markdown

DOCS = ROOT / "docs"
VARIANTS = ("zh-Hans", "zh-Hant")


def cmd_convert(args: argparse.Namespace) -> int:
    doc = convert(args.file)
    sys.stdout.write(write_markdown(doc))
    return 0


def report_summary(entry, doc) -> dict:
    """What the landing pages list about a report."""
    chapters = [
        (plain_text(b.inlines), b.id) for b in doc.blocks if isinstance(b, Heading) and b.level == 2
    ]
    return {
        "slug": entry.slug, "symbols": entry.symbols, "date": entry.date, "kind": entry.kind,
        "kind_zh": entry.kind_zh, "title_zh": entry.title_zh, "title_en": entry.title_en,
        "paragraphs": len(doc.numbered()), "chapters": chapters,
    }


def search_terms() -> list[str]:
    """Words the search segmenter must keep whole: the glossary's names in both scripts."""
    from .glossary import load_glossary, terms_for_dictionaries

    return terms_for_dictionaries(load_glossary())


def build_docs(docs: Path = DOCS) -> None:
    from .hant import to_hant
    from .searchdict import write_search_dicts
    from .sitepages import write_site_pages

    entries = load_catalog()
    docs.mkdir(exist_ok=True)
    staging = Path(tempfile.mkdtemp(prefix=".build-", dir=docs))
    try:
        for variant in VARIANTS:
            (staging / variant).mkdir()
        reports = []
        for entry in entries:
            doc = convert(entry.path, entry)
            page = write_markdown(doc)
            (staging / "zh-Hans" / f"{entry.slug}.md").write_text(page, encoding="utf-8")
            (staging / "zh-Hant" / f"{entry.slug}.md").write_text(to_hant(page), encoding="utf-8")
            reports.append(report_summary(entry, doc))
        write_site_pages(staging, reports)
        write_search_dicts(docs / "assets" / "search", search_terms())
        for variant in VARIANTS:
            old = docs / variant
            if old.exists():
                shutil.rmtree(old)
            (staging / variant).rename(old)
        (staging / "index.md").replace(docs / "index.md")
    finally:
        shutil.rmtree(staging, ignore_errors=True)


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(prog="unmd")
    sub = parser.add_subparsers(dest="command", required=True)
    p_convert = sub.add_parser("convert", help="print the zh-Hans Markdown of one report text")
    p_convert.add_argument("file")
    sub.add_parser("build-docs", help="convert every catalogued report into docs/")
    args = parser.parse_args(argv)
    try:
        if args.command == "convert":
            return cmd_convert(args)
        build_docs()
        return 0
    except SourceError as exc:
        print(f"error: {exc}", file=sys.stderr)
        return 1


if __name__ == "__main__":
    sys.exit(main())
