"""Lighthouse for `kit bench --lighthouse`: installed on demand from its own lock file into
.cache/kit-bench/lighthouse (about 110 MB, so not with the test command's Node tools)."""
from __future__ import annotations

import json
import shutil
import subprocess
from pathlib import Path

from kit.model.paths import ROOT

LOCK_DIR = Path(__file__).with_name("lighthouse")


def install() -> Path:
    from kit.checks.node import npm_ci
    folder = ROOT / ".cache" / "kit-bench" / "lighthouse"
    folder.mkdir(parents=True, exist_ok=True)
    for name in ("package.json", "package-lock.json"):
        shutil.copyfile(LOCK_DIR / name, folder / name)
    return npm_ci(folder, "lighthouse", "Lighthouse") / "lighthouse" / "cli" / "index.js"


def audit(url: str) -> str:
    """One mobile run (Lighthouse's default: simulated slow 4G and a 4× slower CPU), as one line."""
    from kit.checks.browser import find_chromium
    from kit.checks.node import node_bin
    proc = subprocess.run([str(node_bin()), str(install()), url, f"--chrome-path={find_chromium()}",
                           "--chrome-flags=--headless=new --no-sandbox --disable-gpu",
                           "--only-categories=performance,accessibility", "--output=json", "--quiet"],
                          capture_output=True, text=True, timeout=600)
    if proc.returncode:
        return f"błąd Lighthouse: {proc.stderr.strip()[-300:]}"
    report = json.loads(proc.stdout)
    a, c = report["audits"], report["categories"]
    return (f"wydajność {c['performance']['score'] * 100:.0f}, dostępność {c['accessibility']['score'] * 100:.0f}, "
            f"LCP {a['largest-contentful-paint']['numericValue'] / 1000:.1f} s, "
            f"TBT {a['total-blocking-time']['numericValue']:.0f} ms, "
            f"przesłano {a['total-byte-weight']['numericValue'] / 1024:.0f} kB")
