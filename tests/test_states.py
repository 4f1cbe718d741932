"""Publication states: draft only in the preview, review with a banner, published only when final."""
from __future__ import annotations

import os
import subprocess
import sys
from pathlib import Path

import pytest

from factory import link_node_modules, module_text, write_project, write_site
from kit.cli import main
from kit.model.legal import Act
from kit.model.states import check_state, review_points

ACTS = {"po": Act("po", "Prawo oświatowe", "Prawo oświatowe", "Law", "ustawa"),
        "x": Act("x", "Akt X", "Akt X", "Act X", "ustawa", verify="Potwierdzić publikator.")}
OPEN = "Tekst.\n\n/// weryfikacja | Do weryfikacji przez eksperta\nCzy termin to 7 dni?\n///\n"


@pytest.mark.parametrize("status, body, cited, codes", [
    ("published", OPEN, [], ["S001"]),
    ("published", "Tekst.\n", [(2, "x")], ["S002"]),
    ("published", "Tekst.\n", [(2, "x"), (5, "x")], ["S002"]),          # once per act, not per citation
    ("published", "Napisz, jaki problem JST rozwiązuje ten moduł.\n", [], ["S003"]),
    ("review", OPEN + "Napisz, jaki problem JST rozwiązuje ten moduł.\n", [(2, "x")], ["S003"]),
    ("review", OPEN, [(2, "x")], []),
    ("draft", OPEN + "Napisz, jaki problem JST rozwiązuje ten moduł.\n", [(2, "x")], []),
    ("published", "Tekst.\n", [(2, "po")], []),
    ("gotowy", "Tekst.\n", [], ["S010"]),
])
def test_state_rules(status, body, cited, codes):
    problems = check_state(Path("strona.md"), status, 1, body, 10, cited, ACTS)
    assert [p.code for p in problems] == codes


def test_review_points_name_line_and_question():
    points = review_points(Path("m.md"), "```\n/// weryfikacja\n```\n" + OPEN, 20)
    assert [(p.line, p.question) for p in points] == [(25, "Czy termin to 7 dni?")]


def test_published_module_with_open_question_is_refused(tmp_path, capsys):
    root = write_project(tmp_path, {"m01-pierwszy": module_text(body_extra="\n" + OPEN)})
    code = main(["check", "--root", str(root)])
    out = capsys.readouterr()
    assert code == 1
    assert "materials/modules/m01-pierwszy/modul.md:42: [S001]" in out.err
    assert "w linii 24 na review" in out.err  # the line of `status:` to change


def test_published_module_may_not_link_to_a_draft(tmp_path, capsys):
    root = write_project(tmp_path, {
        "m01-pierwszy": module_text("m01").replace("status: published", "status: draft"),
        "m02-drugi": module_text("m02", "Drugi", body_extra="\nZob. [moduł 1](../m01-pierwszy/index.md).\n")})
    assert main(["check", "--root", str(root)]) == 1
    assert "m02-drugi/modul.md:40: [S004] link:" in capsys.readouterr().err


def test_published_module_may_not_require_a_draft(tmp_path, capsys):
    root = write_project(tmp_path, {
        "m01-pierwszy": module_text("m01").replace("status: published", "status: draft"),
        "m02-drugi": module_text("m02", "Drugi", prerequisites="[m01]")})
    assert main(["check", "--root", str(root)]) == 1
    assert "m02-drugi/modul.md:12: [S004]" in capsys.readouterr().err


def test_draft_module_and_page_are_absent_from_the_build_and_search(tmp_path):
    """On a small fixture project: the mechanics, not the real materials."""
    root = tmp_path / "zestaw"
    root.mkdir()
    config = write_site(root, {"o-nas.md": "---\nstatus: draft\n---\n# O nas\n\nSzkic strony.\n"})
    link_node_modules(root)
    from kit.model.scaffold import new_module
    module = new_module("Szkic nowego modułu", root / "materials" / "modules")  # a scaffold starts as draft
    site = tmp_path / "site"
    env = dict(os.environ, KIT_PDF="0", NO_MKDOCS_2_WARNING="1")
    proc = subprocess.run([sys.executable, "-m", "mkdocs", "build", "--strict", "-f", str(config), "--site-dir",
                           str(site)], cwd=root, env=env, capture_output=True, text=True)
    assert proc.returncode == 0, proc.stderr[-3000:]
    assert (site / "moduly" / "m01-pierwszy").exists() and (site / "licencja").exists()   # the published ones
    assert not (site / "moduly" / module.name).exists() and not (site / "en" / "moduly" / module.name).exists()
    assert not (site / "o-nas").exists() and not (site / "en" / "o-nas").exists()
    assert module.name not in (site / "moduly" / "index.html").read_text("utf-8")
    home = (site / "index.html").read_text("utf-8")
    assert 'href="licencja/" class="md-nav__link"' in home and 'href="o-nas/"' not in home   # nav
    from kit.site.search import language_docs
    docs = language_docs(site, "pl") + language_docs(site, "en")
    assert [d for d in docs if d["location"].startswith("licencja")]
    assert not [d for d in docs if module.name in d["location"] or "o-nas" in d["location"]]


def test_review_dates_come_from_one_blame_per_file(tmp_path, monkeypatch):
    """The editors' review list dates each open question by the commit that last wrote its line;
    a line edited since the last commit has no date yet. Answers are remembered by commit and
    content (.cache/kit-blame)."""
    from kit.model import states
    monkeypatch.setenv("KIT_CHECK_CACHE", str(tmp_path / "cache"))
    states.since.cache_clear()
    git = lambda *a, **env: subprocess.run(["git", *a], cwd=tmp_path, check=True, capture_output=True,  # noqa: E731
                                           env=dict(os.environ, GIT_AUTHOR_NAME="t", GIT_AUTHOR_EMAIL="t@x",
                                                    GIT_COMMITTER_NAME="t", GIT_COMMITTER_EMAIL="t@x", **env))
    page = tmp_path / "strona.md"
    git("init", "-q")
    page.write_text("a\nb\nc\n", "utf-8")
    git("add", "strona.md")
    git("commit", "-qm", "1", GIT_AUTHOR_DATE="2026-03-01T12:00:00Z")
    page.write_text("a\nB\nc\nd\n", "utf-8")
    git("commit", "-qam", "2", GIT_AUTHOR_DATE="2026-05-02T12:00:00Z")
    page.write_text("a\nB\nC\nd\n", "utf-8")   # line 3 changed, not committed
    expected = {1: "2026-03-01", 2: "2026-05-02", 4: "2026-05-02"}
    assert states.since(page, (1, 2, 3, 4)) == expected
    assert states.since(tmp_path / "brak.md", (1,)) == {}
    calls = []
    real = states._blame
    monkeypatch.setattr(states, "_blame", lambda *a: calls.append(a) or real(*a))
    states.since.cache_clear()
    assert states.since(page, (1, 2, 3, 4)) == expected and calls == []   # remembered
    page.write_text("a\nB\nc\nd\n", "utf-8")                          # the edit undone
    states.since.cache_clear()
    assert states.since(page, (1, 2, 3, 4))[3] == "2026-03-01" and len(calls) == 1
