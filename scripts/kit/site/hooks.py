"""MkDocs hooks: thin calls into the kit package (listed under `hooks:` in mkdocs.yml)."""
from __future__ import annotations

import logging
import os
import time
from copy import deepcopy
from pathlib import Path

from mkdocs.exceptions import PluginError
from mkdocs.plugins import event_priority
from mkdocs.structure.files import InclusionLevel

from kit.site import markup, trainer_filter
from kit.model import dialect
from kit.model.edition import fill_fields, load_edition
from kit.model.errors import KitError
from kit.model.frontmatter import read_source
from kit.model.glossary import abbreviation_languages, abbreviation_lines
from kit.model.legal import render_citations
from kit.model.materials import load
from kit.model.paths import Project
from kit.pdf import plan as pdf_plan
from kit.model.learning_paths import for_edition
from kit.site import csp, language_processes, learning, programme, sanitize, search, sitemap
from kit.site.generated import list_templates, site_plan, virtual_files
from kit.site.preview import safe_builder, watched_paths
from kit.site.pages import plural_pl
from kit.site.typography import bind_single_letters_html

log = logging.getLogger("mkdocs.plugins.kit")
_state: dict = {}


def _lang(config) -> str:
    i18n = config.plugins.get("i18n")
    return getattr(i18n, "current_language", None) or config.theme.get("language", "pl")


def _expand_nav(nav, modules, templates, paths=()) -> None:
    """Append one nav entry per module, template and learning path (at any depth of the nav), so
    a new one needs no nav edit."""
    for item in nav or []:
        if not isinstance(item, dict):
            continue
        for title, children in item.items():
            if not isinstance(children, list):
                continue
            _expand_nav(children, modules, templates, paths)
            extra = []
            if "moduly/index.md" in children:
                extra = [f"moduly/{m.slug}/index.md" for m in modules]
            if "szablony/index.md" in children:
                extra = [f"szablony/{name}.md" for name, _, _ in templates]
            if f"{learning.SECTION}/index.md" in children:
                extra = [f"{learning.SECTION}/{p.id}.md" for p in paths] + [f"{learning.SECTION}/{learning.RECORD}.md"]
            children += [e for e in extra if e not in children]  # idempotent: i18n may call us again


def _drop_drafts(nav, drafts: set[str]) -> None:
    """Remove nav entries of draft pages (the build leaves the pages out)."""
    for item in list(nav or []):
        value = next(iter(item.values())) if isinstance(item, dict) and len(item) == 1 else item
        if isinstance(value, list):
            _drop_drafts(value, drafts)
        elif isinstance(value, str) and value in drafts:
            nav.remove(item)


def on_startup(command, dirty):
    # Drafts are built by `serve` only; MkDocs reloads this hook file per build, the env survives.
    os.environ["KIT_MKDOCS_COMMAND"] = command


def on_serve(server, config, builder):
    for path in watched_paths(_state["project"].root):
        server.watch(str(path))
    server.builder = safe_builder(server.builder, Path(config.site_dir))
    return server


def on_config(config):
    # MkDocs calls on_config again for each language that static-i18n builds inside the first
    # build: the materials were checked moments ago, so reuse them and keep the per-site state.
    nested = getattr(config.plugins.get("i18n"), "building", False) and "materials" in _state
    if not nested:
        dialect.remember(Path(config.config_file_path), config.markdown_extensions, config.mdx_configs)
        try:
            project = Project.from_config(config)
            edition = load_edition(config)
            materials = load(project, edition)
        except KitError as exc:
            raise PluginError(exc.report()) from None
        preview = os.environ.get("KIT_MKDOCS_COMMAND") == "serve"  # drafts exist only in the preview
        _state.update(edition=edition, materials=materials, project=project, preview=preview,
                      modules=[m for m in materials.modules if preview or m.status != "draft"],
                      templates=list_templates(project.templates), pdf_sizes={}, pdf_pages={}, languages=[])
    project, modules, templates = _state["project"], _state["modules"], _state["templates"]
    _state["paths"] = for_edition(_state["materials"].paths, modules)  # drafts leave paths too
    _expand_nav(config.nav, modules, templates, _state["paths"])
    if not _state["preview"]:
        _drop_drafts(config.nav, {p for p, s in _state["materials"].page_states.items() if s == "draft"})
    _state["edition"].apply(config)
    config.mdx_configs.setdefault("toc", {})["permalink_title"] = markup.PERMALINK_TITLE[_lang(config)]
    pdf_on = os.environ.get("KIT_PDF", "1") != "0" and config.extra.get("kit", {}).get("pdf", True)
    _state["pdf_docs"] = pdf_plan.plan_documents(modules, config.nav, templates, project.docs,
                                                 project.templates) if pdf_on else []
    return config


def on_page_read_source(page, config):
    """Each source file is read once per build: the model read every page already (frontmatter's
    memo, which a language built in its own process inherits), so MkDocs takes the text from there."""
    if not page.file.abs_src_path:
        return None   # a generated page carries its text
    try:
        return read_source(Path(page.file.abs_src_path), allow_empty=True)
    except KitError as exc:
        raise PluginError(exc.report()) from None


def on_pre_build(config):
    _state["languages"].append(_lang(config))  # static-i18n nests builds: keep a stack
    if "plan" not in _state or len(_state["languages"]) == 1:  # once per site build, for all languages
        _state["plan"] = site_plan(_state["project"], _state["materials"], _state["modules"], _state["paths"],
                                   _state["edition"].data, config.extra.get("kit", {}), config.site_url or "",
                                   config.site_name, _state["pdf_docs"])


@event_priority(-200)  # after static-i18n has rebuilt the file list for this language
def on_files(files, config):
    i18n = config.plugins.get("i18n")
    default = getattr(i18n, "default_language", "pl")
    languages = list(getattr(i18n, "build_languages", None) or [default])
    files = virtual_files(files, config, _state["plan"], _lang(config), default, languages)
    states = _state["materials"].page_states
    for f in files.documentation_pages():
        if states.get(f.src_uri) == "draft":
            f.inclusion = InclusionLevel.DRAFT  # built by `serve` with a banner, left out of `build`
    if i18n is not None:  # the sitemap template lists each language's pages from this map
        i18n.i18n_files_per_language[_lang(config)] = files.documentation_pages()
    if language_processes.wanted(i18n):  # the site folder is clean now: the others may write
        language_processes.start(config, i18n, _child_state, _take_child_state)
    return files


def _child_state() -> dict:
    """What a language built in its own process leaves for the default build's last steps."""
    return {key: _state[key] for key in ("pdf_sizes", "pdf_pages", "sitemap_parts") if key in _state}


def _take_child_state(state: dict) -> None:
    for key, value in state.items():
        _state.setdefault(key, {}).update(value)


def on_page_markdown(markdown, page, config, files):
    trainer_filter.VIEW["trainer"] = page.meta.get("kit_view") == "trener"  # read while this page renders
    m = _state["materials"]
    lang = _lang(config)
    sanitize.escape_meta(page.meta)  # the theme prints front matter values unescaped
    if page.file.src_uri.replace(".en.md", ".md") in config.extra.get("kit", {}).get("editor_pages", ()):
        page.meta.setdefault("search", {})["exclude"] = True  # Material's search skips the page
    try:
        markdown = programme.fill(markdown, _state["modules"], lang, page.file.src_uri, page.file.abs_src_path)
        markdown = fill_fields(markdown, _state["edition"].data, page.file.abs_src_path)
    except KitError as exc:
        raise PluginError(exc.report()) from None
    markdown = render_citations(markdown, m.acts, page.file.src_uri)
    markdown = markup.with_state_banner(markdown, m.page_states.get(page.file.src_uri, "published"), lang)
    markdown = markup.fallback_notice(markdown, page, lang)
    if page.file.src_uri in ("index.md", "index.en.md"):
        markdown += _offline_link(lang)
    docs = pdf_plan.documents_for(_state["pdf_docs"], page.file.src_uri)
    module = _module_of(page.file.src_uri)
    extras = pdf_plan.module_extras(module.slug, lang if lang in _module_langs(module) else "pl") \
        if module and page.file.src_uri.count("/") == 2 else ()
    markdown = _after_title(markdown, pdf_plan.download_block(docs, page.url, lang, extras))
    return markdown + "\n\n" + abbreviation_lines(m.terms, lang, markdown) + "\n"


def _module_of(src_uri: str):
    """The module a generated page belongs to (moduly/<slug>/…), or None."""
    parts = src_uri.split("/")
    if parts[0] != "moduly" or len(parts) < 3:
        return None
    return next((m for m in _state["modules"] if m.slug == parts[1]), None)


def _module_langs(m) -> tuple[str, ...]:
    return ("pl", "en") if m.en else ("pl",)


def _after_title(markdown: str, block: str) -> str:
    """Downloads go right under the page's H1, not at the end of a long page."""
    if not block:
        return markdown
    rows = markdown.split("\n")
    for i, row in enumerate(rows):
        if row.startswith("# "):
            return "\n".join(rows[:i + 1] + [block.strip(), ""] + rows[i + 1:])
    return markdown + block


def on_page_content(html, page, config, files):
    trainer_filter.VIEW["trainer"] = False
    html = markup.print_urls(markup.printable_checkboxes(markup.accessible_tables(html)))
    html = markup.mark_abbreviations(html, abbreviation_languages(_state["materials"].terms, _lang(config)))
    html = bind_single_letters_html(html)
    if "/karty/" in page.file.src_uri:  # handouts: room to write instead of dotted lines
        html = markup.writing_space(html)
    if markup.is_fallback(page, _lang(config)):
        html = f'<div lang="{page.file.locale}">\n{html}\n</div>'
    return sanitize.clean(html)  # last: the kit's own markup passes the same allow-list


@event_priority(-50)
def on_page_context(context, page, config, nav):
    if page not in nav.pages and not page.is_homepage:
        # A page outside the menu (handouts, trainer views, editors' pages) shows no menu sidebar:
        # Material gives it a scroll box that axe finds without keyboard access
        # (scrollable-region-focusable); the header tabs still lead everywhere.
        hide = page.meta.get("hide") or []
        page.meta["hide"] = [*hide, "navigation"] if "navigation" not in hide else hide
    source = page.meta.get("kit_source")
    if source and config.repo_url:
        page.edit_url = f"{config.repo_url.rstrip('/')}/edit/main/{source}"
    return context


def _per_language_404(output, template_name, config):
    """static-i18n builds each language into the same site_dir, so the last build's 404.html
    would win: keep the default language's at the root and put the others under their prefix."""
    if template_name != "404.html":
        return output
    lang, default = _lang(config), getattr(config.plugins.get("i18n"), "default_language", "pl")
    output = markup.mark_fallback_titles(output, "404.html", None, _state.get("fallback_urls", {}),
                                         config.site_url or "http://site/")
    if lang == default:
        return output
    target = Path(config.site_dir) / lang / "404.html"
    target.parent.mkdir(parents=True, exist_ok=True)
    target.write_text(output, "utf-8")
    return ""  # MkDocs then leaves the root's 404.html (the default language's) alone


def on_nav(nav, config, files):
    _state["fallback_urls"] = markup.fallback_urls(nav.pages, _lang(config))  # for on_post_page
    return nav


def on_env(env, config, files):
    """404.html renders before the pages: its language switch must lead to each language's home,
    not to the page static-i18n last pointed it at in the previous language's build."""
    i18n = config.plugins.get("i18n")
    if getattr(i18n, "extra_alternate", None):
        config.extra.alternate = deepcopy(i18n.extra_alternate)  # the attribute static-i18n sets per page
    _template_cache(env)
    return env


def _template_cache(env) -> None:
    """Each build (each language, each preview rebuild) gets a new Jinja environment that would
    compile Material's templates again; Jinja's own bytecode cache keeps them compiled, checked
    against each template's source (.cache/kit-jinja, safe to delete)."""
    from jinja2 import FileSystemBytecodeCache
    from kit.checks.result_cache import cache_dir
    folder = cache_dir(_state["project"].root, "kit-jinja")
    if folder is None:
        return
    try:
        folder.mkdir(parents=True, exist_ok=True)
    except OSError:
        return   # a read-only checkout only compiles as before
    env.bytecode_cache = FileSystemBytecodeCache(str(folder))


def on_post_page(output, page, config):
    own = page.file.locale if markup.is_fallback(page, _lang(config)) else None
    output = markup.mark_fallback_titles(output, page.url, own, _state.get("fallback_urls", {}))
    return csp.apply(markup.drop_unlabelled_toc_toggle(output), page.content, _offline(config))


def on_build_error(error):
    """A full disk or a read-only folder ends the build with one Polish line, not a traceback."""
    language_processes.stop()
    if isinstance(error, OSError):
        where = f" ({error.filename})" if error.filename else ""
        raise PluginError(f"Błąd zapisu lub odczytu pliku{where}: {error.strerror or error}. Sprawdź wolne "
                          "miejsce na dysku i uprawnienia do folderu, potem zbuduj ponownie.") from None


def on_post_template(output_content, template_name, config):
    if template_name == "sitemap.xml":
        _state.setdefault("sitemap_parts", {})[_lang(config)] = output_content
        # a language built in its own process leaves the shared file to the default build
        return "" if language_processes.in_child() else output_content
    output = csp.apply(output_content, offline=_offline(config))  # 404.html
    return _per_language_404(output, template_name, config)


def _offline(config) -> bool:
    return bool(config.extra.get("kit", {}).get("offline"))


@event_priority(-150)  # after static-i18n, which builds the other languages and merges the index
def on_post_build(config):
    """Render this build's PDFs; once the last build ends (the default language's, which wraps the
    others), write PDF sizes into the pages and switch the search index to Polish search."""
    lang = _state["languages"].pop()
    i18n = config.plugins.get("i18n")
    default = getattr(i18n, "default_language", "pl")
    site = Path(config.site_dir)
    if _state.get("pdf_docs"):
        _render_pdfs(config, lang, site / ("" if lang == default else lang))  # static-i18n nests languages
    if _state["languages"]:
        return  # a nested language build; the outer build finishes the site
    if _state.get("pdf_docs"):
        _module_packs(config, site, i18n)
    if _state["pdf_sizes"]:
        pdf_plan.fill_sizes(site, _state["pdf_sizes"])
    built = list(getattr(i18n, "build_languages", None) or [])
    parts = _state.pop("sitemap_parts", {})
    if language_processes.take_joined():  # each process rendered only its own language's pages
        sitemap.write(site, sitemap.combine([parts[x] for x in built if x in parts]))
    sitemap.copy_to_languages(site, built, default)
    if config.extra.get("kit", {}).get("offline"):
        _offline_polyfill(site, _state["project"].root)
    others = tuple(x for x in getattr(i18n, "build_languages", None) or [] if x != getattr(i18n, "default_language", x))
    if not search.install(site, _state["project"].root, others):
        log.warning("kit: brak lunr-languages w node_modules – wyszukiwanie bez polskiego stemmera "
                    "(uruchom „python3 scripts/run.py serve” lub „npm ci”)")


def _render_pdfs(config, lang: str, root: Path) -> None:
    from kit.pdf.cache import project_cache, render_cached
    edition = _state["edition"].data
    logo = _state["project"].docs / (config.theme.get("logo") or "assets/logo.svg")
    jobs = pdf_plan.jobs_for_language(_state["pdf_docs"], lang, root, config.site_url or "", logo,
                                      edition["site_name"] if lang == "pl" else edition["site_name_en"])
    start = time.perf_counter()
    results, reused = render_cached(jobs, project_cache(_state["project"].root),
                                    workers=int(os.environ.get("KIT_PDF_WORKERS", "2")),
                                    progress=lambda msg: log.info("kit: %s", msg))
    problems = [f"{r.out.name}: {p}" for r in results for p in r.problems]
    if problems:
        raise PluginError("WeasyPrint zgłosił problemy podczas tworzenia PDF (PDF/UA):\n" + "\n".join(problems))
    for r in results:
        _state["pdf_sizes"][pdf_plan.result_key(r, lang, root)] = pdf_plan.size_text(r, lang)
        _state["pdf_pages"][r.out] = r.pages
    log.info("kit: %d plików PDF (%s) w %.1f s: %d utworzonych, %d bez zmian z pamięci podręcznej",
             len(results), lang, time.perf_counter() - start, len(results) - reused, reused)


def _module_packs(config, site: Path, i18n) -> None:
    """Slides and the trainer's ZIP per module and language, once every language's PDFs exist."""
    from kit.pdf import pack
    from kit.pdf.cache import project_cache
    start = time.perf_counter()
    edition = _state["edition"].data
    default = getattr(i18n, "default_language", "pl")
    built = getattr(i18n, "build_languages", None) or [default]
    n = 0
    cache = project_cache(_state["project"].root)
    for m in _state["modules"]:
        for lang in (x for x in _module_langs(m) if x in built):
            root = site if lang == default else site / lang
            name = edition["site_name"] if lang == "pl" else edition["site_name_en"]
            slides = pack.write_slides(m, lang, root, site, name, name, cache)
            result = pack.pack_module(m, lang, root, site, _state["project"].docs / "assets", name,
                                      _state["pdf_pages"], slides)
            _state["pdf_sizes"][f"{lang}:pdf/{m.slug}-pakiet.zip"] = pack.size_text(result, lang)
            kb = max(1, round(slides[1].stat().st_size / 1024))
            _state["pdf_sizes"][f"{lang}:pdf/{m.slug}-slajdy.pptx"] = (
                f"(PPTX, {slides[2]} slides, {kb} kB)" if lang == "en" else
                f"(PPTX, {slides[2]} {plural_pl(slides[2], 'slajd', 'slajdy', 'slajdów')}, {kb} kB)")
            n += 1
    log.info("kit: %d pakietów trenera (ZIP) ze slajdami w %.1f s", n, time.perf_counter() - start)


def _offline_polyfill(site: Path, root: Path) -> None:
    """The offline bundle runs search in an iframe instead of a worker (file:// forbids workers);
    the shim comes from package-lock.json, not from unpkg.com."""
    shim = root / "node_modules" / "iframe-worker" / "shim" / "index.js"
    if not shim.exists():
        raise PluginError("Brak node_modules/iframe-worker – uruchom „npm ci” (python3 scripts/run.py build).")
    target = site / "assets" / "javascripts" / "iframe-worker-shim.js"
    target.write_bytes(shim.read_bytes())


def _offline_link(lang: str) -> str:
    """The home page offers the edition's offline ZIP when the publish step has built one."""
    from kit.editions import OFFLINE_ZIP
    zip_file = _state["project"].docs / OFFLINE_ZIP
    if not zip_file.exists():
        return ""
    mb = f"{zip_file.stat().st_size / 1_048_576:.1f}"
    if lang == "en":
        return (f"\n\n## Offline copy\n\nThe whole site with all PDFs, to read without internet: "
                f"[download the offline copy (ZIP, {mb} MB)]({OFFLINE_ZIP}). Unpack it and open index.html.\n")
    return (f"\n\n## Wersja offline\n\nCały serwis ze wszystkimi plikami PDF, do czytania bez internetu: "
            f"[pobierz wersję offline (ZIP, {mb.replace('.', ',')} MB)]({OFFLINE_ZIP}). "
            "Rozpakuj plik i otwórz index.html.\n")
