"""Material's defaults that fail WCAG 2.1 AA, each fixed in overrides/ and checked in the output."""
from __future__ import annotations

import re

import pytest

from kit.checks.contrast import ratio

pytestmark = pytest.mark.slow


@pytest.fixture(scope="module")
def home(site):
    return (site / "index.html").read_text("utf-8")


def test_search_form_has_submit_button(home):
    form = re.search(r'<form class="md-search__form".*?</form>', home, re.S)[0]
    assert re.search(r'<button type="submit"[^>]*aria-label="[^"]+"', form)


def test_search_dialog_has_accessible_name(home):
    assert re.search(r'<div class="md-search"[^>]*role="dialog"[^>]*aria-label="[^"]+"', home)


def test_footer_text_contrast_is_at_least_4_5(site):
    css = (site / "assets" / "stylesheets" / "kit.css").read_text("utf-8")
    bg = re.search(r"\.md-footer-meta \{\s*background-color: (#[0-9a-f]{6})", css)[1]
    fg = re.search(r"\.md-footer-meta \.md-copyright,.*?color: (#[0-9a-f]{6})", css, re.S)[1]
    assert ratio(fg, bg) >= 4.5


def test_footer_is_polish_with_licence_statement_and_report_link(home):
    footer = home.split('<footer class="md-footer">')[1]
    assert "Made with" not in footer
    assert "CC BY 4.0" in footer and "EUPL-1.2" in footer
    assert 'href="deklaracja-dostepnosci/">Deklaracja dostępności</a>' in footer
    assert re.search(r'href="https://github\.com/[^"]+/issues/new\?title=Uwaga%20do%20strony', footer)


def test_english_footer_is_english(site):
    footer = (site / "en" / "index.html").read_text("utf-8").split('<footer class="md-footer">')[1]
    assert "Accessibility statement" in footer and "Deklaracja dostępności" not in footer
    assert 'href="../en/deklaracja-dostepnosci/"' in footer or 'href="deklaracja-dostepnosci/"' in footer


def test_statement_meta_on_every_page(site):
    from conftest import html_pages
    for page in html_pages(site):
        assert '<meta name="deklaracja-dostępności"' in page.read_text("utf-8"), page
