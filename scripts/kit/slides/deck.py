"""Slides of a module, as plain data for the HTML deck and the PPTX: a title slide, the agenda,
and one slide per agenda block. A block's key points are its `points` field when the editor wrote
one; otherwise the subheadings (###) of the participant text that the block's trainer note
("/// trener | Blok N: …") follows.
"""
from __future__ import annotations

import re
from dataclasses import dataclass, field

from kit.model import schema
from kit.model.agenda import hours_minutes
from kit.model.modules import Module
from kit.model.trainer_blocks import split_trainer_blocks
from kit.site.timetable import block_field, block_title, module_title

MAX_POINTS = 6
T = {
    "pl": {"module": "Moduł {id}", "agenda": "Plan modułu", "block": "Blok {n} · {minutes} min · {method}",
           "goal": "Cel: {goal}", "deck": "Slajdy", "slide": "Slajd"},
    "en": {"module": "Module {id}", "agenda": "Module plan", "block": "Block {n} · {minutes} min · {method}",
           "goal": "Goal: {goal}", "deck": "Slides", "slide": "Slide"},
}


@dataclass
class Slide:
    title: str
    lines: list[str] = field(default_factory=list)   # bullet points, in reading order
    meta: str = ""                                   # small print: block number, time, method
    notes: str = ""                                  # speaker notes (PPTX)


@dataclass
class Deck:
    lang: str
    title: str        # the module's name
    subtitle: str     # edition, module number, duration
    slides: list[Slide]


_BLOCK_NO = re.compile(r"^(?:Blok|Block)\s+(\d+)\b")
_H3 = re.compile(r"^###\s+(.+?)\s*(?:\{[^}]*\})?\s*$")


def body_points(body: str) -> dict[int, list[str]]:
    """Block number -> the ### headings between the previous trainer note and this block's note."""
    rows = body.split("\n")
    out: dict[int, list[str]] = {}
    start = 0
    for tb in split_trainer_blocks(body):
        m = _BLOCK_NO.match(tb.title)
        if m:
            heads = [_H3.match(r)[1] for r in rows[start:tb.start] if _H3.match(r)]
            out.setdefault(int(m[1]), heads[:MAX_POINTS])
        start = tb.end + 1
    return out


def build_deck(m: Module, lang: str, edition: str) -> Deck:
    t = T[lang]
    title = module_title(m, lang)
    found = body_points(m.body) if lang == "pl" else {}
    slides = [Slide(title, [], f"{edition} · {t['module'].format(id=m.id.upper())} · "
                               f"{hours_minutes(m.duration, lang)}")]
    slides.append(Slide(t["agenda"], [block_title(m, b, lang) for b in m.agenda if b.method != "przerwa"]))
    for n, b in enumerate(m.agenda, 1):
        goal = block_field(m, b, "goal", lang)
        points = list(block_field(m, b, "points", lang)) or found.get(n, [])
        lines = ([t["goal"].format(goal=goal)] if goal else []) + points[:MAX_POINTS]
        method = schema.label(schema.METHODS, b.method, lang)
        meta = t["block"].format(n=n, minutes=b.minutes, method=method)
        slides.append(Slide(block_title(m, b, lang), lines, meta, f"{meta}. {goal}".strip()))
    return Deck(lang, title, slides[0].meta, slides)
