"""The concept's programme tables come from the modules' variants."""
from __future__ import annotations

import pytest

from kit.model.errors import KitError
from kit.model.materials import load
from kit.site.programme import days_table, fill, modules_table


@pytest.fixture(scope="module")
def modules():
    return load().modules


def test_modules_table_matches_the_concept_programme(modules):
    table = modules_table(modules, "pl")
    assert "| [m01 Organ prowadzący w cyfrowej edukacji](../moduly/m01-organ-prowadzacy/index.md) | 300 | 120 | 180 | 0 |" in table
    assert "| [m08 Sieci współpracy i komunikacja](../moduly/m08-wspolpraca/index.md) | 240 | 150 | 0 | 90 |" in table
    assert table.rstrip().endswith("| Razem | 2580 | 1140 | 720 | 720 |")
    assert table.startswith("Tabela: ")


def test_days_table_splits_a_module_across_days(modules):
    table = days_table(modules, "pl")
    assert ("| Zjazd 1, dzień 1 | Organ prowadzący w cyfrowej edukacji (180 min); Diagnoza gotowości cyfrowej "
            "– część 1 (180 min) | 360 min |") in table
    assert "| Zjazd 2, dzień 2 |" in table and table.count("| 360 min |") == 4
    assert "Meeting 1, day 2" in days_table(modules, "en")


def test_fill_replaces_placeholders_and_links_from_page_depth(modules):
    out = fill("A\n\n{{ program.moduly }}\n", modules, "en", "a/b/c.en.md")
    assert "](../../moduly/m01-organ-prowadzacy/index.md)" in out and "{{" not in out
    assert "| Total | 2580 |" in out


def test_unknown_table_names_file_and_line(modules, tmp_path):
    with pytest.raises(KitError) as exc:
        fill("A\n\nB\n{{ program.godziny }}\n", modules, "pl", "x.md", tmp_path / "x.md")
    assert "x.md:4: [V020] godziny: nieznana tabela programu „godziny”." in str(exc.value)
    assert "{{ program.moduly }}" in str(exc.value)
