""""Zmiany od wydania X": what changed in a module between two editions, for people who printed the
older one – a word-level comparison of the participant text and the changes in agenda, outcomes and
legal bases. Pure functions of two module snapshots; kit.site.generated reads them from git.

Insertions and deletions are <ins>/<del> (underlined / struck through, not colour alone) with the
visually hidden words "dodano:" / "usunięto:" so that screen readers announce them.
"""
from __future__ import annotations

import difflib
import re
from dataclasses import dataclass, field
from datetime import date
from pathlib import Path

from kit.model.dates import human, parse_iso
from kit.model.frontmatter import parse_markdown
from kit.model.trainer_blocks import participant_text
from kit.site.sanitize import md_text, yaml_text


@dataclass
class Snapshot:
    """A module as it stood in one edition: only what the comparison page shows."""

    id: str
    title: str
    duration: int | None
    reviewed: date | None
    outcomes: list[str] = field(default_factory=list)
    agenda: list[tuple[str, int, str]] = field(default_factory=list)   # (title, minutes, method)
    legal: list[str] = field(default_factory=list)
    text: str = ""   # participant text (trainer blocks removed)


def snapshot(markdown: str, name: str = "modul.md") -> Snapshot:
    """Read a module's modul.md text leniently: an older edition may predate today's schema rules."""
    src = parse_markdown(markdown, Path(name))
    d = src.data
    agenda = [(str(b.get("title", "")), b.get("minutes") if isinstance(b.get("minutes"), int) else 0,
               str(b.get("method", ""))) for b in (d.get("agenda") or []) if isinstance(b, dict)]
    return Snapshot(id=str(d.get("id", "")), title=str(d.get("title", "")),
                    duration=d.get("duration") if isinstance(d.get("duration"), int) else None,
                    reviewed=parse_iso(d.get("reviewed", "")) if d.get("reviewed") else None,
                    outcomes=[str(o) for o in d.get("outcomes") or []], agenda=agenda,
                    legal=[str(k) for k in d.get("legal") or []], text=participant_text(src.body))


_LINK = re.compile(r"!?\[([^\]]*)\]\([^)]*\)(\{[^}]*\})?")
_OLD_CITATION = re.compile(r"\[\[akt:([^\]|]*)(?:\|([^\]]*))?\]\]")
_BLOCK_OPEN = re.compile(r'^\s*(?:[!?]{3}\+?|/{3,})\s*[\w-]+\s*(?:\|\s*)?(?:"([^"]*)")?(.*)$')


def plain_blocks(markdown: str, acts: dict[str, str] | None = None) -> list[str]:
    """Paragraphs of readable text: Markdown links, emphasis and block markers reduced to words;
    acts names the registry keys of old-style [[akt:key|locator]] citations."""
    acts = acts or {}
    blocks, current = [], []
    for row in markdown.split("\n"):
        line = row.strip()
        m = _BLOCK_OPEN.match(line)
        if m and (line.startswith(("!!!", "???", "///"))):
            line = ((m[1] or "") + " " + (m[2] or "")).strip()
        elif re.fullmatch(r"/{3,}|<!--.*-->|-{3,}|\|?[-:| ]+\|?", line):
            line = ""
        line = _OLD_CITATION.sub(lambda c: acts.get(c[1].strip(), c[1]) + (f", {c[2]}" if c[2] else ""), line)
        line = _LINK.sub(lambda c: c[1], line)
        line = re.sub(r"(\*\*|__|(?<!\w)[*_](?=\S)|(?<=\S)[*_](?!\w))", "", line)
        line = re.sub(r"^#{1,6}\s+|\{[#.][^}]*\}$", "", line).strip()
        if current and re.match(r"^(?:[-*+]|\d+\.)\s", row.strip()):
            blocks.append(" ".join(current))
            current = []
        if not line:
            if current:
                blocks.append(" ".join(current))
                current = []
            continue
        current.append(line)
    if current:
        blocks.append(" ".join(current))
    return blocks


def _mark(tag: str, words: list[str]) -> str:
    said = "dodano:" if tag == "ins" else "usunięto:"
    return f'<{tag}><span class="kit-sr">{said} </span>{md_text(" ".join(words))}</{tag}>'


def word_diff(old: str, new: str) -> str:
    """HTML of new text with the words removed from old and added to it marked."""
    a, b = old.split(), new.split()
    parts = []
    for op, i1, i2, j1, j2 in difflib.SequenceMatcher(None, a, b, autojunk=False).get_opcodes():
        if op == "equal":
            parts.append(md_text(" ".join(a[i1:i2])))
        if op in ("delete", "replace"):
            parts.append(_mark("del", a[i1:i2]))
        if op in ("insert", "replace"):
            parts.append(_mark("ins", b[j1:j2]))
    return " ".join(parts)


def text_changes(old: str, new: str, acts: dict[str, str] | None = None) -> tuple[list[str], int]:
    """([HTML paragraph of each changed passage], number of unchanged paragraphs)."""
    a, b = plain_blocks(old, acts), plain_blocks(new, acts)
    out, same = [], 0
    for op, i1, i2, j1, j2 in difflib.SequenceMatcher(None, a, b, autojunk=False).get_opcodes():
        if op == "equal":
            same += i2 - i1
        elif op == "replace" and i2 - i1 == j2 - j1:
            out += [word_diff(x, y) for x, y in zip(a[i1:i2], b[j1:j2])]
        else:
            out.append(word_diff(" ".join(a[i1:i2]), " ".join(b[j1:j2])))
    return out, same


def _agenda_rows(old: list, new: list) -> list[str]:
    rows = []
    titles_a, titles_b = [t for t, _, _ in old], [t for t, _, _ in new]
    for op, i1, i2, j1, j2 in difflib.SequenceMatcher(None, titles_a, titles_b, autojunk=False).get_opcodes():
        if op == "equal":
            for (t, ma, mea), (_, mb, meb) in zip(old[i1:i2], new[j1:j2]):
                if (ma, mea) != (mb, meb):
                    rows.append(f"- Zmieniono blok „{md_text(t)}”: {ma} min ({md_text(mea)}) → {mb} min "
                                f"({md_text(meb)}).")
            continue
        rows += [f"- Usunięto blok „{md_text(t)}” ({m} min, {md_text(me)})." for t, m, me in old[i1:i2]]
        rows += [f"- Dodano blok „{md_text(t)}” ({m} min, {md_text(me)})." for t, m, me in new[j1:j2]]
    return rows


def _list_rows(old: list[str], new: list[str], names: dict[str, str] | None = None) -> list[str]:
    show = (lambda k: md_text(names.get(k, k))) if names is not None else md_text
    rows = []
    for op, i1, i2, j1, j2 in difflib.SequenceMatcher(None, old, new, autojunk=False).get_opcodes():
        if op == "replace" and names is None and i2 - i1 == j2 - j1:
            rows += [f'- Zmieniono: <span class="kit-diff">{word_diff(x, y)}</span>' for x, y in zip(old[i1:i2], new[j1:j2])]
        elif op != "equal":
            rows += [f"- Usunięto: {show(k)}" for k in old[i1:i2] if k not in new]
            rows += [f"- Dodano: {show(k)}" for k in new[j1:j2] if k not in old]
    return rows


def page_name(edition: str) -> str:
    """The comparison page's file name inside the module folder, e.g. zmiany-2026.1.md."""
    return f"zmiany-{edition}.md"


def changes_page(old: Snapshot, new: Snapshot, since: str, until: str | None, source: str,
                 acts: dict[str, str], since_date: date | None = None, until_date: date | None = None) -> str:
    """Markdown of "Zmiany od wydania {since}" (until: the newer edition, None for the working version)."""
    title = f"Zmiany od wydania {since} – {new.id.upper()} {new.title}"
    when = f" ({human(since_date)})" if since_date else ""
    target = (f"wydaniem {until}" + (f" ({human(until_date)})" if until_date else "")) if until else \
        "wersją w przygotowaniu (jeszcze nie wydaną)"
    rows = [f"---\ntitle: {yaml_text(title)}\nkit_source: {source}\n---\n", f"# {md_text(title)}\n",
            f"Co się zmieniło w module między wydaniem {since}{when} a {target}. Strona jest dla osób, które "
            f"mają wydrukowane wydanie {since}. [Wróć do modułu](index.md).\n",
            "Tekst dodany jest podkreślony, usunięty – przekreślony. Czytnik ekranu zapowiada je słowami "
            "„dodano” i „usunięto”.\n"]
    facts = []
    if old.title != new.title:
        facts.append(f"- Tytuł: „{md_text(old.title)}” → „{md_text(new.title)}”.")
    if old.duration != new.duration:
        facts.append(f"- Czas trwania: {old.duration} min → {new.duration} min.")
    if old.reviewed != new.reviewed and new.reviewed:
        facts.append(f"- Ostatni przegląd: {human(old.reviewed) if old.reviewed else 'brak'} → {human(new.reviewed)}.")
    sections = [("Dane modułu", facts), ("Agenda", _agenda_rows(old.agenda, new.agenda)),
                ("Efekty uczenia się", _list_rows(old.outcomes, new.outcomes)),
                ("Podstawy prawne", _list_rows(old.legal, new.legal, acts))]
    for heading, items in sections:
        rows += [f"## {heading}\n", "\n".join(items) if items else "Bez zmian.", ""]
    changed, same = text_changes(old.text, new.text, acts)
    rows.append("## Tekst dla uczestnika i uczestniczki\n")
    if not changed:
        rows.append("Bez zmian.\n")
    else:
        rows.append(f"Zmienione fragmenty: {len(changed)}; akapity bez zmian (pominięte): {same}.\n")
        rows += [f'<p class="kit-diff">{p}</p>\n' for p in changed]
    return "\n".join(rows)
