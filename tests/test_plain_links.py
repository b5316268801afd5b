"""The fast paths of rendering (overrides/hooks/plain_links.py, table_blocks.py) render exactly
what Python-Markdown does."""

from __future__ import annotations

from pathlib import Path

import pytest
from mkdocs.config import load_config
from mkdocs.structure.files import get_files
from mkdocs.structure.pages import Page

ROOT = Path(__file__).resolve().parents[1]
FAST_PATHS = {"PlainLinks", "TableBlocks"}


def rendered_pages(variant: str, fast_path: bool) -> dict[str, str]:
    """Every page of the variant as the site renders it (its hooks' extensions included), with
    the fast paths or without them."""
    config = load_config(config_file=str(ROOT / f"mkdocs-{variant}.yml"))
    config = config.plugins.on_config(config)
    fast = [e for e in config.markdown_extensions if type(e).__name__ in FAST_PATHS]
    assert len(fast) == len(FAST_PATHS), "the variant config no longer runs the fast paths' hooks"
    if not fast_path:
        for extension in fast:
            config.markdown_extensions.remove(extension)
    files = get_files(config)
    pages = {}
    for file in files.documentation_pages():
        page = Page(None, file, config)
        page.read_source(config)
        Page.render(page, config, files)
        pages[file.src_uri] = page.content
    return pages


@pytest.mark.parametrize("variant", ["zh-Hans", "zh-Hant"])
def test_the_fast_path_renders_every_page_as_python_markdown_does(variant, monkeypatch):
    monkeypatch.chdir(ROOT)  # the configs name docs_dir relative to the repository
    fast = rendered_pages(variant, fast_path=True)
    assert sum(page.count('class="glossary-link"') for page in fast.values()) > 100
    assert sum(page.count("<table>") for page in fast.values()) >= 5
    assert fast == rendered_pages(variant, fast_path=False)
