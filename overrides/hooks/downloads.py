"""MkDocs hook of the variant builds: publish each report's Markdown beside its page.

A report page S-2011-552.html offers its source, S-2011-552.md, as a download (with the JSON
export S-2011-552.json that build-docs writes into docs/ and MkDocs copies as a static file).
MkDocs renders Markdown files instead of copying them, so this hook copies the source of every
page that has a document symbol into the built site, at the same relative path.
"""

from __future__ import annotations

import shutil
from pathlib import Path

from mkdocs.config.defaults import MkDocsConfig
from mkdocs.structure.pages import Page


def on_post_page(output: str, page: Page, config: MkDocsConfig) -> str:
    if page.meta.get("symbols"):
        target = Path(config.site_dir) / page.file.src_uri
        target.parent.mkdir(parents=True, exist_ok=True)
        shutil.copyfile(page.file.abs_src_path, target)
    return output
