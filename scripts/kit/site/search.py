"""Polish search: serve the Polish stemmer with the kit's folding, and switch the index to it.

lunr-languages (npm, MPL-1.1) provides the Polish stemmer; scripts/kit/site/search_worker.js adds
diacritic folding, per-document language and query normalisation. Both go into the file that
Material's search worker loads for the language "pl".

The index is split per language (search/search_index.pl.json, search_index.en.json) and
search/search_index.json, which Material fetches on every page load, keeps only the settings:
docs/assets/javascripts/kit-search.js fetches the reader's language when the search is first
opened. The offline bundle (file://, search_index.js) keeps the whole index in one script.
"""
from __future__ import annotations

import gzip
import json
from pathlib import Path

from kit.model.paths import ROOT

WORKER_JS = Path(__file__).with_name("search_worker.js")
TARGET = Path("assets/javascripts/lunr/min/lunr.pl.min.js")


def stemmer_source(root: Path = ROOT) -> Path | None:
    path = root / "node_modules" / "lunr-languages" / "lunr.pl.js"
    return path if path.exists() else None


def install(site: Path, root: Path = ROOT, languages: tuple[str, ...] = ("en",)) -> bool:
    """Write lunr.pl.min.js, point the search index at it and split it per language; False when
    lunr-languages is missing. languages: the other languages' folders (en/)."""
    source = stemmer_source(root)
    index_file = site / "search" / "search_index.json"
    if source is None or not index_file.exists():
        return False
    (site / TARGET).parent.mkdir(parents=True, exist_ok=True)
    (site / TARGET).write_text(source.read_text("utf-8") + "\n" + WORKER_JS.read_text("utf-8"), "utf-8")
    index = json.loads(index_file.read_text("utf-8"))
    index["config"]["lang"] = ["pl"]
    index["docs"] = without_fallback_copies(index["docs"], languages)
    inline = index_file.with_suffix(".js")  # the offline bundle reads the whole index from a script
    if inline.exists():
        inline.write_text(f"var __index = {_json(index)}", "utf-8")
    for lang, docs in split(index["docs"]).items():
        (index_file.parent / LANG_FILE.format(lang=lang)).write_text(_json({"docs": docs}), "utf-8")
    index_file.write_text(_json({"config": {**index["config"], LAZY: True}, "docs": []}), "utf-8")
    return True


LANG_FILE = "search_index.{lang}.json"
LAZY = "kit_lazy"   # tells kit-search.js that the documents are in the per-language files


def _json(data) -> str:
    return json.dumps(data, ensure_ascii=False, separators=(",", ":"))


def without_fallback_copies(docs: list[dict], languages: tuple[str, ...]) -> list[dict]:
    """static-i18n's rule for untranslated pages (reconfigure_search_duplicates), in linear time
    instead of its quadratic scan (mkdocs.yml turns its own off): an entry under a language folder
    whose title and text equal a default-language entry whose location it ends with is dropped."""
    prefixes = tuple(f"{lang}/" for lang in languages)
    originals: dict[tuple[str, str], list[str]] = {}
    for d in docs:
        if not d["location"].startswith(prefixes):
            originals.setdefault((d["title"], d["text"]), []).append(d["location"])
    return [d for d in docs if not (d["location"].startswith(prefixes) and any(
        d["location"].endswith(loc) for loc in originals.get((d["title"], d["text"]), ())))]


def split(docs: list[dict]) -> dict[str, list[dict]]:
    """The index's documents per language: English pages live under en/."""
    out: dict[str, list[dict]] = {"pl": [], "en": []}
    for d in docs:
        out["en" if d["location"].startswith("en/") else "pl"].append(d)
    return out


def language_docs(site: Path, lang: str) -> list[dict]:
    return json.loads((site / "search" / LANG_FILE.format(lang=lang)).read_text("utf-8"))["docs"]


def index_sizes(site: Path) -> dict[str, int]:
    """Gzip size of each language's search index file (for reports)."""
    return {lang: len(gzip.compress((site / "search" / LANG_FILE.format(lang=lang)).read_bytes()))
            for lang in ("pl", "en")}
