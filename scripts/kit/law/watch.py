"""Ask the ELI API about every registry act that has a Dziennik Ustaw or Monitor Polski address."""
from __future__ import annotations

from dataclasses import dataclass, field
from datetime import date

from kit.law.eli import Client, EliError, NoNetwork
from kit.model.law_state import ActState, Change
from kit.model.legal import Act, citation_of, eli_id


@dataclass
class ActError:
    key: str
    eli: str
    code: str
    message: str


@dataclass
class WatchRun:
    api: str
    checked_on: date
    states: dict[str, ActState] = field(default_factory=dict)
    errors: list[ActError] = field(default_factory=list)


def watched(act: Act) -> str | None:
    """The ELI the watch starts from: the original publication, else the consolidated text."""
    return act.eli or eli_id(act.consolidated)


def check_act(client: Client, act: Act, today: date) -> ActState:
    start = watched(act)
    record = client.act(start)
    derived = None
    if act.eli is None and record.consolidates:   # only a consolidated text is known: go to the act
        derived = start
        record = client.act(record.consolidates)
    changes = []
    for a in record.amendments:
        effective = a.effective
        if effective is None:  # the relation has no date: the amending act's own entry into force
            effective = client.act(a.eli).entry_into_force
        changes.append(Change(citation_of(a.eli), a.eli, effective))
    newest = record.newest_consolidated
    return ActState(key=act.key, eli=record.eli, status=record.status, in_force=record.in_force,
                    repealed=record.repealed, checked=today, repeal_date=record.repeal_date,
                    consolidated=citation_of(newest) if newest else None, changes=changes,
                    derived_from=citation_of(derived) if derived else None)


def run(acts: dict[str, Act], client: Client, today: date, only: list[str] | None = None) -> WatchRun:
    """Check each act; a failure of one act is recorded and the others go on. No network at all
    (the first failure is a connection failure) raises NoNetwork, so the caller says so once."""
    result = WatchRun(client.api, today)
    for key, act in acts.items():
        if only and key not in only:
            continue
        start = watched(act)
        if start is None:
            continue
        try:
            result.states[key] = check_act(client, act, today)
        except NoNetwork:
            if not result.states and not result.errors:
                raise
            result.errors.append(ActError(key, start, NoNetwork.code, "połączenie przerwane w trakcie sprawdzania."))
        except EliError as exc:
            result.errors.append(ActError(key, exc.eli, exc.code, exc.message))
    return result
