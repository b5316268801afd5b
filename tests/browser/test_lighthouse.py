"""Lighthouse (unmd.lighthouse: the npm package pinned in package.json, in Debian's Chromium)
on the landing, glossary and report pages of both variants, over HTTP."""

from __future__ import annotations

import pytest

from unmd import lighthouse

VARIANTS = ("zh-Hans", "zh-Hant")
PAGES = ("index", "glossary", "S-2011-552")
MIN_ACCESSIBILITY = 0.98


@pytest.fixture(scope="module")
def reports(site_url) -> dict[str, lighthouse.Report]:
    """One Lighthouse run over every page checked here (one browser for all of them)."""
    paths = [f"{variant}/{name}.html" for variant in VARIANTS for name in PAGES]
    found = lighthouse.run([f"{site_url}/{path}" for path in paths], categories=("seo", "accessibility"))
    return dict(zip(paths, found, strict=True))


@pytest.mark.parametrize("variant", VARIANTS)
@pytest.mark.parametrize("name", PAGES)
def test_seo_and_accessibility_scores(reports, variant, name):
    report = reports[f"{variant}/{name}.html"]
    assert report.scores["seo"] == 1, report.failed()  # canonical, hreflang, crawlable links…
    assert report.scores["accessibility"] >= MIN_ACCESSIBILITY, report.failed()
