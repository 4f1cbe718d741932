"""Edition data (materials/wydanie.yml): the one file a JST changes to publish its own edition."""
from __future__ import annotations

import os
import html
import re
from dataclasses import dataclass
from pathlib import Path
from urllib.parse import urlsplit

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
    "repository": (False, "adres repozytorium (link „Zgłoś uwagę na GitHubie”)"),
    "feedback_email": (False, "adres e-mail na uwagi czytelników (link „Zgłoś uwagę”); domyślnie "
                              "adres z accessibility.email"),
    "colors": (True, "kolory primary i accent (opcjonalnie accent_dark) w zapisie #RRGGBB"),
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
# Edition values reach the theme's templates, which print them without escaping (the page title,
# aria-label attributes): names and texts may not carry markup or quotes.
_UNSAFE_TEXT = re.compile(r'[<>"`{}\x00-\x08\x0b-\x1f\x7f]')
_EMAIL = re.compile(r"[A-Za-z0-9._%+-]+@[A-Za-z0-9](?:[A-Za-z0-9-]*[A-Za-z0-9])?(?:\.[A-Za-z0-9](?:[A-Za-z0-9-]*[A-Za-z0-9])?)+")
_PHONE = re.compile(r"[0-9 +()/-]*")
_HEX = re.compile(r"#[0-9a-fA-F]{6}")
TEXT_FIELDS = ("site_name", "site_name_en", "publisher", "publisher_en")
URL_FIELDS = ("site_address", "repository")
# Material's dark (slate) page background, hsla(225, 15%, 14%): links, hovered links and search
# highlights use the accent colour there, so the dark scheme needs its own, lighter accent.
DARK_BACKGROUND = "#1e2129"
# Addresses that cannot reach anyone (RFC 2606 and loopback): fine for a local preview, not for
# a published statement.
PLACEHOLDER_MAIL = re.compile(r"@(?:[\w-]+\.)*(?:example\.(?:org|com|net)|example|test|invalid|localhost)$", re.I)
LOCAL_ADDRESS = re.compile(r"^https?://(?:127\.\d+\.\d+\.\d+|localhost|\[::1\]|0\.0\.0\.0)(?::\d+)?(?:/|$)", re.I)


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
    for name in TEXT_FIELDS:
        if d.get(name) is not None:
            problems += _text_problems(path, src.line(name), name, d[name])
    for name in URL_FIELDS:
        if d.get(name) and (found := _url_problem(d[name])):
            add("E012", name, found, "wpisz pełny adres https://…, np. https://edukacja.gmina.pl/ (http:// tylko "
                "dla podglądu na 127.0.0.1).")
    if d.get("logo") and not re.fullmatch(r"(?:[\w-]+/)*[\w-]+\.(?:svg|png|jpe?g|webp)", str(d["logo"])):
        add("E013", "logo", f"„{d['logo']}” nie jest ścieżką pliku obrazu w folderze docs/.",
            "wpisz ścieżkę względem docs/ bez „..”, np. assets/logo-gminy.svg.")
    colors = d.get("colors") or {}
    for key in ("primary", "accent"):
        value = colors.get(key) if isinstance(colors, dict) else None
        hex_value = css_color(value)
        if hex_value is None:
            add("E003", f"colors.{key}", f"„{value}” nie jest kolorem w zapisie #RRGGBB ani nazwą koloru CSS.",
                "wpisz kolor jako #RRGGBB, np. #1b4f8a, albo nazwę koloru CSS, np. navy.", "colors", key)
            continue
        r = ratio(hex_value, "#ffffff")
        if r < MIN_CONTRAST:
            add("E004", f"colors.{key}", f"kontrast {value} z białym to {r:.2f}:1, wymagane co najmniej "
                f"{MIN_CONTRAST}:1 (WCAG 2.1, kryterium 1.4.3).", "wybierz ciemniejszy odcień.", "colors", key)
    mail = d.get("feedback_email")
    if mail is not None and not (isinstance(mail, str) and _EMAIL.fullmatch(mail)):
        add("E009", "feedback_email", f"„{mail}” nie jest adresem e-mail.",
            "wpisz jeden adres w postaci nazwa@domena.pl, bez spacji i bez „mailto:”.")
    dark = colors.get("accent_dark") if isinstance(colors, dict) else None
    if dark is not None:
        try:
            r = ratio(str(dark), DARK_BACKGROUND)
        except ValueError as exc:
            add("E003", "colors.accent_dark", f"{exc}.", "wpisz kolor jako #RRGGBB, np. #ff8a80.", "colors", "accent_dark")
        else:
            if r < MIN_CONTRAST:
                add("E004", "colors.accent_dark", f"kontrast {dark} z ciemnym tłem {DARK_BACKGROUND} to {r:.2f}:1, "
                    f"wymagane co najmniej {MIN_CONTRAST}:1 (WCAG 2.1, kryterium 1.4.3).",
                    "wybierz jaśniejszy odcień albo usuń pole – zestaw dobierze je sam.", "colors", "accent_dark")
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
    for key in A11Y_FIELDS:
        value = a11y.get(key)
        if value is None or key in ("published", "updated", "prepared", "last_check"):
            continue
        line = src.line("accessibility", key)
        if key == "email" and not (isinstance(value, str) and _EMAIL.fullmatch(value)):
            problems.append(Problem(path, line, "E014", "accessibility.email", f"„{value}” nie jest adresem e-mail.",
                                    "wpisz sam adres, np. dostepnosc@gmina.pl."))
        elif key == "phone" and not (isinstance(value, str) and _PHONE.fullmatch(value)):
            problems.append(Problem(path, line, "E015", "accessibility.phone", f"„{value}” nie jest numerem "
                                    "telefonu.", "wpisz cyfry, spacje i znaki + ( ) -, np. +48 22 123 45 67."))
        else:
            problems += _text_problems(path, line, f"accessibility.{key}", value)
    if a11y.get("status") and a11y["status"] not in STATUSES:
        add("E008", "accessibility.status", f"„{a11y['status']}” spoza listy.", "dozwolone: " +
            ", ".join(STATUSES) + ".", "accessibility", "status")
    from kit.model.nonconformities import load_nonconformities, statement_list
    gaps = load_nonconformities(path.parent / "dostepnosc-niezgodnosci.yml")
    if gaps and a11y.get("status") == "zgodna":
        add("E034", "accessibility.status", f"status „zgodna”, a plik dostepnosc-niezgodnosci.yml wymienia "
            f"{len(gaps)} niezgodności.", "wpisz „częściowo zgodna” albo usuń niezgodności ze strony.",
            "accessibility", "status")
    raise_if(problems)
    a11y["gaps"], a11y["gaps_en"] = statement_list(gaps, "pl"), statement_list(gaps, "en")
    for key in ("published", "updated", "prepared", "last_check"):
        a11y[key] = parse_iso(a11y[key]).isoformat()
    # Derived values the statement template shows.
    a11y["status_en"] = STATUS_EN[a11y["status"]]
    a11y["phone_text"] = a11y.get("phone") or "brak – prosimy o kontakt e-mailem"
    a11y["phone_text_en"] = a11y.get("phone") or "none – please contact us by e-mail"
    d.setdefault("publisher_en", d["publisher"])
    d["feedback_email"] = d.get("feedback_email") or a11y["email"]
    colors.setdefault("accent_dark", lighten_until(colors["accent"], DARK_BACKGROUND, MIN_CONTRAST))
    return Edition(path, d, src)


def _text_problems(path: Path, line: int, name: str, value) -> list[Problem]:
    if not isinstance(value, str):
        return [Problem(path, line, "E011", name, f"znaleziono „{value}”, oczekiwano tekstu.",
                        "wpisz tekst w cudzysłowie, np. \"Gmina Brzozowa Wola\".")]
    bad = _UNSAFE_TEXT.search(value)
    if bad:
        shown = repr(bad[0]) if bad[0] < " " or bad[0] == "\x7f" else f"„{bad[0]}”"
        return [Problem(path, line, "E011", name, f"tekst zawiera niedozwolony znak {shown} (kod HTML lub "
                        "znak sterujący).", "usuń znaczniki i znaki < > \" ` { }; cudzysłów zapisz jako „…”.")]
    return []


def _url_problem(value) -> str | None:
    """None when value is an https address (http only on the loopback, for a local preview)."""
    if not isinstance(value, str) or _UNSAFE_TEXT.search(value) or re.search(r"\s", value):
        return f"„{value}” nie jest adresem strony."
    parts = urlsplit(value)
    if parts.scheme == "https" and parts.netloc:
        return None
    if parts.scheme == "http" and parts.hostname in ("127.0.0.1", "localhost", "::1"):
        return None
    return f"„{value}” nie jest adresem https://."


def css_color(value) -> str | None:
    """#rrggbb for a colour written as #rrggbb or as a CSS named colour; None for anything else."""
    if not isinstance(value, str):
        return None
    if _HEX.fullmatch(value):
        return value.lower()
    if re.fullmatch(r"[A-Za-z]+", value) and value.lower() not in ("transparent", "currentcolor"):
        from tinycss2.color3 import parse_color  # WeasyPrint's CSS parser knows the CSS colour names
        rgba = parse_color(value)
        if rgba is not None and rgba != "currentColor":
            return "#" + "".join(f"{round(c * 255):02x}" for c in rgba[:3])
    return None


def lighten_until(color: str, background: str, minimum: float) -> str:
    """The colour mixed with white in 1 % steps until it reaches `minimum` against `background`:
    the dark-scheme accent of an edition that names only its light one."""
    from kit.checks.contrast import blend
    for step in range(101):
        mixed = blend(color + f"{round(255 * (1 - step / 100)):02x}", "#ffffff")
        if ratio(mixed, background) >= minimum:
            return mixed
    return "#ffffff"


def check_statement_contacts(edition: Edition) -> None:
    """What a local preview may leave as a placeholder but a published statement may not: an
    e-mail address nobody reads, no phone number, a site address on this computer."""
    d, a11y = edition.data, edition.data["accessibility"]
    src = load_yaml_file(edition.path)
    problems = []
    email = str(a11y.get("email") or "")
    if PLACEHOLDER_MAIL.search(email):
        problems.append(Problem(edition.path, src.line("accessibility", "email"), "E031", "accessibility.email",
                                f"„{email}” to adres przykładowy – nikt nie odbierze wiadomości.",
                                "wpisz adres e-mail osoby lub skrzynki do spraw dostępności."))
    if not str(a11y.get("phone") or "").strip():
        problems.append(Problem(edition.path, src.line("accessibility", "phone"), "E032",
                                "accessibility.phone", "brak numeru telefonu – deklaracja dostępności go wymaga.",
                                "wpisz numer telefonu, np. „+48 22 123 45 67”."))
    if LOCAL_ADDRESS.match(str(d.get("site_address") or "")):
        problems.append(Problem(edition.path, src.line("site_address"), "E033", "site_address",
                                f"„{d['site_address']}” to adres tego komputera, nie adres w internecie.",
                                "wpisz adres, pod którym serwis będzie dostępny, np. https://edukacja.gmina.pl/."))
    raise_if(problems)


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
        return html.escape(str(cur))  # the value lands in Markdown, HTML text or an attribute

    out = FIELD.sub(value, markdown)
    raise_if(problems)
    return out
