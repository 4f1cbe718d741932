"""The legal-acts registry (materials/legal.yml) and citations of its acts in the text.

A citation is a Markdown link whose address is `akt:KEY`: the author writes the visible, inflected
text (`z [art. 10 ust. 1 Prawa oświatowego](akt:prawo-oswiatowe)`), the build points the link at
the act's entry on the legal-bases page. The older `[[akt:KEY|locator]]` form inserts the act's
short name in the nominative and is still read, but a check refuses it after a preposition.
"""
from __future__ import annotations

import posixpath
import re
from dataclasses import dataclass
from datetime import date
from pathlib import Path

from kit.model.dates import parse_iso, today
from kit.model.errors import Problem, raise_if
from kit.model.frontmatter import load_yaml_file

KINDS = {
    "ustawa": ("ustawa", "act"),
    "rozporzadzenie": ("rozporządzenie", "regulation"),
    "rozporzadzenie-ue": ("rozporządzenie UE", "EU regulation"),
    "dyrektywa-ue": ("dyrektywa UE", "EU directive"),
    "dokument-strategiczny": ("dokument strategiczny", "policy document"),
}
# field -> (required, type, Polish description)
LEGAL_FIELDS = {
    "title": (True, str, "pełny tytuł aktu"),
    "short": (True, str, "krótka nazwa używana w tekście"),
    "title_en": (True, str, "tytuł po angielsku"),
    "kind": (True, str, "rodzaj aktu: " + ", ".join(KINDS)),
    "date": (False, "date", "data aktu RRRR-MM-DD"),
    "published": (False, str, "publikator pierwotny, np. „Dz.U. 2017 poz. 59”"),
    "consolidated": (False, str, "najnowszy znany tekst jednolity"),
    "amended_by": (False, list, "lista publikatorów nowelizacji"),
    "changed": (False, "date", "data ostatniej znanej zmiany (do raportu aktualności)"),
    "checked": (False, "date", "data ostatniego sprawdzenia aktu (polecenie „kit prawo --update” "
                "albo ręcznie w EUR-Lex dla aktów UE)"),
    "implements": (False, "key", "klucz aktu UE, który ta ustawa wdraża"),
    "based_on": (False, "key", "klucz ustawy, na podstawie której wydano akt"),
    "url": (False, str, "adres tekstu aktu"),
    "verify": (False, str, "co ekspert ma sprawdzić (akt oznaczony do weryfikacji)"),
}
CITATION = re.compile(r"\[\[akt:([^\]|]*)(?:\|([^\]]*))?\]\]")
LINK_CITATION = re.compile(r"\[((?:[^\[\]]|\[[^\]]*\])+)\]\(akt:([^)\s]*)\)")
# Prepositions after which a Polish name cannot stay in the nominative ("z Prawo oświatowe").
_PREPOSITIONS = {"z", "ze", "w", "we", "do", "od", "na", "o", "po", "przy", "dla", "według", "wg", "przez",
                 "wobec", "zgodnie", "podstawie", "mocy", "myśl", "rozumieniu", "ramach", "treści", "oparciu"}
_WORD_BEFORE = re.compile(r"(\w+)\W*$")
LEGAL_PAGE = "zasoby/podstawy-prawne.md"
_DZU = re.compile(r"^Dz\.U\. (\d{4}) poz\. (\d+)$")
# A Dziennik Ustaw or Monitor Polski citation; before 2012 it may name the issue ("nr 95").
JOURNAL = re.compile(r"^(Dz\.U\.|M\.P\.) (\d{4})(?: nr \d+)? poz\. (\d+)$")
JOURNAL_CODES = {"Dz.U.": "DU", "M.P.": "MP"}
EU_KINDS = ("rozporzadzenie-ue", "dyrektywa-ue")


def eli_id(citation: str | None) -> str | None:
    """The Sejm ELI identifier ("DU/2017/59") of a "Dz.U. 2017 poz. 59" or "M.P. … poz. N" citation."""
    m = JOURNAL.match((citation or "").strip())
    return f"{JOURNAL_CODES[m[1]]}/{m[2]}/{int(m[3])}" if m else None


def citation_of(eli: str) -> str:
    """"DU/2025/1043" back to the registry's form "Dz.U. 2025 poz. 1043"."""
    journal, year, pos = eli.split("/")
    name = {code: text for text, code in JOURNAL_CODES.items()}[journal]
    return f"{name} {year} poz. {pos}"


@dataclass
class Act:
    key: str
    title: str
    short: str
    title_en: str
    kind: str
    date: date | None = None
    published: str | None = None
    consolidated: str | None = None
    amended_by: tuple = ()
    changed: date | None = None
    checked: date | None = None
    implements: str | None = None
    based_on: str | None = None
    url: str | None = None
    verify: str | None = None
    line: int = 1

    @property
    def anchor(self) -> str:
        return f"akt-{self.key}"

    @property
    def eli(self) -> str | None:
        """ELI of the act as published; None when the registry knows no Dz.U./M.P. original."""
        return eli_id(self.published)

    @property
    def is_eu(self) -> bool:
        return self.kind in EU_KINDS

    @property
    def link(self) -> str | None:
        """ISAP address derived from the Dz.U. citation, or the registry's own url."""
        if self.url:
            return self.url
        for cite in (self.consolidated, self.published):
            m = _DZU.match(cite or "")
            if m:
                return f"https://isap.sejm.gov.pl/isap.nsf/DocDetails.xsp?id=WDU{m[1]}{int(m[2]):07d}"
        return None


def load_registry(path: Path) -> dict[str, Act]:
    src = load_yaml_file(path)
    problems: list[Problem] = []
    acts: dict[str, Act] = {}
    if not isinstance(src.data, dict):
        raise_if([Problem(path, 1, "L001", "", "rejestr musi być słownikiem „klucz: opis aktu”.",
                          "zobacz przykład na początku pliku.")])
    for key, entry in src.data.items():
        line = src.line(key)
        if not re.fullmatch(r"[a-z0-9][a-z0-9-]*", str(key)):
            problems.append(Problem(path, line, "L002", str(key), "klucz może zawierać tylko małe "
                                    "litery bez polskich znaków, cyfry i myślniki.", "np. prawo-oswiatowe."))
        if not isinstance(entry, dict):
            problems.append(Problem(path, line, "L001", str(key), "wpis musi być słownikiem pól.",
                                    "dodaj pola title, short, title_en, kind."))
            continue
        values = {}
        for name, value in entry.items():
            fline = src.line(key, name)
            if name not in LEGAL_FIELDS:
                problems.append(Problem(path, fline, "L003", name, f"nieznane pole „{name}”.",
                                        "dozwolone pola: " + ", ".join(LEGAL_FIELDS) + "."))
                continue
            _, kind, desc = LEGAL_FIELDS[name]
            if kind == "date":
                d = parse_iso(value)
                if d is None:
                    problems.append(Problem(path, fline, "L004", name, f"znaleziono „{value}”, a to "
                                            "nie jest prawdziwa data.", f"wpisz {desc}."))
                values[name] = d
                if name == "checked" and d is not None and d > today():
                    problems.append(Problem(path, fline, "L020", name, f"data „{value}” jest w przyszłości.",
                                            "wpisz dzień, w którym naprawdę sprawdzono akt."))
            elif kind == list:
                if not isinstance(value, list):
                    problems.append(Problem(path, fline, "L005", name, "oczekiwano listy.", f"wpisz {desc}."))
                values[name] = tuple(value or ())
            elif kind in (str, "key"):
                if not isinstance(value, str) or not value.strip():
                    problems.append(Problem(path, fline, "L005", name, f"znaleziono „{value}”, "
                                            "oczekiwano tekstu.", f"wpisz {desc}."))
                elif name == "url" and not re.fullmatch(r"https://[^\s\"'<>`{}]+", value):
                    problems.append(Problem(path, fline, "L013", name, f"„{value}” nie jest adresem https://.",
                                            "wpisz pełny adres tekstu aktu zaczynający się od https://."))
                values[name] = value
                if name in ("published", "consolidated") and isinstance(value, str) and \
                        value.startswith(tuple(JOURNAL_CODES)) and not JOURNAL.match(value.strip()):
                    problems.append(Problem(path, fline, "L021", name, f"znaleziono „{value}”, a publikator "
                                            "ma inny zapis.", "wpisz np. „Dz.U. 2017 poz. 59”, „Dz.U. 2011 "
                                            "nr 139 poz. 814” albo „M.P. 2024 poz. 12”."))
        for name, (required, _, desc) in LEGAL_FIELDS.items():
            if required and name not in entry:
                problems.append(Problem(path, line, "L006", name, f"brak wymaganego pola „{name}”.",
                                        f"dodaj {desc}."))
        if entry.get("kind") is not None and entry.get("kind") not in KINDS:
            problems.append(Problem(path, src.line(key, "kind"), "L007", "kind",
                                    f"znaleziono „{entry.get('kind')}”.",
                                    "dozwolone: " + ", ".join(KINDS) + "."))
        if all(n in values for n, (req, _, _) in LEGAL_FIELDS.items() if req):
            acts[key] = Act(key=key, line=line, **values)
    for act in acts.values():
        for ref_field in ("implements", "based_on"):
            ref = getattr(act, ref_field)
            if ref and ref not in src.data:
                problems.append(Problem(path, src.line(act.key, ref_field), "L008", ref_field,
                                        f"klucz „{ref}” nie istnieje w rejestrze.",
                                        "wpisz klucz innego aktu z tego pliku."))
    raise_if(problems)
    return acts


@dataclass(frozen=True)
class Citation:
    line: int
    key: str
    text: str | None     # the author's visible text (link form); None for the [[akt:…]] form
    locator: str | None  # "art. 5" in [[akt:KEY|art. 5]]
    before: str          # the text on the line before the citation


def find_citations(text: str, first_line: int = 1):
    """Yield every citation in text, in both forms, with its line."""
    for n, row in enumerate(text.split("\n"), start=first_line):
        for m in CITATION.finditer(row):
            yield Citation(n, m[1].strip(), None, (m[2] or "").strip() or None, row[:m.start()])
        for m in LINK_CITATION.finditer(row):
            yield Citation(n, m[2].strip(), m[1].strip(), None, row[:m.start()])


def _is_acronym(name: str) -> bool:
    """RODO, KRI, PCTE: abbreviations do not inflect, so they may follow any preposition."""
    return bool(re.fullmatch(r"[A-ZĄĆĘŁŃÓŚŹŻ0-9][A-ZĄĆĘŁŃÓŚŹŻ0-9 ./-]*", name))


def check_citations(path: Path, text: str, acts: dict[str, Act], first_line: int = 1) -> list[Problem]:
    problems = []
    for c in find_citations(text, first_line):
        act = acts.get(c.key)
        if act is None:
            problems.append(Problem(path, c.line, "L010", "akt", f"nieznany klucz aktu „{c.key}”.",
                                    "użyj klucza z materials/legal.yml (" + ", ".join(sorted(acts)) +
                                    ") albo dodaj akt do rejestru."))
            continue
        visible = c.text if c.text is not None else act.short
        if c.text is not None and not c.text.strip("* _"):
            problems.append(Problem(path, c.line, "L012", "akt", f"odnośnik do aktu „{c.key}” nie ma tekstu.",
                                    f"wpisz w nawiasie kwadratowym nazwę aktu w odpowiednim przypadku, "
                                    f"np. [{act.short}](akt:{c.key})."))
            continue
        word = _WORD_BEFORE.search(c.before)
        if (word and word[1].lower() in _PREPOSITIONS and visible.strip("* _") == act.short
                and not _is_acronym(act.short)):
            problems.append(Problem(path, c.line, "L011", "akt",
                                    f"po „{word[1]}” nazwa aktu stoi w mianowniku („{word[1]} {act.short}”).",
                                    f"napisz nazwę w odpowiednim przypadku jako tekst odnośnika, np. "
                                    f"„{word[1]} [odmieniona nazwa](akt:{c.key})”."))
    return problems


def render_citations(markdown: str, acts: dict[str, Act], page_src_uri: str) -> str:
    """Turn [[akt:key|locator]] into a Markdown link to the act's entry on the legal-bases page."""
    target = posixpath.relpath(LEGAL_PAGE, posixpath.dirname(page_src_uri) or ".")

    def repl(m: re.Match) -> str:
        act = acts.get(m[1].strip())
        if act is None:  # unknown keys are reported by the pre-build check with file and line
            return m[0]
        text = act.short + (f", {m[2].strip()}" if m[2] and m[2].strip() else "")
        return f"[{text}]({target}#{act.anchor}){{ .kit-akt lang=\"pl\" }}"  # a Polish name, on English pages too (WCAG 3.1.2)

    def link(m: re.Match) -> str:
        act = acts.get(m[2].strip())
        if act is None:
            return m[0]
        return f"[{m[1]}]({target}#{act.anchor}){{ .kit-akt }}"

    return LINK_CITATION.sub(link, CITATION.sub(repl, markdown))
