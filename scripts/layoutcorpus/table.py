"""scripts/layouts: every report of the catalog in every layout, read back and compared with
the reading of its own source (layoutcorpus.compare). Prints the table (reports x layouts:
`=` identical, a number: how many blocks and notes differ, `E`: the conversion stopped), the
first difference of each layout that differs, totals, and one JSON object as the last line.

`--layouts a,b` and `--reports S-2011-552,...` run a part of it; `--show LAYOUT/SLUG` prints
that text instead (to read what the reader was given). `--draws N --seed S` replaces the table's
layouts by N styles freshly drawn from seed S (a held-out estimate; each row's dimensions are printed).
"""

from __future__ import annotations

import argparse
import json
import sys
import tempfile
from dataclasses import dataclass
from pathlib import Path

from unmd.catalog import load_catalog
from unmd.errors import SourceError
from unmd.model import Document
from unmd.pipeline import read_report

from . import Layout, all_layouts, synthetic
from .compare import Comparison, compare


@dataclass
class Cell:
    layout: str
    slug: str
    comparison: Comparison
    error: str = ""

    @property
    def mark(self) -> str:
        if self.error:
            return "E"
        return "=" if self.comparison.identical else str(self.comparison.differing)


def read_back(text: str, entry, folder: Path) -> Document:
    """The text converted as the catalogued report would be (its catalog entry, its notes)."""
    path = folder / Path(entry.file).name
    path.write_text(text, encoding="utf-8")
    return read_report(path, entry)


def run(layouts: list[Layout], entries) -> list[Cell]:
    cells = []
    with tempfile.TemporaryDirectory() as folder:
        for entry in entries:
            original = read_report(entry.path, entry)
            for layout in layouts:
                text = layout.make(original, entry.path)
                try:
                    again = read_back(text, entry, Path(folder))
                except SourceError as exc:
                    units = len(original.blocks) + len(original.footnotes)
                    cells.append(Cell(layout.name, entry.slug, Comparison(units, units), exc.message))
                    continue
                cells.append(Cell(layout.name, entry.slug, compare(original, again)))
    return cells


def summary(cells: list[Cell]) -> dict:
    units = sum(c.comparison.units for c in cells)
    differing = sum(c.comparison.differing for c in cells)
    return {
        "layouts": len(cells),
        "identical": sum(1 for c in cells if c.mark == "="),
        "errors": sum(1 for c in cells if c.error),
        "units": units,
        "differing": differing,
        "identical_share": round(sum(1 for c in cells if c.mark == "=") / len(cells), 4) if cells else 0,
        "differing_share": round(differing / units, 4) if units else 0,
    }


def print_table(cells: list[Cell], out=sys.stdout) -> None:
    slugs = list(dict.fromkeys(c.slug for c in cells))
    names = list(dict.fromkeys(c.layout for c in cells))
    by = {(c.layout, c.slug): c for c in cells}
    width = max(map(len, names))
    print(f"| {'layout':<{width}} | " + " | ".join(slugs) + " |", file=out)
    print(f"|{'-' * (width + 2)}|" + "|".join("-" * (len(s) + 1) + ":" for s in slugs) + "|", file=out)
    for name in names:
        row = [f"{by[name, slug].mark:>{len(slug)}}" for slug in slugs]
        print(f"| {name:<{width}} | " + " | ".join(row) + " |", file=out)
    s = summary(cells)
    print(f"\n{s['identical']} of {s['layouts']} layouts identical ({100 * s['identical_share']:.1f} %), "
          f"{s['differing']} of {s['units']} blocks and notes differ ({100 * s['differing_share']:.2f} %), "
          f"{s['errors']} stopped", file=out)


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(prog="scripts/layouts", description=__doc__.split("\n\n")[0])
    parser.add_argument("--layouts", help="comma-separated layout names (default: all)")
    parser.add_argument("--reports", help="comma-separated report slugs (default: the catalog)")
    parser.add_argument("--show", metavar="LAYOUT/SLUG", help="print the text of one layout of one report")
    parser.add_argument("--draws", type=int, default=0, help="N freshly drawn synthetic layouts instead")
    parser.add_argument("--seed", type=int, default=101, help="the seed of --draws (default 101)")
    args = parser.parse_args(argv)
    drawn = synthetic.fresh_draws(args.seed, args.draws) if args.draws else []
    layouts = [synthetic.layout_of(name, style) for name, style in drawn] or all_layouts()
    entries = load_catalog()
    if args.show:
        name, slug = args.show.split("/", 1)
        layout = next(lay for lay in layouts if lay.name == name)
        entry = next(e for e in entries if e.slug == slug)
        sys.stdout.write(layout.make(read_report(entry.path, entry), entry.path))
        return 0
    if args.layouts:
        wanted = args.layouts.split(",")
        layouts = [lay for lay in layouts if lay.name in wanted]
    if args.reports:
        entries = [e for e in entries if e.slug in args.reports.split(",")]
    cells = run(layouts, entries)
    print_table(cells)
    for name, style in drawn:
        print(f"{name}: {synthetic.differences_from_base(style)}")
    for cell in cells:
        if cell.mark != "=":
            print(f"{cell.layout} {cell.slug}: {cell.error or cell.comparison.first}"[:300])
    print(json.dumps(summary(cells)))
    return 0


if __name__ == "__main__":
    sys.exit(main())
