"""The example JST data file (materials/przykladowe-jst.yml) and the page rendered from it."""
from __future__ import annotations

import pytest

from kit.model.cases import load_cases
from kit.model.errors import KitError
from kit.site.cases import render

SMALL = """\
title: {pl: "Przykładowe JST", en: "Example JST"}
summary: {pl: "Opis.", en: "Description."}
notice: {pl: "Fikcja.", en: "Fiction."}
intro: {pl: "Wstęp.", en: "Intro."}
usage: {pl: "- Porównuj.", en: "- Compare."}
jst:
  - id: g
    name: {pl: "Gmina Testowa", en: "Gmina Testowa"}
    kind: {pl: "gmina wiejska", en: "a rural gmina"}
    inhabitants: 5000
    description: {pl: "Prowadzi trzy szkoły.", en: "Runs three schools."}
    institutions:
      - {name: {pl: "SP A", en: "SP A"}, kind: {pl: "szkoła", en: "school"}, pupils: 100, link_ok: true, without_device: 3}
      - {name: {pl: "SP B", en: "SP B"}, kind: {pl: "szkoła", en: "school"}, pupils: 50, link_ok: false, without_device: 4}
      - {name: {pl: "SP C", en: "SP C"}, kind: {pl: "szkoła", en: "school"}, pupils: 40, link_ok: false, without_device: null}
    people:
      - {name: Anna Nowak, role: {pl: "wójtka", en: "head"}, tasks: {pl: "decyduje", en: "decides"}}
      - {name: Jan Kos, role: {pl: "informatyk", en: "IT officer"}, tasks: {pl: "mierzy", en: "measures"}}
    team: {leader: Jan Kos, members: [Anna Nowak]}
    problems: [{pl: "Wolne łącze.", en: "Slow link."}]
    hdr:
      adopted: {pl: "zarządzenie wójtki", en: "head's order"}
      period: {pl: "2026–2028", en: "2026–2028"}
      lead_area: {pl: "Infrastruktura.", en: "Infrastructure."}
      priorities:
        - title: {pl: "Łącze", en: "Connection"}
          area: {pl: "infrastruktura", en: "infrastructure"}
          why: {pl: "Bo tak.", en: "Because."}
          targets:
            - indicator: {pl: "szkoły z dobrym łączem", en: "schools with a good link"}
              kind: rezultat
              baseline: {pl: "1 z 3", en: "1 of 3"}
              target: {pl: "3 z 3", en: "3 of 3"}
              due: 2027-12-31
              owner: Jan Kos
              source: {pl: "pomiar", en: "measurement"}
"""


def _write(tmp_path, text):
    f = tmp_path / "przykladowe-jst.yml"
    f.write_text(text, "utf-8")
    return f


def test_page_counts_links_and_pupils_from_the_school_rows(tmp_path):
    page = render(load_cases(_write(tmp_path, SMALL)), "pl")
    assert "w 1 z 3 szkół" in page                       # link_ok flags, not a typed number
    assert "7 w 2 szkołach, które przekazały dane (SP C – brak danych)" in page
    assert "Zespołem kieruje Jan Kos. W zespole są też Anna Nowak." in page
    assert "| 31 grudnia 2027 r. | Jan Kos |" in page
    assert page.startswith("---\ntitle: \"Przykładowe JST\"")


def test_english_page_uses_english_words_and_number_style(tmp_path):
    page = render(load_cases(_write(tmp_path, SMALL)), "en")
    assert "It has about 5,000 inhabitants." in page
    assert "| result |" in page and "31 December 2027" in page
    assert "Table: Indicators of priority 1 – Gmina Testowa" in page


@pytest.mark.parametrize("old, new, expected", [
    ("due: 2027-12-31", "due: 2027-02-30", "przykladowe-jst.yml:34: [C007] jst.0.hdr.priorities.0.targets.0.due:"),
    ("owner: Jan Kos", "owner: Jan Kowal", "[C005] jst.0.hdr.priorities.0.targets.0.owner: osoba „Jan Kowal”"),
    ('leader: Jan Kos', 'leader: Ewa Kos', "przykladowe-jst.yml:19: [C005] jst.0.team.leader:"),
    ('en: "Runs three schools."', 'de: "Drei Schulen."', "[C002] jst.0.description.en: brak tekstu w języku en."),
    ("pupils: 50", "pupils: -5", "[C006] jst.0.institutions.1.pupils:"),
    ("kind: rezultat", "kind: wpływ", "[C008] jst.0.hdr.priorities.0.targets.0.kind:"),
    ("link_ok: true", "link_ok: tak", "[C009] jst.0.institutions.0.link_ok:"),
])
def test_bad_case_data_names_file_line_rule_and_field(tmp_path, old, new, expected):
    assert old in SMALL
    with pytest.raises(KitError) as exc:
        load_cases(_write(tmp_path, SMALL.replace(old, new)))
    assert expected in str(exc.value)
    assert "Jak poprawić:" in str(exc.value)


def test_real_case_file_agrees_with_the_module_baselines():
    from kit.model.paths import ROOT
    page = render(load_cases(ROOT / "materials" / "przykladowe-jst.yml"), "pl")
    assert "w 2 z 5 szkół" in page                        # m03 and m09 baseline for the link
    assert "40 w 4 szkołach" in page                      # m02 example: 11 + 6 + 14 + 9, SP nr 2 missing
    assert "Zespołem kieruje Robert Kamiński." in page    # one leader of the powiat's team


def test_build_plan_adds_the_case_page_in_both_languages():
    from kit.model.materials import load
    from kit.model.paths import Project
    from kit.site.generated import plan
    project = Project.default()
    m = load(project)
    texts = plan(project, m.modules, m.acts, m.terms, "09:00", None, law=m.law, cases=m.cases).texts
    assert "kit_source: materials/przykladowe-jst.yml" in texts["przykladowe-jst.md"]
    assert texts["przykladowe-jst.en.md"].startswith('---\ntitle: "Example local governments')
