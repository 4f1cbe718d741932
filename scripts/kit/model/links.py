"""Relative links in module sources, checked against where the pages will be mounted in docs/."""
from __future__ import annotations

import posixpath
import re
from pathlib import Path

from kit.model.errors import Problem
from kit.model.paths import GENERATED_DIRS

# Pages the build writes from data (scripts/kit/site/generated.py): virtual files, never on disk.
GENERATED_PAGES = {"przykladowe-jst.md", "moduly/index.md", "zasoby/slownik.md", "zasoby/podstawy-prawne.md", "zasoby/aktualnosc.md",
                   "zasoby/czytelnosc.md", "zasoby/historia-zmian.md", "szablony/index.md",
                   "zasoby/dla-redaktorow.md", "zasoby/do-weryfikacji.md",
                   "nauka/index.md", "nauka/potwierdzenie.md"}

LINK = re.compile(r"\]\(([^)\s#]+\.md)(?:#[^)]*)?\)")


def check_module_links(path: Path, body: str, first_line: int, folder: Path, docs: Path,
                       module_slugs: set[str]) -> list[Problem]:
    """Links from a module to its handouts, to other modules and to editors' pages in docs/."""
    problems = []
    base = f"moduly/{folder.name}"
    for n, row in enumerate(body.split("\n"), start=first_line):
        for m in LINK.finditer(row):
            target = m[1]
            if "://" in target:
                continue
            dest = posixpath.normpath(posixpath.join(base, target))
            parts = dest.split("/")
            if parts[0] == "moduly" and len(parts) >= 3 and parts[1] == folder.name and parts[2] == "karty":
                ok = (folder / "/".join(parts[2:])).exists()
            elif parts[0] == "moduly" and len(parts) == 3:
                ok = parts[1] in module_slugs and parts[2] in ("index.md", "trener.md")
            elif parts[0] == "szablony" and len(parts) == 2:  # generated from materials/templates/
                ok = parts[1] == "index.md" or (docs.parent / "materials" / "templates" / parts[1]).exists()
            elif parts[0] in GENERATED_DIRS:
                ok = dest in GENERATED_PAGES
            else:
                ok = dest in GENERATED_PAGES or (docs / dest).exists()
            if not ok:
                problems.append(Problem(path, n, "K001", "link", f"odnośnik „{target}” prowadzi do strony, "
                                        "której nie ma.", "popraw ścieżkę; karty pracy leżą w folderze "
                                        "karty/ modułu, np. (karty/karta-pracy-1.md)."))
    return problems


def nav_entries(nav) -> list[str]:
    """Every page path named in a MkDocs nav (nested lists and single-key mappings)."""
    out = []
    for item in nav or []:
        value = next(iter(item.values())) if isinstance(item, dict) and len(item) == 1 else item
        if isinstance(value, list):
            out += nav_entries(value)
        elif isinstance(value, str) and value.endswith(".md"):
            out.append(value)
    return out


def check_nav(config_file: Path, nav, docs: Path) -> list[Problem]:
    """Nav entries that point at no page: found here instead of by the build."""
    text = config_file.read_text("utf-8").split("\n")
    problems = []
    for entry in nav_entries(nav):
        ok = (docs / entry).exists() or entry in GENERATED_PAGES
        if not ok:
            line = next((n for n, row in enumerate(text, 1) if entry in row), 0)
            problems.append(Problem(config_file, line, "K002", "nav", f"menu wskazuje stronę „{entry}”, "
                                    "której nie ma w docs/.", "popraw ścieżkę albo dodaj stronę."))
    return problems
