"""The PDF cache: a second render of unchanged inputs copies the earlier file, any change in the
document, a picture or the renderer renders again, and a fresh render gives the same bytes."""
from __future__ import annotations

import os
import shutil
import struct
import zlib
from pathlib import Path

import pytest

from kit.pdf import cache as pdf_cache
from kit.pdf.cache import PdfCache, render_cached
from kit.pdf.render import PdfJob, render



def png(rgb: bytes) -> bytes:
    """A one-pixel PNG of the given colour."""
    def chunk(kind: bytes, data: bytes) -> bytes:
        return struct.pack(">I", len(data)) + kind + data + struct.pack(">I", zlib.crc32(kind + data))
    return (b"\x89PNG\r\n\x1a\n" + chunk(b"IHDR", struct.pack(">IIBBBBB", 1, 1, 8, 2, 0, 0, 0)) +
            chunk(b"IDAT", zlib.compress(b"\0" + rgb)) + chunk(b"IEND", b""))


PIXEL = png(b"\x1b\x4f\x8a")


def make_site(base: Path, text: str = "Pierwsza wersja tekstu.") -> Path:
    page = base / "strona" / "index.html"
    page.parent.mkdir(parents=True)
    (page.parent / "obraz.png").write_bytes(PIXEL)
    page.write_text('<html lang="pl"><body><article class="md-content__inner md-typeset"><h1>Karta</h1>'
                    f'<p>{text}</p><img src="obraz.png" alt="Wykres"></article></body></html>', "utf-8")
    return base


def job(site: Path) -> PdfJob:
    return PdfJob(out=site / "pdf" / "karta.pdf", title="Karta", lang="pl", pages=[site / "strona" / "index.html"],
                  site_dir=site, site_url="http://127.0.0.1:8000/")


@pytest.fixture(autouse=True)
def fixed_date(monkeypatch):
    monkeypatch.setenv("SOURCE_DATE_EPOCH", "1767225600")


def run(site: Path, folder: Path) -> tuple[bytes, int]:
    results, reused = render_cached([job(site)], PdfCache(folder), workers=1, progress=lambda msg: None)
    assert results[0].pages == 1 and results[0].out.exists()
    return results[0].out.read_bytes(), reused


def test_unchanged_document_is_copied_even_from_another_folder(tmp_path):
    folder = tmp_path / "cache"
    first, reused_first = run(make_site(tmp_path / "a"), folder)
    second, reused_second = run(make_site(tmp_path / "b"), folder)   # kit build stages into a new folder
    assert (reused_first, reused_second) == (0, 1)
    assert first == second


def test_changed_text_picture_or_renderer_renders_again(tmp_path, monkeypatch):
    folder = tmp_path / "cache"
    run(make_site(tmp_path / "a"), folder)
    assert run(make_site(tmp_path / "b", "Druga wersja tekstu."), folder)[1] == 0
    picture = make_site(tmp_path / "c")
    (picture / "strona" / "obraz.png").write_bytes(png(b"\xa4\x26\x2c"))
    assert run(picture, folder)[1] == 0
    monkeypatch.setattr(pdf_cache, "FORMAT", "test")   # stands for a new WeasyPrint or kit version
    assert run(make_site(tmp_path / "d"), folder)[1] == 0


def test_a_broken_entry_is_rendered_again(tmp_path):
    folder = tmp_path / "cache"
    run(make_site(tmp_path / "a"), folder)
    for meta in folder.glob("*/*.json"):
        meta.write_text("{", "utf-8")
    assert run(make_site(tmp_path / "b"), folder)[1] == 0


def test_fresh_renders_are_identical(tmp_path):
    """Reproducibility without the cache: the same inputs give the same bytes."""
    a, b = make_site(tmp_path / "a"), make_site(tmp_path / "b")
    assert render(job(a)).out.read_bytes() == render(job(b)).out.read_bytes()


def test_switched_off_and_default_folder(tmp_path, monkeypatch):
    monkeypatch.setenv("KIT_PDF_CACHE", "off")
    assert pdf_cache.default_dir(tmp_path) is None
    monkeypatch.delenv("KIT_PDF_CACHE")
    assert pdf_cache.default_dir(tmp_path) == tmp_path / ".cache" / "kit-pdf"


def test_trim_keeps_the_most_recently_used(tmp_path):
    folder = tmp_path / "cache"
    run(make_site(tmp_path / "a"), folder)
    older = list(folder.glob("*/*.json"))
    run(make_site(tmp_path / "b", "Druga wersja tekstu."), folder)
    for meta in older:
        os.utime(meta, (1, 1))
    newer = [m for m in folder.glob("*/*.json") if m not in older]
    assert PdfCache(folder).trim(max_bytes=newer[0].with_suffix(".pdf").stat().st_size) == 1
    assert list(folder.glob("*/*.json")) == newer
    shutil.rmtree(folder)
    assert run(make_site(tmp_path / "c"), folder)[1] == 0   # a deleted folder only costs a render


def test_without_source_date_epoch_the_pdf_date_is_the_last_commit(tmp_path, monkeypatch):
    """A plain `mkdocs build` sets no SOURCE_DATE_EPOCH: the PDFs take the last commit's time, not the
    clock, so their cache keys stay the same from one build to the next."""
    import subprocess
    from datetime import datetime, timezone
    from kit.pdf import render as pdf_render
    monkeypatch.delenv("SOURCE_DATE_EPOCH")
    commit = subprocess.run(["git", "log", "-1", "--format=%ct"], cwd=Path(__file__).parents[1], capture_output=True,
                            text=True, check=True).stdout.strip()
    expected = datetime.fromtimestamp(int(commit), tz=timezone.utc).strftime("%Y-%m-%dT%H:%M:%SZ")
    assert pdf_render._build_time() == expected
    folder = tmp_path / "cache"
    assert run(make_site(tmp_path / "a"), folder)[1] == 0
    assert run(make_site(tmp_path / "b"), folder)[1] == 1
