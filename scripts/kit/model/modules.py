"""Training modules: load materials/modules/<id>-<slug>/, validate against the schema."""
from __future__ import annotations

import re
from functools import lru_cache
from dataclasses import dataclass, field
from datetime import date
from pathlib import Path

from kit.model import schema
from kit.model.agenda import AgendaBlock
from kit.model.dates import add_months, parse_iso, today
from kit.model.errors import KitError, Problem, raise_if
from kit.model.frontmatter import Source, load_markdown, read_source
from kit.model.legal import Act, check_citations
from kit.model.links import check_module_links
from kit.model.states import body_citations, check_state
from kit.model.exercises import check as check_exercises
from kit.model.quiz import parse as parse_quiz
from kit.model.trainer_blocks import Checker
from kit.model import variants as variants_mod
from kit.model.variants import Variant

MODULE_FILE = "modul.md"
MODULE_FILE_EN = "modul.en.md"
HANDOUTS_DIR = "karty"
FOLDER_PATTERN = re.compile(r"^(m\d{2,3})-[a-z0-9-]+$")


@dataclass
class Handout:
    path: Path
    name: str
    title: str
    sheets: int | None = None    # A4 pages the printed handout must fit (checked on its PDF)
    copies: str = "uczestnik"    # who gets one: schema.HANDOUT_COPIES


@dataclass
class Translation:
    path: Path
    title: str
    summary: str
    outcomes: list[str]
    agenda_titles: list[str]
    body: str
    body_line: int
    agenda_fields: list[dict] = field(default_factory=list)  # translated goal, materials, room, points


@dataclass
class Module:
    id: str
    folder: Path
    path: Path
    title: str
    summary: str
    audience: list[str]
    format: str
    duration: int
    outcomes: list[str]
    prerequisites: list[str]
    legal: list[str]
    agenda: list[AgendaBlock]
    reviewed: date
    review_by: date
    authors: list[str]
    status: str
    body: str
    body_line: int
    handouts: list[Handout] = field(default_factory=list)
    en: Translation | None = None
    front: Source | None = None  # the parsed front matter, for line numbers in later checks
    variants: list[Variant] = field(default_factory=list)  # full workshop first

    @property
    def slug(self) -> str:
        return self.folder.name

    @property
    def overdue(self) -> bool:
        return today() > self.review_by


def _type_ok(kind: str, value) -> bool:
    if kind in ("str", "enum"):
        return isinstance(value, str) and bool(value.strip())
    if kind == "int":
        return isinstance(value, int) and not isinstance(value, bool)
    if kind == "slug":
        return isinstance(value, str) and bool(variants_mod.ID_PATTERN.match(value))
    if kind in ("list[str]", "list[enum]", "ids", "legal", "agenda", "variants"):
        return isinstance(value, list)
    if kind == "date":
        return isinstance(value, (str, date))
    return True


_KIND_PL = {"str": "tekst", "enum": "tekst", "int": "liczba całkowita", "date": "data RRRR-MM-DD",
            "list[str]": "lista", "list[enum]": "lista", "ids": "lista", "legal": "lista", "agenda": "lista",
            "variants": "lista", "slug": "małe litery, cyfry i łączniki, np. prawo-i-polityka"}


def _show(value) -> str:
    text = repr(value) if not isinstance(value, str) else value
    return text if len(text) < 60 else text[:57] + "…"


def validate_front_matter(src: Source, folder: Path, acts: dict[str, Act]) -> list[Problem]:
    """Check one module's front matter field by field; module-to-module rules are elsewhere."""
    p, data, problems = src.path, src.data, []

    def add(code, fld, msg, fix, *key):
        problems.append(Problem(p, src.line(*(key or (fld,))), code, fld, msg, fix))

    for name in data:
        if name not in schema.FIELD_BY_NAME:
            add("M001", name, f"nieznane pole „{name}”.", "dozwolone pola: " +
                ", ".join(f.name for f in schema.FIELDS) + ".")
    for f in schema.FIELDS:
        if f.name not in data or data[f.name] is None:
            if f.required:
                problems.append(Problem(p, src.line(), "M002", f.name, "brak wymaganego pola.",
                                        f"dodaj pole „{f.name}: …” – {f.help}."))
            continue
        value = data[f.name]
        if not _type_ok(f.kind, value):
            add("M003", f.name, f"znaleziono „{_show(value)}”, oczekiwano: {_KIND_PL[f.kind]}.", f.help + ".")
            continue
        if f.kind == "enum" and value not in f.choices:
            add("M004", f.name, f"wartość „{value}” spoza listy.", "dozwolone: " +
                schema.choices_text(f.choices) + ".")
        if f.kind == "list[enum]":
            if not value:
                add("M005", f.name, "lista jest pusta.", f.help + ": " + schema.choices_text(f.choices) + ".")
            for i, item in enumerate(value):
                if item not in f.choices:
                    add("M004", f.name, f"wartość „{item}” spoza listy.", "dozwolone: " +
                        schema.choices_text(f.choices) + ".", f.name, i)
        if f.kind == "list[str]":
            for i, item in enumerate(value):
                if not isinstance(item, str) or not item.strip():
                    add("M003", f.name, f"element {i + 1} nie jest tekstem.", f.help + ".", f.name, i)
        if f.kind == "int" and value <= 0:
            add("M006", f.name, f"znaleziono {value}, oczekiwano liczby większej od zera.", f.help + ".")
        if f.kind == "date" and parse_iso(value) is None:
            add("M007", f.name, f"„{value}” nie jest prawdziwą datą.",
                "wpisz istniejącą datę w formacie RRRR-MM-DD, np. 2026-11-20.")
        if f.kind == "legal":
            for i, key in enumerate(value):
                if key not in acts:
                    add("M008", f.name, f"nieznany klucz aktu „{key}”.", "użyj klucza z materials/"
                        "legal.yml: " + ", ".join(sorted(acts)) + ".", f.name, i)
    mid = data.get("id")
    m = FOLDER_PATTERN.match(folder.name)
    if isinstance(mid, str):
        if not re.match(schema.ID_PATTERN, mid):
            add("M009", "id", f"„{mid}” nie pasuje do wzoru.", schema.FIELD_BY_NAME["id"].help + ".")
        elif m and m[1] != mid:
            add("M010", "id", f"„{mid}” różni się od początku nazwy folderu „{folder.name}”.",
                f"zmień id na „{m[1]}” albo nazwę folderu na „{mid}-…”.")
    outcomes = data.get("outcomes")
    if isinstance(outcomes, list) and not schema.OUTCOMES_MIN <= len(outcomes) <= schema.OUTCOMES_MAX:
        add("M011", "outcomes", f"jest {len(outcomes)} efektów.", f"wpisz od {schema.OUTCOMES_MIN} do "
            f"{schema.OUTCOMES_MAX} efektów uczenia się.")
    if "review_every" not in data and "review_by" not in data:
        problems.append(Problem(p, src.line(), "M012", "review_every", "brak terminu przeglądu.",
                                "dodaj „review_every: 12” (miesiące) albo „review_by: RRRR-MM-DD”."))
    problems += _validate_agenda(src, data.get("agenda"), data.get("duration"))
    problems += variants_mod.validate(src, data.get("agenda"), data.get("duration"))
    return problems


def _validate_agenda(src: Source, agenda, duration) -> list[Problem]:
    problems: list[Problem] = []
    if not isinstance(agenda, list):
        return problems
    if not agenda:
        return [Problem(src.path, src.line("agenda"), "A001", "agenda", "agenda jest pusta.",
                        "dodaj bloki z polami title, minutes, method.")]
    total, complete, ids = 0, True, {}
    for i, block in enumerate(agenda):
        line = src.line("agenda", i)
        if not isinstance(block, dict):
            problems.append(Problem(src.path, line, "A002", f"agenda[{i + 1}]", "blok musi mieć pola "
                                    "title, minutes, method.", "zapisz blok jako „- title: …”."))
            complete = False
            continue
        for key, kind in schema.AGENDA_KEYS.items():
            value = block.get(key)
            fld = f"agenda[{i + 1}].{key}"
            kline = src.line("agenda", i, key)
            if value is None:
                problems.append(Problem(src.path, line, "A003", fld, "brak pola.", f"dodaj „{key}: …”."))
                complete = False
            elif not _type_ok(kind, value) or (kind == "int" and value <= 0):
                problems.append(Problem(src.path, kline, "A004", fld, f"znaleziono „{_show(value)}”.",
                                        "wpisz " + ("liczbę minut większą od zera." if kind == "int"
                                                    else "tekst.")))
                complete = False
            elif key == "method" and value not in schema.METHODS:
                problems.append(Problem(src.path, kline, "A005", fld, f"metoda „{value}” spoza listy.",
                                        "dozwolone: " + schema.choices_text(schema.METHODS) + "."))
        problems += _validate_block_extras(src, block, i, ids)
        if isinstance(block.get("minutes"), int):
            total += block["minutes"]
    if complete and isinstance(duration, int) and total != duration:
        diff = duration - total
        hint = (f"dodaj {diff} min do któregoś bloku" if diff > 0 else f"skróć bloki o {-diff} min") + \
            f" albo zmień duration na {total}."
        problems.append(Problem(src.path, src.line("agenda"), "A010", "agenda",
                                f"bloki agendy trwają razem {total} min, a duration to {duration} min.", hint))
    return problems


def _validate_block_extras(src: Source, block: dict, i: int, ids: dict[str, int]) -> list[Problem]:
    """Optional block fields (id, goal, materials, room, points) and unknown keys."""
    problems = []
    allowed = ", ".join([*schema.AGENDA_KEYS, *schema.AGENDA_OPTIONAL])
    for key, value in block.items():
        fld, line = f"agenda[{i + 1}].{key}", src.line("agenda", i, key)
        kind = schema.AGENDA_OPTIONAL.get(key)
        if key in schema.AGENDA_KEYS:
            continue
        if kind is None:
            problems.append(Problem(src.path, line, "A006", f"agenda[{i + 1}]", f"nieznane pole „{key}”.",
                                    f"dozwolone: {allowed}."))
        elif not _type_ok(kind, value) or (kind == "list[str]" and not all(
                isinstance(x, str) and x.strip() for x in value)):
            problems.append(Problem(src.path, line, "A007", fld, f"znaleziono „{_show(value)}”, oczekiwano: "
                                    f"{_KIND_PL[kind]}.", _BLOCK_HELP[key]))
        elif key == "goal" and len(value) > schema.GOAL_MAX:
            problems.append(Problem(src.path, line, "A008", fld, f"cel ma {len(value)} znaków, a mieści się "
                                    f"w jednej linii karty przebiegu do {schema.GOAL_MAX}.",
                                    "skróć cel do jednego krótkiego zdania; szczegóły zostaw w notatce trenera."))
        elif key == "id":
            if value in ids:
                problems.append(Problem(src.path, line, "A009", fld, f"id „{value}” ma już blok "
                                        f"{ids[value] + 1}.", "nadaj każdemu blokowi inny identyfikator."))
            ids.setdefault(value, i)
    return problems


_BLOCK_HELP = {
    "id": "krótki identyfikator bloku: małe litery, cyfry i łączniki, np. prawo.",
    "goal": "cel bloku jednym zdaniem (tekst).",
    "materials": "lista rzeczy do przygotowania, np. [flipchart, markery, karta pracy 1].",
    "room": "ustawienie sali jednym zdaniem, np. „stoliki dla grup po 4 osoby”.",
    "points": "lista najważniejszych myśli bloku do slajdu (teksty).",
    "handouts": "lista kart pracy z folderu karty/ (nazwy plików bez .md), np. [karta-pracy-1].",
}


def _load_translation(path: Path, module_src: Source) -> tuple[Translation | None, list[Problem]]:
    src = load_markdown(path)
    data, problems = src.data, []
    for name in data:
        if name not in schema.TRANSLATABLE:
            problems.append(Problem(path, src.line(name), "T001", name, "tłumaczenie może zawierać tylko "
                                    "pola " + ", ".join(schema.TRANSLATABLE) + ".",
                                    "usuń to pole – jego wartość pochodzi z polskiego modul.md."))
    for name in ("title", "summary"):
        if not isinstance(data.get(name), str):
            problems.append(Problem(path, src.line(), "T002", name, "brak pola lub nie jest tekstem.",
                                    f"dodaj „{name}: …” po angielsku."))
    pl_agenda = module_src.data.get("agenda") or []
    agenda = data.get("agenda") or []
    if not isinstance(agenda, list) or len(agenda) != len(pl_agenda):
        problems.append(Problem(path, src.line("agenda"), "T003", "agenda", f"tłumaczenie ma "
                                f"{len(agenda) if isinstance(agenda, list) else 0} bloków agendy, "
                                f"a moduł polski {len(pl_agenda)}.", "przetłumacz każdy blok w tej samej "
                                "kolejności (pola " + ", ".join(schema.AGENDA_TRANSLATABLE) + ")."))
        agenda = []
    for i, b in enumerate(agenda):
        for key in (b if isinstance(b, dict) else {}):
            if key not in schema.AGENDA_TRANSLATABLE:
                problems.append(Problem(path, src.line("agenda", i, key), "T004", f"agenda[{i + 1}]",
                                        f"tłumaczenie bloku nie może zawierać pola „{key}”.",
                                        "tłumaczy się tylko pola " + ", ".join(schema.AGENDA_TRANSLATABLE) + "."))
    titles = [b.get("title", "") if isinstance(b, dict) else str(b) for b in agenda]
    fields = [{k: v for k, v in b.items() if k != "title"} if isinstance(b, dict) else {} for b in agenda]
    if problems:
        return None, problems
    outcomes = data.get("outcomes") or module_src.data.get("outcomes") or []
    return Translation(path, data["title"], data["summary"], outcomes, titles, src.body, src.body_line,
                       fields), []


def load_module(folder: Path, acts: dict[str, Act]) -> tuple[Module | None, list[Problem]]:
    path = folder / MODULE_FILE
    if not path.exists():
        return None, [Problem(folder, 0, "M020", "", f"folder modułu nie zawiera pliku {MODULE_FILE}.",
                              f"dodaj {MODULE_FILE} (polecenie „kit new-module”) albo usuń folder.")]
    if not FOLDER_PATTERN.match(folder.name):
        return None, [Problem(path, 1, "M021", "", f"nazwa folderu „{folder.name}” nie pasuje do wzoru.",
                              "nazwij folder „mNN-krotka-nazwa”, np. m10-sztuczna-inteligencja.")]
    try:
        src = load_markdown(path)
    except KitError as exc:
        return None, exc.problems
    problems = validate_front_matter(src, folder, acts)
    problems += check_citations(path, src.body, acts, src.body_line)
    problems += _trainer_checker().check(path, src.body, src.body_line)
    status = src.data.get("status")
    state_problems = []  # reported, but the module still loads: other modules may depend on it
    if isinstance(status, str):
        cited = [(src.line("legal", i), k) for i, k in enumerate(src.data.get("legal") or []) if isinstance(k, str)]
        state_problems += check_state(path, status, src.line("status"), read_source(path), 1,
                                      cited + body_citations(src.body, src.body_line), acts)
    problems += parse_quiz(src.body, path, src.body_line)[1]
    problems += check_exercises(src.body, path, src.body_line)  # every exercise has a self-study variant
    en, en_problems = (None, [])
    if (folder / MODULE_FILE_EN).exists():
        try:
            en, en_problems = _load_translation(folder / MODULE_FILE_EN, src)
        except KitError as exc:
            en_problems = exc.problems
        if en is not None:
            en_problems += check_citations(en.path, en.body, acts, en.body_line)
            en_problems += _trainer_checker().check(en.path, en.body, en.body_line)
            if isinstance(status, str):
                state_problems += [p for p in check_state(en.path, status, src.line("status"), read_source(en.path), 1,
                                                       body_citations(en.body, en.body_line), acts)
                                if p.code != "S010"]
            en_problems += parse_quiz(en.body, en.path, en.body_line)[1]
    problems += en_problems
    handouts, h_problems = _load_handouts(folder, acts)
    problems += h_problems + _check_block_handouts(src, {h.name for h in handouts})
    if problems:
        return None, problems
    d = src.data
    reviewed = parse_iso(d["reviewed"])
    review_by = parse_iso(d["review_by"]) if d.get("review_by") else add_months(reviewed, d["review_every"])
    agenda = [AgendaBlock(b["title"], b["minutes"], b["method"], src.line("agenda", i), b.get("id", ""),
                          b.get("goal", ""), tuple(b.get("materials") or ()), b.get("room", ""),
                          tuple(b.get("points") or ()), i, tuple(b.get("handouts") or ()))
              for i, b in enumerate(d["agenda"])]
    module = Module(d["id"], folder, path, d["title"], d["summary"], d["audience"], d["format"],
                    d["duration"], d["outcomes"], d.get("prerequisites") or [], d.get("legal") or [],
                    agenda, reviewed, review_by, d["authors"], d["status"], src.body, src.body_line,
                    handouts, en, src, variants_mod.build(src, agenda, d["duration"]))
    return module, state_problems


def _links_to_drafts(m: "Module", drafts: set[str]) -> list[Problem]:
    """A published or reviewed module cannot link to a draft: the draft is not built."""
    problems = []
    for source, body, first in [(m.path, m.body, m.body_line)] + ([(m.en.path, m.en.body, m.en.body_line)] if m.en else []):
        for n, row in enumerate(body.split("\n"), start=first):
            for slug in re.findall(r"\]\(\.\./([a-z0-9-]+)/", row):
                if slug in drafts:
                    problems.append(Problem(source, n, "S004", "link", f"moduł ma status {m.status}, a odsyła do "
                                            f"szkicu {slug}, który nie zostanie opublikowany.",
                                            "usuń odnośnik albo opublikuj tamten moduł (status review lub published)."))
    return problems


@lru_cache(maxsize=1)
def _trainer_checker() -> Checker:
    return Checker()


def _check_block_handouts(src: Source, names: set[str]) -> list[Problem]:
    problems = []
    for i, block in enumerate(src.data.get("agenda") or []):
        refs = block.get("handouts") if isinstance(block, dict) else None
        for j, name in enumerate(refs if isinstance(refs, list) else []):
            if name not in names:
                problems.append(Problem(src.path, src.line("agenda", i, "handouts", j), "H004",
                                        f"agenda[{i + 1}].handouts", f"nie ma karty pracy „{name}”.",
                                        f"dozwolone: {', '.join(sorted(names)) or f'brak – dodaj plik do {HANDOUTS_DIR}/'}."))
    return problems


def _load_handouts(folder: Path, acts: dict[str, Act]) -> tuple[list[Handout], list[Problem]]:
    handouts, problems = [], []
    for path in sorted((folder / HANDOUTS_DIR).glob("*.md")):
        if path.name.endswith(".en.md"):
            continue
        try:
            src = load_markdown(path)
        except KitError as exc:
            problems += exc.problems
            continue
        title = src.data.get("title")
        if not isinstance(title, str) or not title.strip():
            problems.append(Problem(path, 1, "H001", "title", "karta pracy nie ma tytułu.",
                                    "dodaj nagłówek YAML z polem „title: …”."))
            continue
        problems += check_citations(path, src.body, acts, src.body_line)
        problems += _trainer_checker().check(path, src.body, src.body_line, handout=True)
        sheets, copies = src.data.get("sheets"), src.data.get("copies", "uczestnik")
        if sheets is not None and (not isinstance(sheets, int) or isinstance(sheets, bool) or not 1 <= sheets <= schema.HANDOUT_SHEETS_MAX):
            problems.append(Problem(path, src.line("sheets"), "H002", "sheets", f"znaleziono „{sheets}”.",
                                    f"wpisz, na ilu stronach A4 karta ma się zmieścić po wydruku: 1–{schema.HANDOUT_SHEETS_MAX}."))
            continue
        if copies not in schema.HANDOUT_COPIES:
            problems.append(Problem(path, src.line("copies"), "H003", "copies", f"znaleziono „{copies}”.",
                                    "kto dostaje egzemplarz: " + schema.choices_text(schema.HANDOUT_COPIES) + "."))
            continue
        handouts.append(Handout(path, path.stem, title, sheets, copies))
    return handouts, problems


def load_all(modules_dir: Path, acts: dict[str, Act], docs: Path | None = None) -> list[Module]:
    """Load every module folder and apply the rules that span modules; raise on any problem."""
    modules, problems = [], []
    for folder in sorted(p for p in modules_dir.iterdir() if p.is_dir() and not p.name.startswith(".")):
        module, found = load_module(folder, acts)
        problems += found
        if module:
            modules.append(module)
    by_id: dict[str, Module] = {}
    for m in modules:
        if m.id in by_id:
            problems.append(Problem(m.path, m.front.line("id"), "M030", "id", f"identyfikator „{m.id}” ma już moduł "
                                    f"{by_id[m.id].folder.name}.", "nadaj modułowi inny, wolny numer."))
        by_id.setdefault(m.id, m)
    # folders that failed to load still count, so one broken module does not cascade into others
    folders = [p for p in modules_dir.iterdir() if p.is_dir() and FOLDER_PATTERN.match(p.name)]
    known = {m.id for m in modules} | {FOLDER_PATTERN.match(p.name)[1] for p in folders}
    slugs = {m.slug for m in modules} | {p.name for p in folders}
    drafts = {m.slug for m in modules if m.status == "draft"}
    for m in modules:
        if m.status != "draft":
            problems += _links_to_drafts(m, drafts)
        if docs is not None:
            problems += check_module_links(m.path, m.body, m.body_line, m.folder, docs, slugs)
            if m.en:
                problems += check_module_links(m.en.path, m.en.body, m.en.body_line, m.folder, docs, slugs)
        for pre in m.prerequisites:
            if pre == m.id:
                problems.append(Problem(m.path, m.front.line("prerequisites"), "M031", "prerequisites", "moduł wymaga samego siebie.",
                                        "usuń własny identyfikator z listy."))
            elif pre in by_id and by_id[pre].status == "draft" and m.status != "draft":
                idx = m.prerequisites.index(pre)
                problems.append(Problem(m.path, m.front.line("prerequisites", idx), "S004", "prerequisites",
                                        f"moduł ma status {m.status}, a wymaga szkicu {pre}, który nie zostanie "
                                        "opublikowany.", f"opublikuj {pre} albo usuń go z listy prerequisites."))
            elif pre not in known:
                idx = m.prerequisites.index(pre)
                problems.append(Problem(m.path, m.front.line("prerequisites", idx), "M032", "prerequisites",
                                        f"moduł „{pre}” nie istnieje.",
                                        "dozwolone: " + ", ".join(sorted(known)) + "."))
    raise_if(problems)
    return sorted(modules, key=lambda m: m.id)
