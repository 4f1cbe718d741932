"""Edition data (materials/wydanie.yml): the one file a JST changes to publish its own edition."""
from __future__ import annotations

import os
import re
from dataclasses import dataclass
from pathlib import Path

from kit.checks.contrast import ratio
from kit.model.dates import parse_iso
from kit.model.errors import Problem, raise_if
from kit.model.frontmatter import Source, load_yaml_file
from kit.model.paths import ROOT

EDITION_FIELDS = {
    "site_name": (True, "nazwa serwisu po polsku"),
    "site_name_en": (True, "nazwa serwisu po angielsku"),
    "publisher": (True, "podmiot publikujący wydanie (do stopki i deklaracji dostępności)"),
    "publisher_en": (False, "podmiot po angielsku"),
    "site_address": (True, "adres strony, np. https://edukacja.gmina.pl/"),
    "repository": (False, "adres repozytorium (link „Zgłoś uwagę”)"),
    "colors": (True, "kolory primary i accent w zapisie #RRGGBB"),
    "logo": (False, "ścieżka logo względem docs/, np. assets/logo-gminy.svg"),
    "modules": (True, "„all” albo lista identyfikatorów modułów"),
    "accessibility": (True, "dane deklaracji dostępności"),
}
A11Y_FIELDS = {
    "status": "zgodna | częściowo zgodna | niezgodna",
    "published": "data publikacji strony RRRR-MM-DD",
    "updated": "data ostatniej istotnej aktualizacji RRRR-MM-DD",
    "prepared": "data sporządzenia deklaracji RRRR-MM-DD",
    "last_check": "data ostatniego badania dostępności RRRR-MM-DD",
    "method": "sposób oceny (samoocena, audyt)",
    "method_en": "sposób oceny po angielsku",
    "contact_person": "osoba kontaktowa",
    "email": "adres e-mail do spraw dostępności",
    "phone": "numer telefonu (może być pusty)",
    "architecture": "dostępność architektoniczna (tekst)",
    "architecture_en": "dostępność architektoniczna po angielsku",
    "apps": "aplikacje mobilne (tekst)",
    "apps_en": "aplikacje mobilne po angielsku",
}
OPTIONAL_A11Y = ("phone",)
STATUS_EN = {"zgodna": "fully compliant", "częściowo zgodna": "partially compliant", "niezgodna": "not compliant"}
STATUSES = ("zgodna", "częściowo zgodna", "niezgodna")
MIN_CONTRAST = 4.5


@dataclass
class Edition:
    path: Path
    data: dict
    src: Source | None = None

    def line(self, *key) -> int:
        return self.src.line(*key) if self.src else 0

    @property
    def modules(self) -> list[str] | None:
        sel = self.data.get("modules")
        return None if sel == "all" else list(sel)

    def apply(self, config) -> None:
        """Put the edition into the MkDocs config: names, address, colours, data for templates.

        The edition's public address drives site_url (canonical links, sitemap, PDF links); the
        preview (`serve`) keeps its own 127.0.0.1 address."""
        d = self.data
        config.site_name = d["site_name"]
        if os.environ.get("KIT_MKDOCS_COMMAND") != "serve":
            config.site_url = d["site_address"]
        config.extra["edition"] = d
        i18n = config.plugins.get("i18n")
        for lang in getattr(getattr(i18n, "config", None), "languages", []) or []:
            if lang.locale == "en":
                lang.site_name = d["site_name_en"]
        if d.get("logo"):
            config.theme["logo"] = d["logo"]


def edition_path(config) -> Path:
    name = config.extra.get("kit", {}).get("edition_file", "materials/wydanie.yml")
    base = Path(config.config_file_path).parent if config.config_file_path else ROOT
    return (base / name).resolve()


def load_edition(config=None, path: Path | None = None) -> Edition:
    path = path or edition_path(config)
    src = load_yaml_file(path)
    d = src.data if isinstance(src.data, dict) else {}
    problems: list[Problem] = []

    def add(code, fld, msg, fix, *key):
        problems.append(Problem(path, src.line(*(key or (fld,))), code, fld, msg, fix))

    for name, (required, desc) in EDITION_FIELDS.items():
        if required and not d.get(name):
            add("E001", name, "brak wymaganego pola.", f"dodaj {desc}.", ())
    for name in d:
        if name not in EDITION_FIELDS:
            add("E002", name, f"nieznane pole „{name}”.", "dozwolone: " + ", ".join(EDITION_FIELDS) + ".")
    colors = d.get("colors") or {}
    for key in ("primary", "accent"):
        value = colors.get(key) if isinstance(colors, dict) else None
        try:
            r = ratio(str(value), "#ffffff")
        except ValueError as exc:
            add("E003", f"colors.{key}", f"{exc}.", "wpisz kolor jako #RRGGBB, np. #1b4f8a.", "colors", key)
            continue
        if r < MIN_CONTRAST:
            add("E004", f"colors.{key}", f"kontrast {value} z białym to {r:.2f}:1, wymagane co najmniej "
                f"{MIN_CONTRAST}:1 (WCAG 2.1, kryterium 1.4.3).", "wybierz ciemniejszy odcień.", "colors", key)
    sel = d.get("modules")
    if sel is not None and sel != "all" and not (isinstance(sel, list) and all(isinstance(x, str) for x in sel)):
        add("E005", "modules", f"znaleziono „{sel}”.", "wpisz „all” albo listę, np. [m01, m02].")
    a11y = d.get("accessibility") or {}
    for key, desc in A11Y_FIELDS.items():
        value = a11y.get(key)
        if key not in OPTIONAL_A11Y and not value:
            add("E006", f"accessibility.{key}", "brak pola.", f"dodaj {desc}.", "accessibility")
        elif key in ("published", "updated", "prepared", "last_check") and parse_iso(value) is None:
            add("E007", f"accessibility.{key}", f"„{value}” nie jest prawdziwą datą.", f"wpisz {desc}.",
                "accessibility", key)
    if a11y.get("status") and a11y["status"] not in STATUSES:
        add("E008", "accessibility.status", f"„{a11y['status']}” spoza listy.", "dozwolone: " +
            ", ".join(STATUSES) + ".", "accessibility", "status")
    raise_if(problems)
    for key in ("published", "updated", "prepared", "last_check"):
        a11y[key] = parse_iso(a11y[key]).isoformat()
    # Derived values the statement template shows.
    a11y["status_en"] = STATUS_EN[a11y["status"]]
    a11y["phone_text"] = a11y.get("phone") or "brak – prosimy o kontakt e-mailem"
    a11y["phone_text_en"] = a11y.get("phone") or "none – please contact us by e-mail"
    d.setdefault("publisher_en", d["publisher"])
    return Edition(path, d, src)


FIELD = re.compile(r"\{\{\s*edition\.([\w.]+)\s*\}\}")


def fill_fields(markdown: str, data: dict, path: Path | None = None) -> str:
    """Replace {{ edition.a.b }} with values from the edition file; an unknown name is an error."""
    problems = []

    def value(m: re.Match) -> str:
        cur = data
        for part in m[1].split("."):
            if not isinstance(cur, dict) or part not in cur:
                line = markdown[:m.start()].count("\n") + 1
                problems.append(Problem(path or Path("?"), line, "E010", m[1], f"pole wydania „{m[1]}” "
                                        "nie istnieje.", "użyj pola z materials/wydanie.yml."))
                return m[0]
            cur = cur[part]
        return str(cur)

    out = FIELD.sub(value, markdown)
    raise_if(problems)
    return out
