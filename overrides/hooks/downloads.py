"""MkDocs hook of the variant builds: publish each report's Markdown beside its page.

A report page S-2011-552.html offers its source, S-2011-552.md, as a download (with the JSON
export S-2011-552.json that build-docs writes into docs/ and MkDocs copies as a static file).
MkDocs renders Markdown files instead of copying them, so this hook copies the source of every
page that has a document symbol into the built site, at the same relative path.
"""

from __future__ import annotations

import sys
from pathlib import Path

from mkdocs.config.defaults import MkDocsConfig
from mkdocs.structure.pages import Page

sys.path.insert(0, str(Path(__file__).resolve().parents[2] / "scripts"))
from unmd import sitefiles  # noqa: E402


def on_post_page(output: str, page: Page, config: MkDocsConfig) -> str:
    if page.meta.get("symbols"):
        sitefiles.copy(page.file.abs_src_path, Path(config.site_dir) / page.file.src_uri)
    return output
