"""Timed agenda tables for the trainer page and the run sheet, with the start-time control.

Clock times are rendered for the default start, so the page is right without JavaScript; each time
carries its offset in minutes (`data-kit-at`) and kit-agenda.js recalculates them when the trainer
picks another start on the page.
"""
from __future__ import annotations

import html

from kit.model import schema
from kit.model.agenda import AgendaBlock, clock, hours_minutes, parse_clock
from kit.model.modules import Module
from kit.model.variants import Variant

T = {
    "pl": {"start": "Godzina rozpoczęcia", "start_help": "Zmień godzinę, a wszystkie godziny na tej stronie "
           "przeliczą się same.", "caption": "{variant}: {title} (początek o {start}, razem {total})",
           "caption_e": "{variant}: {title} (razem {total}, we własnym tempie)",
           "no": "Nr", "time": "Godziny", "minutes": "Czas", "total": "Narastająco", "block": "Blok",
           "method": "Metoda", "shortened": "skrócony z {full} min", "lengthened": "w pełnym warsztacie {full} min"},
    "en": {"start": "Start time", "start_help": "Change the time and every time on this page is recalculated.",
           "caption": "{variant}: {title} (starting at {start}, {total} in total)",
           "caption_e": "{variant}: {title} ({total} in total, self-paced)",
           "no": "No.", "time": "Time", "minutes": "Duration", "total": "Running total", "block": "Block",
           "method": "Method", "shortened": "shortened from {full} min", "lengthened": "{full} min in the full workshop"},
}


def at(offset: int, start: str) -> str:
    """A clock time that kit-agenda.js can move: offset minutes after the chosen start."""
    value = clock(parse_clock(start) + offset)
    return f'<time datetime="{value}" data-kit-at="{offset}">{value}</time>'


def span(start_offset: int, minutes: int, start: str) -> str:
    return f"{at(start_offset, start)}–{at(start_offset + minutes, start)}"


def start_control(start: str, lang: str) -> str:
    """Hidden until kit-agenda.js shows it: without JavaScript the page shows the default times."""
    t = T[lang]
    return (f'<div class="kit-clock" hidden>'
            f'<label for="kit-start">{t["start"]}</label> '
            f'<input type="time" id="kit-start" name="kit-start" value="{start}" step="300" '
            f'aria-describedby="kit-start-help"> '
            f'<span id="kit-start-help" class="kit-clock__help">{t["start_help"]}</span>'
            f'<p class="kit-clock__status" role="status" aria-live="polite"></p></div>\n')


def block_title(m: Module, block: AgendaBlock, lang: str) -> str:
    if lang == "en" and m.en and block.index < len(m.en.agenda_titles):
        return m.en.agenda_titles[block.index]
    return block.title


def block_field(m: Module, block: AgendaBlock, name: str, lang: str):
    """A block's goal, materials, room or points in the page language (Polish when untranslated)."""
    if lang == "en" and m.en and block.index < len(m.en.agenda_fields):
        value = m.en.agenda_fields[block.index].get(name)
        if value:
            return tuple(value) if isinstance(value, list) else value
    return getattr(block, name)


def full_minutes(m: Module, block: AgendaBlock) -> int:
    return m.agenda[block.index].minutes


def minutes_note(m: Module, block: AgendaBlock, lang: str) -> str:
    full = full_minutes(m, block)
    if block.minutes == full:
        return f"{block.minutes} min"
    key = "shortened" if block.minutes < full else "lengthened"
    return f"{block.minutes} min ({T[lang][key].format(full=full)})"


def module_title(m: Module, lang: str) -> str:
    return m.en.title if lang == "en" and m.en else m.title


def caption(m: Module, v: Variant, lang: str, start: str) -> str:
    t = T[lang]
    if not v.timed:
        return t["caption_e"].format(variant=v.label(lang), title=module_title(m, lang),
                                     total=hours_minutes(v.minutes, lang))
    return t["caption"].format(variant=v.label(lang), title=module_title(m, lang), start=at(0, start),
                               total=hours_minutes(v.minutes, lang))


def variant_table(m: Module, v: Variant, lang: str, start: str) -> str:
    """Markdown table of one variant: clock times for a timed variant, durations for e-learning."""
    t = T[lang]
    heads = [t["no"]] + ([t["time"]] if v.timed else []) + [t["minutes"], t["total"], t["block"], t["method"]]
    rows = [f"Tabela: {caption(m, v, lang, start)}", "", "| " + " | ".join(heads) + " |",
            "|---:|" + ("---|" if v.timed else "") + "---|---:|---|---|"]
    elapsed = 0
    for n, b in enumerate(v.blocks, 1):
        cells = [str(n)] + ([span(elapsed, b.minutes, start)] if v.timed else [])
        elapsed += b.minutes
        cells += [minutes_note(m, b, lang), hours_minutes(elapsed, lang), html.escape(block_title(m, b, lang)),
                  schema.label(schema.METHODS, b.method, lang)]
        rows.append("| " + " | ".join(cells) + " |")
    return "\n".join(rows) + "\n"
