"""Small, valid kit projects written into a temporary folder, for tests that break one thing."""
from __future__ import annotations

from pathlib import Path
from textwrap import dedent

ROOT = Path(__file__).resolve().parents[1]

LEGAL = dedent("""\
    prawo-oswiatowe:
      title: Ustawa z dnia 14 grudnia 2016 r. – Prawo oświatowe
      short: Prawo oświatowe
      title_en: Law on School Education
      kind: ustawa
      date: 2016-12-14
      published: Dz.U. 2017 poz. 59
    rodo:
      title: Rozporządzenie (UE) 2016/679
      short: RODO
      title_en: GDPR
      kind: rozporzadzenie-ue
      changed: 2026-06-01
    """)

GLOSSARY = dedent("""\
    - term: JST
      expansion: jednostka samorządu terytorialnego
      definition: Gmina, powiat lub województwo.
      en:
        expansion: local government unit
        definition: A municipality, district or region.
    """)


def module_text(mid: str = "m01", title: str = "Moduł testowy", prerequisites: str = "[]",
                legal: str = "[prawo-oswiatowe]", duration: int = 90, reviewed: str = "2026-01-15",
                body_extra: str = "") -> str:
    return dedent(f"""\
        ---
        id: {mid}
        title: "{title}"
        summary: "Krótki opis modułu testowego."
        audience: [wydzial-edukacji, dyrektor]
        format: warsztat
        duration: {duration}
        outcomes:
          - "Uczestnik/uczestniczka potrafi wskazać pierwsze."
          - "Uczestnik/uczestniczka potrafi wskazać drugie."
          - "Uczestnik/uczestniczka potrafi wskazać trzecie."
        prerequisites: {prerequisites}
        legal: {legal}
        agenda:
          - title: "Wprowadzenie"
            minutes: 30
            method: prezentacja
          - title: "Ćwiczenie"
            minutes: 60
            method: cwiczenie
        reviewed: {reviewed}
        review_every: 12
        authors: ["Zespół testowy"]
        status: published
        ---

        ## Treść dla uczestnika

        Tekst widoczny dla wszystkich. Podstawa: [[akt:prawo-oswiatowe|art. 10 ust. 1]].

        /// trener | Blok 1: Wprowadzenie (30 min)
        TAJNA-NOTATKA-TRENERA {mid}
        ///

        ## Sprawdź się

        ??? pytanie "1. Pytanie?"
            **Odpowiedź:** tak.
        """) + body_extra


def write_project(root: Path, modules: dict[str, str] | None = None) -> Path:
    """A project with the given modules ({folder: modul.md text}); two valid modules by default."""
    mats = root / "materials"
    (mats / "modules").mkdir(parents=True, exist_ok=True)
    (mats / "templates").mkdir(exist_ok=True)
    (root / "docs").mkdir(exist_ok=True)
    (mats / "legal.yml").write_text(LEGAL, "utf-8")
    (mats / "glossary.yml").write_text(GLOSSARY, "utf-8")
    if modules is None:
        modules = {"m01-pierwszy": module_text("m01"),
                   "m02-drugi": module_text("m02", "Drugi moduł", prerequisites="[m01]", legal="[rodo]")}
    for folder, text in modules.items():
        (mats / "modules" / folder).mkdir(parents=True, exist_ok=True)
        if text is not None:
            (mats / "modules" / folder / "modul.md").write_text(text, "utf-8")
    return root


def copy_project(dest: Path) -> Path:
    """The repository's tracked and new files (not ignored ones) copied to dest; node_modules linked."""
    from kit.bench.project import copy_tracked
    return copy_tracked(ROOT, dest)


def link_node_modules(root: Path) -> None:
    """The checkout's Node tools (lunr-languages for the Polish search) for a project elsewhere."""
    (root / "node_modules").symlink_to(ROOT / "node_modules")


EDITION = dedent("""\
    site_name: Zestaw testowy
    site_name_en: Test kit
    publisher: Gmina Testowa
    site_address: https://edukacja.gmina-testowa.pl/
    repository: https://example.org/gmina/zestaw
    colors:
      primary: "#1b4f8a"
      accent: "#a4262c"
    modules: all
    accessibility:
      status: zgodna
      published: 2026-01-05
      updated: 2026-01-05
      prepared: 2026-01-05
      last_check: 2026-01-05
      method: samoocena
      method_en: self-assessment
      contact_person: Jan Kowalski
      email: dostepnosc@gmina-testowa.pl
      phone: "+48 22 100 00 00"
      architecture: Brak obsługi w budynku.
      architecture_en: No visitors in a building.
      apps: Brak aplikacji.
      apps_en: No apps.
    """)

STATEMENT = dedent("""\
    # Deklaracja dostępności

    <p id="a11y-wstep" markdown="span"><span id="a11y-podmiot">{{ edition.publisher }}</span> publikuje
    stronę <a id="a11y-url" href="{{ edition.site_address }}">{{ edition.site_name }}</a>.</p>

    - Adres e-mail: <a id="a11y-email" href="mailto:{{ edition.accessibility.email }}">{{ edition.accessibility.email }}</a>
    - Telefon: <span id="a11y-telefon">{{ edition.accessibility.phone_text }}</span>
    """)


def write_site(root: Path, pages: dict[str, str] | None = None, modules: dict[str, str] | None = None,
               edition: str = EDITION) -> Path:
    """A small buildable site: the fixture project, a few docs pages and a config that inherits the
    kit's mkdocs.yml (theme overrides and hooks of this checkout). Returns the config path."""
    import shutil
    write_project(root, modules)
    (root / "materials" / "wydanie.yml").write_text(edition, "utf-8")
    docs = root / "docs"
    shutil.copytree(ROOT / "docs" / "assets", docs / "assets", dirs_exist_ok=True)
    texts = {"index.md": "# Strona główna\n\nZestaw testowy.\n", "deklaracja-dostepnosci.md": STATEMENT,
             "licencja.md": "# Licencja\n\nCC BY 4.0.\n", **(pages or {})}
    for name, text in texts.items():
        (docs / name).parent.mkdir(parents=True, exist_ok=True)
        (docs / name).write_text(text, "utf-8")
    nav = [{"Start": "index.md"}, {"Moduły szkoleniowe": ["moduly/index.md"]}] + \
        [n for n in texts if n != "index.md" and not n.endswith(".en.md")]  # translations share the entry
    import yaml
    config = {"INHERIT": str(ROOT / "mkdocs.yml"), "docs_dir": "docs", "site_dir": "site",
              "theme": {"custom_dir": str(ROOT / "overrides")}, "hooks": [str(ROOT / "scripts/kit/site/hooks.py")],
              "extra": {"kit": {"root": ".", "edition_file": "materials/wydanie.yml"}}, "nav": nav}
    path = root / "mkdocs.yml"
    path.write_text(yaml.safe_dump(config, allow_unicode=True, sort_keys=False), "utf-8")
    return path
