"""The site's sitemap.xml: one file listing every language's pages with their alternates.

static-i18n's template lists the pages of every language built so far in this process; the last
language's build writes the complete file. When languages build in separate processes
(language_processes.py) each renders only its own pages, and the parent joins the parts in the
order static-i18n would have listed them.
"""
from __future__ import annotations

import gzip
import re
from datetime import datetime, timezone
from pathlib import Path

from mkdocs import utils

_PARTS = re.compile(r"(?s)\A(.*?<urlset\b[^>]*>)(.*?)(\s*</urlset>\s*)\Z")


def combine(texts: list[str]) -> str:
    """One sitemap from several renders of the template: the first one's head and tail, every
    render's <url> entries in the given order."""
    parts = [_PARTS.match(t) for t in texts]
    if not texts or not all(parts):
        raise ValueError("sitemap.xml bez elementu <urlset>")
    return parts[0].group(1) + "".join(p.group(2) for p in parts) + parts[0].group(3)


def write(site: Path, text: str) -> None:
    """sitemap.xml and sitemap.xml.gz as MkDocs writes them (the gzip header carries the build
    day, so the bytes match a sequential build's)."""
    path = site / "sitemap.xml"
    path.write_bytes(text.encode("utf-8"))
    day = datetime.fromisoformat(utils.get_build_date()).replace(tzinfo=timezone.utc)
    gz_name = f"{path}.gz"
    with open(gz_name, "wb") as f, gzip.GzipFile(fileobj=f, filename=gz_name, mode="wb",
                                                 mtime=int(day.timestamp())) as gz:
        gz.write(text.encode("utf-8"))


def copy_to_languages(site: Path, languages: list[str], default: str) -> None:
    """Material's language switch looks for sitemap.xml under each language's root; static-i18n
    writes one for the whole site, so each language root gets a copy (no 404 in the console)."""
    sitemap = site / "sitemap.xml"
    for lang in languages:
        if lang != default and sitemap.exists():
            (site / lang / "sitemap.xml").write_bytes(sitemap.read_bytes())
