"""The committed docs/ is the converter's golden output: a test fails when it is stale."""

from __future__ import annotations

from pathlib import Path

from unmd.cli import DOCS, REPORTS, build_docs


def committed_files(root: Path) -> dict[str, bytes]:
    """The pages and data exports under root (the search dictionaries are not committed)."""
    return {
        str(p.relative_to(root)): p.read_bytes()
        for pattern in ("*.md", "*.json")
        for p in root.rglob(pattern)
        if "assets" not in p.relative_to(root).parts
    }


def test_docs_are_up_to_date(tmp_path):
    build_docs(tmp_path, reports_dir=tmp_path / "conversion-reports")
    reports = {p.name: p.read_bytes() for p in (tmp_path / "conversion-reports").glob("*.txt")}
    assert reports and reports == {p.name: p.read_bytes() for p in REPORTS.glob("*.txt")}, "reports/ is stale"
    generated, committed = committed_files(tmp_path), committed_files(DOCS)
    assert any(name.endswith(".json") for name in generated), "no data exports generated"
    stale = sorted(name for name in generated.keys() | committed.keys() if generated.get(name) != committed.get(name))
    assert not stale, f"docs/ is stale, run scripts/build: {stale}"


def test_every_report_has_both_variants_with_identical_ids():
    import re

    for page in (DOCS / "zh-Hans").glob("*-*.md"):
        hant = DOCS / "zh-Hant" / page.name
        ids = lambda p: re.findall(r"#([\w:-]+)", Path(p).read_text(encoding="utf-8"))  # noqa: E731
        assert ids(page) == ids(hant)
