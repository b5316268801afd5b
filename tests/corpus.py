"""Shared access to the converted corpus for the tests (converted once per session)."""

from __future__ import annotations

import functools

from unmd.catalog import load_catalog
from unmd.pipeline import convert


@functools.cache
def documents() -> dict:
    return {entry.slug: (entry, convert(entry.path, entry)) for entry in load_catalog()}
