"""Agenda arithmetic, trainer blocks and the generated module views."""
from __future__ import annotations

from datetime import date

import pytest

from factory import module_text, write_project
from kit.model.agenda import AgendaBlock, hours_minutes, parse_clock, schedule
from kit.model.materials import load
from kit.model.paths import Project
from kit.model.trainer_blocks import participant_text, split_trainer_blocks
from kit.site.views import agenda_section, participant_page, trainer_page


def test_schedule_start_end_and_running_total():
    blocks = [AgendaBlock("A", 20, "prezentacja"), AgendaBlock("B", 45, "dyskusja"), AgendaBlock("C", 70, "cwiczenie")]
    slots = schedule(blocks, "08:30")
    assert [(s.start, s.end) for s in slots] == [("08:30", "08:50"), ("08:50", "09:35"), ("09:35", "10:45")]
    assert [s.elapsed for s in slots] == [20, 65, 135]


def test_schedule_crosses_midnight_and_bad_clock():
    assert schedule([AgendaBlock("A", 90, "quiz")], "23:00")[0].end == "00:30"
    with pytest.raises(ValueError):
        parse_clock("25:00")


@pytest.mark.parametrize("minutes, text", [(45, "45 min"), (60, "1 h"), (135, "2 h 15 min"), (0, "0 min")])
def test_hours_minutes(minutes, text):
    assert hours_minutes(minutes) == text


def test_trainer_blocks_are_removed_with_nested_slashes():
    body = "A\n/// trener | X\nsekret\n//// details | y\nz\n////\n///\nB\n/// cwiczenie | C\ntekst\n///\n"
    assert [b.title for b in split_trainer_blocks(body)] == ["X"]
    text = participant_text(body)
    assert "sekret" not in text and "z\n" not in text
    assert "A" in text and "B" in text and "/// cwiczenie" in text


def test_trainer_marker_inside_code_fence_is_not_a_block():
    body = "```\n/// trener\n```\nreszta\n"
    assert split_trainer_blocks(body) == []


def test_parser_removes_trainer_blocks_by_structure():
    """The site's filter works on the parsed tree: nesting, fences and admonitions inside included."""
    from kit.model.dialect import parser
    from kit.site import trainer_filter
    body = ("Wstęp\n\n/// trener | X\nSEKRET-1\n\n```text\n///\nSEKRET-2\n```\n\n"
            "!!! note \"Uwaga\"\n    SEKRET-3\n///\n\n!!! note \"Dla wszystkich\"\n    jawne\n\n"
            "    /// trener | W środku\n    SEKRET-4\n    ///\n\nKoniec\n")
    html = parser().convert(body)
    assert "SEKRET" not in html and "Wstęp" in html and "jawne" in html and "Koniec" in html
    trainer_filter.VIEW["trainer"] = True
    try:
        assert all(f"SEKRET-{n}" in parser().convert(body) for n in (1, 2, 3))
    finally:
        trainer_filter.VIEW["trainer"] = False


@pytest.fixture()
def materials(tmp_path):
    root = write_project(tmp_path)
    return root, load(Project(root, root / "docs"))


def test_participant_page_has_no_trainer_text(materials):
    root, m = materials
    by_id = {x.id: x for x in m.modules}
    page = participant_page(by_id["m01"], by_id, "pl", root)
    from kit.model.dialect import parser
    assert "TAJNA-NOTATKA-TRENERA" not in parser().convert(page.split("---\n", 2)[2])  # rendered as the site does
    assert "[Widok dla trenera" in page and "(trener.md)" in page
    assert "kit_source: materials/modules/m01-pierwszy/modul.md" in page


def test_trainer_page_has_notes_agenda_and_link_back(materials):
    root, m = materials
    by_id = {x.id: x for x in m.modules}
    page = trainer_page(by_id["m02"], by_id, "pl", "10:00", root)
    assert "TAJNA-NOTATKA-TRENERA m02" in page
    assert ('| 1 | <time datetime="10:00" data-kit-at="0">10:00</time>–<time datetime="10:30" data-kit-at="30">'
            '10:30</time> | 30 min | 30 min | Wprowadzenie | prezentacja |') in page
    assert '<time datetime="11:30" data-kit-at="90">11:30</time> | 60 min | 1 h 30 min | Ćwiczenie |' in page
    assert "mkdocs.yml" not in page  # the start time is chosen on the page, not in a config file
    assert "(index.md)" in page
    assert "[M01 Moduł testowy](../m01-pierwszy/index.md)" in page  # prerequisite link


def test_overdue_notice_only_when_review_date_passed(tmp_path, monkeypatch):
    root = write_project(tmp_path, {"m01-pierwszy": module_text("m01", reviewed="2020-01-01")})
    m = load(Project(root, root / "docs")).modules[0]
    by_id = {"m01": m}
    assert m.review_by == date(2021, 1, 1)
    assert "Termin przeglądu minął" in participant_page(m, by_id, "pl", root)
    monkeypatch.setenv("SOURCE_DATE_EPOCH", "1577880000")  # 2020-01-01 12:00 UTC
    assert "Termin przeglądu minął" not in participant_page(m, by_id, "pl", root)


def test_agenda_section_caption_and_start_control(materials):
    _, m = materials
    section = agenda_section(m.modules[0], "pl", "09:00")
    assert ('Tabela: Pełny warsztat: Moduł testowy (początek o <time datetime="09:00" data-kit-at="0">09:00</time>, '
            "razem 1 h 30 min)") in section
    assert '<label for="kit-start">Godzina rozpoczęcia</label>' in section and 'id="kit-start"' in section
    assert 'class="kit-clock" hidden' in section  # no JavaScript: default times only
    assert 'role="status" aria-live="polite"' in section


def test_scaffolded_module_passes_check_at_once(tmp_path, capsys):
    from kit.cli import main
    from kit.model.scaffold import new_module
    root = write_project(tmp_path)
    folder = new_module("Sztuczna inteligencja w szkole", root / "materials" / "modules")
    assert folder.name == "m03-sztuczna-inteligencja-w-szkole"
    assert main(["check", "--root", str(root)]) == 0, capsys.readouterr().err
    assert "3 moduły" in capsys.readouterr().out
