"""Published ids stay published: the built report pages against tests/anchors/ (see
tests/anchor_registry.py). An id may be added (then register it: scripts/update-anchors); an id
that disappears breaks every citation that uses it."""

from __future__ import annotations

import pytest
from anchor_registry import REGISTRY, VARIANTS, published_ids, registered_ids
from corpus import documents

from unmd.catalog import load_catalog
from unmd.model import Heading, Item, Paragraph, Signature
from unmd.passes.footnotes import footnote_label

SLUGS = [entry.slug for entry in load_catalog()]
CASES = [(slug, variant) for slug in SLUGS for variant in VARIANTS]


def page_ids(built_site, slug: str, variant: str) -> list[str]:
    return published_ids((built_site / variant / f"{slug}.html").read_text(encoding="utf-8"))


def test_every_report_has_a_registry_and_nothing_else_does():
    assert sorted(p.stem for p in REGISTRY.glob("*.txt")) == sorted(SLUGS)


@pytest.mark.parametrize(("slug", "variant"), CASES)
def test_no_published_id_disappears(built_site, slug, variant):
    gone = sorted(set(registered_ids(slug)) - set(page_ids(built_site, slug, variant)))
    assert not gone, (
        f"{variant}/{slug}.html no longer has the published ids {gone}: citations of them break. "
        "Keep them; if they really must go, run scripts/update-anchors and say why in the commit."
    )


@pytest.mark.parametrize(("slug", "variant"), CASES)
def test_every_id_is_registered(built_site, slug, variant):
    new = [i for i in page_ids(built_site, slug, variant) if i not in set(registered_ids(slug))]
    assert not new, f"{variant}/{slug}.html has ids not in tests/anchors/{slug}.txt: {new}; run scripts/update-anchors"


@pytest.mark.parametrize("slug", SLUGS)
def test_the_registry_has_every_id_of_the_document_model(slug):
    """The registry is complete: every heading, paragraph, sub-item, signature and footnote of
    the converted report is in it (tables and entry lists carry no id on the page)."""
    _, doc = documents()[slug]
    ids = registered_ids(slug)
    assert len(ids) == len(set(ids)), "an id is registered twice"
    expected = [b.id for b in doc.blocks if b.id and isinstance(b, (Heading, Paragraph, Item, Signature))] + [
        ("note-" if n.mark_lost else "fn:") + footnote_label(n.key) for n in doc.footnotes
    ]
    assert expected and not [i for i in expected if i not in set(ids)]
