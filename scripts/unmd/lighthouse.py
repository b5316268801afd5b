"""Lighthouse (npm, pinned in package.json) on pages of the built site, in Debian's Chromium.

Shared by the tests (SEO and accessibility of the landing, report and glossary pages) and
scripts/bench (mobile performance of report pages). All URLs of one call go through one Node
process and one Chromium (lighthouse.mjs beside this file), which saves a browser start and
Lighthouse's own loading per page. Lighthouse needs HTTP: serve the site first.
"""

from __future__ import annotations

import json
import os
import subprocess
from dataclasses import dataclass
from pathlib import Path

ROOT = Path(__file__).resolve().parents[2]
RUNNER = Path(__file__).with_suffix(".mjs")
CHROMIUM = Path("/usr/bin/chromium")


@dataclass(frozen=True)
class Report:
    """What Lighthouse found on one page: category scores (0..1) and every audit by id
    (score, scoreDisplayMode as `mode`, title, numericValue as `value`, displayValue)."""

    url: str
    scores: dict[str, float]
    audits: dict[str, dict]

    def failed(self) -> list[str]:
        """The scored audits that did not pass, as 'id (score): title'."""
        return [
            f"{key} ({audit['score']}): {audit['title']}"
            for key, audit in self.audits.items()
            if audit["mode"] in ("binary", "numeric", "metricSavings") and audit["score"] is not None
            and audit["score"] < 1
        ]


def run(urls: list[str], categories: tuple[str, ...] = ("seo", "accessibility"),
        form_factor: str = "mobile", timeout: float = 600) -> list[Report]:
    """Lighthouse on each URL, in order. form_factor: "mobile" (Lighthouse's default: a
    throttled phone) or "desktop". Raises RuntimeError with Lighthouse's message on failure."""
    if form_factor not in ("mobile", "desktop"):
        raise ValueError(f"form_factor must be mobile or desktop, not {form_factor!r}")
    if not (ROOT / "node_modules" / "lighthouse").is_dir():
        raise RuntimeError("node_modules/lighthouse is missing: scripts/test installs it (npm ci)")
    arguments = {"urls": urls, "categories": list(categories), "formFactor": form_factor,
                 "chromePath": str(CHROMIUM)}
    result = subprocess.run(["node", str(RUNNER), json.dumps(arguments)], cwd=ROOT, capture_output=True,
                            text=True, timeout=timeout, env={**os.environ, "CHROME_PATH": str(CHROMIUM)})
    if result.returncode != 0:
        raise RuntimeError(f"lighthouse failed ({result.returncode}):\n{result.stderr}")
    return [Report(**json.loads(line)) for line in result.stdout.splitlines() if line.strip()]
