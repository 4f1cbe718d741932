"""The Markdown dialect of the materials: the extensions mkdocs.yml lists, usable without MkDocs.

`kit check` parses sources with the same parser the site renders them with, so a structural
problem (a trainer block that swallows the next section) is found before anything is published.
"""
from __future__ import annotations

import io
import re
from copy import deepcopy
from pathlib import Path

import markdown

from kit.model.frontmatter import file_version, read_source
from kit.model.paths import ROOT

FENCE = re.compile(r"^\s*(`{3,}|~{3,})")
BLOCK_NAMES_BUILTIN = {"admonition", "details", "html", "tab", "caption", "figure-caption", "table-caption"}


MKDOCS_BUILTINS = ["toc", "tables", "fenced_code"]   # MkDocs puts these before every config's own

# A build hands over the extensions MkDocs has just read (remember), so mkdocs.yml is read once.
_known: dict[Path, tuple[tuple | None, tuple[list, dict]]] = {}   # file → (file version, extensions)


def remember(config_file: Path, names: list, configs: dict) -> None:
    """What MkDocs made of config_file (MkDocsConfig.markdown_extensions and mdx_configs); the
    checks of this process use it from now on."""
    global _current
    _current = config_file.resolve()
    _known[_current] = (file_version(config_file), _anchored(list(names), deepcopy(configs), config_file))


_current: Path | None = None


def current_config() -> Path:
    """The configuration this process builds with, or the project's mkdocs.yml outside a build."""
    return _current or ROOT / "mkdocs.yml"


def extensions(config_file: Path = ROOT / "mkdocs.yml") -> tuple[list, dict]:
    """(extension names, their configs) from a MkDocs config, as MkDocs itself passes them."""
    config_file = config_file.resolve()
    version = file_version(config_file)
    known = _known.get(config_file)
    if known is None or known[0] is None or known[0] != version:
        known = _known[config_file] = (version, _from_yaml(config_file))
    return known[1]


def _from_yaml(config_file: Path) -> tuple[list, dict]:
    from mkdocs.utils import reduce_list
    from mkdocs.utils.yaml import yaml_load
    source = io.StringIO(read_source(config_file))
    source.name = str(config_file)   # yaml_load follows INHERIT relative to the file's name
    data = yaml_load(source) or {}
    names, configs = [], {}
    for item in data.get("markdown_extensions") or []:
        if isinstance(item, dict):
            (name, cfg), = item.items()
            names.append(name)
            if cfg:
                configs[name] = cfg
        else:
            names.append(item)
    return _anchored(reduce_list(MKDOCS_BUILTINS + names), configs, config_file)


def _anchored(names: list, configs: dict, config_file: Path) -> tuple[list, dict]:
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
