"""Polish search: serve the Polish stemmer with the kit's folding, and switch the index to it.

lunr-languages (npm, MPL-1.1) provides the Polish stemmer; scripts/kit/site/search_worker.js adds
diacritic folding, per-document language and query normalisation. Both go into the file that
Material's search worker loads for the language "pl".
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


def install(site: Path, root: Path = ROOT) -> bool:
    """Write lunr.pl.min.js and point the search index at it; False when lunr-languages is missing."""
    source = stemmer_source(root)
    index_file = site / "search" / "search_index.json"
    if source is None or not index_file.exists():
        return False
    (site / TARGET).parent.mkdir(parents=True, exist_ok=True)
    (site / TARGET).write_text(source.read_text("utf-8") + "\n" + WORKER_JS.read_text("utf-8"), "utf-8")
    index = json.loads(index_file.read_text("utf-8"))
    index["config"]["lang"] = ["pl"]
    data = json.dumps(index, ensure_ascii=False, separators=(",", ":"))
    index_file.write_text(data, "utf-8")
    inline = index_file.with_suffix(".js")  # the offline bundle reads the index from a script
    if inline.exists():
        inline.write_text(f"var __index = {data}", "utf-8")
    return True


def index_sizes(site: Path) -> dict[str, int]:
    """Gzip size of the search index entries per language (for reports)."""
    index = json.loads((site / "search" / "search_index.json").read_text("utf-8"))
    sizes = {}
    for lang in ("pl", "en"):
        docs = [d for d in index["docs"] if d["location"].startswith("en/") == (lang == "en")]
        sizes[lang] = len(gzip.compress(json.dumps(docs, ensure_ascii=False).encode("utf-8")))
    return sizes
