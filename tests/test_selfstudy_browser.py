"""Self-study in headless Chromium (tests/browser/selfstudy.js, one browser for all checks): progress
kept in the browser, self-check feedback in a live region, the completion record, the catalogue
filter by keyboard, feedback links, the offline copy, no third-party request, axe on every state."""
from __future__ import annotations

import json
import re
import subprocess
from urllib.parse import parse_qs, unquote, urlsplit

import pytest

from conftest import ROOT, html_pages
from kit.checks.browser import find_chromium
from kit.checks.localserver import serve
from kit.checks.node import ensure_packages, node_bin

pytestmark = [pytest.mark.browser, pytest.mark.slow]
AUDIENCE = "skarbnik"


@pytest.fixture(scope="module")
def offline_site(tmp_path_factory):
    from kit.editions import build_offline
    out = tmp_path_factory.mktemp("offline")
    build_offline(out / "zestaw-offline.zip", out / "site", pdf=False)
    return out / "site"


@pytest.fixture(scope="module")
def module_page(site) -> str:
    """The first participant page with an interactive self-check question."""
    for page in html_pages(site):
        rel = page.relative_to(site).as_posix()
        if rel.startswith("moduly/") and "data-kit-quiz=" in page.read_text("utf-8"):
            return rel[: -len("index.html")]
    pytest.fail("no module page has a /// pytanie question")


@pytest.fixture(scope="module")
def run(site, offline_site, module_page) -> dict:
    ensure_packages(ROOT)
    with serve(site) as base:
        out = subprocess.run([str(node_bin()), str(ROOT / "tests" / "browser" / "selfstudy.js"), base,
                              str(offline_site), str(find_chromium()), module_page, AUDIENCE],
                             capture_output=True, text=True, cwd=ROOT, timeout=600)
    assert out.returncode == 0, out.stderr[-3000:]
    return json.loads(out.stdout)


def test_self_check_answer_is_announced_in_a_live_region(run):
    assert run["quizBefore"]["answerHidden"] and run["quizBefore"]["choices"] >= 2
    assert run["reachedChoice"], "a choice must be reachable with Tab"
    after = run["quizAfter"]
    assert after["role"] == "status"
    assert after["live"].startswith("Niestety nie: wybrano") and "poprawna odpowiedź to" in after["live"]
    assert "(Twoja odpowiedź – niepoprawna)" in after["marks"] and "(poprawna odpowiedź)" in after["marks"]
    assert after["answerShown"] and after["focusKept"]


def test_mark_done_survives_a_reload(run):
    assert run["reachedDone"]
    assert run["doneStatus"].startswith("Ukończono ")
    assert run["afterReload"]["checked"] and run["afterReload"]["status"].startswith("Ukończono ")
    assert sorted(run["afterReload"]["earlierAnswer"]) == ["(Twoja wcześniejsza odpowiedź)", "(poprawna odpowiedź)"]


def test_progress_on_catalogue_index_and_path(run):
    n = run["catalogue"]["rows"]
    assert run["catalogue"]["progress"] == f"Ukończono 1 z {n} modułów." and run["catalogue"]["badge"]
    assert run["index"]["progress"] == f"Ukończono 1 z {n} modułów."
    assert re.fullmatch(r"Ukończono [01] z \d modułów\.|Ukończono [01] z \d modułu\.", run["path"]["progress"])
    assert run["path"]["items"], "the path page lists its modules"


def test_catalogue_filter_by_keyboard(run, site):
    assert run["reachedFilter"]
    f = run["filtered"]
    links = re.findall(r"<a [^>]*data-kit-audience[^>]*>", (site / "moduly" / "index.html").read_text("utf-8"))
    expected = sorted(re.search(r'data-kit-module="(m\d\d)"', a)[1] for a in links
                      if AUDIENCE in re.search(r'data-kit-audience="([^"]*)"', a)[1].split())
    assert f["value"] == AUDIENCE and sorted(f["shown"]) == expected and 0 < len(expected) < run["catalogue"]["rows"]
    assert f["count"] == f"Pokazano {len(expected)} z {run['catalogue']['rows']} modułów." and f["countRole"] == "status"


def test_completion_record_lists_completed_modules_and_prints_on_one_page(run, module_page):
    record = run["record"]
    assert record["name"] == "Ewa Sadowska"
    (row,) = record["rows"]
    module_id = re.search(r"m\d\d", module_page)[0].upper()
    assert row[0].startswith(module_id) and re.search(r"\d{4}", row[1])
    assert re.fullmatch(r"0 z \d+ poprawnie za pierwszym razem(, bez odpowiedzi: \d+)?", row[2])
    assert record["summary"].startswith("Ukończono 1 z ")
    assert record["printedPages"] == 1
    assert record["allRows"] == run["catalogue"]["rows"] and record["fullPrintedPages"] == 1
    assert record["printShows"] == {"h1": "none", "sheet": "block", "form": "none"}


def test_clearing_progress(run):
    c = run["cleared"]
    assert c["progress"].startswith("Ukończono 0 z ") and c["status"] == "Zapisany postęp usunięto."
    assert not c["badge"] and c["stored"] == 0 and not c["checkedAfter"]


def test_feedback_link_carries_page_section_and_quote(run):
    fb = run["feedback"]
    mail = urlsplit(fb["mail"])
    query = parse_qs(mail.query)
    assert mail.scheme == "mailto" and mail.path == "uwagi@example.org"
    subject, body = query["subject"][0], query["body"][0]
    picked = fb["picked"]
    assert subject == f"Strona niepomocna: {fb['title']} – {picked['section']}"
    assert f"Sekcja: {picked['section']}" in body and f"#{picked['id']}" in unquote(body)
    assert f"> {picked['quote']}" in body and fb["quoteShown"]
    assert fb["status"].startswith("Przykro nam.")
    issue = parse_qs(urlsplit(fb["issue"]).query)
    assert issue["title"][0] == subject and issue["body"][0] == body


def test_english_pages_speak_english(run):
    assert run["english"]["filter"] == "Filter the modules"
    assert run["english"]["progress"].startswith("Completed: 0 of ")


def test_offline_copy_keeps_progress_from_file_url(run):
    off = run["offline"]
    assert off["checked"] and off["progress"].startswith("Ukończono 1 z ") and off["badge"]


def test_search_ranks_participant_page_above_trainer_view(run, module_page):
    results = [r.split("?")[0].split("#")[0] for r in run["search"]["results"]]
    assert results, run["search"]
    participant = next(i for i, r in enumerate(results) if r.endswith(module_page))
    trainer = next((i for i, r in enumerate(results) if r.endswith(module_page + "trener/")), len(results))
    assert participant < trainer, run["search"]


def test_editors_pages_are_not_in_search_or_nav(site):
    locations = set()
    for index_file in sorted((site / "search").glob("search_index.*.json")):  # one index per language
        locations |= {d["location"].split("#")[0] for d in json.loads(index_file.read_text("utf-8"))["docs"]}
    assert not {"dla-redaktorow/", "zasoby/czytelnosc/", "en/dla-redaktorow/"} & locations
    assert "moduly/" in locations
    nav = re.findall(r'<a href="([^"]+)" class="md-nav__link', (site / "index.html").read_text("utf-8"))
    assert "nauka/" in nav and not [h for h in nav if h.endswith(("dla-redaktorow/", "czytelnosc/"))]


def test_no_request_leaves_the_site_and_no_script_errors(run):
    assert run["external"] == [] and run["errors"] == []


def test_axe_finds_nothing_on_any_page_or_state(run):
    assert len(run["axe"]) == 12
    assert {name: v for name, v in run["axe"].items() if v} == {}
