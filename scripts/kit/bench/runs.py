"""Timed builds for `kit bench`: kit and bare Material interleaved and repeated, with the CPU time and
peak memory of each build (its process and the processes it waited for, e.g. PDF workers)."""
from __future__ import annotations

import os
import statistics
import subprocess
import sys
import threading
import time
from dataclasses import dataclass, field
from pathlib import Path


@dataclass
class Sample:
    wall: float
    cpu: float
    rss_mb: float
    code: int


@dataclass
class Series:
    name: str
    samples: list[Sample] = field(default_factory=list)

    def median(self, attr: str) -> float:
        return statistics.median(getattr(s, attr) for s in self.samples)


def run_build(root: Path, config: Path, site: Path, strict: bool = True, **env) -> Sample:
    """One `mkdocs build` in its own process."""
    cmd = [sys.executable, "-m", "mkdocs", "build", "--quiet", "-f", str(config), "--site-dir", str(site)]
    return run_command(cmd + (["--strict"] if strict else []), root, **env)


def run_command(cmd: list[str], root: Path, **env) -> Sample:
    """One command in its own process; CPU time and peak memory come from wait4() (the process and the
    processes it waited for, e.g. PDF workers)."""
    environment = dict(os.environ, NO_MKDOCS_2_WARNING="1", KIT_ROOT=str(root), **env)
    start = time.perf_counter()
    proc = subprocess.Popen(cmd, cwd=root, env=environment, stdout=subprocess.DEVNULL, stderr=subprocess.PIPE)
    peak = TreeMemory(proc.pid)
    peak.start()
    stderr = proc.stderr.read()
    _, status, usage = os.wait4(proc.pid, 0)
    wall = time.perf_counter() - start
    peak.done = True
    peak.join()
    proc.returncode = os.waitstatus_to_exitcode(status)
    if proc.returncode:
        sys.stderr.write(stderr.decode("utf-8", "replace")[-2000:])
    return Sample(wall, usage.ru_utime + usage.ru_stime, max(usage.ru_maxrss / 1024, peak.mb), proc.returncode)


class TreeMemory(threading.Thread):
    """Peak memory of a process and all its descendants at once (a language building in a forked
    process runs beside the default one; wait4() reports the largest single process only).
    Proportional set size, so pages the fork shares are counted once; Linux only, else 0."""

    def __init__(self, pid: int, every: float = 0.05):
        super().__init__(daemon=True)
        self.pid, self.every, self.mb, self.done = pid, every, 0.0, False

    def run(self) -> None:
        while not self.done:
            self.mb = max(self.mb, sum(_pss_kb(p) for p in _tree(self.pid)) / 1024)
            time.sleep(self.every)


def _tree(pid: int) -> list[int]:
    out, todo = [], [pid]
    while todo:
        p = todo.pop()
        out.append(p)
        try:
            todo += [int(c) for c in Path(f"/proc/{p}/task/{p}/children").read_text().split()]
        except OSError:
            pass
    return out


def _pss_kb(pid: int) -> int:
    try:
        for line in Path(f"/proc/{pid}/smaps_rollup").read_text().splitlines():
            if line.startswith("Pss:"):
                return int(line.split()[1])
    except (OSError, ValueError):
        pass
    return 0


def machine_busy_seconds() -> float:
    """CPU seconds all processes of the machine have used so far (Linux /proc/stat): the test command's
    browsers leave its process tree, so its own CPU time misses them."""
    fields = Path("/proc/stat").read_text().split("\n", 1)[0].split()[1:]
    user, nice, system, _idle, _iowait, irq, softirq, steal = (int(v) for v in fields[:8])
    return (user + nice + system + irq + softirq + steal) / os.sysconf("SC_CLK_TCK")


def ratios(kit: Series, bare: Series, attr: str) -> tuple[float, float, float]:
    """Median, lowest and highest of the per-round ratio kit/bare (rounds paired in order)."""
    values = [getattr(k, attr) / getattr(b, attr) for k, b in zip(kit.samples, bare.samples) if getattr(b, attr)]
    return statistics.median(values), min(values), max(values)


def interleaved(rounds: int, runs: dict[str, callable]) -> dict[str, Series]:
    """Each round runs every build once, the order turning by one each round, so that a slow
    moment of a shared machine does not fall on one side only."""
    names = list(runs)
    out = {name: Series(name) for name in names}
    for r in range(rounds):
        order = names[r % len(names):] + names[:r % len(names)]
        for name in order:
            out[name].samples.append(runs[name]())
    return out
