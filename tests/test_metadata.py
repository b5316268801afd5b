"""What the built pages tell search engines and reference managers, read back from the HTML:
rel=canonical and hreflang on every page, the switcher's links in the HTML, the sitemaps, and on
every report page the Highwire tags as Zotero's Embedded Metadata translator reads them (its
XPath over <head>), Dublin Core, schema.org JSON-LD and Open Graph as extruct extracts them."""

from __future__ import annotations

import json
import xml.etree.ElementTree as ET
from pathlib import Path

import extruct
import lxml.html
import pytest

from unmd import canonical
from unmd.catalog import load_catalog

SLUGS = [entry.slug for entry in load_catalog()]
VARIANTS = canonical.VARIANTS
UN = {"zh-Hans": "联合国", "zh-Hant": "聯合國"}
# Zotero's Embedded Metadata.js: HIGHWIRE_MAPPINGS (those a report has) and citation_pdf_url,
# citation_author, which it reads apart; citation_technical_report_institution makes it a report.
ZOTERO_HIGHWIRE = {
    "citation_title": "title", "citation_date": "date", "citation_technical_report_institution": "institution",
    "citation_technical_report_number": "number", "citation_publisher": "publisher",
    "citation_public_url": "url", "citation_language": "language",
}


def pages_of(site: Path) -> list[tuple[str, Path]]:
    """(variant or "" for the root, page) for every HTML page but the 404 page."""
    found = [("", site / "index.html")]
    for variant in VARIANTS:
        found += [(variant, p) for p in sorted((site / variant).glob("*.html")) if p.name != "404.html"]
    return found


def head(page: Path):
    return lxml.html.fromstring(page.read_bytes())


def zotero_highwire(tree) -> dict[str, list[str]]:
    """The citation_* tags as Zotero reads them: /html/head/meta[@name=…]/@content."""
    return {name: tree.xpath(f"/html/head/meta[@name='{name}']/@content")
            for name in [*ZOTERO_HIGHWIRE, "citation_pdf_url", "citation_author"]}


def test_every_page_names_its_permanent_url_and_the_same_page_in_each_variant(built_site):
    base = canonical.base_url()
    for variant, page in pages_of(built_site):
        path = page.relative_to(built_site).as_posix()
        tree = head(page)
        assert tree.xpath("/html/head/link[@rel='canonical']/@href") == [base + path], page
        links = {link.get("hreflang"): link.get("href") for link in tree.xpath("/html/head/link[@rel='alternate'][@hreflang]")}
        name = page.name
        expected = {v: canonical.page_url(v, name) for v in VARIANTS}
        expected["x-default"] = base + "index.html" if name == "index.html" else expected["zh-Hans"]
        assert links == expected, page
        for url in links.values():  # each names a page the site has
            assert (built_site / url.removeprefix(base)).is_file(), url
        if variant:  # the switcher's links, as written in the HTML: this page in each variant
            switcher = {a.get("hreflang"): a.get("href") for a in tree.xpath("//a[contains(@class, 'md-select__link')]")}
            assert {v: (page.parent / href).resolve() for v, href in switcher.items()} == {
                v: (built_site / v / name).resolve() for v in VARIANTS
            }, page


@pytest.mark.parametrize("variant", VARIANTS)
def test_sitemap_lists_the_permanent_urls(built_site, variant):
    loc = "{http://www.sitemaps.org/schemas/sitemap/0.9}loc"
    urls = [e.text for e in ET.parse(built_site / variant / "sitemap.xml").getroot().iter(loc)]
    assert f"{canonical.page_url(variant, SLUGS[0])}.html" in urls
    assert all(url.startswith(canonical.variant_root(variant)) for url in urls)


@pytest.mark.parametrize("variant", VARIANTS)
@pytest.mark.parametrize("slug", SLUGS)
def test_report_page_metadata_for_reference_managers(built_site, variant, slug):
    page = built_site / variant / f"{slug}.html"
    export = json.loads((built_site / variant / f"{slug}.json").read_text(encoding="utf-8"))
    meta, url = export["metadata"], canonical.page_url(variant, f"{slug}.html")
    html = page.read_text(encoding="utf-8")
    highwire = zotero_highwire(head(page))
    assert highwire == {
        "citation_title": [meta["title"]], "citation_date": [meta["date"].replace("-", "/")],
        "citation_technical_report_institution": [UN[variant]],
        "citation_technical_report_number": [meta["symbol"]], "citation_publisher": [UN[variant]],
        "citation_public_url": [url], "citation_language": [variant],
        "citation_pdf_url": [f"https://undocs.org/zh/{meta['symbols'][0]}"], "citation_author": [UN[variant]],
    }
    # Extracted from a file:// copy: every URL is still the site's.
    data = extruct.extract(html, base_url=page.as_uri(), syntaxes=["json-ld", "opengraph", "dublincore"], uniform=True)
    (report,) = data["json-ld"]
    assert report["@type"] == "Report" and report["name"] == meta["title"] and report["url"] == url
    assert report["reportNumber"] == meta["symbol"] and report["datePublished"] == meta["date"]
    assert report["inLanguage"] == variant and report["author"]["name"] == UN[variant]
    (og,) = data["opengraph"]
    assert og["@type"] == "article" and og["og:title"] == meta["title"] and og["og:url"] == url
    assert og["og:locale"] == {"zh-Hans": "zh_CN", "zh-Hant": "zh_TW"}[variant]
    (dc,) = data["dublincore"]
    elements = {}
    for element in dc["elements"]:
        if element["name"].startswith("DC."):
            elements.setdefault(element["name"], []).append(element["content"])
    assert elements["DC.title"] == [meta["title"]] and elements["DC.date"] == [meta["date"]]
    assert elements["DC.identifier"] == [meta["symbol"], url] and elements["DC.language"] == [variant]
    assert elements["DC.creator"] == [UN[variant]]
