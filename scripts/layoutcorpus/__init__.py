"""The layout corpus: the five reports laid out again, as other typesetters and extractors
would, and read back to see whether the reader recovers the same document (issue 13).

A layout is a name and a function that makes a source text from a report: from its
`Document` (the reader's reading of the catalogued source) or from the source file itself.
`scripts/layouts` reads every report in every layout back and prints the table
(layoutcorpus.table); the tests do the same for a sample (tests/test_layouts.py).
"""

from __future__ import annotations

from dataclasses import dataclass
from pathlib import Path
from typing import Callable

from unmd.model import Document


@dataclass(frozen=True)
class Layout:
    """`make(doc, source)` is the text the layout gives for the report whose catalogued source
    file is `source` and whose reading is `doc`."""

    name: str
    make: Callable[[Document, Path], str]


def all_layouts() -> list[Layout]:
    """Every layout of the table, in its column order."""
    from . import pdf, synthetic

    return synthetic.layouts() + pdf.layouts()
