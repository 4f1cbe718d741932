"""Which PDFs the site offers: one per module view, the concept, the guidelines, each template."""
from __future__ import annotations

import re
from dataclasses import dataclass, field
from pathlib import Path

from kit.pdf.render import LABELS, PdfJob, PdfResult
from kit.model.frontmatter import read_source

SECTIONS = {  # docs folder -> (file, Polish title, English title)
    "koncepcja": ("koncepcja-programu", "Koncepcja programu szkoleniowego", "Training-programme concept"),
    "doradztwo": ("wskazowki-doradztwo", "Wskazówki do procesu doradztwa", "Guidelines for the advisory process"),
}


@dataclass
class PdfDoc:
    file: str                  # site-relative within a language root, e.g. pdf/m01-x-uczestnik.pdf
    kind: str                  # participant | trainer | document
    titles: dict[str, str]     # lang -> title
    pages: list[str]           # language-root-relative page folders, in order
    appendix: list[str] = field(default_factory=list)
    langs: tuple[str, ...] = ("pl",)
    sources: tuple[str, ...] = ()  # docs-relative sources (Polish names) whose pages link to it
    fragment: str = ""             # print only this element of the page (a run sheet's section)


def _flatten(nav) -> list[str]:
    out = []
    for item in nav or []:
        if isinstance(item, str):
            out.append(item)
        elif isinstance(item, dict):
            for value in item.values():
                out += _flatten(value) if isinstance(value, list) else [value] if isinstance(value, str) else []
    return out


def _page_dir(src: str) -> str:
    """docs source path -> built page folder (use_directory_urls)."""
    src = re.sub(r"\.md$", "", src)
    if src == "index":
        return ""
    return (src[:-len("/index")] if src.endswith("/index") else src) + "/"


def plan_documents(modules, nav, templates, docs_dir: Path, templates_dir: Path) -> list[PdfDoc]:
    docs: list[PdfDoc] = []
    for m in modules:
        base = f"moduly/{m.slug}/"
        langs = ("pl", "en") if m.en else ("pl",)
        titles = {"pl": m.title, "en": m.en.title if m.en else m.title}
        handouts = [f"{base}karty/{h.name}/" for h in m.handouts]
        docs.append(PdfDoc(f"pdf/{m.slug}-uczestnik.pdf", "participant", titles, [base], handouts, langs,
                           (f"{base}index.md", f"{base}trener.md")))
        docs.append(PdfDoc(f"pdf/{m.slug}-trener.pdf", "trainer", titles, [f"{base}trener/"], handouts, langs,
                           (f"{base}index.md", f"{base}trener.md")))
        docs += module_session_docs(m, langs)
    flat = _flatten(nav)
    for folder, (name, pl, en) in SECTIONS.items():
        sources = [s for s in flat if s.startswith(folder + "/")]
        if not sources:
            continue
        translated = all((docs_dir / s.replace(".md", ".en.md")).exists() for s in sources)
        docs.append(PdfDoc(f"pdf/{name}.pdf", "document", {"pl": pl, "en": en}, [_page_dir(s) for s in sources],
                           [], ("pl", "en") if translated else ("pl",), tuple(sources)))
    for name, title, _ in templates:
        src = f"szablony/{name}.md"
        en_src = templates_dir / f"{name}.en.md"
        en = en_src.exists()
        en_title = title
        if en:
            m = re.search(r"^title:\s*\"?(.+?)\"?\s*$", read_source(en_src), re.M)
            en_title = m[1] if m else title
        docs.append(PdfDoc(f"pdf/szablon-{name}.pdf", "document", {"pl": title, "en": en_title},
                           [_page_dir(src)], [], ("pl", "en") if en else ("pl",), (src,)))
    return docs


def module_session_docs(m, langs: tuple[str, ...]) -> list[PdfDoc]:
    """A trainer's session files: one run sheet per timed variant and each handout on its own."""
    from kit.site.runsheet import T as RT, section_id
    from kit.site.timetable import module_title
    base = f"moduly/{m.slug}/"
    pages = (f"{base}index.md", f"{base}trener.md", f"{base}przebieg.md")
    out = []
    for v in m.variants:
        if v.timed:
            titles = {lang: f"{RT[lang]['title'].format(title=module_title(m, lang))} – {v.label(lang)}"
                      for lang in ("pl", "en")}
            out.append(PdfDoc(f"pdf/{m.slug}-przebieg-{v.key}.pdf", "runsheet", titles, [f"{base}przebieg/"], [],
                              langs, pages, fragment=section_id(v)))
    for h in m.handouts:  # handouts are written in Polish only
        out.append(PdfDoc(f"pdf/{m.slug}-{h.name}.pdf", "handout", {"pl": h.title, "en": h.title},
                          [f"{base}karty/{h.name}/"], [], ("pl",), pages + (f"{base}karty/{h.name}.md",)))
    return out


def documents_for(docs: list[PdfDoc], src_uri: str) -> list[PdfDoc]:
    src = src_uri.replace(".en.md", ".md")
    return [d for d in docs if src in d.sources]


PACK_LABELS = {
    "pl": {"pack": "Pakiet trenera: wszystkie pliki modułu w jednym archiwum", "pptx": "Slajdy do edycji (PPTX)",
           "deck": "Slajdy w przeglądarce", "head": "Pobierz"},
    "en": {"pack": "Trainer pack: every file of the module in one archive", "pptx": "Editable slides (PPTX)",
           "deck": "Slides in the browser", "head": "Download"},
}


def module_extras(slug: str, lang: str) -> list[tuple[str, str, bool]]:
    """(language-root-relative file, label, has a size) of a module's pack and slides."""
    t = PACK_LABELS[lang]
    return [(f"pdf/{slug}-pakiet.zip", t["pack"], True), (f"pdf/{slug}-slajdy.pptx", t["pptx"], True),
            (f"moduly/{slug}/slajdy/index.html", t["deck"], False)]


def download_block(docs: list[PdfDoc], page_url: str, lang: str, extras=()) -> str:
    """HTML for a page's downloads; the size and page count are filled in after rendering.
    An English page whose PDF exists only in Polish links to the Polish file. extras: a module's
    pack and slides (module_extras), listed first."""
    if not docs:
        return ""
    depth = page_url.count("/")
    rows = []
    for file, label, sized in extras:
        meta = f' <span class="kit-pdf-meta" data-kit-pdf="{lang}:{file}"></span>' if sized else ""
        rows.append(f'<li><a href="{"../" * (depth - 1 if lang == "en" else depth)}{file}">{label}</a>{meta}</li>')
    for d in docs:
        pdf_lang, target = _link(d, page_url, lang)
        other = f' lang="{pdf_lang}" hreflang="{pdf_lang}"' if pdf_lang != lang else ""  # WCAG 3.1.2
        rows.append(f'<li><a href="{target}"{other}>{_label(d, pdf_lang)}</a> '
                    f'<span class="kit-pdf-meta" data-kit-pdf="{pdf_lang}:{d.file}">(PDF)</span></li>')
    head = PACK_LABELS[lang]["head"]
    return (f'\n\n<div class="kit-downloads" markdown="0"><p class="kit-downloads__title">{head}</p>'
            f'<ul>{"".join(rows)}</ul></div>\n')


def _link(d: PdfDoc, page_url: str, lang: str) -> tuple[str, str]:
    """(language of the PDF, relative href from the page); English pages without an English PDF
    link to the Polish file."""
    pdf_lang = lang if lang in d.langs else "pl"
    depth = page_url.count("/")
    up = depth - 1 if (lang == "en" and pdf_lang == "en") else depth
    return pdf_lang, "../" * up + d.file


def module_links(docs: list[PdfDoc], page_url: str, lang: str) -> dict[str, list[tuple[str, str]]]:
    """Each module's participant and trainer PDF as (kind, href) from one page (the catalogue)."""
    out: dict[str, list[tuple[str, str]]] = {}
    for d in docs:
        if d.kind in ("participant", "trainer"):
            slug = d.pages[0].split("/")[1]
            out.setdefault(slug, []).append((d.kind, _link(d, page_url, lang)[1]))
    return out


def _label(d: PdfDoc, lang: str) -> str:
    t = LABELS[lang]
    title = d.titles.get(lang, d.titles["pl"])
    if d.kind == "participant":
        return f"{title} – {t['participant']}"
    if d.kind == "trainer":
        return f"{title} – {t['trainer_pack']}"
    return title


def built_page(root: Path, folder: str) -> Path:
    """The built HTML of a page folder: folder/index.html, or folder.html without directory URLs
    (the offline bundle)."""
    nested = root / folder / "index.html"
    return nested if nested.exists() or not folder else root / (folder.rstrip("/") + ".html")


def jobs_for_language(docs: list[PdfDoc], lang: str, lang_root: Path, site_url: str, logo: Path | None,
                      edition: str) -> list[PdfJob]:
    jobs = []
    for d in docs:
        if lang not in d.langs:
            continue
        t = LABELS[lang]
        subtitle = t["participant"] if d.kind == "participant" else t["trainer_pack"] if d.kind == "trainer" else ""
        jobs.append(PdfJob(out=lang_root / d.file, title=d.titles.get(lang, d.titles["pl"]), lang=lang,
                           pages=[built_page(lang_root, p) for p in d.pages], kind=d.kind,
                           appendix_pages=[built_page(lang_root, p) for p in d.appendix],
                           subtitle=subtitle, site_url=site_url + ("en/" if lang == "en" else ""),
                           site_dir=lang_root, logo=logo, edition=edition, fragment=d.fragment))
    return jobs


def size_text(result: PdfResult, lang: str) -> str:
    """'(PDF, 12 stron, 240 kB)' in the page's language."""
    kb = max(1, round(result.size / 1024))
    from kit.site.pages import plural_pl
    word = "pages" if lang == "en" else plural_pl(result.pages, "strona", "strony", "stron")
    pages = f"{result.pages} {word}"
    return f"(PDF, {pages}, {kb} kB)"


def result_key(result: PdfResult, lang: str, lang_root: Path) -> str:
    return f"{lang}:{result.out.relative_to(lang_root).as_posix()}"


def fill_sizes(lang_root: Path, sizes: dict[str, str], skip_dirs: tuple[str, ...] = ()) -> int:
    """Write each PDF's size and page count (sizes: 'lang:file' -> text) into the pages linking it."""
    changed = 0
    for page in lang_root.rglob("*.html"):
        rel = page.relative_to(lang_root).parts
        if rel and rel[0] in skip_dirs:
            continue
        text = page.read_text("utf-8")
        if "data-kit-pdf=" not in text:
            continue
        new = re.sub(r'(<span class="kit-pdf-meta" data-kit-pdf="([^"]+)">)[^<]*(</span>)',
                     lambda m: m[1] + sizes[m[2]] + m[3] if m[2] in sizes else m[0], text)
        if new != text:
            page.write_text(new, "utf-8")
            changed += 1
    return changed
