"""The editor's preview: `mkdocs serve` follows materials/, rebuilds once per edit and shows errors."""
from __future__ import annotations

import os
import socket
import subprocess
import sys
import time
import urllib.request
from pathlib import Path

import pytest

from factory import link_node_modules, write_site

pytestmark = pytest.mark.slow
LIMIT = 90  # seconds: a bound for a hung server, not a performance target (see `kit bench`)


def _free_port() -> int:
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        return s.getsockname()[1]


def _get(url: str) -> str:
    try:
        return urllib.request.urlopen(url, timeout=LIMIT).read().decode("utf-8")
    except OSError:
        return ""


def _wait_for(url: str, text: str) -> bool:
    end = time.monotonic() + LIMIT
    while time.monotonic() < end:
        if text in _get(url):
            return True
        time.sleep(0.3)
    return False


@pytest.fixture(scope="module")
def preview(tmp_path_factory):
    """A small fixture project: these tests check the preview's mechanics; `kit bench` times the
    real project's edit-to-preview."""
    root = tmp_path_factory.mktemp("podglad") / "zestaw"
    root.mkdir()
    config = write_site(root, {"o-programie.md": "# O programie\n\nPierwsze zdanie strony.\n",
                               "o-programie.en.md": "# About\n\nThe first sentence.\n"})
    link_node_modules(root)
    port = _free_port()
    log = root / "serve.log"
    env = dict(os.environ, KIT_PDF="0", NO_MKDOCS_2_WARNING="1")
    with open(log, "w") as out:
        proc = subprocess.Popen([sys.executable, "-m", "mkdocs", "serve", "-f", str(config), "--dev-addr",
                                 f"127.0.0.1:{port}"], cwd=root, env=env, stdout=out, stderr=subprocess.STDOUT)
    base = f"http://127.0.0.1:{port}/"
    try:
        assert _wait_for(base, "</html>"), log.read_text()[-3000:]
        yield root, base, log
    finally:
        proc.terminate()
        proc.wait(timeout=30)


def _builds(log: Path) -> int:
    return log.read_text("utf-8").count("Building documentation...")


def _settle(log: Path) -> None:
    """Wait until the server has been quiet for a moment (no build running)."""
    last, end = log.stat().st_size, time.monotonic() + LIMIT
    while time.monotonic() < end:
        time.sleep(3)
        size = log.stat().st_size
        if size == last:
            return
        last = size


def _edit_and_count(root: Path, base: str, log: Path, source: Path, url: str, token: str) -> int:
    """Append a sentence to source, wait until url shows it, return the rebuilds that took."""
    _settle(log)
    before = _builds(log)
    source.write_text(source.read_text("utf-8") + f"\n\n{token}.\n", "utf-8")
    assert _wait_for(f"{base}{url}", token)
    _settle(log)
    return _builds(log) - before


def test_module_edit_reaches_the_preview_with_one_rebuild(preview):
    root, base, log = preview
    module = root / "materials" / "modules" / "m02-drugi"
    assert _edit_and_count(root, base, log, module / "modul.md", f"moduly/{module.name}/",
                           "Zdanie-kontrolne-podgladu") == 1


def test_docs_page_edit_rebuilds_once(preview):
    root, base, log = preview
    assert _edit_and_count(root, base, log, root / "docs" / "o-programie.md", "o-programie/",
                           "Drugie-zdanie-kontrolne") == 1


def test_english_page_edit_reaches_the_preview_built_beside_polish(preview):
    """With two cores the preview builds English in its own process on every rebuild."""
    from kit import cores
    root, base, log = preview
    assert _edit_and_count(root, base, log, root / "docs" / "o-programie.en.md", "en/o-programie/",
                           "English-check-sentence") == 1
    if cores.available() > 1:
        assert "równolegle w osobnym procesie: en" in log.read_text("utf-8")


def test_a_broken_module_shows_the_error_in_the_browser_and_recovers(preview):
    root, base, log = preview
    _settle(log)
    source = root / "materials" / "modules" / "m01-pierwszy" / "modul.md"
    good = source.read_text("utf-8")
    source.write_text(good.replace("duration:", "duration: [", 1), "utf-8")
    assert _wait_for(f"{base}o-programie/", "Podgląd zatrzymany")
    page = _get(f"{base}o-programie/")
    assert f"materials/modules/{source.parent.name}/modul.md:" in page and "Y001" in page
    assert "Traceback" not in log.read_text("utf-8")
    source.write_text(good, "utf-8")
    assert _wait_for(f"{base}o-programie/", "</nav>")
