"""The corpus catalog (sources/catalog.yml): which reports exist and what they are."""

from __future__ import annotations

from dataclasses import dataclass, field
from pathlib import Path

import yaml

ROOT = Path(__file__).resolve().parents[2]
SOURCES = ROOT / "sources"
CATALOG = SOURCES / "catalog.yml"
# libyaml's loader when PyYAML has it (ten times as fast as the pure-Python one), the same results.
YAML_LOADER = getattr(yaml, "CSafeLoader", yaml.SafeLoader)


@dataclass
class Entry:
    file: str
    symbols: list[str]
    date: str
    kind: str
    title_zh: str
    title_en: str
    kind_zh: str = ""
    organ: str = ""
    session: str = ""
    agenda: str = ""
    extra: dict = field(default_factory=dict)
    sources: Path = SOURCES  # the folder of the catalog, where `file` is

    @property
    def symbol(self) -> str:
        """The document's symbol as cited: joint symbols joined with a hyphen."""
        return "-".join(self.symbols)

    @property
    def slug(self) -> str:
        """The page URL: the first symbol with slashes as hyphens (S/2011/552 -> S-2011-552)."""
        return self.symbols[0].replace("/", "-")

    @property
    def path(self) -> Path:
        return self.sources / self.file


def load_catalog(path: Path = CATALOG) -> list[Entry]:
    """The catalog's entries; their files are read from the catalog's own folder."""
    path = Path(path)
    data = yaml.load(path.read_text(encoding="utf-8"), Loader=YAML_LOADER)
    entries = []
    for item in data["reports"]:
        item = dict(item)
        item["date"] = str(item["date"])
        entries.append(Entry(**item, sources=path.parent))
    return entries
