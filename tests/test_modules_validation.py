"""Bad input: every broken module names file, line and field, and `kit check` exits non-zero."""
from __future__ import annotations

import pytest

from factory import module_text, write_project
from kit.cli import main


def check(root, capsys) -> tuple[int, str]:
    code = main(["check", "--root", str(root)])
    out = capsys.readouterr()
    return code, out.err + out.out


def test_valid_project_passes(tmp_path, capsys):
    code, out = check(write_project(tmp_path), capsys)
    assert code == 0, out
    assert "2 moduły" in out


def broken(tmp_path, text, folder="m01-pierwszy"):
    return write_project(tmp_path, {folder: text})


@pytest.mark.parametrize("case, text, line, needle", [
    ("invalid yaml", module_text().replace("format: warsztat", "format: [warsztat"), 7, "zaczęta w linii 6"),
    ("missing field", module_text().replace("format: warsztat\n", ""), None, "[M002] format:"),
    ("wrong type", module_text().replace("duration: 90", "duration: półtorej godziny"), 7, "[M003] duration:"),
    ("outside list", module_text().replace("format: warsztat", "format: konferencja"), 6, "[M004] format:"),
    ("audience outside list", module_text().replace("[wydzial-edukacji, dyrektor]", "[wydzial-edukacji, radni]"),
     5, "[M004] audience:"),
    ("agenda does not add up", module_text(duration=120), 14, "[A010] agenda:"),
    ("unknown method", module_text().replace("method: cwiczenie", "method: teatr"), 20, "[A005]"),
    ("unknown legal key", module_text(legal="[prawo-oswiatowe, ustawa-o-niczym]"), 13, "[M008] legal:"),
    ("unknown key in body", module_text(body_extra="\nZob. [[akt:kodeks-wyborczy]].\n"), 40, "[L010] akt:"),
    ("impossible date", module_text(reviewed="2026-02-30"), 21, "[M007] reviewed:"),
    ("unknown prerequisite", module_text(prerequisites="[m09]"), 12, "[M032] prerequisites:"),
    ("unclosed trainer block", module_text().replace("TAJNA-NOTATKA-TRENERA m01\n///", "TAJNA"), 31, "[B001]"),
    # the case an editor met: the next block's "///" closed the trainer block, swallowing a section
    ("trainer block closed by the next block", module_text(body_extra=(
        "\n/// trener | Blok 2\nnotatka\n\n## Sekcja dla wszystkich\n\n/// cwiczenie | Ćw. 1\nzadanie\n///\n"
        "\nDalsza treść.\n\n/// trener | Blok 3\nnotatka 3\n///\n")), 40, "[B001]"),
    ("nested trainer block", module_text(body_extra="\n/// trener | A\na\n//// trener | B\nb\n////\n///\n"),
     42, "[B003]"),
    ("capitalised block name", module_text(body_extra="\n/// Trener | A\nnotatka\n///\n"), 40, "[B002]"),
])
def test_bad_module_is_reported_with_file_line_field(tmp_path, capsys, case, text, line, needle):
    code, out = check(broken(tmp_path, text), capsys)
    assert code == 1, f"{case}: expected failure\n{out}"
    assert needle in out, out
    where = "materials/modules/m01-pierwszy/modul.md" + (f":{line}:" if line else ":")
    assert where in out, f"{case}: expected {where!r} in\n{out}"
    assert "Jak poprawić:" in out


def test_agenda_message_says_by_how_much(tmp_path, capsys):
    _, out = check(broken(tmp_path, module_text(duration=120)), capsys)
    assert "trwają razem 90 min, a duration to 120 min" in out
    assert "dodaj 30 min" in out


def test_duplicate_id(tmp_path, capsys):
    root = write_project(tmp_path, {"m01-pierwszy": module_text("m01"), "m01-kopia": module_text("m01")})
    code, out = check(root, capsys)
    assert code == 1 and "[M030] id:" in out
    assert "m01-pierwszy/modul.md:2" in out and "ma już moduł m01-kopia" in out


def test_folder_without_module_file(tmp_path, capsys):
    root = write_project(tmp_path, {"m01-pierwszy": module_text("m01"), "m02-pusty": None})
    code, out = check(root, capsys)
    assert code == 1 and "materials/modules/m02-pusty: [M020]" in out


def test_id_must_match_folder(tmp_path, capsys):
    code, out = check(broken(tmp_path, module_text("m05")), capsys)
    assert code == 1 and "[M010] id:" in out and "modul.md:2:" in out


def test_unknown_citation_in_editor_page(tmp_path, capsys):
    root = write_project(tmp_path)
    (root / "docs" / "strona.md").write_text("# Strona\n\nZob. [[akt:nie-ma-takiego]].\n", "utf-8")
    code, out = check(root, capsys)
    assert code == 1 and "docs/strona.md:3: [L010]" in out


def test_all_problems_reported_at_once(tmp_path, capsys):
    text = module_text(duration=120, legal="[nieznany]").replace("format: warsztat", "format: zjazd")
    code, out = check(broken(tmp_path, text), capsys)
    assert code == 1
    assert all(c in out for c in ("[A010]", "[M008]", "[M004]")), out
    assert "Liczba błędów: 3." in out


def test_link_to_missing_handout(tmp_path, capsys):
    text = module_text(body_extra="\n## Materiały\n\n- [Karta pracy 9](karty/karta-pracy-9.md)\n")
    code, out = check(broken(tmp_path, text), capsys)
    assert code == 1 and "modul.md:42: [K001] link:" in out and "karta-pracy-9.md" in out


def test_trainer_block_in_a_handout_is_refused(tmp_path, capsys):
    root = write_project(tmp_path)
    handouts = root / "materials" / "modules" / "m01-pierwszy" / "karty"
    handouts.mkdir()
    (handouts / "karta.md").write_text("---\ntitle: Karta\n---\n\n# Karta\n\n/// trener | Uwaga\nsekret\n///\n", "utf-8")
    code, out = check(root, capsys)
    assert code == 1 and "karty/karta.md:7: [B004]" in out


def test_block_marker_inside_a_code_fence_in_a_trainer_block_is_fine(tmp_path, capsys):
    text = module_text(body_extra="\n/// trener | Kod\n\n```text\n///\n```\n\nnotatka\n///\n\n## Dalej\n")
    code, out = check(broken(tmp_path, text), capsys)
    assert code == 0, out


def test_json_schema_is_current_and_accepts_every_module(capsys):
    import json

    import jsonschema

    from kit.model.frontmatter import load_markdown
    from kit.model.json_schema import SCHEMA_FILE
    from kit.model.paths import ROOT
    assert main(["schema", "--check"]) == 0, capsys.readouterr().err
    schema = json.loads((ROOT / SCHEMA_FILE).read_text("utf-8"))
    validator = jsonschema.Draft202012Validator(schema)
    modules = sorted((ROOT / "materials" / "modules").glob("*/modul.md"))
    assert modules
    for path in modules:
        errors = [e.message for e in validator.iter_errors(load_markdown(path).data)]
        assert errors == [], f"{path.parent.name}: {errors}"


@pytest.mark.parametrize("change", [
    ("format: warsztat", "format: konferencja"),
    ("duration: 90", "duration: półtorej godziny"),
    ("status: published", "status: gotowy"),
    ("id: m01", "id: modul-1"),
])
def test_json_schema_rejects_what_the_check_rejects(tmp_path, change):
    import json

    import jsonschema

    from kit.model.frontmatter import parse_markdown
    from kit.model.json_schema import module_schema
    text = module_text().replace(*change)
    data = parse_markdown(text, tmp_path / "modul.md").data
    assert list(jsonschema.Draft202012Validator(json.loads(json.dumps(module_schema()))).iter_errors(data))


def test_trainer_block_audit_is_remembered_by_content_and_still_reported(tmp_path, monkeypatch):
    """The parse behind B001–B004 is kept by content (.cache/kit-blocks): a second checker finds
    the same problem without parsing, and a changed body is parsed again."""
    from kit.model import trainer_blocks
    monkeypatch.setenv("KIT_CHECK_CACHE", str(tmp_path / "cache"))
    body = module_text().replace("TAJNA-NOTATKA-TRENERA m01\n///", "TAJNA")
    first = trainer_blocks.Checker().check(tmp_path / "modul.md", body)
    again = trainer_blocks.Checker()
    parses = []
    real = again._md.convert
    monkeypatch.setattr(again._md, "convert", lambda text: parses.append(1) or real(text))
    assert [p.code for p in again.check(tmp_path / "modul.md", body)] == [p.code for p in first] == ["B001"]
    assert parses == []
    assert again.check(tmp_path / "modul.md", module_text()) == [] and parses == [1]
