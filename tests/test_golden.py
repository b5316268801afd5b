"""The committed docs/ is the converter's golden output: a test fails when it is stale."""

from __future__ import annotations

from pathlib import Path

from unmd.cli import DOCS, build_docs


def test_docs_are_up_to_date(tmp_path):
    build_docs(tmp_path)
    generated = sorted(p.relative_to(tmp_path) for p in tmp_path.rglob("*.md"))
    assert generated, "no pages generated"
    stale = [str(p) for p in generated if (DOCS / p).read_text(encoding="utf-8") != (tmp_path / p).read_text(encoding="utf-8")]
    assert not stale, f"docs/ is stale, run scripts/build: {stale}"


def test_every_report_has_both_variants_with_identical_ids():
    import re

    for page in (DOCS / "zh-Hans").glob("*-*.md"):
        hant = DOCS / "zh-Hant" / page.name
        ids = lambda p: re.findall(r"#([\w:-]+)", Path(p).read_text(encoding="utf-8"))  # noqa: E731
        assert ids(page) == ids(hant)
