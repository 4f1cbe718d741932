"""Keyboard access (skip link, visible focus) in Chromium, and the accessibility statement's structure."""
from __future__ import annotations

import json
import re
import subprocess

import pytest

from conftest import ROOT
from kit.checks.browser import find_chromium
from kit.checks.localserver import serve
from kit.checks.node import ensure_packages, node_bin

REQUIRED_IDS = ("a11y-wstep", "a11y-podmiot", "a11y-url", "a11y-data-publikacja", "a11y-data-aktualizacja",
                "a11y-status", "a11y-data-sporzadzenie", "a11y-kontakt", "a11y-osoba", "a11y-email",
                "a11y-telefon", "a11y-procedura", "a11y-architektura", "a11y-aplikacje")


@pytest.mark.slow
@pytest.mark.parametrize("lang", ["", "en/"])
def test_statement_has_every_required_element(site, lang):
    html = (site / lang / "deklaracja-dostepnosci" / "index.html").read_text("utf-8")
    article = html.split("<article", 1)[1].split("</article>", 1)[0]
    for element_id in REQUIRED_IDS:
        assert f'id="{element_id}"' in article, element_id
    for element_id in ("a11y-data-publikacja", "a11y-data-aktualizacja", "a11y-data-sporzadzenie"):
        assert re.search(rf'<time id="{element_id}" datetime="\d{{4}}-\d{{2}}-\d{{2}}">', article), element_id
    assert article.count("<h1") == 1 and article.count("<h2") >= 6
    assert "{{" not in article  # every edition field was filled in
    status = re.search(r'id="a11y-status"[^>]*>(.*?)</p>', article, re.S)[1]
    assert re.search(r"częściowo zgodna|zgodna|niezgodna|compliant", status)
    # a11y-ocena marks a disproportionate-burden assessment, which this statement does not claim
    assert 'id="a11y-ocena"' not in article


@pytest.mark.slow
@pytest.mark.parametrize("lang", ["", "en/"])
def test_statement_lists_the_known_nonconformities(site, lang):
    from kit.model.nonconformities import load_nonconformities
    html = (site / lang / "deklaracja-dostepnosci" / "index.html").read_text("utf-8")
    html = re.sub(r"<[^>]+>", "", html)  # WCAG is an <abbr>
    gaps = load_nonconformities()
    for gap in gaps:
        assert f"WCAG 2.1, {'criterion' if lang else 'kryterium'} {gap.criterion}:" in html
    assert html.count("WCAG 2.1, kryterium" if not lang else "WCAG 2.1, criterion") == len(gaps)


@pytest.mark.slow
def test_statement_linked_from_every_footer(site):
    from conftest import html_pages
    for page in html_pages(site):
        footer = page.read_text("utf-8").split('<footer class="md-footer">')[-1]
        assert "deklaracja-dostepnosci/" in footer, page


def run_keyboard(url: str) -> dict:
    ensure_packages(ROOT)
    out = subprocess.run([str(node_bin()), str(ROOT / "tests" / "browser" / "keyboard.js"), url,
                          str(find_chromium())], capture_output=True, text=True, cwd=ROOT, timeout=120)
    assert out.returncode == 0, out.stderr
    return json.loads(out.stdout)


@pytest.mark.browser
@pytest.mark.slow
def test_skip_link_first_and_moves_to_content(site):
    with serve(site) as base:
        result = run_keyboard(base + "moduly/m01-organ-prowadzacy/")
    first = result["first"]
    assert first["tag"] == "A" and first["href"].startswith("#") and "md-skip" in first["className"]
    assert first["visible"], "skip link must become visible when focused"
    from urllib.parse import unquote
    target = first["href"][1:]
    assert unquote(result["after"]["hash"]) == "#" + target
    assert result["after"]["focusedId"] == target or result["after"]["focusedTag"] == "H1"


@pytest.mark.browser
@pytest.mark.slow
def test_focus_is_always_visible(site):
    with serve(site) as base:
        result = run_keyboard(base + "moduly/m01-organ-prowadzacy/")
    for step in result["focusStyles"]:
        if step["tag"] == "BODY":
            continue
        assert step["outline"] != "none" or step["boxShadow"] != "none", step
