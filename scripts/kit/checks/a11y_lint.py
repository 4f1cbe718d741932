"""Source-level accessibility lint of Markdown: each rule has a code, a file:line and a fix.

Runs before the build (and in `kit check`), so an editor hears of a problem at the line where it is,
before any browser test.
"""
from __future__ import annotations

import re
from pathlib import Path

from kit.model.errors import KitError, Problem
from kit.model.frontmatter import load_markdown

VAGUE_LINK_TEXT = {
    "pl": ("kliknij tutaj", "kliknij", "tutaj", "tu", "więcej", "czytaj więcej", "link", "odnośnik", "zobacz"),
    "en": ("click here", "here", "read more", "more", "link", "this link"),
}
NEW_WINDOW_WORDS = ("nowym oknie", "nowej karcie", "new window", "new tab")
RULES = {
    "W001": "obraz bez tekstu alternatywnego",
    "W002": "pominięty poziom nagłówka",
    "W003": "więcej niż jeden nagłówek H1",
    "W004": "niejasny tekst linku",
    "W005": "tabela bez wiersza nagłówka",
    "W006": "styl ukrywający treść",  # scripts, handlers and frames: kit.checks.safety (X001–X003)
    "W007": "link otwiera nowe okno bez uprzedzenia",
}

_FENCE = re.compile(r"^\s*(`{3,}|~{3,})")
_HEADING = re.compile(r"^(#{1,6})\s+\S")
_MD_IMAGE = re.compile(r"!\[(?P<alt>[^\]]*)\]\((?P<src>[^)\s]+)[^)]*\)(?P<attrs>\{[^}]*\})?")
_HTML_IMAGE = re.compile(r"<img\b(?P<attrs>[^>]*)>", re.I)
_MD_LINK = re.compile(r"(?<!!)\[(?P<text>[^\]]+)\]\((?P<href>[^)\s]+)[^)]*\)(?P<attrs>\{[^}]*\})?")
_HTML_LINK = re.compile(r"<a\b(?P<attrs>[^>]*)>(?P<text>.*?)</a>", re.I | re.S)
_HIDING = re.compile(r"style\s*=\s*[\"'][^\"']*(display\s*:\s*none|visibility\s*:\s*hidden|font-size\s*:\s*0)", re.I)
_TABLE_SEP = re.compile(r"^\s*\|?\s*:?-{3,}:?\s*(\|\s*:?-{3,}:?\s*)*\|?\s*$")


def _strip_tags(text: str) -> str:
    return re.sub(r"<[^>]+>|[*_`]", "", text).strip().lower().rstrip(".:!")


def content_lines(body: str, first_line: int):
    """(line number, text) of lines outside fenced code blocks."""
    fence = None
    for n, row in enumerate(body.split("\n"), start=first_line):
        m = _FENCE.match(row)
        if m:
            if fence is None:
                fence = m[1][0]
            elif m[1][0] == fence:
                fence = None
            continue
        if fence is None:
            yield n, row


def lint_text(path: Path, body: str, first_line: int = 1, h1_allowed: int = 1) -> list[Problem]:
    problems: list[Problem] = []

    def add(code, line, found, fix):
        problems.append(Problem(path, line, code, "", f"{RULES[code]}: {found}.", fix))

    lines = list(content_lines(body, first_line))
    last_level = 0
    h1 = 0
    for i, (n, row) in enumerate(lines):
        h = _HEADING.match(row)
        if h:
            level = len(h[1])
            if level == 1:
                h1 += 1
                if h1 > h1_allowed:
                    add("W003", n, row.strip()[:60], "zostaw jeden H1 (tytuł strony), a pozostałe zamień na H2 (##)"
                        if h1_allowed else "w pliku modułu nie piszemy H1 – tytuł powstaje z pola title; użyj ##")
            elif last_level and level > last_level + 1:
                add("W002", n, f"po H{last_level} jest H{level}", f"użyj nagłówka H{last_level + 1} "
                    f"({'#' * (last_level + 1)}) albo dodaj brakujący poziom")
            elif not last_level and level > 2 and h1_allowed == 0:
                add("W002", n, f"pierwszy nagłówek to H{level}", "zacznij od nagłówka H2 (##)")
            last_level = level
        for m in _MD_IMAGE.finditer(row):
            decorative = m["attrs"] and re.search(r"\.decorative\b|role=[\"']?presentation", m["attrs"])
            if not m["alt"].strip() and not decorative:
                add("W001", n, m["src"], "opisz obraz w nawiasach kwadratowych: ![opis](plik); obraz ozdobny "
                    "oznacz { .decorative }")
        for m in _HTML_IMAGE.finditer(row):
            attrs = m["attrs"]
            if not re.search(r"\balt\s*=", attrs):
                add("W001", n, "<img> bez atrybutu alt", "dodaj alt=\"opis obrazu\" (albo alt=\"\" "
                    "i role=\"presentation\" dla obrazu ozdobnego)")
        for m in list(_MD_LINK.finditer(row)) + list(_HTML_LINK.finditer(row)):
            text = _strip_tags(m["text"])
            if text in VAGUE_LINK_TEXT["pl"] or text in VAGUE_LINK_TEXT["en"]:
                add("W004", n, f"„{m['text'].strip()}”", "napisz w tekście linku, dokąd prowadzi, np. "
                    "„deklaracja dostępności gminy” zamiast „tutaj”")
            attrs = (m.groupdict().get("attrs") or "")
            if re.search(r"target\s*=\s*[\"']?_blank", attrs) and not any(w in text for w in NEW_WINDOW_WORDS):
                add("W007", n, f"„{m['text'].strip()}”", "dopisz w tekście linku „(otwiera się w nowym oknie)” "
                    "albo usuń target=_blank")
        if _HIDING.search(row):
            add("W006", n, "atrybut style", "usuń styl; treść ukryta wizualnie bywa też ukryta dla "
                "czytników ekranu")
        if _TABLE_SEP.match(row) and row.count("|") >= 1 and i > 0:
            header = lines[i - 1][1]
            cells = [c.strip() for c in header.strip().strip("|").split("|")]
            if not header.strip() or all(not c for c in cells):
                add("W005", lines[i - 1][0], "pierwszy wiersz jest pusty", "wpisz w pierwszym wierszu nazwy "
                    "kolumn")
        if re.search(r"<table\b", row, re.I):
            rest = "\n".join(r for _, r in lines[i:i + 200])
            table = rest[: rest.lower().find("</table>") + 8] if "</table>" in rest.lower() else rest
            if "<th" not in table.lower():
                add("W005", n, "tabela HTML bez komórek <th>", "oznacz nagłówki kolumn znacznikiem <th scope=\"col\">")
    return problems


def lint_file(path: Path, h1_allowed: int = 1) -> list[Problem]:
    try:
        src = load_markdown(path)
    except KitError:
        return []  # an unreadable file is reported once, by the loader that owns it
    from kit.checks import text_memo
    return text_memo.problems("kit-a11y-lint", (Path(__file__),), (path, src.body, src.body_line, h1_allowed),
                              lambda: lint_text(path, src.body, src.body_line, h1_allowed))


def lint_project(project) -> list[Problem]:
    """Every Markdown source an editor writes: docs pages, templates, modules and handouts."""
    problems: list[Problem] = []
    for page in project.editor_pages():
        problems += lint_file(page)
    for path in sorted(project.modules.glob("*/*.md")):
        problems += lint_file(path, h1_allowed=0 if path.name.startswith("modul") else 1)
    for path in sorted(project.modules.glob("*/karty/*.md")):
        problems += lint_file(path)
    return problems
