"""The site's permanent address: site_url in mkdocs-base.yml, the one place it is set.

Every citation, rel=canonical and hreflang link, both variants' sitemaps and the JSON exports
name pages by it, so a citation copied from a USB copy (file://) or a mirror names the site.
The root build has it as its site_url, each variant build as its site_url plus `zh-Hans/` or
`zh-Hant/` (overrides/hooks/variant_builds.py). The default is a placeholder (PLACEHOLDER).
"""

from __future__ import annotations

import posixpath
from functools import cache

from mkdocs.utils.yaml import yaml_load

from .catalog import ROOT

BASE_CONFIG = ROOT / "mkdocs-base.yml"
PLACEHOLDER = "https://example.org/un-reports/"
VARIANTS = ("zh-Hans", "zh-Hant")


@cache
def base_url() -> str:
    """The site's root URL, ending in a slash (mkdocs-base.yml's site_url, !ENV allowed)."""
    with BASE_CONFIG.open(encoding="utf-8") as file:
        url = yaml_load(file).get("site_url")
    if not url or not url.startswith(("https://", "http://")):
        raise ValueError(f"{BASE_CONFIG}: site_url must be an absolute http(s) URL, not {url!r}")
    return url if url.endswith("/") else url + "/"


def variant_root(variant: str) -> str:
    """The root URL of one variant's site."""
    if variant not in VARIANTS:
        raise ValueError(f"unknown variant {variant!r}")
    return f"{base_url()}{variant}/"


def page_url(variant: str, path: str) -> str:
    """The permanent URL of a page of a variant, by its path in that site (S-2011-552.html)."""
    return variant_root(variant) + path


def alternates(path: str) -> dict[str, str]:
    """hreflang -> permanent URL of the same page in each variant (both variants have the same
    pages), plus x-default: the bilingual root page for the landing pages, zh-Hans otherwise
    (the script the UN publishes)."""
    urls = {variant: page_url(variant, path) for variant in VARIANTS}
    urls["x-default"] = base_url() + "index.html" if path == "index.html" else urls["zh-Hans"]
    return urls


def relative_link(from_url: str, to_url: str) -> str:
    """A link from one page of the site to another that also works in a copy (file://, mirror)."""
    base = base_url()
    if not (from_url.startswith(base) and to_url.startswith(base)):
        raise ValueError(f"{from_url} or {to_url} is not under {base}")
    start = posixpath.dirname(from_url[len(base):])
    return posixpath.relpath(to_url[len(base):], start or ".")
