"""The one schema of module front matter: fields, types and the defined lists with labels.

Every other part of the kit (validation, views, scaffold, docs for editors) reads this module.
"""
from __future__ import annotations

from dataclasses import dataclass

# Defined lists: id -> (Polish label, English label).
AUDIENCES = {
    "kierownictwo": ("kierownictwo JST (wójt, burmistrz, prezydent, starosta, zarząd)",
                     "JST executives (mayor, district head, board)"),
    "skarbnik": ("skarbnik i służby finansowe", "treasurer and finance staff"),
    "wydzial-edukacji": ("wydział lub referat edukacji", "education department"),
    "cuw": ("centrum usług wspólnych (CUW)", "shared-services centre (CUW)"),
    "informatyk": ("informatycy JST i szkół", "IT staff of the JST and schools"),
    "dyrektor": ("dyrektorzy i dyrektorki szkół", "school heads"),
}
FORMATS = {
    "warsztat": ("warsztat stacjonarny", "in-person workshop"),
    "e-learning": ("e-learning", "e-learning"),
    "webinar": ("webinar", "webinar"),
    "mieszany": ("forma mieszana", "blended"),
}
METHODS = {
    "mini-wyklad": ("mini-wykład", "short lecture"),
    "prezentacja": ("prezentacja", "presentation"),
    "dyskusja": ("dyskusja", "discussion"),
    "praca-w-grupach": ("praca w grupach", "group work"),
    "cwiczenie": ("ćwiczenie", "exercise"),
    "studium-przypadku": ("studium przypadku", "case study"),
    "burza-mozgow": ("burza mózgów", "brainstorming"),
    "quiz": ("quiz", "quiz"),
    "praca-indywidualna": ("praca indywidualna", "individual work"),
    "gra-symulacyjna": ("gra symulacyjna", "simulation game"),
    "podsumowanie": ("podsumowanie", "wrap-up"),
    "przerwa": ("przerwa", "break"),
}
STATUSES = {
    "draft": ("szkic", "draft"),
    "review": ("w recenzji", "in review"),
    "published": ("opublikowany", "published"),
}

STATE_NOTES = {  # how a catalogue row names a module that is not final
    "draft": ("szkic (tylko w podglądzie)", "draft (preview only)"),
    "review": ("w trakcie weryfikacji eksperckiej", "under expert review"),
}

ID_PATTERN = r"^m\d{2,3}$"  # m01 … m999
OUTCOMES_MIN, OUTCOMES_MAX = 3, 6


@dataclass(frozen=True)
class Field:
    name: str
    kind: str          # str, int, date, list[str], enum, list[enum], agenda, ids, legal
    required: bool
    help: str          # Polish: what is allowed, shown in error messages and the editors' guide
    choices: dict | None = None


FIELDS: tuple[Field, ...] = (
    Field("id", "str", True, "identyfikator „m” + dwie lub trzy cyfry, taki sam jak początek nazwy folderu, np. m07"),
    Field("title", "str", True, "tytuł modułu (tekst)"),
    Field("summary", "str", True, "1–3 zdania: co moduł daje pracownikowi JST"),
    Field("audience", "list[enum]", True, "lista adresatów z listy", AUDIENCES),
    Field("format", "enum", True, "jedna forma z listy", FORMATS),
    Field("duration", "int", True, "czas trwania w minutach, liczba całkowita większa od zera, np. 240"),
    Field("outcomes", "list[str]", True,
          f"lista {OUTCOMES_MIN}–{OUTCOMES_MAX} efektów uczenia się zaczynających się od "
          "„Uczestnik/uczestniczka …”"),
    Field("prerequisites", "ids", False, "lista identyfikatorów istniejących modułów, np. [m01]"),
    Field("legal", "legal", False, "lista kluczy z rejestru materials/legal.yml"),
    Field("agenda", "agenda", True,
          "lista bloków z polami title (tekst), minutes (liczba minut) i method (metoda z listy)"),
    Field("variants", "variants", False,
          "lista części modułu w programie: bloki na zjeździe (kind: zjazd, meeting: 1 lub 2) i w "
          "e-learningu (kind: e-learning), każda z polami minutes i blocks (identyfikatory bloków agendy)"),
    Field("reviewed", "date", True, "data ostatniego przeglądu w formacie RRRR-MM-DD"),
    Field("review_every", "int", False, "co ile miesięcy przegląd, np. 12 (albo pole review_by)"),
    Field("review_by", "date", False, "termin następnego przeglądu RRRR-MM-DD (albo pole review_every)"),
    Field("authors", "list[str]", True, "lista autorów lub zespołów, np. [\"Zespół autorski zestawu\"]"),
    Field("status", "enum", True, "status z listy", STATUSES),
)
FIELD_BY_NAME = {f.name: f for f in FIELDS}

AGENDA_KEYS = {"title": "str", "minutes": "int", "method": "enum"}
# Optional block fields for the run sheet, the list of what to prepare and the slides.
AGENDA_OPTIONAL = {"id": "slug", "goal": "str", "materials": "list[str]", "room": "str", "points": "list[str]",
                   "handouts": "list[str]"}
AGENDA_TRANSLATABLE = ("title", "goal", "materials", "room", "points")
GOAL_MAX = 90  # characters: the goal fits one line of the run sheet

# Parts of a module in the programme; the full workshop (all blocks, `duration`) is always there.
VARIANT_KINDS = {
    "zjazd": ("zjazd", "meeting"),
    "e-learning": ("e-learning", "e-learning"),
}
VARIANT_KEYS = {"kind": "enum", "meeting": "int", "day": "int", "minutes": "int", "blocks": "list"}
MEETINGS = (1, 2)
DAYS = (1, 2)

# Handout front matter: how many sheets it must fit and who gets a copy (print plan).
HANDOUT_SHEETS_MAX = 6  # A4 pages; a longer handout belongs in the module text
HANDOUT_COPIES = {
    "uczestnik": ("jedna na osobę", "one per participant"),
    "grupa": ("jedna na grupę roboczą", "one per working group"),
    "zespol": ("jedna na zespół JST", "one per JST team"),
}

# Fields an English translation (modul.en.md) may set; the rest comes from the Polish module.
TRANSLATABLE = ("title", "summary", "outcomes", "agenda")


def choices_text(choices: dict) -> str:
    return ", ".join(choices)


def label(choices: dict, key: str, lang: str = "pl") -> str:
    pl, en = choices.get(key, (key, key))
    return en if lang == "en" else pl
