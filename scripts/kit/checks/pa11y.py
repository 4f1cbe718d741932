"""WCAG 2.1 AA check of a built site with pa11y-ci (axe and HTML_CodeSniffer) in system Chromium.
axe-core is the version package.json pins, for pa11y too (npm "overrides"): 4.14 needs half of
4.11's time on a long page, with the same findings on this site.

Provides Node from the virtual environment, installs pa11y-ci from package-lock.json, serves the
site on a free loopback port, checks every URL of the sitemap in every language, writes a JSON
report and prints a short one. Fails on any error; warnings are counted and reported.

A page whose HTML, the files it can load (CSS, scripts, images) and the tools did not change since
its last check keeps that check's findings (kit.checks.result_cache, .cache/kit-pa11y/); only the
other pages go to pa11y-ci.
"""
from __future__ import annotations

import json
import os
import re
import subprocess
import sys
import time
import xml.etree.ElementTree as ET
from collections import Counter
from dataclasses import dataclass, field
from pathlib import Path
from urllib.parse import urlparse

from kit.checks.browser import find_chromium, launch_options
from kit.model.errors import KitError, Problem
from kit import cores
from kit.checks.localserver import serve
from kit.checks.node import ensure_packages, node_bin
from kit.checks.result_cache import ResultCache, cache_dir
from kit.content_hash import digest, file_digest
from kit.model.paths import ROOT

CONFIG = Path(__file__).with_name("pa11y_config.json")
NS = {"s": "http://www.sitemaps.org/schemas/sitemap/0.9", "x": "http://www.w3.org/1999/xhtml"}


@dataclass
class Report:
    pages: int = 0
    errors: list[dict] = field(default_factory=list)
    warnings: list[dict] = field(default_factory=list)
    per_language: Counter = field(default_factory=Counter)
    seconds: float = 0.0
    cached: int = 0          # pages whose findings came from the result cache

    def warnings_by_code(self) -> Counter:
        return Counter(w["code"] for w in self.warnings)


def sitemap_paths(site: Path) -> list[str]:
    """Site-relative paths of every page in the sitemap, including each language alternate."""
    sitemap = site / "sitemap.xml"
    if not sitemap.exists():
        raise KitError([Problem(sitemap, 0, "U001", "sitemap", "zbudowana strona nie ma pliku sitemap.xml.",
                                "zbuduj serwis poleceniem „kit build”.")])
    tree = ET.parse(sitemap)
    urls = [e.text for e in tree.iterfind(".//s:loc", NS)]
    urls += [e.get("href") for e in tree.iterfind(".//x:link", NS)]
    seen, out = set(), []
    for url in urls:
        rel = _site_relative(site, urlparse(url).path)
        if rel not in seen:
            seen.add(rel)
            out.append(rel)
    return out


def _site_relative(site: Path, path: str) -> str:
    """Drop the leading parts of a URL path (site_url's sub-path, e.g. /kit/2025.1/) until the rest
    is a page in the built site."""
    parts = [p for p in path.split("/") if p]
    for i in range(len(parts) + 1):
        rest = "/".join(parts[i:])
        target = site / rest
        if (target / "index.html").exists() or (target.is_file() and rest):
            return rest + ("/" if rest and not target.is_file() else "")
    return "/".join(parts) + "/"


def _language(rel: str) -> str:
    return "en" if rel.startswith("en/") or rel == "en/" else "pl"


def default_concurrency() -> int:
    """Four pages per core: part of each page's time is waiting for the network to go idle, and the
    tabs share one renderer per core (192 pages on 2 cores, axe 4.14: 96 s with 4 at a time, 83 s
    with 6, 78 s with 8, at the same CPU time)."""
    return 4 * cores.available()


# A page's findings take about 0.1 MB (every warning with its context): five versions of a 200-page
# site stay, about 100 MB.
MAX_CACHED_PAGES = 1000

# Site files a page never loads while it is checked: downloads, feeds and the search index (fetched
# only when a reader starts a search). Every other non-HTML file is part of each page's key.
NOT_LOADED = {".pdf", ".zip", ".pptx", ".xml", ".gz", ".html"}


def _page_file(site: Path, rel: str) -> Path:
    target = site / rel
    return target if target.is_file() else target / "index.html"


def tools_key(chromium: Path) -> str:
    """What decides a page's findings besides the site: tool versions, settings, this wrapper."""
    version = subprocess.run([str(chromium), "--version"], capture_output=True, text=True).stdout.strip()
    return digest(version, json.dumps(launch_options(chromium)), file_digest(ROOT / "package-lock.json"),
                  file_digest(CONFIG), file_digest(Path(__file__)))


def shared_key(site: Path) -> str:
    """The files any page may load, by path and content."""
    parts = []
    for f in sorted(site.rglob("*")):
        rel = f.relative_to(site).as_posix()
        if f.is_file() and f.suffix not in NOT_LOADED and not rel.startswith("search/"):
            parts += [rel, file_digest(f)]
    return digest(*parts)


def page_keys(site: Path, paths: list[str], tools: str) -> dict[str, str]:
    shared = shared_key(site)
    return {rel: digest(tools, shared, rel, _page_file(site, rel).read_bytes()) for rel in paths}


def _issue_entries(rel: str, issues: list) -> tuple[list[dict], list[dict]]:
    """pa11y's issues of one page as the report's errors and warnings."""
    errors, warnings = [], []
    for issue in issues:
        if isinstance(issue, dict) and "code" in issue:
            review = (issue.get("runnerExtras") or {}).get("needsFurtherReview", False)
            entry = {"page": rel or "/", "code": issue.get("code"), "runner": issue.get("runner"),
                     "selector": issue.get("selector"), "message": issue.get("message"),
                     "needs_review": review}
            (errors if issue.get("type") == "error" else warnings).append(entry)
        else:  # pa11y could not test the page at all (timeout, crash): that is an error too
            errors.append({"page": rel or "/", "code": "pa11y-failure", "runner": "pa11y", "selector": "",
                           "message": str(issue.get("message") if isinstance(issue, dict) else issue)})
    return errors, warnings


def run(site: Path, concurrency: int | None = None, report_file: Path | None = None, only: list[str] | None = None,
        stream=sys.stdout, cache: ResultCache | None = None) -> Report:
    """Check the site; returns the report (raise KitError when tools are missing). cache: where
    unchanged pages find their findings (default .cache/kit-pa11y/ of the project)."""
    chromium = find_chromium(shell=True)
    node = node_bin()
    modules = ensure_packages(ROOT)
    settings = json.loads(CONFIG.read_text("utf-8"))
    for rule in settings["ignore"]:
        if rule not in settings["ignore_reasons"]:
            raise KitError([Problem(CONFIG, 0, "U002", rule, "reguła jest pomijana bez podanego powodu.",
                                    "dopisz powód w ignore_reasons albo usuń regułę z ignore.")])
    concurrency = concurrency or default_concurrency()
    paths = only if only is not None else sitemap_paths(site)
    report_file = report_file or site.parent / "pa11y-report.json"
    raw_file = report_file.with_suffix(".raw.json")
    raw_file.unlink(missing_ok=True)
    cache = cache if cache is not None else ResultCache(cache_dir(ROOT, "kit-pa11y"))
    start = time.perf_counter()
    keys = page_keys(site, paths, tools_key(chromium))
    results = {rel: cache.get(keys[rel]) for rel in paths}
    todo = [rel for rel in paths if results[rel] is None]
    rep = Report(pages=len(paths), cached=len(paths) - len(todo))
    print(f"pa11y-ci: {len(paths)} stron, standard {settings['standard']}, silniki "
          f"{' + '.join(settings['runners'])}, współbieżność {concurrency}, przeglądarka {chromium}",
          file=stream, flush=True)
    if rep.cached:
        print(f"  {rep.cached} stron bez zmian od ostatniego sprawdzenia: ich wyniki z {cache.folder} "
              f"(sprawdzane teraz: {len(todo)})", file=stream, flush=True)
    if todo:
        results.update(_check(site, todo, settings, concurrency, chromium, node, modules, report_file, raw_file,
                              stream))
        for rel in todo:
            issues = results[rel]
            if all(isinstance(i, dict) and "code" in i for i in issues):   # failures are checked again
                cache.put(keys[rel], issues)
        cache.trim(MAX_CACHED_PAGES)
    for rel in paths:
        rep.per_language[_language(rel)] += 1
        errors, warnings = _issue_entries(rel, results[rel])
        rep.errors += errors
        rep.warnings += warnings
    rep.seconds = time.perf_counter() - start
    report_file.write_text(json.dumps({
        "pages": rep.pages, "per_language": rep.per_language, "seconds": round(rep.seconds, 1),
        "from_cache": rep.cached,
        "concurrency": concurrency, "standard": settings["standard"], "runners": settings["runners"],
        "ignored": settings["ignore_reasons"], "errors": rep.errors,
        "warnings_by_code": rep.warnings_by_code(), "warnings": rep.warnings}, ensure_ascii=False, indent=1), "utf-8")
    return rep


def _check(site: Path, paths: list[str], settings: dict, concurrency: int, chromium: Path, node: Path, modules: Path,
           report_file: Path, raw_file: Path, stream) -> dict[str, list]:
    """Run pa11y-ci on the given pages; returns each page's raw pa11y issues."""
    with serve(site) as base:
        config = {
            "defaults": {
                "standard": settings["standard"],
                "runners": settings["runners"],
                "timeout": settings["timeout"],
                "wait": settings["wait"],
                "ignore": settings["ignore"],
                "includeWarnings": True,  # pass/fail is decided here, on errors only
                "levelCapWhenNeedsReview": settings["levelCapWhenNeedsReview"],
                "concurrency": concurrency,
                "useIncognitoBrowserContext": False,  # incognito contexts make concurrency flaky
                # Tabs share one renderer process per core: a fresh renderer per page would compile
                # Material's and the runners' scripts again (40 pages: 44 → 35 CPU-s, same findings).
                "chromeLaunchConfig": launch_options(chromium, [f"--renderer-process-limit={cores.available()}"]),
                "reporters": ["cli", ["json", {"fileName": str(raw_file)}]],
            },
            "urls": [base + p for p in paths],
        }
        cfg_file = report_file.with_suffix(".config.json")
        cfg_file.write_text(json.dumps(config, indent=2), "utf-8")
        env = dict(os.environ, PUPPETEER_SKIP_DOWNLOAD="1", PUPPETEER_EXECUTABLE_PATH=str(chromium))
        proc = subprocess.Popen([str(node), str(modules / "pa11y-ci" / "bin" / "pa11y-ci.js"), "--config",
                                 str(cfg_file)], cwd=ROOT, env=env, stdout=subprocess.PIPE,
                                stderr=subprocess.STDOUT, text=True)
        tail: list[str] = []
        done = 0
        for line in proc.stdout:  # progress: one line per page as pa11y-ci finishes it
            tail = (tail + [line])[-40:]
            page_line = re.match(r"^\s*>\s+(https?://\S+) - (.*)$", line)  # one per page; issue lines differ
            if page_line:
                done += 1
                url, result = page_line[1], page_line[2]
                found = result.split('(')[0].strip().replace('errors', 'zgłoszeń').replace('error', 'zgłoszenie')
                print(f"  [{done}/{len(paths)}] /{url.strip()[len(base):]} – {found}",
                      file=stream, flush=True)
        proc.wait()
    if not raw_file.exists():
        raise KitError([Problem(raw_file, 0, "U003", "pa11y-ci", "pa11y-ci nie zapisał raportu:\n" +
                                "".join(tail), "sprawdź komunikat powyżej.")])
    raw = json.loads(raw_file.read_text("utf-8")).get("results", {})
    missing = [{"message": "pa11y-ci nie zwrócił wyniku tej strony"}]
    return {rel: raw.get(base + rel, missing) for rel in paths}


def summary(rep: Report) -> str:
    lines = []
    by_page: dict[str, list[dict]] = {}
    for e in rep.errors:
        by_page.setdefault(e["page"], []).append(e)
    for page, errs in by_page.items():
        lines.append(f"/{page}")
        for e in errs:
            lines.append(f"  [{e['runner']}] {e['code']}\n    {e['selector']}\n    {e['message']}")
    langs = ", ".join(f"{k}: {v}" for k, v in sorted(rep.per_language.items()))
    cached = f", w tym {rep.cached} bez zmian od ostatniego sprawdzenia (wynik zapamiętany)" if rep.cached else ""
    lines.append(f"Sprawdzono {rep.pages} stron ({langs}{cached}) w {rep.seconds:.0f} s. "
                 f"Błędy: {len(rep.errors)}, ostrzeżenia: {len(rep.warnings)}.")
    review = sum(1 for w in rep.warnings if w.get("needs_review"))
    lines.append(f"  w tym do ręcznego sprawdzenia (axe „needs review”): {review}")
    for code, n in rep.warnings_by_code().most_common(8):
        lines.append(f"  ostrzeżenie {code}: {n}")
    return "\n".join(lines)
