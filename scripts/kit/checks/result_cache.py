"""Results of slow, deterministic checks kept by content: a page or file whose inputs did not change
since the last check gets the same findings without running the tool again.

Each check builds its key from everything that decides its result (the checked bytes, the shared
files they load, the tool versions, the configuration, the kit's own code for that check); a change
in any of them gives a new key, so a stale result is never found. Entries are small JSON files under
.cache/<name>/ in the project (KIT_CHECK_CACHE moves the parent folder, KIT_CHECK_CACHE=off switches
every such cache off). The folders can be deleted at any time: the next run checks everything.
"""
from __future__ import annotations

import json
import os
import tempfile
from pathlib import Path

MAX_ENTRIES = 20000   # least recently used entries go first above this count


def cache_dir(root: Path, name: str) -> Path | None:
    value = os.environ.get("KIT_CHECK_CACHE", "").strip()
    if value.lower() in ("0", "off", "no", "false"):
        return None
    return (Path(value).resolve() if value else root / ".cache") / name


class ResultCache:
    """JSON results by key; None as folder makes every lookup miss and every store a no-op."""

    def __init__(self, folder: Path | None):
        self.folder = folder
        self.hits = 0

    def _entry(self, key: str) -> Path:
        return self.folder / key[:2] / f"{key}.json"

    def get(self, key: str):
        if self.folder is None:
            return None
        entry = self._entry(key)
        try:
            value = json.loads(entry.read_text("utf-8"))
            os.utime(entry)   # recently used: kept when the folder is trimmed
        except (OSError, ValueError):
            return None       # absent, half-deleted or unreadable: check again
        self.hits += 1
        return value

    def put(self, key: str, value) -> None:
        if self.folder is None:
            return
        entry = self._entry(key)
        try:
            entry.parent.mkdir(parents=True, exist_ok=True)
            fd, tmp = tempfile.mkstemp(dir=entry.parent, prefix=".tmp-")
            with os.fdopen(fd, "w", encoding="utf-8") as f:
                json.dump(value, f, ensure_ascii=False)
            os.replace(tmp, entry)   # a parallel run reading at the same time sees all or nothing
        except OSError:
            pass                     # a full or read-only folder only costs time, never a result

    def trim(self, max_entries: int = MAX_ENTRIES) -> int:
        """Remove the least recently used entries above max_entries; returns how many went."""
        if self.folder is None or not self.folder.exists():
            return 0
        entries = []
        for entry in self.folder.glob("*/*.json"):
            try:
                entries.append((entry.stat().st_mtime, entry))
            except OSError:
                continue
        extra = sorted(entries)[: max(0, len(entries) - max_entries)]
        for _, entry in extra:
            entry.unlink(missing_ok=True)
        return len(extra)
