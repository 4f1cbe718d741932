"""The concept's programme tables, generated from the modules' variants so the concept and the
modules cannot disagree. Editors write `{{ program.moduly }}` or `{{ program.dni }}` on a line of
their own where the table goes; the hook replaces it.
"""
from __future__ import annotations

import re
from pathlib import Path

from kit.model import schema
from kit.model.errors import Problem, raise_if
from kit.model.modules import Module

# Only a placeholder alone on its line is a table: `{{ program.moduly }}` quoted in a sentence stays text.
PLACEHOLDER = re.compile(r"^[ \t]*\{\{\s*program\.([\w-]+)\s*\}\}[ \t]*$", re.M)

T = {
    "pl": {"mod_caption": "Moduły programu i podział ich czasu na formy pracy (w minutach)",
           "module": "Moduł", "duration": "Czas modułu", "e": "E-learning", "meeting": "Zjazd {n}",
           "total": "Razem", "day_caption": "Plan dni zjazdowych", "day": "Dzień", "modules": "Moduły",
           "time": "Czas zajęć", "day_name": "Zjazd {n}, dzień {d}", "part": "część {k}"},
    "en": {"mod_caption": "Programme modules and the split of their time across forms of work (minutes)",
           "module": "Module", "duration": "Module duration", "e": "E-learning", "meeting": "Meeting {n}",
           "total": "Total", "day_caption": "Plan of the workshop days", "day": "Day", "modules": "Modules",
           "time": "Session time", "day_name": "Meeting {n}, day {d}", "part": "part {k}"},
}


def split(m: Module) -> tuple[int, dict[int, int]]:
    """(e-learning minutes, {meeting: minutes}) of a module."""
    elearning = sum(v.minutes for v in m.variants if v.kind == "e-learning")
    meetings = {n: sum(v.minutes for v in m.variants if v.kind == "zjazd" and v.meeting == n)
                for n in schema.MEETINGS}
    return elearning, meetings


def _title(m: Module, lang: str) -> str:
    return m.en.title if lang == "en" and m.en else m.title


def modules_table(modules: list[Module], lang: str, up: str = "../") -> str:
    t = T[lang]
    heads = [t["module"], t["duration"], t["e"], *(t["meeting"].format(n=n) for n in schema.MEETINGS)]
    rows = [f"Tabela: {t['mod_caption']}", "", "| " + " | ".join(heads) + " |",
            "|---|" + "---:|" * (len(heads) - 1)]
    sums = [0] * (len(heads) - 1)
    for m in modules:
        e, meetings = split(m)
        values = [m.duration, e, *meetings.values()]
        sums = [a + b for a, b in zip(sums, values)]
        rows.append(f"| [{m.id} {_title(m, lang)}]({up}moduly/{m.slug}/index.md) | "
                    + " | ".join(map(str, values)) + " |")
    rows.append(f"| {t['total']} | " + " | ".join(map(str, sums)) + " |")
    return "\n".join(rows)


def days_table(modules: list[Module], lang: str, up: str = "../") -> str:
    """One row per meeting day: the modules' meeting parts in module order, with minutes."""
    t = T[lang]
    days: dict[tuple[int, int], list[str]] = {}
    totals: dict[tuple[int, int], int] = {}
    for m in modules:
        parts = [v for v in m.variants if v.kind == "zjazd"]
        for k, v in enumerate(parts, 1):
            key = (v.meeting, v.day or 1)
            part = f" – {t['part'].format(k=k)}" if len(parts) > 1 else ""
            days.setdefault(key, []).append(f"{_title(m, lang)}{part} ({v.minutes} min)")
            totals[key] = totals.get(key, 0) + v.minutes
    rows = [f"Tabela: {t['day_caption']}", "", f"| {t['day']} | {t['modules']} | {t['time']} |",
            "|---|---|---:|"]
    for (n, d) in sorted(days):
        rows.append(f"| {t['day_name'].format(n=n, d=d)} | {'; '.join(days[(n, d)])} | {totals[(n, d)]} min |")
    return "\n".join(rows)


TABLES = {"moduly": modules_table, "dni": days_table}


def fill(markdown: str, modules: list[Module], lang: str, src_uri: str, path: Path | None = None) -> str:
    """Replace every {{ program.NAME }} on the page src_uri (docs-relative); an unknown NAME stops
    the build with file:line."""
    problems = []

    def table(m: re.Match) -> str:
        if m[1] not in TABLES:
            line = markdown[:m.start()].count("\n") + 1
            problems.append(Problem(path or Path("?"), line, "V020", m[1], f"nieznana tabela programu "
                                    f"„{m[1]}”.", "dozwolone: " + ", ".join(f"{{{{ program.{k} }}}}"
                                                                            for k in TABLES) + "."))
            return m[0]
        return TABLES[m[1]](modules, lang, "../" * src_uri.count("/"))

    out = PLACEHOLDER.sub(table, markdown)
    raise_if(problems)
    return out
