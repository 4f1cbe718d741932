"""Faults: Ctrl-C during PDF rendering, two builds in one folder, a failed build, a full disk and an
unreachable npm registry each end with one Polish message, no traceback and no half-built output."""
from __future__ import annotations

import errno
import os
import signal
import subprocess
import sys
import time
from pathlib import Path

import pytest

from conftest import ROOT
from factory import write_site

# Renders "PDFs" that never finish; each worker first notes its process id.
_INTERRUPTED = """
import os, signal, sys, time
signal.signal(signal.SIGINT, signal.default_int_handler)   # as in a terminal, even when started in the background
from pathlib import Path
from kit.pdf.render import render_all
pids = Path(sys.argv[1])
def slow(job):
    (pids / str(os.getpid())).write_text("")
    time.sleep(600)
if sys.argv[2] == "thread":   # the kernel may hand a process's SIGINT to any of its threads
    import threading
    def interrupt_from_another_thread():
        while len(list(pids.iterdir())) < 2:
            time.sleep(0.05)
        signal.pthread_kill(threading.get_ident(), signal.SIGINT)
    threading.Thread(target=interrupt_from_another_thread, daemon=True).start()
render_all(list(range(4)), workers=2, progress=print, renderer=slow)
"""


def alive(pid: int) -> bool:
    try:
        state = Path(f"/proc/{pid}/stat").read_text().split(")")[-1].split()[0]
    except FileNotFoundError:
        return False
    return state not in ("Z", "X")


@pytest.mark.parametrize("receiver", ["group", "thread"])
def test_ctrl_c_during_pdf_rendering_stops_workers_with_one_line(tmp_path, receiver):
    """group: what a terminal sends on Ctrl-C, the whole process group. thread: the signal reaches a
    thread other than the main one, which the kernel may choose; the main thread must still react."""
    proc = subprocess.Popen([sys.executable, "-c", _INTERRUPTED, str(tmp_path), receiver], cwd=ROOT, text=True,
                            stdout=subprocess.PIPE, stderr=subprocess.PIPE, start_new_session=True)
    for _ in range(300):   # wait until both workers run (a poll, not a timing assertion)
        if len(list(tmp_path.iterdir())) >= 2:
            break
        time.sleep(0.1)
    workers = [int(p.name) for p in tmp_path.iterdir()]
    assert len(workers) == 2
    if receiver == "group":
        os.killpg(proc.pid, signal.SIGINT)
    out, err = proc.communicate(timeout=60)
    assert proc.returncode == 130
    assert err.strip().count("\n") == 0 and err.startswith("Przerwano (Ctrl-C)") and "Traceback" not in err
    for _ in range(50):
        if not any(alive(pid) for pid in workers):
            break
        time.sleep(0.1)
    assert not any(alive(pid) for pid in workers)


# scripts/run.py handing over to a `kit` that, like the real one, stops on Ctrl-C with one line.
_RUN_PY_INTERRUPTED = """
import signal, sys
from pathlib import Path
signal.signal(signal.SIGINT, signal.default_int_handler)
sys.path.insert(0, sys.argv[2])
import run
run.BIN = Path(sys.argv[1])
sys.exit(run.run_kit(["serve"], {"PATH": "/usr/bin:/bin"}))
"""
_FAKE_KIT = """#!/bin/sh
trap 'echo "Przerwano (Ctrl-C); wynik poprzedniej budowy został bez zmian." >&2; exit 130' INT
touch "$(dirname "$0")/started"
while :; do sleep 0.1; done
"""


def test_ctrl_c_on_the_readme_command_ends_with_kits_one_line(tmp_path):
    """`python3 scripts/run.py serve` stopped with Ctrl-C: kit's one line and its exit code, no traceback
    from run.py (which waits for kit)."""
    fake = tmp_path / "kit"
    fake.write_text(_FAKE_KIT, "utf-8")
    fake.chmod(0o755)
    proc = subprocess.Popen([sys.executable, "-c", _RUN_PY_INTERRUPTED, str(tmp_path), str(ROOT / "scripts")],
                            text=True, stdout=subprocess.PIPE, stderr=subprocess.PIPE, start_new_session=True)
    for _ in range(300):   # a poll until the fake kit runs, not a timing assertion
        if (tmp_path / "started").exists():
            break
        time.sleep(0.1)
    os.killpg(proc.pid, signal.SIGINT)
    out, err = proc.communicate(timeout=60)
    assert proc.returncode == 130
    assert "Traceback" not in err and err.strip().count("\n") == 0 and err.startswith("Przerwano (Ctrl-C)")


def kit(root: Path, *args: str) -> subprocess.CompletedProcess:
    env = dict(os.environ, KIT_ROOT=str(root), KIT_PDF="0")
    return subprocess.run([sys.executable, "-m", "kit.cli", *args], cwd=root, env=env, capture_output=True,
                          text=True)


@pytest.fixture()
def fixture_root(tmp_path) -> Path:
    root = tmp_path / "zestaw"
    root.mkdir()
    write_site(root)
    (root / "node_modules").symlink_to(ROOT / "node_modules")   # lunr-languages for the search
    return root


def test_second_build_in_the_same_folder_is_refused(fixture_root):
    from kit.output import locked
    with locked(fixture_root / "site"):
        proc = kit(fixture_root, "build")
    assert proc.returncode == 1 and "[O001]" in proc.stderr and "trwa już inna budowa" in proc.stderr
    assert "Traceback" not in proc.stderr and not (fixture_root / "site").exists()


def test_failed_build_leaves_the_previous_site_untouched(fixture_root):
    first = kit(fixture_root, "build")
    assert first.returncode == 0, first.stderr[-2000:]
    before = sorted(p.relative_to(fixture_root) for p in (fixture_root / "site").rglob("*"))
    module = fixture_root / "materials" / "modules" / "m01-pierwszy" / "modul.md"
    module.write_text(module.read_text("utf-8").replace("duration: 90", "duration: 95"), "utf-8")
    second = kit(fixture_root, "build")
    assert second.returncode == 1 and "modul.md" in second.stderr
    assert sorted(p.relative_to(fixture_root) for p in (fixture_root / "site").rglob("*")) == before
    assert not [p for p in fixture_root.iterdir() if ".tmp-" in p.name]   # no half-built leftovers


def test_full_disk_is_one_polish_line(monkeypatch, tmp_path, capsys):
    from kit import cli

    def full(ns):
        raise OSError(errno.ENOSPC, os.strerror(errno.ENOSPC), str(tmp_path / "site" / "search_index.json"))
    monkeypatch.setattr(cli, "cmd_stats", full)
    assert cli.main(["stats"]) == 1
    err = capsys.readouterr().err
    assert err.startswith("Błąd zapisu lub odczytu pliku") and "search_index.json" in err and err.count("\n") == 1


def test_build_error_hook_turns_os_errors_into_one_message():
    from mkdocs.exceptions import PluginError
    import importlib.util
    spec = importlib.util.spec_from_file_location("kit_hooks", ROOT / "scripts" / "kit" / "site" / "hooks.py")
    hooks = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(hooks)
    with pytest.raises(PluginError, match="Sprawdź wolne miejsce na dysku"):
        hooks.on_build_error(OSError(errno.ENOSPC, "No space left on device", "site/index.html"))
    assert hooks.on_build_error(ValueError("x")) is None


def test_unreachable_npm_registry_is_one_polish_message(tmp_path, monkeypatch):
    from kit.checks.node import ensure_packages
    from kit.model.errors import KitError
    (tmp_path / "package.json").write_text('{"name": "x", "version": "1.0.0", "dependencies": {"left-pad": "1.3.0"}}')
    (tmp_path / "package-lock.json").write_text(
        '{"name": "x", "version": "1.0.0", "lockfileVersion": 3, "requires": true, "packages": {'
        '"": {"name": "x", "version": "1.0.0", "dependencies": {"left-pad": "1.3.0"}},'
        '"node_modules/left-pad": {"version": "1.3.0", "resolved": "http://127.0.0.1:9/left-pad/-/left-pad-1.3.0.tgz",'
        '"integrity": "sha512-XI5MPzVNApjAyhQzphX8BkmKsKUxD4LdyK24iZeQEwcfGUmLnd31fGUTx4u9Ll0BW6sX0CFJKCH9W+x8yeHTeb/A=="}}}')
    monkeypatch.setenv("npm_config_registry", "http://127.0.0.1:9/")
    monkeypatch.setenv("npm_config_fetch_retries", "0")
    monkeypatch.setenv("npm_config_cache", str(tmp_path / "cache"))
    with pytest.raises(KitError) as err:
        ensure_packages(tmp_path)
    [problem] = err.value.problems
    assert problem.code == "N002" and "rejestru npm" in problem.fix and "Traceback" not in str(problem)
