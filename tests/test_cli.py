"""scripts/convert as a person runs it: Markdown on stdout, one-line errors naming file and line."""

from __future__ import annotations

import subprocess
import sys
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]


def run_convert(path: Path) -> subprocess.CompletedProcess:
    return subprocess.run(
        [sys.executable, "-m", "unmd.cli", "convert", str(path)],
        capture_output=True, text=True, env={"PYTHONPATH": str(ROOT / "scripts")},
    )


def test_convert_prints_markdown_of_a_file_outside_sources(tmp_path):
    source = tmp_path / "report.txt"
    source.write_bytes((ROOT / "sources" / "001_f3fbe8b98ac51b27.txt").read_bytes())
    result = run_convert(source)
    assert result.returncode == 0
    assert "{: #para-62 .para }" in result.stdout


def _assert_clean_failure(result, path, words):
    assert result.returncode != 0
    assert "Traceback" not in result.stderr
    lines = result.stderr.strip().splitlines()
    assert len(lines) == 1 and str(path) in lines[0] and words in lines[0]
    assert result.stdout == ""


def test_empty_file_is_a_clear_error(tmp_path):
    path = tmp_path / "empty.txt"
    path.write_text("")
    _assert_clean_failure(run_convert(path), path, "empty")


def test_binary_file_is_a_clear_error(tmp_path):
    path = tmp_path / "binary.txt"
    path.write_bytes(bytes(range(256)) * 10)
    _assert_clean_failure(run_convert(path), path, "binary")


def test_footnote_reference_without_definition(tmp_path):
    path = tmp_path / "r.txt"
    path.write_text("一. 引言\n\n1. 第一段。¹\n\n2. 第二段。\n", encoding="utf-8")
    _assert_clean_failure(run_convert(path), f"{path}:3", "no definition")


def test_paragraph_number_out_of_sequence(tmp_path):
    path = tmp_path / "r.txt"
    path.write_text("一. 引言\n\n1. 第一段。\n\n2. 第二段。\n\n4. 第四段。\n", encoding="utf-8")
    _assert_clean_failure(run_convert(path), f"{path}:7", "out of sequence")


def test_duplicated_paragraph_number(tmp_path):
    path = tmp_path / "r.txt"
    path.write_text("一. 引言\n\n1. 第一段。\n\n2. 第二段。\n\n2. 又一段。\n", encoding="utf-8")
    _assert_clean_failure(run_convert(path), f"{path}:7", "repeated")


def test_encodings_give_identical_markdown(tmp_path):
    original = (ROOT / "sources" / "000_ca9ac40d1b0e958f.txt").read_text(encoding="utf-8")
    variants = {
        "utf8.txt": original.encode("utf-8"),
        "bom-crlf.txt": b"\xef\xbb\xbf" + original.replace("\n", "\r\n").encode("utf-8"),
        "utf16.txt": original.encode("utf-16"),
        "gb18030.txt": original.encode("gb18030"),
        "cr.txt": original.replace("\n", "\r").encode("utf-8"),
    }
    outputs = set()
    for name, data in variants.items():
        path = tmp_path / name
        path.write_bytes(data)
        result = run_convert(path)
        assert result.returncode == 0, result.stderr
        outputs.add(result.stdout)
    assert len(outputs) == 1


def test_source_markup_is_escaped(tmp_path):
    path = tmp_path / "r.txt"
    path.write_text(
        "一. 引言\n\n1. 文本<script>alert(1)</script>与<img src=x onerror=alert(1)>和 [链接](javascript:x) # 不是标题。\n",
        encoding="utf-8",
    )
    result = run_convert(path)
    assert result.returncode == 0
    assert "<script>" not in result.stdout and "<img" not in result.stdout
    assert "&lt;script&gt;" in result.stdout and "\\[链接\\]" in result.stdout
