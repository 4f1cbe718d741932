"""Content hashes for the caches that reuse earlier work (PDFs, slides, pa11y and markdownlint results)."""
from __future__ import annotations

import hashlib
from pathlib import Path

_digests: dict[tuple, str] = {}


def digest(*parts: bytes | str) -> str:
    """One hash of several parts, each kept apart from the next."""
    h = hashlib.sha256()
    for part in parts:
        h.update(part.encode("utf-8") if isinstance(part, str) else part)
        h.update(b"\0")
    return h.hexdigest()


def file_digest(path: Path) -> str:
    """Content hash of a file, computed once per process while its size and time stay."""
    try:
        st = path.stat()
    except OSError:
        return "missing"   # whoever reads the file reports it; a key only has to differ
    memo = (str(path), st.st_size, st.st_mtime_ns)
    if memo not in _digests:
        _digests[memo] = hashlib.sha256(path.read_bytes()).hexdigest()
    return _digests[memo]
