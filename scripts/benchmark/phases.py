"""Where a cold full build spends its time: `python -m benchmark.phases SITE_ROOT` prints JSON.

SITE_ROOT is a site the bench has built (sources/, docs/, the MkDocs configs). The conversion
phases run here one after another, in one process and without the build cache; each variant's
MkDocs build then runs in a process of its own, with Markdown rendering and search indexing
timed inside it. The sum is therefore a serial build, not the wall time of the parallel one.
"""

from __future__ import annotations

import functools
import json
import os
import subprocess
import sys
import tempfile
import time
from collections import defaultdict
from pathlib import Path

VARIANTS = ("zh-Hans", "zh-Hant")


class Clock:
    def __init__(self):
        self.seconds: dict[str, float] = defaultdict(float)

    def timed(self, phase: str, function):
        @functools.wraps(function)
        def wrapper(*args, **kwargs):
            start = time.perf_counter()
            try:
                return function(*args, **kwargs)
            finally:
                self.seconds[phase] += time.perf_counter() - start
        return wrapper


def conversion_phases(root: Path) -> dict[str, float]:
    from unmd.catalog import load_catalog
    from unmd.cli import report_summary
    from unmd.passes.glossary import terms_for_dictionaries
    from unmd.passes.symbols import cited_by
    from unmd.pipeline import context_of, link_report, read_report, report_facts
    from unmd.writer.export import document_json
    from unmd.writer.glossary_page import glossary_markdown
    from unmd.writer.hant import to_hant
    from unmd.writer.landing import variant_landing_markdown
    from unmd.writer.searchdict import write_search_dict
    from unmd.writer.markdown import write_markdown

    clock = Clock()
    entries = load_catalog(root / "sources" / "catalog.yml")
    docs = [clock.timed("read", read_report)(entry.path, entry) for entry in entries]
    context = clock.timed("passes", context_of)(entries)
    for doc in docs:
        clock.timed("passes", link_report)(doc, context)
    reports = [clock.timed("passes", report_facts)(entry.slug, doc) for entry, doc in zip(entries, docs)]
    citing = clock.timed("passes", cited_by)(reports)
    for entry, doc in zip(entries, docs):
        doc.cited_by = citing[entry.slug]
    pages = [clock.timed("write", write_markdown)(doc) for doc in docs]
    for doc in docs:
        clock.timed("write", document_json)(doc, "zh-Hans")
    glossary = clock.timed("write", glossary_markdown)(context.glossary, reports)
    landing = clock.timed("write", variant_landing_markdown)([report_summary(e, r) for e, r in zip(entries, reports)])
    for text in [*pages, glossary, landing]:
        clock.timed("OpenCC (pages)", to_hant)(text)
    for doc in docs:
        clock.timed("OpenCC (pages)", document_json)(doc, "zh-Hant")
    with tempfile.TemporaryDirectory() as out:
        clock.timed("search dictionary", write_search_dict)(Path(out), terms_for_dictionaries(context.glossary))
    return dict(clock.seconds)


def mkdocs_phases(root: Path, variant: str) -> dict[str, float]:
    """One variant's MkDocs build, with page rendering and search indexing timed apart."""
    from mkdocs.commands.build import build
    from mkdocs.config import load_config
    from mkdocs.structure.pages import Page

    clock = Clock()
    with tempfile.TemporaryDirectory() as site:
        start = time.perf_counter()
        config = load_config(config_file=str(root / f"mkdocs-{variant}.yml"), site_dir=site, strict=True)
        search_hook = sys.modules["overrides/hooks/paragraph_search.py"]
        index = search_hook.ParagraphSearchIndex
        index.add_entry_from_context = clock.timed("search indexing", index.add_entry_from_context)
        index.generate_search_index = clock.timed("search indexing", index.generate_search_index)
        Page.render = clock.timed("MkDocs Markdown -> HTML", Page.render)
        build(config)
        total = time.perf_counter() - start
    return {
        **clock.seconds,
        "MkDocs rest (config, nav, templates, files)": total - sum(clock.seconds.values()),
    }


def main(argv: list[str]) -> int:
    root = Path(argv[0])
    with tempfile.TemporaryDirectory() as cache:
        os.environ["UNMD_CACHE"] = cache  # cold: nothing from an earlier build
        if len(argv) > 1:  # one variant's MkDocs build, in its own process
            print(json.dumps(mkdocs_phases(root, argv[1])))
            return 0
        result = conversion_phases(root)
        for variant in VARIANTS:
            out = subprocess.run([sys.executable, "-m", "benchmark.phases", str(root), variant],
                                 cwd=root, capture_output=True, text=True, check=True).stdout
            for phase, seconds in json.loads(out.strip().splitlines()[-1]).items():
                result[f"{phase} [{variant}]"] = seconds
    print(json.dumps(result))
    return 0


if __name__ == "__main__":
    sys.exit(main(sys.argv[1:]))
