"""Run sheet, what to prepare and the print plan, from module data."""
from __future__ import annotations

import pytest

from factory import write_project
from kit.model.materials import load
from kit.model.paths import Project
from kit.model.printplan import DEFAULT, GroupSize, copies, handouts_for, things_for
from kit.site.runsheet import print_plan, runsheet_page, runsheet_section
from test_variants import with_variants


@pytest.fixture()
def module(tmp_path):
    root = write_project(tmp_path, {"m01-pierwszy": with_variants().replace(
        "    materials: [karta pracy 1, markery]\n", "    materials: [Markery]\n    handouts: [karta-1]\n")})
    karty = root / "materials" / "modules" / "m01-pierwszy" / "karty"
    karty.mkdir()
    (karty / "karta-1.md").write_text('---\ntitle: "Karta pracy 1: Test"\nsheets: 2\ncopies: grupa\n---\n\n# K\n',
                                      "utf-8")
    return root, load(Project(root, root / "docs")).modules[0]


@pytest.mark.parametrize("kind, size, expected", [
    ("uczestnik", GroupSize(15, 4, 3), 15), ("grupa", GroupSize(15, 4, 3), 4), ("zespol", GroupSize(15, 4, 3), 5),
    ("grupa", GroupSize(16, 4, 3), 4), ("zespol", GroupSize(1, 4, 3), 1)])
def test_copies_round_up(kind, size, expected):
    assert copies(kind, size) == expected


def test_things_merge_case_insensitively_with_block_numbers(module):
    _, m = module
    assert things_for(m.variants[0]) == [("flipchart", [1]), ("markery", [1, 2])]
    assert [(h.name, blocks) for h, blocks in handouts_for(m, m.variants[0])] == [("karta-1", [2])]


def test_runsheet_section_has_every_column_and_clock_times(module):
    _, m = module
    text = runsheet_section(m, m.variants[1], "pl", "08:00")
    assert "| Godziny | Blok | Metoda | Cel | Materiały | Sala |" in text
    assert ('| <time datetime="08:00" data-kit-at="0">08:00</time>–<time datetime="08:10" data-kit-at="10">08:10'
            "</time> | 1. Wprowadzenie (10 min) | prezentacja | Poznać cele modułu. | flipchart, markery | "
            "krzesła w kręgu |") in text
    assert "Markery, Karta pracy 1 |" in text
    assert "**Karty pracy:** Karta pracy 1 – jedna na grupę roboczą, 4 egz. po 2 str." in text
    assert "**Przygotuj:** flipchart (blok 1); markery (bloki 1, 2)." in text


def test_runsheet_page_skips_elearning_and_ends_with_print_plan(module, tmp_path):
    root, m = module
    page = runsheet_page(m, "pl", "09:00", root)
    assert page.count('class="kit-runsheet"') == 2  # full workshop and the meeting; e-learning is self-paced
    plan = print_plan(m, "pl", DEFAULT)
    assert "| [Karta pracy 1: Test](karty/karta-1.md) | 2 | jedna na grupę roboczą | " in plan
    assert '<span data-kit-copies="grupa" data-kit-sheets="2">4</span> | <span data-kit-pages>8</span>' in plan
    assert '<label for="kit-size-participants">Liczba osób na sali</label>' in plan
    assert "mkdocs.yml" not in page
