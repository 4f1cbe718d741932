"""How many processes the kit's parallel steps start: one per core this process may use."""
from __future__ import annotations

import os


def available() -> int:
    return max(1, len(os.sched_getaffinity(0)) if hasattr(os, "sched_getaffinity") else os.cpu_count() or 1)
