"""What a reader downloads from a built site: the largest page, the report pages, the glossary
pages, and Lighthouse's mobile performance score of report pages served gzip-compressed.

The bench's corpora are copies of the five reports in sources/; copy 0 of each keeps its own
slug (S-2011-552), so the five originals' pages are measured at every corpus size.
"""

from __future__ import annotations

import gzip
import http.server
import io
from pathlib import Path

from unmd.catalog import load_catalog

from .search_timing import serving

VARIANT = "zh-Hans"  # the zh-Hant pages are the same markup in the other script
GLOSSARY = "glossary.html"
WHERE_USED_DIR = "glossary"


def report_slugs() -> list[str]:
    return [entry.slug for entry in load_catalog()]


def page_sizes(site: Path) -> dict:
    """Sizes in bytes: the largest HTML page of the site (and which), each original report's
    page, the glossary page and the largest of the where-used pages (and how many there are)."""
    sizes = {str(path.relative_to(site)): path.stat().st_size for path in site.rglob("*.html")}
    largest = max(sizes, key=sizes.get)
    variant = site / VARIANT
    where_used = [path.stat().st_size for path in (variant / WHERE_USED_DIR).glob("*.html")]
    return {
        "largest_page": largest,
        "largest_page_bytes": sizes[largest],
        "report_page_bytes": {slug: (variant / f"{slug}.html").stat().st_size for slug in report_slugs()},
        "glossary_bytes": (variant / GLOSSARY).stat().st_size,
        "where_used_pages": len(where_used),
        "where_used_max_bytes": max(where_used, default=0),
    }


class GzipHandler(http.server.SimpleHTTPRequestHandler):
    """Serves the site as a web server configured for it would: gzip when the client takes it."""

    def log_message(self, format, *args):  # noqa: A002 - signature of the base class
        pass

    def send_head(self):
        path = Path(self.translate_path(self.path))
        if path.is_dir():
            path = path / "index.html"
        if not path.is_file() or "gzip" not in self.headers.get("Accept-Encoding", ""):
            return super().send_head()
        body = gzip.compress(path.read_bytes(), compresslevel=6)
        self.send_response(200)
        self.send_header("Content-Type", self.guess_type(str(path)))
        self.send_header("Content-Encoding", "gzip")
        self.send_header("Content-Length", str(len(body)))
        self.end_headers()
        return io.BytesIO(body)


def mobile_performance(site: Path) -> dict[str, dict]:
    """Lighthouse (mobile, simulated slow phone) on each original report's page: the
    performance score, total blocking time and largest contentful paint (ms)."""
    from unmd import lighthouse

    slugs = report_slugs()
    with serving(site, GzipHandler) as base:
        reports = lighthouse.run([f"{base}/{VARIANT}/{slug}.html" for slug in slugs], categories=("performance",))
    return {
        slug: {
            "score": report.scores["performance"],
            "tbt_ms": round(report.audits["total-blocking-time"]["value"]),
            "lcp_ms": round(report.audits["largest-contentful-paint"]["value"]),
        }
        for slug, report in zip(slugs, reports)
    }
