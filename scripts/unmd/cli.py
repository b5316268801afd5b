"""Command line: `convert FILE` prints Markdown; `build-docs` writes docs/ for the catalog.

Errors in a source text print one line naming the file and line and exit 1; nothing
half-written is left in docs/ (pages are built in a temporary folder and moved into place).
"""

from __future__ import annotations

import argparse
import shutil
import sys
import tempfile
from functools import partial
from pathlib import Path

from .batch import map_cached
from .cache import fingerprint
from .catalog import CATALOG, ROOT, Entry, load_catalog
from .errors import SourceError
from .passes.glossary import GLOSSARY_PAGE, terms_for_dictionaries
from .passes.symbols import cited_by
from .model import Citation, ReportFacts
from .pipeline import Context, context_of, convert, converted_report, corpus_facts, document_key
from .writer.conversion_report import conversion_report
from .writer.export import document_json
from .writer.glossary_page import WHERE_USED_DIR, glossary_markdown, where_used_pages
from .writer.hant import to_hant
from .writer.landing import write_site_pages
from .writer.markdown import write_markdown
from .writer.searchdict import write_search_dict

DOCS = ROOT / "docs"
VARIANTS = ("zh-Hans", "zh-Hant")


def cmd_convert(args: argparse.Namespace) -> int:
    """The Markdown on stdout, the conversion report on stderr; with --strict the first warning
    is an error (one line, nothing on stdout)."""
    doc = convert(args.file, context=context_of(load_catalog()))
    if args.strict and doc.warnings:
        first, more = doc.warnings[0], len(doc.warnings) - 1
        also = f" (and {more} more warning{'s' * (more > 1)})" if more else ""
        raise SourceError(args.file, first.line, f"{first.message}{also} [--strict]")
    sys.stdout.write(write_markdown(doc))
    sys.stderr.write(conversion_report(doc, args.file))
    return 0


def report_summary(entry: Entry, facts: ReportFacts) -> dict:
    """What the landing pages list about a report."""
    return {
        "slug": entry.slug, "symbols": entry.symbols, "date": entry.date, "kind": entry.kind,
        "kind_zh": entry.kind_zh, "title_zh": entry.title_zh, "paragraphs": facts.paragraphs,
    }


def report_files(report: tuple[Entry, list[Citation]], context: Context) -> dict[str, str]:
    """The files of one report under docs/: its page in both scripts and its data export."""
    entry, citing = report
    doc = converted_report(entry, context)
    doc.cited_by = citing
    page = write_markdown(doc)
    files = {f"zh-Hans/{entry.slug}.md": page, f"zh-Hant/{entry.slug}.md": to_hant(page)}
    for variant in VARIANTS:  # the report as data, published beside its page
        files[f"{variant}/{entry.slug}.json"] = document_json(doc, variant)
    return files


def build_docs(docs: Path = DOCS, catalog: Path = CATALOG) -> None:
    entries = load_catalog(catalog)
    context = context_of(entries)
    docs.mkdir(parents=True, exist_ok=True)
    staging = Path(tempfile.mkdtemp(prefix=".build-", dir=docs))
    try:
        for variant in VARIANTS:
            (staging / variant).mkdir()
        reports = corpus_facts(entries, context)
        citing = cited_by(reports)
        cited = [(entry, citing[entry.slug]) for entry in entries]
        keys = [fingerprint(document_key(entry, context), repr(citing[entry.slug])) for entry in entries]
        for files in map_cached("report-files", partial(report_files, context=context), cited, keys):
            for name, text in files.items():
                (staging / name).write_text(text, encoding="utf-8")
        glossary_pages = {GLOSSARY_PAGE: glossary_markdown(context.glossary, reports),
                          **where_used_pages(context.glossary, reports)}
        # A glossary page changes only when a term's uses do: its zh-Hant form is cached.
        hans = list(glossary_pages.values())
        hant = map_cached("hant-pages", to_hant, hans, [fingerprint(page) for page in hans])
        (staging / "zh-Hans" / WHERE_USED_DIR).mkdir()
        (staging / "zh-Hant" / WHERE_USED_DIR).mkdir()
        for name, page_hans, page_hant in zip(glossary_pages, hans, hant):
            (staging / "zh-Hans" / name).write_text(page_hans, encoding="utf-8")
            (staging / "zh-Hant" / name).write_text(page_hant, encoding="utf-8")
        write_site_pages(staging, [report_summary(entry, facts) for entry, facts in zip(entries, reports)])
        defined = [name for facts in reports for pair in facts.abbreviations.items() for name in pair]
        terms = terms_for_dictionaries(context.glossary) + defined
        write_search_dict(docs / "assets" / "search", terms)
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
    p_convert.add_argument("--strict", action="store_true", help="fail on the first warning instead of converting best effort")
    p_build = sub.add_parser("build-docs", help="convert every catalogued report into docs/")
    p_build.add_argument("--catalog", type=Path, default=CATALOG, help="the catalog; its reports beside it")
    p_build.add_argument("--docs", type=Path, default=DOCS, help="where to write the Markdown")
    args = parser.parse_args(argv)
    try:
        if args.command == "convert":
            return cmd_convert(args)
        build_docs(args.docs, args.catalog)
        return 0
    except SourceError as exc:
        print(f"error: {exc}", file=sys.stderr)
        return 1


if __name__ == "__main__":
    sys.exit(main())
