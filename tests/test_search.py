"""Polish search in real headless Chromium: language filter, diacritics, inflection."""
from __future__ import annotations

import json
import subprocess

import pytest

from conftest import ROOT
from kit.checks.browser import find_chromium
from kit.checks.localserver import serve
from kit.checks.node import ensure_packages, node_bin
from kit.site.search import LAZY, TARGET, index_sizes, language_docs

pytestmark = [pytest.mark.browser, pytest.mark.slow]

CASES = [
    ("", "cyfryzacji"),             # inflected form, Polish page
    ("", "cyfryzacją"),
    ("", "dostepnosc"),             # no diacritics typed
    ("", "dostępność"),
    ("", "szkolach"),               # folded and inflected: szkołach
    ("", "harmonogramu"),
    ("en/", "accessibility"),       # English page, English results only
    ("en/", "schools"),
]


@pytest.fixture(scope="module")
def results(site):
    ensure_packages(ROOT)
    with serve(site) as base:
        out = subprocess.run([str(node_bin()), str(ROOT / "tests" / "browser" / "search.js"), base,
                              str(find_chromium()), json.dumps(CASES)], capture_output=True, text=True,
                             cwd=ROOT, timeout=300)
    assert out.returncode == 0, out.stderr[-3000:]
    data = json.loads(out.stdout)
    print(json.dumps([{k: c[k] for k in ("path", "query", "meta")} | {"top": [r["title"] for r in c["results"][:3]]}
                      for c in data["cases"]], ensure_ascii=False, indent=1))
    return {(c["path"], c["query"]): c for c in data["cases"]}, data["errors"] + \
        [f"third-party request: {u}" for u in data["external"]]


def hrefs(case) -> list[str]:
    return [r["href"] for r in case["results"]]


def test_polish_stemmer_file_is_served_from_the_site(site):
    served = (site / TARGET).read_text("utf-8")
    assert "Lunr languages, `Polish` language" in served and "kitNormalise" in served
    stub = json.loads((site / "search" / "search_index.json").read_text("utf-8"))
    assert stub["config"]["lang"] == ["pl"] and stub["config"][LAZY] is True and stub["docs"] == []


def test_index_is_split_per_language(site):
    pl, en = language_docs(site, "pl"), language_docs(site, "en")
    assert len(pl) > 100 and len(en) > 100
    assert not [d for d in pl if d["location"].startswith("en/")] and all(d["location"].startswith("en/") for d in en)


@pytest.fixture(scope="module")
def first_visits(site, modules_slug):
    """Each kind of page opened once with an empty cache, served gzip-compressed as static hosts do."""
    paths = ["", f"moduly/{modules_slug}/", f"moduly/{modules_slug}/trener/", "moduly/", "en/"]
    with serve(site, compress=True) as base:
        out = subprocess.run([str(node_bin()), str(ROOT / "scripts" / "kit" / "bench" / "firstvisit.js"),
                              str(find_chromium()), base, *paths], capture_output=True, text=True, cwd=ROOT, timeout=300)
    assert out.returncode == 0, out.stderr[-3000:]
    return json.loads(out.stdout)


@pytest.fixture(scope="module")
def modules_slug():
    from kit.model.materials import load
    return load().modules[0].slug


def test_first_visit_loads_no_search_index_and_nothing_missing(first_visits):
    for visit in first_visits:
        urls = [r["url"] for r in visit["requests"]]
        assert not [u for u in urls if "search_index.pl" in u or "search_index.en" in u], urls   # only on a search
        assert not [r for r in visit["requests"] if r["status"] >= 400 or r.get("failed")], visit


def test_first_visit_is_at_most_150_kb(first_visits):
    sizes = {v["path"] or "/": round(v["bytes"] / 1024, 1) for v in first_visits}
    print(f"\nfirst visit, gzip (kB): {sizes}")
    assert max(sizes.values()) <= 150, sizes


def test_no_script_errors_and_no_third_party_requests(results):
    _, errors = results
    assert errors == []


def test_polish_page_gets_polish_results_only(results):
    by, _ = results
    case = by[("", "dostępność")]
    assert case["results"], case
    assert all("/en/" not in h and not h.startswith("en/") for h in hrefs(case)), hrefs(case)


def test_english_page_gets_english_results_only(results):
    by, _ = results
    case = by[("en/", "accessibility")]
    assert case["results"], case
    assert all("en/" in h for h in hrefs(case)), hrefs(case)


def test_query_without_diacritics_finds_text_with_them(results):
    by, _ = results
    without, with_ = by[("", "dostepnosc")], by[("", "dostępność")]
    assert without["results"], without
    assert set(hrefs(without)) == set(hrefs(with_))
    assert by[("", "szkolach")]["results"]


def test_inflected_forms_find_each_other(results):
    by, _ = results
    genitive, instrumental = by[("", "cyfryzacji")], by[("", "cyfryzacją")]
    assert genitive["results"] and instrumental["results"]
    assert set(hrefs(genitive)) == set(hrefs(instrumental))
    assert by[("", "harmonogramu")]["results"]


def test_index_size_per_language(site):
    sizes = index_sizes(site)
    print(f"\nsearch index (gzip): pl {sizes['pl'] // 1024} kB, en {sizes['en'] // 1024} kB")
    assert sizes["pl"] > 0 and sizes["en"] > 0
