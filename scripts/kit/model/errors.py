"""Editor-facing errors: every problem names file, line, rule, what was found and the fix."""
from __future__ import annotations

from dataclasses import dataclass
from pathlib import Path

from kit.model.paths import rel


@dataclass(frozen=True)
class Problem:
    path: Path
    line: int
    code: str
    field: str
    message: str
    fix: str = ""

    def __str__(self) -> str:
        where = rel(self.path) + (f":{self.line}" if self.line else "")
        field = f" {self.field}:" if self.field else ""
        fix = f" Jak poprawić: {self.fix}" if self.fix else ""
        return f"{where}: [{self.code}]{field} {self.message}{fix}"


class KitError(Exception):
    """One or more problems that must stop the build."""

    def __init__(self, problems: list[Problem]):
        self.problems = sorted(problems, key=lambda p: (rel(p.path), p.line, p.code))
        super().__init__(self.report())

    def report(self) -> str:
        lines = [str(p) for p in self.problems]
        n = len(self.problems)
        lines.append(f"Liczba błędów: {n}. Popraw je i uruchom polecenie ponownie.")
        return "\n".join(lines)


def raise_if(problems: list[Problem]) -> None:
    if problems:
        raise KitError(problems)
