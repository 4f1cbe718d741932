"""Self-study pages generated from the data: learning paths, the index by audience, the
completion record. Pure functions from modules and paths to Markdown, one per page.

Progress lives in the learner's browser only (kit-selfstudy.js); these pages carry the module ids
in data attributes for it, and read sensibly without JavaScript.
"""
from __future__ import annotations

import html

from kit.model import schema
from kit.model.agenda import hours_minutes
from kit.model.learning_paths import LearningPath
from kit.model.modules import Module
from kit.model.quiz import parse as parse_quiz
from kit.model.reading import assumption, minutes
from kit.model.trainer_blocks import participant_text

SECTION = "nauka"   # docs folder of the generated self-study pages
RECORD = "potwierdzenie"

L = {
    "pl": {
        "index_title": "Samodzielna nauka",
        "index_intro": "Moduły możesz przejść sam lub sama, bez trenera. Wybierz ścieżkę dla swojej roli "
                       "albo zacznij od ścieżki „2 godziny na start”. Na końcu każdego modułu zaznacz "
                       "„Oznacz jako ukończony”. Postęp i odpowiedzi na pytania zapisuje tylko Twoja "
                       "przeglądarka – nic nie trafia na serwer. Z zapisanego postępu przygotujesz "
                       "[potwierdzenie samodzielnej nauki]({record}) dla przełożonego lub przełożonej.",
        "paths": "Ścieżki nauki", "by_audience": "Moduły według adresatów",
        "by_audience_intro": "Każdy moduł ma w danych listę adresatów. Tu są zebrane według roli.",
        "path_meta": "{n} · czytanie razem {reading}",
        "open_path": "Ścieżka: {title}",
        "module_meta": "czytanie {reading} · warsztat {workshop}",
        "requires": "wymaga: {ids}",
        "steps": "Moduły w kolejności nauki",
        "budget": "Czas czytania całej ścieżki: {reading} (limit ścieżki: {budget}).",
        "total": "Czas czytania całej ścieżki: {reading}.",
        "back": "Wszystkie ścieżki i moduły według adresatów",
        "record_link": "Potwierdzenie samodzielnej nauki",
        "record_title": "Potwierdzenie samodzielnej nauki",
        "record_intro": "Tu przygotujesz potwierdzenie dla przełożonego lub przełożonej: listę modułów "
                        "oznaczonych jako ukończone, z datami i wynikami pytań „Sprawdź się”. Dane są "
                        "zapisane tylko w tej przeglądarce i strona niczego nie wysyła. Imię i nazwisko "
                        "wpisujesz przed wydrukiem – nie zapisujemy go.",
        "record_nojs": "Do przygotowania potwierdzenia potrzebny jest włączony JavaScript. Bez niego "
                       "wydrukuj katalog modułów i wpisz daty ręcznie.",
        "name": "Imię i nazwisko", "print": "Drukuj potwierdzenie",
        "learner": "Osoba ucząca się", "no_name": "(wpisz imię i nazwisko)",
        "material": "Materiał", "caption": "Moduły ukończone w samodzielnej nauce",
        "col_module": "Moduł", "col_date": "Data ukończenia", "col_quiz": "Pytania „Sprawdź się”",
        "col_reading": "Czas czytania",
        "empty": "Nie oznaczono jeszcze żadnego modułu jako ukończonego.",
        "note": "Potwierdzenie przygotowała sama osoba ucząca się, w przeglądarce, na podstawie modułów "
                "oznaczonych jako ukończone. Nie jest to zaświadczenie o ukończeniu szkolenia.",
        "made": "Data sporządzenia", "signature": "Podpis osoby uczącej się",
        "modules": ("moduł", "moduły", "modułów"),
    },
    "en": {
        "index_title": "Self-study",
        "index_intro": "You can work through the modules on your own, without a trainer. Choose the path "
                       "for your role or start with “Two hours to get started”. At the end of each module, "
                       "tick “Mark as completed”. Your progress and answers are stored only in your "
                       "browser – nothing is sent to a server. From the stored progress you can prepare a "
                       "[self-study record]({record}) for your manager.",
        "paths": "Learning paths", "by_audience": "Modules by audience",
        "by_audience_intro": "Every module lists its audience in its data. Here they are grouped by role.",
        "path_meta": "{n} · {reading} of reading in total",
        "open_path": "Path: {title}",
        "module_meta": "reading {reading} · workshop {workshop}",
        "requires": "requires: {ids}",
        "steps": "Modules in learning order",
        "budget": "Reading time of the whole path: {reading} (the path's limit: {budget}).",
        "total": "Reading time of the whole path: {reading}.",
        "back": "All paths and modules by audience",
        "record_link": "Self-study record",
        "record_title": "Self-study record",
        "record_intro": "Prepare a record for your manager here: the modules you marked as completed, with "
                        "dates and self-check results. The data is stored only in this browser and the page "
                        "sends nothing. You type your name before printing; it is not stored.",
        "record_nojs": "Preparing the record needs JavaScript. Without it, print the module catalogue and "
                       "add the dates by hand.",
        "name": "Your name", "print": "Print the record",
        "learner": "Learner", "no_name": "(type your name)",
        "material": "Material", "caption": "Modules completed in self-study",
        "col_module": "Module", "col_date": "Completed on", "col_quiz": "Self-check questions",
        "col_reading": "Reading time",
        "empty": "No module has been marked as completed yet.",
        "note": "The learner prepared this record in the browser from the modules they marked as completed. "
                "It is not a certificate of completing the training.",
        "made": "Prepared on", "signature": "Learner's signature",
        "modules": ("module", "modules", "modules"),
    },
}


def _front(title: str, source: str, extra: str = "") -> str:
    return f"---\ntitle: \"{title}\"\nkit_source: {source}\n{extra}---\n\n# {title}\n\n"


def _count(n: int, lang: str) -> str:
    from kit.site.pages import plural_pl
    one, few, many = L[lang]["modules"]
    return f"{n} {(one if n == 1 else many) if lang == 'en' else plural_pl(n, one, few, many)}"


def module_title(m: Module, lang: str) -> str:
    return m.en.title if lang == "en" and m.en else m.title


def reading_minutes(m: Module, lang: str) -> int:
    return minutes(m.en.body, "en") if lang == "en" and m.en else minutes(m.body, "pl")


def question_keys(m: Module) -> list[str]:
    """Keys of the module's self-check questions in either language (a learner may answer in one
    language and print the record in the other)."""
    keys = [f"{m.id}:{q.key}" for q in parse_quiz(participant_text(m.body))[0]]
    if m.en:
        keys += [k for q in parse_quiz(participant_text(m.en.body))[0] if (k := f"{m.id}:{q.key}") not in keys]
    return keys


def progress_box(ids: list[str]) -> str:
    """Placeholder that kit-selfstudy.js fills with "n of N completed" and the clear button."""
    return f'<div class="kit-progress" data-kit-progress="{" ".join(ids)}" hidden></div>\n'


def module_link(m: Module, lang: str, prefix: str) -> str:
    """A Markdown link to the participant page that kit-selfstudy.js marks when completed."""
    return f"[{m.id.upper()} {module_title(m, lang)}]({prefix}{m.slug}/index.md){{ data-kit-module=\"{m.id}\" }}"


def _module_item(m: Module, lang: str, by_id: dict[str, Module], prefix: str) -> str:
    t = L[lang]
    meta = t["module_meta"].format(reading=hours_minutes(reading_minutes(m, lang), lang),
                                   workshop=hours_minutes(m.duration, lang))
    pre = [p.upper() for p in m.prerequisites if p in by_id]
    if pre:
        meta += " · " + t["requires"].format(ids=", ".join(pre))
    return f"{module_link(m, lang, prefix)} – {meta}"


def path_reading(p: LearningPath, by_id: dict[str, Module], lang: str) -> int:
    return sum(reading_minutes(by_id[mid], lang) for mid in p.modules)


def paths_index(paths: list[LearningPath], modules: list[Module], lang: str) -> str:
    """nauka/index.md: the paths, the modules grouped by audience, progress over all modules."""
    t = L[lang]
    by_id = {m.id: m for m in modules}
    rows = [_front(t["index_title"], "materials/sciezki.yml"),
            t["index_intro"].format(record=f"{RECORD}.md"), "", assumption(lang), "",
            progress_box([m.id for m in modules]), f"## {t['paths']}", ""]
    for p in paths:
        title, summary = p.text(lang)
        rows += [f"### {title} {{#{p.id}}}", "", summary, "",
                 t["path_meta"].format(n=_count(len(p.modules), lang),
                                       reading=hours_minutes(path_reading(p, by_id, lang), lang)), "",
                 progress_box(list(p.modules)),
                 f"[{t['open_path'].format(title=title)}]({p.id}.md)", ""]
    rows += [f"## {t['by_audience']}", "", t["by_audience_intro"], ""]
    for key in schema.AUDIENCES:
        members = [m for m in modules if key in m.audience]
        if not members:
            continue
        rows += [f"### {schema.label(schema.AUDIENCES, key, lang)} {{#adresat-{key}}}", ""]
        rows += [f"- {_module_item(m, lang, by_id, '../moduly/')}" for m in members]
        rows.append("")
    return "\n".join(rows) + "\n"


def path_page(p: LearningPath, modules: list[Module], lang: str) -> str:
    """nauka/<id>.md: one path, its modules in order, progress and the total reading time."""
    t = L[lang]
    by_id = {m.id: m for m in modules}
    title, summary = p.text(lang)
    reading = hours_minutes(path_reading(p, by_id, lang), lang)
    total = (t["budget"].format(reading=reading, budget=hours_minutes(p.budget, lang)) if p.budget
             else t["total"].format(reading=reading))
    rows = [_front(title, "materials/sciezki.yml"), summary, "", total, assumption(lang), "",
            progress_box(list(p.modules)), f"## {t['steps']}", ""]
    rows += [f"1. {_module_item(by_id[mid], lang, by_id, '../moduly/')}" for mid in p.modules]
    rows += ["", f"[{t['record_link']}]({RECORD}.md) · [{t['back']}](index.md)"]
    return "\n".join(rows) + "\n"


def record_page(modules: list[Module], lang: str, site_name: str, site_address: str) -> str:
    """nauka/potwierdzenie.md: the printable record the learner's browser fills in."""
    t = L[lang]
    e = html.escape
    body = [f'<tr data-kit-module="{m.id}" data-kit-questions="{" ".join(question_keys(m))}" '
            f'data-kit-reading="{reading_minutes(m, lang)}" hidden>'
            f"\n<td>{m.id.upper()} {e(module_title(m, lang))}</td>\n<td data-kit-cell=\"date\"></td>"
            f"\n<td data-kit-cell=\"quiz\"></td>\n<td>{hours_minutes(reading_minutes(m, lang), lang)}</td></tr>"
            for m in modules]
    rows = [_front(t["record_title"], "materials/modules", "search:\n  exclude: true\nhide:\n  - toc\n"),
            t["record_intro"], "",
            '<div class="kit-record" data-kit-record markdown="0">',
            f'<p class="kit-record__nojs">{e(t["record_nojs"])}</p>',
            # the name field and the print button are made by kit-selfstudy.js (no controls in content)
            f'<div class="kit-record__form" data-kit-name-label="{e(t["name"])}" '
            f'data-kit-print-label="{e(t["print"])}" hidden></div>',
            '<section class="kit-record__sheet" aria-labelledby="kit-record-title" hidden>',
            f'<h2 id="kit-record-title">{e(t["record_title"])}</h2>',
            f'<p>{e(t["learner"])}: <strong data-kit-record-name data-kit-empty="{e(t["no_name"])}">'
            f'{e(t["no_name"])}</strong></p>',
            f"<p>{e(t['material'])}: {e(site_name)} ({e(site_address)})</p>",
            f"<table><caption>{e(t['caption'])}</caption>",
            "<thead><tr>", *(f'<th scope="col">{e(t[c])}</th>' for c in ("col_module", "col_date", "col_quiz", "col_reading")),
            "</tr></thead>",
            "<tbody>", *body, "</tbody></table>",
            f'<p data-kit-record-empty hidden>{e(t["empty"])}</p>',
            '<p data-kit-record-summary></p>',
            f'<p class="kit-record__note">{e(t["note"])} {e(t["made"])}: <span data-kit-record-date></span>.</p>',
            f'<p class="kit-record__signature">{e(t["signature"])}: ……………………………………</p>',
            "</section>", "</div>", "",
            progress_box([m.id for m in modules])]
    return "\n".join(rows) + "\n"
