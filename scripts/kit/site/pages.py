"""Site-wide pages generated from the data: catalogue, legal bases, glossary, freshness, templates."""
from __future__ import annotations

import html
import json
import re
from collections import defaultdict
from dataclasses import dataclass
from pathlib import Path

from kit.model import schema
from kit.model.agenda import hours_minutes
from kit.model.dates import human, today
from kit.model.glossary import Term, is_abbreviation
from kit.model.legal import KINDS, Act, find_citations
from kit.model.modules import Module
from kit.model.paths import GENERATED_DIRS
from kit.model.frontmatter import read_source
from kit.site.sanitize import md_text, yaml_text


@dataclass(frozen=True)
class Citation:
    page: str       # docs-relative src path of the citing page (Polish source)
    title: str
    locator: str | None


def _front(title: str, source: str) -> str:
    return f"---\ntitle: {yaml_text(title)}\nkit_source: {source}\n---\n\n# {md_text(title)}\n\n"


def plural_pl(n: int, one: str, few: str, many: str) -> str:
    """Polish plural: 1 moduł, 2–4 moduły, 5+ modułów (12–14 take the third form)."""
    if n == 1:
        return one
    return few if n % 10 in (2, 3, 4) and n % 100 not in (12, 13, 14) else many


CATALOGUE = {
    "pl": {"title": "Moduły szkoleniowe",
           "intro": "Każdy moduł ma stronę dla uczestnika i uczestniczki (do samodzielnej nauki) oraz widok dla "
                    "trenera z agendą, godzinami, notatkami i odpowiedziami. Ścieżki dla poszczególnych ról "
                    "znajdziesz na stronie [Samodzielna nauka](../nauka/index.md).",
           "filter": "Filtruj moduły", "audience": "Adresaci", "all_audiences": "wszyscy adresaci",
           "format": "Forma", "all_formats": "każda forma", "duration": "Czas warsztatu",
           "any_duration": "dowolny", "up_to": "do {time}", "reset": "Pokaż wszystkie",
           "head": "| Nr | Moduł | Forma | Czas | Adresaci | Do pobrania |", "downloads": "Do pobrania",
           "pack": "pakiet",  # the size note after the link says what is in it (ZIP, files, pages)
           "trainer": "widok trenera", "requires": "wymaga", "workshop": "warsztat", "reading": "czytanie",
           "pdf_participant": "PDF uczestnika", "pdf_trainer": "PDF trenera"},
    "en": {"title": "Training modules",
           "intro": "Each module has a participant page for self-study and a trainer view with a timed agenda, "
                    "notes and answers. Paths for each role are on the [Self-study](../nauka/index.md) page.",
           "filter": "Filter the modules", "audience": "Audience", "all_audiences": "all audiences",
           "format": "Format", "all_formats": "any format", "duration": "Workshop duration",
           "any_duration": "any", "up_to": "up to {time}", "reset": "Show all",
           "head": "| No. | Module | Format | Time | Audience | Downloads |", "downloads": "Downloads",
           "pack": "pack",
           "trainer": "trainer view", "requires": "requires", "workshop": "workshop", "reading": "reading",
           "pdf_participant": "participant PDF", "pdf_trainer": "trainer PDF"},
}


def _choices(name: str, label: str, options: list[tuple[str, str]]) -> str:
    items = "\n".join(f'<li data-kit-value="{v}">{html.escape(t)}</li>' for v, t in options)
    return f'<ul data-kit-filter-key="{name}" data-kit-label="{html.escape(label)}">\n{items}\n</ul>\n'


def catalogue_filter(modules: list[Module], lang: str) -> str:
    """The filter's choices as inert data; kit-catalogue.js turns them into labelled selects, filters
    the table and announces the number of modules shown (the page content holds no form controls)."""
    t = CATALOGUE[lang]
    audiences = [(k, schema.label(schema.AUDIENCES, k, lang).split(" (")[0]) for k in schema.AUDIENCES
                 if any(k in m.audience for m in modules)]
    formats = [(k, schema.label(schema.FORMATS, k, lang)) for k in schema.FORMATS if any(m.format == k for m in modules)]
    durations = [(str(d), t["up_to"].format(time=hours_minutes(d, lang))) for d in sorted({m.duration for m in modules})]
    return (f'<div class="kit-filter" data-kit-filter data-kit-title="{t["filter"]}" data-kit-reset="{t["reset"]}" hidden>\n'
            + _choices("audience", t["audience"], [("", t["all_audiences"])] + audiences)
            + _choices("format", t["format"], [("", t["all_formats"])] + formats)
            + _choices("duration", t["duration"], [("", t["any_duration"])] + durations)
            + '<p class="kit-filter__count" role="status" data-kit-filter-count></p></div>\n')


def catalogue(modules: list[Module], lang: str, affected: frozenset[str] = frozenset(), packs: bool = False,
              pdf_links: dict[str, list[tuple[str, str]]] | None = None) -> str:
    """The module table: filterable (data attributes on each title link), reading and workshop time.
    affected: ids of modules whose legal basis changed after their last review (marked in words);
    a build with PDFs lists them in a downloads column (pdf_links: module folder -> [(kind, href)]),
    with the trainer ZIP when packs is set (its size is filled in by the build)."""
    from kit.model.reading import minutes
    from kit.site.learning import progress_box
    en = lang == "en"
    t = CATALOGUE[lang]
    total = sum(m.duration for m in modules)
    cap = (f"Training modules ({len(modules)} modules, {hours_minutes(total, lang)} in total)" if en else
           f"Moduły szkoleniowe ({len(modules)} {plural_pl(len(modules), 'moduł', 'moduły', 'modułów')}, "
           f"razem {hours_minutes(total, lang)})")
    files = bool(pdf_links or packs)
    head, sep = t["head"], "|---|---|---|---|---|---|"
    if not files:
        head, sep = head.rsplit(" " + t["downloads"] + " |", 1)[0], sep[:-4]
    rows = [f"Tabela: {cap}", "", head, sep]
    for m in modules:
        title = md_text(m.en.title) if en and m.en else _polish(en)(md_text(m.title))
        body, body_lang = (m.en.body, "en") if en and m.en else (m.body, "pl")
        aud = ", ".join(schema.label(schema.AUDIENCES, a, lang).split(" (")[0] for a in m.audience)
        data = (f'{{ data-kit-module="{m.id}" data-kit-audience="{" ".join(m.audience)}" '
                f'data-kit-format="{m.format}" data-kit-duration="{m.duration}" }}')
        cell = f"[{title}]({m.slug}/index.md){data}<br>[{t['trainer']}: {m.id.upper()}]({m.slug}/trener.md)"
        if m.status != "published":  # say it in words: the catalogue must not promise a final text
            cell += "<br>*" + schema.label(schema.STATE_NOTES, m.status, lang) + "*"
        if m.id in affected:
            cell += "<br>**" + ("The legal basis changed after the last review" if en else
                                "Podstawa prawna zmieniła się po ostatnim przeglądzie") + "**"
        if m.prerequisites:
            cell += f"<br>{t['requires']}: " + ", ".join(p.upper() for p in m.prerequisites)
        nb = lambda text: text.replace(" ", "&nbsp;")  # noqa: E731  "5 h" stays on one line
        time = (f"{t['workshop']}: {nb(hours_minutes(m.duration, lang))}<br>"
                f"{t['reading']}: {nb(hours_minutes(minutes(body, body_lang), lang))}")
        row = (f"| {m.id.upper()} | {cell} | {schema.label(schema.FORMATS, m.format, lang)} | {time} | {aud} |")
        if files:
            links = [f'<a href="{href}">{t["pdf_" + kind]}<span class="kit-sr-only"> {m.id.upper()}</span></a>'
                     for kind, href in (pdf_links or {}).get(m.slug, [])]
            if packs:
                links.append(f'<a href="../pdf/{m.slug}-pakiet.zip">{t["pack"]} {m.id.upper()}</a> '
                             f'<span class="kit-pdf-meta" data-kit-pdf="{lang}:pdf/{m.slug}-pakiet.zip"></span>')
            row += " " + "<br>".join(links) + " |"
        rows.append(row)
    return (_front(t["title"], "scripts/kit/site/pages.py") + t["intro"] + "\n\n" + progress_box([m.id for m in modules])
            + "\n" + catalogue_filter(modules, lang) + "\n" + "\n".join(rows) + "\n")


def collect_citations(modules: list[Module], docs_dir: Path) -> dict[str, list[Citation]]:
    """Every place that cites an act: module front matter and bodies, and editors' pages in docs/."""
    out: dict[str, list[Citation]] = defaultdict(list)
    for m in modules:
        page = f"moduly/{m.slug}/index.md"
        for key in m.legal:
            out[key].append(Citation(page, m.title, None))
        for c in find_citations(m.body):
            if _locator(c):
                out[c.key].append(Citation(page, m.title, _locator(c)))
    for path in sorted(docs_dir.rglob("*.md")):
        src = path.relative_to(docs_dir).as_posix()
        if src.split("/")[0] in GENERATED_DIRS or path.name.endswith(".en.md"):
            continue
        text = read_source(path)
        title = next((r[2:].strip() for r in text.split("\n") if r.startswith("# ")), src)
        for c in find_citations(text):
            out[c.key].append(Citation(src, title, _locator(c)))
    return out


def _locator(c) -> str | None:
    """The article a citation points to: its [[akt:…|locator]], or the link text when it names one."""
    return c.locator or (c.text if c.text and re.search(r"\bart\.|§", c.text) else None)


def _polish(en: bool):
    """Marks Polish text on an English page (WCAG 3.1.2); leaves it as it is on a Polish one."""
    return (lambda text: f'<span lang="pl">{text}</span>') if en else (lambda text: text)


def legal_page(acts: dict[str, Act], citations: dict[str, list[Citation]], lang: str) -> str:
    en = lang == "en"
    title = "Legal bases" if en else "Podstawy prawne"
    intro = ("Every legal act the kit relies on, with its citation and the pages that cite it. Pages cite "
             "acts only through this registry." if en else
             "Wszystkie akty prawne, na których opiera się zestaw, z publikatorem i listą stron, które je "
             "cytują. Strony cytują akty wyłącznie przez ten rejestr.")
    rows = [_front(title, "materials/legal.yml") + intro + "\n"]
    for act in sorted(acts.values(), key=lambda a: a.short.lower()):
        name = act.title_en if en else act.title
        pl = _polish(en)  # act names and notes exist in Polish only (WCAG 3.1.2)
        rows.append(f"\n## {md_text(act.short)} {{#{act.anchor}{' lang=pl' if en else ''}}}\n")
        rows.append(f"{md_text(name)}\n")
        facts = [("Kind" if en else "Rodzaj", KINDS[act.kind][1 if en else 0])]
        if act.date:
            facts.append(("Date" if en else "Data", human(act.date, lang)))
        if act.published:
            facts.append(("Original publication" if en else "Publikator pierwotny", md_text(act.published)))
        if act.consolidated:
            facts.append(("Latest consolidated text known" if en else "Najnowszy znany tekst jednolity",
                          md_text(act.consolidated)))
        if act.amended_by:
            facts.append(("Amended by" if en else "Nowelizacje", ", ".join(md_text(a) for a in act.amended_by)))
        if act.implements and act.implements in acts:
            facts.append(("Implements" if en else "Wdraża", f"[{pl(md_text(acts[act.implements].short))}]"
                          f"(#{acts[act.implements].anchor})"))
        if act.based_on and act.based_on in acts:
            facts.append(("Issued under" if en else "Wydane na podstawie",
                          f"[{pl(md_text(acts[act.based_on].short))}](#{acts[act.based_on].anchor})"))
        if act.link:
            facts.append(("Text of the act" if en else "Tekst aktu",
                          f"[{pl(md_text(act.short))} – {'official text' if en else 'tekst w serwisie urzędowym'}]"
                          f"({act.link})"))
        rows += [f"- **{k}:** {v}" for k, v in facts]
        if act.verify:
            label = "For expert review" if en else "Do weryfikacji przez eksperta"
            note = f'<p lang="pl" markdown="span">{md_text(act.verify)}</p>' if en else md_text(act.verify)
            rows.append(f"\n!!! weryfikacja \"{label}\"\n\n    {note}\n")
        cites = citations.get(act.key, [])
        rows.append(f"\n**{'Cited by' if en else 'Cytowany na stronach'}:**\n")
        if cites:
            pages: dict[str, list[str]] = {}
            titles = {}
            for c in cites:
                titles[c.page] = c.title
                locators = pages.setdefault(c.page, [])
                if c.locator and c.locator not in locators:
                    locators.append(c.locator)
            for page, locs in pages.items():
                target = "../" + page
                extra = f" ({pl('; '.join(locs))})" if locs else ""
                rows.append(f"- [{pl(md_text(titles[page]))}]({target}){extra}")
        else:
            rows.append("- " + ("not cited yet" if en else "jeszcze nie cytowany"))
    return "\n".join(rows) + "\n"


def glossary_page(terms: list[Term], lang: str) -> str:
    en = lang == "en"
    title = "Glossary" if en else "Słownik pojęć"
    intro = ("Terms and abbreviations used in the kit. Abbreviations are explained on every page: "
             "hover over them or focus them to see the full form." if en else
             "Pojęcia i skróty używane w zestawie. Skróty są objaśnione na każdej stronie: najedź na nie "
             "kursorem, aby zobaczyć pełną nazwę.")
    rows = [_front(title, "materials/glossary.yml") + intro + "\n"]
    for t in terms:
        expansion, definition = t.text(lang)
        # language of parts (WCAG 3.1.2): Polish terms on English pages, full forms in another language
        term_lang = "pl" if en and not is_abbreviation(t) else lang
        shown = md_text(expansion or "")
        if expansion and t.expansion_language(lang) != lang:
            shown = f'<span lang="{t.expansion_language(lang)}">{shown}</span>'
        if expansion and is_abbreviation(t) and t.expansion_language(lang) != lang:  # all of it in that language
            attr = f" lang={t.expansion_language(lang)}"
            rows.append(f"\n## {md_text(t.term)} – {md_text(expansion)} {{#{t.anchor}{attr}}}\n\n{definition}\n")
        elif expansion:
            term = md_text(t.term) if term_lang == lang else f'<span lang="{term_lang}">{md_text(t.term)}</span>'
            rows.append(f"\n## {term} – {shown} {{#{t.anchor}}}\n\n{definition}\n")
        else:
            attr = f" lang={term_lang}" if term_lang != lang else ""
            rows.append(f"\n## {md_text(t.term)} {{#{t.anchor}{attr}}}\n\n{definition}\n")
    return "\n".join(rows)


def module_law_cell(law, acts: dict[str, Act], lang: str) -> str:
    """What changed in a module's legal basis since its review, for a table cell ("none" if nothing)."""
    en = lang == "en"
    items = [f"[{md_text(acts[c.key].short)}](akt:{c.key}): " + (
        (f"{md_text(c.citation)}, in force since " if en else f"{md_text(c.citation)}, w życie od ") if c.citation else
        ("changed on " if en else "zmiana z ")) + human(c.effective, lang) for c in law.changed]
    items += [f"[{md_text(acts[k].short)}](akt:{k}): " + ("repealed" if en else "uchylony") for k in law.repealed]
    return "<br>".join(items) or ("none" if en else "brak")


def freshness_page(modules: list[Module], acts: dict[str, Act], lang: str, law: dict | None = None) -> str:
    """law: the watch's act states (materials/prawo-zmiany.json), as kit.model.law_state.ActState."""
    from kit.law.compare import module_law
    en = lang == "en"
    law = law or {}
    title = "Freshness report" if en else "Raport aktualności"
    now = today()
    intro = (f"State on {human(now, lang)}. A module is overdue when its review date has passed; a module is "
             "affected when an act it cites changed after the module's last review or was repealed." if en else
             f"Stan na {human(now, lang)}. Moduł jest po terminie, gdy minęła data jego przeglądu. Moduł "
             "wymaga sprawdzenia, gdy akt, który cytuje, zmienił się po ostatnim przeglądzie modułu albo "
             "został uchylony.")
    head = ("| Module | Last review | Next review | Status | Acts changed since review |" if en else
            "| Moduł | Ostatni przegląd | Następny przegląd | Stan | Akty zmienione po przeglądzie |")
    cap = "Review state of the modules" if en else "Stan przeglądów modułów"
    rows = [_front(title, "scripts/kit/site/pages.py") + intro + "\n", f"Tabela: {cap}", "", head, "|---|---|---|---|---|"]
    overdue = affected = 0
    for m in modules:
        changes = module_law(m, acts, law, now)
        state = ("overdue" if en else "po terminie") if m.overdue else ("current" if en else "aktualny")
        if changes:
            state += "; " + ("the legal basis changed after the last review" if en else
                             "podstawa prawna zmieniła się po ostatnim przeglądzie")
        overdue += m.overdue
        affected += bool(changes)
        t = md_text(m.en.title) if en and m.en else _polish(en)(md_text(m.title))
        rows.append(f"| [{m.id.upper()} {t}](../moduly/{m.slug}/index.md) | {human(m.reviewed, lang)} | "
                    f"{human(m.review_by, lang)} | {state} | {module_law_cell(changes, acts, lang)} |")
    summary = (f"\n**Summary:** {overdue} overdue, {affected} affected by changes in law, {len(modules)} modules."
               if en else f"\n**Podsumowanie:** po terminie: {overdue}, do sprawdzenia po zmianie prawa: "
               f"{affected}, wszystkich modułów: {len(modules)}.")
    return "\n".join(rows) + "\n" + summary + "\n\n" + watched_acts(acts, law, lang, now)


def watched_acts(acts: dict[str, Act], law: dict, lang: str, now) -> str:
    """The acts as the Sejm's ELI API described them at the last `kit prawo --update`."""
    en = lang == "en"
    rows = ["## " + ("Acts checked in the Sejm's ELI API" if en else "Akty sprawdzone w API ELI Sejmu"), ""]
    if not law:
        return "\n".join(rows + [("The acts have not been checked with “kit prawo --update” yet." if en else
                                  "Aktów nie sprawdzono jeszcze poleceniem „kit prawo --update”.")]) + "\n"
    last = max(s.checked for s in law.values())
    rows += [(f"Last checked on {human(last, lang)} with “kit prawo --update” (the site is built without the "
              "network)." if en else f"Ostatnie sprawdzenie: {human(last, lang)}, polecenie „kit prawo "
              "--update” (strona powstaje bez połączenia z siecią)."), "",
             "Tabela: " + ("Acts in the Sejm's ELI API" if en else "Akty w API ELI Sejmu"), "",
             ("| Act | Status | Newest consolidated text | Latest change in force | Announced change |" if en else
              "| Akt | Stan | Najnowszy tekst jednolity | Ostatnia zmiana w życie | Zapowiedziana zmiana |"),
             "|---|---|---|---|---|"]
    for key in sorted(law, key=lambda k: acts[k].short.lower()):
        s = law[key]
        if s.repealed:
            status = ("repealed" if en else "uchylony") + (f" ({human(s.repeal_date, lang)})" if s.repeal_date else "")
        else:
            status = ("in force" if en else "obowiązuje") if s.in_force == "IN_FORCE" else md_text(s.status)
        past = [c for c in s.changes if c.effective and c.effective <= now]
        ahead = [c for c in s.changes if c.effective and c.effective > now]
        latest = max(past, key=lambda c: c.effective, default=None)
        soon = min(ahead, key=lambda c: c.effective, default=None)
        fmt = lambda c: f"{md_text(c.citation)} ({human(c.effective, lang)})" if c else "–"  # noqa: E731
        rows.append(f"| [{md_text(acts[key].short)}](akt:{key}) | {status} | {md_text(s.consolidated or '–')} | {fmt(latest)} | "
                    f"{fmt(soon)} |")
    return "\n".join(rows) + "\n"


def templates_index(templates: list[tuple[str, str, str]], lang: str) -> str:
    """templates: (name, title, summary)."""
    en = lang == "en"
    title = "Templates" if en else "Szablony dla JST"
    intro = ("Forms a JST team fills in during the programme. Print them or copy them into your own "
             "document." if en else "Formularze, które zespół JST wypełnia w trakcie programu. Wydrukuj "
             "je albo przenieś do własnego dokumentu.")
    rows = [_front(title, "scripts/kit/site/pages.py") + intro + "\n"]
    rows += [f"- [{md_text(t)}]({name}.md) – {md_text(s)}" for name, t, s in templates]
    return "\n".join(rows) + "\n"


def readability_page(rows, lang: str) -> str:
    """The FOG-PL table for editors (Polish pages only, so one language)."""
    from statistics import median
    title = "Czytelność tekstów (FOG-PL)"
    scored = [r.score.fog for r in rows if r.score.fog is not None]
    intro = ("Wskaźnik FOG-PL mierzy trudność tekstu: 0,4 × (słowa ÷ zdania + 100 × trudne słowa ÷ słowa). "
             "Trudne słowo ma co najmniej cztery sylaby. Wynik 7–9 odpowiada szkole podstawowej, około 12 – "
             "maturze, 18 i więcej – tekstom naukowym. W zestawie celujemy w 9–12. Próg dla rodzaju strony "
             "ustawia się w pliku mkdocs.yml (extra.kit.readability); strona powyżej progu dostaje ostrzeżenie "
             "w poleceniu „kit check”. Teksty krótsze niż 100 słów nie mają wyniku.")
    rows_md = ["Tabela: Czytelność stron zestawu (FOG-PL)", "",
               "| Strona | Rodzaj | Słowa | Zdania | Trudne słowa | FOG-PL | Próg | Ocena |",
               "|---|---|---:|---:|---:|---:|---:|---|"]
    for r in sorted(rows, key=lambda r: -(r.score.fog or 0)):
        fog = f"{r.score.fog:.1f}".replace(".", ",") if r.score.fog is not None else "–"
        state = "powyżej progu" if r.over else ("za krótki tekst" if r.score.fog is None else "w normie")
        rows_md.append(f"| [{md_text(r.title)}](../{r.link}) | {r.kind} | {r.score.words} | {r.score.sentences} | "
                       f"{r.score.hard_words} | {fog} | {str(r.threshold).replace('.', ',')} | {state} |")
    summary = ""
    if scored:
        pl = lambda x: f"{x:.1f}".replace(".", ",")  # noqa: E731  Polish decimal comma
        summary = (f"**Podsumowanie:** {len(scored)} stron z wynikiem; FOG-PL najniższy {pl(min(scored))}, "
                   f"mediana {pl(median(scored))}, najwyższy {pl(max(scored))}; powyżej progu: "
                   f"{sum(r.over for r in rows)}.")
    return _front(title, "scripts/kit/checks/readability.py") + intro + "\n\n" + summary + "\n\n" + "\n".join(rows_md) + "\n"


def changelog_page(changelog_md: str, sections, modules, lang: str, links: dict | None = None) -> str:
    """CHANGELOG.md (written by editors) followed by the modules changed per edition (from git).
    links: (section heading, module folder) -> (older edition, docs path of its "Zmiany od wydania" page)."""
    by_slug = {m.slug: m for m in modules}
    links = links or {}
    body = changelog_md.strip()
    title = "Historia zmian"
    if body.startswith("# "):
        body = body.split("\n", 1)[1] if "\n" in body else ""
    rows = [f"---\ntitle: {yaml_text(title)}\nkit_source: CHANGELOG.md\n---\n\n# {title}\n", body.strip(), "",
            "## Moduły zmienione w wydaniach", "",
            "Ta część powstaje automatycznie z historii repozytorium (tagi wydań „wydanie-RRRR.N”). Przy module "
            "zmienionym od poprzedniego wydania jest odnośnik do porównania: co dodano, a co usunięto. Nowe "
            "wydania i zmiany prawa można śledzić w czytniku kanałów: [kanał Atom zestawu](../feed.xml).", ""]
    if not sections:
        rows.append("Historia repozytorium nie jest dostępna w tej kopii zestawu.")
    for heading, folders in sections:
        anchor = " {#wydanie-" + heading.removeprefix("Wydanie ") + "}" if heading.startswith("Wydanie ") else ""
        rows += [f"### {heading}{anchor}", ""]
        if folders:
            for f in folders:
                if f not in by_slug:
                    rows.append(f"- {f} (moduł usunięty lub spoza tego wydania)")
                    continue
                row = f"- [{by_slug[f].id.upper()} {md_text(by_slug[f].title)}](../moduly/{f}/index.md)"
                if (heading, f) in links:
                    since, page = links[(heading, f)]
                    row += f" – [zmiany w {by_slug[f].id.upper()} od wydania {since}](../{page})"
                rows.append(row)
        else:
            rows.append("Bez zmian w modułach.")
        rows.append("")
    return "\n".join(rows) + "\n"


def review_page(points, acts: dict[str, Act], root: Path) -> str:
    """Editors' list of open expert questions: review blocks in pages and registry entries to verify."""
    from kit.model.states import since
    title = "Do weryfikacji eksperckiej"
    intro = ("Lista dla redakcji: otwarte pytania do ekspertów, zebrane z bloków „weryfikacja” w materiałach "
             "i z wpisów rejestru aktów z polem `verify`. Strona z takim blokiem ma status `review` i pokazuje "
             "czytelnikom baner „Materiał w trakcie weryfikacji eksperckiej”. Data „od” to dzień, w którym "
             "linię zapisano po raz ostatni (historia git).")
    rows = [f"---\ntitle: {json.dumps(title, ensure_ascii=False)}\nkit_source: scripts/kit/model/states.py\n"
            "search:\n  exclude: true\n---\n\n# " + title + "\n\n" + intro + "\n",
            f"Tabela: Otwarte pytania do ekspertów ({len(points)})", "",
            "| Miejsce | Pytanie | Od |", "|---|---|---|"]
    lines: dict[Path, list[int]] = {}
    for pt in points:
        lines.setdefault(pt.path.resolve(), []).append(pt.line)
    dates = {path: since(path, tuple(ns)) for path, ns in lines.items()}
    for pt in points:
        where = pt.path.resolve().relative_to(root).as_posix()
        question = _cell(pt.question)
        if pt.path.name.endswith(".en.md"):  # English sources: language of parts, and no Polish spell check
            question = f'<span lang="en">{question}</span>'
        rows.append(f"| `{where}:{pt.line}` | {question} | {dates[pt.path.resolve()].get(pt.line) or '–'} |")
    flagged = [a for a in acts.values() if a.verify]
    rows += ["", f"Tabela: Wpisy rejestru aktów do sprawdzenia ({len(flagged)})", "",
             "| Miejsce | Akt | Co sprawdzić |", "|---|---|---|"]
    rows += [f"| `materials/legal.yml:{a.line}` | {_cell(a.short)} | {_cell(a.verify)} |" for a in flagged]
    return "\n".join(rows) + "\n"


def _cell(text: str) -> str:
    """Text safe inside a Markdown table cell: no pipes, no raw HTML, one line."""
    return html.escape(" ".join(str(text).split())).replace("|", "\\|")
