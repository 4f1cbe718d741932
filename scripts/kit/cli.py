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

from .errors import KitError
from .paths import ROOT, Project, rel

os.environ.setdefault("NO_MKDOCS_2_WARNING", "1")


def _mkdocs(args: list[str], config: str = "mkdocs.yml") -> int:
    cmd = [sys.executable, "-m", "mkdocs", *args, "-f", config]
    return subprocess.call(cmd, cwd=ROOT)


def cmd_check(ns) -> int:
    """Validation and source lint without building the site."""
    from .materials import load
    start = time.perf_counter()
    project = Project(Path(ns.root).resolve(), Path(ns.root).resolve() / "docs") if ns.root \
        else Project.default()
    try:
        m = load(project)
    except KitError as exc:
        print(exc.report(), file=sys.stderr)
        return 1
    took = time.perf_counter() - start
    print(f"OK: {len(m.modules)} modułów, {len(m.acts)} aktów w rejestrze, {len(m.terms)} pojęć "
          f"w słowniku ({took:.2f} s).")
    return 0


def cmd_test(ns) -> int:
    """The README's test command: the fast check first (clear messages), then the whole pytest suite."""
    ns.root = None
    if cmd_check(ns):
        return 1
    return subprocess.call([sys.executable, "-m", "pytest", *ns.pytest_args], cwd=ROOT)


def cmd_build(ns) -> int:
    args = ["build", "--strict", "--site-dir", ns.site_dir]
    return _mkdocs(args, ns.config)


def cmd_serve(ns) -> int:
    return _mkdocs(["serve", "--dev-addr", f"127.0.0.1:{ns.port}"], ns.config)


def cmd_new_module(ns) -> int:
    from .scaffold import new_module
    try:
        folder = new_module(ns.title, Project.default().modules, module_id=ns.id)
    except KitError as exc:
        print(exc.report(), file=sys.stderr)
        return 1
    print(f"Utworzono {rel(folder)}/modul.md – uzupełnij treść i uruchom „kit check”.")
    return 0


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
    p.add_argument("--site-dir", default="site")
    p.add_argument("--config", default="mkdocs.yml")
    p.set_defaults(func=cmd_build)

    p = sub.add_parser("serve", help="podgląd na http://127.0.0.1:PORT/")
    p.add_argument("--port", type=int, default=8000)
    p.add_argument("--config", default="mkdocs.yml")
    p.set_defaults(func=cmd_serve)

    p = sub.add_parser("new-module", help="utwórz folder nowego modułu")
    p.add_argument("title", help="tytuł modułu")
    p.add_argument("--id", help="identyfikator, np. m10 (domyślnie następny wolny)")
    p.set_defaults(func=cmd_new_module)

    ns = parser.parse_args(argv)
    return ns.func(ns)


if __name__ == "__main__":
    sys.exit(main())
