"""Source safety lint: what a pull request must not bring in, reported at file:line before any build.

Runs in `kit check` and at the start of every build (through kit.model.materials.load). The published
pages are sanitized anyway (kit.site.sanitize) and carry a Content-Security-Policy (kit.site.csp);
this lint tells the editor early and exactly where, instead of letting text silently disappear.
"""
from __future__ import annotations

import html
import os
import re
from html.parser import HTMLParser
from pathlib import Path

from kit.checks.a11y_lint import content_lines
from kit.model.errors import KitError, Problem
from kit.model.frontmatter import load_markdown, read_source
from kit.model.paths import GENERATED_DIRS

RULES = {
    "X001": "niedozwolony element HTML",
    "X002": "atrybut zdarzenia (on…)",
    "X003": "niebezpieczny adres",
    "X010": "wstawka spoza folderu materials/fragmenty/",
    "X011": "brak pliku wstawki",
    "X012": "notatka dla trenera we wstawce",
    "X020": "dowiązanie symboliczne",
}
FRAGMENTS = Path("materials") / "fragmenty"   # the one folder pymdownx.snippets reads (mkdocs.yml)
# Elements that run code, load other pages or restyle and hide the page.
FORBIDDEN_TAGS = {"script", "style", "iframe", "frame", "frameset", "object", "embed", "applet", "form",
                  "base", "meta", "link", "template", "noscript"}
URL_ATTRIBUTES = {"href", "src", "action", "formaction", "xlink:href", "data", "poster", "background", "cite"}
_SAFE_DATA = re.compile(r"data:image/(png|jpeg|gif|webp);base64,", re.I)
_CODE_SPAN = re.compile(r"(`+)(.+?)\1")
_MD_URL = re.compile(r"\]\(\s*<?\s*(?P<url>[^)\s>]+)|^\s{0,3}\[[^\]]+\]:\s*<?(?P<ref>[^\s>]+)")
_ATTR_LIST = re.compile(r"\{:?(?P<body>[^{}\n]*)\}")
_ATTR_PAIR = re.compile(r"(?P<key>[\w:.-]+)\s*=\s*(?P<value>\"[^\"]*\"|'[^']*'|[^\s}]+)")
# pymdownx.snippets: `--8<-- "file"` on its own line, or a block of file names between two markers;
# a leading ";" escapes the marker.
_SNIPPET_LINE = re.compile(r"^\s*(?P<escape>;*)-{1,}8<-{1,}[ \t]+(?P<name>\"[^\"\n]+\"|'[^'\n]+')\s*$")
_SNIPPET_BLOCK = re.compile(r"^\s*(?P<escape>;*)-{1,}8<-{1,}\s*$")
_TRAINER_BLOCK = re.compile(r"^[ \t>]*/{3,}[ \t]*trener\b", re.I | re.M)


def dangerous_url(value: str) -> bool:
    """javascript:, vbscript: and data: (except raster images), however encoded or spaced."""
    url = re.sub(r"[\s\x00-\x1f]+", "", html.unescape(value)).lower()
    if url.startswith("data:"):
        return not _SAFE_DATA.match(url)
    return url.startswith(("javascript:", "vbscript:", "livescript:"))


class _Tags(HTMLParser):
    """Start tags with their line numbers; multi-line tags and any spacing are parsed like a browser."""

    def __init__(self):
        super().__init__(convert_charrefs=True)
        self.found: list[tuple[int, str, list]] = []

    def handle_starttag(self, tag, attrs):
        self.found.append((self.getpos()[0], tag, attrs))

    handle_startendtag = handle_starttag


def _blank_code(body: str, first_line: int) -> list[str]:
    """The body's lines with fenced code and inline code blanked out (line numbers stay)."""
    rows = [""] * len(body.split("\n"))
    for n, row in content_lines(body, first_line):
        rows[n - first_line] = _CODE_SPAN.sub(lambda m: " " * len(m[0]), row)
    return rows


def lint_text(path: Path, body: str, first_line: int = 1, root: Path | None = None) -> list[Problem]:
    problems: list[Problem] = []

    def add(code, line, found, fix):
        problems.append(Problem(path, line, code, "", f"{RULES[code]}: {found}.", fix))

    rows = _blank_code(body, first_line)
    parser = _Tags()
    parser.feed("\n".join(rows))
    parser.close()
    for line, tag, attrs in parser.found:
        n = line + first_line - 1
        if tag in FORBIDDEN_TAGS:
            add("X001", n, f"<{tag}>", "usuń element; treść strony nie może uruchamiać kodu, wysyłać formularzy ani "
                "zmieniać wyglądu strony (wygląd należy do motywu)")
        for key, value in attrs:
            if key.startswith("on"):
                add("X002", n, f"<{tag} {key}=…>", "usuń atrybut; zachowanie strony należy do motywu, nie do treści")
            elif key in URL_ATTRIBUTES and value and dangerous_url(value):
                add("X003", n, f"<{tag} {key}=\"{value[:40]}\">", "podaj zwykły adres https:// albo ścieżkę pliku")
    for i, row in enumerate(rows):
        n = first_line + i
        for m in _MD_URL.finditer(row):
            url = m["url"] or m["ref"]
            if dangerous_url(url):
                add("X003", n, f"„{url[:40]}”", "podaj zwykły adres https:// albo ścieżkę pliku")
        for m in _ATTR_LIST.finditer(row):
            for pair in _ATTR_PAIR.finditer(m["body"]):
                key, value = pair["key"].lower(), pair["value"].strip("\"'")
                if key.startswith("on"):
                    add("X002", n, f"{{ {key}=… }}", "usuń atrybut z nawiasów { }; zachowanie strony należy do motywu")
                elif key in URL_ATTRIBUTES and dangerous_url(value):
                    add("X003", n, f"{{ {key}={value[:40]} }}", "podaj zwykły adres https:// albo ścieżkę pliku")
    if root is not None:  # snippets are expanded before Markdown, inside code blocks too: scan raw lines
        problems += snippet_problems(path, body.split("\n"), first_line, root)
    return problems


def snippet_names(rows: list[str], first_line: int):
    """(line, name) of every file a pymdownx.snippets marker would include."""
    block = False
    for i, row in enumerate(rows):
        n = first_line + i
        single = _SNIPPET_LINE.match(row)
        if single and not single["escape"]:
            yield n, single["name"][1:-1]
            continue
        marker = _SNIPPET_BLOCK.match(row)
        if marker:
            block = not block and not marker["escape"]
            continue
        if block and row.strip() and not row.strip().startswith(";"):
            yield n, row.strip()


def snippet_problems(path: Path, rows: list[str], first_line: int, root: Path) -> list[Problem]:
    problems = []
    fragments = (root / FRAGMENTS).resolve()
    for n, raw in snippet_names(rows, first_line):
        name = re.sub(r"(:-?\d*){1,2}$|:[A-Za-z][\w-]*$", "", raw)   # "file:3:8" or "file:section"
        target = (fragments / name).resolve()
        hidden = any(part.startswith(".") for part in Path(name).parts)   # .git, ../, ./.env
        if re.match(r"^[a-z]+://", name) or Path(name).is_absolute() or hidden or not target.is_relative_to(fragments):
            problems.append(Problem(path, n, "X010", "", f"{RULES['X010']}: „{raw}”.",
                                    f"wstawki mogą pochodzić tylko z folderu {FRAGMENTS.as_posix()}/; przenieś "
                                    "wspólny fragment tam i wpisz jego nazwę, np. --8<-- \"kontakt.md\""))
        elif not target.is_file():
            problems.append(Problem(path, n, "X011", "", f"{RULES['X011']}: „{raw}” (szukano "
                                    f"{FRAGMENTS.as_posix()}/{name}).", "popraw nazwę pliku albo dodaj "
                                    f"plik do folderu {FRAGMENTS.as_posix()}/"))
    return problems


def fragment_problems(root: Path) -> list[Problem]:
    """A shared fragment is published on participant pages as it is: no trainer blocks in it."""
    problems = []
    folder = root / FRAGMENTS
    for path in sorted(folder.rglob("*.md")) if folder.is_dir() else []:
        try:
            text = read_source(path, allow_empty=True)
        except KitError:
            continue
        for m in _TRAINER_BLOCK.finditer(text):
            line = text[:m.start()].count("\n") + 1
            problems.append(Problem(path, line, "X012", "", f"{RULES['X012']}: „{m[0].strip()}”.",
                                    "wstawki trafiają do widoku uczestnika bez zmian – notatkę dla trenera "
                                    "przenieś do pliku modułu"))
    return problems


def symlink_problems(root: Path, folders=("docs", "materials", "overrides"),
                     files=("mkdocs.yml", "CHANGELOG.md", "CONTRIBUTING.md")) -> list[Problem]:
    """Every symbolic link among the inputs: MkDocs copies what a link points at into the site
    (a picture linked to /etc/passwd, a folder linked to .git), so the build accepts none."""
    problems = []
    links = [root / f for f in files if (root / f).is_symlink()]
    for folder in folders:
        base = root / folder
        if base.is_symlink():
            links.append(base)
            continue
        for current, dirs, names in os.walk(base):
            here = Path(current)
            if here != base and here.relative_to(base).parts[0] in GENERATED_DIRS and folder == "docs":
                continue  # written by the build itself from materials/
            links += [here / name for name in dirs + names if (here / name).is_symlink()]
    for link in sorted(links):
        target = os.readlink(link)
        resolved = (link.parent / target).resolve()
        where = "poza repozytorium" if not resolved.is_relative_to(root.resolve()) else "w repozytorium"
        problems.append(Problem(link, 0, "X020", "", f"{RULES['X020']} prowadzi do „{target}” ({where}); "
                                "zawartość takiego pliku trafiłaby na stronę.",
                                "zastąp dowiązanie zwykłym plikiem (kopią) albo je usuń"))
    return problems


def lint_project(project) -> list[Problem]:
    """Every Markdown source an editor writes and the shared fragments (kit.model.materials.load
    checks symlink_problems first, before any file is read)."""
    from kit.checks import text_memo
    problems: list[Problem] = []
    sources = [(p, 1) for p in project.editor_pages()]
    sources += [(p, 1) for p in sorted(project.modules.glob("*/*.md")) + sorted(project.modules.glob("*/karty/*.md"))]
    fragments = project.root / FRAGMENTS
    sources += [(p, 0) for p in (sorted(fragments.rglob("*.md")) if fragments.is_dir() else [])]
    for path, has_front in sources:
        try:
            if has_front:
                src = load_markdown(path)
                body, first = src.body, src.body_line
            else:
                body, first = read_source(path, allow_empty=True), 1
        except KitError:
            continue  # an unreadable file is reported once, by the loader that owns it
        problems += text_memo.problems("kit-safety-lint", (Path(__file__),), (path, body, first),
                                       lambda: lint_text(path, body, first))  # without the file system:
        problems += snippet_problems(path, body.split("\n"), first, project.root)  # checked every time
    return problems + fragment_problems(project.root)
