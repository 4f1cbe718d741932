"""Self-check questions with choices: `/// pytanie | Question` blocks in module Markdown.

    /// pytanie | 1. Kto odpowiada za wyposażenie szkoły?

    - [ ] Dyrektor szkoły z własnego budżetu.
    - [x] Organ prowadzący szkołę.
    - [ ] Kurator oświaty.

    Wyjaśnienie: one or more paragraphs, shown after answering.
    ///

Exactly one option is marked [x]; blank lines around the list keep markdownlint (MD032) content. The site renders the block as a question whose answer sits in
a details/summary (works without JavaScript and in print); kit-selfstudy.js adds the choices.
"""
from __future__ import annotations

import hashlib
import re
from dataclasses import dataclass
from pathlib import Path

from kit.model.errors import Problem
from kit.model.dialect import outside_fences

OPEN = re.compile(r"^(/{3,})\s*pytanie\b\s*(?:\|\s*(.*?))?\s*$")
CLOSE = re.compile(r"^(/{3,})\s*$")
OPTION = re.compile(r"^[-*]\s+\[(?P<mark>[ xX])\]\s*(?P<text>.*)$")
MIN_OPTIONS, MAX_OPTIONS = 2, 6
SYNTAX_HELP = ("zapisz pytanie jako „/// pytanie | Treść pytania”, po pustej linii odpowiedzi „- [ ] …”, "
               "poprawną jako „- [x] …”, potem wyjaśnienie i linię „///”")


@dataclass(frozen=True)
class Option:
    text: str
    correct: bool


@dataclass(frozen=True)
class Question:
    text: str
    options: tuple[Option, ...]
    explanation: str
    start: int   # 0-based index of the opening line in the body
    end: int     # index of the closing line

    @property
    def key(self) -> str:
        """Stable id for the learner's stored answer: changes when the question text changes,
        so an old answer never counts for a rewritten question."""
        return hashlib.sha1(self.text.strip().encode("utf-8")).hexdigest()[:8]

    @property
    def correct_index(self) -> int:
        return next(i for i, o in enumerate(self.options) if o.correct)


def parse(body: str, path: Path | None = None, first_line: int = 1) -> tuple[list[Question], list[Problem]]:
    """All self-check blocks of a body, with a problem per malformed block (file:line)."""
    rows = body.split("\n")
    questions: list[Question] = []
    problems: list[Problem] = []
    where = path or Path("?")
    visible = {i for i, _ in outside_fences(rows)}  # a block inside a code fence is an example
    i = 0
    while i < len(rows):
        m = OPEN.match(rows[i]) if i in visible else None
        if not m:
            i += 1
            continue
        line = first_line + i
        end = next((j for j in range(i + 1, len(rows)) if (c := CLOSE.match(rows[j])) and c[1] == m[1]), None)
        if end is None:
            problems.append(Problem(where, line, "Q001", "pytanie", "blok pytania nie ma linii zamykającej.",
                                    f"dodaj linię „{m[1]}” po wyjaśnieniu."))
            break
        q, found = _question(rows, i, end, m[2] or "", where, first_line)
        problems += found
        if q:
            questions.append(q)
        i = end + 1
    return questions, problems


def _question(rows: list[str], start: int, end: int, text: str, path: Path, first_line: int):
    line = first_line + start
    problems = []
    if not text.strip():
        problems.append(Problem(path, line, "Q002", "pytanie", "brak treści pytania po „|”.", SYNTAX_HELP + "."))
    inner = rows[start + 1:end]
    k = 0
    while k < len(inner) and not inner[k].strip():
        k += 1
    options: list[Option] = []
    while k < len(inner) and (o := OPTION.match(inner[k].strip())):
        if not o["text"].strip():
            problems.append(Problem(path, first_line + start + 1 + k, "Q003", "pytanie",
                                    "odpowiedź bez treści.", "wpisz treść po „- [ ]” albo usuń linię."))
        options.append(Option(o["text"].strip(), o["mark"] in "xX"))
        k += 1
    explanation = "\n".join(inner[k:]).strip()
    correct = sum(o.correct for o in options)
    if not MIN_OPTIONS <= len(options) <= MAX_OPTIONS:
        problems.append(Problem(path, line, "Q004", "pytanie", f"pytanie ma {len(options)} odpowiedzi do wyboru.",
                                f"podaj od {MIN_OPTIONS} do {MAX_OPTIONS} odpowiedzi w liniach „- [ ] …” "
                                "zaraz pod pierwszą linią bloku."))
    if options and correct != 1:
        problems.append(Problem(path, line, "Q005", "pytanie", f"oznaczono {correct} poprawnych odpowiedzi.",
                                "oznacz dokładnie jedną odpowiedź jako „- [x] …”."))
    if not explanation:
        problems.append(Problem(path, first_line + end, "Q006", "pytanie", "brak wyjaśnienia odpowiedzi.",
                                "pod odpowiedziami dodaj akapit, który wyjaśnia, dlaczego ta odpowiedź "
                                "jest poprawna."))
    if problems:
        return None, problems
    return Question(text.strip(), tuple(options), explanation, start, end), []


def count(body: str) -> int:
    return len(parse(body)[0])
