"""A site updated in place (unmd.sitefiles, overrides/hooks/site_update.py) ends as a build into an
empty folder would leave it, and leaves alone the files whose bytes did not change."""

from __future__ import annotations

import os
import subprocess
import sys
from pathlib import Path

import yaml

from unmd import sitefiles
from unmd.sitefiles import SiteUpdate

ROOT = Path(__file__).resolve().parents[1]


def files_of(folder: Path) -> dict[str, bytes]:
    return {p.relative_to(folder).as_posix(): p.read_bytes() for p in sorted(folder.rglob("*")) if p.is_file()}


def test_an_update_rewrites_what_changed_keeps_what_did_not_and_removes_what_no_build_wrote(tmp_path):
    site = tmp_path / "site"
    for name, text in {"same.html": "a", "changed.html": "b", "gone/old.html": "c", "other/x.html": "d",
                       ".hidden": "e", "spared/v.html": "f", "copied.css": "g"}.items():
        (site / name).parent.mkdir(parents=True, exist_ok=True)
        (site / name).write_text(text)
    (tmp_path / "theme.css").write_text("g")
    unchanged = os.stat(site / "same.html").st_mtime_ns
    os.utime(site / "same.html", ns=(unchanged - 10**9, unchanged - 10**9))
    update = SiteUpdate(site, spared=("spared",))
    update.write(site / "same.html", b"a")
    update.write(site / "changed.html", b"B")
    update.write(site / "new/page.html", b"n")
    update.copy(tmp_path / "theme.css", site / "copied.css")
    (site / "other" / "x.html").write_text("written by another writer")
    removed = update.finish()
    assert removed == [str(site / "gone" / "old.html")]
    assert files_of(site) == {".hidden": b"e", "changed.html": b"B", "copied.css": b"g", "new/page.html": b"n",
                              "other/x.html": b"written by another writer", "same.html": b"a", "spared/v.html": b"f"}
    assert os.stat(site / "same.html").st_mtime_ns == unchanged - 10**9, "an unchanged file was written again"
    assert not (site / "gone").exists(), "a folder the build left empty stays"


def test_outside_an_update_files_are_written_as_they_come(tmp_path):
    sitefiles.write(tmp_path / "a" / "b.txt", b"x")
    sitefiles.copy(tmp_path / "a" / "b.txt", tmp_path / "c" / "d.txt")
    assert files_of(tmp_path) == {"a/b.txt": b"x", "c/d.txt": b"x"}
    assert sitefiles.finish() == []


def mkdocs_build(root: Path, site: Path) -> None:
    command = [sys.executable, "-m", "mkdocs", "build", "--strict", "-f", str(root / "mkdocs.yml"), "-d", str(site)]
    result = subprocess.run(command, capture_output=True, text=True, env={**os.environ, "NO_MKDOCS_2_WARNING": "1"})
    assert result.returncode == 0, result.stderr


def test_a_rebuild_in_place_gives_the_files_of_a_clean_build_and_touches_no_unchanged_page(tmp_path):
    docs = tmp_path / "docs"
    docs.mkdir()
    pages = {"index.md": "# 首页\n\n[甲](a.md)\n", "a.md": "# 甲\n\n正文。\n", "b.md": "# 乙\n\n正文。\n"}
    for name, text in pages.items():
        (docs / name).write_text(text, encoding="utf-8")
    config = {"site_name": "t", "docs_dir": "docs", "use_directory_urls": False,
              "nav": ["index.md", "a.md", "b.md"], "hooks": [str(ROOT / "overrides" / "hooks" / "site_update.py")]}
    (tmp_path / "mkdocs.yml").write_text(yaml.safe_dump(config), encoding="utf-8")
    site = tmp_path / "site"
    mkdocs_build(tmp_path, site)
    (site / "stale.html").write_text("from an earlier build")
    theme_css = next(site.rglob("*.css"))
    before = os.stat(theme_css).st_mtime_ns
    os.utime(theme_css, ns=(before - 10**9, before - 10**9))
    (docs / "b.md").unlink()
    config["nav"] = ["index.md", "a.md"]
    (tmp_path / "mkdocs.yml").write_text(yaml.safe_dump(config), encoding="utf-8")
    mkdocs_build(tmp_path, site)
    mkdocs_build(tmp_path, tmp_path / "clean")
    assert files_of(site).keys() == files_of(tmp_path / "clean").keys()
    assert not (site / "b.html").exists() and not (site / "stale.html").exists()
    assert os.stat(theme_css).st_mtime_ns == before - 10**9, "an unchanged theme file was copied again"


def test_a_staged_update_changes_nothing_until_committed_then_only_what_changed(tmp_path):
    docs, reports, staging = tmp_path / "docs", tmp_path / "reports", tmp_path / "docs" / ".build"
    for path, text in {docs / "zh-Hans" / "a.md": "甲", docs / "zh-Hans" / "b.md": "乙", docs / "zh-Hans" / "old.md": "旧",
                       docs / "assets" / "x.js": "x", reports / "a.txt": "报告"}.items():
        path.parent.mkdir(parents=True, exist_ok=True)
        path.write_text(text, encoding="utf-8")
    staging.mkdir()
    same = docs / "zh-Hans" / "a.md"
    os.utime(same, ns=(10**18, 10**18))
    update = sitefiles.StagedUpdate(staging, {"": docs, "zh-Hans": docs / "zh-Hans", "reports": reports})
    update.write("zh-Hans/a.md", "甲")
    update.write("zh-Hans/b.md", "乙二")
    update.write("zh-Hans/glossary/c.md", "丙")
    update.write("reports/a.txt", "报告")
    update.write("index.md", "首页")
    before = {**files_of(docs), **files_of(reports)}
    assert before == {".build/index.md": "首页".encode(), ".build/zh-Hans/b.md": "乙二".encode(),
                      ".build/zh-Hans/glossary/c.md": "丙".encode(), "assets/x.js": b"x", "zh-Hans/a.md": "甲".encode(),
                      "zh-Hans/b.md": "乙".encode(), "zh-Hans/old.md": "旧".encode(), "a.txt": "报告".encode()}
    update.commit()
    assert files_of(docs) == {"assets/x.js": b"x", "index.md": "首页".encode(), "zh-Hans/a.md": "甲".encode(),
                              "zh-Hans/b.md": "乙二".encode(), "zh-Hans/glossary/c.md": "丙".encode()}
    assert files_of(reports) == {"a.txt": "报告".encode()}
    assert os.stat(same).st_mtime_ns == 10**18, "an unchanged file was written again"
