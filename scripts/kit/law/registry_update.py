"""`kit prawo --update`: rewrite only the `consolidated:` and `checked:` lines of materials/legal.yml.

A line edit, not a YAML dump: comments, order, quoting and blank lines stay as editors wrote them.
The new text is parsed and compared with the old one before it replaces the file (atomically), so
a failed update leaves legal.yml as it was.
"""
from __future__ import annotations

import re
from datetime import date
from pathlib import Path

import yaml

from kit.model.law_state import write_atomic
from kit.model.errors import KitError, Problem
from kit.model.frontmatter import parse_yaml

FIELDS = ("consolidated", "checked")
_LINE = re.compile(r"^(?P<head>\s*(?P<name>[\w-]+):[ \t]*)(?P<value>.*?)(?P<comment>[ \t]+#.*)?$")


def _entries(text: str) -> dict[str, dict]:
    """Per act: {"line": key line, "indent": field indent, "fields": {name: (first, last line)}, "end": last line}.
    Lines are 0-based indexes into text.split("\\n")."""
    root = yaml.compose(text)
    out = {}
    if not isinstance(root, yaml.MappingNode):
        return out
    for knode, vnode in root.value:
        fields = {}
        indent = 2
        if isinstance(vnode, yaml.MappingNode):
            for fk, fv in vnode.value:
                last = fv.end_mark.line - (1 if fv.end_mark.column == 0 and fv.end_mark.line > fk.start_mark.line else 0)
                fields[fk.value] = (fk.start_mark.line, last)
                indent = fk.start_mark.column
        end = max((last for _, last in fields.values()), default=knode.start_mark.line)
        out[knode.value] = {"line": knode.start_mark.line, "indent": indent, "fields": fields, "end": end}
    return out


def apply_updates(text: str, updates: dict[str, dict[str, str]]) -> str:
    """updates: {act key: {"consolidated": "Dz.U. …", "checked": "RRRR-MM-DD"}} → the edited text.
    A missing field is inserted below `consolidated:` or `published:` (else at the entry's end)."""
    rows = text.split("\n")
    entries = _entries(text)
    inserts: list[tuple[int, int, str]] = []   # (after this 0-based line, sequence, new line)
    for key, values in updates.items():
        entry = entries.get(key)
        if entry is None:
            continue
        fields = entry["fields"]
        anchor = (fields.get("consolidated") or fields.get("published") or (None, entry["end"]))[1]
        for name in FIELDS:
            if name not in values:
                continue
            if name in fields:
                first, last = fields[name]
                m = _LINE.match(rows[first])
                if first != last or not m or m["name"] != name:
                    raise ValueError(f"{key}.{name}: wartość zapisana w kilku liniach")
                rows[first] = f"{m['head']}{values[name]}{m['comment'] or ''}"
                anchor = first
            else:
                inserts.append((anchor, len(inserts), " " * entry["indent"] + f"{name}: {values[name]}"))
    # Inserting from the bottom keeps earlier line numbers valid; at one anchor the higher
    # sequence goes in first, so the fields end up in FIELDS order.
    for where, _, line in sorted(inserts, reverse=True):
        rows.insert(where + 1, line)
    return "\n".join(rows)


def update_registry(path: Path, updates: dict[str, dict[str, str]]) -> list[str]:
    """Edit legal.yml in place; return "key: field old → new" lines for the report."""
    raw = path.read_bytes()
    bom, crlf = raw.startswith(b"\xef\xbb\xbf"), b"\r\n" in raw   # written back as found
    text = raw.decode("utf-8-sig").replace("\r\n", "\n")
    before = parse_yaml(text, path).data
    try:
        new_text = apply_updates(text, updates)
        after = parse_yaml(new_text, path).data
    except (ValueError, KitError, yaml.YAMLError) as exc:
        raise KitError([Problem(path, 0, "P010", "", f"nie udało się bezpiecznie zmienić pliku ({exc}); plik "
                                "pozostał bez zmian.", "popraw wpis ręcznie albo zapisz pola consolidated "
                                "i checked w jednej linii każde.")]) from None
    expected = {k: dict(v) for k, v in before.items()}
    for key, values in updates.items():
        if key in expected:
            expected[key].update(values)
    if after != expected or list(after) != list(before):
        raise KitError([Problem(path, 0, "P011", "", "kontrola po edycji wykazała inne zmiany niż pola "
                                "consolidated i checked; plik pozostał bez zmian.",
                                "zgłoś problem opiekunom zestawu i dołącz plik legal.yml.")])
    changes = []
    for key, values in updates.items():
        for name, value in values.items():
            old = before.get(key, {}).get(name)
            if str(old) != value:
                changes.append(f"{key}: {name} {old or '—'} → {value}")
    if new_text != text:
        write_atomic(path, ("\ufeff" if bom else "") + (new_text.replace("\n", "\r\n") if crlf else new_text))
    return changes


def updates_for(states, acts, today: date) -> dict[str, dict[str, str]]:
    """consolidated only when the API knows a newer text; checked for every act the API answered."""
    from kit.law.compare import newer_consolidated
    out = {}
    for key, state in states.items():
        values = {"checked": today.isoformat()}
        newer = newer_consolidated(acts[key], state)
        if newer:
            values["consolidated"] = newer
        out[key] = values
    return out
