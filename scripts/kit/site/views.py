"""Module views as generated Markdown: the participant page and the trainer page."""
from __future__ import annotations

from kit.model import schema
from kit.model.agenda import hours_minutes, schedule
from kit.model.dates import human
from kit.model.modules import Module
from kit.site.markup import state_banner
from pathlib import Path
from kit.site.sanitize import md_text, yaml_text

L = {
    "pl": {
        "trainer_suffix": "widok dla trenera",
        "to_trainer": "Widok dla trenera: agenda z godzinami, notatki i odpowiedzi",
        "to_participant": "Widok dla uczestnika i uczestniczki (samodzielna nauka)",
        "duration": "Czas trwania", "format": "Forma", "audience": "Adresaci", "status": "Status",
        "prereq": "Wymagane moduły", "legal": "Podstawy prawne", "reviewed": "Ostatni przegląd",
        "next": "Następny przegląd", "none": "brak", "outcomes": "Efekty uczenia się",
        "overdue_title": "Termin przeglądu minął",
        "overdue": "Termin przeglądu tego modułu minął {date}. Treść może być nieaktualna – "
                   "sprawdź zmiany prawa w rejestrze podstaw prawnych przed szkoleniem.",
        "agenda": "Agenda", "agenda_caption": "Agenda modułu „{title}” (początek o {start}, razem {total})",
        "col_no": "Nr", "col_time": "Godziny", "col_minutes": "Czas", "col_total": "Narastająco",
        "col_block": "Blok", "col_method": "Metoda",
        "agenda_note": "Godzinę rozpoczęcia zmienisz w pliku mkdocs.yml (extra.kit.agenda_start).",
        "handouts": "Karty pracy do druku",
        "law_title": "Podstawa prawna zmieniła się po ostatnim przeglądzie",
        "law_intro": "Po ostatnim przeglądzie modułu ({date}) zmieniły się akty, na których się opiera. "
                     "Sprawdź treść przed szkoleniem:",
        "law_change": "{act} – zmiana {what} obowiązuje od {date}",
        "law_manual": "{act} – zmiana z {date}",
        "law_repealed": "{act} – akt uchylony",
        "law_more": "Wszystkie moduły i akty: [raport aktualności](../../zasoby/aktualnosc.md).",
        "since": "Co się zmieniło od wydania {edition}",
    },
    "en": {
        "trainer_suffix": "trainer view",
        "to_trainer": "Trainer view: timed agenda, notes and answers",
        "to_participant": "Participant view (self-study)",
        "duration": "Duration", "format": "Format", "audience": "Audience", "status": "Status",
        "prereq": "Prerequisites", "legal": "Legal bases", "reviewed": "Last reviewed",
        "next": "Next review", "none": "none", "outcomes": "Learning outcomes",
        "overdue_title": "Review date has passed",
        "overdue": "This module was due for review on {date}. Its content may be out of date – "
                   "check the legal bases before you use it in training.",
        "agenda": "Agenda", "agenda_caption": "Agenda of “{title}” (starting at {start}, {total} in total)",
        "col_no": "No.", "col_time": "Time", "col_minutes": "Duration", "col_total": "Running total",
        "col_block": "Block", "col_method": "Method",
        "agenda_note": "The start time is set in mkdocs.yml (extra.kit.agenda_start).",
        "handouts": "Printable handouts",
        "law_title": "The legal basis changed after the last review",
        "law_intro": "Acts this module relies on changed after its last review ({date}). Check the content "
                     "before you use it in training:",
        "law_change": "{act} – amendment {what} in force since {date}",
        "law_manual": "{act} – changed on {date}",
        "law_repealed": "{act} – repealed",
        "law_more": "All modules and acts: [freshness report](../../zasoby/aktualnosc.md).",
        "since": "What changed since edition {edition}",
    },
}


def _texts(m: Module, lang: str):
    if lang == "en" and m.en:
        return m.en.title, m.en.summary, m.en.outcomes, m.en.agenda_titles, m.en.body
    return m.title, m.summary, m.outcomes, [b.title for b in m.agenda], m.body


def module_url(m: Module) -> str:
    return f"moduly/{m.slug}/index.md"


def _front(title: str, source: str, view: str) -> str:
    return f"---\ntitle: {yaml_text(title)}\nkit_source: {source}\nkit_view: {view}\n---\n"


def law_notice(m: Module, law, lang: str, acts_short: dict[str, str]) -> list[str]:
    """The warning that a cited act changed (or was repealed) after the module's last review."""
    if not law:
        return []
    t = L[lang]
    def act(key: str) -> str:
        return f"[{md_text(acts_short.get(key, key))}](akt:{key})"
    items = [t["law_change"].format(act=act(c.key), what=md_text(c.citation), date=human(c.effective, lang))
             if c.citation else t["law_manual"].format(act=act(c.key), date=human(c.effective, lang))
             for c in law.changed]
    items += [t["law_repealed"].format(act=act(k)) for k in law.repealed]
    return ([f"!!! warning \"{t['law_title']}\"", "", "    " + t["law_intro"].format(date=human(m.reviewed, lang)), ""]
            + [f"    - {i}" for i in items] + ["", "    " + t["law_more"], ""])


def header(m: Module, modules: dict[str, Module], lang: str, view: str, law=None,
           acts_short: dict[str, str] | None = None, since: tuple[str, str] | None = None) -> str:
    """law: kit.law.compare.ModuleLaw; since: (older edition, link to its comparison page)."""
    t = L[lang]
    title, summary, outcomes, _, _ = _texts(m, lang)
    audience = ", ".join(schema.label(schema.AUDIENCES, a, lang) for a in m.audience)
    prereq = ", ".join(f"[{p.upper()} {md_text(_texts(modules[p], lang)[0])}](../{modules[p].slug}/index.md)"
                       for p in m.prerequisites if p in modules) or t["none"]
    legal = ", ".join(f"[[akt:{k}]]" for k in m.legal) or t["none"]
    switch = f"[{t['to_trainer']}](trener.md)" if view == "uczestnik" else \
        f"[{t['to_participant']}](index.md)"
    rows = [
        f"<p class=\"kit-summary\" markdown=\"span\">{md_text(summary)}</p>",
        "",
        "<div class=\"kit-meta\" markdown>",
        "",
        f"{t['duration']}\n:   {hours_minutes(m.duration, lang)}\n",
        f"{t['format']}\n:   {schema.label(schema.FORMATS, m.format, lang)}\n",
        f"{t['audience']}\n:   {audience}\n",
        f"{t['prereq']}\n:   {prereq}\n",
        f"{t['legal']}\n:   {legal}\n",
        f"{t['reviewed']}\n:   <time datetime=\"{m.reviewed.isoformat()}\">{human(m.reviewed, lang)}</time>\n",
        f"{t['next']}\n:   <time datetime=\"{m.review_by.isoformat()}\">{human(m.review_by, lang)}</time>\n",
        f"{t['status']}\n:   {schema.label(schema.STATUSES, m.status, lang)}\n",
        "",
        "</div>",
        "",
        f"<p class=\"kit-view-switch\" markdown=\"span\">{switch}</p>",
        "",
    ]
    if since:
        rows += [f"<p class=\"kit-since\" markdown=\"span\">[{t['since'].format(edition=md_text(since[0]))}]"
                 f"({since[1]})</p>", ""]
    if m.status != "published":
        rows += [state_banner(m.status, lang)]
    if m.overdue:
        rows += [f"!!! warning \"{t['overdue_title']}\"", "",
                 "    " + t["overdue"].format(date=human(m.review_by, lang)), ""]
    rows += law_notice(m, law, lang, acts_short or {})
    rows += [f"## {t['outcomes']}", ""]
    rows += [f"- {md_text(o)}" for o in outcomes]
    if m.handouts:
        rows += ["", f"**{t['handouts']}:** " + ", ".join(
            f"[{md_text(h.title)}](karty/{h.name}.md)" for h in m.handouts)]
    return "\n".join(rows) + "\n\n"


def participant_page(m: Module, modules: dict[str, Module], lang: str, root: Path, **notes) -> str:
    title, _, _, _, body = _texts(m, lang)
    src = (m.en.path if lang == "en" and m.en else m.path).resolve().relative_to(root).as_posix()
    return (_front(title, src, "uczestnik") + f"\n# {md_text(title)}\n\n" + header(m, modules, lang, "uczestnik", **notes)
            + body.strip() + "\n")  # trainer blocks are removed by the parser (kit.site.trainer_filter)


def agenda_table(m: Module, lang: str, start: str) -> str:
    t = L[lang]
    title, _, _, titles, _ = _texts(m, lang)
    rows = [f"Tabela: {t['agenda_caption'].format(title=md_text(title), start=start, total=hours_minutes(m.duration, lang))}",
            "",
            f"| {t['col_no']} | {t['col_time']} | {t['col_minutes']} | {t['col_total']} | "
            f"{t['col_block']} | {t['col_method']} |",
            "|---:|---|---:|---:|---|---|"]
    for slot, block_title in zip(schedule(m.agenda, start), titles):
        rows.append(f"| {slot.number} | {slot.start}–{slot.end} | {slot.block.minutes} min | "
                    f"{hours_minutes(slot.elapsed, lang)} | {md_text(block_title)} | "
                    f"{schema.label(schema.METHODS, slot.block.method, lang)} |")
    return "\n".join(rows) + "\n"


def trainer_page(m: Module, modules: dict[str, Module], lang: str, start: str, root: Path, **notes) -> str:
    t = L[lang]
    title, _, _, _, body = _texts(m, lang)
    src = (m.en.path if lang == "en" and m.en else m.path).resolve().relative_to(root).as_posix()
    full_title = f"{title} – {t['trainer_suffix']}"
    return (_front(full_title, src, "trener") + f"\n# {md_text(full_title)}\n\n" + header(m, modules, lang, "trener", **notes)
            + f"\n## {t['agenda']}\n\n" + agenda_table(m, lang, start) + f"\n{t['agenda_note']}\n\n"
            + body.strip() + "\n")

