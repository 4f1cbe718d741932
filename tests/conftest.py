"""Shared fixtures: the real site built once per test run (strict) and shared by every test worker
(`kit test` runs the test files on all cores with pytest-xdist), and the PDF cache."""
from __future__ import annotations

import os
import subprocess
import sys
import time
from pathlib import Path

import pytest
from filelock import FileLock

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


# The order in which the workers take the test files (the order changes the run's wall time only):
# pa11y, the longest, first, so that it starts as soon as the shared site is built; meanwhile the
# other worker runs the files that build their own fixture sites, then the other browser checks.
TEST_ORDER = ("test_pa11y.py", "test_hostile_pages.py", "test_editions.py", "test_ui_states.py", "test_serve.py",
                 "test_search.py", "test_selfstudy_browser.py", "test_pdf.py", "test_a11y_defaults.py")


def pytest_collection_modifyitems(items):
    rank = {name: i for i, name in enumerate(TEST_ORDER)}
    items.sort(key=lambda item: rank.get(item.path.name, len(rank)))


def run_folder(tmp_path_factory) -> Path:
    """A folder shared by all workers of this test run (each xdist worker has its own base temp
    folder inside it); without xdist, the session's own base temp folder."""
    base = tmp_path_factory.getbasetemp()
    return base.parent if os.environ.get("PYTEST_XDIST_WORKER") else base


@pytest.fixture(scope="session", autouse=True)
def pdf_cache() -> Path:
    """The project's PDF cache (.cache/kit-pdf, or KIT_PDF_CACHE): PDFs whose inputs did not change
    since an earlier build are reused. The key holds the kit's PDF code and the renderer versions, and
    tests/test_pdf.py renders a PDF afresh and compares it byte for byte with the built one."""
    from kit.pdf.cache import default_dir
    folder = default_dir(ROOT)
    with pytest.MonkeyPatch.context() as mp:
        if folder is not None:
            mp.setenv("KIT_PDF_CACHE", str(folder))   # fixture projects in temporary folders share it
        yield folder


@pytest.fixture(scope="session", autouse=True)
def check_cache():
    """Fixture projects keep their check results (markdownlint, accessibility and safety lint) in the
    project's .cache/ too, unless KIT_CHECK_CACHE names another folder: results are keyed by file
    content and tool versions, so a fixture file that is a copy of a project file is not linted again.
    Tests of the caches themselves set KIT_CHECK_CACHE to their own folder."""
    with pytest.MonkeyPatch.context() as mp:
        if "KIT_CHECK_CACHE" not in os.environ:
            mp.setenv("KIT_CHECK_CACHE", str(ROOT / ".cache"))
        yield


@pytest.fixture(scope="session")
def site(tmp_path_factory) -> Path:
    """The real site, built with --strict once per test run; the first worker that needs it builds
    it, the others wait for it. Tests only read it; its build log is site.log beside it."""
    shared = run_folder(tmp_path_factory)
    out, done = shared / "site", shared / "site.built"
    with FileLock(str(shared / "site.lock")):
        if not done.exists():
            (shared / "site.log").write_text(build_site(out), "utf-8")
            done.touch()
    return out


def html_pages(site: Path) -> list[Path]:
    return sorted(p for p in site.rglob("index.html") if "assets" not in p.parts)
