"""Languages built in their own processes: a failure in either process stops the build with the
editor's message and leaves no process or result file behind; the sitemap parts join in order.
(That the site is the same as a sequential build's: tests/test_editions.py, the two-builds test.)"""
from __future__ import annotations

import os
import subprocess
import sys
import time
from types import SimpleNamespace

import pytest

from conftest import ROOT
from factory import link_node_modules, write_site
from kit import cores
from kit.site import language_processes, sitemap

HEAD = '<?xml version="1.0" encoding="UTF-8"?>\n<urlset xmlns="http://www.sitemaps.org/schemas/sitemap/0.9">'


def _render(*locs: str) -> str:
    return HEAD + "".join(f"\n    <url>\n        <loc>{loc}</loc>\n    </url>" for loc in locs) + "\n</urlset>"


def test_sitemap_parts_join_in_the_order_given():
    joined = sitemap.combine([_render("https://x/", "https://x/a/"), _render(), _render("https://x/en/")])
    assert joined == _render("https://x/", "https://x/a/", "https://x/en/")
    with pytest.raises(ValueError):
        sitemap.combine([_render("https://x/"), "<html></html>"])


def _i18n(**kw):
    base = dict(building=False, current_language="pl", default_language="pl", build_languages=["pl", "en"])
    return SimpleNamespace(**{**base, **kw})


@pytest.mark.parametrize("env, i18n, expected", [
    ({"KIT_MKDOCS_COMMAND": "build"}, _i18n(), True),
    ({"KIT_MKDOCS_COMMAND": "serve"}, _i18n(), True),
    ({"KIT_MKDOCS_COMMAND": "gh-deploy"}, _i18n(), False),
    ({"KIT_MKDOCS_COMMAND": "build", "KIT_PARALLEL_LANGUAGES": "0"}, _i18n(), False),
    ({"KIT_MKDOCS_COMMAND": "build"}, _i18n(building=True), False),         # a nested build
    ({"KIT_MKDOCS_COMMAND": "build"}, _i18n(current_language="en"), False),
    ({"KIT_MKDOCS_COMMAND": "build"}, _i18n(build_languages=["pl"]), False),
    ({"KIT_MKDOCS_COMMAND": "build"}, None, False),
])
def test_only_the_outer_default_build_of_build_and_serve_forks(monkeypatch, env, i18n, expected):
    monkeypatch.delenv("KIT_PARALLEL_LANGUAGES", raising=False)
    for key, value in env.items():
        monkeypatch.setenv(key, value)
    monkeypatch.setattr(cores, "available", lambda: 2)
    assert language_processes.wanted(i18n) is expected
    monkeypatch.setattr(cores, "available", lambda: 1)
    assert language_processes.wanted(i18n) is False


@pytest.mark.skipif(cores.available() < 2 or not hasattr(os, "fork"), reason="one core: no second process")
def test_a_failure_in_the_english_process_stops_the_build_with_its_message(tmp_path):
    root = tmp_path / "zestaw"
    root.mkdir()
    config = write_site(root, {"index.en.md": "# Home\n\nThe test kit.\n",
                               "licencja.en.md": "# Licence\n\nSee [the missing page](brak.md).\n"})
    (root / "node_modules").symlink_to(ROOT / "node_modules")
    scratch = tmp_path / "tmp"
    scratch.mkdir()
    env = dict(os.environ, KIT_PDF="0", TMPDIR=str(scratch))
    env.pop("KIT_PARALLEL_LANGUAGES", None)
    proc = subprocess.run([sys.executable, "-m", "mkdocs", "build", "--strict", "-f", str(config)],
                          cwd=ROOT, env=env, capture_output=True, text=True, timeout=300)
    assert proc.returncode == 1, proc.stderr[-3000:]
    assert "równolegle w osobnym procesie: en" in proc.stderr
    assert "'licencja.en.md' contains a link 'brak.md'" in proc.stderr
    assert "Aborted with 1 warnings" in proc.stdout + proc.stderr     # click prints the abort
    assert "Traceback" not in proc.stderr
    assert list(scratch.iterdir()) == []     # the result file is gone too


def _sleeping_child() -> int:
    pid = os.fork()
    if pid == 0:
        time.sleep(60)
        os._exit(0)
    return pid


@pytest.mark.skipif(not hasattr(os, "fork"), reason="no fork()")
def test_a_failed_default_build_ends_the_language_processes(tmp_path, monkeypatch):
    """MkDocs calls on_build_error when the Polish build fails; the English one must not go on
    writing into the site folder."""
    import importlib.util
    spec = importlib.util.spec_from_file_location("kit_hooks_stop", ROOT / "scripts" / "kit" / "site" / "hooks.py")
    hooks = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(hooks)
    result = tmp_path / "en.pickle"
    result.write_bytes(b"")
    pid = _sleeping_child()
    monkeypatch.setitem(language_processes._children, "en", (pid, result))
    hooks.on_build_error(RuntimeError("błąd w polskiej stronie"))
    assert language_processes._children == {} and not result.exists()
    with pytest.raises(ChildProcessError):   # ended and reaped
        os.waitpid(pid, os.WNOHANG)


@pytest.mark.skipif(not hasattr(os, "fork"), reason="no fork()")
def test_a_process_that_dies_without_a_result_fails_the_build(tmp_path, monkeypatch):
    from mkdocs.exceptions import Abort
    result = tmp_path / "en.pickle"
    result.write_bytes(b"")
    pid = os.fork()
    if pid == 0:
        os._exit(3)
    monkeypatch.setitem(language_processes._children, "en", (pid, result))
    with pytest.raises(Abort, match="kod wyjścia procesu: 3"):
        language_processes._join("en")
    assert not result.exists()


def test_static_i18n_gets_its_build_back_after_a_failure():
    """A preview rebuilds in one process: after a failed build the stand-in must not stay in place
    (nor wrap itself again on the next rebuild)."""
    import mkdocs_static_i18n.plugin as plugin
    original = plugin.build
    language_processes._patch_nested_build(_i18n())
    language_processes._patch_nested_build(_i18n())   # the next rebuild, after a failure
    assert plugin.build is not original
    language_processes.stop()
    assert plugin.build is original


def test_each_source_file_is_read_once_per_build(tmp_path):
    """Issue 19: every Markdown and YAML file of a two-language build is opened once, by all the
    build's processes together (MkDocs takes the pages from the model's reads; the English process
    inherits them; the Markdown dialect comes from the configuration MkDocs loaded)."""
    root = tmp_path / "zestaw"
    config = write_site(root, {"index.en.md": "# Home\n\nThe test kit.\n",
                               "licencja.en.md": "# Licence\n\nCC BY 4.0.\n"})
    link_node_modules(root)
    log = tmp_path / "reads.log"
    env = dict(os.environ, KIT_PDF="0", KIT_MKDOCS_COMMAND="build", NO_MKDOCS_2_WARNING="1")
    proc = subprocess.run([sys.executable, str(ROOT / "tests" / "read_probe.py"), str(log), str(root), str(ROOT), "--",
                           "build", "--strict", "-f", str(config), "--site-dir", str(tmp_path / "site")],
                          cwd=ROOT, env=env, capture_output=True, text=True, timeout=300)
    assert proc.returncode == 0, proc.stderr[-3000:]
    from collections import Counter
    reads = Counter(line.split(" ", 1)[1] for line in log.read_text("utf-8").splitlines())
    expected = [root / "docs" / "index.md", root / "docs" / "index.en.md", root / "docs" / "licencja.en.md",
                root / "materials" / "modules" / "m01-pierwszy" / "modul.md", root / "materials" / "legal.yml",
                root / "materials" / "wydanie.yml", config, ROOT / "mkdocs.yml"]
    assert not [p for p in expected if str(p.resolve()) not in reads], sorted(reads)
    assert {p: n for p, n in reads.items() if n > 1} == {}
