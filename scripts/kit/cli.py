"""The kit's command line: `kit check`, `kit build`, `kit serve`, `kit new-module`, …

Messages for editors are Polish; each command exits non-zero when it finds a problem.
"""
from __future__ import annotations

import argparse
import os
import subprocess
import sys
import time
from pathlib import Path

from kit.model.errors import KitError
from kit.model.paths import ROOT, Project, rel

os.environ.setdefault("NO_MKDOCS_2_WARNING", "1")
LARGE_SOURCE = 512 * 1024  # bytes; the largest module today is about 60 KB


def _mkdocs(args: list[str], config: str = "mkdocs.yml", **env) -> int:
    from kit.editions import source_date_epoch
    cmd = [sys.executable, "-m", "mkdocs", *args, "-f", config]
    environment = dict(os.environ, **env)
    environment.setdefault("SOURCE_DATE_EPOCH", source_date_epoch())  # reproducible output
    proc = subprocess.Popen(cmd, cwd=ROOT, env=environment)
    try:
        return proc.wait()
    except KeyboardInterrupt:  # the build got Ctrl-C too: let it stop its PDF workers and report
        try:
            code = proc.wait(timeout=30)
        except subprocess.TimeoutExpired:
            proc.kill()
            raise KeyboardInterrupt from None
        if code == 130:
            raise _Failed(130) from None  # it printed its one line
        raise


def cmd_check(ns) -> int:
    """Validation and source lint without building the site."""
    from kit.checks import markdown_lint
    from kit import cores
    from kit.model.materials import load
    from kit.model.edition import load_edition
    start = time.perf_counter()
    lint = None
    try:
        project, edition_file = check_target(Path(ns.root).resolve() if ns.root else ROOT)
        lint = markdown_lint.start(project, workers=cores.available())   # beside the Python checks
        edition = load_edition(path=edition_file) if edition_file else None
        m = load(project, edition)
    except KitError as exc:
        for _, proc in (lint.procs if lint is not None else []):
            proc.kill()
            proc.wait()
        print(exc.report(), file=sys.stderr)
        annotate(exc.problems)
        return 1
    lint_code = markdown_lint.finish(lint)
    if lint_code:
        return lint_code
    readability_warnings(project, m.modules)
    for mod in m.modules:  # a huge page makes every build (and each PDF) slow; say so early
        size = mod.path.stat().st_size
        if size > LARGE_SOURCE:
            print(f"Uwaga: {rel(mod.path)}: [W010] plik ma {size / 1_048_576:.1f} MB – budowa PDF potrwa długo. "
                  "Jak poprawić: podziel moduł albo przenieś długie załączniki do kart pracy.")
    took = time.perf_counter() - start
    from kit.site.pages import plural_pl
    n, a, g = len(m.modules), len(m.acts), len(m.terms)
    print(f"OK: {n} {plural_pl(n, 'moduł', 'moduły', 'modułów')}, {a} {plural_pl(a, 'akt', 'akty', 'aktów')} "
          f"w rejestrze, {g} {plural_pl(g, 'pojęcie', 'pojęcia', 'pojęć')} w słowniku; Markdown bez uwag "
          f"({took:.1f} s).")
    return 0


def check_target(base: Path) -> tuple[Project, Path | None]:
    """The project and edition file that `kit check --root` means: a project folder, or a JST
    overlay folder whose mkdocs.yml points at the project (extra.kit.root, edition_file)."""
    from kit.model.frontmatter import read_source
    data, config = {}, base / "mkdocs.yml"
    if config.exists():
        import yaml
        class Loader(yaml.SafeLoader):  # noqa: D401 – mkdocs.yml has !!python and !ENV tags
            pass
        Loader.add_multi_constructor("", lambda loader, suffix, node: None)
        try:
            data = yaml.load(read_source(config), Loader=Loader) or {}
        except yaml.YAMLError:
            data = {}  # MkDocs itself reports a broken config with its line
    data = data if isinstance(data, dict) else {}
    kit = (data.get("extra") or {}).get("kit") or {}
    root = (base / kit.get("root", ".")).resolve()
    edition = (base / kit.get("edition_file", "materials/wydanie.yml")).resolve()
    project = Project(root, root / "docs")
    if data.get("nav"):
        from kit.model.errors import raise_if
        from kit.model.links import check_nav
        raise_if(check_nav(config, data["nav"], project.docs))
    return project, (edition if edition.exists() or "edition_file" in kit else None)


def annotate(problems) -> None:
    """On GitHub Actions, each problem also becomes an annotation on the pull request's diff."""
    if os.environ.get("GITHUB_ACTIONS") != "true":
        return
    for p in problems:
        print(github_annotation(p))


def github_annotation(p) -> str:
    def esc(s: str, prop: bool = False) -> str:
        s = s.replace("%", "%25").replace("\r", "%0D").replace("\n", "%0A")
        return s.replace(":", "%3A").replace(",", "%2C") if prop else s
    where = f"file={esc(rel(p.path), True)}" + (f",line={p.line}" if p.line else "")
    fix = f" Jak poprawić: {p.fix}" if p.fix else ""
    field = f" {p.field}:" if p.field else ""
    return f"::error {where},title={esc(p.code, True)}::{esc(f'[{p.code}]{field} {p.message}{fix}')}"


def readability_warnings(project: Project, modules) -> None:
    """FOG-PL above the threshold for its kind of page is a warning (R001), not an error."""
    from kit.checks.readability import rows
    for r in rows(project, modules, _readability_thresholds()):
        if r.over:
            print(f"Uwaga: {r.source}: [R001] FOG-PL {r.score.fog:.1f} powyżej progu {r.threshold} "
                  f"dla rodzaju „{r.kind}”. Jak poprawić: skróć zdania i zastąp długie słowa krótszymi.")


def _readability_thresholds() -> dict | None:
    """extra.kit.readability from mkdocs.yml, read without MkDocs (its !!python tags are skipped)."""
    import yaml

    class Loader(yaml.SafeLoader):
        pass
    Loader.add_multi_constructor("tag:yaml.org,2002:python/", lambda loader, suffix, node: None)
    config = yaml.load((ROOT / "mkdocs.yml").read_text("utf-8"), Loader=Loader) or {}
    return ((config.get("extra") or {}).get("kit") or {}).get("readability")


def cmd_test(ns) -> int:
    """The README's test command: the fast check first (clear messages), then the whole pytest suite."""
    ns.root = None
    if cmd_check(ns):
        return 1
    return subprocess.call([sys.executable, "-m", "pytest", *test_workers(), *ns.pytest_args], cwd=ROOT)


def test_workers() -> list[str]:
    """pytest-xdist options: whole test files on every core (a file's module fixtures, such as one
    browser run, stay in one worker), handed out in the order tests/conftest.py gives them (xdist
    would put the files with most tests first, and the longest check, pa11y, started last);
    KIT_TEST_WORKERS=0 runs everything in one process."""
    from kit import cores
    workers = os.environ.get("KIT_TEST_WORKERS", "").strip() or str(cores.available())
    return [] if workers == "0" else ["-n", workers, "--dist", "loadfile", "--no-loadscope-reorder"]


def cmd_build(ns) -> int:
    """Build into a temporary folder and swap it in only when the build succeeded."""
    from kit.output import locked, staged
    target = (ROOT / ns.site_dir).resolve()
    with locked(target), staged(target) as tmp:
        code = _mkdocs(["build", "--strict", "--site-dir", str(tmp)], ns.config)
        if code:
            raise _Failed(code)
    return 0


class _Failed(Exception):
    """A build that failed with its own message: nothing is swapped in."""

    def __init__(self, code: int):
        self.code = code


def cmd_serve(ns) -> int:
    # PDFs take ~40 s per build; the preview skips them unless asked (--pdf).
    return _mkdocs(["serve", "--dev-addr", f"127.0.0.1:{ns.port}"], ns.config, KIT_PDF="1" if ns.pdf else "0")


def cmd_publish(ns) -> int:
    """Build an edition (with PDFs and the offline ZIP) and deploy it with mike."""
    from kit.editions import publish
    try:
        newest = publish(ns.version, title=ns.title, target=ns.target, branch=ns.branch, push=ns.push,
                         offline=not ns.no_offline, pdf=not ns.no_pdf, replace=ns.replace)
    except KitError as exc:
        print(exc.report(), file=sys.stderr)
        return 1
    where = ns.target or "to repozytorium"
    latest = ("alias „latest” wskazuje to wydanie" if newest else
              "alias „latest” zostaje przy nowszym wydaniu")
    print(f"Opublikowano wydanie {ns.version} w gałęzi {ns.branch} ({where}); {latest}.")
    return 0


def cmd_offline(ns) -> int:
    from kit.editions import build_offline
    from kit.output import locked, staged
    out = Path(ns.out).resolve()
    try:
        with locked(out), staged(out) as tmp_zip:
            build_offline(tmp_zip, pdf=not ns.no_pdf)
    except KitError as exc:
        print(exc.report(), file=sys.stderr)
        return 1
    print(f"Wersja offline: {out} ({out.stat().st_size / 1_048_576:.1f} MB)")
    return 0


def cmd_pa11y(ns) -> int:
    """WCAG 2.1 AA in Chromium over every page of a built site."""
    from kit.checks import pa11y
    from kit.checks.result_cache import ResultCache
    site = Path(ns.site_dir).resolve()
    if not ns.no_build and cmd_build(ns) != 0:
        return 1
    try:
        cache = ResultCache(None) if ns.all_pages else None
        rep = pa11y.run(site, concurrency=ns.concurrency, report_file=Path(ns.report).resolve(), cache=cache)
    except KitError as exc:
        print(exc.report(), file=sys.stderr)
        return 2
    print(pa11y.summary(rep))
    print(f"Raport JSON: {ns.report}")
    return 1 if rep.errors else 0


def cmd_bench(ns) -> int:
    """Build, preview and first-visit figures against bare Material (scripts/kit/bench/)."""
    from kit.bench.command import main as bench_main
    return bench_main(ns)


def cmd_stats(ns) -> int:
    """Words, trainer notes, exercises, handouts, self-check questions and FOG-PL per module and page."""
    from kit.model.materials import load
    from kit.checks.stats import module_rows, page_rows
    project = Project.default()
    m = load(project)
    print("moduł | czas | słowa (uczestnik) | notatki trenera | ćwiczenia | warianty samodzielne | karty | "
          "pytania (z wyborem) | FOG-PL | słowa EN")
    for r in module_rows(m.modules):
        print(f"{r['id']} | {r['duration']} min | {r['participant_words']} | {r['trainer_notes']} | "
              f"{r['exercises']} | {r['solo']} | {r['handouts']} | {r['self_check']} ({r['interactive']}) | "
              f"{r['fog']} | {r['en_words']}")
    print("\nstrona | słowa | FOG-PL")
    for r in page_rows(project):
        print(f"{r['page']} | {r['words']} | {r['fog'] if r['fog'] is not None else '–'}")
    print(f"\npojęcia w słowniku: {len(m.terms)}, akty w rejestrze: {len(m.acts)} "
          f"(do weryfikacji: {sum(1 for a in m.acts.values() if a.verify)})")
    return 0


def cmd_new_module(ns) -> int:
    from kit.model.scaffold import new_module
    try:
        folder = new_module(ns.title, Project.default().modules, module_id=ns.id)
    except KitError as exc:
        print(exc.report(), file=sys.stderr)
        return 1
    print(f"Utworzono {rel(folder)}/modul.md – uzupełnij treść i uruchom „kit check”.")
    return 0


def cmd_schema(ns) -> int:
    """Write materials/modul.schema.json from the one schema, or (--check) fail if it is stale."""
    from kit.model.json_schema import SCHEMA_FILE, text, write
    target = ROOT / SCHEMA_FILE
    if ns.check:
        if not target.exists() or target.read_text("utf-8") != text():
            print(f"{SCHEMA_FILE}: [J001] plik nie odpowiada scripts/kit/model/schema.py. Jak poprawić: uruchom "
                  "„kit schema” i dołącz zmieniony plik do zmiany.", file=sys.stderr)
            return 1
        return 0
    print(f"Zapisano {rel(write(ROOT))}.")
    return 0


def cmd_prawo(ns) -> int:
    """The law-change watch against the Sejm's ELI API (exit codes in kit/law/command.py)."""
    from kit.law.command import main as watch_main
    return watch_main(ns, Project(Path(ns.root).resolve(), Path(ns.root).resolve() / "docs") if ns.root else None)


def _site_options(p, site_dir: bool = True) -> None:
    """The build options that build, serve and pa11y share."""
    if site_dir:
        p.add_argument("--site-dir", default="site")
    p.add_argument("--config", default="mkdocs.yml")


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(prog="kit", description="Zestaw szkoleniowy JST: budowa i kontrole.")
    sub = parser.add_subparsers(dest="command", required=True)

    p = sub.add_parser("check", help="szybka kontrola materiałów (bez budowania strony)")
    p.add_argument("--root", help="folder projektu (domyślnie to repozytorium)")
    p.set_defaults(func=cmd_check)

    p = sub.add_parser("test", help="pełny zestaw testów (kontrola, budowa, WCAG, PDF)")
    p.add_argument("pytest_args", nargs="*", help="dodatkowe argumenty dla pytest")
    p.set_defaults(func=cmd_test)

    p = sub.add_parser("build", help="zbuduj stronę z --strict")
    _site_options(p)
    p.set_defaults(func=cmd_build)

    p = sub.add_parser("serve", help="podgląd na http://127.0.0.1:PORT/")
    p.add_argument("--port", type=int, default=8000)
    p.add_argument("--pdf", action="store_true", help="twórz też pliki PDF (wolniej)")
    _site_options(p, site_dir=False)
    p.set_defaults(func=cmd_serve)

    p = sub.add_parser("publish", help="opublikuj wydanie (mike: gałąź gh-pages, alias latest)")
    p.add_argument("version", help="numer wydania, np. 2026.1")
    p.add_argument("--title", help="nazwa wydania w przełączniku wersji")
    p.add_argument("--target", help="repozytorium docelowe (adres lub ścieżka); domyślnie to repozytorium")
    p.add_argument("--branch", default="gh-pages")
    p.add_argument("--push", action="store_true", help="wyślij gałąź do repozytorium docelowego")
    p.add_argument("--replace", action="store_true", help="zastąp już opublikowane wydanie o tym numerze")
    p.add_argument("--no-offline", action="store_true", help="bez pliku ZIP w wersji offline")
    p.add_argument("--no-pdf", action="store_true", help="bez plików PDF (tylko do prób)")
    p.set_defaults(func=cmd_publish)

    p = sub.add_parser("offline", help="zbuduj wersję offline (ZIP)")
    p.add_argument("--out", default="build/zestaw-offline.zip")
    p.add_argument("--no-pdf", action="store_true")
    p.set_defaults(func=cmd_offline)

    p = sub.add_parser("pa11y", help="WCAG 2.1 AA (pa11y-ci: axe + htmlcs) na każdej stronie")
    _site_options(p)
    p.add_argument("--no-build", action="store_true", help="sprawdź już zbudowany folder")
    p.add_argument("--concurrency", type=int, help="ile stron naraz (domyślnie cztery na rdzeń procesora)")
    p.add_argument("--report", default="build/pa11y-report.json")
    p.add_argument("--all-pages", action="store_true",
                   help="sprawdź też strony bez zmian od ostatniego sprawdzenia (bez .cache/kit-pa11y)")
    p.set_defaults(func=cmd_pa11y)

    p = sub.add_parser("bench", help="pomiar budowy, podglądu i pierwszej wizyty względem czystego Material")
    p.add_argument("--rounds", type=int, default=3, help="ile razy powtórzyć każdą budowę (domyślnie 3)")
    p.add_argument("--modules", default="9,200", help="liczby modułów, np. 9,200 (kopie istniejących modułów)")
    p.add_argument("--no-pdf", action="store_true", help="bez budowy z niezmienionymi plikami PDF")
    p.add_argument("--pdf-max-modules", type=int, default=9, help="budowa z PDF tylko do tylu modułów "
                   "(pierwsze tworzenie PDF dla 200 modułów trwa długo)")
    p.add_argument("--no-serve", action="store_true", help="bez pomiaru podglądu (kit serve)")
    p.add_argument("--no-reader", action="store_true", help="bez pomiaru pierwszej wizyty czytelnika")
    p.add_argument("--lighthouse", action="store_true", help="także Lighthouse (instaluje go do .cache/kit-bench)")
    p.add_argument("--tests", action="store_true", help="także czas polecenia testów (kit test)")
    p.set_defaults(func=cmd_bench)

    p = sub.add_parser("stats", help="raport treści: słowa, notatki, ćwiczenia, FOG-PL")
    p.set_defaults(func=cmd_stats)

    from kit.law.command import EXIT_CODES_HELP
    p = sub.add_parser("prawo", help="sprawdź zmiany aktów z rejestru w API ELI Sejmu",
                       description="Pyta API ELI Sejmu o akty z materials/legal.yml opublikowane w Dzienniku "
                       "Ustaw lub Monitorze Polskim i porównuje odpowiedź z rejestrem oraz datami przeglądu "
                       "modułów.", epilog=EXIT_CODES_HELP)
    p.add_argument("--json", action="store_true", help="wynik jako JSON (dla CI)")
    p.add_argument("--update", action="store_true", help="wpisz nowsze teksty jednolite i daty sprawdzenia do "
                   "materials/legal.yml oraz wynik do materials/prawo-zmiany.json")
    p.add_argument("--api", help="adres API ELI (domyślnie zmienna KIT_ELI_API albo https://api.sejm.gov.pl/eli)")
    p.add_argument("--timeout", type=float, default=15.0, help="limit czasu jednego zapytania w sekundach")
    p.add_argument("--max-age", type=int, default=180, help="po ilu dniach ręczne sprawdzenie aktu UE się "
                   "przedawnia (domyślnie 180)")
    p.add_argument("--act", action="append", metavar="KLUCZ", help="sprawdź tylko ten akt (można powtórzyć)")
    p.add_argument("--from-json", metavar="PLIK", help="wypisz raport z zapisanego wyniku --json (bez sieci)")
    p.add_argument("--root", help="folder projektu (domyślnie to repozytorium)")
    p.set_defaults(func=cmd_prawo)

    p = sub.add_parser("schema", help="JSON Schema nagłówka modułu dla edytorów (materials/modul.schema.json)")
    p.add_argument("--check", action="store_true", help="tylko sprawdź, czy plik jest aktualny")
    p.set_defaults(func=cmd_schema)

    p = sub.add_parser("new-module", help="utwórz folder nowego modułu")
    p.add_argument("title", help="tytuł modułu")
    p.add_argument("--id", help="identyfikator, np. m10 (domyślnie następny wolny)")
    p.set_defaults(func=cmd_new_module)

    ns = parser.parse_args(argv)
    try:
        return ns.func(ns)
    except _Failed as failed:
        return failed.code  # MkDocs printed its own message
    except KitError as exc:
        print(exc.report(), file=sys.stderr)
        return 1
    except KeyboardInterrupt:
        print("Przerwano (Ctrl-C); wynik poprzedniej budowy został bez zmian.", file=sys.stderr)
        return 130
    except OSError as exc:  # a full disk, a read-only folder: one line, no traceback
        where = f" ({exc.filename})" if exc.filename else ""
        print(f"Błąd zapisu lub odczytu pliku{where}: {exc.strerror or exc}. Sprawdź wolne miejsce na dysku "
              "i uprawnienia do folderu, potem uruchom polecenie ponownie.", file=sys.stderr)
        return 1


if __name__ == "__main__":
    sys.exit(main())
