"""Known non-conformities with WCAG 2.1 AA (materials/dostepnosc-niezgodnosci.yml), rendered into
the accessibility statement. The browser state checks (tests/test_ui_states.py) keep the list honest:
a failing check not listed here fails, and so does a listed check that passes."""
from __future__ import annotations

import re
from dataclasses import dataclass
from pathlib import Path

from kit.model.errors import Problem, raise_if
from kit.model.frontmatter import load_yaml_file
from kit.model.paths import ROOT

FILE = ROOT / "materials" / "dostepnosc-niezgodnosci.yml"
# The names of the state checks in tests/test_ui_states.py, one per kind of failure it can find.
STATE_CHECKS = ("focus-invisible", "focus-no-indicator", "focus-contrast", "hover-contrast", "axe-dark", "axe-404",
                "language-of-parts", "search-count-contrast", "search-count-announced", "search-mark-contrast",
                "search-axe", "search-escape-focus", "language-menu-escape", "palette-name", "drawer-button")
FIELDS = {"criterion": "numer kryterium WCAG 2.1, np. 1.4.3", "reason": "opis niezgodności i jej przyczyny",
          "reason_en": "to samo po angielsku", "alternative": "dostęp alternatywny",
          "alternative_en": "to samo po angielsku"}
CRITERION = re.compile(r"^[1-4]\.\d{1,2}\.\d{1,2}$")


@dataclass(frozen=True)
class Nonconformity:
    criterion: str
    reason: str
    reason_en: str
    alternative: str
    alternative_en: str
    check: str | None = None


def load_nonconformities(path: Path = FILE) -> list[Nonconformity]:
    if not path.exists():
        return []
    src = load_yaml_file(path)
    items = src.data or []
    problems: list[Problem] = []
    out = []
    if not isinstance(items, list):
        raise_if([Problem(path, 1, "A101", "lista", "plik nie jest listą niezgodności.",
                          "zapisz każdą niezgodność jako element listy zaczynający się od „- criterion: …”.")])
    for i, item in enumerate(items):
        item = item if isinstance(item, dict) else {}
        line = src.line(i)
        for name, desc in FIELDS.items():
            if not str(item.get(name) or "").strip():
                problems.append(Problem(path, line, "A102", name, "brak pola.", f"dodaj {desc}."))
        if item.get("criterion") and not CRITERION.match(str(item["criterion"])):
            problems.append(Problem(path, src.line(i, "criterion"), "A103", "criterion",
                                    f"„{item['criterion']}” nie jest numerem kryterium.", "wpisz np. 1.4.11."))
        if item.get("check") and item["check"] not in STATE_CHECKS:
            problems.append(Problem(path, src.line(i, "check"), "A104", "check", f"nieznany test „{item['check']}”.",
                                    "dozwolone: " + ", ".join(STATE_CHECKS) + "."))
        unknown = set(item) - set(FIELDS) - {"check"}
        if unknown:
            problems.append(Problem(path, line, "A105", ", ".join(sorted(unknown)), "nieznane pole.",
                                    "dozwolone: " + ", ".join([*FIELDS, "check"]) + "."))
        if not problems:
            out.append(Nonconformity(**{k: str(v) for k, v in item.items()}))
    raise_if(problems)
    return out


def statement_list(items: list[Nonconformity], lang: str) -> str:
    """The Markdown list the statement shows under its status: criterion, what fails and why,
    and how to get the content another way."""
    en = lang == "en"
    if not items:
        return ("The tests found no non-conformity with WCAG 2.1 AA." if en else
                "Testy nie wykazały niezgodności z WCAG 2.1 AA.")
    rows = []
    for n in sorted(items, key=lambda n: [int(x) for x in n.criterion.split(".")]):
        reason, alt = (n.reason_en, n.alternative_en) if en else (n.reason, n.alternative)
        label = "criterion" if en else "kryterium"
        rows.append(f"- WCAG 2.1, {label} {n.criterion}: {reason.strip()} "
                    f"{'Alternative access' if en else 'Dostęp alternatywny'}: {alt.strip()}")
    return "\n".join(rows)
