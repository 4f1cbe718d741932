"""The result cache of slow checks (pa11y pages, markdownlint files): stored and found by key, trimmed
to the most recently used entries, switched off by KIT_CHECK_CACHE=off."""
from __future__ import annotations

import os

from kit.checks.result_cache import ResultCache, cache_dir
from kit.content_hash import digest


def test_stored_result_is_found_by_its_key_only(tmp_path):
    cache = ResultCache(tmp_path)
    cache.put(digest("a"), [{"code": "X"}])
    assert cache.get(digest("a")) == [{"code": "X"}]
    assert cache.get(digest("b")) is None
    assert cache.hits == 1


def test_a_damaged_entry_is_checked_again(tmp_path):
    cache = ResultCache(tmp_path)
    key = digest("a")
    cache.put(key, [])
    next(tmp_path.glob("*/*.json")).write_text("{niepełny", "utf-8")
    assert cache.get(key) is None


def test_trim_keeps_the_most_recently_used(tmp_path):
    cache = ResultCache(tmp_path)
    keys = [digest(str(i)) for i in range(5)]
    for i, key in enumerate(keys):
        cache.put(key, i)
        entry = tmp_path / key[:2] / f"{key}.json"
        os.utime(entry, (1000 + i, 1000 + i))
    os.utime(tmp_path / keys[0][:2] / f"{keys[0]}.json", (2000, 2000))   # used again lately
    assert cache.trim(max_entries=2) == 3
    assert [cache.get(k) is not None for k in keys] == [True, False, False, False, True]


def test_off_switch_and_no_folder(tmp_path, monkeypatch):
    monkeypatch.setenv("KIT_CHECK_CACHE", "off")
    assert cache_dir(tmp_path, "kit-pa11y") is None
    cache = ResultCache(None)
    cache.put(digest("a"), 1)
    assert cache.get(digest("a")) is None and cache.trim() == 0
    monkeypatch.setenv("KIT_CHECK_CACHE", str(tmp_path / "inne"))
    assert cache_dir(tmp_path, "kit-pa11y") == tmp_path / "inne" / "kit-pa11y"
    monkeypatch.delenv("KIT_CHECK_CACHE")
    assert cache_dir(tmp_path, "kit-pa11y") == tmp_path / ".cache" / "kit-pa11y"
