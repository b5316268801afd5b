"""Two builds of the same sources are byte for byte the same: docs/ and site/ (issue 7).

Each build is a fresh project folder (the MkDocs configs and overrides/ copied, docs/ written
by build-docs from sources/) with its own empty build cache and its own PYTHONHASHSEED, so
nothing is shared between them and an order that follows string hashing (a set, a dict
filled from one) shows as a difference. MkDocs stamps the build date (from SOURCE_DATE_EPOCH
when set): the two builds are given different dates on purpose, and that date is the one
thing normalised before comparing (the build and accessed dates the report pages show, the
gzip header of sitemap.xml.gz, and sitemap lastmod dates should a site_url ever list pages).
"""

from __future__ import annotations

import difflib
import gzip
import os
import shutil
import subprocess
import sys
from concurrent.futures import ThreadPoolExecutor
from datetime import datetime, timezone
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parents[1]
BUILDS = {"a": (1, 86_400), "b": (2, 946_684_800)}  # name: (hash seed, build timestamp)


def build_date(timestamp: int) -> bytes:
    return datetime.fromtimestamp(timestamp, tz=timezone.utc).strftime("%Y-%m-%d").encode()


def run(command: list[str], cwd: Path, env: dict) -> None:
    result = subprocess.run(command, cwd=cwd, env=env, capture_output=True, text=True)
    assert result.returncode == 0, f"{' '.join(command)} failed:\n{result.stdout}\n{result.stderr}"


def build(project: Path, seed: int, timestamp: int) -> Path:
    """build-docs then `mkdocs build --strict`, as scripts/build does, into a project folder."""
    for config in ROOT.glob("mkdocs*.yml"):
        shutil.copy(config, project)
    shutil.copytree(ROOT / "overrides", project / "overrides", ignore=shutil.ignore_patterns("__pycache__"))
    env = {
        **os.environ, "PYTHONPATH": str(ROOT / "scripts"), "PYTHONHASHSEED": str(seed),
        "UNMD_CACHE": str(project / "cache"), "SOURCE_DATE_EPOCH": str(timestamp),
        "NO_MKDOCS_2_WARNING": "1",
    }
    run([sys.executable, "-m", "unmd.cli", "build-docs", "--docs", str(project / "docs")], ROOT, env)
    run([sys.executable, "-m", "mkdocs", "build", "--strict", "--quiet", "--site-dir", str(project / "site")], project, env)
    return project


def tree(folder: Path, timestamp: int | None = None) -> dict[str, bytes]:
    """Every file under `folder` by relative path; given the build's timestamp, with the date
    MkDocs stamped replaced by a placeholder (gzip files compared by their content)."""
    files = {}
    for path in sorted(folder.rglob("*")):
        if path.is_file():
            data = path.read_bytes()
            if timestamp is not None:
                data = gzip.decompress(data) if path.suffix == ".gz" else data
                data = data.replace(build_date(timestamp), b"BUILD-DATE")
            files[path.relative_to(folder).as_posix()] = data
    return files


def assert_same_trees(a: dict[str, bytes], b: dict[str, bytes]) -> None:
    assert sorted(a) == sorted(b)
    different = [name for name in a if a[name] != b[name]]
    if different:
        first = different[0]
        diff = difflib.unified_diff(
            a[first].decode("utf-8", "replace").splitlines(), b[first].decode("utf-8", "replace").splitlines(),
            lineterm="", n=1,
        )
        pytest.fail(f"{len(different)} files differ: {different[:10]}\n{first}:\n" + "\n".join(list(diff)[:40]))


@pytest.fixture(scope="module")
def builds(tmp_path_factory) -> dict[str, Path]:
    """The two builds, side by side (each is mostly waiting on its own subprocesses)."""
    with ThreadPoolExecutor(len(BUILDS)) as pool:
        running = {name: pool.submit(build, tmp_path_factory.mktemp(f"build-{name}"), seed, timestamp)
                   for name, (seed, timestamp) in BUILDS.items()}
        return {name: future.result() for name, future in running.items()}


def test_two_builds_write_identical_docs(builds):
    a, b = (tree(builds[name] / "docs") for name in BUILDS)
    assert "zh-Hans/S-2011-552.md" in a and "zh-Hant/S-2011-552.md" in a
    assert_same_trees(a, b)


def test_two_builds_make_identical_sites_apart_from_the_build_date(builds):
    raw_a, raw_b = (tree(builds[name] / "site") for name in BUILDS)
    page = "zh-Hans/S-2011-552.html"
    assert raw_a[page] != raw_b[page]  # the stamped dates differ, so the normalising counts
    a, b = (tree(builds[name] / "site", timestamp) for name, (_, timestamp) in BUILDS.items())
    assert b'<time datetime="BUILD-DATE">' in a[page]
    assert_same_trees(a, b)
