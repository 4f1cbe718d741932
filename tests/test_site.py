"""The built site: both languages, translations or fallback notices, module views, generated pages."""
from __future__ import annotations

import re
from pathlib import Path

import pytest

from conftest import ROOT, html_pages
from kit.model.materials import load

pytestmark = pytest.mark.slow


@pytest.fixture(scope="module")
def materials():
    return load()


def pl_pages(site: Path) -> list[Path]:
    """Polish theme pages (slide decks are standalone pages, with a deck per language of their own)."""
    return [p for p in html_pages(site) if p.relative_to(site).parts[0] != "en" and p.parent.name != "slajdy"]


def test_both_languages_built(site):
    pl = pl_pages(site)
    en = [p for p in (site / "en").rglob("index.html") if p.parent.name != "slajdy"]
    assert len(pl) > 30 and len(en) == len(pl)
    assert '<html lang="pl"' in (site / "index.html").read_text("utf-8")
    assert '<html lang="en"' in (site / "en" / "index.html").read_text("utf-8")


@pytest.fixture(scope="module")
def generated(materials):
    """The pages the build generates as virtual files (docs-relative source paths)."""
    from kit.model.paths import Project
    from kit.site.generated import plan
    return set(plan(Project.default(), materials.modules, materials.acts, materials.terms, "09:00",
                    cases=materials.cases, paths=materials.paths).texts)


def _has_english_source(rel: str, generated: set[str]) -> bool:
    docs = ROOT / "docs"
    if rel in ("", "."):
        return (docs / "index.en.md").exists()
    candidates = (f"{rel}.en.md", f"{rel}/index.en.md")
    return any((docs / c).exists() or c in generated for c in candidates)


def test_every_page_has_counterpart_and_fallback_notice_exactly_when_untranslated(site, generated):
    notice = "This page has not been translated yet"
    checked = 0
    for page in pl_pages(site):
        rel = page.parent.relative_to(site).as_posix()
        en = site / "en" / page.relative_to(site)
        assert en.exists(), f"no English counterpart for {rel}"
        html = en.read_text("utf-8")
        if _has_english_source(rel, generated):
            assert notice not in html, rel
        else:
            assert notice in html and '<div lang="pl">' in html, rel  # language of parts, WCAG 3.1.2
        checked += 1
    assert checked > 30


def test_both_views_exist_for_every_module(site, materials):
    for m in materials.modules:
        for lang_dir in (site, site / "en"):
            part = lang_dir / "moduly" / m.slug / "index.html"
            trainer = lang_dir / "moduly" / m.slug / "trener" / "index.html"
            assert part.exists() and trainer.exists(), m.slug
            assert 'href="trener/"' in part.read_text("utf-8")
            assert 'href="../"' in trainer.read_text("utf-8")


def test_trainer_text_only_in_trainer_view(site, materials):
    from kit.model.trainer_blocks import split_trainer_blocks
    for m in materials.modules:
        blocks = split_trainer_blocks(m.body)
        assert blocks, f"{m.slug} has no trainer notes"
        rows = m.body.split("\n")
        # a distinctive line from inside the first trainer block
        inner = [r.strip() for r in rows[blocks[0].start + 1:blocks[0].end] if len(r.strip()) > 40]
        needle = re.sub(r"[*_`\[\]]", "", inner[0])[:30]
        participant = (site / "moduly" / m.slug / "index.html").read_text("utf-8")
        trainer = (site / "moduly" / m.slug / "trener" / "index.html").read_text("utf-8")
        assert needle not in participant, f"trainer text leaked into {m.slug}: {needle!r}"
        assert 'class="admonition trener"' not in participant
        assert 'class="admonition trener"' in trainer


def test_catalogue_lists_every_module(site, materials):
    html = (site / "moduly" / "index.html").read_text("utf-8")
    assert "<caption>" in html and 'scope="col"' in html
    for m in materials.modules:
        assert f'href="{m.slug}/"' in html and f'href="{m.slug}/trener/"' in html


def test_legal_page_has_every_key_used(site, materials):
    html = (site / "zasoby" / "podstawy-prawne" / "index.html").read_text("utf-8")
    used = {k for m in materials.modules for k in m.legal}
    assert used
    for key in used:
        assert f'id="akt-{key}"' in html, key


def test_citations_render_as_links(site, materials):
    m = next(m for m in materials.modules if m.legal)
    html = (site / "moduly" / m.slug / "index.html").read_text("utf-8")
    assert "[[akt:" not in html
    assert 'class="kit-akt" href="../../zasoby/podstawy-prawne/#akt-' in html


def test_glossary_terms_become_abbr(site, materials):
    html = (site / "moduly" / materials.modules[0].slug / "index.html").read_text("utf-8")
    assert re.search(r'<abbr title="jednostka samorządu terytorialnego">JST</abbr>', html)
    en = (site / "en" / "index.html").read_text("utf-8")
    assert re.search(r'<abbr title="[^"]*local government[^"]*">JST</abbr>', en)


def test_module_header_from_front_matter(site, materials):
    m = materials.modules[0]
    html = (site / "moduly" / m.slug / "index.html").read_text("utf-8")
    assert f'<time datetime="{m.reviewed.isoformat()}">' in html
    assert f'<time datetime="{m.review_by.isoformat()}">' in html
    assert "Efekty uczenia się" in html and "Czas warsztatu" in html and "Czas czytania" in html


def test_edit_link_opens_real_source(site, materials):
    m = materials.modules[0]
    html = (site / "moduly" / m.slug / "index.html").read_text("utf-8")
    assert f"/edit/main/materials/modules/{m.slug}/modul.md" in html
