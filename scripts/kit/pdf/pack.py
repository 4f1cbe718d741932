"""A trainer's module pack: one ZIP per module and language with the participant and trainer PDFs,
the run sheets, the handouts, the slides (PPTX and the HTML deck) and a short list of contents.
Written after every language's PDFs exist (handouts are Polish only and go into both packs)."""
from __future__ import annotations

import os
import re
import unicodedata
import zipfile
from dataclasses import dataclass
from pathlib import Path

from kit.model.modules import Module
from kit.slides.deck import build_deck
from kit.slides.html_deck import ASSETS, deck_html
from kit.slides.pptx_deck import write_pptx

T = {
    "pl": {"participant": "materialy-dla-uczestnika", "trainer": "materialy-dla-trenera",
           "runsheet": "karta-przebiegu", "slides": "slajdy", "deck": "slajdy-w-przegladarce",
           "readme": "CZYTAJ-MNIE.txt", "pack": "pakiet-trenera",
           "head": "Pakiet trenera: {title}\n\nPliki w tym pakiecie:\n",
           "deck_about": "prezentacja do otwarcia w przeglądarce (plik index.html), działa bez internetu",
           "pptx_about": "prezentacja do edycji (PowerPoint, LibreOffice Impress), {n} slajdów",
           "pdf_about": "{title}, PDF, {pages} str."},
    "en": {"participant": "participant-materials", "trainer": "trainer-materials",
           "runsheet": "run-sheet", "slides": "slides", "deck": "slides-in-browser",
           "readme": "README.txt", "pack": "trainer-pack",
           "head": "Trainer pack: {title}\n\nFiles in this pack:\n",
           "deck_about": "slides to open in a web browser (index.html), work without internet",
           "pptx_about": "editable slides (PowerPoint, LibreOffice Impress), {n} slides",
           "pdf_about": "{title}, PDF, {pages} p."},
}


@dataclass
class PackResult:
    path: Path
    files: int
    pdf_pages: int
    slides: int
    size: int


def ascii_slug(text: str) -> str:
    """'Karta pracy 1: Kto za co' -> 'karta-pracy-1-kto-za-co' (file names that travel anywhere)."""
    text = text.replace("ł", "l").replace("Ł", "L")
    text = unicodedata.normalize("NFKD", text).encode("ascii", "ignore").decode()
    return re.sub(r"[^a-z0-9]+", "-", text.lower()).strip("-")


def pptx_key(deck, author: str) -> str:
    """Everything that decides the PPTX's bytes: the deck, the author, the members' date (the
    commit's), python-pptx and the kit's code."""
    import dataclasses
    import json
    from importlib.metadata import version

    from kit.content_hash import digest, file_digest
    from kit.slides import pptx_deck
    return digest("pptx 1", json.dumps(dataclasses.asdict(deck), ensure_ascii=False), author, str(_zip_time()),
                  version("python-pptx"), file_digest(Path(pptx_deck.__file__)))


def write_slides(m: Module, lang: str, lang_root: Path, site: Path, edition: str,
                 author: str, cache=None) -> tuple[Path, Path, int]:
    """The site's copies: moduly/<slug>/slajdy/index.html and pdf/<slug>-slajdy.pptx; cache (a
    kit.pdf.cache.PdfCache): an unchanged deck's PPTX is copied from it instead of written again."""
    deck = build_deck(m, lang, edition)
    deck_dir = lang_root / "moduly" / m.slug / "slajdy"
    deck_dir.mkdir(parents=True, exist_ok=True)
    assets = Path(os.path.relpath(site / "assets", deck_dir)).as_posix() + "/"
    statement = Path(os.path.relpath(lang_root / "deklaracja-dostepnosci", deck_dir)).as_posix() + "/"
    (deck_dir / "index.html").write_text(deck_html(deck, assets, statement), "utf-8")
    pptx = lang_root / "pdf" / f"{m.slug}-slajdy.pptx"
    key = pptx_key(deck, author) if cache else ""
    known = cache.fetch(key, pptx) if cache else None
    if known:
        return deck_dir, pptx, known.pages
    n = write_pptx(deck, pptx, author)
    if cache:
        from kit.pdf.render import PdfResult
        cache.store(key, PdfResult(pptx, n, pptx.stat().st_size, 0.0, []))   # "pages" holds the slides
    return deck_dir, pptx, n


def pack_module(m: Module, lang: str, lang_root: Path, pl_root: Path, assets: Path, edition: str,
                pages: dict[Path, int], slides: tuple[Path, Path, int]) -> PackResult:
    """pages: page count of every PDF rendered in this build (missing PDFs are left out)."""
    from kit.site.runsheet import T as RT
    t = T[lang]
    title = m.en.title if lang == "en" and m.en else m.title
    folder = f"{m.id}-{ascii_slug(title)}-{t['pack']}"
    entries: list[tuple[str, Path, str]] = []  # name in the ZIP, file, line in the list of contents

    def pdf(name: str, path: Path, about_title: str) -> None:
        if path in pages:
            entries.append((name, path, t["pdf_about"].format(title=about_title, pages=pages[path])))

    pdf(f"01-{t['participant']}.pdf", lang_root / "pdf" / f"{m.slug}-uczestnik.pdf", title)
    pdf(f"02-{t['trainer']}.pdf", lang_root / "pdf" / f"{m.slug}-trener.pdf", title)
    for v in (v for v in m.variants if v.timed):
        pdf(f"03-{t['runsheet']}-{ascii_slug(v.label(lang))}.pdf", lang_root / "pdf" / f"{m.slug}-przebieg-{v.key}.pdf",
            f"{RT[lang]['title'].format(title=title)} – {v.label(lang)}")
    for h in m.handouts:
        pdf(f"04-{ascii_slug(h.title)}.pdf", pl_root / "pdf" / f"{m.slug}-{h.name}.pdf",
            h.title + (" (in Polish)" if lang == "en" else ""))
    deck_dir, pptx, n_slides = slides
    entries.append((f"05-{t['slides']}.pptx", pptx, t["pptx_about"].format(n=n_slides)))
    deck = deck_html(build_deck(m, lang, edition), "")  # the unzipped deck: its files beside it, no site links
    out = lang_root / "pdf" / f"{m.slug}-pakiet.zip"
    readme = t["head"].format(title=title) + "".join(f"- {name}: {about}\n" for name, _, about in entries)
    readme += f"- {t['deck']}/: {t['deck_about']}\n"
    files = [(f"{folder}/{name}", path.read_bytes()) for name, path, _ in entries]
    files += [(f"{folder}/{t['deck']}/index.html", deck.encode())]
    files += [(f"{folder}/{t['deck']}/{Path(a).name}", (assets / a).read_bytes()) for a in ASSETS]
    files += [(f"{folder}/{t['readme']}", readme.encode())]
    stamp = _zip_time()
    with zipfile.ZipFile(out, "w", zipfile.ZIP_DEFLATED) as z:
        for name, data in files:  # fixed dates: a rebuild of the same commit gives the same ZIP
            z.writestr(zipfile.ZipInfo(name, stamp), data, zipfile.ZIP_DEFLATED)
    count = len(entries) + 1 + len(ASSETS) + 1
    return PackResult(out, count, sum(pages[p] for _, p, _ in entries if p in pages), n_slides, out.stat().st_size)


def _zip_time() -> tuple[int, int, int, int, int, int]:
    from datetime import datetime, timezone
    epoch = os.environ.get("SOURCE_DATE_EPOCH", "")
    moment = datetime.fromtimestamp(int(epoch) if epoch.isdigit() else 315532800, tz=timezone.utc)
    return moment.timetuple()[:6]


def size_text(result: PackResult, lang: str) -> str:
    from kit.site.pages import plural_pl
    mb = f"{result.size / 1_048_576:.1f}"
    if lang == "en":
        return f"(ZIP, {result.files} files, {result.pdf_pages} PDF pages, {result.slides} slides, {mb} MB)"
    files = plural_pl(result.files, "plik", "pliki", "plików")
    pages = plural_pl(result.pdf_pages, "strona", "strony", "stron")
    slides = plural_pl(result.slides, "slajd", "slajdy", "slajdów")
    return (f"(ZIP, {result.files} {files}, {result.pdf_pages} {pages} PDF, {result.slides} {slides}, "
            f"{mb.replace('.', ',')} MB)")
