"""Results of the kit's pure per-text checks (accessibility and safety lint, readability score)
kept by content, so that `kit check`, every build and every preview rebuild look again only at the
files that changed. The key holds the check's name, the text and what else it was given, and the
code of the modules that compute it; the entries live beside the other result caches (.cache/,
see result_cache.py) and can be deleted at any time.
"""
from __future__ import annotations

import dataclasses
from pathlib import Path
from typing import Callable

from kit.checks.result_cache import ResultCache, cache_dir
from kit.content_hash import digest, file_digest
from kit.model.errors import Problem
from kit.model.paths import ROOT

_stores: dict[tuple[str, str], ResultCache] = {}


def _store(name: str) -> ResultCache:
    folder = cache_dir(ROOT, name)   # KIT_CHECK_CACHE is read each time: tests move or switch it off
    key = (name, str(folder))
    if key not in _stores:
        _stores[key] = ResultCache(folder)
    return _stores[key]


def _key(name: str, code: tuple[Path, ...], parts: tuple) -> str:
    return digest(name, *(file_digest(p) for p in code), *(str(p) for p in parts))


def value(name: str, code: tuple[Path, ...], parts: tuple, compute: Callable[[], object]):
    """compute() (a JSON value) or the value remembered for the same parts and code."""
    store, key = _store(name), _key(name, code, parts)
    known = store.get(key)
    if known is None:
        known = compute()
        store.put(key, known)
    return known


def problems(name: str, code: tuple[Path, ...], parts: tuple, compute: Callable[[], list[Problem]]) -> list[Problem]:
    """compute()'s problems, or those remembered for the same parts and code."""
    rows = value(name, code, parts, lambda: [{**dataclasses.asdict(p), "path": str(p.path)} for p in compute()])
    return [Problem(**{**row, "path": Path(row["path"])}) for row in rows]
