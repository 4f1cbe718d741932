"""The known non-conformities file (materials/dostepnosc-niezgodnosci.yml): its checks and the
list the accessibility statement shows."""
from __future__ import annotations

import pytest

from kit.model.errors import KitError
from kit.model.nonconformities import load_nonconformities, statement_list

GOOD = ('- criterion: "3.1.2"\n  reason: Powód.\n  reason_en: Reason.\n  alternative: Inaczej.\n'
        '  alternative_en: Otherwise.\n')


@pytest.mark.parametrize("text, code", [
    ("criterion: 1.4.3\n", "A101"),
    (GOOD.replace("  alternative: Inaczej.\n", ""), "A102"),
    (GOOD.replace('"3.1.2"', '"WCAG 3.1"'), "A103"),
    (GOOD + "  check: focus-everything\n", "A104"),
    (GOOD + "  severity: high\n", "A105"),
])
def test_bad_entries_name_file_line_and_rule(tmp_path, text, code):
    path = tmp_path / "dostepnosc-niezgodnosci.yml"
    path.write_text(text, "utf-8")
    with pytest.raises(KitError) as err:
        load_nonconformities(path)
    problem = err.value.problems[0]
    assert problem.code == code and problem.path == path and problem.line >= 1


def test_statement_list_in_both_languages(tmp_path):
    path = tmp_path / "dostepnosc-niezgodnosci.yml"
    path.write_text(GOOD + GOOD.replace('"3.1.2"', '"1.4.11"'), "utf-8")
    items = load_nonconformities(path)
    pl, en = statement_list(items, "pl"), statement_list(items, "en")
    assert pl.splitlines()[0].startswith("- WCAG 2.1, kryterium 1.4.11: Powód. Dostęp alternatywny: Inaczej.")
    assert en.splitlines()[1].startswith("- WCAG 2.1, criterion 3.1.2: Reason. Alternative access: Otherwise.")
    assert "nie wykazały" in statement_list([], "pl")


def test_glossary_expansion_language_must_be_pl_or_en(tmp_path):
    from kit.model.glossary import load_glossary
    path = tmp_path / "glossary.yml"
    path.write_text("- term: SELFIE\n  expansion: Self-reflection\n  expansion_lang: english\n  definition: Narzędzie.\n",
                    "utf-8")
    with pytest.raises(KitError) as err:
        load_glossary(path)
    assert err.value.problems[0].code == "G007" and err.value.problems[0].line == 3
