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


def test_test_rows_give_the_floor_that_the_cores_allow(monkeypatch):
    """The test command's machine CPU divided by the cores: the shortest run any test order allows."""
    import io
    from kit.bench import command
    busy = iter([0.0, 400.0, 400.0, 460.0])
    monkeypatch.setattr(command, "machine_busy_seconds", lambda: next(busy))
    monkeypatch.setattr(command.subprocess, "call", lambda *a, **kw: 0)
    monkeypatch.setattr(command.cores, "available", lambda: 2)
    out = io.StringIO()
    command.test_rows(out)
    first, second = out.getvalue().splitlines()
    assert "CPU całej maszyny 400 s (na 2 rdzeniach co najmniej 200 s)" in first
    assert "CPU całej maszyny 60 s (na 2 rdzeniach co najmniej 30 s)" in second
