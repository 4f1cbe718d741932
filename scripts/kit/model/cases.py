"""The fictional example JST (materials/przykladowe-jst.yml): load and check the one source of case facts."""
from __future__ import annotations

from dataclasses import dataclass
from pathlib import Path
from typing import Any

from kit.model.dates import parse_iso
from kit.model.errors import Problem, raise_if
from kit.model.frontmatter import Source, load_yaml_file

LANGS = ("pl", "en")
KINDS = ("produkt", "rezultat", "oddziaływanie")   # the EU-funds indicator terms used in m03
TOP_TEXTS = ("title", "summary", "notice", "intro", "usage")
JST_TEXTS = ("name", "kind", "description")
JST_LISTS = ("institutions", "people", "problems")


@dataclass
class Cases:
    """The checked data; `data` keeps the YAML shape, the renderer reads it as is."""

    path: Path
    data: dict


class _Checker:
    def __init__(self, src: Source):
        self.src = src
        self.problems: list[Problem] = []

    def add(self, key: tuple, code: str, message: str, fix: str) -> None:
        field = ".".join(str(k) for k in key)
        self.problems.append(Problem(self.src.path, self.src.line(*key), code, field, message, fix))

    def text(self, value: Any, key: tuple) -> None:
        """A text field: a mapping with a non-empty pl and en string."""
        if not isinstance(value, dict):
            self.add(key, "C002", f"oczekiwano tekstu w dwóch językach, znaleziono {_shown(value)}.",
                     "zapisz pole jako {pl: \"…\", en: \"…\"}.")
            return
        for lang in LANGS:
            if not isinstance(value.get(lang), str) or not value[lang].strip():
                self.add(key + (lang,), "C002", f"brak tekstu w języku {lang}.",
                         f"dodaj „{lang}: …” z treścią w tym języku.")

    def count(self, value: Any, key: tuple) -> None:
        if value is not None and (isinstance(value, bool) or not isinstance(value, int) or value < 0):
            self.add(key, "C006", f"oczekiwano liczby całkowitej ≥ 0 albo null, znaleziono {_shown(value)}.",
                     "wpisz samą liczbę, np. 60, albo null, gdy danych brak.")

    def owner(self, value: Any, key: tuple, people: set[str]) -> None:
        """An owner is a person from `people` (plain string) or a described role (pl/en text)."""
        if isinstance(value, str):
            if value not in people:
                self.add(key, "C005", f"osoba „{value}” nie występuje w liście people tej JST.",
                         "dodaj ją do people albo opisz rolę jako {pl: \"…\", en: \"…\"}.")
        else:
            self.text(value, key)


def _shown(value: Any) -> str:
    return "nic" if value is None else f"„{value}”"


def load_cases(path: Path) -> Cases | None:
    """Load and check the case file; None when the project has none."""
    if not path.exists():
        return None
    src = load_yaml_file(path)
    c = _Checker(src)
    data = src.data
    if not isinstance(data, dict):
        raise_if([Problem(path, 1, "C001", "", "plik musi być słownikiem pól (title, summary, …, jst).",
                          "zacznij od „title:” i zachowaj układ z szablonu pliku.")])
    for name in TOP_TEXTS:
        c.text(data.get(name), (name,))
    jst = data.get("jst")
    if not isinstance(jst, list) or not jst:
        c.add(("jst",), "C001", "brak listy jst z opisami samorządów.", "dodaj „jst:” z wpisami „- id: …”.")
        jst = []
    ids: dict[str, int] = {}
    for i, entry in enumerate(jst):
        _check_jst(c, entry, ("jst", i), ids)
    raise_if(c.problems)
    return Cases(path, data)


def _check_jst(c: _Checker, entry: Any, key: tuple, ids: dict[str, int]) -> None:
    if not isinstance(entry, dict):
        c.add(key, "C003", "wpis JST musi być słownikiem pól.", "zacznij wpis od „- id: …”.")
        return
    missing = [f for f in ("id",) + JST_TEXTS + JST_LISTS + ("team", "hdr") if f not in entry]
    if missing:
        c.add(key, "C003", f"brak pól: {', '.join(missing)}.", "dodaj brakujące pola do tego wpisu JST.")
    jid = str(entry.get("id", ""))
    if jid in ids:
        c.add(key + ("id",), "C004", f"id „{jid}” powtarza się (pierwszy raz w linii {ids[jid]}).",
              "nadaj każdej JST inne id.")
    ids.setdefault(jid, c.src.line(*key, "id"))
    for name in JST_TEXTS:
        if name in entry:
            c.text(entry[name], key + (name,))
    c.count(entry.get("inhabitants"), key + ("inhabitants",))
    for j, inst in enumerate(entry.get("institutions") or []):
        k = key + ("institutions", j)
        if not isinstance(inst, dict):
            c.add(k, "C003", "placówka musi być słownikiem pól.", "zacznij wpis od „- name: …”.")
            continue
        for name in ("name", "kind"):
            c.text(inst.get(name), k + (name,))
        for name in ("place", "internet"):
            if name in inst:
                c.text(inst[name], k + (name,))
        c.count(inst.get("pupils"), k + ("pupils",))
        c.count(inst.get("without_device"), k + ("without_device",))
        if "link_ok" in inst and not isinstance(inst["link_ok"], bool):
            c.add(k + ("link_ok",), "C009", f"oczekiwano true albo false, znaleziono {_shown(inst['link_ok'])}.",
                  "wpisz true (łącze wystarcza na lekcję z filmem w każdej sali) albo false.")
    people: set[str] = set()
    for j, person in enumerate(entry.get("people") or []):
        k = key + ("people", j)
        name = person.get("name") if isinstance(person, dict) else None
        if not isinstance(name, str) or not name.strip():
            c.add(k, "C003", "osoba musi mieć pole name.", "dodaj „name: Imię Nazwisko”.")
            continue
        if name in people:
            c.add(k + ("name",), "C010", f"osoba „{name}” powtarza się.", "usuń lub scal wpisy.")
        people.add(name)
        for field in ("role", "tasks"):
            c.text(person.get(field), k + (field,))
    for j, item in enumerate(entry.get("problems") or []):
        c.text(item, key + ("problems", j))
    for j, item in enumerate(entry.get("baselines") or []):
        c.text(item, key + ("baselines", j))
    team = entry.get("team")
    if isinstance(team, dict):
        c.owner(team.get("leader"), key + ("team", "leader"), people)
        for j, member in enumerate(team.get("members") or []):
            c.owner(member, key + ("team", "members", j), people)
        if "note" in team:
            c.text(team["note"], key + ("team", "note"))
    elif "team" in entry:
        c.add(key + ("team",), "C003", "team musi mieć pola leader i members.", "popraw układ pola team.")
    _check_hdr(c, entry.get("hdr"), key + ("hdr",), people)
    for j, event in enumerate(entry.get("timeline") or []):
        for name in ("when", "what"):
            c.text((event or {}).get(name), key + ("timeline", j, name))
    monitoring = entry.get("monitoring")
    if isinstance(monitoring, dict):
        c.text(monitoring.get("as_of"), key + ("monitoring", "as_of"))
        for j, item in enumerate(monitoring.get("items") or []):
            c.text(item, key + ("monitoring", "items", j))


def _check_hdr(c: _Checker, hdr: Any, key: tuple, people: set[str]) -> None:
    if not isinstance(hdr, dict):
        return
    for name in ("adopted", "period", "lead_area"):
        c.text(hdr.get(name), key + (name,))
    priorities = hdr.get("priorities")
    if not isinstance(priorities, list) or not priorities:
        c.add(key + ("priorities",), "C003", "HDR nie ma listy priorytetów.", "dodaj „priorities:” z wpisami.")
        return
    for i, prio in enumerate(priorities):
        k = key + ("priorities", i)
        for name in ("title", "area", "why"):
            c.text((prio or {}).get(name), k + (name,))
        for j, target in enumerate((prio or {}).get("targets") or []):
            t = k + ("targets", j)
            for name in ("indicator", "baseline", "target", "source"):
                c.text(target.get(name), t + (name,))
            if target.get("kind") not in KINDS:
                c.add(t + ("kind",), "C008", f"rodzaj wskaźnika {_shown(target.get('kind'))} jest nieznany.",
                      f"wpisz jeden z: {', '.join(KINDS)}.")
            if parse_iso(target.get("due")) is None:
                c.add(t + ("due",), "C007", f"termin {_shown(target.get('due'))} nie jest prawdziwą datą.",
                      "zapisz datę jako RRRR-MM-DD, np. 2027-12-31.")
            c.owner(target.get("owner"), t + ("owner",), people)
        for j, action in enumerate((prio or {}).get("actions") or []):
            c.text(action, k + ("actions", j))


def link_summary(entry: dict) -> tuple[int, int] | None:
    """(schools whose link suffices, schools measured), from the institutions' link_ok flags."""
    measured = [i for i in entry.get("institutions", []) if "link_ok" in i]
    if not measured:
        return None
    return sum(bool(i["link_ok"]) for i in measured), len(measured)


def device_summary(entry: dict) -> tuple[int, int, list[dict]] | None:
    """(pupils without a device, schools that reported, schools with no data yet)."""
    asked = [i for i in entry.get("institutions", []) if "without_device" in i]
    if not asked:
        return None
    known = [i for i in asked if i["without_device"] is not None]
    return sum(i["without_device"] for i in known), len(known), [i for i in asked if i["without_device"] is None]
