"""markdownlint-cli2 for `kit check`: the committed .markdownlint-cli2.jsonc, run in the background
beside the Python checks.

A file whose bytes, the configuration and markdownlint's version did not change since its last lint
keeps that lint's findings (kit.checks.result_cache, .cache/kit-markdownlint/); the other files are
split over the cores, one markdownlint process each.
"""
from __future__ import annotations

import glob
import json
import re
import subprocess
import sys
from dataclasses import dataclass, field
from pathlib import Path

from kit.checks.result_cache import ResultCache, cache_dir
from kit.content_hash import digest, file_digest
from kit.model.paths import ROOT, Project

CLI = ROOT / "node_modules" / "markdownlint-cli2" / "markdownlint-cli2-bin.mjs"
CONFIG = ROOT / ".markdownlint-cli2.jsonc"
_FINDING = re.compile(r"^(?P<file>[^:\n]+\.md):\d+")


def read_config(path: Path = CONFIG) -> dict:
    """The JSONC configuration; comments take whole lines there."""
    text = "\n".join(line for line in path.read_text("utf-8").splitlines() if not line.lstrip().startswith("//"))
    return json.loads(text)


def _glob_regex(pattern: str) -> re.Pattern:
    out = re.escape(pattern).replace(r"\*\*/", "(?:.*/)?").replace(r"\*\*", ".*").replace(r"\*", "[^/]*")
    return re.compile(out + "$")


def files(root: Path, config: dict) -> list[str]:
    """The project's files that the configuration's globs take and its ignores leave, as markdownlint-cli2
    finds them (paths relative to root, with forward slashes)."""
    ignores = [_glob_regex(p) for p in config.get("ignores", [])]
    found = set()
    for pattern in config.get("globs", []):
        for rel in glob.glob(pattern, root_dir=root, recursive=True):
            rel = rel.replace("\\", "/")
            if not any(i.match(rel) for i in ignores) and (root / rel).is_file():
                found.add(rel)
    return sorted(found)


@dataclass
class Lint:
    """Findings of the unchanged files and the processes that lint the others."""
    root: Path
    keys: dict[str, str]
    findings: dict[str, list[str]] = field(default_factory=dict)
    procs: list[tuple[list[str], subprocess.Popen]] = field(default_factory=list)
    cache: ResultCache | None = None


def start(project: Project, workers: int = 2, cache: ResultCache | None = None) -> Lint | None:
    """Start linting; None when markdownlint-cli2 is not installed (finish says so)."""
    from kit.checks.node import node_bin
    if not CLI.exists():
        return None
    config = read_config()
    tools = digest(CONFIG.read_bytes(), file_digest(ROOT / "package-lock.json"), file_digest(Path(__file__)))
    names = files(project.root, config)
    lint = Lint(project.root, {rel: digest(tools, rel, (project.root / rel).read_bytes()) for rel in names},
                cache=cache if cache is not None else ResultCache(cache_dir(project.root, "kit-markdownlint")))
    todo = []
    for rel in names:
        known = lint.cache.get(lint.keys[rel])
        if known is None:
            todo.append(rel)
        else:
            lint.findings[rel] = known
    chunks = [todo[i::workers] for i in range(workers) if todo[i::workers]]
    for chunk in chunks:   # ':' makes each name literal, --no-globs leaves out the configuration's globs
        proc = subprocess.Popen([str(node_bin()), str(CLI), "--no-globs", "--config", str(CONFIG),
                                 *(":" + rel for rel in chunk)], cwd=project.root,
                                stdout=subprocess.PIPE, stderr=subprocess.PIPE, text=True)
        lint.procs.append((chunk, proc))
    return lint


def finish(lint: Lint | None) -> int:
    """Print the findings; 0 when there are none, 1 with findings, 2 without markdownlint."""
    if lint is None:
        print("Błąd: brak markdownlint-cli2 w node_modules. Uruchom „python3 scripts/run.py check”, "
              "które je zainstaluje z package-lock.json.", file=sys.stderr)
        return 2
    other: list[str] = []   # lines that name no file: the tool itself failed
    for chunk, proc in lint.procs:
        out, err = proc.communicate()
        found: dict[str, list[str]] = {rel: [] for rel in chunk}
        for line in (out + err).splitlines():
            m = _FINDING.match(line)
            if m and m["file"] in found:
                found[m["file"]].append(line)
            elif m or proc.returncode not in (0, 1) or " error " in line:
                other.append(line)   # never dropped, never remembered
        if proc.returncode in (0, 1) and not other:
            for rel, lines in found.items():
                lint.cache.put(lint.keys[rel], lines)
        lint.findings.update(found)
    lint.cache.trim()
    lines = [line for rel in sorted(lint.findings) for line in lint.findings[rel]] + other
    if lines:
        print("\n".join(lines), file=sys.stderr)
        print("Markdown: popraw wskazane linie (reguły MDxxx opisuje CONTRIBUTING.md).", file=sys.stderr)
        return 1
    return 0
