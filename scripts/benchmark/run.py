"""scripts/bench: the full bilingual build against MkDocs' own floor, at 5, 50, 200 and 1,000 reports.

For each size the bench writes a synthetic corpus into a temporary folder: copies of the five
reports in sources/ with their own symbols (S/2011/552 -> S/2011/552007 for copy 7, in the
catalog and in the copy's own text) and lightly varied wording (near-synonyms of the same
length swapped at random), so that no copy is byte for byte another. Then, alternating:

- full: the project's build from nothing (no docs/, site/ or build cache): `unmd.cli build-docs`
  and `mkdocs build --strict` (root page, then both variants with search), as scripts/build;
- naive: the same source texts as plain Markdown pages, one variant, Material with its default
  search plugin (jieba segmentation included): the floor MkDocs itself sets;
- incremental (at 50 reports): one report's text edited, then the same two commands again.

Medians of the repetitions are reported, with peak memory (the largest resident set of any
process of a build), the search index of each variant against the UTF-8 size of that
variant's pages (their Markdown, and the text the rendered pages show; unmd.sitesize), the
words the browser segments Chinese with (shipped beside the index), and a per-phase
breakdown measured in-process on the 50-report corpus, and what a reader downloads: the largest
page, the report pages, the glossary pages (benchmark.pages). The last line printed is one JSON
object.
"""

from __future__ import annotations

import argparse
import json
import os
import random
import re
import shutil
import statistics
import subprocess
import sys
import tempfile
import time
from dataclasses import dataclass
from pathlib import Path

import yaml

from unmd.catalog import ROOT, load_catalog
from unmd.sitesize import index_sizes

from . import search_timing
from .pages import mobile_performance, page_sizes

SIZES = (5, 50, 200, 1000)
INCREMENTAL_SIZE = 50
VARIANTS = ("zh-Hans", "zh-Hant")
SITE_CONFIGS = ("mkdocs.yml", "mkdocs-base.yml", "mkdocs-zh-Hans.yml", "mkdocs-zh-Hant.yml")
# Same-length near-synonyms: swapping them varies the wording without moving a line break.
SWAPS = [("加强", "增强"), ("支持", "支助"), ("重要", "关键"), ("促进", "推动"), ("确保", "保证"),
         ("进行", "开展"), ("提供", "给予"), ("继续", "持续"), ("问题", "事项"), ("建议", "提议")]
SWAP_PATTERN = re.compile("|".join(word for pair in SWAPS for word in pair))
SWAP_WITH = {a: b for pair in SWAPS for a, b in (pair, pair[::-1])}


# ---------------------------------------------------------------- corpora


def copy_symbol(symbol: str, copy: int) -> str:
    """The symbol of copy `copy` (0 is the original): its last number extended, S/2011/552007."""
    return symbol if copy == 0 else f"{symbol}{copy:03d}"


def varied_text(text: str, symbols: list[str], copy: int) -> str:
    """The report's text as copy `copy`: its own symbols renamed, about half the swappable words swapped."""
    if copy == 0:
        return text
    for symbol in symbols:
        text = re.sub(rf"(?<![\w/]){re.escape(symbol)}(?![\w/])", copy_symbol(symbol, copy), text)
    rng = random.Random(copy)
    return SWAP_PATTERN.sub(lambda m: SWAP_WITH[m[0]] if rng.random() < 0.5 else m[0], text)


def write_corpus(size: int, sources: Path) -> None:
    """`size` reports, cycling through the five originals, into sources/ with its catalog.yml."""
    sources.mkdir(parents=True)
    originals = load_catalog()
    reports = []
    for number in range(size):
        entry, copy = originals[number % len(originals)], number // len(originals)
        text = (ROOT / "sources" / entry.file).read_text(encoding="utf-8")
        name = f"{copy:03d}_{entry.file}"
        (sources / name).write_text(varied_text(text, entry.symbols, copy), encoding="utf-8")
        item = {k: v for k, v in vars(entry).items() if v and k not in {"sources", "extra"}}
        item.update(file=name, symbols=[copy_symbol(s, copy) for s in entry.symbols])
        if copy:
            item["title_zh"] = f"{entry.title_zh}（{copy}）"
        reports.append(item)
    (sources / "catalog.yml").write_text(
        yaml.safe_dump({"reports": reports}, allow_unicode=True, sort_keys=False), encoding="utf-8"
    )


def write_site_root(root: Path) -> None:
    """A copy of the project's site configuration that builds root/docs into root/site."""
    for name in SITE_CONFIGS:
        shutil.copyfile(ROOT / name, root / name)
    (root / "overrides").symlink_to(ROOT / "overrides")


def write_naive_site(sources: Path, root: Path) -> None:
    """The floor: every source text as a Markdown page, one variant, Material + default search."""
    docs = root / "docs"
    docs.mkdir(parents=True)
    reports = load_catalog(sources / "catalog.yml")
    (docs / "index.md").write_text("# 报告\n\n" + "".join(
        f"- [{e.title_zh}]({e.slug}.md)\n" for e in reports), encoding="utf-8")
    for entry in reports:
        text = entry.path.read_text(encoding="utf-8")
        (docs / f"{entry.slug}.md").write_text(f"# {entry.title_zh}\n\n{text}", encoding="utf-8")
    config = {"site_name": "naive", "docs_dir": "docs", "site_dir": "site",
              "theme": {"name": "material", "language": "zh"}, "plugins": ["search"]}
    (root / "mkdocs.yml").write_text(yaml.safe_dump(config, allow_unicode=True), encoding="utf-8")


# ---------------------------------------------------------------- running builds


@dataclass
class Run:
    seconds: float  # wall time
    cpu_seconds: float  # of the process and all it waited for
    peak_mb: float


def run(command: list[str], cwd: Path, cache: Path) -> Run:
    """Run a build step; its wall time and the peak resident set of it or any process it waited for."""
    env = {**os.environ, "PYTHONPATH": str(ROOT / "scripts"), "UNMD_CACHE": str(cache),
           "NO_MKDOCS_2_WARNING": "1"}
    start = time.perf_counter()
    process = subprocess.Popen(command, cwd=cwd, env=env, stdout=subprocess.DEVNULL,
                               stderr=subprocess.PIPE, text=True)
    stderr = process.stderr.read()
    _, status, usage = os.wait4(process.pid, 0)
    seconds = time.perf_counter() - start
    process.returncode = os.waitstatus_to_exitcode(status)
    if process.returncode != 0:
        raise RuntimeError(f"{' '.join(command)} failed in {cwd}:\n{stderr}")
    return Run(seconds, usage.ru_utime + usage.ru_stime, usage.ru_maxrss / 1024)


def build_commands(root: Path) -> list[list[str]]:
    """What scripts/build runs, against the site under root."""
    return [
        [sys.executable, "-m", "unmd.cli", "build-docs",
         "--catalog", str(root / "sources" / "catalog.yml"), "--docs", str(root / "docs"),
         "--reports", str(root / "reports")],  # not the repository's reports/
        [sys.executable, "-m", "mkdocs", "build", "--strict"],  # not --quiet: it hides the warnings --strict counts
    ]


def build(root: Path) -> dict[str, Run]:
    convert, mkdocs = (run(command, root, root / ".cache") for command in build_commands(root))
    return {"build-docs": convert, "mkdocs": mkdocs}


def full_build(root: Path) -> dict[str, Run]:
    for name in ("docs", "site", ".cache"):
        shutil.rmtree(root / name, ignore_errors=True)
    return build(root)


def naive_build(root: Path) -> Run:
    shutil.rmtree(root / "site", ignore_errors=True)
    return run([sys.executable, "-m", "mkdocs", "build", "--quiet"], root, root / ".cache")


def edit_one_report(root: Path, edit: int) -> None:
    """Change one sentence of one report, as an editor fixing a typo would."""
    entry = load_catalog(root / "sources" / "catalog.yml")[edit]
    text = entry.path.read_text(encoding="utf-8")
    entry.path.write_text(text.replace("。", f"。（修订 {edit}）", 1), encoding="utf-8")


# ---------------------------------------------------------------- phases


def phases(root: Path) -> dict[str, float]:
    """Where a cold full build spends its time, phase by phase, one process per phase group."""
    command = [sys.executable, "-m", "benchmark.phases", str(root)]
    env = {**os.environ, "PYTHONPATH": str(ROOT / "scripts"), "NO_MKDOCS_2_WARNING": "1"}
    result = subprocess.run(command, cwd=root, env=env, capture_output=True, text=True)
    if result.returncode != 0:
        raise RuntimeError(f"phase timing failed:\n{result.stderr}")
    return json.loads(result.stdout.strip().splitlines()[-1])


# ---------------------------------------------------------------- report


def median(values: list[float]) -> float:
    return statistics.median(values)


def table(rows: list[list[str]]) -> str:
    widths = [max(len(row[i]) for row in rows) for i in range(len(rows[0]))]
    return "\n".join("  ".join(cell.rjust(w) if i else cell.ljust(w) for i, (cell, w) in
                               enumerate(zip(row, widths))) for row in rows)


def bench(sizes: tuple[int, ...], repeat: int, work: Path) -> dict:
    results: dict = {"sizes": {}, "machine": machine()}
    for size in sizes:
        ours, naive = work / f"site-{size}", work / f"naive-{size}"
        ours.mkdir()
        write_corpus(size, ours / "sources")
        write_site_root(ours)
        write_naive_site(ours / "sources", naive)
        full_runs, naive_runs = [], []
        for _ in range(repeat):  # alternating, so that drift in the machine hits both alike
            full_runs.append(full_build(ours))
            naive_runs.append(naive_build(naive))
            print(f"  {size} reports: full {sum(r.seconds for r in full_runs[-1].values()):.1f} s, "
                  f"naive {naive_runs[-1].seconds:.1f} s", file=sys.stderr)
        entry = {
            "full_s": median([sum(r.seconds for r in f.values()) for f in full_runs]),
            "build_docs_s": median([f["build-docs"].seconds for f in full_runs]),
            "mkdocs_s": median([f["mkdocs"].seconds for f in full_runs]),
            "naive_s": median([r.seconds for r in naive_runs]),
            "full_cpu_s": median([sum(r.cpu_seconds for r in f.values()) for f in full_runs]),
            "naive_cpu_s": median([r.cpu_seconds for r in naive_runs]),
            "full_peak_mb": max(max(r.peak_mb for r in f.values()) for f in full_runs),
            "naive_peak_mb": max(r.peak_mb for r in naive_runs),
            "index": {v: index_sizes(ours / "docs" / v, ours / "site" / v) for v in VARIANTS},
            "naive_index": index_sizes(naive / "docs", naive / "site"),
            "search": search_timing.measure(ours / "site"),
            "pages": page_sizes(ours / "site"),
        }
        if size in (min(sizes), max(sizes)):  # a few minutes of Lighthouse per size
            entry["mobile"] = mobile_performance(ours / "site")
        if size == INCREMENTAL_SIZE:
            incremental = []
            for edit in range(repeat):
                edit_one_report(ours, edit)
                incremental.append(sum(r.seconds for r in build(ours).values()))
            entry["incremental_s"] = median(incremental)
            entry["phases"] = phases(ours)
        results["sizes"][size] = entry
    return results


def machine() -> str:
    cpu = next((line.split(":", 1)[1].strip() for line in Path("/proc/cpuinfo").read_text().splitlines()
                if line.startswith("model name")), "unknown CPU")
    return f"{cpu}, {len(os.sched_getaffinity(0))} CPUs, Python {sys.version.split()[0]}"


def summary(results: dict) -> dict:
    sizes = results["sizes"]
    out: dict = {}
    if INCREMENTAL_SIZE in sizes:
        at = sizes[INCREMENTAL_SIZE]
        out["pipeline_over_naive"] = round(at["full_s"] / at["naive_s"], 3)
        out["incremental_over_full"] = round(at["incremental_s"] / at["full_s"], 3)
    base = INCREMENTAL_SIZE if INCREMENTAL_SIZE in sizes else min(sizes)
    for size, e in sizes.items():
        if size > base:
            out[f"scaling_{size}_over_{base}"] = round(e["full_s"] / sizes[base]["full_s"], 3)
            out[f"cpu_scaling_{size}_over_{base}"] = round(e["full_cpu_s"] / sizes[base]["full_cpu_s"], 3)
        out[f"full_over_naive_{size}"] = round(e["full_s"] / e["naive_s"], 3)
        out[f"peak_over_naive_{size}"] = round(e["full_peak_mb"] / e["naive_peak_mb"], 3)
        out[f"largest_page_mb_{size}"] = round(e["pages"]["largest_page_bytes"] / 2**20, 3)
        out[f"glossary_kb_{size}"] = round(e["pages"]["glossary_bytes"] / 1024)
        out[f"where_used_max_kb_{size}"] = round(e["pages"]["where_used_max_bytes"] / 1024)
        if "mobile" in e:
            out[f"mobile_performance_min_{size}"] = min(m["score"] for m in e["mobile"].values())
    smallest, largest = sizes[min(sizes)]["pages"], sizes[max(sizes)]["pages"]
    growth = max(largest["report_page_bytes"][slug] / smallest["report_page_bytes"][slug]
                 for slug in largest["report_page_bytes"])  # of the five reports' pages, the one that grew most
    out[f"report_page_growth_{max(sizes)}_over_{min(sizes)}"] = round(growth, 3)
    largest = sizes[max(sizes)]
    for v in VARIANTS:
        out[f"index_over_markdown_{v}"] = round(largest["index"][v]["index_over_markdown"], 3)
        out[f"index_over_page_text_{v}"] = round(largest["index"][v]["index_over_page_text"], 3)
        out[f"search_words_kb_{v}"] = round(largest["index"][v]["words_bytes"] / 1024)
    out["naive_index_over_markdown"] = round(largest["naive_index"]["index_over_markdown"], 3)
    out["naive_index_over_page_text"] = round(largest["naive_index"]["index_over_page_text"], 3)
    for size, e in sizes.items():
        out.update(search_timing.summary(e["search"], size))
    out["medians_s"] = {size: {k: round(e[k], 2) for k in ("full_s", "naive_s")} for size, e in sizes.items()}
    out["machine"] = results["machine"]
    return out


def print_report(results: dict) -> None:
    sizes = results["sizes"]
    print(f"machine: {results['machine']}; wall-clock medians unless marked CPU")
    rows = [["reports", "full s", "build-docs s", "mkdocs s", "naive s", "full/naive", "CPU s full",
             "CPU s naive", "peak MB full", "peak MB naive", "incremental s"]]
    for size, e in sizes.items():
        rows.append([str(size), f"{e['full_s']:.1f}", f"{e['build_docs_s']:.1f}", f"{e['mkdocs_s']:.1f}",
                     f"{e['naive_s']:.1f}", f"{e['full_s'] / e['naive_s']:.2f}", f"{e['full_cpu_s']:.1f}",
                     f"{e['naive_cpu_s']:.1f}", f"{e['full_peak_mb']:.0f}",
                     f"{e['naive_peak_mb']:.0f}", f"{e['incremental_s']:.1f}" if "incremental_s" in e else "-"])
    print(table(rows))
    print()
    rows = [["reports", "variant", "index KB", "Markdown KB", "page text KB", "index/Markdown", "index/text",
             "words KB"]]
    for size, e in sizes.items():
        for name, sizes_of in [*e["index"].items(), ("naive", e["naive_index"])]:
            rows.append([str(size), name, f"{sizes_of['index_bytes'] / 1024:.0f}",
                         f"{sizes_of['markdown_bytes'] / 1024:.0f}", f"{sizes_of['page_text_bytes'] / 1024:.0f}",
                         f"{sizes_of['index_over_markdown']:.2f}", f"{sizes_of['index_over_page_text']:.2f}",
                         f"{sizes_of['words_bytes'] / 1024:.0f}"])
    print(table(rows))
    print()
    print(search_timing.TITLE)
    print(table(search_timing.rows({size: e["search"] for size, e in sizes.items()})))
    print()
    slugs = list(next(iter(sizes.values()))["pages"]["report_page_bytes"])
    rows = [["reports", "largest page KB", "largest page", *[f"{slug} KB" for slug in slugs], "glossary KB",
             "where-used pages", "largest where-used KB"]]
    for size, e in sizes.items():
        p = e["pages"]
        rows.append([str(size), f"{p['largest_page_bytes'] / 1024:.0f}", p["largest_page"],
                     *[f"{p['report_page_bytes'][slug] / 1024:.0f}" for slug in slugs], f"{p['glossary_bytes'] / 1024:.0f}",
                     str(p["where_used_pages"]), f"{p['where_used_max_bytes'] / 1024:.0f}"])
    print(table(rows))
    rows = [["reports", "report page", "Lighthouse mobile performance", "blocking ms", "largest paint ms"]]
    for size, e in sizes.items():
        for slug, m in e.get("mobile", {}).items():
            rows.append([str(size), slug, f"{m['score']:.2f}", str(m["tbt_ms"]), str(m["lcp_ms"])])
    if len(rows) > 1:
        print("\nreport pages served gzip-compressed, Lighthouse's simulated mobile phone:")
        print(table(rows))
    for size, e in sizes.items():
        if "phases" in e:
            print(f"\nphases of a cold full build, {size} reports (in-process, one after another):")
            print(table([["phase", "s"], *([k, f"{v:.2f}"] for k, v in e["phases"].items())]))


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(prog="bench", description=__doc__.split("\n\n")[0])
    parser.add_argument("--quick", action="store_true", help="one repetition per size (default three)")
    parser.add_argument("--sizes", type=lambda s: tuple(int(n) for n in s.split(",")), default=SIZES)
    parser.add_argument("--keep", type=Path, help="build in this folder and keep it (default: a temporary one)")
    args = parser.parse_args(argv)
    repeat = 1 if args.quick else 3
    if args.keep:
        args.keep.mkdir(parents=True)
        results = bench(args.sizes, repeat, args.keep)
    else:
        with tempfile.TemporaryDirectory(prefix="unmd-bench-") as work:
            results = bench(args.sizes, repeat, Path(work))
    print_report(results)
    print(json.dumps(summary(results), ensure_ascii=False))
    return 0


if __name__ == "__main__":
    sys.exit(main())
