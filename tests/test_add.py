"""`scripts/add FILE` in a copy of the repository, on reports outside the catalog (issue 13,
item 4): what the text says is inferred, what it does not is asked for by option, nothing is
written on a refusal, and the report lands in the catalog, sources/, docs/ and reports/."""

from __future__ import annotations

import os
import shutil
import subprocess
import sys
from pathlib import Path

import pytest
import yaml

ROOT = Path(__file__).resolve().parents[1]
FIXTURES = ROOT / "tests" / "fixtures" / "mastheads"


@pytest.fixture
def repo(tmp_path) -> Path:
    """What the build reads and writes, copied: the converter, its data, sources/, docs/, the
    site's address."""
    copy = tmp_path / "repo"
    for name in ("scripts", "data", "sources", "docs", "reports"):
        shutil.copytree(ROOT / name, copy / name, ignore=shutil.ignore_patterns("__pycache__"))
    shutil.copy(ROOT / "mkdocs-base.yml", copy)  # the site's address, in every export (unmd.canonical)
    return copy


def run_add(repo: Path, *args: str) -> subprocess.CompletedProcess:
    env = {**os.environ, "PYTHONPATH": str(repo / "scripts"), "UNMD_CACHE": str(repo / ".cache")}
    return subprocess.run([sys.executable, "-m", "unmd.cli", "add", *args], capture_output=True, text=True,
                          env=env, cwd=repo, timeout=600)


def test_a_working_paper_is_added_with_what_its_masthead_says(repo):
    before = (repo / "sources" / "catalog.yml").read_text(encoding="utf-8")
    result = run_add(repo, str(FIXTURES / "working-paper.txt"), "--kind-zh", "秘书处编写的工作文件")
    assert result.returncode == 0, result.stderr
    catalog = (repo / "sources" / "catalog.yml").read_text(encoding="utf-8")
    assert catalog.startswith(before)  # appended: the comments and the other entries as they were
    entry = yaml.safe_load(catalog)["reports"][-1]
    assert entry["symbols"] == ["A/AC.105/C.1/L.292"] and str(entry["date"]) == "2007-04-10"
    assert (entry["title_zh"], entry["kind"], entry["organ"]) == (
        "空间碎片减缓做法的汇编", "Working paper prepared by the Secretariat", "General Assembly")
    assert (repo / "sources" / entry["file"]).read_bytes() == (FIXTURES / "working-paper.txt").read_bytes()
    slug = "A-AC.105-C.1-L.292"
    for page in (f"docs/zh-Hans/{slug}.md", f"docs/zh-Hant/{slug}.md", f"reports/{slug}.txt"):
        assert (repo / page).is_file(), page
    assert f"conversion report: sources/{entry['file']}" in result.stdout
    assert "warning: paragraph number 8 out of sequence" in result.stdout


def test_what_the_text_does_not_say_is_asked_for_and_nothing_is_written(repo):
    before = sorted(p.name for p in (repo / "sources").iterdir())
    catalog = (repo / "sources" / "catalog.yml").read_text(encoding="utf-8")
    note = str(FIXTURES / "un-note.txt")
    result = run_add(repo, note)
    assert result.returncode == 1 and "Traceback" not in result.stderr
    assert result.stderr.strip() == f"error: {note}: cannot tell from the text, give --symbol A/62/1 and --date 2007-04-10"
    assert sorted(p.name for p in (repo / "sources").iterdir()) == before
    assert (repo / "sources" / "catalog.yml").read_text(encoding="utf-8") == catalog

    result = run_add(repo, note, "--symbol", "A/62/999", "--date", "2007-12-01")
    assert result.returncode == 0, result.stderr
    assert "title: 联合国与区域组织在维持国际和平与安全方面的合作" in result.stdout
    assert (repo / "docs" / "zh-Hans" / "A-62-999.md").is_file()

    again = run_add(repo, note, "--symbol", "A/62/999", "--date", "2007-12-01")
    assert again.returncode == 1 and "A/62/999 is in the catalog already" in again.stderr
