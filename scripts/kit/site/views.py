"""Module views as generated Markdown: the participant page and the trainer page."""
from __future__ import annotations

from pathlib import Path

from kit.model import schema
from kit.model.agenda import hours_minutes
from kit.model.dates import human
from kit.model.modules import Module
from kit.site.markup import state_banner
from kit.model.reading import WORDS_PER_MINUTE, minutes
from kit.site import quiz
from kit.site.sanitize import md_text, yaml_text
from kit.site.timetable import start_control, variant_table

L = {
    "pl": {
        "trainer_suffix": "widok dla trenera",
        "to_trainer": "Widok dla trenera: agenda z godzinami, notatki i odpowiedzi",
        "to_participant": "Widok dla uczestnika i uczestniczki (samodzielna nauka)",
        "duration": "Czas warsztatu", "reading": "Czas czytania",
        "reading_value": "{time} (przy {wpm} słowach na minutę)", "format": "Forma", "audience": "Adresaci", "status": "Status",
        "prereq": "Wymagane moduły", "legal": "Podstawy prawne", "reviewed": "Ostatni przegląd",
        "next": "Następny przegląd", "none": "brak", "outcomes": "Efekty uczenia się",
        "overdue_title": "Termin przeglądu minął",
        "overdue": "Termin przeglądu tego modułu minął {date}. Treść może być nieaktualna – "
                   "sprawdź zmiany prawa w rejestrze podstaw prawnych przed szkoleniem.",
        "agenda": "Agenda",
        "agenda_intro": "Moduł można poprowadzić jako pełny warsztat albo w częściach, które przewiduje program "
                        "szkolenia: na zjeździe i w e-learningu. Każda część ma własną agendę. Bloki skrócone "
                        "w danej części mają przy czasie dopisek.",
        "runsheet": "Karta przebiegu na jedną stronę, lista rzeczy do przygotowania i plan druku",
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
        "duration": "Workshop duration", "reading": "Reading time",
        "reading_value": "{time} (at {wpm} words a minute)", "format": "Format", "audience": "Audience", "status": "Status",
        "prereq": "Prerequisites", "legal": "Legal bases", "reviewed": "Last reviewed",
        "next": "Next review", "none": "none", "outcomes": "Learning outcomes",
        "overdue_title": "Review date has passed",
        "overdue": "This module was due for review on {date}. Its content may be out of date – "
                   "check the legal bases before you use it in training.",
        "agenda": "Agenda",
        "agenda_intro": "The module can be run as a full workshop or in the parts the training programme "
                        "gives it: at a meeting and as e-learning. Each part has its own agenda. Blocks that a "
                        "part shortens say so next to their duration.",
        "runsheet": "One-page run sheet, what to prepare and print plan",
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


def _front(title: str, source: str, view: str, module_id: str) -> str:
    # Trainer pages rank below participant pages in search (Material's search.boost).
    boost = "search:\n  boost: 0.5\n" if view == "trener" else ""
    return f"---\ntitle: {yaml_text(title)}\nkit_source: {source}\nkit_view: {view}\nkit_module: {module_id}\n{boost}---\n"


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
    title, summary, outcomes, _, body = _texts(m, lang)
    reading = minutes(body, "en" if lang == "en" and m.en else "pl")
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
        *([f"{t['reading']}\n:   " + t["reading_value"].format(time=hours_minutes(reading, lang),
                                                             wpm=WORDS_PER_MINUTE[lang]) + "\n"]
          if view == "uczestnik" else []),
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
            f"[{pl_title(md_text(h.title), lang)}](karty/{h.name}.md)" for h in m.handouts)]
    return "\n".join(rows) + "\n\n"


def done_box(m: Module, lang: str) -> str:
    """Placeholder for "Mark as completed"; kit-selfstudy.js fills it (progress is browser-only)."""
    return f'\n<div class="kit-done" data-kit-done="{m.id}" hidden></div>\n'


def pl_title(title: str, lang: str) -> str:
    """A handout's title comes from its Polish source: marked as Polish on English pages (WCAG 3.1.2)."""
    return f'<span lang="pl">{title}</span>' if lang != "pl" else title


def participant_page(m: Module, modules: dict[str, Module], lang: str, root: Path, **notes) -> str:
    title, _, _, _, body = _texts(m, lang)
    src = (m.en.path if lang == "en" and m.en else m.path).resolve().relative_to(root).as_posix()
    # trainer blocks are removed by the parser (kit.site.trainer_filter)
    text = quiz.render(body.strip(), m.id, lang, interactive=True)
    return (_front(title, src, "uczestnik", m.id) + f"\n# {md_text(title)}\n\n"
            + header(m, modules, lang, "uczestnik", **notes) + text + "\n" + done_box(m, lang))


def agenda_section(m: Module, lang: str, start: str) -> str:
    """Every variant of the module with clock times, under one start-time control."""
    t = L[lang]
    rows = [f"## {t['agenda']}", "", t["agenda_intro"], "", f"[{t['runsheet']}](przebieg.md)", "",
            start_control(start, lang)]
    for v in m.variants:
        rows += [f"### {v.label(lang)} ({hours_minutes(v.minutes, lang)}) {{#{v.key}}}", "",
                 variant_table(m, v, lang, start)]
    return "\n".join(rows) + "\n"


def trainer_page(m: Module, modules: dict[str, Module], lang: str, start: str, root: Path, **notes) -> str:
    t = L[lang]
    title, _, _, _, body = _texts(m, lang)
    src = (m.en.path if lang == "en" and m.en else m.path).resolve().relative_to(root).as_posix()
    full_title = f"{title} – {t['trainer_suffix']}"
    return (_front(full_title, src, "trener", m.id) + f"\n# {md_text(full_title)}\n\n"
            + header(m, modules, lang, "trener", **notes) + "\n" + agenda_section(m, lang, start) + "\n"
            + quiz.render(body.strip(), m.id, lang, interactive=False) + "\n")

