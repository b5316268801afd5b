"""The conversion pipeline, as pandoc has it: read -> passes over the model -> write.

Per report, the reader builds the `Document`; then the passes resolve footnote marks, link
UN document symbols, mark the short forms the report defines and link glossary terms, in
that order (a symbol is never read as a term; a defined short form is shown as such rather
than as a glossary link). Across the corpus, the steps that need every report (who cites
each report, the glossary's where-used lists, the landing pages) read each report's
`ReportFacts`, which the build cache keeps apart from its `Document`.
"""

from __future__ import annotations

import sys
from dataclasses import dataclass
from functools import cached_property, partial
from pathlib import Path

from .batch import cached, map_cached
from .cache import fingerprint
from .catalog import Entry
from .model import Block, Document, Footnote, ReportFacts, place_labels
from .passes.abbreviations import extract_abbreviations, mark_abbreviations
from .passes.footnotes import resolve_footnotes
from .passes.glossary import Glossary, link_terms, load_glossary, term_places
from .passes.symbols import citations, corpus_index_of, link_symbols
from .reader import read_file


@dataclass(frozen=True)
class Context:
    """What the passes know beyond the report at hand."""

    corpus_index: dict[str, str]  # symbol -> slug of its page in the site
    glossary: Glossary

    @cached_property
    def fingerprint(self) -> str:
        """What the passes know of the corpus and the glossary (hashed once, not per report)."""
        glossary = self.glossary
        return fingerprint(repr(sorted(self.corpus_index.items())), repr(glossary.terms), repr(glossary.not_terms),
                           repr(glossary.longer_names))


def context_of(entries: list[Entry], glossary: Glossary | None = None) -> Context:
    """The context for the catalogued corpus: its symbols are known without reading a report."""
    index = corpus_index_of((e.slug, e.symbols) for e in entries)
    return Context(index, glossary or load_glossary())


def read_report(path: str | Path, entry: Entry | None = None) -> Document:
    """The document as the source gives it, with the catalog's metadata and its footnotes."""
    doc = read_file(path, title=entry.title_zh if entry else None)
    if entry is not None:
        meta = doc.meta
        meta.symbols = list(entry.symbols)
        meta.date, meta.kind, meta.kind_zh = entry.date, entry.kind, entry.kind_zh
        meta.title, meta.title_en = entry.title_zh, entry.title_en
    return resolve_footnotes(doc)


def link_report(doc: Document, context: Context) -> Document:
    """The cross-link passes: document symbols, the report's own abbreviations, glossary terms."""
    link_symbols(doc, context.corpus_index)
    known, synonyms = context.glossary.names, context.glossary.synonyms
    doc.abbreviations = extract_abbreviations(doc, known=known, synonyms=synonyms)
    mark_abbreviations(doc, doc.abbreviations, known=known, synonyms=synonyms)
    link_terms(doc, context.glossary)
    return doc


def convert(path: str | Path, entry: Entry | None = None, context: Context | None = None) -> Document:
    """One report through every per-report stage (a file outside the catalog gets no metadata)."""
    doc = read_report(path, entry)
    return link_report(doc, context) if context is not None else doc


def document_key(entry: Entry, context: Context) -> str:
    """Everything a converted report depends on besides the converter's code: its text, its
    catalog entry, and what the passes know of the corpus and the glossary."""
    return fingerprint(entry.path.read_bytes(), repr(entry), context.fingerprint)


def converted_report(entry: Entry, context: Context) -> Document:
    """One catalogued report through every per-report stage, from the build cache when its
    inputs are unchanged."""
    return cached("documents", document_key(entry, context), lambda: convert(entry.path, entry, context))


def report_facts(slug: str, doc: Document) -> ReportFacts:
    """What the corpus-wide steps need of the converted report (see ReportFacts)."""
    labels = place_labels(doc)

    def place(block: Block | Footnote) -> tuple[str, str]:
        return block.id, labels.get(block.id, block.id)

    return ReportFacts(
        slug=slug, symbols=list(doc.meta.symbols), title=doc.meta.title, paragraphs=len(doc.numbered()),
        citations=[(symbol, *place(block)) for symbol, block in citations(doc)],
        term_places={term: [place(block) for block in blocks] for term, blocks in term_places(doc).items()},
        abbreviations=dict(doc.abbreviations), warnings=list(doc.warnings),
    )


def _facts_of(entry: Entry, context: Context) -> ReportFacts:
    return report_facts(entry.slug, converted_report(entry, context))


def corpus_facts(entries: list[Entry], context: Context) -> list[ReportFacts]:
    """The facts of every catalogued report. An unchanged report's come from the build cache
    (its Document is not even read); the others are converted, in parallel when there are many
    (unmd.batch), and their Documents cached for their pages. Every report's warnings are
    printed, from the cache or not, in catalog order."""
    keys = [document_key(entry, context) for entry in entries]
    facts = map_cached("report-facts", partial(_facts_of, context=context), entries, keys)
    for entry, report in zip(entries, facts):
        for warning in report.warnings:
            print(warning.at(str(entry.path)), file=sys.stderr)
    return facts
