"""Pages generated from materials/: planned once per build, added to MkDocs as virtual files.

Nothing is written into docs/, so `mkdocs serve` rebuilds once per edit, and "edit this page"
points at the real source (kit_source in each page's front matter).
"""
from __future__ import annotations

import logging
import os
from dataclasses import dataclass, field
from pathlib import Path

from mkdocs.structure.files import File, Files, InclusionLevel

from kit.model.dates import today
from kit.model.cases import Cases
from kit.model.frontmatter import load_markdown
from kit.model.glossary import Term
from kit.model.legal import Act
from kit.model.modules import HANDOUTS_DIR, Module
from kit.checks.readability import rows as readability_rows
from kit.model.paths import GENERATED_DIRS, Project
from kit.site.pages import (catalogue, changelog_page, collect_citations, freshness_page, glossary_page,
                            legal_page, readability_page, review_page, templates_index)
from kit.model.states import review_points
from kit.site.runsheet import runsheet_page
from kit.site import cases as case_page
from kit.site.views import participant_page, trainer_page
from kit.model.frontmatter import read_source
from kit.site import learning
from kit.model.learning_paths import LearningPath

log = logging.getLogger("mkdocs.plugins.kit")
ASSET_SUFFIXES = {".png", ".jpg", ".jpeg", ".svg", ".webp", ".gif", ".pdf", ".docx", ".odt", ".xlsx", ".ods"}


@dataclass
class Plan:
    texts: dict[str, str] = field(default_factory=dict)   # docs-relative path -> Markdown
    copies: dict[str, Path] = field(default_factory=dict)  # docs-relative path -> source file
    statics: dict[str, str] = field(default_factory=dict)  # site path -> text of a non-page file (feed.xml)


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


def _review_points(project: Project, modules: list[Module]):
    sources = []
    for m in modules:
        sources += [m.path] + ([m.en.path] if m.en else []) + sorted((m.folder / HANDOUTS_DIR).glob("*.md"))
    points = []
    for path in sources + project.editor_pages():
        points += review_points(path, read_source(path))
    return points


def plan(project: Project, modules: list[Module], acts: dict[str, Act], terms: list[Term],
         agenda_start: str, readability_thresholds: dict | None = None, law: dict | None = None,
         site_url: str = "", site_name: str = "", packs: bool = False,
         cases: Cases | None = None, paths: list[LearningPath] = (), pdf_docs: list = (),
         site: dict[str, tuple[str, str]] | None = None) -> Plan:
    """law: the law-change watch's act states (Materials.law), read from the committed file;
    packs: a build with PDFs, whose catalogue links each module's trainer ZIP; paths: the learning
    paths; pdf_docs: the PDFs this build makes, listed in the catalogue; site: language ->
    (site name, address) for the completion record."""
    from kit.law.compare import module_law
    from kit.pdf.plan import module_links
    from kit.site.history import feed, plan_history
    p = Plan()
    law = law or {}
    now = today()
    impacts = {m.id: module_law(m, acts, law, now) for m in modules}
    acts_short = {k: a.short for k, a in acts.items()}
    history = plan_history(project.root, modules, acts)
    p.texts.update(history.pages)
    templates_dir = project.templates
    by_id = {m.id: m for m in modules}
    for m in modules:
        base = f"moduly/{m.slug}"
        langs = ["pl"] + (["en"] if m.en else [])
        for lang in langs:
            suffix = ".en.md" if lang == "en" else ".md"
            notes = dict(law=impacts[m.id], acts_short=acts_short, since=history.since.get(m.id))
            p.texts[f"{base}/index{suffix}"] = participant_page(m, by_id, lang, project.root, **notes)
            p.texts[f"{base}/trener{suffix}"] = trainer_page(m, by_id, lang, agenda_start, project.root, **notes)
            p.texts[f"{base}/przebieg{suffix}"] = runsheet_page(m, lang, agenda_start, project.root)
        for path in sorted((m.folder / HANDOUTS_DIR).glob("*.md")):
            p.texts[f"{base}/{HANDOUTS_DIR}/{path.name}"] = _with_source(read_source(path), _source(path, project))
        for path in sorted(m.folder.rglob("*")):
            if path.suffix.lower() in ASSET_SUFFIXES and not path.is_symlink():  # links: X020 in kit check
                p.copies[f"{base}/{path.relative_to(m.folder).as_posix()}"] = path
    citations = collect_citations(modules, project.docs)
    templates = list_templates(templates_dir)
    for lang, suffix in (("pl", ".md"), ("en", ".en.md")):
        p.texts[f"moduly/index{suffix}"] = catalogue(modules, lang, frozenset(k for k, v in impacts.items() if v),
                                                      packs, module_links(list(pdf_docs), "moduly/" if lang == "pl"
                                                                          else "en/moduly/", lang))
        p.texts[f"{learning.SECTION}/index{suffix}"] = learning.paths_index(paths, modules, lang)
        for lp in paths:
            p.texts[f"{learning.SECTION}/{lp.id}{suffix}"] = learning.path_page(lp, modules, lang)
        name, address = (site or {}).get(lang, ("", ""))
        p.texts[f"{learning.SECTION}/{learning.RECORD}{suffix}"] = learning.record_page(modules, lang, name, address)
        p.texts[f"zasoby/podstawy-prawne{suffix}"] = legal_page(acts, citations, lang)
        p.texts[f"zasoby/slownik{suffix}"] = glossary_page(terms, lang)
        p.texts[f"zasoby/aktualnosc{suffix}"] = freshness_page(modules, acts, lang, law)
        p.texts[f"szablony/index{suffix}"] = templates_index(templates, lang)
        if cases is not None:
            p.texts[f"{case_page.PAGE}{suffix}"] = case_page.render(cases, lang)
    changelog = project.root / "CHANGELOG.md"
    if changelog.exists():
        p.texts["zasoby/historia-zmian.md"] = changelog_page(read_source(changelog), history.sections,
                                                             modules, "pl", history.links)
    p.statics["feed.xml"] = feed(project.root, site_url, site_name, history.sections, modules, acts, law,
                                 impacts, now)
    p.texts["zasoby/do-weryfikacji.md"] = review_page(_review_points(project, modules), acts, project.root)
    contributing = project.root / "CONTRIBUTING.md"
    if contributing.exists():  # the editors' guide is CONTRIBUTING.md itself, not a copy
        p.texts["zasoby/dla-redaktorow.md"] = _with_source(contributing.read_text("utf-8"), "CONTRIBUTING.md")
    p.texts["zasoby/czytelnosc.md"] = readability_page(readability_rows(project, modules, readability_thresholds), "pl")
    for path in sorted(templates_dir.glob("*.md")):
        if not path.name.startswith("README"):
            p.texts[f"szablony/{path.name}"] = _with_source(read_source(path), _source(path, project))
    return p


def site_plan(project: Project, materials, modules: list[Module], paths: list[LearningPath], edition: dict,
              kit_extra: dict, site_url: str, site_name: str, pdf_docs: list = ()) -> Plan:
    """The plan of one site build from its materials and settings (the build's hook and the bench's
    bare copy of the same pages both use it, so the two never differ)."""
    site = {"pl": (edition["site_name"], edition["site_address"]),
            "en": (edition["site_name_en"], edition["site_address"])}
    return plan(project, modules, materials.acts, materials.terms, kit_extra.get("agenda_start", "09:00"),
                kit_extra.get("readability"), law=materials.law, site_url=site_url, site_name=site_name,
                packs=bool(pdf_docs), cases=materials.cases, paths=paths, pdf_docs=pdf_docs, site=site)


def virtual_files(files: Files, config, plan: Plan, lang: str, default: str, languages: list[str],
                  drafts: set[str] = frozenset()) -> Files:
    """Add the plan's pages and assets to this language build's file list as virtual files.

    Runs after static-i18n has rebuilt the list, so each file gets the attributes static-i18n
    gives its own files (locale, alternates) for the language switcher and the sitemap. An
    English build without an English source falls back to the Polish text, as static-i18n does.
    """
    stale = [f for f in files if f.src_uri.split("/")[0] in GENERATED_DIRS and f.abs_src_path
             and Path(f.abs_src_path).is_relative_to(Path(config.docs_dir))]
    for f in stale:  # left in docs/ by the earlier sync; the virtual files replace them
        files.remove(f)
    if stale:
        log.warning("kit: pomijam %d starych wygenerowanych plików w docs/ (%s…) – można usunąć foldery "
                    "docs/moduly, docs/szablony i docs/zasoby.", len(stale), stale[0].src_uri)
    groups: dict[str, dict[str, str]] = {}
    for key in plan.texts:
        norm = key[: -len(".en.md")] + ".md" if key.endswith(".en.md") else key
        groups.setdefault(norm, {})["en" if key.endswith(".en.md") else default] = key
    for norm, variants in groups.items():
        alternates = {}
        for build in languages:
            src = variants.get(build, variants[default])
            alternates[build] = _page_file(config, src, norm, build, default)
        own = alternates[lang]
        own._content = plan.texts[variants.get(lang, variants[default])]
        locale = lang if lang in variants else default
        own.locale, own.localization = locale, (locale if locale != default else None)
        own.locale_alternate_of, own.norm_src_uri, own.alternates = lang, norm, alternates
        if norm in drafts:
            own.inclusion = InclusionLevel.DRAFT
        files.append(own)
    for rel_path, text in plan.statics.items():
        f = File.generated(config, rel_path, content=text)
        f.locale, f.localization, f.alternates, f.norm_src_uri = default, None, {}, rel_path
        files.append(f)
    for rel_path, source in plan.copies.items():
        f = File(rel_path, src_dir=None, dest_dir=config.site_dir, use_directory_urls=config.use_directory_urls)
        f.abs_src_path = str(source)
        f.locale, f.localization, f.alternates, f.norm_src_uri = default, None, {}, rel_path
        files.append(f)
    return files


def _page_file(config, src_uri: str, norm: str, build: str, default: str) -> File:
    f = File.generated(config, src_uri, content="")
    dest = File(norm, src_dir=None, dest_dir=config.site_dir, use_directory_urls=config.use_directory_urls).dest_uri
    f.name = Path(norm).stem  # "index", not "index.en": MkDocs treats it as a section index
    f.dest_uri = dest if build == default else f"{build}/{dest}"
    f.url = f._get_url(config.use_directory_urls)
    f.abs_dest_path = os.path.normpath(os.path.join(config.site_dir, f.dest_uri))
    return f
