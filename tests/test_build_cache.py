"""The build caches: a hit gives exactly what computing gives, and changed content misses.

Covers the disk cache itself (unmd.cache), the per-report conversion and page files of
build-docs (unmd.batch via unmd.cli), the search hook's segmented entries and the render cache
hook, each against a fresh cache folder (UNMD_CACHE).
"""

from __future__ import annotations

import os
import re
import shutil
import subprocess
import sys
from pathlib import Path

import pytest
import yaml

from hooks import load_hook
from unmd import batch
from unmd.cache import DiskCache, fingerprint

ROOT = Path(__file__).resolve().parents[1]


@pytest.fixture(autouse=True)
def fresh_cache(tmp_path, monkeypatch) -> Path:
    cache = tmp_path / "cache"
    monkeypatch.setenv("UNMD_CACHE", str(cache))
    return cache


def test_fingerprint_keeps_parts_apart():
    assert fingerprint("ab", "c") != fingerprint("a", "bc")
    assert fingerprint("ab", "c") == fingerprint("ab", "c")


def test_disk_cache_returns_what_was_stored_and_nothing_for_other_keys():
    cache = DiskCache("test")
    calls = []
    compute = lambda: calls.append(1) or {"value": [1, "二"]}  # noqa: E731
    assert cache.get_or_compute("k1", compute) == {"value": [1, "二"]}
    assert cache.get_or_compute("k1", compute) == {"value": [1, "二"]}
    assert len(calls) == 1
    assert cache.get("k2") is None


def test_map_cached_computes_only_new_keys(tmp_path):
    log = tmp_path / "computed.txt"

    def square(n: int) -> int:
        with log.open("a") as f:
            f.write(f"{n}\n")
        return n * n

    assert batch.map_cached("test", square, [2, 3], ["a", "b"]) == [4, 9]
    assert batch.map_cached("test", square, [2, 5], ["a", "c"]) == [4, 25]
    assert log.read_text().split() == ["2", "3", "5"]



def test_imap_cached_reads_each_cached_result_only_when_its_turn_comes(fresh_cache):
    batch.map_cached("test", lambda n: n * n, [2, 3, 4], ["a", "b", "c"])
    results = batch.imap_cached("test", lambda n: -n, [2, 3, 4, 5], ["a", "b", "c", "d"])
    assert next(results) == 4
    # An entry that cannot be read any more is computed again, not taken for missing order.
    for entry in (fresh_cache / "test").rglob("*"):
        if entry.is_file() and entry.name == batch.fingerprint(batch.CODE, "b"):
            entry.write_bytes(b"not a pickle")
    assert list(results) == [-3, 16, -5]
    assert batch.map_cached("test", lambda n: 0, [2, 3, 4, 5], ["a", "b", "c", "d"]) == [4, -3, 16, -5]

def corpus(tmp_path: Path, edit: bool = False) -> Path:
    """The first three catalogued reports in a catalog of their own; `edit` changes the second."""
    sources = tmp_path / ("sources-edited" if edit else "sources")
    sources.mkdir()
    catalog = yaml.safe_load((ROOT / "sources" / "catalog.yml").read_text(encoding="utf-8"))
    catalog["reports"] = catalog["reports"][:3]
    for report in catalog["reports"]:
        shutil.copyfile(ROOT / "sources" / report["file"], sources / report["file"])
    if edit:
        path = sources / catalog["reports"][1]["file"]
        path.write_text(path.read_text(encoding="utf-8").replace("。", "。修订。", 1), encoding="utf-8")
    (sources / "catalog.yml").write_text(yaml.safe_dump(catalog, allow_unicode=True), encoding="utf-8")
    return sources / "catalog.yml"


def build_docs(catalog: Path, docs: Path) -> dict[str, str]:
    env = {**os.environ, "PYTHONPATH": str(ROOT / "scripts")}
    command = [sys.executable, "-m", "unmd.cli", "build-docs", "--catalog", str(catalog), "--docs", str(docs)]
    subprocess.run(command, check=True, env=env, capture_output=True)
    return {str(p.relative_to(docs)): p.read_text(encoding="utf-8") for p in sorted(docs.rglob("*.*"))}


def test_build_docs_from_the_cache_writes_the_same_files_and_converts_edits(tmp_path, fresh_cache):
    catalog = corpus(tmp_path)
    cold = build_docs(catalog, tmp_path / "cold")
    stored = sorted(p.name for p in (fresh_cache / "documents").rglob("*") if p.is_file())
    assert len(stored) == 3
    assert build_docs(catalog, tmp_path / "warm") == cold
    edited = build_docs(corpus(tmp_path, edit=True), tmp_path / "edited")
    changed = {name for name in cold if edited.get(name) != cold[name]}
    slug = yaml.safe_load(catalog.read_text(encoding="utf-8"))["reports"][1]["symbols"][0].replace("/", "-")
    assert {f"zh-Hans/{slug}.md", f"zh-Hant/{slug}.md"} <= changed
    assert "修订" in edited[f"zh-Hans/{slug}.md"] and "修訂" in edited[f"zh-Hant/{slug}.md"]


class FakePage:
    def __init__(self, content: str):
        self.url, self.title, self.meta, self.content = "r.html", "报告", {}, content


def test_search_entries_from_the_cache_equal_fresh_ones_and_new_content_misses():
    hook = load_hook("paragraph_search")
    html = '<p id="para-1">1. 秘书长的报告，预防性外交。</p><p id="para-2">2. 会员国2017年</p>'

    def index_of(content: str, segmenter):
        index = hook.ParagraphSearchIndex(segmenter, "site", lang=["zh"], separator=r"[\s，。]+", pipeline=[],
                                          fields={})
        index.add_entry_from_context(FakePage(content))
        return index.shards.entries, index.words, index.shards.entry_numbers()

    entries, words, found = index_of(html, hook.Segmenter(None))
    assert entries[1] == ["para-1", "第 1 段", "1. 秘书长的报告，预防性外交。"]
    assert entries[2][2] == "2. 会员国2017年"
    assert words == {"秘书长": 1, "报告": 2, "预防性": 1, "外交": 1, "会员国": 1}  # a single character needs none
    # Terms: jieba's words, single characters included, and runs of digits; 第 N 段 is no text
    assert found == {
        "报告": [0, 1], "1": [1], "秘书长": [1], "的": [1], "预防性": [1], "外交": [1],
        "2": [2], "会员国": [2], "2017": [2], "年": [2]}

    class NoJieba(hook.Segmenter):
        def _cut_new(self, runs):
            raise AssertionError("segmented again")

    assert index_of(html, NoJieba(None)) == (entries, words, found)
    with pytest.raises(AssertionError, match="segmented again"):
        index_of(html.replace("会员国", "成员国"), NoJieba(None))


@pytest.mark.parametrize("variant", ["zh-Hans", "zh-Hant"])
def test_the_segmenter_cuts_the_reports_exactly_as_jieba(tmp_path, variant):
    """The search hook runs jieba-rs; the words it gives the browser must be jieba's own, and
    a zh-Hant run must be cut where its zh-Hans form is."""
    import jieba

    from unmd.passes.glossary import load_glossary, terms_for_dictionaries
    from unmd.writer.hant import to_simplified
    from unmd.writer.searchdict import write_search_dict

    user_dict = str(write_search_dict(tmp_path, terms_for_dictionaries(load_glossary())))
    reference = jieba.Tokenizer()
    reference.load_userdict(user_dict)
    simplify = to_simplified if variant == "zh-Hant" else None
    segmenter = load_hook("paragraph_search").Segmenter(user_dict, simplify)
    text = "".join(p.read_text(encoding="utf-8") for p in sorted((ROOT / "docs" / variant).glob("*.md")))
    runs = sorted(set(re.findall(r"[\u4e00-\u9fff]+", text)))
    assert len(runs) > 5000
    expected = [list(reference.cut(to_simplified(run) if simplify else run)) for run in runs]
    assert [[len(w) for w in segmenter.cut(run)] for run in runs] == [[len(w) for w in cut] for cut in expected]
    assert all("".join(segmenter.cut(run)) == run for run in runs)
    if simplify:
        # Cut with the converted Traditional dictionary, this was 並使 | 援助 …
        assert segmenter.cut("並使援助符合戰略要求") == ["並", "使", "援助", "符合", "戰略", "要求"]


def mkdocs_site(tmp_path: Path, pages: dict[str, str]) -> Path:
    docs = tmp_path / "docs"
    shutil.rmtree(docs, ignore_errors=True)
    docs.mkdir()
    for name, text in pages.items():
        (docs / name).write_text(text, encoding="utf-8")
    config = {"site_name": "t", "docs_dir": "docs", "markdown_extensions": ["attr_list", "footnotes"],
              "hooks": [str(ROOT / "overrides" / "hooks" / "render_cache.py")]}
    (tmp_path / "mkdocs.yml").write_text(yaml.safe_dump(config), encoding="utf-8")
    return tmp_path / "mkdocs.yml"


def mkdocs_build(config: Path, site: Path, **env: str) -> subprocess.CompletedProcess:
    command = [sys.executable, "-m", "mkdocs", "build", "--strict", "-f", str(config), "-d", str(site)]
    return subprocess.run(command, capture_output=True, text=True,
                          env={**os.environ, "NO_MKDOCS_2_WARNING": "1", **env})


def built(page: Path) -> str:
    """A built page without the build time the theme writes into it."""
    return re.sub(r"Build Date UTC : .*", "", page.read_text(encoding="utf-8"))


def test_rendered_pages_from_the_cache_are_the_same_and_keep_their_warnings(tmp_path, fresh_cache):
    pages = {"index.md": "# 首页\n\n[报告](r.md#para-2)\n", "r.md": "# 报告\n\n第一段。\n{: #para-1 }\n\n第二段[^1]。\n{: #para-2 }\n\n[^1]: 注。\n"}
    config = mkdocs_site(tmp_path, pages)
    assert mkdocs_build(config, tmp_path / "cold").returncode == 0
    assert list((fresh_cache / "rendered-pages").rglob("*")), "nothing cached"
    assert mkdocs_build(config, tmp_path / "warm").returncode == 0
    for page in ("index.html", "r/index.html"):
        assert built(tmp_path / "warm" / page) == built(tmp_path / "cold" / page)

    mkdocs_site(tmp_path, {**pages, "r.md": pages["r.md"].replace("第二段", "第贰段")})
    assert mkdocs_build(config, tmp_path / "edited").returncode == 0
    assert "第贰段" in (tmp_path / "edited" / "r" / "index.html").read_text()

    mkdocs_site(tmp_path, {**pages, "index.md": "# 首页\n\n[缺](missing.md)\n"})
    for attempt in ("cold", "cached"):
        result = mkdocs_build(config, tmp_path / f"broken-{attempt}")
        assert result.returncode != 0 and "missing.md" in result.stderr, attempt


def test_page_templates_from_the_cache_are_the_same_and_follow_nav_and_config(tmp_path, fresh_cache):
    pages = {"index.md": "# 首页\n\n正文。\n", "r.md": "# 报告\n\n第一段。\n", "s.md": "# 下一页\n\n内容。\n",
             "t.md": "# 旧标题\n\n内容。\n"}
    config = mkdocs_site(tmp_path, pages)
    assert mkdocs_build(config, tmp_path / "cold").returncode == 0
    assert list((fresh_cache / "page-templates").rglob("*")), "nothing cached"
    assert mkdocs_build(config, tmp_path / "warm").returncode == 0
    assert built(tmp_path / "warm" / "r/index.html") == built(tmp_path / "cold" / "r/index.html")
    # Each change below shows on r's page, whose own Markdown never changes.
    settings = yaml.safe_load(config.read_text(encoding="utf-8"))
    config.write_text(yaml.safe_dump({**settings, "site_name": "新站名"}), encoding="utf-8")
    assert mkdocs_build(config, tmp_path / "renamed").returncode == 0
    assert "新站名" in built(tmp_path / "renamed" / "r/index.html")
    (tmp_path / "docs" / "t.md").write_text("# 新标题\n\n内容。\n", encoding="utf-8")  # not r's neighbour
    assert mkdocs_build(config, tmp_path / "retitled").returncode == 0
    page = built(tmp_path / "retitled" / "r/index.html")
    assert "新标题" in page and "旧标题" not in page
    # The day of the build shows (here on the home page; on ours, in each report's header).
    assert mkdocs_build(config, tmp_path / "y2k", SOURCE_DATE_EPOCH="946684800").returncode == 0
    assert "Build Date UTC : 2000-01-01" in (tmp_path / "y2k" / "index.html").read_text(encoding="utf-8")
    shutil.rmtree(fresh_cache)
    assert mkdocs_build(config, tmp_path / "retitled-cold").returncode == 0
    assert page == built(tmp_path / "retitled-cold" / "r/index.html")


class _CountedCalls:
    """A function that notes in a file each time it is unpickled (in a worker) and called."""

    def __init__(self, log: Path):
        self.log = log

    def __setstate__(self, state):
        self.__dict__.update(state)
        with self.log.open("a") as f:
            f.write("unpickled\n")

    def __call__(self, n: int) -> int:
        with self.log.open("a") as f:
            f.write("called\n")
        return n + 1


def test_a_batch_sends_its_function_to_each_worker_once_not_with_every_item(tmp_path, monkeypatch):
    monkeypatch.setattr(batch, "workers", lambda: 2)
    log = tmp_path / "log.txt"
    items = list(range(12))
    assert batch.map_cached("test", _CountedCalls(log), items, [str(n) for n in items]) == [n + 1 for n in items]
    lines = log.read_text().split()
    assert lines.count("called") == 12 and lines.count("unpickled") <= 2
