"""What the watch learned about each act, and the committed file that keeps it for the build.

`kit prawo --update` writes materials/prawo-zmiany.json; the site build reads it and never calls the
network. The file is machine-owned (rewritten whole, sorted, no time of day), so a pull request
shows exactly which act changed.
"""
from __future__ import annotations

import json
import os
import tempfile
from dataclasses import dataclass, field
from datetime import date
from pathlib import Path

from kit.model.dates import parse_iso
from kit.model.errors import KitError, Problem


NOTE = ("Plik tworzy polecenie „kit prawo --update” (stan aktów według API ELI Sejmu). Nie edytuj go "
        "ręcznie – budowa strony czyta go do raportu aktualności.")


@dataclass(frozen=True)
class Change:
    """An amending act and the day its change takes effect (None: the API gave no date)."""

    citation: str
    eli: str | None
    effective: date | None


@dataclass
class ActState:
    key: str
    eli: str
    status: str
    in_force: str
    repealed: bool
    checked: date
    repeal_date: date | None = None
    consolidated: str | None = None       # newest consolidated text, "Dz.U. 2025 poz. 1043"
    changes: list[Change] = field(default_factory=list)
    derived_from: str | None = None       # the consolidated text the ELI was found through

    def to_dict(self) -> dict:
        return {
            "eli": self.eli, "status": self.status, "in_force": self.in_force, "repealed": self.repealed,
            "repeal_date": _iso(self.repeal_date), "consolidated": self.consolidated,
            "derived_from": self.derived_from, "checked": _iso(self.checked),
            "changes": [{"act": c.citation, "eli": c.eli, "effective": _iso(c.effective)} for c in self.changes],
        }


def _iso(d: date | None) -> str | None:
    return d.isoformat() if d else None


def state_from_dict(key: str, data: dict) -> ActState:
    """Inverse of ActState.to_dict; raises ValueError on a shape it cannot read."""
    checked = parse_iso(data.get("checked") or "")
    if not isinstance(data.get("eli"), str) or checked is None:
        raise ValueError("brak pól „eli” lub „checked”")
    changes = []
    for c in data.get("changes") or []:
        if not isinstance(c, dict) or not isinstance(c.get("act"), str):
            raise ValueError("element „changes” bez pola „act”")
        eff = c.get("effective")
        if eff is not None and parse_iso(eff) is None:
            raise ValueError(f"„{eff}” nie jest datą")
        changes.append(Change(c["act"], c.get("eli"), parse_iso(eff) if eff else None))
    return ActState(key=key, eli=data["eli"], status=str(data.get("status") or ""),
                    in_force=str(data.get("in_force") or "UNKNOWN"), repealed=bool(data.get("repealed")),
                    checked=checked, repeal_date=parse_iso(data.get("repeal_date") or ""),
                    consolidated=data.get("consolidated"), changes=changes,
                    derived_from=data.get("derived_from"))


def load_states(path: Path) -> dict[str, ActState]:
    """The committed watch result; a missing file means "never checked" (an empty result)."""
    if not path.exists():
        return {}
    text = path.read_text("utf-8")
    try:
        data = json.loads(text)
    except json.JSONDecodeError as exc:
        raise KitError([Problem(path, exc.lineno, "P001", "", f"niepoprawny JSON: {exc.msg}.",
                                "przywróć plik z repozytorium (git checkout) i uruchom „kit prawo --update”.")]) from None
    acts = data.get("acts") if isinstance(data, dict) else None
    if not isinstance(acts, dict):
        raise KitError([Problem(path, 1, "P002", "acts", "brak słownika „acts”.",
                                "przywróć plik z repozytorium i uruchom „kit prawo --update”.")])
    out, problems = {}, []
    for key, entry in acts.items():
        try:
            out[key] = state_from_dict(key, entry if isinstance(entry, dict) else {})
        except ValueError as exc:
            line = next((n for n, row in enumerate(text.split("\n"), 1) if f'"{key}":' in row), 1)
            problems.append(Problem(path, line, "P003", key, f"wpis nieczytelny ({exc}).",
                                    "uruchom „kit prawo --update”, które zapisze plik od nowa."))
    if problems:
        raise KitError(problems)
    return out


def states_document(states: dict[str, ActState], api: str) -> dict:
    return {"_note": NOTE, "api": api, "acts": {k: states[k].to_dict() for k in sorted(states)}}


def write_atomic(path: Path, text: str) -> None:
    """Write beside the target and rename, so a crash never leaves half a file."""
    fd, tmp = tempfile.mkstemp(prefix=f".{path.name}.", dir=path.parent)
    try:
        with os.fdopen(fd, "w", encoding="utf-8", newline="") as fh:
            fh.write(text)
        os.chmod(tmp, path.stat().st_mode & 0o777 if path.exists() else 0o644)
        os.replace(tmp, path)
    except BaseException:
        Path(tmp).unlink(missing_ok=True)
        raise


def save_states(path: Path, states: dict[str, ActState], api: str) -> None:
    write_atomic(path, json.dumps(states_document(states, api), ensure_ascii=False, indent=2) + "\n")
