"""The site's MkDocs hooks (overrides/hooks/), loaded for tests as MkDocs loads them."""

from __future__ import annotations

import importlib.util
import sys
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]


def load_hook(name: str):
    spec = importlib.util.spec_from_file_location(name, ROOT / "overrides" / "hooks" / f"{name}.py")
    module = importlib.util.module_from_spec(spec)
    sys.modules[name] = module  # as MkDocs loads a hook (its dataclasses look themselves up there)
    spec.loader.exec_module(module)
    return module
