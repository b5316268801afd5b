"""A disk cache for pure build steps, keyed by a hash of everything the step reads.

Converting a report, converting its Markdown to zh-Hant, rendering a page and segmenting it for
search are pure functions of their inputs, so a rebuild after one edit can take every other
result from here. A key is the fingerprint of the inputs *and* of the code that computes the
result (`code_fingerprint`), so a changed converter never meets a stale entry. The cache lives
in .cache/ at the repository root (gitignored), or wherever UNMD_CACHE points; deleting it is
always safe.
"""

from __future__ import annotations

import hashlib
import os
import pickle
import tempfile
from pathlib import Path
from typing import Any, Callable, Iterable

ROOT = Path(__file__).resolve().parents[2]
CACHE_ENV = "UNMD_CACHE"


def cache_root() -> Path:
    return Path(os.environ.get(CACHE_ENV) or ROOT / ".cache")


def fingerprint(*parts: str | bytes) -> str:
    """sha256 of the parts, each length-prefixed so that ("ab", "c") and ("a", "bc") differ."""
    digest = hashlib.sha256()
    for part in parts:
        data = part.encode("utf-8") if isinstance(part, str) else part
        digest.update(len(data).to_bytes(8, "little"))
        digest.update(data)
    return digest.hexdigest()


def code_fingerprint(paths: Iterable[Path]) -> str:
    """Fingerprint of the files that compute a result (sources, data tables), by name and content."""
    parts: list[str | bytes] = []
    for path in sorted(Path(p) for p in paths):
        parts += [path.name, path.read_bytes()]
    return fingerprint(*parts)


class DiskCache:
    """One namespace of the cache: pickled values in files named by their key."""

    def __init__(self, namespace: str, root: Path | None = None):
        self.directory = (root or cache_root()) / namespace

    def _path(self, key: str) -> Path:
        return self.directory / key[:2] / key

    def get(self, key: str) -> Any | None:
        """The value stored under key, or None when there is none (or it cannot be read)."""
        try:
            with open(self._path(key), "rb") as f:
                return pickle.load(f)
        except (OSError, pickle.UnpicklingError, EOFError):
            return None

    def has(self, key: str) -> bool:
        """Whether a value is stored under key (without reading it)."""
        return self._path(key).is_file()

    def put(self, key: str, value: Any) -> None:
        """Store value under key; written to a temporary file and renamed, so readers never see half."""
        path = self._path(key)
        path.parent.mkdir(parents=True, exist_ok=True)
        fd, tmp = tempfile.mkstemp(dir=path.parent, suffix=".tmp")
        try:
            with os.fdopen(fd, "wb") as f:
                pickle.dump(value, f, protocol=pickle.HIGHEST_PROTOCOL)
            os.replace(tmp, path)
        except BaseException:
            os.unlink(tmp)
            raise

    def get_or_compute(self, key: str, compute: Callable[[], Any]) -> Any:
        value = self.get(key)
        if value is None:
            value = compute()
            self.put(key, value)
        return value
