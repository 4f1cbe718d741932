"""MkDocs hooks: thin calls into the kit package (listed under `hooks:` in mkdocs.yml)."""
from __future__ import annotations

import logging
import re

from mkdocs.exceptions import PluginError
from mkdocs.plugins import event_priority

from kit import markup
from kit.edition import fill_fields, load_edition
from kit.errors import KitError
from kit.glossary import abbreviation_lines
from kit.legal import render_citations
from kit.materials import load
from kit.paths import Project
from kit.sync import apply, list_templates, plan

log = logging.getLogger("mkdocs.plugins.kit")
_state: dict = {}


def _lang(config) -> str:
    i18n = config.plugins.get("i18n")
    return getattr(i18n, "current_language", None) or config.theme.get("language", "pl")


def _expand_nav(nav, modules, templates) -> None:
    """Append one nav entry per module and template, so a new module needs no nav edit."""
    for item in nav or []:
        if not isinstance(item, dict):
            continue
        for title, children in item.items():
            if not isinstance(children, list):
                continue
            extra = []
            if "moduly/index.md" in children:
                extra = [f"moduly/{m.slug}/index.md" for m in modules]
            if "szablony/index.md" in children:
                extra = [f"szablony/{name}.md" for name, _, _ in templates]
            children += [e for e in extra if e not in children]  # idempotent: i18n may call us again


def on_config(config):
    try:
        project = Project.from_config(config)
        edition = load_edition(config)
        materials = load(project, only=edition.modules)
    except KitError as exc:
        raise PluginError(exc.report()) from None
    _state.update(edition=edition, materials=materials, project=project)
    _expand_nav(config.nav, materials.modules, list_templates(project.templates))
    edition.apply(config)
    return config


def on_pre_build(config):
    m = _state["materials"]
    start = config.extra.get("kit", {}).get("agenda_start", "09:00")
    project = _state["project"]
    changed = apply(plan(project, m.modules, m.acts, m.terms, start), project.docs)
    if changed:
        log.info("kit: zaktualizowano %d wygenerowanych plików w docs/", len(changed))


def on_page_markdown(markdown, page, config, files):
    m = _state["materials"]
    lang = _lang(config)
    try:
        markdown = fill_fields(markdown, _state["edition"].data, page.file.abs_src_path)
    except KitError as exc:
        raise PluginError(exc.report()) from None
    markdown = render_citations(markdown, m.acts, page.file.src_uri, lang)
    markdown = markup.fallback_notice(markdown, page, lang)
    return markdown + "\n\n" + abbreviation_lines(m.terms, lang) + "\n"


def on_page_content(html, page, config, files):
    html = markup.printable_checkboxes(markup.accessible_tables(html))
    if markup.is_fallback(page, _lang(config)):
        html = f'<div lang="{page.file.locale}">\n{html}\n</div>'
    return html


@event_priority(-50)
def on_page_context(context, page, config, nav):
    source = page.meta.get("kit_source")
    if source and config.repo_url:
        page.edit_url = f"{config.repo_url.rstrip('/')}/edit/main/{source}"
    return context


def on_post_page(output, page, config):
    return markup.drop_unlabelled_toc_toggle(output)
