"""Per-report build steps, run only for what changed: cached on disk and, when many, in parallel.

A build converts every report and then writes each report's pages. Both are pure functions of
their inputs, so each result is cached (unmd.cache) under the fingerprint of those inputs and
of the converter's own code and data (CODE): a rebuild after editing one report converts that
report again and takes the others from the cache, and a change to the converter or its tables
rebuilds everything. What is not in the cache is computed in worker processes when there is
enough of it to pay for starting them.
"""

from __future__ import annotations

import os
from concurrent.futures import ProcessPoolExecutor
from contextlib import ExitStack
from pathlib import Path
from typing import Any, Callable, Iterator, Sequence

from .cache import DiskCache, code_fingerprint, fingerprint

PACKAGE = Path(__file__).resolve().parent
DATA = PACKAGE.parents[1] / "data"
CODE = code_fingerprint([*PACKAGE.rglob("*.py"), *DATA.glob("*")])
PARALLEL_FROM = 4  # fewer results to compute than this are computed in the build's own process


def workers() -> int:
    """Worker processes for a batch: one per CPU this process may use."""
    return len(os.sched_getaffinity(0)) if hasattr(os, "sched_getaffinity") else os.cpu_count() or 1


_function: Callable[[Any], Any] | None = None  # in a worker: what its batch computes


def _install(function: Callable[[Any], Any]) -> None:
    global _function
    _function = function


def _call(item: Any) -> Any:
    return _function(item)


def cached(namespace: str, key: str, compute: Callable[[], Any]) -> Any:
    """compute(), taken from the cache under key when there (keyed as map_cached keys it)."""
    cache, key = DiskCache(namespace), fingerprint(CODE, key)
    result = cache.get(key)
    if result is None:
        result = compute()
        cache.put(key, result)
    return result


def map_cached(
    namespace: str,
    function: Callable[[Any], Any],
    items: Sequence[Any],
    keys: Sequence[str],
) -> list[Any]:
    """[function(item) for item in items], each result taken from the cache under its key when
    there. The items and results must pickle when the misses are computed in parallel."""
    return list(imap_cached(namespace, function, items, keys))


def imap_cached(
    namespace: str,
    function: Callable[[Any], Any],
    items: Sequence[Any],
    keys: Sequence[str],
) -> Iterator[Any]:
    """map_cached's results one at a time, in order, so that a caller writing them out holds
    one, not the whole corpus's (a cached result is read from disk only when its turn comes)."""
    cache = DiskCache(namespace)
    keys = [fingerprint(CODE, key) for key in keys]
    missing = [i for i, key in enumerate(keys) if not cache.has(key)]
    count = min(workers(), len(missing))
    with ExitStack() as stack:
        if len(missing) >= PARALLEL_FROM and count > 1:
            # The function (with the build's context: glossary, corpus index) goes to each worker
            # once, not with every item: unpickling it took 15 ms an item at 200 reports.
            pool = stack.enter_context(ProcessPoolExecutor(count, initializer=_install, initargs=(function,)))
            computed = pool.map(_call, [items[i] for i in missing])
        else:
            computed = (function(items[i]) for i in missing)
        missing_set = set(missing)
        for i, key in enumerate(keys):
            if i in missing_set:
                result = next(computed)
            else:
                result = cache.get(key)
                if result is not None:
                    yield result
                    continue
                result = function(items[i])  # in the cache but unreadable: computed again
            cache.put(key, result)
            yield result
