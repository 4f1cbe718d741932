"""Legal-acts registry, citations, glossary and the generated site pages."""
from __future__ import annotations

import pytest

from factory import write_project
from kit.model.errors import KitError
from kit.model.glossary import abbreviation_lines, load_glossary
from kit.model.legal import load_registry, render_citations
from kit.site.markup import accessible_tables
from kit.model.materials import load
from kit.site.pages import collect_citations, freshness_page, legal_page
from kit.model.paths import Project


def test_real_registry_loads_and_links_to_isap():
    from kit.model.paths import ROOT
    acts = load_registry(ROOT / "materials" / "legal.yml")
    assert acts["prawo-oswiatowe"].link.endswith("id=WDU20250001043")  # consolidated text preferred
    assert acts["rodo"].link.startswith("https://eur-lex.europa.eu/")
    assert acts["pcte"].verify  # flagged for expert review, no invented resolution number
    assert acts["pcte"].published is None


def test_registry_errors_name_line_and_field(tmp_path):
    f = tmp_path / "legal.yml"
    f.write_text("a:\n  title: T\n  short: S\n  title_en: E\n  kind: traktat\n  date: 2019-02-29\n", "utf-8")
    with pytest.raises(KitError) as exc:
        load_registry(f)
    text = str(exc.value)
    assert "legal.yml:5: [L007] kind:" in text
    assert "legal.yml:6: [L004] date:" in text


def test_render_citation_relative_link():
    from kit.model.legal import Act
    acts = {"rodo": Act("rodo", "Rozporządzenie", "RODO", "GDPR", "rozporzadzenie-ue")}
    out = render_citations("Zob. [[akt:rodo|art. 5]] i [[akt:rodo]].", acts, "moduly/m01-x/index.md")
    assert out == ("Zob. [RODO, art. 5](../../zasoby/podstawy-prawne.md#akt-rodo){ .kit-akt lang=\"pl\" } i "
                   "[RODO](../../zasoby/podstawy-prawne.md#akt-rodo){ .kit-akt lang=\"pl\" }.")


def _acts():
    from kit.model.legal import Act
    return {"rodo": Act("rodo", "Rozporządzenie", "RODO", "GDPR", "rozporzadzenie-ue"),
            "po": Act("po", "Ustawa – Prawo oświatowe", "Prawo oświatowe", "Law", "ustawa")}


def test_link_citation_keeps_author_text_and_points_to_registry():
    out = render_citations("Wynika to z [art. 10 ust. 1 Prawa oświatowego](akt:po).", _acts(), "koncepcja/a.md")
    assert out == ("Wynika to z [art. 10 ust. 1 Prawa oświatowego](../zasoby/podstawy-prawne.md#akt-po)"
                   "{ .kit-akt }.")  # the author's words are in the page's language


@pytest.mark.parametrize("text, code", [
    ("Wynika to z [[akt:po]].", "L011"),                       # nominative inserted after "z"
    ("Na podstawie [Prawo oświatowe](akt:po) gmina…", "L011"),  # the author kept the nominative
    ("Zgodnie z [[akt:po|art. 10]] gmina…", "L011"),
    ("Zob. [tekst](akt:brak).", "L010"),
    ("Zob. [ ](akt:po).", "L012"),
])
def test_citation_problems(text, code):
    from pathlib import Path
    from kit.model.legal import check_citations
    problems = check_citations(Path("strona.md"), "\n" + text, _acts())
    assert [(p.code, p.line) for p in problems] == [(code, 2)]


@pytest.mark.parametrize("text", [
    "Wynika to z [Prawa oświatowego](akt:po).",
    "Zgodnie z [[akt:rodo]] administrator…",       # an acronym does not inflect
    "[[akt:po]] mówi, że…",                        # nominative where it belongs
])
def test_correct_citations_pass(text):
    from pathlib import Path
    from kit.model.legal import check_citations
    assert check_citations(Path("strona.md"), text, _acts()) == []


def test_glossary_abbreviations_per_language(tmp_path):
    root = write_project(tmp_path)
    terms = load_glossary(root / "materials" / "glossary.yml")
    assert abbreviation_lines(terms, "pl") == "*[JST]: jednostka samorządu terytorialnego"
    assert abbreviation_lines(terms, "en") == "*[JST]: local government unit"
    assert abbreviation_lines(terms, "pl", "Każda JST prowadzi szkoły.") == "*[JST]: jednostka samorządu terytorialnego"
    assert abbreviation_lines(terms, "pl", "Tekst bez skrótów.") == ""


def test_duplicate_glossary_term(tmp_path):
    f = tmp_path / "g.yml"
    f.write_text("- term: JST\n  definition: a\n- term: jst\n  definition: b\n", "utf-8")
    with pytest.raises(KitError) as exc:
        load_glossary(f)
    assert "g.yml:3: [G003]" in str(exc.value)


def test_legal_page_lists_citing_modules_and_locators(tmp_path):
    root = write_project(tmp_path)
    m = load(Project(root, root / "docs"))
    page = legal_page(m.acts, collect_citations(m.modules, root / "docs"), "pl")
    assert "## Prawo oświatowe {#akt-prawo-oswiatowe}" in page
    assert "[Moduł testowy](../moduly/m01-pierwszy/index.md) (art. 10 ust. 1)" in page
    assert "[Drugi moduł](../moduly/m02-drugi/index.md)" in page


def test_freshness_flags_acts_changed_after_review(tmp_path):
    root = write_project(tmp_path)
    m = load(Project(root, root / "docs"))
    page = freshness_page(m.modules, m.acts, "pl")
    row_m02 = next(r for r in page.split("\n") if "Drugi moduł" in r)
    row_m01 = next(r for r in page.split("\n") if "Moduł testowy" in r)
    assert "[RODO](akt:rodo): zmiana z 1 czerwca 2026 r." in row_m02  # changed 2026-06-01, reviewed 2026-01-15
    assert row_m01.endswith("| brak |")


def test_table_caption_and_scope():
    html = "<p>Tabela: Lista szkół</p>\n<table>\n<thead>\n<tr>\n<th>Szkoła</th>\n<th style=\"x\">Liczba</th>"
    out = accessible_tables(html)
    assert "<table>\n<caption>Lista szkół</caption>" in out
    assert '<thead>' in out and '<th scope="col">Szkoła' in out and '<th scope="col" style="x">' in out


def test_built_page_with_and_without_directory_urls(tmp_path):
    from kit.pdf.plan import built_page
    (tmp_path / "moduly" / "m01").mkdir(parents=True)
    (tmp_path / "moduly" / "m01" / "index.html").write_text("x")
    (tmp_path / "koncepcja").mkdir()
    (tmp_path / "koncepcja" / "metody.html").write_text("x")
    assert built_page(tmp_path, "moduly/m01/") == tmp_path / "moduly" / "m01" / "index.html"
    assert built_page(tmp_path, "koncepcja/metody/") == tmp_path / "koncepcja" / "metody.html"


@pytest.mark.parametrize("n, word", [(1, "moduł"), (2, "moduły"), (4, "moduły"), (5, "modułów"), (12, "modułów"),
                                     (22, "moduły"), (25, "modułów")])
def test_polish_plural(n, word):
    from kit.site.pages import plural_pl
    assert plural_pl(n, "moduł", "moduły", "modułów") == word
