"""What changed, for readers: per-module comparison pages between editions (from git tags) and the
Atom feed of editions and law-change notices (from the watch file). Gathers the data; the pages
themselves come from the pure functions in kit.site.changes and kit.site.feed."""
from __future__ import annotations

import logging
import re
from dataclasses import dataclass, field
from datetime import date, timedelta
from pathlib import Path

from kit.editions import (changed_modules, edition_label, edition_ranges, edition_tags, file_at, folders_at,
                          revision_date)
from kit.model.errors import KitError
from kit.model.frontmatter import read_source
from kit.model.legal import Act
from kit.model.modules import MODULE_FILE, Module
from kit.site.changes import changes_page, page_name, snapshot
from kit.site.feed import Entry, atom_feed

log = logging.getLogger("mkdocs.plugins.kit")
MODULES_DIR = "materials/modules"
SAFE_LABEL = re.compile(r"[0-9A-Za-z][0-9A-Za-z._-]*")
NOTICE_DAYS = 365   # law changes older than this are no longer news in the feed


@dataclass
class History:
    pages: dict[str, str] = field(default_factory=dict)                # docs path -> Markdown
    since: dict[str, tuple[str, str]] = field(default_factory=dict)    # module id -> (edition, page name), newest
    sections: list[tuple[str, list[str]]] = field(default_factory=list)  # the changelog's (heading, folders)
    links: dict[tuple[str, str], tuple[str, str]] = field(default_factory=dict)  # (heading, folder) -> (edition, docs path)


def _module_text(root: Path, rev: str, mid: str) -> str | None:
    folder = next((f for f in folders_at(root, rev, MODULES_DIR) if f.split("-")[0] == mid), None)
    return file_at(root, rev, f"{MODULES_DIR}/{folder}/{MODULE_FILE}") if folder else None


def plan_history(root: Path, modules: list[Module], acts: dict[str, Act]) -> History:
    h = History()
    names = {k: a.short for k, a in acts.items()}
    by_id = {m.id: m for m in modules}
    for heading, older, newer in edition_ranges(root):
        folders = changed_modules(root, older, newer)
        h.sections.append((heading, folders))
        if older is None or not SAFE_LABEL.fullmatch(edition_label(older)):
            continue   # the label becomes a file name: only plain edition numbers such as 2026.1
        since, until = edition_label(older), (None if newer == "HEAD" else edition_label(newer))
        for folder in folders:
            m = by_id.get(folder.split("-")[0])
            old = _module_text(root, older, m.id) if m else None
            new = read_source(m.path) if m and newer == "HEAD" else \
                (_module_text(root, newer, m.id) if m else None)
            if old is None or new is None:
                continue   # a module new in this edition, or removed since
            try:
                page = changes_page(snapshot(old), snapshot(new), since, until,
                                    m.path.resolve().relative_to(root.resolve()).as_posix(), names,
                                    revision_date(root, older), revision_date(root, newer) if until else None)
            except KitError as exc:  # an older edition's front matter no longer parses
                log.warning("kit: pomijam porównanie %s z wydaniem %s: %s", m.id, since, exc.problems[0])
                continue
            path = f"moduly/{m.slug}/{page_name(since)}"
            h.pages[path] = page
            h.links[(heading, folder)] = (since, path)
            # the header links the module's newest comparison: nothing changed in it after that
            h.since.setdefault(m.id, (since, page_name(since)))
    return h


def feed_entries(root: Path, site_url: str, sections, modules: list[Module], acts: dict[str, Act],
                 law: dict, impacts: dict, today: date) -> list[Entry]:
    """impacts: module id -> kit.law.compare.ModuleLaw (what changed since each module's review)."""
    base = site_url if site_url.endswith("/") else site_url + "/"
    by_slug = {m.slug: m for m in modules}
    entries = []
    folders_of = dict(sections)
    for tag in edition_tags(root):
        label = edition_label(tag)
        day = revision_date(root, tag)
        folders = folders_of.get(f"Wydanie {label}", [])
        names = [f"{by_slug[f].id.upper()} {by_slug[f].title}" for f in folders if f in by_slug]
        entries.append(Entry(f"{base}zasoby/historia-zmian/#wydanie-{label}", f"Wydanie {label}", day,
                             f"{base}zasoby/historia-zmian/",
                             "Zmienione moduły: " + "; ".join(names) + "." if names else "Bez zmian w modułach."))
    for key, state in sorted(law.items()):
        act = acts.get(key)
        if act is None:
            continue
        affected = [m for m in modules if any(c.key == key for c in impacts[m.id].changed)
                    or key in impacts[m.id].repealed]
        who = ("Moduły do przejrzenia: " + "; ".join(f"{m.id.upper()} {m.title}" for m in affected) + ".") \
            if affected else "Żaden moduł nie wymaga przejrzenia."
        page = f"{base}zasoby/aktualnosc/"
        if state.repealed:
            entries.append(Entry(f"{page}#uchylenie-{key}", f"{act.short}: akt uchylony", state.repeal_date or
                                 state.checked, page, f"{act.title} został uchylony. {who}"))
        for c in state.changes:
            if c.effective and today - timedelta(days=NOTICE_DAYS) <= c.effective:
                when = "wchodzi" if c.effective > today else "weszła"
                entries.append(Entry(f"{page}#{key}-{c.eli or c.citation}", f"{act.short}: zmiana {c.citation}",
                                     min(c.effective, state.checked), page,
                                     f"Zmiana {c.citation} {when} w życie {c.effective.isoformat()}. {who}"))
    return entries


def feed(root: Path, site_url: str, site_name: str, sections, modules, acts, law, impacts, today: date) -> str:
    return atom_feed(site_url, f"{site_name} – wydania i zmiany prawa", site_name,
                     feed_entries(root, site_url, sections, modules, acts, law, impacts, today), today)
