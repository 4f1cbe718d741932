"""The glossary (materials/glossary.yml): one data file for the glossary page and <abbr> titles."""
from __future__ import annotations

import re
from dataclasses import dataclass
from pathlib import Path

from kit.model.errors import Problem, raise_if
from kit.model.frontmatter import load_yaml_file


@dataclass
class Term:
    term: str
    definition: str
    expansion: str | None = None
    en_definition: str | None = None
    en_expansion: str | None = None
    line: int = 1
    expansion_lang: str = "pl"  # the language of `expansion` (SELFIE's full form is English)

    @property
    def anchor(self) -> str:
        from pymdownx.slugs import slugify
        return "termin-" + slugify(case="lower")(self.term, "-")

    def expansion_language(self, lang: str) -> str:
        """The language of the full form shown on a page in `lang`."""
        return lang if lang == "en" and self.en_definition and self.en_expansion else self.expansion_lang

    def text(self, lang: str) -> tuple[str | None, str]:
        if lang == "en" and self.en_definition:
            return self.en_expansion or self.expansion, self.en_definition
        return self.expansion, self.definition


def load_glossary(path: Path) -> list[Term]:
    if not path.exists():
        return []
    src = load_yaml_file(path)
    problems: list[Problem] = []
    terms: list[Term] = []
    if not isinstance(src.data, list):
        raise_if([Problem(path, 1, "G001", "", "słownik musi być listą wpisów „- term: …”.",
                          "zacznij każdy wpis od „- term:”.")])
    seen: dict[str, int] = {}
    anchors: dict[str, tuple[str, int]] = {}
    for i, entry in enumerate(src.data):
        line = src.line(i)
        if not isinstance(entry, dict) or not entry.get("term") or not entry.get("definition"):
            problems.append(Problem(path, line, "G002", "term", "wpis musi mieć pola term i definition.",
                                    "dodaj brakujące pole."))
            continue
        term = str(entry["term"]).strip()
        if not isinstance(entry["term"], str) or not re.search(r"\w", term):
            problems.append(Problem(path, src.line(i, "term"), "G004", "term", f"termin „{entry['term']}” nie ma "
                                    "liter ani cyfr.", "wpisz termin słowami, np. „term: JST”."))
            continue
        for name in ("definition", "expansion"):
            if entry.get(name) is not None and not isinstance(entry[name], str):
                problems.append(Problem(path, src.line(i, name), "G005", name, "oczekiwano tekstu.",
                                        "zapisz wartość w jednej linii, w cudzysłowie, jeśli zawiera dwukropek."))
        anchor = Term(term, "").anchor
        if anchor in anchors:
            problems.append(Problem(path, line, "G006", "term", f"termin „{term}” dostałby ten sam adres "
                                    f"(#{anchor}) co „{anchors[anchor][0]}” z linii {anchors[anchor][1]}.",
                                    "scal oba wpisy albo zmień jeden termin tak, by różnił się literami."))
        anchors.setdefault(anchor, (term, line))
        if term.lower() in seen:
            problems.append(Problem(path, line, "G003", "term", f"termin „{term}” powtarza się "
                                    f"(pierwszy raz w linii {seen[term.lower()]}).", "usuń lub scal wpisy."))
        seen[term.lower()] = line
        en = entry.get("en") or {}
        expansion_lang = entry.get("expansion_lang", "pl")
        if expansion_lang not in ("pl", "en"):
            problems.append(Problem(path, src.line(i, "expansion_lang"), "G007", "expansion_lang",
                                    f"znaleziono „{expansion_lang}”.", "wpisz pl albo en (język pełnej nazwy)."))
        terms.append(Term(term, str(entry["definition"]).strip(), entry.get("expansion"),
                          en.get("definition"), en.get("expansion"), line, expansion_lang))
    raise_if(problems)
    return sorted(terms, key=lambda t: t.term.lower())


def is_abbreviation(term: Term) -> bool:
    """Terms written as abbreviations (JST, DigCompEdu) get <abbr> on every page."""
    return bool(term.expansion) and bool(re.fullmatch(r"[A-ZĄĆĘŁŃÓŚŹŻ][\w-]*", term.term)) \
        and sum(c.isupper() for c in term.term) >= 2


def abbreviation_lines(terms: list[Term], lang: str, text: str | None = None) -> str:
    """Markdown abbreviation definitions (the abbr extension) for one language; with text, only
    those whose abbreviation occurs in it (the others would mark nothing, and each definition
    makes the parser's abbreviation pattern longer)."""
    rows = []
    for t in terms:
        if is_abbreviation(t) and (text is None or t.term in text):
            expansion, _ = t.text(lang)
            rows.append(f"*[{t.term}]: {expansion}")
    return "\n".join(rows)


def abbreviation_languages(terms: list[Term], lang: str) -> dict[str, str]:
    """Abbreviations whose full form on a page in `lang` is in another language (SELFIE on Polish
    pages): their <abbr> gets that language (WCAG 3.1.2)."""
    return {t.term: t.expansion_language(lang) for t in terms
            if is_abbreviation(t) and t.expansion_language(lang) != lang}
