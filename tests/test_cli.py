"""The command line as a person runs it: Markdown on stdout, one-line errors naming file and line.

Hostile and damaged reports (encodings, binary, injected markup, long lines) are in
test_hostile.py; this file covers the commands themselves.
"""

from __future__ import annotations

import os
import shutil
import subprocess
import sys
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]


def run_cli(*args: str, env: dict | None = None) -> subprocess.CompletedProcess:
    return subprocess.run(
        [sys.executable, "-m", "unmd.cli", *args],
        capture_output=True, text=True, env={**os.environ, "PYTHONPATH": str(ROOT / "scripts"), **(env or {})},
    )


def _assert_clean_failure(result, where, words):
    assert result.returncode != 0
    assert "Traceback" not in result.stderr
    lines = result.stderr.strip().splitlines()
    assert len(lines) == 1 and str(where) in lines[0] and words in lines[0], result.stderr
    assert result.stdout == ""


def test_convert_prints_markdown_of_a_file_outside_sources(tmp_path):
    source = tmp_path / "report.txt"
    source.write_bytes((ROOT / "sources" / "001_f3fbe8b98ac51b27.txt").read_bytes())
    result = run_cli("convert", str(source))
    assert result.returncode == 0
    assert "{: #para-62 .para }" in result.stdout


def test_missing_file(tmp_path):
    path = tmp_path / "absent.txt"
    _assert_clean_failure(run_cli("convert", str(path)), path, "cannot read")


def test_paragraph_number_out_of_sequence_converts_with_a_warning_and_fails_with_strict(tmp_path):
    path = tmp_path / "r.txt"
    path.write_text("一. 引言\n\n1. 第一段。\n\n2. 第二段。\n\n4. 第四段。\n", encoding="utf-8")
    result = run_cli("convert", str(path))
    assert result.returncode == 0 and "{: #para-3 .gap }" in result.stdout
    assert f"{path}:7: warning: paragraph number 4 out of sequence (expected 3)" in result.stderr
    _assert_clean_failure(run_cli("convert", "--strict", str(path)), f"{path}:7", "out of sequence")


def test_convert_prints_the_conversion_report_on_stderr(tmp_path):
    path = tmp_path / "r.txt"
    path.write_text("S/2099/1\n\n一. 引言\n\n1. 第一段。\n\n2. 第二段。\n", encoding="utf-8")
    result = run_cli("convert", str(path))
    assert result.returncode == 0 and 'symbols: ["S/2099/1"]' in result.stdout  # the masthead's symbol
    assert "S/2099/1" not in result.stdout.split("\n---\n", 1)[1]
    assert f"conversion report: {path}" in result.stderr and "  1: masthead: running symbol: S/2099/1" in result.stderr
    assert "  3: h2 chapter #ch-1 一. 引言" in result.stderr and "warnings (0):" in result.stderr


def test_build_docs_stops_on_a_source_that_is_no_report_and_leaves_docs_as_they_were(tmp_path):
    sources = tmp_path / "sources"
    shutil.copytree(ROOT / "sources", sources)
    damaged = sources / "000_ca9ac40d1b0e958f.txt"
    damaged.write_bytes(b"\x1f\x8b\x08\x00" + bytes(range(256)))  # a gzip header and binary
    docs = tmp_path / "docs"
    (docs / "zh-Hans").mkdir(parents=True)
    (docs / "zh-Hans" / "S-2011-552.md").write_text("the previous build\n", encoding="utf-8")

    result = run_cli(
        "build-docs", "--catalog", str(sources / "catalog.yml"), "--docs", str(docs),
        env={"UNMD_CACHE": str(tmp_path / "cache")},
    )
    assert result.returncode == 1 and "Traceback" not in result.stderr, result.stderr
    errors = [line for line in result.stderr.splitlines() if line.startswith("error:")]
    assert len(errors) == 1 and f"{damaged}:" in errors[0] and "binary" in errors[0], result.stderr
    assert sorted(p.relative_to(docs).as_posix() for p in docs.rglob("*")) == ["zh-Hans", "zh-Hans/S-2011-552.md"]
    assert (docs / "zh-Hans" / "S-2011-552.md").read_text(encoding="utf-8") == "the previous build\n"


def test_build_docs_elsewhere_writes_its_conversion_reports_beside_its_docs(tmp_path):
    """A build of another corpus (scripts/bench's) must not overwrite the repository's reports/."""
    sources = tmp_path / "sources"
    shutil.copytree(ROOT / "sources", sources)
    before = {p.name: p.stat().st_mtime_ns for p in (ROOT / "reports").glob("*.txt")}

    result = run_cli("build-docs", "--catalog", str(sources / "catalog.yml"), "--docs", str(tmp_path / "docs"),
                     env={"UNMD_CACHE": str(tmp_path / "cache")})
    assert result.returncode == 0, result.stderr
    assert sorted(p.name for p in (tmp_path / "reports").glob("*.txt")) == sorted(before)
    assert {p.name: p.stat().st_mtime_ns for p in (ROOT / "reports").glob("*.txt")} == before
