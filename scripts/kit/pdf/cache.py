"""PDFs rendered only when their inputs changed: a cache keyed by content, outside the site folder.
(The slides' PPTX files use the same folder, keyed by kit.pdf.pack.pptx_key.)

The key of a PDF is a hash of everything that decides its bytes: the prepared HTML of the document
(kit.pdf.render.document_html, which already holds the title, language, edition and build date),
the page CSS, the content of every local file it loads (images, logo, the fonts named in pdf.css),
the kit's PDF code and the versions of WeasyPrint and pikepdf. File paths are left out of the key,
so a build into another folder (kit build stages into a temporary one) still finds its PDFs.

The folder (.cache/kit-pdf/ by default, KIT_PDF_CACHE to move it, KIT_PDF_CACHE=off to switch the
cache off) can be deleted at any time: the next build renders everything again.
"""
from __future__ import annotations

import functools
import json
import os
import re
import shutil
import tempfile
from dataclasses import replace
from pathlib import Path
from urllib.parse import unquote, urlparse

from kit.content_hash import digest, file_digest
from kit.pdf.render import CSS_FILE, KIND_CSS, PdfJob, PdfResult, document_html, page_css, render_all

FORMAT = "1"                      # bump when the layout of an entry changes
MAX_BYTES = 300 * 1024 * 1024     # least recently used entries go first above this size
_FILE_URL = re.compile(r"""file://[^"'\s)<>]+""")
_CODE = [Path(__file__).with_name(n) for n in ("render.py", "post.py", "pdf.css")]


def default_dir(root: Path) -> Path | None:
    """The cache folder for a project, or None when KIT_PDF_CACHE switches it off."""
    value = os.environ.get("KIT_PDF_CACHE", "").strip()
    if value.lower() in ("0", "off", "no", "false"):
        return None
    return Path(value).resolve() if value else root / ".cache" / "kit-pdf"


def _without_paths(text: str) -> str:
    """Each file:// address becomes the hash of the file's content."""
    return _FILE_URL.sub(lambda m: "file:" + file_digest(Path(unquote(urlparse(m[0]).path))), text)


@functools.cache
def _package_versions() -> str:
    """The installed versions, read without importing WeasyPrint (0.4 s) when every PDF is unchanged."""
    from importlib.metadata import version
    return f"weasyprint {version('weasyprint')}|pikepdf {version('pikepdf')}"


def _renderer_versions() -> str:
    code = "".join(file_digest(p) for p in _CODE)
    return f"{FORMAT}|{_package_versions()}|kit {code}"


def key(job: PdfJob, source: str) -> str:
    """The content key of one PDF job whose prepared HTML is `source`."""
    parts = [_renderer_versions(), _without_paths(source), page_css(job), KIND_CSS.get(job.kind, ""),
             _without_paths(CSS_FILE.read_text("utf-8"))]
    return digest(*parts)


def project_cache(root: Path) -> PdfCache | None:
    """The project's cache, or None when KIT_PDF_CACHE switches it off."""
    folder = default_dir(root)
    return PdfCache(folder) if folder else None


class PdfCache:
    """One folder of finished PDFs (<key>.pdf) with their page counts (<key>.json)."""

    def __init__(self, folder: Path):
        self.folder = folder

    def _entry(self, k: str) -> tuple[Path, Path]:
        sub = self.folder / k[:2]
        return sub / f"{k}.pdf", sub / f"{k}.json"

    def fetch(self, k: str, out: Path) -> PdfResult | None:
        pdf, meta = self._entry(k)
        try:
            info = json.loads(meta.read_text("utf-8"))
            out.parent.mkdir(parents=True, exist_ok=True)
            shutil.copyfile(pdf, out)
        except (OSError, ValueError):
            return None    # absent, half-deleted or unreadable: render again
        os.utime(meta)     # recently used: kept when the folder is trimmed
        return PdfResult(out, int(info["pages"]), out.stat().st_size, 0.0, [])

    def store(self, k: str, result: PdfResult) -> None:
        if result.problems:
            return         # the build stops on problems; such a file is never reused
        pdf, meta = self._entry(k)
        try:
            pdf.parent.mkdir(parents=True, exist_ok=True)
            for target, write in ((pdf, lambda f: f.write(result.out.read_bytes())),
                                  (meta, lambda f: f.write(json.dumps({"pages": result.pages}).encode()))):
                fd, tmp = tempfile.mkstemp(dir=pdf.parent, prefix=".tmp-")
                with os.fdopen(fd, "wb") as f:
                    write(f)
                os.replace(tmp, target)   # a second build reading at the same time sees all or nothing
        except OSError:
            pass           # a full or read-only cache folder only costs time, never the build

    def trim(self, max_bytes: int = MAX_BYTES) -> int:
        """Remove the least recently used entries above max_bytes; returns how many went."""
        entries = []
        for meta in self.folder.glob("*/*.json"):
            pdf = meta.with_suffix(".pdf")
            try:
                entries.append((meta.stat().st_mtime, meta, pdf, pdf.stat().st_size))
            except OSError:
                continue
        total, removed = sum(e[3] for e in entries), 0
        for _, meta, pdf, size in sorted(entries, key=lambda e: e[0]):
            if total <= max_bytes:
                break
            meta.unlink(missing_ok=True)
            pdf.unlink(missing_ok=True)
            total -= size
            removed += 1
        return removed


def render_cached(jobs: list[PdfJob], cache: PdfCache | None, workers: int = 2,
                  progress=print) -> tuple[list[PdfResult], int]:
    """Render the jobs whose inputs changed and copy the others from the cache.
    Returns the results in job order and how many came from the cache."""
    if cache is None:
        return render_all(jobs, workers=workers, progress=progress), 0
    prepared = [replace(job, source=document_html(job)) for job in jobs]
    keys = [key(job, job.source) for job in prepared]
    results: list[PdfResult | None] = [cache.fetch(k, job.out) for k, job in zip(keys, prepared)]
    todo = [i for i, r in enumerate(results) if r is None]
    for i, result in zip(todo, render_all([prepared[i] for i in todo], workers=workers, progress=progress)):
        cache.store(keys[i], result)
        results[i] = result
    if todo:
        cache.trim()
    return results, len(jobs) - len(todo)

