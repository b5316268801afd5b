"""Landing pages: docs/index.md (choose a script) and one report table per variant.

The variant pages are written in zh-Hans and converted with unmd.writer.hant like the reports, so the
two variants differ only in script. Links use the report slugs, which the reports' own
Markdown files carry, so MkDocs checks them in --strict builds.
"""

from __future__ import annotations

from pathlib import Path

from .hant import to_hant

VARIANT_NAMES = {"zh-Hans": "简体中文", "zh-Hant": "繁體中文"}
SITE_TITLE = {"zh-Hans": "联合国中文报告", "zh-Hant": "聯合國中文報告"}


def _cell(text: str) -> str:
    """Table cell text: a pipe would end the cell."""
    return str(text).replace("|", "\\|").replace("\n", " ")


def _kind(report: dict) -> str:
    """The catalog's Chinese kind when the converter passes it (kind_zh), else its English one."""
    return _cell(report.get("kind_zh") or report["kind"])


def _by_date(reports: list[dict]):
    """(report, its symbols as one table cell), oldest first: both landing tables list them so."""
    for report in sorted(reports, key=lambda r: (r["date"], r["slug"])):
        yield report, " / ".join(_cell(s) for s in report["symbols"])


# The organ a UN document symbol's first part names (ST/SGB/…: the Secretariat).
ORGANS = {"A": "大会", "S": "安全理事会", "E": "经济及社会理事会", "ST": "秘书处", "T": "托管理事会"}

# Filters over the report table, shown by report-filter.js (without scripts the table is all
# there is); the labels are text here so that the zh-Hant page has them in its own script.
FILTER_FORM = [
    '<form class="report-filter" hidden>',
    '<label>文号、标题或年份 <input type="search" name="text" autocomplete="off"></label>',
    '<label>年份 <select name="year"><option value="">全部</option></select></label>',
    '<label>机关 <select name="organ"><option value="">全部</option></select></label>',
    '<label>类别 <select name="kind"><option value="">全部</option></select></label>',
    '<output name="shown" aria-live="polite">共 <span class="report-filter__count"></span> 份</output>',
    "</form>",
]


def organs(symbols: list[str]) -> str:
    """The organs a report's symbols name (A/70/95-S/2015/446: the General Assembly and the
    Security Council), in the order of the symbols."""
    names = [ORGANS[s.split("/")[0]] for s in symbols if s.split("/")[0] in ORGANS]
    return "、".join(dict.fromkeys(names))


def variant_landing_markdown(reports: list[dict]) -> str:
    """The zh-Hans landing page: what the site is, then one table row per report."""
    lines = [
        "---",
        f"title: {SITE_TITLE['zh-Hans']}",
        "---",
        "",
        f"# {SITE_TITLE['zh-Hans']} {{#title}}",
        "",
        "联合国报告的中文全文，段落编号、脚注和标题与正式文件一致。"
        "每个编号段落都有固定网址（例如 `S-2011-552.html#para-12`），可直接引用。",
        "",
        *FILTER_FORM,
        "",
        '<div class="reports" markdown>',
        "",
        "| 文号 | 日期 | 标题 | 机关 | 类别 | 段落 |",
        "|---|---|---|---|---|--:|",
    ]
    for report, symbols in _by_date(reports):
        lines.append(
            f"| [{symbols}]({report['slug']}.md) | {report['date']} "
            f"| [{_cell(report['title_zh'])}]({report['slug']}.md) "
            f"| {organs(report['symbols'])} | {_kind(report)} | {int(report['paragraphs'])} |"
        )
    lines += ["", "</div>", ""]
    return "\n".join(lines)


def root_landing_markdown(reports: list[dict]) -> str:
    """docs/index.md: the two variants side by side; each report linked in both scripts."""
    lines = [
        "---",
        f"title: {SITE_TITLE['zh-Hans']} · {SITE_TITLE['zh-Hant']}",
        "hide: [navigation, toc]",  # Material: one page, nothing to navigate
        "---",
        "",
        f"# {SITE_TITLE['zh-Hans']} · {SITE_TITLE['zh-Hant']} {{#title}}",
        "",
        f"[{VARIANT_NAMES['zh-Hans']}](zh-Hans/index.html){{ .md-button .md-button--primary }} "
        f"[{VARIANT_NAMES['zh-Hant']}](zh-Hant/index.html){{ .md-button .md-button--primary }}",
        "",
        '<div class="reports" markdown>',
        "",
        "| 文号 · 文號 | 日期 | 简体 | 繁體 |",
        "|---|---|---|---|",
    ]
    for report, symbols in _by_date(reports):
        hans = _cell(report["title_zh"])
        lines.append(
            f"| {symbols} | {report['date']} "
            f"| [{hans}](zh-Hans/{report['slug']}.html) "
            f"| [{to_hant(hans)}](zh-Hant/{report['slug']}.html){{ lang=zh-Hant }} |"
        )
    lines += ["", "</div>", ""]
    return "\n".join(lines)


def write_site_pages(docs_dir: Path, reports: list[dict]) -> None:
    """Write docs/index.md, docs/zh-Hans/index.md and docs/zh-Hant/index.md."""
    docs_dir = Path(docs_dir)
    if not reports:
        raise ValueError("write_site_pages: no reports to list")
    hans = variant_landing_markdown(reports)
    pages = {
        docs_dir / "index.md": root_landing_markdown(reports),
        docs_dir / "zh-Hans" / "index.md": hans,
        docs_dir / "zh-Hant" / "index.md": to_hant(hans),
    }
    for path, text in pages.items():
        path.parent.mkdir(parents=True, exist_ok=True)
        path.write_text(text, encoding="utf-8")
