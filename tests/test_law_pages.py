"""What the site shows about changes: the watch result in the freshness report, module header and
catalogue; "Zmiany od wydania" pages from two tagged commits; the Atom feed."""
from __future__ import annotations

import os
import subprocess
import xml.etree.ElementTree as ET
from datetime import date

import pytest

from factory import module_text, write_project
from kit.law.compare import module_law
from kit.model.law_state import ActState, Change
from kit.model.materials import load
from kit.model.paths import Project
from kit.site.changes import changes_page, snapshot, word_diff
from kit.site.feed import ATOM, Entry, atom_feed
from kit.site.history import feed_entries, plan_history
from kit.site.pages import catalogue, changelog_page, freshness_page
from kit.site.views import participant_page, trainer_page

TODAY_EPOCH = "1780272000"  # 2026-06-01


@pytest.fixture
def materials(tmp_path, monkeypatch):
    monkeypatch.setenv("SOURCE_DATE_EPOCH", TODAY_EPOCH)
    root = write_project(tmp_path)   # m01 cites prawo-oswiatowe (reviewed 2026-01-15), m02 cites rodo
    return root, load(Project(root, root / "docs"))


def states(repealed: bool = False) -> dict[str, ActState]:
    return {"prawo-oswiatowe": ActState(
        key="prawo-oswiatowe", eli="DU/2017/59", status="uchylony" if repealed else "obowiązujący",
        in_force="NOT_IN_FORCE" if repealed else "IN_FORCE", repealed=repealed, checked=date(2026, 5, 30),
        repeal_date=date(2026, 4, 1) if repealed else None, consolidated="Dz.U. 2026 poz. 9001",
        changes=[Change("Dz.U. 2024 poz. 9003", "DU/2024/9003", date(2024, 9, 1)),
                 Change("Dz.U. 2025 poz. 9002", "DU/2025/9002", date(2026, 2, 1)),
                 Change("Dz.U. 2026 poz. 9004", "DU/2026/9004", date(2027, 1, 1))])}


def test_freshness_report_names_the_change_after_review(materials):
    root, m = materials
    page = freshness_page(m.modules, m.acts, "pl", states())
    row = next(r for r in page.split("\n") if r.startswith("| [M01"))
    assert "aktualny; podstawa prawna zmieniła się po ostatnim przeglądzie" in row
    assert "[Prawo oświatowe](akt:prawo-oswiatowe): Dz.U. 2025 poz. 9002, w życie od 1 lutego 2026 r." in row
    assert "9003" not in row and "9004" not in row   # before the review; not yet in force
    m02 = next(r for r in page.split("\n") if r.startswith("| [M02"))
    assert m02.endswith("<br>[RODO](akt:rodo): zmiana z 1 czerwca 2026 r. |")   # `changed:` typed in legal.yml
    assert "| [Prawo oświatowe](akt:prawo-oswiatowe) | obowiązuje | Dz.U. 2026 poz. 9001 | " \
           "Dz.U. 2025 poz. 9002 (1 lutego 2026 r.) | Dz.U. 2026 poz. 9004 (1 stycznia 2027 r.) |" in page
    assert "do sprawdzenia po zmianie prawa: 2," in page
    assert "Aktów nie sprawdzono jeszcze poleceniem „kit prawo --update”." in freshness_page(m.modules, m.acts, "pl")


def test_repealed_act_marks_the_module(materials):
    _, m = materials
    page = freshness_page(m.modules, m.acts, "en", states(repealed=True))
    row = next(r for r in page.split("\n") if r.startswith("| [M01"))
    assert "[Prawo oświatowe](akt:prawo-oswiatowe): repealed" in row
    assert "| repealed (1 April 2026) |" in page


def test_module_header_and_catalogue_say_it_in_words(materials):
    root, m = materials
    by_id = {x.id: x for x in m.modules}
    law = module_law(by_id["m01"], m.acts, states(), date(2026, 6, 1))
    notes = dict(law=law, acts_short={k: a.short for k, a in m.acts.items()}, since=("2026.1", "zmiany-2026.1.md"))
    page = participant_page(by_id["m01"], by_id, "pl", root, **notes)
    assert '!!! warning "Podstawa prawna zmieniła się po ostatnim przeglądzie"' in page
    assert "    - [Prawo oświatowe](akt:prawo-oswiatowe) – zmiana Dz.U. 2025 poz. 9002 obowiązuje od " \
           "1 lutego 2026 r." in page
    assert "[Co się zmieniło od wydania 2026.1](zmiany-2026.1.md)" in page
    assert "Podstawa prawna zmieniła się" in trainer_page(by_id["m01"], by_id, "pl", "09:00", root, **notes)
    cat = catalogue(m.modules, "pl", frozenset({"m01"}))
    m01 = next(r for r in cat.split("\n") if r.startswith("| M01"))
    assert "**Podstawa prawna zmieniła się po ostatnim przeglądzie**" in m01
    assert "Podstawa prawna" not in next(r for r in cat.split("\n") if r.startswith("| M02"))
    assert "Podstawa prawna zmieniła się" not in participant_page(by_id["m02"], by_id, "pl", root,
                                                                  law=module_law(by_id["m02"], m.acts, {}, date(2026, 5, 1)))


def test_word_diff_marks_and_announces_and_escapes():
    out = word_diff("Organ prowadzący <b>zapewnia</b> sprzęt.", "Organ prowadzący szkołę zapewnia sprzęt.")
    assert out == ('Organ prowadzący <del><span class="kit-sr">usunięto: </span>&lt;b&gt;zapewnia&lt;/b&gt;</del> '
                   '<ins><span class="kit-sr">dodano: </span>szkołę zapewnia</ins> sprzęt.')


def git(cwd, *args, when: str | None = None) -> str:
    env = dict(os.environ, GIT_AUTHOR_NAME="Test", GIT_AUTHOR_EMAIL="test@example.org",
               GIT_COMMITTER_NAME="Test", GIT_COMMITTER_EMAIL="test@example.org")
    if when:
        env.update(GIT_AUTHOR_DATE=when, GIT_COMMITTER_DATE=when)
    return subprocess.run(["git", *args], cwd=cwd, env=env, check=True, capture_output=True, text=True).stdout


def edit(root, folder, old, new):
    path = root / "materials" / "modules" / folder / "modul.md"
    text = path.read_text("utf-8")
    assert old in text
    path.write_text(text.replace(old, new), "utf-8")


@pytest.fixture
def two_editions(tmp_path, monkeypatch):
    """A small project with edition tags 2026.1 and 2026.2 and one unpublished commit after them."""
    monkeypatch.setenv("SOURCE_DATE_EPOCH", TODAY_EPOCH)
    root = write_project(tmp_path, {
        "m01-pierwszy": module_text("m01", body_extra="\nDrugi akapit zostaje bez zmian.\n"),
        "m02-drugi": module_text("m02", "Drugi moduł", prerequisites="[m01]", legal="[rodo]"),
    })
    git(root, "init", "-q", "-b", "main")
    git(root, "add", "-A")
    git(root, "commit", "-q", "-m", "pierwsze", when="2026-01-10T12:00:00+00:00")
    git(root, "tag", "wydanie-2026.1")
    edit(root, "m01-pierwszy", "Tekst widoczny dla wszystkich.", "Tekst widoczny dla wszystkich uczestników.")
    edit(root, "m01-pierwszy", "TAJNA-NOTATKA-TRENERA m01", "TAJNA-NOTATKA-TRENERA m01 zmieniona")
    edit(root, "m01-pierwszy", '    minutes: 30\n    method: prezentacja', '    minutes: 20\n    method: prezentacja')
    edit(root, "m01-pierwszy", '    minutes: 60\n    method: cwiczenie', '    minutes: 60\n    method: cwiczenie\n'
                                '  - title: "Podsumowanie"\n    minutes: 10\n    method: podsumowanie')
    edit(root, "m01-pierwszy", '"Uczestnik/uczestniczka potrafi wskazać trzecie."',
         '"Uczestnik/uczestniczka potrafi wskazać trzecie i czwarte."')
    edit(root, "m01-pierwszy", "legal: [prawo-oswiatowe]", "legal: [prawo-oswiatowe, rodo]")
    git(root, "commit", "-q", "-am", "drugie", when="2026-03-10T12:00:00+00:00")
    git(root, "tag", "wydanie-2026.2")
    edit(root, "m02-drugi", "Tekst widoczny dla wszystkich.", "Nowy tekst dla wszystkich.")
    git(root, "commit", "-q", "-am", "robocze", when="2026-04-10T12:00:00+00:00")
    return root, load(Project(root, root / "docs"))


def test_comparison_pages_from_two_tagged_commits(two_editions):
    root, m = two_editions
    h = plan_history(root, m.modules, m.acts)
    assert set(h.pages) == {"moduly/m01-pierwszy/zmiany-2026.1.md", "moduly/m02-drugi/zmiany-2026.2.md"}
    page = h.pages["moduly/m01-pierwszy/zmiany-2026.1.md"]
    assert page.split("\n")[5] == "# Zmiany od wydania 2026.1 – M01 Moduł testowy"
    assert "między wydaniem 2026.1 (10 stycznia 2026 r.) a wydaniem 2026.2 (10 marca 2026 r.)" in page
    assert ('<p class="kit-diff">Tekst widoczny dla <del><span class="kit-sr">usunięto: </span>wszystkich.</del> '
            '<ins><span class="kit-sr">dodano: </span>wszystkich uczestników.</ins> Podstawa: Prawo oświatowe, '
            'art. 10 ust. 1.</p>') in page
    assert "TAJNA" not in page                          # trainer notes are not participant text
    assert "akapity bez zmian (pominięte): 4" in page
    assert "- Zmieniono blok „Wprowadzenie”: 30 min (prezentacja) → 20 min (prezentacja)." in page
    assert "- Dodano blok „Podsumowanie” (10 min, podsumowanie)." in page
    assert "<ins><span class=\"kit-sr\">dodano: </span>trzecie i czwarte.</ins>" in page
    assert "## Podstawy prawne\n\n- Dodano: RODO" in page
    assert "- Czas trwania" not in page                # duration unchanged (90 min)
    # the unpublished commit: m02 against the newest edition, shown as the working version
    assert "a wersją w przygotowaniu" in h.pages["moduly/m02-drugi/zmiany-2026.2.md"]
    # each header links the module's newest comparison
    assert h.since == {"m02": ("2026.2", "zmiany-2026.2.md"), "m01": ("2026.1", "zmiany-2026.1.md")}
    log = changelog_page("# Historia\n", h.sections, m.modules, "pl", h.links)
    assert ("- [M01 Moduł testowy](../moduly/m01-pierwszy/index.md) – [zmiany w M01 od wydania 2026.1]"
            "(../moduly/m01-pierwszy/zmiany-2026.1.md)") in log
    assert "### Wydanie 2026.2 {#wydanie-2026.2}" in log


def test_atom_feed_is_valid_and_escaped(two_editions):
    root, m = two_editions
    law = states()
    impacts = {x.id: module_law(x, m.acts, law, date(2026, 6, 1)) for x in m.modules}
    h = plan_history(root, m.modules, m.acts)
    entries = feed_entries(root, "https://example.org/zestaw", h.sections, m.modules, m.acts, law, impacts,
                           date(2026, 6, 1))
    entries.append(Entry("https://example.org/zestaw/x#1", "A & B <c>", date(2026, 5, 1), "https://example.org/", "x < y"))
    text = atom_feed("https://example.org/zestaw", "Zestaw – wydania", "Zespół", entries, date(2026, 6, 1))
    feed = ET.fromstring(text.encode("utf-8"))
    ns = {"a": ATOM}
    assert feed.tag == f"{{{ATOM}}}feed"
    for tag in ("id", "title", "updated", "author/a:name"):
        assert feed.find(f"a:{tag}", ns) is not None and feed.find(f"a:{tag}", ns).text
    assert feed.find("a:link[@rel='self']", ns).get("href") == "https://example.org/zestaw/feed.xml"
    items = feed.findall("a:entry", ns)
    titles = [e.find("a:title", ns).text for e in items]
    assert "Wydanie 2026.2" in titles and "Wydanie 2026.1" in titles
    assert "Prawo oświatowe: zmiana Dz.U. 2025 poz. 9002" in titles
    assert "A & B <c>" in titles and "A &amp; B &lt;c&gt;" in text
    ids = [e.find("a:id", ns).text for e in items]
    assert len(ids) == len(set(ids))
    for e in items:
        assert e.find("a:updated", ns).text.endswith("T00:00:00Z")
        assert e.find("a:link[@rel='alternate']", ns).get("href").startswith("https://")
    updated = [e.find("a:updated", ns).text for e in items]
    assert updated == sorted(updated, reverse=True)
    assert feed.find("a:updated", ns).text == updated[0]
