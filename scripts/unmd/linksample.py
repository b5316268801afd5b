"""A fixed random sample of the corpus's glossary links, each with its context, for review.

    scripts/link-sample [--size 200] [--seed 15] [--width 14]

Prints one line per link: its number in the sample, the place (page#id), the term id and the
text around it with the link in 【】. The same seed over the same corpus and code draws the same
links, so a reviewed sample can be checked again; README gives the precision measured on it.
"""

from __future__ import annotations

import argparse
import random
from dataclasses import dataclass
from typing import Iterator

from .catalog import load_catalog
from .model import Emphasis, Inline, Link, Strong, plain_text
from .pipeline import context_of, convert


@dataclass(frozen=True)
class LinkInContext:
    place: str  # slug#id
    term: str
    before: str
    text: str
    after: str

    def line(self, width: int) -> str:
        context = f"{self.before[-width:]}【{self.text}】{self.after[:width]}".replace("\n", " ")
        return f"{self.place}\t{self.term}\t{context}"


def _walk(inlines: list[Inline], at: int, spans: list[tuple[int, int, Link]]) -> int:
    """Collect (start, end, link) of the glossary links in the plain text of the inlines."""
    for node in inlines:
        if isinstance(node, Link) and node.kind == "glossary":
            length = len(plain_text(node.children))
            spans.append((at, at + length, node))
            at += length
        elif isinstance(node, (Emphasis, Strong)):
            at = _walk(node.children, at, spans)
        else:
            at += len(plain_text([node]))
    return at


def corpus_links() -> Iterator[LinkInContext]:
    """Every glossary link of the catalogued reports, in catalog and reading order."""
    entries = load_catalog()
    context = context_of(entries)
    for entry in entries:
        doc = convert(entry.path, entry, context)
        for container, inlines in doc.inline_containers():
            spans: list[tuple[int, int, Link]] = []
            _walk(inlines, 0, spans)
            text = plain_text(inlines)
            for start, end, link in spans:
                yield LinkInContext(f"{entry.slug}#{container.id}", link.href.rpartition("#")[2],
                                    text[:start], text[start:end], text[end:])


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--size", type=int, default=200)
    parser.add_argument("--seed", type=int, default=15)
    parser.add_argument("--width", type=int, default=14, help="characters of context on each side")
    args = parser.parse_args(argv)
    links = list(corpus_links())
    sample = random.Random(args.seed).sample(links, min(args.size, len(links)))
    print(f"# {len(sample)} of {len(links)} glossary links, seed {args.seed}")
    for number, link in enumerate(sample, start=1):
        print(f"{number}\t{link.line(args.width)}")
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
