"""A trainer's session files in the built site: one-page run sheets, handouts that fit their
declared sheets, the slides and the module pack, linked at the top of the pages and in the catalogue."""
from __future__ import annotations

import re
import zipfile

import pikepdf
import pytest
from pptx import Presentation

from kit.model.materials import load

pytestmark = pytest.mark.slow


@pytest.fixture(scope="module")
def modules():
    return load().modules


def pages(path) -> int:
    with pikepdf.open(path) as pdf:
        return len(pdf.pages)


def test_every_run_sheet_is_one_page(site, modules):
    for m in modules:
        for v in (v for v in m.variants if v.timed):
            for root in (site, site / "en"):
                path = root / "pdf" / f"{m.slug}-przebieg-{v.key}.pdf"
                assert pages(path) == 1, f"{path.name}: {pages(path)} pages"


def test_every_handout_pdf_fits_its_declared_sheets(site, modules):
    for m in modules:
        for h in m.handouts:
            assert h.sheets, f"{h.path}: no sheets"
            path = site / "pdf" / f"{m.slug}-{h.name}.pdf"
            assert pages(path) == h.sheets, f"{path.name}: {pages(path)} pages, declared {h.sheets}"


def test_pack_holds_every_file_and_the_pptx_has_titles(site, modules):
    for m in modules:
        for lang, root in (("pl", site), ("en", site / "en")):
            with zipfile.ZipFile(root / "pdf" / f"{m.slug}-pakiet.zip") as z:
                names = [n.split("/", 1)[1] for n in z.namelist()]
                assert len({n.split("/", 1)[0] for n in z.namelist()}) == 1  # one folder
                runsheets = [v for v in m.variants if v.timed]
                assert sum(n.endswith(".pdf") for n in names) == 2 + len(runsheets) + len(m.handouts), names
                assert any(n.startswith("01-") for n in names) and any(n.startswith("02-") for n in names)
                assert {"05-slajdy.pptx" if lang == "pl" else "05-slides.pptx"} <= set(names)
                deck = next(n for n in z.namelist() if n.endswith("/index.html"))
                html = z.read(deck).decode()
                assert 'href="kit-slides.css"' in html and 'src="kit-slides.js"' in html and "http:" not in html and "https:" not in html
            prs = Presentation(str(root / "pdf" / f"{m.slug}-slajdy.pptx"))
            assert len(prs.slides) >= len(m.agenda) + 1
            assert all(s.shapes.title is not None and s.shapes.title.text_frame.text.strip() for s in prs.slides)


def test_downloads_at_the_top_and_in_the_catalogue(site, modules):
    m = modules[0]
    page = (site / "moduly" / m.slug / "index.html").read_text("utf-8")
    assert page.index('class="kit-downloads"') < page.index("kit-summary")  # above the module text
    assert re.search(r"pakiet.zip\">Pakiet trenera[^<]*</a> <span[^>]*>\(ZIP, \d+ plików, \d+ stron[ay]? PDF, "
                     r"\d+ slajd", page)
    catalogue = (site / "moduly" / "index.html").read_text("utf-8")
    assert catalogue.count("-pakiet.zip\">pakiet M") == len(modules)
    assert "MB)</span>" in catalogue


def test_html_deck_in_the_site_makes_no_third_party_request(site, modules):
    deck = (site / "moduly" / modules[0].slug / "slajdy" / "index.html").read_text("utf-8")
    assert 'src="../../../assets/javascripts/kit-slides.js"' in deck and "http:" not in deck and "https:" not in deck
    assert (site / "assets" / "javascripts" / "kit-slides.js").exists()
