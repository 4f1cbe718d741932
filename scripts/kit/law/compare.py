"""Compare what the watch learned with the registry and with each citing module's review date.

Pure functions of (registry, watch states, modules, today): the command line and the site build use
the same rules, so the report and the pages never disagree.
"""
from __future__ import annotations

from dataclasses import dataclass, field
from datetime import date, timedelta

from kit.law.eli import eli_key
from kit.model.law_state import ActState
from kit.model.legal import Act, eli_id, find_citations
from kit.model.modules import Module

# Findings that ask an editor to act (exit code 3); the others are for information.
ACTIONABLE = ("changed-after-review", "repealed", "new-consolidated-text", "manual-check-missing",
              "manual-check-stale")


@dataclass(frozen=True)
class ActChange:
    key: str
    citation: str | None    # the amending act; None for a date typed into legal.yml (`changed`)
    effective: date


@dataclass
class ModuleLaw:
    """Why a module's legal basis needs a look: changes in force since its review, repealed acts."""

    changed: list[ActChange] = field(default_factory=list)
    repealed: list[str] = field(default_factory=list)

    def __bool__(self) -> bool:
        return bool(self.changed or self.repealed)


@dataclass
class Finding:
    kind: str
    act: str
    module: str | None = None
    date: date | None = None
    detail: str | None = None   # a citation: the amending act or the newer consolidated text

    def to_dict(self) -> dict:
        return {"kind": self.kind, "act": self.act, "module": self.module,
                "date": self.date.isoformat() if self.date else None, "detail": self.detail}


def cited_keys(m: Module) -> list[str]:
    """Acts a module relies on: its `legal` list and the citations in its text."""
    keys = list(m.legal)
    for c in find_citations(m.body):
        if c.key not in keys:
            keys.append(c.key)
    return keys


def module_law(m: Module, acts: dict[str, Act], states: dict[str, ActState], today: date) -> ModuleLaw:
    out = ModuleLaw()
    for key in cited_keys(m):
        act, state = acts.get(key), states.get(key)
        if act is None:
            continue
        if act.changed and m.reviewed < act.changed <= today:
            out.changed.append(ActChange(key, None, act.changed))
        if state is None:
            continue
        if state.repealed:
            out.repealed.append(key)
        for c in state.changes:
            if c.effective and m.reviewed < c.effective <= today:
                out.changed.append(ActChange(key, c.citation, c.effective))
    out.changed.sort(key=lambda c: (c.effective, c.key))
    return out


def newer_consolidated(act: Act, state: ActState | None) -> str | None:
    """The API's newest consolidated text when the registry records none or an older one."""
    if state is None or not state.consolidated:
        return None
    known = eli_id(act.consolidated)
    new = eli_id(state.consolidated)
    return state.consolidated if new and (known is None or eli_key(new) > eli_key(known)) else None


def findings(acts: dict[str, Act], states: dict[str, ActState], modules: list[Module], today: date,
             max_age_days: int = 180) -> list[Finding]:
    out: list[Finding] = []
    citing = {key: [m for m in modules if key in cited_keys(m)] for key in acts}
    for m in modules:
        law = module_law(m, acts, states, today)
        out += [Finding("changed-after-review", c.key, m.id, c.effective, c.citation) for c in law.changed]
    for key, act in acts.items():
        state = states.get(key)
        if state is not None:
            if state.repealed and citing[key]:
                out += [Finding("repealed", key, m.id, state.repeal_date) for m in citing[key]]
            newer = newer_consolidated(act, state)
            if newer:
                out.append(Finding("new-consolidated-text", key, detail=newer))
            out += [Finding("upcoming-change", key, date=c.effective, detail=c.citation)
                    for c in state.changes if c.effective and c.effective > today]
        elif act.eli is None and eli_id(act.consolidated) is None:
            # EU acts and acts without a Dz.U./M.P. address: a person checks them (EUR-Lex) and types `checked`.
            if act.checked is None:
                out.append(Finding("manual-check-missing", key))
            elif act.checked < today - timedelta(days=max_age_days):
                out.append(Finding("manual-check-stale", key, date=act.checked))
            if not act.is_eu:
                out.append(Finding("no-address", key))
    return out
