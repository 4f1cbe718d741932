"""Projects for `kit bench`: a copy of this one scaled to N modules, and the same pages written out
as plain Markdown for a bare Material + static-i18n build (no kit hooks).
"""
from __future__ import annotations

import re
import shutil
import subprocess
from pathlib import Path

import yaml

from kit.model.paths import Project


def copy_tracked(src: Path, dest: Path) -> Path:
    """The project's tracked and new files (not ignored ones) in dest; node_modules linked."""
    files = subprocess.run(["git", "ls-files", "--cached", "--others", "--exclude-standard"], cwd=src,
                           check=True, capture_output=True, text=True).stdout.splitlines()
    for name in files:
        path = src / name
        if path.is_file() and not path.is_symlink():
            (dest / name).parent.mkdir(parents=True, exist_ok=True)
            shutil.copy2(path, dest / name)
    (dest / "node_modules").symlink_to(src / "node_modules")
    return dest


def scale(root: Path, modules: int) -> int:
    """Add copies of the existing modules until the project has `modules` of them (ids m10, m11, …;
    each copy keeps its prerequisites, which stay among the originals). Returns the module count."""
    folder = root / "materials" / "modules"
    originals = sorted(p for p in folder.iterdir() if (p / "modul.md").exists())
    n = len(originals)
    while n < modules:
        source = originals[n % len(originals)]
        n += 1
        mid = f"m{n:02d}"
        target = folder / f"{mid}-{source.name.split('-', 1)[1]}"
        shutil.copytree(source, target)
        for text_file in (target / "modul.md", target / "modul.en.md"):
            if text_file.exists():
                text = text_file.read_text("utf-8")
                text = re.sub(r"^id: m\d+$", f"id: {mid}", text, count=1, flags=re.M)
                text = re.sub(r'^title: "(.*)"$', lambda m: f'title: "{m[1]} ({n})"', text, count=1, flags=re.M)
                text_file.write_text(text, "utf-8")
    return n


def bare_docs(project: Project, config_file: Path, dest: Path) -> list:
    """Write every page the kit generates (modules, trainer views, catalogue, glossary, …) and the
    editors' pages into dest as plain Markdown; returns the nav with one entry per page, as the
    kit's hook would make it. The bare build then renders the same Markdown without the kit."""
    from kit.model.edition import load_edition
    from kit.model.learning_paths import for_edition
    from kit.model.materials import load
    from kit.site.generated import list_templates, site_plan
    from kit.site.hooks import _expand_nav
    shutil.copytree(project.docs, dest, dirs_exist_ok=True)
    m = load(project)
    config = _plain_yaml(config_file)
    kit_extra = (config.get("extra") or {}).get("kit") or {}
    edition = load_edition(path=project.root / kit_extra.get("edition_file", "materials/wydanie.yml")).data
    modules = [mod for mod in m.modules if mod.status != "draft"]
    paths = for_edition(m.paths, modules)
    p = site_plan(project, m, modules, paths, edition, kit_extra, edition["site_address"], edition["site_name"])
    for name, text in p.texts.items():
        (dest / name).parent.mkdir(parents=True, exist_ok=True)
        (dest / name).write_text(text, "utf-8")
    for name, source in p.copies.items():
        (dest / name).parent.mkdir(parents=True, exist_ok=True)
        shutil.copy2(source, dest / name)
    nav = config.get("nav") or []
    _expand_nav(nav, modules, list_templates(project.templates), paths)
    return nav


def _plain_yaml(path: Path) -> dict:
    """mkdocs.yml without its !!python and !ENV tags."""
    loader = type("Loader", (yaml.SafeLoader,), {})
    loader.add_multi_constructor("", lambda loader, suffix, node: None)
    return yaml.load(path.read_text("utf-8"), Loader=loader) or {}
