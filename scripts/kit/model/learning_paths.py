"""Learning paths (materials/sciezki.yml): ordered module lists for self-study, by role or by time.

A role path names an `audience` and takes every module whose front matter lists that audience,
in prerequisite order; `modules` narrows or orders it by hand (each module must still be meant
for that audience). A path without `audience` lists its `modules` explicitly. `budget` (minutes)
caps the path's total reading time, so a "two hours" path stays two hours after edits.
"""
from __future__ import annotations

import re
from dataclasses import dataclass
from pathlib import Path

from kit.model import schema
from kit.model.errors import Problem, raise_if
from kit.model.frontmatter import Source, load_yaml_file
from kit.model.modules import Module
from kit.model.reading import minutes

FIELDS = {
    "id": "identyfikator ścieżki: małe litery, cyfry i myślniki, np. skarbnik albo start-2h",
    "title": "tytuł ścieżki po polsku",
    "title_en": "tytuł po angielsku",
    "summary": "1–2 zdania: dla kogo jest ścieżka i co daje",
    "summary_en": "opis po angielsku",
    "audience": "adresat z listy: " + ", ".join(schema.AUDIENCES),
    "modules": "lista identyfikatorów modułów w kolejności nauki, np. [m01, m03]",
    "budget": "górna granica czasu czytania całej ścieżki w minutach, np. 120",
}
REQUIRED = ("id", "title", "summary")
ID = re.compile(r"^[a-z0-9]+(-[a-z0-9]+)*$")


@dataclass(frozen=True)
class LearningPath:
    id: str
    title: str
    summary: str
    title_en: str | None
    summary_en: str | None
    audience: str | None
    modules: tuple[str, ...]
    budget: int | None

    def text(self, lang: str) -> tuple[str, str]:
        if lang == "en":
            return self.title_en or self.title, self.summary_en or self.summary
        return self.title, self.summary


def prerequisite_order(modules: list[Module]) -> list[Module]:
    """Modules sorted so each comes after the prerequisites that are also in the list; ties by id."""
    chosen = {m.id: m for m in modules}
    done: list[Module] = []
    seen: set[str] = set()

    def visit(m: Module) -> None:
        if m.id in seen:
            return
        seen.add(m.id)
        for pre in sorted(m.prerequisites):
            if pre in chosen:
                visit(chosen[pre])
        done.append(m)

    for m in sorted(modules, key=lambda m: m.id):
        visit(m)
    return done


def load_paths(path: Path, modules: list[Module]) -> list[LearningPath]:
    """Read and check the paths file against the loaded modules; raise KitError on any problem."""
    if not path.exists():
        return []
    src = load_yaml_file(path)
    if src.data is None:
        return []
    if not isinstance(src.data, list):
        raise_if([Problem(path, 1, "D001", "", "plik ścieżek musi być listą ścieżek.",
                          "zacznij każdą ścieżkę od „- id: …”.")])
    by_id = {m.id: m for m in modules}
    paths, problems, ids = [], [], set()
    for i, entry in enumerate(src.data):
        found, lp = _entry(src, i, entry, by_id)
        problems += found
        if lp and lp.id in ids:
            problems.append(Problem(path, src.line(i, "id"), "D004", "id", f"ścieżka „{lp.id}” występuje dwa razy.",
                                    "nadaj ścieżce inny identyfikator."))
        elif lp:
            ids.add(lp.id)
            paths.append(lp)
    raise_if(problems)
    return paths


def _entry(src: Source, i: int, entry, by_id: dict[str, Module]) -> tuple[list[Problem], LearningPath | None]:
    path = src.path
    problems: list[Problem] = []

    def add(code, fld, msg, fix, *key):
        problems.append(Problem(path, src.line(i, *(key or (fld,))), code, fld, msg, fix))

    if not isinstance(entry, dict):
        return [Problem(path, src.line(i), "D001", "", "wpis ścieżki nie jest słownikiem pól.",
                        "zapisz ścieżkę jako „- id: …” z polami w kolejnych liniach.")], None
    for name in entry:
        if name not in FIELDS:
            add("D002", str(name), f"nieznane pole „{name}”.", "dozwolone pola: " + ", ".join(FIELDS) + ".")
    for name in REQUIRED:
        if not isinstance(entry.get(name), str) or not entry[name].strip():
            add("D003", name, "brak pola lub nie jest tekstem.", f"dodaj {FIELDS[name]}.", ())
    pid = entry.get("id")
    if isinstance(pid, str) and not ID.match(pid):
        add("D004", "id", f"„{pid}” nie pasuje do wzoru.", FIELDS["id"] + ".")
    audience = entry.get("audience")
    if audience is not None and audience not in schema.AUDIENCES:
        add("D005", "audience", f"adresat „{audience}” spoza listy.", FIELDS["audience"] + ".")
        audience = None
    listed = entry.get("modules")
    if listed is not None and not (isinstance(listed, list) and all(isinstance(x, str) for x in listed)):
        add("D006", "modules", f"znaleziono „{listed}”.", FIELDS["modules"] + ".")
        listed = None
    if audience is None and not listed and "audience" not in entry:
        add("D007", "modules", "ścieżka nie ma ani adresata, ani listy modułów.",
            "dodaj „audience: …” (moduły dobierze build) albo „modules: [..]”.", ())
    for k, mid in enumerate(listed or []):
        if mid not in by_id:
            add("D008", "modules", f"moduł „{mid}” nie istnieje.", "dozwolone: " + ", ".join(sorted(by_id)) + ".",
                "modules", k)
        elif audience and audience not in by_id[mid].audience:
            add("D009", "modules", f"moduł {mid} nie ma adresata „{audience}” w polu audience.",
                f"usuń {mid} ze ścieżki albo dopisz „{audience}” do audience w module {mid}.", "modules", k)
        elif mid in (listed or [])[:k]:
            add("D010", "modules", f"moduł {mid} powtarza się na liście.", "zostaw go raz.", "modules", k)
    budget = entry.get("budget")
    if budget is not None and (not isinstance(budget, int) or isinstance(budget, bool) or budget <= 0):
        add("D011", "budget", f"znaleziono „{budget}”.", FIELDS["budget"] + ".")
        budget = None
    if problems:
        return problems, None
    if listed:
        order = [by_id[mid] for mid in listed]
        for k, m in enumerate(order):
            late = [p for p in m.prerequisites if p in listed[k + 1:]]
            if late:
                add("D012", "modules", f"moduł {m.id} wymaga modułu {late[0]}, który stoi dalej na liście.",
                    f"przenieś {late[0]} przed {m.id}.", "modules", k)
    else:
        order = prerequisite_order([m for m in by_id.values() if audience in m.audience])
        if not order:
            add("D013", "audience", f"żaden moduł nie ma adresata „{audience}”.",
                "dopisz tego adresata w polu audience modułów albo usuń ścieżkę.")
    total = sum(minutes(m.body, "pl") for m in order)
    if budget and total > budget:
        add("D014", "budget", f"moduły ścieżki czyta się {total} min, a budget to {budget} min.",
            f"usuń moduł ze ścieżki albo zwiększ budget do {total}.")
    if problems:
        return problems, None
    return [], LearningPath(pid, entry["title"].strip(), entry["summary"].strip(), entry.get("title_en"),
                            entry.get("summary_en"), audience, tuple(m.id for m in order), budget)


def for_edition(paths: list[LearningPath], modules: list[Module]) -> list[LearningPath]:
    """An edition's paths: modules outside its selection drop out; an emptied path disappears."""
    present = {m.id for m in modules}
    out = []
    for p in paths:
        kept = tuple(mid for mid in p.modules if mid in present)
        if kept:
            out.append(LearningPath(p.id, p.title, p.summary, p.title_en, p.summary_en, p.audience, kept, p.budget))
    return out
