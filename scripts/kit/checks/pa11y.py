"""WCAG 2.1 AA check of a built site with pa11y-ci (axe and HTML_CodeSniffer) in system Chromium.

Provides Node from the virtual environment, installs pa11y-ci from package-lock.json, serves the
site on a free loopback port, checks every URL of the sitemap in every language, writes a JSON
report and prints a short one. Fails on any error; warnings are counted and reported.
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

from kit.checks.browser import FLAGS, find_chromium
from kit.model.errors import KitError, Problem
from kit.checks.localserver import serve
from kit.checks.node import ensure_packages, node_bin
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
    """One page per core: Chromium's rendering and the two runners are CPU-bound."""
    return max(1, len(os.sched_getaffinity(0)) if hasattr(os, "sched_getaffinity") else os.cpu_count() or 1)


def run(site: Path, concurrency: int | None = None, report_file: Path | None = None, only: list[str] | None = None,
        stream=sys.stdout) -> Report:
    """Check the site; returns the report (raise KitError when tools are missing)."""
    chromium = find_chromium()
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
    start = time.perf_counter()
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
                "chromeLaunchConfig": {"executablePath": str(chromium), "args": FLAGS},
                "reporters": ["cli", ["json", {"fileName": str(raw_file)}]],
            },
            "urls": [base + p for p in paths],
        }
        cfg_file = report_file.with_suffix(".config.json")
        cfg_file.write_text(json.dumps(config, indent=2), "utf-8")
        print(f"pa11y-ci: {len(paths)} stron, standard {settings['standard']}, silniki "
              f"{' + '.join(settings['runners'])}, współbieżność {concurrency}, przeglądarka {chromium}",
              file=stream, flush=True)
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
    raw = json.loads(raw_file.read_text("utf-8"))
    rep = Report(pages=len(paths), seconds=time.perf_counter() - start)
    for url, issues in raw.get("results", {}).items():
        rel = url[len(base):] if url.startswith(base) else url
        rep.per_language[_language(rel)] += 1
        for issue in issues:
            if isinstance(issue, dict) and "code" in issue:
                review = (issue.get("runnerExtras") or {}).get("needsFurtherReview", False)
                entry = {"page": rel or "/", "code": issue.get("code"), "runner": issue.get("runner"),
                         "selector": issue.get("selector"), "message": issue.get("message"),
                         "needs_review": review}
                (rep.errors if issue.get("type") == "error" else rep.warnings).append(entry)
            else:  # pa11y could not test the page at all (timeout, crash): that is an error too
                rep.errors.append({"page": rel or "/", "code": "pa11y-failure", "runner": "pa11y",
                                   "selector": "", "message": str(issue.get("message") if isinstance(issue, dict) else issue)})
    report_file.write_text(json.dumps({
        "pages": rep.pages, "per_language": rep.per_language, "seconds": round(rep.seconds, 1),
        "concurrency": concurrency, "standard": settings["standard"], "runners": settings["runners"],
        "ignored": settings["ignore_reasons"], "errors": rep.errors,
        "warnings_by_code": rep.warnings_by_code(), "warnings": rep.warnings}, ensure_ascii=False, indent=1), "utf-8")
    return rep


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
    lines.append(f"Sprawdzono {rep.pages} stron ({langs}) w {rep.seconds:.0f} s. "
                 f"Błędy: {len(rep.errors)}, ostrzeżenia: {len(rep.warnings)}.")
    review = sum(1 for w in rep.warnings if w.get("needs_review"))
    lines.append(f"  w tym do ręcznego sprawdzenia (axe „needs review”): {review}")
    for code, n in rep.warnings_by_code().most_common(8):
        lines.append(f"  ostrzeżenie {code}: {n}")
    return "\n".join(lines)
