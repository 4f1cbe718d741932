"""Each source-level accessibility rule: a failing and a passing sample."""
from __future__ import annotations

from pathlib import Path

import pytest

from factory import module_text, write_project
from kit.checks.a11y_lint import lint_text
from kit.cli import main

P = Path("docs/strona.md")


def codes(text: str, h1_allowed: int = 1) -> list[str]:
    return [p.code for p in lint_text(P, text, 1, h1_allowed)]


@pytest.mark.parametrize("code, bad, good", [
    ("W001", "# T\n\n![](wykres.png)\n", "# T\n\n![Wykres wydatków na sprzęt w 2026 r.](wykres.png)\n"),
    ("W001", "# T\n\n<img src=\"a.png\">\n", "# T\n\n<img src=\"a.png\" alt=\"Mapa gminy\">\n"),
    ("W001", "# T\n\n![](linia.png)\n", "# T\n\n![](linia.png){ .decorative }\n"),
    ("W002", "# T\n\n## A\n\n#### B\n", "# T\n\n## A\n\n### B\n"),
    ("W003", "# T\n\n# Drugi\n", "# T\n\n## Drugi\n"),
    ("W004", "# T\n\nDeklarację znajdziesz [tutaj](a.md).\n", "# T\n\nZobacz [deklarację dostępności](a.md).\n"),
    ("W004", "# T\n\n[Kliknij tutaj](a.md)\n", "# T\n\n[Formularz zgłoszenia](a.md)\n"),
    ("W004", "# T\n\n[read more](a.md)\n", "# T\n\n[Read the guidelines](a.md)\n"),
    ("W004", "# T\n\n<a href=\"x\">więcej</a>\n", "# T\n\n<a href=\"x\">Więcej o programie</a>\n"),
    ("W005", "# T\n\n|  |  |\n|---|---|\n| a | b |\n", "# T\n\n| Szkoła | Uczniowie |\n|---|---|\n| a | b |\n"),
    ("W005", "# T\n\n<table><tr><td>a</td></tr></table>\n", "# T\n\n<table><tr><th scope=\"col\">a</th></tr></table>\n"),
    ("W006", "# T\n\n<p style=\"display:none\">ukryte</p>\n", "# T\n\n<p>widoczne</p>\n"),
    ("W007", "# T\n\n[Formularz](https://x.pl){target=_blank}\n",
     "# T\n\n[Formularz (otwiera się w nowym oknie)](https://x.pl){target=_blank}\n"),
])
def test_rule_fails_then_passes(code, bad, good):
    assert code in codes(bad)
    assert code not in codes(good)


def test_module_file_may_not_have_h1():
    assert "W003" in codes("# Tytuł\n\n## Sekcja\n", h1_allowed=0)
    assert codes("## Sekcja\n\n### Pod\n", h1_allowed=0) == []


def test_code_fences_are_skipped():
    assert codes("# T\n\n```\n# nie nagłówek\n<script>\n```\n") == []


def test_message_has_file_line_code_and_fix():
    p = lint_text(P, "# T\n\ntekst\n\n[tutaj](a.md)\n", 1)[0]
    assert str(p).startswith("docs/strona.md:5: [W004]") and "Jak poprawić:" in str(p)


def test_lint_runs_in_check_with_module_line(tmp_path, capsys):
    root = write_project(tmp_path, {"m01-pierwszy": module_text(body_extra="\n[kliknij tutaj](karty/x.md)\n")})
    code = main(["check", "--root", str(root)])
    out = capsys.readouterr().err
    assert code == 1 and "m01-pierwszy/modul.md:40: [W004]" in out


def test_markdown_lint_fails_check_with_rule_code(tmp_path, capsys):
    root = write_project(tmp_path)
    (root / "docs" / "strona.md").write_text("# Strona\n\n#Bez spacji po krzyżyku\n", "utf-8")
    code = main(["check", "--root", str(root)])
    out = capsys.readouterr().err
    assert code == 1 and "docs/strona.md:3" in out and "MD018" in out


def test_unchanged_file_keeps_its_markdown_findings_and_an_edit_is_linted_again(tmp_path, capsys, monkeypatch):
    from kit.checks import markdown_lint
    monkeypatch.setenv("KIT_CHECK_CACHE", str(tmp_path / "cache"))   # an empty cache: markdownlint runs
    root = write_project(tmp_path)
    page = root / "docs" / "strona.md"
    page.write_text("# Strona\n\n#Bez spacji po krzyżyku\n", "utf-8")
    started = []
    real_popen = markdown_lint.subprocess.Popen
    monkeypatch.setattr(markdown_lint.subprocess, "Popen", lambda args, **kw: started.append(args) or real_popen(args, **kw))
    assert main(["check", "--root", str(root)]) == 1
    assert started and any(":docs/strona.md" in a for a in sum(started, []))
    started.clear()
    assert main(["check", "--root", str(root)]) == 1            # the remembered finding fails the check too
    assert "docs/strona.md:3" in capsys.readouterr().err and started == []
    page.write_text("# Strona\n\n## Ze spacją po krzyżykach\n\nTreść strony.\n", "utf-8")
    code = main(["check", "--root", str(root)])
    assert code == 0, capsys.readouterr().err
    assert [a for a in sum(started, []) if a.startswith(":")] == [":docs/strona.md"]   # only the edited file


def test_markdown_files_are_those_markdownlint_finds(tmp_path):
    from kit.checks.markdown_lint import files
    for rel in ("docs/a.md", "docs/moduly/m.md", "docs/x/b.md", "materials/c.md", "README.md", "notes.md", "docs/d.txt"):
        (tmp_path / rel).parent.mkdir(parents=True, exist_ok=True)
        (tmp_path / rel).write_text("# T\n", "utf-8")
    config = {"globs": ["docs/**/*.md", "materials/**/*.md", "README.md"], "ignores": ["docs/moduly/**"]}
    assert files(tmp_path, config) == ["README.md", "docs/a.md", "docs/x/b.md", "materials/c.md"]
