"""Agenda variants (full workshop, meeting part, e-learning part): model and editor errors."""
from __future__ import annotations

import pytest

from factory import module_text, write_project
from kit.cli import main
from kit.model.materials import load
from kit.model.paths import Project

VARIANTS = """\
variants:
  - kind: zjazd
    meeting: 1
    minutes: 50
    blocks:
      - wstep: 10
      - cwiczenie: 40
  - kind: e-learning
    minutes: 40
    blocks: [wstep: 20, cwiczenie: 20]
"""


def with_variants(variants: str = VARIANTS, **kw) -> str:
    text = module_text(**kw)
    text = text.replace('  - title: "Wprowadzenie"\n', '  - id: wstep\n    title: "Wprowadzenie"\n'
                        '    goal: "Poznać cele modułu."\n    materials: [flipchart, markery]\n'
                        '    room: "krzesła w kręgu"\n')
    text = text.replace('  - title: "Ćwiczenie"\n', '  - id: cwiczenie\n    title: "Ćwiczenie"\n'
                        '    materials: [karta pracy 1, markery]\n')
    return text.replace("reviewed:", variants + "reviewed:", 1)


def check(root, capsys) -> tuple[int, str]:
    code = main(["check", "--root", str(root)])
    out = capsys.readouterr()
    return code, out.err + out.out


def line_of(text: str, needle: str, nth: int = 1) -> int:
    rows = text.split("\n")
    hits = [i + 1 for i, r in enumerate(rows) if needle in r]
    return hits[nth - 1]


def test_variants_are_built_with_overrides_and_full_workshop_first(tmp_path):
    root = write_project(tmp_path, {"m01-pierwszy": with_variants()})
    m = load(Project(root, root / "docs")).modules[0]
    assert [(v.key, v.minutes) for v in m.variants] == [("warsztat", 90), ("zjazd-1", 50), ("e-learning", 40)]
    meeting = m.variants[1]
    assert [b.minutes for b in meeting.blocks] == [10, 40]
    assert meeting.label("pl") == "Zjazd 1" and meeting.label("en") == "Meeting 1"
    assert m.agenda[0].materials == ("flipchart", "markery") and m.agenda[0].room == "krzesła w kręgu"
    assert m.variants[2].timed is False


def test_variants_are_listed_room_first_whatever_the_order_in_the_file(tmp_path):
    first, second = VARIANTS.split("  - kind: e-learning")
    text = with_variants("variants:\n  - kind: e-learning" + second + first.replace("variants:\n", ""))
    assert text.index("kind: e-learning") < text.index("kind: zjazd")
    root = write_project(tmp_path, {"m01-pierwszy": text})
    assert [v.kind for v in load(Project(root, root / "docs")).modules[0].variants] == ["warsztat", "zjazd",
                                                                                       "e-learning"]


def test_module_without_variants_has_the_full_workshop(tmp_path):
    root = write_project(tmp_path)
    m = load(Project(root, root / "docs")).modules[0]
    assert [(v.key, v.minutes, len(v.blocks)) for v in m.variants] == [("warsztat", 90, 2)]


BAD = [
    ("variant sum", VARIANTS.replace("minutes: 50", "minutes: 55"), "minutes: 55", "[V006] variants[1]:",
     "trwają razem 50 min"),
    ("unknown block", VARIANTS.replace("- cwiczenie: 40", "- cwiczenia: 40"), "- cwiczenia: 40",
     "[V005] variants[1].blocks[2]:", "nie ma bloku o id „cwiczenia”"),
    ("unknown kind", VARIANTS.replace("kind: zjazd", "kind: webinar"), "kind: webinar", "[V003]", "webinar"),
    ("meeting missing", VARIANTS.replace("    meeting: 1\n", ""), "kind: zjazd", "[V004] variants[1].meeting:",
     "numer zjazdu"),
    ("bad override", VARIANTS.replace("- wstep: 10", "- wstep: dziesięć"), "- wstep: dziesięć",
     "[V010]", "dziesięć"),
    ("unknown key", VARIANTS.replace("    meeting: 1\n", "    meeting: 1\n    sala: duża\n"), "sala: duża",
     "[V002]", "nieznane pole „sala”"),
    ("programme total", VARIANTS.replace("minutes: 40\n    blocks: [wstep: 20, cwiczenie: 20]",
                                         "minutes: 30\n    blocks: [wstep: 10, cwiczenie: 20]"),
     "variants:", "[V009] variants:", "razem 80 min, a duration to 90"),
]


@pytest.mark.parametrize("case, variants, needle, code, message", BAD, ids=[b[0] for b in BAD])
def test_bad_variants_name_file_line_and_rule(tmp_path, capsys, case, variants, needle, code, message):
    text = with_variants(variants)
    code_, out = check(write_project(tmp_path, {"m01-pierwszy": text}), capsys)
    assert code_ == 1
    assert f"modul.md:{line_of(text, needle)}: {code}" in out, out
    assert message in out and "Jak poprawić:" in out


def test_block_in_no_variant_is_reported_at_the_block(tmp_path, capsys):
    variants = VARIANTS.replace("      - wstep: 10\n", "").replace("minutes: 50", "minutes: 40") \
        .replace("[wstep: 20, cwiczenie: 20]", "[cwiczenie: 50]").replace("minutes: 40\n    blocks: [c",
                                                                            "minutes: 50\n    blocks: [c")
    text = with_variants(variants)
    code, out = check(write_project(tmp_path, {"m01-pierwszy": text}), capsys)
    assert code == 1
    assert f"modul.md:{line_of(text, 'id: wstep')}: [V007] agenda[1]: blok „wstep” nie należy" in out, out


def test_break_needs_no_variant(tmp_path, capsys):
    text = with_variants().replace("duration: 90", "duration: 100").replace(
        "reviewed:", "", 0)
    text = text.replace('  - id: cwiczenie\n', '  - title: "Przerwa"\n    minutes: 10\n    method: przerwa\n'
                        '  - id: cwiczenie\n').replace("minutes: 50\n", "minutes: 60\n").replace(
        "      - cwiczenie: 40\n", "      - cwiczenie: 50\n")
    code, out = check(write_project(tmp_path, {"m01-pierwszy": text}), capsys)
    assert code == 0, out


@pytest.mark.parametrize("old, new, needle, code", [
    ('    goal: "Poznać cele modułu."', '    goal: "' + "bardzo długi cel " * 7 + '"', "bardzo długi", "[A008]"),
    ("    materials: [flipchart, markery]", "    materials: flipchart", "materials: flipchart", "[A007]"),
    ("  - id: cwiczenie", "  - id: wstep", "  - id: wstep", "[A009]"),
    ("  - id: cwiczenie", "  - id: Ćwiczenie 2", "Ćwiczenie 2", "[A007]"),
])
def test_bad_block_fields(tmp_path, capsys, old, new, needle, code):
    text = with_variants().replace(old, new)
    code_, out = check(write_project(tmp_path, {"m01-pierwszy": text}), capsys)
    assert code_ == 1
    assert f"modul.md:{line_of(text, needle, 2 if code == '[A009]' else 1)}: {code}" in out, out


def test_handout_fields_checked(tmp_path, capsys):
    root = write_project(tmp_path)
    karty = root / "materials" / "modules" / "m01-pierwszy" / "karty"
    karty.mkdir()
    (karty / "karta-1.md").write_text('---\ntitle: "Karta"\nsheets: 7\n---\n\n# Karta\n', "utf-8")
    code, out = check(root, capsys)
    assert code == 1 and "karta-1.md:3: [H002] sheets:" in out, out
    (karty / "karta-1.md").write_text('---\ntitle: "Karta"\nsheets: 1\ncopies: stolik\n---\n\n# Karta\n', "utf-8")
    code, out = check(root, capsys)
    assert code == 1 and "karta-1.md:4: [H003] copies:" in out, out
    (karty / "karta-1.md").write_text('---\ntitle: "Karta"\nsheets: 2\ncopies: grupa\n---\n\n# Karta\n', "utf-8")
    assert check(root, capsys)[0] == 0
    m = load(Project(root, root / "docs")).modules[0]
    assert (m.handouts[0].sheets, m.handouts[0].copies) == (2, "grupa")


def test_block_handout_must_exist(tmp_path, capsys):
    text = with_variants().replace("    materials: [karta pracy 1, markery]\n",
                                   "    materials: [markery]\n    handouts: [karta-pracy-9]\n")
    code, out = check(write_project(tmp_path, {"m01-pierwszy": text}), capsys)
    assert code == 1
    assert f"modul.md:{line_of(text, 'handouts:')}: [H004] agenda[2].handouts: nie ma karty pracy „karta-pracy-9”" in out


def test_every_real_module_follows_the_concept_split():
    """The nine modules declare a meeting part and an e-learning part (concept: struktura programu)."""
    for m in load().modules:
        kinds = {v.kind for v in m.variants}
        assert {"warsztat", "zjazd", "e-learning"} <= kinds, m.id
        assert sum(v.minutes for v in m.variants[1:]) == m.duration, m.id
