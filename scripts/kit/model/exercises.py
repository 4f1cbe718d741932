"""Exercises and their self-study variants.

Every group exercise (`/// cwiczenie | …`) has a variant for a person studying alone right after
it, before the next exercise or section:

    /// samodzielnie | Jeśli uczysz się samodzielnie
    What to do alone, in about how long.

    //// details | Przykładowa odpowiedź – otwórz po wykonaniu ćwiczenia
    The model answer.
    ////
    ///
"""
from __future__ import annotations

import re
from pathlib import Path

from kit.model.errors import Problem
from kit.model.dialect import outside_fences  # the one fence-aware line walker

EXERCISE = re.compile(r"^(/{3,})\s*cwiczenie\b")
SOLO = re.compile(r"^(/{3,})\s*samodzielnie\b")
ANSWER = re.compile(r"^(/{3,})\s*details\b")
CLOSE = re.compile(r"^(/{3,})\s*$")
SECTION = re.compile(r"^#{1,2}\s")


def check(body: str, path: Path, first_line: int = 1) -> list[Problem]:
    """Z001: an exercise without a self-study variant; Z002: a variant without a model answer."""
    rows = list(outside_fences(body.split("\n")))
    problems = []
    starts = [k for k, (_, row) in enumerate(rows) if EXERCISE.match(row)]
    for n, k in enumerate(starts):
        stop = starts[n + 1] if n + 1 < len(starts) else len(rows)
        stop = next((j for j in range(k + 1, stop) if SECTION.match(rows[j][1])), stop)
        solo = next((j for j in range(k + 1, stop) if SOLO.match(rows[j][1])), None)
        line = first_line + rows[k][0]
        if solo is None:
            problems.append(Problem(path, line, "Z001", "cwiczenie", "ćwiczenie nie ma wariantu dla osoby, "
                                    "która uczy się samodzielnie.", "dodaj po nim blok „/// samodzielnie | Jeśli "
                                    "uczysz się samodzielnie” z poleceniem dla jednej osoby i przykładową odpowiedzią "
                                    "w bloku „//// details | Przykładowa odpowiedź…”."))
            continue
        slashes = SOLO.match(rows[solo][1])[1]
        end = next((j for j in range(solo + 1, len(rows)) if (c := CLOSE.match(rows[j][1])) and c[1] == slashes),
                   len(rows))
        if not any(ANSWER.match(rows[j][1]) for j in range(solo + 1, end)):
            problems.append(Problem(path, first_line + rows[solo][0], "Z002", "samodzielnie",
                                    "wariant do samodzielnej nauki nie ma przykładowej odpowiedzi.",
                                    "dodaj w nim blok „//// details | Przykładowa odpowiedź – otwórz po wykonaniu "
                                    "ćwiczenia” zamknięty linią „////”."))
    return problems
