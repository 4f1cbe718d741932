"""The Markdown dialect of the materials: the extensions mkdocs.yml lists, usable without MkDocs.

`kit check` parses sources with the same parser the site renders them with, so a structural
problem (a trainer block that swallows the next section) is found before anything is published.
"""
from __future__ import annotations

import re
from functools import lru_cache
from pathlib import Path

import markdown

from kit.model.paths import ROOT

FENCE = re.compile(r"^\s*(`{3,}|~{3,})")
BLOCK_NAMES_BUILTIN = {"admonition", "details", "html", "tab", "caption", "figure-caption", "table-caption"}


@lru_cache(maxsize=4)
def extensions(config_file: Path = ROOT / "mkdocs.yml") -> tuple[list, dict]:
    """(extension names, their configs) from a MkDocs config, as MkDocs itself would pass them."""
    from mkdocs.utils.yaml import yaml_load
    with open(config_file, encoding="utf-8") as f:
        data = yaml_load(f) or {}
    names, configs = [], {}
    for item in data.get("markdown_extensions") or []:
        if isinstance(item, dict):
            (name, cfg), = item.items()
            names.append(name)
            configs[name] = cfg or {}
        else:
            names.append(item)
    snippets = configs.get("pymdownx.snippets")
    if snippets is not None:  # relative to the config file, as MkDocs runs from there
        base = snippets.get("base_path", ["."])
        snippets["base_path"] = [str(config_file.parent / b) for b in ([base] if isinstance(base, str) else base)]
    return names, configs


def block_names(config_file: Path = ROOT / "mkdocs.yml") -> set[str]:
    """Every `/// name` the configured pymdownx.blocks extensions understand."""
    _, configs = extensions(config_file)
    names = set(BLOCK_NAMES_BUILTIN)
    for ext in ("pymdownx.blocks.admonition", "pymdownx.blocks.details"):
        names.update(configs.get(ext, {}).get("types") or [])
    return names


def parser(extra: list | None = None, config_file: Path = ROOT / "mkdocs.yml") -> markdown.Markdown:
    names, configs = extensions(config_file)
    return markdown.Markdown(extensions=names + (extra or []), extension_configs=configs)


def outside_fences(rows: list[str]):
    """Yield (index, row) for the rows outside fenced code blocks (a marker in code is not markup)."""
    fence = None
    for i, row in enumerate(rows):
        m = FENCE.match(row)
        if m:
            fence = None if fence and m[1].startswith(fence) else (fence or m[1])
            continue
        if not fence:
            yield i, row
