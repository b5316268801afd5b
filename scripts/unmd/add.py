"""`scripts/add FILE`: a report outside the catalog into sources/ and the catalog, converted.

What the text says of itself is inferred: the symbol from the masthead or the running headers
(the most frequent), the date from the masthead, the title and the kind from the title page,
the organ from the masthead or the symbol. What it does not say must be given on the command
line (--symbol, --date, --title); a missing one is a one-line error naming the option, and
nothing is written. Then the source is copied into sources/ as received, its entry appended to
the catalog, docs/ and reports/ rebuilt, and the report's conversion report printed.
"""

from __future__ import annotations

import hashlib
import re
import shutil
from collections import Counter
from pathlib import Path

from .catalog import load_catalog
from .model import Document
from .reader import read_file

# The catalog's English names for what the masthead prints in Chinese.
ORGANS_EN = {"大会": "General Assembly", "安全理事会": "Security Council",
             "经济及社会理事会": "Economic and Social Council", "人权理事会": "Human Rights Council"}
ORGAN_OF_PREFIX = {"A": "General Assembly", "S": "Security Council", "E": "Economic and Social Council"}
KINDS_EN = {"秘书长的报告": "Report of the Secretary-General", "秘书长的说明": "Note by the Secretary-General",
            "秘书处编写的工作文件": "Working paper prepared by the Secretariat",
            "秘书处的说明": "Note by the Secretariat",
            "联合国人权事务高级专员的报告": "Report of the United Nations High Commissioner for Human Rights",
            "特别报告员的报告": "Report of the Special Rapporteur", "独立专家的报告": "Report of the Independent Expert",
            **{f"第{numeral}委员会的报告": f"Report of the {ordinal} Committee" for numeral, ordinal in
               zip("一二三四五六", ("First", "Second", "Third", "Fourth", "Fifth", "Sixth"))}}
DATE = re.compile(r"^\d{4}-\d{2}-\d{2}$")
_SYMBOL_SPLIT = re.compile(r"\s*[-–]\s*(?=[A-Z]+/)|\s+")


class Refused(Exception):
    """scripts/add cannot go on; the message says what to give it (one line)."""


def symbols_of(text: str) -> list[str]:
    """A joint symbol (A/70/95-S/2015/446) as its parts."""
    return [s for s in _SYMBOL_SPLIT.split(text.strip()) if s]


def running_symbol(doc: Document) -> list[str]:
    """The symbol the pages are headed with: the most frequent running symbol removed."""
    counts = Counter(r.text for r in doc.removed if r.why.endswith("running symbol"))
    return symbols_of(counts.most_common(1)[0][0]) if counts else []


def infer_entry(doc: Document, options: dict) -> dict:
    """The catalog entry: the options given, else what the document says, else Refused."""
    meta = doc.meta
    symbols = symbols_of(options["symbol"]) if options.get("symbol") else meta.symbols or running_symbol(doc)
    date = options.get("date") or meta.date
    title = options.get("title") or meta.title
    kind_zh = options.get("kind_zh") or meta.subtitle or ""
    kind = options.get("kind") or KINDS_EN.get(kind_zh, "")
    missing = [f"--{name} {example}" for name, value, example in (
        ("symbol", symbols, "A/62/1"), ("date", date, "2007-04-10"), ("title", title, "标题"),
        ("kind", kind, '"Report of the Secretary-General"')) if not value]
    if missing:
        raise Refused(f"cannot tell from the text, give {' and '.join(missing)}")
    if not DATE.match(date):
        raise Refused(f"--date {date}: expected YYYY-MM-DD")
    organs = [ORGANS_EN[o] for o in meta.organs if o in ORGANS_EN] or list(
        dict.fromkeys(ORGAN_OF_PREFIX[s.split("/")[0]] for s in symbols if s.split("/")[0] in ORGAN_OF_PREFIX))
    return {"symbols": symbols, "date": date, "kind": kind, "kind_zh": kind_zh,
            "organ": options.get("organ") or ", ".join(organs), "title_zh": title,
            "title_en": options.get("title_en") or ""}


def _yaml_scalar(value: str) -> str:
    return '"' + value.replace("\\", "\\\\").replace('"', '\\"') + '"'


def entry_yaml(entry: dict) -> str:
    """The entry as the catalog writes its entries (appended under `reports:`)."""
    lines = [f"  - file: {entry['file']}", f"    symbols: [{', '.join(entry['symbols'])}]", f"    date: {entry['date']}"]
    for key in ("kind", "kind_zh", "organ", "title_zh", "title_en"):
        if entry[key]:
            lines.append(f"    {key}: {_yaml_scalar(entry[key])}")
    if not entry["title_en"]:
        lines.append('    title_en: ""')
    return "\n".join(lines) + "\n"


def add_report(source: Path, catalog: Path, options: dict) -> dict:
    """Copy the source into the catalog's folder and append its entry; returns the entry.
    Nothing is written when the entry cannot be made or the report is catalogued already."""
    data = source.read_bytes() if source.is_file() else b""
    doc = read_file(source)  # a source that is no report stops here, with its own error
    entry = infer_entry(doc, options)
    entries = load_catalog(catalog)
    known = {symbol: e for e in entries for symbol in e.symbols}
    for symbol in entry["symbols"]:
        if symbol in known:
            raise Refused(f"{symbol} is in the catalog already ({known[symbol].file})")
    digest = hashlib.sha256(data).hexdigest()[:16]
    if any(e.file.endswith(f"_{digest}.txt") for e in entries):
        raise Refused(f"this text is in the catalog already ({digest})")
    entry["file"] = f"{len(entries):03d}_{digest}.txt"
    shutil.copyfile(source, catalog.parent / entry["file"])
    text = catalog.read_text(encoding="utf-8")
    catalog.write_text(text + ("" if text.endswith("\n") else "\n") + entry_yaml(entry), encoding="utf-8")
    return entry
