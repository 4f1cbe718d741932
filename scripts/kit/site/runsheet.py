"""The run-sheet page of a module: one A4 section per timed variant (time, block, method, goal,
materials, room), what to prepare, and the print plan of the handouts.

The PDF run sheets are cut from this page (one section each), so web print and PDF agree.
"""
from __future__ import annotations

import html
from pathlib import Path

from kit.model import schema
from kit.model.agenda import hours_minutes
from kit.model.modules import Handout, Module
from kit.model.printplan import DEFAULT, GroupSize, copies, handouts_for, things_for
from kit.model.variants import Variant
from kit.site.timetable import at, block_field, block_title, module_title, span, start_control

T = {
    "pl": {"title": "Karta przebiegu: {title}", "suffix": "karta przebiegu",
           "intro": "Każda część modułu mieści się na jednej stronie A4: wydrukuj tę stronę albo pobierz plik PDF "
                    "wybranej części. Notatki do bloków są w [widoku dla trenera](trener.md).",
           "caption": "Karta przebiegu – {variant}: {title} ({start}–{end}, razem {total})",
           "time": "Godziny", "block": "Blok", "method": "Metoda", "goal": "Cel", "materials": "Materiały",
           "room": "Sala", "prepare": "Przygotuj", "handouts": "Karty pracy", "blocks": ("blok", "bloki"),
           "copies_line": "{title} – {who}, {copies} egz. po {sheets} str.", "none": "–",
           "plan": "Plan druku", "plan_intro": "Ile kart pracy wydrukować. Liczby policzono dla "
           "{people} osób na sali, grup roboczych po {group} osoby i zespołów JST po {team} osoby. Wpisz "
           "liczby ze swojej listy obecności, a tabela przeliczy się sama.",
           "defaults": "Domyślne liczby pochodzą z koncepcji programu: zespół JST liczy 2–4 osoby, grupa robocza "
                       "3–5 osób.",
           "participants": "Liczba osób na sali", "group": "Osób w grupie roboczej", "team": "Osób w zespole JST",
           "plan_caption": "Plan druku kart pracy", "h_handout": "Karta pracy", "h_sheets": "Stron A4",
           "h_who": "Kto dostaje", "h_copies": "Egzemplarzy", "h_pages": "Stron do wydruku",
           "h_parts": "Części modułu"},
    "en": {"title": "Run sheet: {title}", "suffix": "run sheet",
           "intro": "Each part of the module fits on one A4 page: print this page or download the PDF of the "
                    "part you run. Notes for each block are in the [trainer view](trener.md).",
           "caption": "Run sheet – {variant}: {title} ({start}–{end}, {total} in total)",
           "time": "Time", "block": "Block", "method": "Method", "goal": "Goal", "materials": "Materials",
           "room": "Room", "prepare": "Prepare", "handouts": "Handouts", "blocks": ("block", "blocks"),
           "copies_line": "{title} – {who}, {copies} copies of {sheets} p.", "none": "–",
           "plan": "Print plan", "plan_intro": "How many handouts to print. The numbers are for {people} "
           "participants, working groups of {group} and JST teams of {team}. Enter the numbers from your "
           "attendance list and the table is recalculated.",
           "defaults": "The default numbers come from the programme concept: a JST team has 2–4 people, a "
                       "working group 3–5.",
           "participants": "Participants in the room", "group": "People per working group",
           "team": "People per JST team", "plan_caption": "Print plan of the handouts", "h_handout": "Handout",
           "h_sheets": "A4 pages", "h_who": "Who gets one", "h_copies": "Copies", "h_pages": "Pages to print",
           "h_parts": "Parts of the module"},
}


def section_id(v: Variant) -> str:
    return f"przebieg-{v.key}"


def _cell(text: str) -> str:
    return html.escape(text).replace("|", "&#124;")


def _handout_label(h: Handout) -> str:
    return h.title.split(":")[0].strip()


def runsheet_section(m: Module, v: Variant, lang: str, start: str, size: GroupSize = DEFAULT) -> str:
    """One variant on one page: the table, then what to prepare and which handouts to print."""
    t = T[lang]
    heads = [t["time"], t["block"], t["method"], t["goal"], t["materials"], t["room"]]
    rows = [f'<div class="kit-runsheet" id="{section_id(v)}" markdown>', "",
            f"## {v.label(lang)} ({hours_minutes(v.minutes, lang)}) {{#{section_id(v)}-h}}", "",
            "Tabela: " + t["caption"].format(variant=v.label(lang), title=module_title(m, lang), start=at(0, start),
                                             end=at(v.minutes, start), total=hours_minutes(v.minutes, lang)),
            "", "| " + " | ".join(heads) + " |", "|---|---|---|---|---|---|"]
    labels = {h.name: _handout_label(h) for h in m.handouts}
    elapsed = 0
    for n, b in enumerate(v.blocks, 1):
        things = list(block_field(m, b, "materials", lang)) + [labels[h] for h in b.handouts if h in labels]
        rows.append("| " + " | ".join([
            span(elapsed, b.minutes, start),
            f"{n}. {_cell(block_title(m, b, lang))} ({b.minutes} min)",
            schema.label(schema.METHODS, b.method, lang),
            _cell(block_field(m, b, "goal", lang)) or t["none"],
            _cell(", ".join(things)) or t["none"],
            _cell(block_field(m, b, "room", lang)) or t["none"]]) + " |")
        elapsed += b.minutes
    things = things_for(v, lambda b: block_field(m, b, "materials", lang))
    if things:
        rows += ["", f"**{t['prepare']}:** " + "; ".join(
            f"{_cell(item)} ({t['blocks'][len(blocks) > 1]} {', '.join(map(str, blocks))})" for item, blocks in things) + "."]
    used = handouts_for(m, v)
    if used:
        rows += ["", f"**{t['handouts']}:** " + "; ".join(
            t["copies_line"].format(title=_cell(_handout_label(h)), who=schema.label(schema.HANDOUT_COPIES,
                                    h.copies, lang), copies=copies(h.copies, size), sheets=h.sheets or 1)
            for h, _ in used).rstrip(".") + "."]
    return "\n".join(rows + ["", "</div>", ""])


def print_plan(m: Module, lang: str, size: GroupSize = DEFAULT) -> str:
    """Handouts with pages and copies; kit-agenda.js recalculates from the numbers entered."""
    t = T[lang]
    if not m.handouts:
        return ""
    show = lambda name, value: f'<span data-kit-show="{name}">{value}</span>'  # noqa: E731
    intro = t["plan_intro"].format(people=show("participants", size.participants), group=show("group", size.group),
                                   team=show("team", size.team))
    fields = "".join(
        f'<p><label for="kit-size-{name}">{t[name]}</label> <input type="number" id="kit-size-{name}" '
        f'data-kit-size="{name}" min="1" max="500" value="{value}"></p>'
        for name, value in (("participants", size.participants), ("group", size.group), ("team", size.team)))
    parts = {h.name: [] for h in m.handouts}
    for v in m.variants:
        for h, _ in handouts_for(m, v):
            parts[h.name].append(v.label(lang))
    heads = [t[k] for k in ("h_handout", "h_sheets", "h_who", "h_copies", "h_pages", "h_parts")]
    rows = [f"Tabela: {t['plan_caption']}", "", "| " + " | ".join(heads) + " |", "|---|---:|---|---:|---:|---|"]
    for h in m.handouts:
        sheets, n = h.sheets or 1, copies(h.copies, size)
        rows.append(f"| [{_cell(h.title)}](karty/{h.name}.md) | {sheets} | "
                    f"{schema.label(schema.HANDOUT_COPIES, h.copies, lang)} | "
                    f'<span data-kit-copies="{h.copies}" data-kit-sheets="{sheets}">{n}</span> | '
                    f"<span data-kit-pages>{n * sheets}</span> | {', '.join(parts[h.name]) or t['none']} |")
    return "\n".join([
        f"## {t['plan']}", "", f"<p>{intro}</p>", "", t["defaults"], "",
        f'<div class="kit-printplan" hidden>{fields}'
        '<p class="kit-clock__status" role="status" aria-live="polite"></p></div>', "",
        '<div class="kit-printplan-table" markdown>', "", *rows, "", "</div>", ""])


def runsheet_page(m: Module, lang: str, start: str, root: Path, size: GroupSize = DEFAULT) -> str:
    t = T[lang]
    title = t["title"].format(title=module_title(m, lang))
    src = (m.en.path if lang == "en" and m.en else m.path).resolve().relative_to(root).as_posix()
    front = f"---\ntitle: \"{title.replace(chr(34), chr(39))}\"\nkit_source: {src}\nkit_view: przebieg\n---\n"
    rows = [front, f"# {title}", "", t["intro"], "", start_control(start, lang)]
    rows += [runsheet_section(m, v, lang, start, size) for v in m.variants if v.timed]
    rows.append(print_plan(m, lang, size))
    return "\n".join(rows) + "\n"
