"""`kit bench`'s measurements: what a build costs must count every process it runs at once."""
from __future__ import annotations

import sys
from pathlib import Path

import pytest

from kit.bench.runs import run_command

# Parent and child each fill 80 MB of their own after the fork and hold it for a second.
TWO_PROCESSES = """
import os, time
pid = os.fork()
block = bytearray(80 * 2**20)
for i in range(0, len(block), 4096):
    block[i] = 1
time.sleep(1.0)
if pid == 0:
    os._exit(0)
os.waitpid(pid, 0)
"""


@pytest.mark.skipif(not Path("/proc/self/smaps_rollup").exists(), reason="Linux /proc only")
def test_peak_memory_adds_up_processes_that_run_at_the_same_time(tmp_path):
    sample = run_command([sys.executable, "-c", TWO_PROCESSES], tmp_path)
    assert sample.code == 0
    assert sample.rss_mb > 150   # one process alone peaks near 90 MB
