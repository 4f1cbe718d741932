"""Agenda variants: the parts of a module that the programme delivers at a meeting (zjazd) and as
e-learning, each a selection of the module's blocks with its own total. The full workshop (every
block, `duration`) is always the first variant, so a module without `variants` keeps working.

A variant lists block ids; `- id: minutes` shortens (or lengthens) a block in that variant only.
"""
from __future__ import annotations

import re
from dataclasses import dataclass, replace

from kit.model import schema
from kit.model.agenda import AgendaBlock
from kit.model.errors import Problem
from kit.model.frontmatter import Source

FULL = "warsztat"
ID_PATTERN = re.compile(r"^[a-z0-9]+(?:-[a-z0-9]+)*$")
LABELS = {
    "pl": {"warsztat": "Pełny warsztat", "zjazd": "Zjazd {meeting}", "day": "dzień {day}",
           "e-learning": "E-learning"},
    "en": {"warsztat": "Full workshop", "zjazd": "Meeting {meeting}", "day": "day {day}",
           "e-learning": "E-learning"},
}


@dataclass(frozen=True)
class Variant:
    kind: str                          # warsztat | zjazd | e-learning
    minutes: int
    blocks: tuple[AgendaBlock, ...]    # minutes as used in this variant
    meeting: int | None = None
    day: int | None = None
    line: int = 1

    @property
    def key(self) -> str:
        """Stable name for anchors and file names: warsztat, zjazd-1, zjazd-1-dzien-2, e-learning."""
        if self.kind != "zjazd":
            return self.kind
        return f"zjazd-{self.meeting}" + (f"-dzien-{self.day}" if self.day else "")

    @property
    def timed(self) -> bool:
        """Delivered in a room with a clock (run sheet); e-learning is self-paced."""
        return self.kind != "e-learning"

    def label(self, lang: str = "pl") -> str:
        t = LABELS[lang]
        text = t[self.kind].format(meeting=self.meeting)
        return text + (", " + t["day"].format(day=self.day) if self.day else "")


def full_variant(agenda: list[AgendaBlock], duration: int, line: int = 1) -> Variant:
    return Variant(FULL, duration, tuple(agenda), line=line)


def build(src: Source, agenda: list[AgendaBlock], duration: int) -> list[Variant]:
    """Variants of a validated module: the full workshop first, then the declared ones."""
    by_id = {b.id: b for b in agenda if b.id}
    out = [full_variant(agenda, duration, src.line("agenda"))]
    for i, v in enumerate(src.data.get("variants") or []):
        blocks = []
        for ref in v["blocks"]:
            bid, minutes = _ref(ref)
            block = by_id[bid]
            blocks.append(block if minutes is None else replace(block, minutes=minutes))
        out.append(Variant(v["kind"], v["minutes"], tuple(blocks), v.get("meeting"), v.get("day"),
                           src.line("variants", i)))
    order = {FULL: 0, "zjazd": 1, "e-learning": 2}  # pages list the room first, self-study last
    return sorted(out, key=lambda v: (order[v.kind], v.meeting or 0, v.day or 0))


def _ref(ref) -> tuple[str | None, int | None]:
    """'block-id' or {'block-id': minutes}; (None, None) when it is neither."""
    if isinstance(ref, str):
        return ref, None
    if isinstance(ref, dict) and len(ref) == 1:
        (bid, minutes), = ref.items()
        return (bid if isinstance(bid, str) else None), minutes
    return None, None


def validate(src: Source, agenda, duration) -> list[Problem]:
    """Rules for `variants`: known kinds and keys, block ids that exist, each variant's sum, every
    content block used somewhere, and (per the concept) e-learning + meetings = duration."""
    data = src.data.get("variants")
    if data is None:
        return []
    p = src.path
    problems: list[Problem] = []

    def add(code, fld, msg, fix, *key):
        problems.append(Problem(p, src.line("variants", *key), code, fld, msg, fix))

    if not isinstance(data, list) or not data:
        add("V001", "variants", "oczekiwano niepustej listy części modułu.",
            "zapisz każdą część jako „- kind: zjazd” z polami meeting, minutes i blocks.")
        return problems
    blocks = {b.get("id"): b for b in agenda if isinstance(b, dict) and isinstance(b.get("id"), str)} \
        if isinstance(agenda, list) else {}
    known = ", ".join(blocks) or "brak – nadaj blokom agendy pole id"
    used: set[str] = set()
    seen: dict[str, int] = {}
    program_total, complete = 0, True
    for i, v in enumerate(data):
        fld = f"variants[{i + 1}]"
        if not isinstance(v, dict):
            add("V001", fld, "część musi mieć pola kind, minutes i blocks.", "zapisz ją jako „- kind: …”.", i)
            complete = False
            continue
        for key in v:
            if key not in schema.VARIANT_KEYS:
                add("V002", fld, f"nieznane pole „{key}”.", "dozwolone: " + ", ".join(schema.VARIANT_KEYS) + ".",
                    i, key)
        kind = v.get("kind")
        if kind not in schema.VARIANT_KINDS:
            add("V003", f"{fld}.kind", f"znaleziono „{kind}”.", "dozwolone: " +
                schema.choices_text(schema.VARIANT_KINDS) + " (pełny warsztat to cała agenda i nie trzeba "
                "go wpisywać).", i, "kind")
            complete = False
        meeting, day = v.get("meeting"), v.get("day")
        if kind == "zjazd" and meeting not in schema.MEETINGS:
            add("V004", f"{fld}.meeting", f"znaleziono „{meeting}”.", "wpisz numer zjazdu w programie: "
                + " albo ".join(map(str, schema.MEETINGS)) + ".", i, "meeting")
            complete = False
        if day is not None and (kind != "zjazd" or day not in schema.DAYS):
            add("V004", f"{fld}.day", f"znaleziono „{day}”.", "dzień (1 albo 2) podaje tylko część "
                "„kind: zjazd”, gdy moduł dzieli się między dwa dni zjazdu.", i, "day")
        name = f"{kind}-{meeting}-{day}" if kind == "zjazd" else str(kind)
        if name in seen:
            add("V008", fld, f"ta sama część co w variants[{seen[name] + 1}].",
                "połącz obie części w jedną albo podaj inny dzień (day).", i)
        seen.setdefault(name, i)
        minutes, refs = v.get("minutes"), v.get("blocks")
        if not isinstance(minutes, int) or isinstance(minutes, bool) or minutes <= 0:
            add("V006", f"{fld}.minutes", f"znaleziono „{minutes}”.", "wpisz czas tej części w minutach, "
                "np. 180.", i, "minutes")
            complete = False
        if not isinstance(refs, list) or not refs:
            add("V005", f"{fld}.blocks", "brak listy bloków.", "wypisz identyfikatory bloków agendy "
                f"(pole id), np. [{known}].", i, "blocks")
            complete = False
            continue
        total, ok, ids = 0, True, []
        for j, ref in enumerate(refs):
            bid, override = _ref(ref)
            if bid not in blocks:
                add("V005", f"{fld}.blocks[{j + 1}]", f"nie ma bloku o id „{bid if bid else ref}”.",
                    f"użyj identyfikatora bloku z agendy: {known}.", i, "blocks", j)
                ok = False
                continue
            if bid in ids:
                add("V012", f"{fld}.blocks[{j + 1}]", f"blok „{bid}” występuje w tej części dwa razy.",
                    "zostaw jedno wystąpienie.", i, "blocks", j)
            ids.append(bid)
            used.add(bid)
            if override is not None and (not isinstance(override, int) or isinstance(override, bool)
                                         or override <= 0):
                add("V010", f"{fld}.blocks[{j + 1}]", f"czas „{override}” bloku „{bid}”.",
                    f"zapisz „- {bid}: 15” (minuty większe od zera) albo samo „- {bid}”.", i, "blocks", j)
                ok = False
                continue
            block_minutes = blocks[bid].get("minutes")
            if override is None and not isinstance(block_minutes, int):
                ok = False
                continue
            total += override if override is not None else block_minutes
        if ok and isinstance(minutes, int) and total != minutes:
            diff = minutes - total
            add("V006", fld, f"bloki tej części trwają razem {total} min, a minutes to {minutes} min.",
                (f"dodaj {diff} min" if diff > 0 else f"skróć bloki o {-diff} min") + " (np. „- id: minuty”) "
                f"albo zmień minutes na {total}.", i, "minutes")
        if not ok:
            complete = False
        if isinstance(minutes, int):
            program_total += minutes
    if isinstance(agenda, list):
        for i, b in enumerate(agenda):
            if isinstance(b, dict) and b.get("method") != "przerwa" and b.get("id") not in used:
                label = f"„{b.get('id')}”" if b.get("id") else f"„{b.get('title')}” (bez id)"
                problems.append(Problem(p, src.line("agenda", i), "V007", f"agenda[{i + 1}]",
                                        f"blok {label} nie należy do żadnej części modułu.",
                                        "dopisz jego id do blocks części „zjazd” lub „e-learning” albo usuń "
                                        "blok z agendy."))
    if complete and isinstance(duration, int) and not problems and program_total != duration:
        problems.append(Problem(p, src.line("variants"), "V009", "variants",
                                f"zjazdy i e-learning trwają razem {program_total} min, a duration to "
                                f"{duration} min.", "koncepcja dzieli czas modułu między e-learning i zjazd: "
                                "zmień minutes części tak, by dawały razem duration."))
    return problems
