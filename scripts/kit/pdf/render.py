"""Accessible PDFs (PDF/UA-1) from the built pages: module participant and trainer packs, the
concept, the guidelines and each template, in every language that has a translation.

The build renders the Markdown once; this module takes each page's <article>, prepares it for
print (answers to an appendix, details opened, external URLs printed, Polish typography) and
renders it with WeasyPrint. pikepdf then adds what WeasyPrint leaves out (table header /Scope).
"""
from __future__ import annotations

import base64
import functools
import html as htmllib
import logging
import re
import time
from concurrent.futures import Future, ProcessPoolExecutor
from dataclasses import dataclass, field
from pathlib import Path
from urllib.parse import unquote, urljoin, urlparse

from lxml import html as lhtml

from kit.log_capture import Messages
from kit.site.typography import bind_single_letters_html

CSS_FILE = Path(__file__).with_name("pdf.css")
# Per-kind page setup on top of pdf.css: a run sheet is one landscape page, a handout uses the paper.
KIND_CSS = {
    "runsheet": "@page { size: A4 landscape; margin: 14mm 12mm 12mm 12mm; } html { font-size: 9pt; line-height: 1.3; }"
                " h1 { font-size: 14pt; margin: 0 0 2mm; } table { font-size: 8pt; margin: 1mm 0 2mm; }"
                " th, td { padding: 0.8mm 1.2mm; } p { margin: 1mm 0; } .headerlink { display: none; }",
    "handout": "@page { margin: 16mm 14mm 14mm 14mm; } h1 { font-size: 15pt; margin: 0 0 3mm; }"
               " h2 { font-size: 12pt; margin: 4mm 0 2mm; } caption { break-after: avoid; }"
               " h2 + p, h3 + p { break-after: avoid; }",
}
LABELS = {
    "pl": {"page": "Strona", "of": "z", "appendix": "Załącznik: odpowiedzi do ćwiczeń i pytań „Sprawdź się”",
           "model": "Przykładowa odpowiedź",
           "see": "Odpowiedź: w załączniku na końcu dokumentu.", "trainer": "NOTATKA DLA TRENERA",
           "participant": "materiały dla uczestnika i uczestniczki", "trainer_pack": "materiały dla trenera",
           "handouts": "Karty pracy", "edition": "Wydanie"},
    "en": {"page": "Page", "of": "of", "appendix": "Appendix: answers to the exercises and self-check questions",
           "model": "Sample answer",
           "see": "Answer: in the appendix at the end of the document.", "trainer": "TRAINER NOTE",
           "participant": "participant materials", "trainer_pack": "trainer materials",
           "handouts": "Handouts", "edition": "Edition"},
}


@dataclass
class PdfJob:
    """One PDF: which built pages go in, in what order, and how they are prepared."""
    out: Path
    title: str
    lang: str
    pages: list[Path]
    kind: str = "document"          # participant | trainer | document
    appendix_pages: list[Path] = field(default_factory=list)  # handouts after the main text
    subtitle: str = ""
    site_url: str = ""
    site_dir: Path | None = None
    logo: Path | None = None
    edition: str = ""
    fragment: str = ""              # id of the one element to print (a run sheet's section)
    source: str = ""                # the prepared HTML when the caller made it already (kit.pdf.cache)


@dataclass
class PdfResult:
    out: Path
    pages: int
    size: int
    seconds: float
    problems: list[str]


def _article(page: Path) -> lhtml.HtmlElement:
    doc = lhtml.fromstring(page.read_bytes())
    found = doc.xpath('//article[contains(@class, "md-content__inner")]')
    if not found:
        raise ValueError(f"{page}: no <article> in the built page")
    return found[0]


def _absolutise(article: lhtml.HtmlElement, page: Path, job: PdfJob) -> None:
    """Links to other pages of the site become absolute site URLs; images point to local files."""
    rel_page = page.parent.relative_to(job.site_dir).as_posix() + "/" if job.site_dir else ""
    rel_page = "" if rel_page == "./" else rel_page
    base = urljoin(job.site_url, rel_page)
    for a in article.iter("a"):
        href = a.get("href")
        if not href:
            continue
        if href.startswith("#"):
            continue
        a.set("href", urljoin(base, href))  # external URLs are already printed by markup.print_urls
    for img in article.iter("img"):
        src = img.get("src")
        if src and not urlparse(src).scheme:
            img.set("src", local_image(page.parent / unquote(urlparse(src).path)))


IMAGE_TYPES = {".png": "image/png", ".jpg": "image/jpeg", ".jpeg": "image/jpeg", ".gif": "image/gif",
               ".webp": "image/webp", ".svg": "image/svg+xml"}


def local_image(path: Path) -> str:
    """A local picture as a data: URI. WeasyPrint names a raster image in the PDF after its URL, so
    a file:// URL would make the PDF depend on the folder the site was built in (and the cache miss)."""
    kind = IMAGE_TYPES.get(path.suffix.lower())
    if kind is None or not path.is_file():
        return path.resolve().as_uri()   # WeasyPrint reports what it cannot read
    return f"data:{kind};base64,{base64.b64encode(path.read_bytes()).decode('ascii')}"


# Screen-only parts of a page: permalinks, edit buttons, PDF links, the view switch, and the
# self-study widgets (feedback, progress, "mark as completed", the catalogue filter).
SCREEN_ONLY = ("headerlink", "md-content__button", "kit-downloads", "kit-view-switch", "kit-feedback",
               "kit-progress", "kit-done", "kit-filter")


def _clean(article: lhtml.HtmlElement) -> None:
    for el in article.xpath(" | ".join(f'.//*[contains(concat(" ", @class, " "), " {c} ")]' for c in SCREEN_ONLY)):
        el.drop_tree()


def _open_details(article: lhtml.HtmlElement, labels: dict, answers: list | None) -> None:
    """Details become plain blocks; self-check answers move to `answers` when it is a list."""
    for det in article.xpath(".//details"):
        summary = det.find("summary")
        question = summary.text_content().strip() if summary is not None else ""
        choices = "kit-quiz__answer" in (det.get("class") or "")  # a /// pytanie block (kit.site.quiz)
        if choices:
            shown = det.getparent().find_class("kit-quiz__question")
            question = shown[0].text_content().strip() if shown else question
        # the model answer of a self-study exercise variant: handed-out copies must not give it away
        solo = "samodzielnie" in (det.getparent().get("class") or "")
        if solo:
            exercise = next((e for e in det.getparent().itersiblings(preceding=True)
                             if "cwiczenie" in (e.get("class") or "")), None)
            named = exercise.find_class("admonition-title") if exercise is not None else []
            question = f"{labels['model']}: {named[0].text_content().strip()}" if named else labels["model"]
        if answers is not None and ("pytanie" in (det.get("class") or "") or choices or solo):
            body = [lhtml.tostring(ch, encoding="unicode") for ch in det if ch.tag != "summary"]
            answers.append((question, "".join(body)))
            # the question and its choices stay in place; only the answer moves to the appendix
            asked = "" if choices or solo else f'<p class="kit-q">{htmllib.escape(question)}</p>'
            block = lhtml.fragment_fromstring(
                f'<div class="kit-question">{asked}<p class="kit-see">{labels["see"]}</p></div>')
            block.tail = det.tail
            det.getparent().replace(det, block)
            continue
        cls = det.get("class") or ""
        div = lhtml.Element("div")
        div.set("class", f"admonition {cls}")
        if summary is not None:
            title = lhtml.Element("p")
            title.set("class", "admonition-title")
            title.text = question
            div.append(title)
            det.remove(summary)
        for child in list(det):
            div.append(child)
        div.text = det.text
        div.tail = det.tail
        det.getparent().replace(det, div)


def _prefix_ids(article: lhtml.HtmlElement, prefix: str) -> None:
    """Chapters joined into one document keep unique anchors (PDF destinations)."""
    for el in article.xpath(".//*[@id]"):
        el.set("id", prefix + el.get("id"))
    for a in article.xpath(".//a[starts-with(@href, '#')]"):
        a.set("href", "#" + prefix + a.get("href")[1:])


def _page_url(page: Path, job: PdfJob) -> str:
    rel = page.parent.relative_to(job.site_dir).as_posix() + "/" if job.site_dir else ""
    return urljoin(job.site_url, "" if rel == "./" else rel)


def _handout_anchors(job: PdfJob) -> dict[str, str]:
    """Site address of each handout in this PDF -> its anchor inside the PDF."""
    return {_page_url(page, job): f"#z{k}-karta" for k, page in enumerate(job.appendix_pages)}


def _link_inside(article: lhtml.HtmlElement, anchors: dict[str, str]) -> None:
    """A link to a handout that the PDF itself contains jumps inside the PDF, not to the website."""
    for a in article.iter("a"):
        href = (a.get("href") or "").split("#")[0]
        if href in anchors:
            a.set("href", anchors[href])


def _shift_headings(article: lhtml.HtmlElement) -> None:
    """A handout or a later chapter goes one level down so the document keeps one H1."""
    for level in range(5, 0, -1):
        for h in article.iter(f"h{level}"):
            h.tag = f"h{level + 1}"


def _pair_definitions(article: lhtml.HtmlElement) -> None:
    """WeasyPrint tags <dt> and <dd> as separate list items, so a term loses its value. Each
    term with its values becomes one list item (L > LI > LBody) that keeps them together."""
    for dl in article.xpath(".//dl"):
        items, current = [], None
        for child in list(dl):
            if child.tag == "dt":
                current = lhtml.Element("li")
                items.append(current)
                child.tag = "span"
                child.set("class", "kit-dt")
            elif child.tag == "dd":
                child.tag = "div"
                child.set("class", "kit-dd")
                if current is None:
                    current = lhtml.Element("li")
                    items.append(current)
            if current is not None:
                current.append(child)
        dl.tag = "ul"
        dl.set("class", ((dl.get("class") or "") + " kit-dl").strip())
        for li in items:
            dl.append(li)


def document_html(job: PdfJob) -> str:
    labels = LABELS[job.lang]
    answers: list | None = [] if job.kind == "participant" else None
    inside = _handout_anchors(job)
    parts = []
    for i, page in enumerate(job.pages):
        art = _article(page)
        if job.fragment:
            art = _fragment(art, job.fragment, job.title)
        _clean(art)
        _absolutise(art, page, job)
        _link_inside(art, inside)
        _open_details(art, labels, answers)
        _pair_definitions(art)
        if i > 0:
            _shift_headings(art)
            _prefix_ids(art, f"r{i}-")
        parts.append(lhtml.tostring(art, encoding="unicode", method="html"))
    if job.appendix_pages:
        parts.append(f'<section class="kit-handout"><h2>{labels["handouts"]}</h2></section>')
        for k, page in enumerate(job.appendix_pages):
            art = _article(page)
            _prefix_ids(art, f"z{k}-")
            _clean(art)
            _absolutise(art, page, job)
            _link_inside(art, inside)
            _open_details(art, labels, None)
            _pair_definitions(art)
            _shift_headings(art)
            parts.append(f'<section class="kit-handout" id="z{k}-karta">'
                         f'{lhtml.tostring(art, encoding="unicode", method="html")}</section>')
    if answers:
        rows = [f'<section class="kit-appendix"><h2>{labels["appendix"]}</h2>']
        rows += [f"<h3>{htmllib.escape(q)}</h3>{body}" for q, body in answers]
        parts.append("".join(rows) + "</section>")
    body = bind_single_letters_html("\n".join(parts))
    # Only the first article keeps its H1; inner <article> wrappers become sections.
    body = re.sub(r"<article\b[^>]*>", "<section>", body).replace("</article>", "</section>")
    cover = ""
    if job.kind in KIND_CSS:
        pass  # run sheets and handouts use the whole page for work
    elif job.logo and job.logo.exists():
        cover += f'<img src="{local_image(job.logo)}" alt="{htmllib.escape(job.edition)} – logo">'
    if (job.subtitle or job.edition) and job.kind not in KIND_CSS:
        cover += f'<p class="kit-edition">{htmllib.escape(job.edition)}' + \
            (f" · {htmllib.escape(job.subtitle)}" if job.subtitle else "") + "</p>"
    title = htmllib.escape(job.title)
    stamp = _build_time()
    return (f'<!doctype html><html lang="{job.lang}"><head><meta charset="utf-8"><title>{title}</title>'
            f'<meta name="dcterms.created" content="{stamp}"><meta name="dcterms.modified" content="{stamp}">'
            f'<meta name="author" content="{htmllib.escape(job.edition)}">'
            f'<meta name="description" content="{htmllib.escape(job.subtitle or job.title)}">'
            f'</head><body><div class="kit-cover">{cover}</div>{body}</body></html>')


def _fragment(article: lhtml.HtmlElement, element_id: str, title: str) -> lhtml.HtmlElement:
    """One section of a page as its own document: its first heading becomes the H1 with the
    document's title."""
    found = article.xpath(f'.//*[@id="{element_id}"]')
    if not found:
        raise ValueError(f"no element #{element_id} in the built page")
    section = found[0]
    heading = next((h for h in section.iter("h2", "h3")), None)
    if heading is not None:
        heading.tag = "h1"
        for child in list(heading):
            heading.remove(child)
        heading.text = title
    wrapper = lhtml.Element("article")
    wrapper.append(section)
    return wrapper


def _build_time() -> str:
    """The PDF's dates: SOURCE_DATE_EPOCH, else the last commit's time (a plain `mkdocs build` sets no
    SOURCE_DATE_EPOCH, and the clock would change every PDF's cache key), else now outside git."""
    import os
    from datetime import datetime, timezone
    epoch = os.environ.get("SOURCE_DATE_EPOCH") or _commit_time()
    moment = datetime.fromtimestamp(int(epoch), tz=timezone.utc) if epoch.isdigit() and int(epoch) > 0 else \
        datetime.now(timezone.utc)
    return moment.strftime("%Y-%m-%dT%H:%M:%SZ")


@functools.cache
def _commit_time() -> str:
    from kit.editions import source_date_epoch
    return source_date_epoch()


def link_texts(source: str) -> list[tuple[str, str]]:
    """(target, visible text) of every link in the document, in order."""
    doc = lhtml.fromstring(source)
    return [(a.get("href"), " ".join(a.text_content().split())) for a in doc.iter("a") if a.get("href")]


def page_css(job: PdfJob) -> str:
    labels = LABELS[job.lang]
    quoted = job.title.replace("\\", "\\\\").replace('"', '\\"')
    return (f'@page {{ @top-left {{ content: "{quoted}"; }} '
            f'@bottom-right {{ content: "{labels["page"]} " counter(page) " {labels["of"]} " counter(pages); }} }}'
            f'.admonition.trener > .admonition-title::before {{ content: "{labels["trainer"]}"; display: block; '
            f'font-size: 7.5pt; letter-spacing: 0.5pt; color: #4b2a6e; }}')


def render(job: PdfJob) -> PdfResult:
    from weasyprint import CSS, HTML
    from weasyprint.text.fonts import FontConfiguration
    from weasyprint.urls import URLFetcher

    from kit.pdf.post import finish
    _tag_languages()

    start = time.perf_counter()
    handler = Messages(logging.WARNING)
    logger = logging.getLogger("weasyprint")
    logger.addHandler(handler)
    try:
        fonts = FontConfiguration()
        source = job.source or document_html(job)
        doc = HTML(string=source, base_url=str(job.pages[0].parent), 
                   url_fetcher=URLFetcher(allowed_protocols={"file", "data"}))  # local files only
        css = [CSS(filename=str(CSS_FILE), font_config=fonts), CSS(string=page_css(job), font_config=fonts)]
        if job.kind in KIND_CSS:
            css.append(CSS(string=KIND_CSS[job.kind], font_config=fonts))
        job.out.parent.mkdir(parents=True, exist_ok=True)
        doc.write_pdf(job.out, stylesheets=css, font_config=fonts, pdf_variant="pdf/ua-1",
                      pdf_identifier=False, uncompressed_pdf=False)
    finally:
        logger.removeHandler(handler)
    pages = finish(job.out, link_texts(source))
    problems = handler.messages
    return PdfResult(job.out, pages, job.out.stat().st_size, time.perf_counter() - start, problems)


def _tag_languages() -> None:
    """WeasyPrint writes the document's /Lang but not an element's: wrap its tag-tree builder so a
    structure element made for an element with lang="…" (a Polish name on an English page) gets
    /Lang (PDF/UA 7.2, WCAG 3.1.2). Relies on weasyprint.pdf.tags, pinned in requirements.lock."""
    import pydyf
    from weasyprint.pdf import tags
    if getattr(tags, "_kit_lang", False):
        return
    build = tags._build_box_tree

    def with_lang(box, parent, pdf, *args):
        element = getattr(box, "element", None)
        lang = element.get("lang") if element is not None and hasattr(element, "get") else None
        for child in build(box, parent, pdf, *args):
            if lang and box.element_tag not in ("html", "body") and child.get("P") == parent.reference:
                child["Lang"] = pydyf.String(lang)
            yield child

    tags._build_box_tree = with_lang
    tags._kit_lang = True


def _result(future: Future):
    """The future's result, waking every half second: the kernel may deliver Ctrl-C to a thread other
    than the main one, and an untimed wait would never see it (the build would hang)."""
    while True:
        try:
            return future.result(timeout=0.5)
        except TimeoutError:
            continue


def _ignore_interrupt() -> None:
    """Workers leave Ctrl-C to the parent, which stops them all and reports once."""
    import signal
    signal.signal(signal.SIGINT, signal.SIG_IGN)


def render_all(jobs: list[PdfJob], workers: int = 2, progress=print, renderer=render) -> list[PdfResult]:
    """Render in parallel (one process per core); progress is reported per finished PDF.
    Ctrl-C stops every worker and ends the build with one line instead of a traceback per process."""
    results: list[PdfResult] = []
    if workers <= 1 or len(jobs) <= 1:
        for i, job in enumerate(jobs, 1):
            results.append(render(job))
            progress(f"PDF [{i}/{len(jobs)}] {results[-1].out.name}: {results[-1].pages} s., "
                     f"{results[-1].seconds:.1f} s")
        return results
    pool = ProcessPoolExecutor(max_workers=workers, initializer=_ignore_interrupt)
    try:
        for i, future in enumerate([pool.submit(renderer, job) for job in jobs], 1):
            results.append(_result(future))
            progress(f"PDF [{i}/{len(jobs)}] {results[-1].out.name}: {results[-1].pages} s., "
                     f"{results[-1].seconds:.1f} s")
    except KeyboardInterrupt:
        processes = list((getattr(pool, "_processes", None) or {}).values())
        pool.shutdown(wait=False, cancel_futures=True)
        for proc in processes:
            proc.terminate()
        for proc in processes:
            proc.join(timeout=5)
        import sys
        print(f"Przerwano (Ctrl-C): zatrzymano tworzenie PDF ({len(results)} z {len(jobs)} gotowych) "
              "i procesy robocze; folder strony nie jest kompletny – zbuduj ponownie.", file=sys.stderr, flush=True)
        raise SystemExit(130) from None
    pool.shutdown()
    return results
