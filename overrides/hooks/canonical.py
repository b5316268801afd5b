"""MkDocs hook of all three builds: every page's permanent URL in each variant (unmd.canonical).

The page template writes them as hreflang links (absolute, with x-default), and the variant
switcher links to the same page in the other variant (relative, so that a copy of the site,
file:// included, stays in that copy; variant-switch.js only adds the #fragment).
"""

from __future__ import annotations

import logging
import sys
from pathlib import Path

from mkdocs.config.defaults import MkDocsConfig
from mkdocs.structure.pages import Page

sys.path.insert(0, str(Path(__file__).resolve().parents[2] / "scripts"))
from unmd import canonical  # noqa: E402

log = logging.getLogger("mkdocs.hooks.canonical")


def on_config(config: MkDocsConfig) -> MkDocsConfig:
    if config.site_url == canonical.PLACEHOLDER:  # the root build: said once, not per variant
        log.info("site_url is the placeholder %s: set the site's permanent address in mkdocs-base.yml",
                 canonical.PLACEHOLDER)
    return config


def on_page_context(context: dict, page: Page, config: MkDocsConfig, nav) -> dict:
    path = page.canonical_url[len(config.site_url):]  # the page's path in its variant's site
    urls = canonical.alternates(path)
    context["hreflang_urls"] = urls
    context["variant_links"] = {
        variant: canonical.relative_link(page.canonical_url, urls[variant]) for variant in canonical.VARIANTS
    }
    return context
