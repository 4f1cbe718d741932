"""Slides from a module: the deck model, the HTML deck and the PPTX."""
from __future__ import annotations

import pytest
from pptx import Presentation

from factory import write_project
from kit.model.materials import load
from kit.model.paths import Project
from kit.slides.deck import body_points, build_deck
from kit.slides.html_deck import deck_html
from kit.slides.pptx_deck import write_pptx
from test_variants import with_variants


@pytest.fixture()
def module(tmp_path):
    text = with_variants(body_extra="\n### Pierwsza myśl\n\nTekst.\n\n### Druga myśl\n\n"
                                    "/// trener | Blok 2: Ćwiczenie (60 min)\nNotatka.\n///\n")
    root = write_project(tmp_path, {"m01-pierwszy": text})
    return load(Project(root, root / "docs")).modules[0]


def test_body_points_are_subheadings_before_the_blocks_trainer_note():
    body = "## A\n### Jeden\n/// trener | Blok 1: A (5 min)\nx\n///\n### Dwa {#dwa}\n### Trzy\n" \
           "/// trener | Blok 2: B (5 min)\n///\n"
    assert body_points(body) == {1: ["Jeden"], 2: ["Dwa", "Trzy"]}


def test_deck_has_title_agenda_and_a_slide_per_block(module):
    deck = build_deck(module, "pl", "Wydanie testowe")
    assert len(deck.slides) == 2 + len(module.agenda)
    assert deck.slides[0].title == "Moduł testowy" and "Wydanie testowe · Moduł M01" in deck.slides[0].meta
    assert deck.slides[3].lines == ["Pierwsza myśl", "Druga myśl"]  # block 2: from the module body
    assert deck.slides[2].lines[0] == "Cel: Poznać cele modułu."
    assert deck.slides[3].meta == "Blok 2 · 60 min · ćwiczenie"


def test_html_deck_is_self_contained_and_keyboard_ready(module):
    page = deck_html(build_deck(module, "pl", "W"), "../../assets/")
    assert page.startswith("<!doctype html>") and '<html lang="pl">' in page
    assert page.count("<h1 ") == 1 and page.count('class="slide"') == 2 + len(module.agenda)
    assert 'src="../../assets/javascripts/kit-slides.js"' in page and "<script>" not in page
    assert "http" not in page  # no third-party requests
    assert 'role="status" aria-live="polite"' in page and "<nav" in page and "hidden" in page


@pytest.mark.parametrize("lang, language", [("pl", "pl"), ("en", "en")])
def test_pptx_opens_with_a_title_on_every_slide(module, tmp_path, lang, language):
    out = tmp_path / "slajdy.pptx"
    n = write_pptx(build_deck(module, lang, "W"), out, "Zespół")
    prs = Presentation(str(out))
    assert len(prs.slides) == n == 2 + len(module.agenda)
    for slide in prs.slides:
        assert slide.shapes.title is not None and slide.shapes.title.text_frame.text.strip()
        assert slide.shapes[0].shape_id == slide.shapes.title.shape_id  # the title is read first
        assert not [s for s in slide.shapes if s.shape_type == 13]  # no pictures (no text in images)
    assert prs.core_properties.language == language and prs.core_properties.title


def test_unchanged_deck_is_copied_from_the_cache_and_a_change_writes_it_again(module, tmp_path, monkeypatch):
    from kit.pdf import pack
    from kit.pdf.cache import PdfCache
    cache, site = PdfCache(tmp_path / "cache"), tmp_path / "site"
    written = []
    real = pack.write_pptx
    monkeypatch.setattr(pack, "write_pptx", lambda deck, out, author: written.append(out) or real(deck, out, author))
    _, first, n = pack.write_slides(module, "pl", site, site, "Wydanie", "Zespół", cache)
    fresh = first.read_bytes()
    first.unlink()
    _, again, n_again = pack.write_slides(module, "pl", site, site, "Wydanie", "Zespół", cache)
    assert len(written) == 1 and again.read_bytes() == fresh and n_again == n
    pack.write_slides(module, "pl", site, site, "Wydanie", "Inny autor", cache)    # the author is in the file
    assert len(written) == 2
    monkeypatch.setenv("SOURCE_DATE_EPOCH", "1700000000")  # so is the members' date (the commit's)
    pack.write_slides(module, "pl", site, site, "Wydanie", "Inny autor", cache)
    assert len(written) == 3
