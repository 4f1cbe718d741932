"""Shared fixtures: the real site built once per test session (strict), served on loopback."""
from __future__ import annotations

import os
import subprocess
import sys
import time
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(Path(__file__).parent))
os.environ.setdefault("NO_MKDOCS_2_WARNING", "1")


def build_site(site_dir: Path, config: Path = ROOT / "mkdocs.yml", extra_env: dict | None = None) -> str:
    """Build with --strict; returns MkDocs' log."""
    from kit.editions import source_date_epoch
    env = dict(os.environ, **(extra_env or {}))
    env.setdefault("SOURCE_DATE_EPOCH", source_date_epoch())  # both builds of a test run agree
    start = time.perf_counter()
    proc = subprocess.run([sys.executable, "-m", "mkdocs", "build", "--strict", "-f", str(config),
                           "--site-dir", str(site_dir)], cwd=ROOT, capture_output=True, text=True, env=env)
    took = time.perf_counter() - start
    assert proc.returncode == 0, f"build failed ({took:.1f} s):\n{proc.stderr[-4000:]}"
    print(f"\n[{site_dir.name}] built in {took:.1f} s")
    return proc.stderr


@pytest.fixture(scope="session", autouse=True)
def pdf_cache(tmp_path_factory) -> Path:
    """The session's own PDF cache: the first build renders every PDF, later builds reuse them,
    and no PDF comes from a developer's earlier builds (.cache/kit-pdf)."""
    folder = tmp_path_factory.mktemp("kit-pdf-cache")
    before = os.environ.get("KIT_PDF_CACHE")
    os.environ["KIT_PDF_CACHE"] = str(folder)
    yield folder
    if before is None:
        os.environ.pop("KIT_PDF_CACHE", None)
    else:
        os.environ["KIT_PDF_CACHE"] = before


@pytest.fixture(scope="session")
def site(tmp_path_factory) -> Path:
    """The real site, built with --strict into a temporary folder."""
    out = tmp_path_factory.mktemp("site")
    build_site(out)
    return out


def html_pages(site: Path) -> list[Path]:
    return sorted(p for p in site.rglob("index.html") if "assets" not in p.parts)
