"""Command line: `convert FILE` prints Markdown; `build-docs` writes docs/ for the catalog (and
each report's conversion report into reports/); `add FILE` puts a new report into the catalog.

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

from . import canonical
from .add import Refused, add_report
from .batch import imap_cached, map_cached
from .cache import fingerprint
from .catalog import CATALOG, ROOT, Entry, load_catalog
from .errors import SourceError
from .passes.glossary import GLOSSARY_PAGE, terms_for_dictionaries
from .passes.symbols import cited_by
from .model import Citation, ReportFacts
from .sitefiles import StagedUpdate
from .pipeline import Context, context_of, convert, converted_report, corpus_facts, document_key
from .writer.citation import citation_files
from .writer.conversion_report import conversion_report
from .writer.export import document_json
from .writer.glossary_page import glossary_markdown, where_used_pages
from .writer.hant import to_hant
from .writer.landing import write_site_pages
from .writer.markdown import document_metadata, write_markdown
from .writer.searchdict import write_search_dict

DOCS = ROOT / "docs"
REPORTS = ROOT / "reports"  # the conversion reports, for review beside docs/ (not in the site)
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
    """The files of one report: its page in both scripts, its data export and its citation
    downloads under docs/, its conversion report under reports/ (the source named as in the
    catalog's folder, so that the report reads the same in any checkout)."""
    entry, citing = report
    doc = converted_report(entry, context)
    doc.cited_by = citing
    page = write_markdown(doc)
    files = {f"zh-Hans/{entry.slug}.md": page, f"zh-Hant/{entry.slug}.md": to_hant(page)}
    for variant in VARIANTS:  # the report as data, published beside its page
        files[f"{variant}/{entry.slug}.json"] = document_json(doc, variant, entry.slug)
    files[f"reports/{entry.slug}.txt"] = conversion_report(doc, f"{entry.sources.name}/{entry.file}")
    files.update(citation_files(entry.slug, document_metadata(doc)))  # CSL-JSON, RIS, BibTeX
    return files


def build_docs(docs: Path = DOCS, catalog: Path = CATALOG, reports_dir: Path | None = None) -> None:
    """docs/ for the catalog; with `reports_dir`, the conversion reports there too."""
    entries = load_catalog(catalog)
    context = context_of(entries)
    docs.mkdir(parents=True, exist_ok=True)
    staging = Path(tempfile.mkdtemp(prefix=".build-", dir=docs))
    folders = {"": docs, **{variant: docs / variant for variant in VARIANTS}}
    if reports_dir is not None:
        folders["reports"] = reports_dir
    update = StagedUpdate(staging, folders)
    try:
        reports = corpus_facts(entries, context)
        citing = cited_by(reports)
        cited = [(entry, citing[entry.slug]) for entry in entries]
        # The site's address is in every report's exports (unmd.canonical).
        keys = [fingerprint(document_key(entry, context), repr(citing[entry.slug]), canonical.base_url())
                for entry in entries]
        for files in imap_cached("report-files", partial(report_files, context=context), cited, keys):
            for name, text in files.items():
                if reports_dir is not None or not name.startswith("reports/"):
                    update.write(name, text)
        glossary_pages = {GLOSSARY_PAGE: glossary_markdown(context.glossary, reports),
                          **where_used_pages(context.glossary, reports)}
        # A glossary page changes only when a term's uses do: its zh-Hant form is cached.
        hans = list(glossary_pages.values())
        hant = map_cached("hant-pages", to_hant, hans, [fingerprint(page) for page in hans])
        for name, page_hans, page_hant in zip(glossary_pages, hans, hant):
            update.write(f"zh-Hans/{name}", page_hans)
            update.write(f"zh-Hant/{name}", page_hant)
        write_site_pages(staging, [report_summary(entry, facts) for entry, facts in zip(entries, reports)])
        defined = [name for facts in reports for pair in facts.abbreviations.items() for name in pair]
        terms = terms_for_dictionaries(context.glossary) + defined
        write_search_dict(docs / "assets" / "search", terms)
        update.commit()
    finally:
        shutil.rmtree(staging, ignore_errors=True)


ADD_OPTIONS = {
    "symbol": "the document symbol (A/62/1; a joint one A/70/95-S/2015/446)",
    "date": "the document's date, YYYY-MM-DD",
    "title": "the title in Chinese",
    "kind": "what the document is, in English (Report of the Secretary-General)",
    "kind-zh": "what it is, in Chinese (秘书长的报告)",
    "organ": "the organ(s), in English (General Assembly, Security Council)",
    "title-en": "the title in English",
}


def cmd_add(args: argparse.Namespace) -> int:
    """The report into the catalog, docs/ and reports/ rebuilt, its conversion report printed.
    When the build fails the catalog and sources/ are left as they were."""
    catalog = Path(args.catalog)
    before = catalog.read_text(encoding="utf-8")
    options = {name.replace("-", "_"): getattr(args, name.replace("-", "_")) for name in ADD_OPTIONS}
    try:
        entry = add_report(Path(args.file), catalog, options)
    except Refused as exc:
        print(f"error: {args.file}: {exc}", file=sys.stderr)
        return 1
    try:
        build_docs(args.docs, catalog, args.reports)
    except BaseException:
        catalog.write_text(before, encoding="utf-8")
        (catalog.parent / entry["file"]).unlink()
        raise
    slug = entry["symbols"][0].replace("/", "-")
    print(f"added {'-'.join(entry['symbols'])} as {catalog.parent.name}/{entry['file']}: "
          f"docs/zh-Hans/{slug}.md, docs/zh-Hant/{slug}.md")
    sys.stdout.write((args.reports / f"{slug}.txt").read_text(encoding="utf-8"))
    return 0


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(prog="unmd")
    sub = parser.add_subparsers(dest="command", required=True)
    p_convert = sub.add_parser("convert", help="print the zh-Hans Markdown of one report text")
    p_convert.add_argument("file")
    p_convert.add_argument("--strict", action="store_true", help="fail on the first warning instead of converting best effort")
    p_build = sub.add_parser("build-docs", help="convert every catalogued report into docs/")
    p_build.add_argument("--catalog", type=Path, default=CATALOG, help="the catalog; its reports beside it")
    p_add = sub.add_parser("add", help="add a report text to the catalog, convert it, print its conversion report")
    p_add.add_argument("file")
    for name, what in ADD_OPTIONS.items():
        p_add.add_argument(f"--{name}", help=f"{what} (when the text does not say)")
    for p in (p_build, p_add):
        p.add_argument("--docs", type=Path, default=DOCS, help="where to write the Markdown")
        p.add_argument("--reports", type=Path, help="where to write the conversion reports (default: reports/ beside --docs)")
    p_add.add_argument("--catalog", type=Path, default=CATALOG, help="the catalog; its reports beside it")
    args = parser.parse_args(argv)
    if args.command != "convert" and args.reports is None:
        args.reports = args.docs.parent / "reports"
    try:
        if args.command == "convert":
            return cmd_convert(args)
        if args.command == "add":
            return cmd_add(args)
        build_docs(args.docs, args.catalog, args.reports)
        return 0
    except SourceError as exc:
        print(f"error: {exc}", file=sys.stderr)
        return 1


if __name__ == "__main__":
    sys.exit(main())
