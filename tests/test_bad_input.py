"""Every file an editor can break: a Polish message with file, line and fix, exit 1, no traceback."""
from __future__ import annotations

import shutil
import subprocess
import sys

import pytest

from factory import ROOT, module_text, write_project
from kit.cli import main

MODULE = "materials/modules/m01-pierwszy/modul.md"


def check(root, capsys) -> tuple[int, str]:
    code = main(["check", "--root", str(root)])
    out = capsys.readouterr()
    return code, out.err + out.out


def with_edition(root, text: str | None = None):
    target = root / "materials" / "wydanie.yml"
    shutil.copy(ROOT / "materials" / "wydanie.yml", target)
    if text is not None:
        target.write_text(text, "utf-8")
    return root


def _line_of(path, text: str) -> int:
    return next(n for n, row in enumerate(path.read_text("utf-8").split("\n"), 1) if text in row)


def test_windows_1250_module_names_the_encoding_and_the_fix(tmp_path, capsys):
    root = write_project(tmp_path)
    (root / MODULE).write_bytes(module_text().replace("Krótki opis", "Zażółć opis").encode("cp1250"))
    code, out = check(root, capsys)
    assert code == 1 and f"{MODULE}:3: [F001]" in out  # the title line holds the first ł
    assert "Windows-1250" in out and "iconv -f CP1250 -t UTF-8" in out and "Traceback" not in out


def test_bom_and_crlf_are_accepted(tmp_path, capsys):
    root = write_project(tmp_path)
    (root / MODULE).write_bytes(b"\xef\xbb\xbf" + module_text().replace("\n", "\r\n").encode("utf-8"))
    code, out = check(root, capsys)
    assert code == 0, out


def test_tab_in_front_matter_is_explained_in_polish(tmp_path, capsys):
    root = write_project(tmp_path, {"m01-pierwszy": module_text().replace("format: warsztat", "format:\twarsztat")})
    code, out = check(root, capsys)
    assert code == 1 and f"{MODULE}:6: [Y001]" in out and "tabulator" in out


@pytest.mark.parametrize("name", ["legal.yml", "glossary.yml"])
def test_empty_data_file(tmp_path, capsys, name):
    root = write_project(tmp_path)
    (root / "materials" / name).write_text("\n  \n", "utf-8")
    code, out = check(root, capsys)
    assert code == 1 and f"materials/{name}:1: [F002]" in out


def test_missing_registry_is_an_error_not_a_traceback(tmp_path, capsys):
    root = write_project(tmp_path)
    (root / "materials" / "legal.yml").unlink()
    code, out = check(root, capsys)
    assert code == 1 and "materials/legal.yml: [F004]" in out


def test_duplicate_key_in_registry(tmp_path, capsys):
    root = write_project(tmp_path)
    legal = root / "materials" / "legal.yml"
    legal.write_text(legal.read_text("utf-8") + "prawo-oswiatowe:\n  title: T\n  short: S\n  title_en: E\n"
                     "  kind: ustawa\n", "utf-8")
    code, out = check(root, capsys)
    assert code == 1 and "materials/legal.yml:14: [Y004] prawo-oswiatowe:" in out and "linii 1" in out


def test_duplicate_key_in_front_matter(tmp_path, capsys):
    root = write_project(tmp_path, {"m01-pierwszy": module_text().replace("status: published",
                                                                           "status: published\nstatus: draft")})
    code, out = check(root, capsys)
    assert code == 1 and f"{MODULE}:25: [Y004] status:" in out


@pytest.mark.parametrize("entry, code_line", [
    ("- term: '   '\n  definition: x\n", "glossary.yml:7: [G004]"),
    ("- term: (JST)\n  definition: x\n", "glossary.yml:7: [G006]"),  # same anchor as "JST"
])
def test_glossary_terms_that_would_break_anchors(tmp_path, capsys, entry, code_line):
    root = write_project(tmp_path)
    g = root / "materials" / "glossary.yml"
    g.write_text(g.read_text("utf-8") + entry, "utf-8")
    code, out = check(root, capsys)
    assert code == 1 and code_line in out


def test_empty_page_and_empty_translation(tmp_path, capsys):
    root = write_project(tmp_path)
    (root / "docs" / "strona.md").write_text("---\ntitle: Strona\n---\n\n# Strona\n", "utf-8")
    (root / "docs" / "inna.en.md").write_text("", "utf-8")
    code, out = check(root, capsys)
    assert code == 1 and "docs/strona.md:4: [F003]" in out and "docs/inna.en.md:1: [F002]" in out


def test_template_title_as_a_list(tmp_path, capsys):
    root = write_project(tmp_path)
    (root / "materials" / "templates" / "arkusz.md").write_text(
        "---\ntitle:\n  - Arkusz\n  - diagnozy\n---\n\n# Arkusz\n\nTreść.\n", "utf-8")
    code, out = check(root, capsys)
    assert code == 1 and "templates/arkusz.md:2: [F010] title:" in out


def test_edition_is_checked_by_kit_check(tmp_path, capsys):
    root = with_edition(write_project(tmp_path))
    text = (root / "materials" / "wydanie.yml").read_text("utf-8")
    (root / "materials" / "wydanie.yml").write_text(
        text.replace('primary: "#1b4f8a"', "primary: niebieski").replace("\npublisher: ", "\n# publisher: "), "utf-8")
    code, out = check(root, capsys)
    assert code == 1 and "materials/wydanie.yml:5: [E001] publisher:" in out
    line = _line_of(root / "materials" / "wydanie.yml", "primary:")
    assert f"materials/wydanie.yml:{line}: [E003] colors.primary:" in out


def test_edition_selecting_an_unknown_module_names_its_line(tmp_path, capsys):
    root = with_edition(write_project(tmp_path))
    text = (root / "materials" / "wydanie.yml").read_text("utf-8")
    (root / "materials" / "wydanie.yml").write_text(text.replace("modules: all", "modules: [m01, m07]"), "utf-8")
    code, out = check(root, capsys)
    line = _line_of(root / "materials" / "wydanie.yml", "modules: [m01, m07]")
    assert code == 1 and f"materials/wydanie.yml:{line}: [E020] modules: moduł „m07” nie istnieje." in out


def test_overlay_folder_is_checked_with_its_own_edition(capsys):
    code, out = check(ROOT / "materials" / "wydania" / "brzozowa-wola", capsys)
    assert code == 0, out
    assert "Traceback" not in out and "moduły" in out


def test_nav_entry_to_a_missing_page(tmp_path, capsys):
    root = write_project(tmp_path)
    (root / "docs" / "index.md").write_text("# Start\n\nTekst.\n", "utf-8")
    (root / "mkdocs.yml").write_text("site_name: T\nnav:\n  - Start: index.md\n  - Brak: nie-ma.md\n", "utf-8")
    code, out = check(root, capsys)
    assert code == 1 and "mkdocs.yml:4: [K002] nav:" in out


def test_large_module_gets_a_warning(tmp_path, capsys):
    root = write_project(tmp_path, {"m01-pierwszy": module_text(body_extra="\n" + " ".join(["Zdanie do testu."] * 40000) + "\n")})
    code, out = check(root, capsys)
    assert "[W010]" in out and f"{MODULE}:" in out


def test_backslash_and_quotes_in_a_title_survive_the_generated_page(tmp_path):
    import yaml
    from kit.model.materials import load
    from kit.model.paths import Project
    from kit.site.views import participant_page
    title = 'Dane w C:\\dane\\HDR i „cytat" z "cudzysłowem"'
    root = write_project(tmp_path, {"m01-pierwszy": module_text(title=title.replace('"', '\\"').replace("\\d", "\\\\d")
                                                                .replace("\\H", "\\\\H"))})
    m = load(Project(root, root / "docs")).modules[0]
    page = participant_page(m, {m.id: m}, "pl", root)
    assert yaml.safe_load(page.split("---\n")[1])["title"] == m.title == title


def test_new_module_title_without_letters(tmp_path, capsys):
    (tmp_path / "modules").mkdir()
    from kit.model.errors import KitError
    from kit.model.scaffold import new_module
    with pytest.raises(KitError) as exc:
        new_module("!!!", tmp_path / "modules")
    assert "[N003] title:" in str(exc.value)


def test_module_ids_go_past_m99(tmp_path, capsys):
    from kit.model.scaffold import new_module
    root = write_project(tmp_path, {"m99-ostatni": module_text("m99")})
    folder = new_module("Sztuczna inteligencja", root / "materials" / "modules")
    assert folder.name == "m100-sztuczna-inteligencja"
    code, out = check(root, capsys)
    assert code == 0, out


def test_cli_error_has_no_traceback_in_a_subprocess(tmp_path):
    root = write_project(tmp_path)
    (root / MODULE).write_bytes("---\nid: m01\ntitle: \"Zażółć\"\n".encode("iso-8859-2"))
    proc = subprocess.run([sys.executable, "-m", "kit.cli", "check", "--root", str(root)], capture_output=True,
                          text=True)
    assert proc.returncode == 1 and "Traceback" not in proc.stderr and "[F001]" in proc.stderr
    assert "ISO-8859-2" in proc.stderr


def test_problems_become_github_annotations_on_pull_requests(tmp_path, capsys, monkeypatch):
    monkeypatch.setenv("GITHUB_ACTIONS", "true")
    monkeypatch.chdir(tmp_path)
    root = write_project(tmp_path, {"m01-pierwszy": module_text().replace("format: warsztat", "format: konferencja")})
    code, out = check(root, capsys)
    assert code == 1
    assert "::error file=materials/modules/m01-pierwszy/modul.md,line=6,title=M004::[M004] format:" in out


def test_annotation_escapes_newlines_and_separators():
    from pathlib import Path
    from kit.cli import github_annotation
    from kit.model.errors import Problem
    line = github_annotation(Problem(Path("a,b:c.md"), 3, "X001", "pole", "dwie\nlinie 100%", "popraw"))
    assert line == "::error file=a%2Cb%3Ac.md,line=3,title=X001::[X001] pole: dwie%0Alinie 100%25 Jak poprawić: popraw"
