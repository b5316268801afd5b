"""MkDocs hook of the variant builds: a report page's citations, rendered from its CSL-JSON record.

build-docs writes one record per report and variant beside the page (S-2011-552.csl.json,
unmd.writer.citation); this hook renders it with citeproc-py into the page's metadata, for the
report header (each style, the paragraph citation, the BibTeX entry) and the reference-manager tags in <head>
(partials/report-metadata.html). The consultation date is the build's (SOURCE_DATE_EPOCH).
"""

from __future__ import annotations

import json
import sys
from pathlib import Path

from mkdocs.config.defaults import MkDocsConfig
from mkdocs.structure.files import Files
from mkdocs.structure.pages import Page
from mkdocs.utils import get_build_datetime

sys.path.insert(0, str(Path(__file__).resolve().parents[2] / "scripts"))
from unmd.writer.citation import page_citations  # noqa: E402


def on_page_markdown(markdown: str, page: Page, config: MkDocsConfig, files: Files) -> str:
    if page.meta.get("symbols"):
        source = Path(page.file.abs_src_path).with_suffix(".csl.json")
        record = json.loads(source.read_text(encoding="utf-8"))[0]
        variant = record["language"]
        built = get_build_datetime().strftime("%Y-%m-%d")
        page.meta["csl"] = record
        page.meta["citations"], page.meta["cite_paragraph"] = page_citations(record, variant, built)
        page.meta["bibtex"] = source.with_name(f"{page.file.name}.bib").read_text(encoding="utf-8")
    return markdown
