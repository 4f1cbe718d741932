"""The "Przykładowe JST" page, rendered from materials/przykladowe-jst.yml in one language."""
from __future__ import annotations

from kit.model.cases import Cases, device_summary, link_summary
from kit.model.dates import human, parse_iso

SOURCE = "materials/przykladowe-jst.yml"
PAGE = "przykladowe-jst"   # docs-relative path without ".md"; modules link to ../../przykladowe-jst.md

# Fixed words of the page, per language.
WORDS = {
    "pl": {
        "notice": "To są fikcyjne samorządy", "why": "Po co nam przykładowe JST", "how": "Jak korzystać z przykładów",
        "inhabitants": "Ma około {n} mieszkańców.", "institutions": "Szkoły i placówki – {name} (dane fikcyjne)",
        "col_name": "Placówka", "col_kind": "Typ", "col_place": "Położenie", "col_pupils": "Liczba uczniów (w przybliżeniu)",
        "col_internet": "Internet i sprzęt", "col_device": "Uczniowie bez sprzętu w domu",
        "none": "nie dotyczy", "no_data": "brak danych",
        "people": "Kto jest kim", "people_cap": "Osoby, które pojawiają się w przykładach – {name} (postacie fikcyjne)",
        "col_person": "Osoba", "col_role": "Funkcja", "col_tasks": "Zadania w przykładach",
        "team": "Zespół w programie", "team_line": "Zespołem kieruje {leader}. W zespole są też {members}.",
        "problems": "Typowe problemy", "baselines": "Stan wyjściowy (diagnoza)",
        "link": "Łącze wystarcza na lekcję z filmem w każdej sali w {ok} z {n} szkół.",
        "devices": "Uczniowie bez sprzętu do nauki w domu: {total} w {known} szkołach, które przekazały dane",
        "devices_missing": " ({names} – brak danych)",
        "hdr": "Harmonogram działań rozwojowych (HDR)", "adopted": "Przyjęcie", "period": "Okres",
        "priority": "Priorytet {n}: {title}", "area": "Obszar programu: {area}.",
        "targets_cap": "Wskaźniki priorytetu {n} – {name} (dane fikcyjne)",
        "col_indicator": "Wskaźnik", "col_type": "Rodzaj", "col_base": "Wartość bazowa", "col_target": "Wartość docelowa",
        "col_due": "Termin", "col_owner": "Odpowiada", "col_source": "Źródło danych",
        "actions": "Działania:", "timeline": "Przebieg udziału w programie",
        "timeline_cap": "Udział w programie – {name} (daty fikcyjne)", "col_when": "Kiedy", "col_what": "Co",
        "monitoring": "Stan realizacji HDR", "as_of": "Stan na {when}.",
        "kinds": {"produkt": "produkt", "rezultat": "rezultat", "oddziaływanie": "oddziaływanie"},
        "and": " i ",
    },
    "en": {
        "notice": "These local governments are fictional", "why": "Why we use example local governments",
        "how": "How to use the examples",
        "inhabitants": "It has about {n} inhabitants.", "institutions": "Schools and institutions – {name} (fictional data)",
        "col_name": "Institution", "col_kind": "Type", "col_place": "Location", "col_pupils": "Pupils (approx.)",
        "col_internet": "Internet and equipment", "col_device": "Pupils without a device at home",
        "none": "not applicable", "no_data": "no data",
        "people": "Who is who", "people_cap": "People who appear in the examples – {name} (fictional characters)",
        "col_person": "Person", "col_role": "Position", "col_tasks": "Tasks in the examples",
        "team": "The team in the programme", "team_line": "{leader} leads the team. The other members are {members}.",
        "problems": "Typical problems", "baselines": "Starting point (diagnosis)",
        "link": "The connection is enough for a video lesson in every room in {ok} of {n} schools.",
        "devices": "Pupils without a device for learning at home: {total} in the {known} schools that reported",
        "devices_missing": " ({names} – no data)",
        "hdr": "Development action schedule (HDR)", "adopted": "Adopted", "period": "Period",
        "priority": "Priority {n}: {title}", "area": "Programme area: {area}.",
        "targets_cap": "Indicators of priority {n} – {name} (fictional data)",
        "col_indicator": "Indicator", "col_type": "Type", "col_base": "Baseline", "col_target": "Target",
        "col_due": "Due", "col_owner": "Responsible", "col_source": "Data source",
        "actions": "Actions:", "timeline": "Course of the programme",
        "timeline_cap": "Taking part in the programme – {name} (fictional dates)", "col_when": "When", "col_what": "What",
        "monitoring": "Progress of the HDR", "as_of": "State at {when}.",
        "kinds": {"produkt": "output", "rezultat": "result", "oddziaływanie": "impact"},
        "and": " and ",
    },
}


def _t(value, lang: str) -> str:
    """Text of a bilingual field; plain strings (person names) pass through."""
    return value[lang].strip() if isinstance(value, dict) else str(value)


def _cell(text: str) -> str:
    return text.replace("|", "\\|").replace("\n", " ")


def _number(n: int, lang: str) -> str:
    """Thousands with a non-breaking space in Polish (14 000), a comma in English (14,000)."""
    return f"{n:,}".replace(",", "\u00a0" if lang == "pl" else ",")


def _join(names: list[str], w: dict) -> str:
    return names[0] if len(names) == 1 else ", ".join(names[:-1]) + w["and"] + names[-1]


def _table(caption: str, head: list[str], rows: list[list[str]]) -> list[str]:
    out = [caption, "",
           "| " + " | ".join(head) + " |", "|" + "---|" * len(head)]
    out += ["| " + " | ".join(_cell(c) for c in row) + " |" for row in rows]
    return out + [""]


def render(cases: Cases, lang: str) -> str:
    """The whole page in Markdown, front matter included."""
    w = WORDS[lang]
    d = cases.data
    title = _t(d["title"], lang)
    summary = _t(d["summary"], lang).replace('"', '\\"')
    out = ["---", f'title: "{title}"', f'summary: "{summary}"', f"kit_source: {SOURCE}", "---", "",
           f"# {title}", "", f'!!! note "{w["notice"]}"']
    out += ["    " + line for line in _t(d["notice"], lang).splitlines()] + [""]
    out += [f"## {w['why']}", "", _t(d["intro"], lang), ""]
    for entry in d["jst"]:
        out += _jst(entry, lang, w)
    out += [f"## {w['how']}", "", _t(d["usage"], lang), ""]
    return "\n".join(out).rstrip() + "\n"


def _caption(text: str, lang: str) -> str:
    """The caption line that precedes every table (the source lint asks for one)."""
    return ("Tabela: " if lang == "pl" else "Table: ") + text


def _jst(e: dict, lang: str, w: dict) -> list[str]:
    name = _t(e["name"], lang)
    intro = f"{name} {'is' if lang == 'en' else 'to'} {_t(e['kind'], lang)}."
    if e.get("inhabitants"):
        intro += " " + w["inhabitants"].format(n=_number(e["inhabitants"], lang))
    out = [f"## {name}", "", intro + " " + _t(e["description"], lang), ""]
    out += _institutions(e, lang, w, name)
    out += [f"### {w['people']}", ""]
    out += _table(_caption(w["people_cap"].format(name=name), lang),
                  [w["col_person"], w["col_role"], w["col_tasks"]],
                  [[p["name"], _t(p["role"], lang), _t(p["tasks"], lang)] for p in e["people"]])
    team = e["team"]
    members = [_t(m, lang) for m in team.get("members") or []]
    out += [f"### {w['team']}", "", w["team_line"].format(leader=_t(team["leader"], lang),
                                                          members=_join(members, w))]
    if team.get("note"):
        out += ["", _t(team["note"], lang)]
    out += ["", f"### {w['problems']}", ""] + [f"- {_t(p, lang)}" for p in e["problems"]] + [""]
    out += [f"### {w['baselines']}", ""] + [f"- {line}" for line in _baselines(e, lang, w)] + [""]
    out += _hdr(e, lang, w, name)
    if e.get("timeline"):
        out += [f"### {w['timeline']}", ""]
        out += _table(_caption(w["timeline_cap"].format(name=name), lang), [w["col_when"], w["col_what"]],
                      [[_t(ev["when"], lang), _t(ev["what"], lang)] for ev in e["timeline"]])
    if e.get("monitoring"):
        m = e["monitoring"]
        out += [f"### {w['monitoring']}", "", w["as_of"].format(when=_t(m["as_of"], lang)), ""]
        out += [f"- {_t(item, lang)}" for item in m["items"]] + [""]
    return out


def _institutions(e: dict, lang: str, w: dict, name: str) -> list[str]:
    insts = e["institutions"]
    has_place = any("place" in i for i in insts)
    has_device = any("without_device" in i for i in insts)
    head = [w["col_name"], w["col_kind"]] + ([w["col_place"]] if has_place else []) + [w["col_pupils"], w["col_internet"]]
    head += [w["col_device"]] if has_device else []
    rows = []
    for i in insts:
        row = [_t(i["name"], lang), _t(i["kind"], lang)]
        row += [_t(i["place"], lang) if "place" in i else "–"] if has_place else []
        row += [_number(i["pupils"], lang) if i.get("pupils") is not None else w["none"],
                _t(i["internet"], lang) if "internet" in i else "–"]
        if has_device:
            dev = i.get("without_device", "–")
            row.append(w["no_data"] if dev is None else (str(dev) if dev != "–" else w["none"]))
        rows.append(row)
    return _table(_caption(w["institutions"].format(name=name), lang), head, rows)


def _baselines(e: dict, lang: str, w: dict) -> list[str]:
    lines = []
    link = link_summary(e)
    if link:
        lines.append(w["link"].format(ok=link[0], n=link[1]))
    devices = device_summary(e)
    if devices:
        total, known, missing = devices
        line = w["devices"].format(total=total, known=known)
        if missing:
            line += w["devices_missing"].format(names=", ".join(_t(i["name"], lang) for i in missing))
        lines.append(line + ".")
    return lines + [_t(b, lang) for b in e.get("baselines") or []]


def _hdr(e: dict, lang: str, w: dict, name: str) -> list[str]:
    hdr = e["hdr"]
    out = [f"### {w['hdr']}", "", f"- {w['adopted']}: {_t(hdr['adopted'], lang)}",
           f"- {w['period']}: {_t(hdr['period'], lang)}", "", _t(hdr["lead_area"], lang), ""]
    for n, prio in enumerate(hdr["priorities"], 1):
        out += [f"#### {w['priority'].format(n=n, title=_t(prio['title'], lang))}", "",
                w["area"].format(area=_t(prio["area"], lang)) + " " + _t(prio["why"], lang), ""]
        rows = []
        for t in prio.get("targets") or []:
            rows.append([_t(t["indicator"], lang), w["kinds"][t["kind"]], _t(t["baseline"], lang),
                         _t(t["target"], lang), human(parse_iso(t["due"]), lang), _t(t["owner"], lang),
                         _t(t["source"], lang)])
        if rows:
            out += _table(_caption(w["targets_cap"].format(n=n, name=name), lang),
                          [w["col_indicator"], w["col_type"], w["col_base"], w["col_target"], w["col_due"],
                           w["col_owner"], w["col_source"]], rows)
        if prio.get("actions"):
            out += [w["actions"], ""] + [f"- {_t(a, lang)}" for a in prio["actions"]] + [""]
    return out
