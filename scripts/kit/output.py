"""Build output that is either complete or absent: a lock per output folder and a swap at the end.

`kit build` and `kit offline` build into a temporary folder beside the target and rename it into
place only when the build succeeded, so a failed write, a full disk or Ctrl-C never leaves a
half-built site or a truncated search index where readers (or the publishing step) look.
"""
from __future__ import annotations

import contextlib
import fcntl
import os
import shutil
import tempfile
from pathlib import Path

from kit.model.errors import KitError, Problem


@contextlib.contextmanager
def locked(target: Path):
    """Hold an exclusive lock for target (a folder or file) for the length of one build."""
    target.parent.mkdir(parents=True, exist_ok=True)
    lock_path = target.parent / f".{target.name}.lock"
    handle = open(lock_path, "a+")
    try:
        fcntl.flock(handle, fcntl.LOCK_EX | fcntl.LOCK_NB)
    except BlockingIOError:
        handle.close()
        raise KitError([Problem(target, 0, "O001", "", "w tym folderze trwa już inna budowa (drugie polecenie "
                                "kit build lub kit offline).", "poczekaj, aż tamta się skończy, albo podaj inny "
                                "folder (--site-dir, --out).")]) from None
    try:
        handle.seek(0)
        handle.truncate()
        handle.write(str(os.getpid()))
        handle.flush()
        yield
    finally:
        fcntl.flock(handle, fcntl.LOCK_UN)
        handle.close()


@contextlib.contextmanager
def staged(target: Path):
    """Yield a temporary path beside target; on success it replaces target, otherwise it is removed."""
    target.parent.mkdir(parents=True, exist_ok=True)
    tmp = Path(tempfile.mkdtemp(prefix=f".{target.name}.tmp-", dir=target.parent))
    staging = tmp / target.name
    try:
        yield staging
        old = tmp / "poprzednia"
        if target.exists():
            os.replace(target, old)
        os.replace(staging, target)
    finally:
        shutil.rmtree(tmp, ignore_errors=True)
