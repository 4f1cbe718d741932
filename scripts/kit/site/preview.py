"""The editor's preview (`kit serve`): watch materials/ and show build errors in the browser.

MkDocs watches only docs/, the config and the theme; the kit's pages come from materials/ and
CHANGELOG.md. When a rebuild fails, MkDocs keeps the last site and holds every request until the
build succeeds, so the browser seems to hang: instead the kit replaces each page with the error
list, and the live-reload script brings the page back once the source is fixed.
"""
from __future__ import annotations

import html
import logging
from pathlib import Path

from kit.log_capture import Messages

log = logging.getLogger("mkdocs.plugins.kit")

ERROR_PAGE = """<!doctype html>
<html lang="pl"><head><meta charset="utf-8"><title>Podgląd zatrzymany – błędy w materiałach</title>
<style>body{{font:1rem/1.5 system-ui,sans-serif;margin:2rem;max-width:60rem}}
pre{{white-space:pre-wrap;background:#f4f4f4;padding:1rem;border-left:4px solid #a4262c}}</style>
</head><body><main><h1>Podgląd zatrzymany: popraw błędy w materiałach</h1>
<p>Ostatnia przebudowa się nie udała. Popraw wskazane miejsca i zapisz plik – strona odświeży się sama.</p>
<pre>{errors}</pre></main></body></html>
"""


def watched_paths(root: Path) -> list[Path]:
    """Sources outside docs/ that feed the site."""
    return [p for p in (root / "materials", root / "CHANGELOG.md") if p.exists()]


def error_page(message: str) -> str:
    return ERROR_PAGE.format(errors=html.escape(message))


def show_error(site_dir: Path, message: str) -> int:
    """Overwrite every page of the preview with the error list; return how many pages."""
    page = error_page(message)
    pages = list(site_dir.rglob("*.html")) or [site_dir / "index.html"]
    site_dir.mkdir(parents=True, exist_ok=True)
    for path in pages:
        path.write_text(page, "utf-8")
    return len(pages)


def safe_builder(builder, site_dir: Path):
    """Wrap MkDocs' rebuild so that a failure shows in the browser instead of a stuck server."""
    def build(*args, **kwargs):
        errors = Messages(logging.ERROR)
        root_logger = logging.getLogger("mkdocs")
        root_logger.addHandler(errors)
        try:
            return builder(*args, **kwargs)
        except (Exception, SystemExit) as exc:  # noqa: BLE001 – any failure must reach the browser
            message = "\n".join(errors.messages) or str(exc) or exc.__class__.__name__
            show_error(site_dir, message)
            log.error("kit: przebudowa nie powiodła się – błędy widać w przeglądarce.")
        finally:
            root_logger.removeHandler(errors)
    return build
