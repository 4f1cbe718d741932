"""Per-text findings kept by content: the same text gives the same findings without running the
check, a changed text or a changed check runs it again, and KIT_CHECK_CACHE=off keeps nothing."""
from __future__ import annotations

from pathlib import Path

from kit.checks import text_memo
from kit.model.errors import Problem

CODE = Path(text_memo.__file__)


def _check(calls):
    def run(text):
        calls.append(text)
        return [Problem(Path("docs/strona.md"), 3, "W001", "alt", f"brak opisu w „{text}”", "dodaj opis")]
    return run


def test_findings_are_remembered_by_text_and_code(tmp_path, monkeypatch):
    monkeypatch.setenv("KIT_CHECK_CACHE", str(tmp_path))
    calls = []
    check = _check(calls)
    first = text_memo.problems("kit-test", (CODE,), ("a",), lambda: check("a"))
    again = text_memo.problems("kit-test", (CODE,), ("a",), lambda: check("a"))
    assert again == first and calls == ["a"]
    assert again[0].path == Path("docs/strona.md") and again[0].line == 3
    text_memo.problems("kit-test", (CODE,), ("b",), lambda: check("b"))
    other_code = tmp_path / "check.py"
    other_code.write_text("# another version of the check\n", "utf-8")
    text_memo.problems("kit-test", (other_code,), ("a",), lambda: check("a"))
    assert calls == ["a", "b", "a"]


def test_off_switch_runs_the_check_every_time(monkeypatch):
    monkeypatch.setenv("KIT_CHECK_CACHE", "off")
    calls = []
    check = _check(calls)
    for _ in range(2):
        assert text_memo.problems("kit-test", (CODE,), ("a",), lambda: check("a"))[0].code == "W001"
    assert calls == ["a", "a"]
