"""Mount materials/ into docs/: write generated pages, touching only files whose text changed.

Writing only changes keeps `mkdocs serve` from rebuilding in a loop; stale files are removed so a
deleted module disappears from the site.
"""
from __future__ import annotations

import shutil
from dataclasses import dataclass, field
from pathlib import Path

from kit.model.frontmatter import load_markdown
from kit.model.glossary import Term
from kit.model.legal import Act
from kit.model.modules import HANDOUTS_DIR, Module
from kit.site.pages import (catalogue, changelog_page, collect_citations, freshness_page, glossary_page, legal_page,
                    readability_page, templates_index)
from kit.checks.readability import rows as readability_rows
from kit.model.paths import GENERATED_DIRS, Project
from kit.site.views import participant_page, trainer_page

ASSET_SUFFIXES = {".png", ".jpg", ".jpeg", ".svg", ".webp", ".gif", ".pdf", ".docx", ".odt", ".xlsx", ".ods"}


@dataclass
class Plan:
    texts: dict[str, str] = field(default_factory=dict)   # docs-relative path -> Markdown
    copies: dict[str, Path] = field(default_factory=dict)  # docs-relative path -> source file


def _source(path: Path, project: Project) -> str:
    return path.resolve().relative_to(project.root).as_posix()


def _with_source(text: str, source: str) -> str:
    """Add kit_source to a file's front matter so 'edit this page' opens the real source."""
    if text.startswith("---\n"):
        return f"---\nkit_source: {source}\n" + text[4:]
    return f"---\nkit_source: {source}\n---\n" + text


def list_templates(templates_dir: Path) -> list[tuple[str, str, str]]:
    out = []
    for path in sorted(templates_dir.glob("*.md")):
        if path.name.endswith(".en.md") or path.name.startswith("README"):
            continue
        data = load_markdown(path).data
        out.append((path.stem, data.get("title", path.stem), data.get("summary", "")))
    return out


def plan(project: Project, modules: list[Module], acts: dict[str, Act], terms: list[Term],
         agenda_start: str, readability_thresholds: dict | None = None) -> Plan:
    p = Plan()
    templates_dir = project.templates
    by_id = {m.id: m for m in modules}
    for m in modules:
        base = f"moduly/{m.slug}"
        langs = ["pl"] + (["en"] if m.en else [])
        for lang in langs:
            suffix = ".en.md" if lang == "en" else ".md"
            p.texts[f"{base}/index{suffix}"] = participant_page(m, by_id, lang, project.root)
            p.texts[f"{base}/trener{suffix}"] = trainer_page(m, by_id, lang, agenda_start, project.root)
        for path in sorted((m.folder / HANDOUTS_DIR).glob("*.md")):
            p.texts[f"{base}/{HANDOUTS_DIR}/{path.name}"] = _with_source(path.read_text("utf-8"), _source(path, project))
        for path in sorted(m.folder.rglob("*")):
            if path.suffix.lower() in ASSET_SUFFIXES:
                p.copies[f"{base}/{path.relative_to(m.folder).as_posix()}"] = path
    citations = collect_citations(modules, project.docs)
    templates = list_templates(templates_dir)
    for lang, suffix in (("pl", ".md"), ("en", ".en.md")):
        p.texts[f"moduly/index{suffix}"] = catalogue(modules, lang)
        p.texts[f"zasoby/podstawy-prawne{suffix}"] = legal_page(acts, citations, lang)
        p.texts[f"zasoby/slownik{suffix}"] = glossary_page(terms, lang)
        p.texts[f"zasoby/aktualnosc{suffix}"] = freshness_page(modules, acts, lang)
        p.texts[f"szablony/index{suffix}"] = templates_index(templates, lang)
    changelog = project.root / "CHANGELOG.md"
    if changelog.exists():
        from kit.editions import changelog_sections
        p.texts["zasoby/historia-zmian.md"] = changelog_page(changelog.read_text("utf-8"),
                                                             changelog_sections(project.root), modules, "pl")
    p.texts["zasoby/czytelnosc.md"] = readability_page(readability_rows(project, modules, readability_thresholds), "pl")
    for path in sorted(templates_dir.glob("*.md")):
        if not path.name.startswith("README"):
            p.texts[f"szablony/{path.name}"] = _with_source(path.read_text("utf-8"), _source(path, project))
    return p


def apply(p: Plan, docs_dir: Path) -> list[str]:
    """Write the plan into docs/; return the paths that changed."""
    changed = []
    wanted = set(p.texts) | set(p.copies)
    for rel_path, text in p.texts.items():
        target = docs_dir / rel_path
        if not target.exists() or target.read_text("utf-8") != text:
            target.parent.mkdir(parents=True, exist_ok=True)
            target.write_text(text, "utf-8")
            changed.append(rel_path)
    for rel_path, source in p.copies.items():
        target = docs_dir / rel_path
        if not target.exists() or target.read_bytes() != source.read_bytes():
            target.parent.mkdir(parents=True, exist_ok=True)
            shutil.copyfile(source, target)
            changed.append(rel_path)
    for top in GENERATED_DIRS:
        root = docs_dir / top
        if not root.exists():
            continue
        for path in sorted(root.rglob("*"), reverse=True):
            key = path.relative_to(docs_dir).as_posix()
            if path.is_file() and key not in wanted:
                path.unlink()
                changed.append(key)
            elif path.is_dir() and not any(path.iterdir()):
                path.rmdir()
    return changed
