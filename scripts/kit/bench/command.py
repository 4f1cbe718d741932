"""`kit bench`: the kit's build against a bare Material + static-i18n build of the same pages, the
editor's preview, the reader's first visit and the test command, on this project and on a copy
scaled to more modules. Prints a table; every figure is measured in this run on this machine.

Kit and bare builds are interleaved and repeated (--rounds); each row gives the median of the
per-round ratio kit/bare and its range, for wall time and for CPU time (a shared machine moves wall
time more than CPU time). Memory is the peak resident size of the build and its workers.
"""
from __future__ import annotations

import json
import os
import shutil
import subprocess
import sys
import tempfile
import time
from pathlib import Path

import yaml

from kit import cores
from kit.bench import project as bench_project
from kit.bench.runs import Series, interleaved, machine_busy_seconds, ratios, run_build, run_command
from kit.model.paths import ROOT

PAGE_TYPES = {"strona główna": "", "moduł": "moduly/{slug}/", "widok trenera": "moduly/{slug}/trener/",
              "katalog": "moduly/"}


def _write_config(root: Path, name: str, settings: dict) -> Path:
    path = root / f".mkdocs-bench-{name}.yml"
    path.write_text(yaml.safe_dump({"INHERIT": "mkdocs.yml", **settings}, allow_unicode=True, sort_keys=False),
                    "utf-8")
    return path


def _one_language(root: Path) -> dict:
    """plugins.i18n with English not built (lists are replaced, not merged, by INHERIT)."""
    i18n = dict(bench_project._plain_yaml(root / "mkdocs.yml")["plugins"]["i18n"])
    i18n["languages"] = [dict(lang, build=lang.get("default", False)) for lang in i18n["languages"]]
    return {"plugins": {"i18n": i18n}}


def _merge(a: dict, b: dict) -> dict:
    out = dict(a)
    for k, v in b.items():
        out[k] = _merge(out[k], v) if isinstance(v, dict) and isinstance(out.get(k), dict) else v
    return out


def build_rows(root: Path, rounds: int, pdf: bool, out) -> list[dict]:
    """Kit and bare builds of one project (root), one and two languages, and with unchanged PDFs."""
    from kit.editions import source_date_epoch
    from kit.model.paths import Project
    tmp = Path(tempfile.mkdtemp(prefix="kit-bench-"))
    try:
        nav = bench_project.bare_docs(Project(root, root / "docs"), root / "mkdocs.yml", tmp / "docs")
        # static-i18n as it comes: its own (quadratic) removal of untranslated copies from the index
        bare = {"docs_dir": str(tmp / "docs"), "hooks": [], "nav": nav,
                "plugins": {"i18n": {"reconfigure_search": True}}}
        configs = {
            2: (root / "mkdocs.yml", _write_config(root, "bare2", bare)),
            1: (_write_config(root, "kit1", _one_language(root)),
                _write_config(root, "bare1", _merge(bare, _one_language(root)))),
        }
        env = {"SOURCE_DATE_EPOCH": source_date_epoch(ROOT), "KIT_PDF_CACHE": str(tmp / "pdf-cache")}
        rows = []
        for langs, (kit_cfg, bare_cfg) in configs.items():
            runs = {"kit": lambda c=kit_cfg: run_build(root, c, tmp / "site", KIT_PDF="0", **env),
                    "bare": lambda c=bare_cfg: run_build(root, c, tmp / "bare", strict=False, **env)}
            if langs == 2:  # the same build with the languages one after the other, as static-i18n does
                runs["in turn"] = lambda c=kit_cfg: run_build(root, c, tmp / "site", KIT_PDF="0",
                                                              KIT_PARALLEL_LANGUAGES="0", **env)
            series = interleaved(rounds, runs)
            name = f"{langs} {'języki' if langs == 2 else 'język'}, bez PDF"
            rows.append(_row(name + (" (równolegle)" if langs == 2 else ""), series, tmp / "site"))
            print(_format(rows[-1]), file=out, flush=True)
            if langs == 2:
                rows.append(_row(name + " (kolejno)", {**series, "kit": series["in turn"]}, tmp / "site"))
                print(_format(rows[-1]), file=out, flush=True)
        if pdf:  # the first build renders and fills the cache; the timed ones find every PDF unchanged
            run_build(root, root / "mkdocs.yml", tmp / "site", KIT_PDF="1", **env)
            runs = {"kit": lambda: run_build(root, root / "mkdocs.yml", tmp / "site", KIT_PDF="1", **env),
                    "bare": lambda: run_build(root, configs[2][1], tmp / "bare", strict=False, **env)}
            rows.append(_row("2 języki, PDF bez zmian", interleaved(rounds, runs), tmp / "site"))
            print(_format(rows[-1]), file=out, flush=True)
        return rows
    finally:
        for cfg in root.glob(".mkdocs-bench-*.yml"):
            cfg.unlink()
        shutil.rmtree(tmp, ignore_errors=True)


def _row(name: str, series: dict[str, Series], site: Path) -> dict:
    kit, bare = series["kit"], series["bare"]
    pages = sum(1 for p in site.rglob("index.html") if "assets" not in p.parts) if site.exists() else 0
    return {"name": name, "rounds": len(kit.samples), "pages": pages,
            "kit_wall": kit.median("wall"), "bare_wall": bare.median("wall"),
            "kit_cpu": kit.median("cpu"), "bare_cpu": bare.median("cpu"),
            "ratio_wall": ratios(kit, bare, "wall"), "ratio_cpu": ratios(kit, bare, "cpu"),
            "kit_mb": max(s.rss_mb for s in kit.samples), "bare_mb": max(s.rss_mb for s in bare.samples),
            "failed": [s.code for s in kit.samples + bare.samples if s.code]}


def _format(r: dict) -> str:
    rw, rc = r["ratio_wall"], r["ratio_cpu"]
    own = (r["kit_cpu"] - r["bare_cpu"]) / r["pages"] * 1000 if r["pages"] else 0
    failed = f"  BŁĄD: kody wyjścia {r['failed']}" if r["failed"] else ""
    return (f"  {r['name']:28} {r['pages']:5} str. | czas {r['kit_wall']:6.1f} s / {r['bare_wall']:6.1f} s = "
            f"{rw[0]:.2f}× ({rw[1]:.2f}–{rw[2]:.2f}) | CPU {r['kit_cpu']:6.1f} s / {r['bare_cpu']:6.1f} s = "
            f"{rc[0]:.2f}× ({rc[1]:.2f}–{rc[2]:.2f}) | koszt zestawu {own:5.1f} ms CPU/str. | pamięć "
            f"{r['kit_mb']:4.0f} / {r['bare_mb']:4.0f} MB{failed}")


def preview_rows(root: Path, rounds: int, out) -> None:
    """Edit-to-visible in `mkdocs serve`: a module edit and an editors' page edit."""
    import socket
    import urllib.request
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        port = s.getsockname()[1]
    base = f"http://127.0.0.1:{port}/"
    env = dict(os.environ, KIT_ROOT=str(root), KIT_PDF="0", NO_MKDOCS_2_WARNING="1")
    proc = subprocess.Popen([sys.executable, "-m", "mkdocs", "serve", "--dev-addr", f"127.0.0.1:{port}"], cwd=root,
                            env=env, stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL)

    def wait_for(url: str, text: str, limit: float = 300) -> float:
        start = time.perf_counter()
        while time.perf_counter() - start < limit:
            try:
                if text in urllib.request.urlopen(url, timeout=limit).read().decode("utf-8"):
                    return time.perf_counter() - start
            except OSError:
                pass
            time.sleep(0.1)
        raise TimeoutError(url)

    try:
        wait_for(base, "</html>")
        module = sorted((root / "materials" / "modules").glob("m0*"))[1]
        edits = {"edycja modułu": (module / "modul.md", f"moduly/{module.name}/"),
                 "edycja strony": (root / "docs" / "o-programie.md", "o-programie/")}
        times: dict[str, list[float]] = {k: [] for k in edits}
        for r in range(rounds):
            for name, (source, url) in edits.items():
                token = f"Pomiar-podgladu-{r}-{name.split()[1]}"
                time.sleep(2)   # the previous rebuild has settled
                source.write_text(source.read_text("utf-8") + f"\n\n{token}.\n", "utf-8")
                times[name].append(wait_for(base + url, token))
        import statistics
        for name, values in times.items():
            print(f"  podgląd (kit serve), {name}: od zapisu do strony {statistics.median(values):.1f} s "
                  f"({min(values):.1f}–{max(values):.1f}, {rounds}×)", file=out, flush=True)
    finally:
        proc.terminate()
        proc.wait(timeout=30)


def check_rows(root: Path, out) -> None:
    """`kit check` with an empty result cache, again with nothing changed, and after one module edit."""
    cache = Path(tempfile.mkdtemp(prefix="kit-bench-check-"))
    try:
        cmd = [sys.executable, "-m", "kit.cli", "check"]
        module = sorted((root / "materials" / "modules").glob("m*"))[-1] / "modul.md"
        steps = {"pierwsza (pusta pamięć wyników)": None, "bez zmian": None,
                 "po zmianie jednego modułu": lambda: module.write_text(
                     module.read_text("utf-8") + "\nZdanie dopisane do pomiaru.\n", "utf-8")}
        for name, change in steps.items():
            if change:
                change()
            s = run_command(cmd, root, KIT_CHECK_CACHE=str(cache))
            failed = f"  BŁĄD: kod wyjścia {s.code}" if s.code else ""
            print(f"  kit check, {name:32} {s.wall:5.1f} s (CPU {s.cpu:5.1f} s){failed}", file=out, flush=True)
    finally:
        shutil.rmtree(cache, ignore_errors=True)


def test_rows(out) -> None:
    """The README's test command on this project: with empty caches (as in CI), then again unchanged."""
    caches = Path(tempfile.mkdtemp(prefix="kit-bench-tests-"))
    env = dict(os.environ, KIT_CHECK_CACHE=str(caches / "checks"), KIT_PDF_CACHE=str(caches / "pdf"))
    try:
        for name in ("puste pamięci wyników i PDF (jak w CI)", "drugie uruchomienie bez zmian"):
            start, busy = time.perf_counter(), machine_busy_seconds()
            code = subprocess.call([sys.executable, "-m", "kit.cli", "test", "--", "-q"], cwd=ROOT, env=env,
                                   stdout=subprocess.DEVNULL)
            cpu = machine_busy_seconds() - busy
            # the work divided over the cores: no test order or worker count gets below this
            print(f"  polecenie testów (kit test), {name}: {time.perf_counter() - start:.0f} s, CPU całej maszyny "
                  f"{cpu:.0f} s (na {cores.available()} rdzeniach co najmniej {cpu / cores.available():.0f} s), "
                  f"kod wyjścia {code}", file=out, flush=True)
    finally:
        shutil.rmtree(caches, ignore_errors=True)


def reader_rows(site: Path, slug: str, out, lighthouse: bool) -> None:
    """First visit per page type (bytes, requests, 404s) behind a gzip server; Lighthouse if asked."""
    from kit.checks.browser import find_chromium
    from kit.checks.localserver import serve
    from kit.checks.node import node_bin
    paths = {name: p.format(slug=slug) for name, p in PAGE_TYPES.items()}
    with serve(site, compress=True) as base:
        run = subprocess.run([str(node_bin()), str(Path(__file__).with_name("firstvisit.js")), str(find_chromium()),
                              base, *paths.values()], capture_output=True, text=True, cwd=ROOT, timeout=600)
        if run.returncode:
            print(f"  pierwsza wizyta: błąd przeglądarki: {run.stderr[-500:]}", file=out)
            return
        for name, visit in zip(paths, json.loads(run.stdout)):
            missing = sum(1 for r in visit["requests"] if r["status"] >= 400)
            print(f"  pierwsza wizyta (gzip), {name:14} {visit['bytes'] / 1024:6.1f} kB, {len(visit['requests'])} "
                  f"żądań, błędów 404: {missing}", file=out, flush=True)
        if lighthouse:
            from kit.bench.lighthouse import audit
            for name, path in paths.items():
                print(f"  Lighthouse (mobile, gzip), {name:14} {audit(base + path)}", file=out, flush=True)


def main(ns) -> int:
    out = sys.stdout
    counts = [int(n) for n in ns.modules.split(",")]
    print(f"kit bench: {ns.rounds} powtórzeń, kit i czysty Material (MkDocs + Material + static-i18n, te same "
          f"strony jako Markdown, bez hooków zestawu) na przemian; {os.cpu_count()} rdzenie, obciążenie "
          f"{os.getloadavg()[0]:.1f}", file=out, flush=True)
    tmp = Path(tempfile.mkdtemp(prefix="kit-bench-project-"))
    try:
        for n in counts:
            root = bench_project.copy_tracked(ROOT, tmp / f"m{n}")
            n = bench_project.scale(root, n)
            print(f"\n{n} modułów:", file=out, flush=True)
            build_rows(root, ns.rounds, pdf=not ns.no_pdf and n <= ns.pdf_max_modules, out=out)
            check_rows(root, out)
            if not ns.no_serve and n == counts[0]:
                preview_rows(root, ns.rounds, out)
            if not ns.no_reader and n == counts[0]:
                site = tmp / "site"
                run_build(root, root / "mkdocs.yml", site, KIT_PDF="0")
                slug = sorted((root / "materials" / "modules").glob("m0*"))[0].name
                reader_rows(site, slug, out, ns.lighthouse)
        if ns.tests:
            print("", file=out)
            test_rows(out)
    finally:
        shutil.rmtree(tmp, ignore_errors=True)
    return 0
