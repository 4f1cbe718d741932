"""A small client of the Sejm's ELI API (https://api.sejm.gov.pl/eli), standard library only.

`GET {api}/acts/{DU|MP}/{year}/{pos}` returns one act: `status` ("obowiązujący", "uchylony", …),
`inForce` (IN_FORCE / NOT_IN_FORCE / UNKNOWN), `repealDate`, `entryIntoForce` and `references`, a
mapping from a Polish relation name to entries `{"id": "DU/2025/1043", "art": …, "date": …}`. The
relations used here: "Inf. o tekście jednolitym" (consolidated texts of the act), "Akty zmieniające"
(amending acts; `date` is when the change takes effect), "Akty uchylające" and "Tekst jednolity dla
aktu" (on a consolidated text: the act it consolidates). An unknown act is HTTP 404.
"""
from __future__ import annotations

import json
import os
import re
import socket
import urllib.error
import urllib.request
from dataclasses import dataclass, field
from datetime import date

from kit.model.dates import parse_iso

DEFAULT_API = "https://api.sejm.gov.pl/eli"
ENV_API = "KIT_ELI_API"
CONSOLIDATED = "Inf. o tekście jednolitym"
AMENDING = "Akty zmieniające"
REPEALING = "Akty uchylające"
CONSOLIDATES = "Tekst jednolity dla aktu"
_ELI = re.compile(r"^(DU|MP)/(\d{4})/(\d+)$")
USER_AGENT = "jst-cyfryzacja-kit (kit prawo; +https://github.com/zestaw-jst/cyfrowa-edukacja-jst)"


class EliError(Exception):
    """One request failed; `message` is Polish and names the act and what to do."""

    code = "ELI"

    def __init__(self, eli: str, message: str):
        self.eli = eli
        self.message = message
        super().__init__(f"{eli}: {message}")


class NoNetwork(EliError):
    code = "brak-sieci"


class Timeout(EliError):
    code = "limit-czasu"


class HttpError(EliError):
    code = "blad-http"


class UnknownAct(EliError):
    code = "nieznany-akt"


class BadResponse(EliError):
    code = "zla-odpowiedz"


@dataclass(frozen=True)
class Amendment:
    eli: str
    effective: date | None   # when the change takes effect; None if the API gives no date


@dataclass
class ActRecord:
    """What the API says about one act, reduced to what the watch compares."""

    eli: str
    title: str
    status: str
    in_force: str             # IN_FORCE, NOT_IN_FORCE or UNKNOWN
    repeal_date: date | None
    consolidated: list[str] = field(default_factory=list)   # ELI ids, oldest first
    amendments: list[Amendment] = field(default_factory=list)
    consolidates: str | None = None   # on a consolidated text: the act it consolidates
    entry_into_force: date | None = None

    @property
    def repealed(self) -> bool:
        """Repealed or expired; NOT_IN_FORCE alone may also mean "not yet in force"."""
        return (self.status in REPEALED_STATUSES or self.status.startswith("nieobowiązujący")
                or (self.in_force == "NOT_IN_FORCE" and self.repeal_date is not None))

    @property
    def newest_consolidated(self) -> str | None:
        return self.consolidated[-1] if self.consolidated else None


REPEALED_STATUSES = {"uchylony", "uznany za uchylony", "wygaśnięcie aktu", "uchylony wykazem"}


def eli_key(eli: str) -> tuple[int, int]:
    """Sort key: year, then position in the journal."""
    m = _ELI.match(eli)
    return (int(m[2]), int(m[3])) if m else (0, 0)


def api_address(option: str | None = None) -> str:
    """--api beats KIT_ELI_API beats the Sejm's address (tests and mirrors point elsewhere)."""
    return (option or os.environ.get(ENV_API) or DEFAULT_API).rstrip("/")


class Client:
    def __init__(self, api: str | None = None, timeout: float = 15.0):
        self.api = api_address(api)
        self.timeout = timeout
        self._cache: dict[str, dict] = {}

    def get_json(self, eli: str) -> dict:
        """GET /acts/{eli}; every failure becomes an EliError with a Polish message."""
        if eli in self._cache:
            return self._cache[eli]
        if not _ELI.match(eli):
            raise UnknownAct(eli, "to nie jest identyfikator ELI Dziennika Ustaw ani Monitora Polskiego.")
        url = f"{self.api}/acts/{eli}"
        request = urllib.request.Request(url, headers={"Accept": "application/json", "User-Agent": USER_AGENT})
        try:
            with urllib.request.urlopen(request, timeout=self.timeout) as response:
                raw = response.read()
        except urllib.error.HTTPError as exc:
            if exc.code == 404:
                raise UnknownAct(eli, f"API nie zna takiego aktu (HTTP 404, {url}); sprawdź publikator "
                                 "w materials/legal.yml.") from None
            raise HttpError(eli, f"API odpowiedziało błędem HTTP {exc.code} ({url}); spróbuj później.") from None
        except (TimeoutError, socket.timeout):
            raise Timeout(eli, f"API nie odpowiedziało w {self.timeout:g} s ({url}); spróbuj później "
                          "albo zwiększ --timeout.") from None
        except urllib.error.URLError as exc:
            if isinstance(exc.reason, (TimeoutError, socket.timeout)):
                raise Timeout(eli, f"API nie odpowiedziało w {self.timeout:g} s ({url}); spróbuj później "
                              "albo zwiększ --timeout.") from None
            raise NoNetwork(eli, f"nie można połączyć się z {self.api} ({exc.reason}).") from None
        except (ConnectionError, OSError) as exc:
            raise NoNetwork(eli, f"nie można połączyć się z {self.api} ({exc}).") from None
        try:
            data = json.loads(raw.decode("utf-8"))
        except (UnicodeDecodeError, json.JSONDecodeError) as exc:
            raise BadResponse(eli, f"API zwróciło niepoprawny JSON ({url}: {exc}); spróbuj później.") from None
        if not isinstance(data, dict):
            raise BadResponse(eli, f"API zwróciło JSON innego kształtu niż opis aktu ({url}).")
        self._cache[eli] = data
        return data

    def act(self, eli: str) -> ActRecord:
        return parse_act(eli, self.get_json(eli))


def _refs(data: dict, name: str, eli: str) -> list[dict]:
    refs = data.get("references") or {}
    if not isinstance(refs, dict):
        raise BadResponse(eli, "pole „references” nie jest słownikiem relacji.")
    items = refs.get(name) or []
    if not isinstance(items, list) or not all(isinstance(i, dict) for i in items):
        raise BadResponse(eli, f"relacja „{name}” nie jest listą odwołań.")
    return items


def _ref_id(item: dict) -> str | None:
    """Act details give {"id": …}; the /references endpoint gives {"act": {"ELI": …}}: accept both."""
    ref = item.get("id") or (item.get("act") or {}).get("ELI")
    return ref if isinstance(ref, str) and _ELI.match(ref) else None


def parse_act(eli: str, data: dict) -> ActRecord:
    """The act details JSON reduced to an ActRecord; a shape we cannot read is a BadResponse."""
    for name in ("status", "title"):
        if not isinstance(data.get(name), str):
            raise BadResponse(eli, f"w odpowiedzi brakuje pola „{name}”.")
    consolidated = sorted({r for r in map(_ref_id, _refs(data, CONSOLIDATED, eli)) if r}, key=eli_key)
    amendments = {}
    for item in _refs(data, AMENDING, eli):
        ref = _ref_id(item)
        if ref:
            when = parse_iso(item.get("date")) if item.get("date") else None
            if ref not in amendments or (when and (amendments[ref] is None or when > amendments[ref])):
                amendments[ref] = when   # one act may change several provisions on several dates
    base = next((r for r in map(_ref_id, _refs(data, CONSOLIDATES, eli)) if r), None)
    repeal = parse_iso(data["repealDate"]) if data.get("repealDate") else None
    if repeal is None:
        dates = [parse_iso(i.get("date")) for i in _refs(data, REPEALING, eli) if i.get("date")]
        repeal = max((d for d in dates if d), default=None)
    return ActRecord(
        eli=eli, title=data["title"], status=data["status"], in_force=str(data.get("inForce") or "UNKNOWN"),
        repeal_date=repeal, consolidated=consolidated,
        amendments=sorted((Amendment(k, v) for k, v in amendments.items()), key=lambda a: eli_key(a.eli)),
        consolidates=base,
        entry_into_force=parse_iso(data["entryIntoForce"]) if data.get("entryIntoForce") else None)
