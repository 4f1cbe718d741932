"""Agenda arithmetic: start and end clock times, running totals, h/min formatting."""
from __future__ import annotations

import re
from dataclasses import dataclass


@dataclass(frozen=True)
class AgendaBlock:
    title: str
    minutes: int
    method: str
    line: int = 1
    id: str = ""
    goal: str = ""
    materials: tuple[str, ...] = ()
    room: str = ""
    points: tuple[str, ...] = ()
    index: int = 0  # position in the module's agenda (translations match blocks by position)
    handouts: tuple[str, ...] = ()  # handout names (karty/<name>.md) used in this block


@dataclass(frozen=True)
class Slot:
    number: int
    block: AgendaBlock
    start: str
    end: str
    elapsed: int  # running total in minutes at the end of the block


def parse_clock(value: str) -> int:
    """'09:00' -> minutes after midnight."""
    m = re.fullmatch(r"(\d{1,2}):(\d{2})", str(value).strip())
    if not m or int(m[1]) > 23 or int(m[2]) > 59:
        raise ValueError(f"niepoprawna godzina „{value}” – oczekiwano GG:MM, np. 09:00")
    return int(m[1]) * 60 + int(m[2])


def clock(minutes: int) -> str:
    return f"{(minutes // 60) % 24:02d}:{minutes % 60:02d}"


def schedule(blocks: list[AgendaBlock], start: str = "09:00") -> list[Slot]:
    t = parse_clock(start)
    total = 0
    slots = []
    for i, b in enumerate(blocks, start=1):
        total += b.minutes
        slots.append(Slot(i, b, clock(t), clock(t + b.minutes), total))
        t += b.minutes
    return slots


def hours_minutes(minutes: int, lang: str = "pl") -> str:
    h, m = divmod(int(minutes), 60)
    parts = []
    if h:
        parts.append(f"{h} h")
    if m or not h:
        parts.append(f"{m} min")
    return " ".join(parts)
