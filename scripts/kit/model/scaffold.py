"""`kit new-module`: create a module folder whose front matter is valid and builds at once."""
from __future__ import annotations

import json
import re
from pathlib import Path

from kit.model.dates import today
from kit.model.errors import KitError, Problem

# Scaffold sentences that must be replaced before a page leaves the draft state (rule S003).
PLACEHOLDERS = (
    "Jedno–trzy zdania: czego uczy moduł i komu się przyda.",
    "potrafi wyjaśnić, …",
    "Napisz, jaki problem JST rozwiązuje ten moduł.",
    "**Cel bloku:** opisz cel.",
    "Wyjaśnij pojęcia prostym językiem.",
    "**Cel:** … **Czas:** …",
    "treść odpowiedzi z wyjaśnieniem.",
    "Opisz zadanie dla uczestników i uczestniczek.",
    "Polecenie dla jednej osoby i szacowany czas.",
    "Wyjaśnienie, dlaczego ta odpowiedź jest poprawna.",
)

TEMPLATE = """---
id: {id}
title: {title}
summary: "Jedno–trzy zdania: czego uczy moduł i komu się przyda."
audience: [wydzial-edukacji]
format: warsztat
duration: 180
outcomes:
  - "Uczestnik/uczestniczka potrafi wyjaśnić, …"
  - "Uczestnik/uczestniczka potrafi wskazać, …"
  - "Uczestnik/uczestniczka potrafi zaplanować …"
prerequisites: []
legal: []
agenda:
  - title: "Wprowadzenie i cele modułu"
    minutes: 20
    method: prezentacja
  - title: "Najważniejsze pojęcia"
    minutes: 60
    method: mini-wyklad
  - title: "Przerwa"
    minutes: 15
    method: przerwa
  - title: "Ćwiczenie na przykładzie Gminy Brzozowa Wola"
    minutes: 70
    method: cwiczenie
  - title: "Podsumowanie"
    minutes: 15
    method: podsumowanie
reviewed: {today}
review_every: 12
authors: ["Zespół autorski zestawu"]
status: draft
---

## Po co ten moduł

Napisz, jaki problem JST rozwiązuje ten moduł.

/// trener | Blok 1: Wprowadzenie i cele modułu (20 min)
**Cel bloku:** opisz cel. **Przebieg:** opisz przebieg.
///

## Najważniejsze pojęcia

Wyjaśnij pojęcia prostym językiem.

/// cwiczenie | Ćwiczenie 1: Nazwa ćwiczenia
**Cel:** … **Czas:** … **Instrukcja:** … **Oczekiwany rezultat:** …
///

/// samodzielnie | Jeśli uczysz się samodzielnie
Polecenie dla jednej osoby i szacowany czas.

//// details | Przykładowa odpowiedź – otwórz po wykonaniu ćwiczenia
Przykładowe rozwiązanie.
////
///

## Sprawdź się

/// pytanie | 1. Treść pytania?

- [ ] Odpowiedź niepoprawna.
- [x] Odpowiedź poprawna.
- [ ] Inna odpowiedź niepoprawna.

Wyjaśnienie, dlaczego ta odpowiedź jest poprawna.
///
"""


def slugify(text: str) -> str:
    table = str.maketrans("ąćęłńóśźżĄĆĘŁŃÓŚŹŻ", "acelnoszzACELNOSZZ")
    return re.sub(r"[^a-z0-9]+", "-", text.translate(table).lower()).strip("-")[:40]


def next_id(modules_dir: Path) -> str:
    nums = [int(m[1]) for p in modules_dir.iterdir() if (m := re.match(r"m(\d{2,3})-", p.name))]
    nxt = max(nums, default=0) + 1
    if nxt > 999:
        raise KitError([Problem(modules_dir, 0, "N002", "id", "wykorzystano już numery m01–m999.",
                                "podaj wolny numer opcją --id.")])
    return f"m{nxt:02d}"


def new_module(title: str, modules_dir: Path, module_id: str | None = None) -> Path:
    slug = slugify(title)
    if not slug:
        raise KitError([Problem(modules_dir, 0, "N003", "title", f"tytuł „{title}” nie ma liter ani cyfr, "
                                "z których powstanie nazwa folderu.", "podaj tytuł słowami, np. "
                                "„Sztuczna inteligencja w szkole”.")])
    module_id = module_id or next_id(modules_dir)
    folder = modules_dir / f"{module_id}-{slug}"
    if any(p.name.startswith(module_id + "-") for p in modules_dir.iterdir()):
        raise KitError([Problem(modules_dir, 0, "N001", "id", f"moduł {module_id} już istnieje.",
                                "pomiń opcję --id, aby wybrać wolny numer.")])
    (folder / "karty").mkdir(parents=True)
    (folder / "modul.md").write_text(TEMPLATE.format(id=module_id, title=json.dumps(title, ensure_ascii=False),
                                                     today=today().isoformat()), "utf-8")
    (folder / "karty" / "karta-pracy-1.md").write_text(
        f"---\ntitle: {json.dumps('Karta pracy 1: ' + title, ensure_ascii=False)}\n---\n\n# Karta pracy 1: {title}\n\n"
        "Opisz zadanie dla uczestników i uczestniczek.\n", "utf-8")
    return folder
