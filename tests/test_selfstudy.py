"""Self-study: reading time, self-check blocks, learning paths, the generated pages and the
feedback address – each rule with its file:line message."""
from __future__ import annotations

from pathlib import Path
from textwrap import dedent

import pytest

from factory import module_text, write_project
from kit.model.edition import load_edition
from kit.model.errors import KitError
from kit.model.learning_paths import for_edition, load_paths, prerequisite_order
from kit.model.materials import load
from kit.model.paths import Project
from kit.model.quiz import parse
from kit.model.reading import WORDS_PER_MINUTE, minutes, word_count
from kit.site import learning, quiz
from kit.site.pages import catalogue
from kit.site.views import participant_page, trainer_page

QUESTION = dedent("""\
    /// pytanie | Kto wyposaża szkołę w sprzęt?

    - [ ] Kurator oświaty.
    - [x] Organ prowadzący.
    - [ ] Rada rodziców.

    Tak stanowi prawo oświatowe.
    ///
    """)


# ---- reading time

def test_reading_time_counts_participant_text_only():
    body = "Jedno dwa trzy.\n\n/// trener | Notatka\n" + "sekret " * 500 + "\n///\n\n| a | b |\n|---|---|\n| c | d |\n"
    assert word_count(body) == 7  # prose and table cells; trainer notes are not read by learners
    assert minutes(body) == 1


def test_reading_time_rounds_up_at_the_stated_rate():
    rate = WORDS_PER_MINUTE["pl"]
    assert minutes("słowo " * rate) == 1
    assert minutes("słowo " * (rate + 1)) == 2
    assert minutes("słowo " * WORDS_PER_MINUTE["en"] * 3, "en") == 3
    assert minutes("") == 0


def test_block_titles_are_read_but_markers_are_not():
    assert word_count("/// cwiczenie | Ćwiczenie pierwsze\nTekst.\n///\n") == 3


# ---- self-check blocks

def test_question_is_parsed_with_its_correct_choice():
    (q,), problems = parse("Wstęp.\n\n" + QUESTION)
    assert problems == []
    assert q.text == "Kto wyposaża szkołę w sprzęt?"
    assert [o.text for o in q.options] == ["Kurator oświaty.", "Organ prowadzący.", "Rada rodziców."]
    assert q.correct_index == 1 and q.explanation == "Tak stanowi prawo oświatowe."
    assert (q.start, q.end) == (2, 9)


def test_question_key_follows_the_text_not_the_position():
    (a,), _ = parse(QUESTION)
    (b,), _ = parse("Inny wstęp.\n\n\n" + QUESTION)
    (c,), _ = parse(QUESTION.replace("Kto wyposaża", "Kto naprawdę wyposaża"))
    assert a.key == b.key != c.key


@pytest.mark.parametrize("text, code, line", [
    (QUESTION.replace("- [x] Organ", "- [ ] Organ"), "Q005", 11),             # no correct choice
    (QUESTION.replace("- [ ] Kurator", "- [x] Kurator"), "Q005", 11),         # two correct choices
    ("/// pytanie | Pytanie?\n- [x] Tak.\n\nBo tak.\n///\n", "Q004", 11),       # one choice
    (QUESTION.replace("Tak stanowi prawo oświatowe.\n", ""), "Q006", 17),     # no explanation
    (QUESTION.replace("/// pytanie | Kto wyposaża szkołę w sprzęt?", "/// pytanie"), "Q002", 11),
    (QUESTION.replace("- [ ] Rada rodziców.", "- [ ]"), "Q003", 15),
    (QUESTION.rstrip().rsplit("\n", 1)[0] + "\n\n## Dalej\n", "Q001", 11),     # never closed
])
def test_malformed_question_names_file_line_and_rule(tmp_path, text, code, line):
    _, problems = parse(text, tmp_path / "modul.md", first_line=11)
    assert [p.code for p in problems] == [code], problems
    assert problems[0].line == line
    assert "modul.md" in str(problems[0]) and "Jak poprawić:" in str(problems[0])


def test_question_inside_a_code_fence_is_an_example():
    assert parse("```\n" + QUESTION + "```\n") == ([], [])


def test_bad_question_stops_kit_check(tmp_path, capsys):
    from kit.cli import main
    bad = QUESTION.replace("- [x] Organ", "- [ ] Organ")
    root = write_project(tmp_path, {"m01-pierwszy": module_text("m01", body_extra="\n" + bad)})
    assert main(["check", "--root", str(root)]) == 1
    err = capsys.readouterr().err
    assert "materials/modules/m01-pierwszy/modul.md:" in err and "[Q005]" in err


def test_markup_without_javascript_is_question_choices_and_answer_in_details():
    html = quiz.render(QUESTION, "m01", "pl", interactive=True)
    assert 'data-kit-quiz="m01:' in html and 'data-kit-answer="1"' in html
    assert '<span class="kit-quiz__letter">B.</span> Organ prowadzący.' in html
    assert '<details class="kit-quiz__answer" markdown="1">' in html and "<summary>Odpowiedź i wyjaśnienie</summary>" in html
    assert "**Poprawna odpowiedź: B.** Organ prowadzący." in html
    assert "///" not in html


def test_trainer_view_shows_the_answer_open_and_not_interactive():
    html = quiz.render(QUESTION, "m01", "en", interactive=False)
    assert "data-kit-quiz" not in html and '<details class="kit-quiz__answer" open' in html
    assert "**Correct answer: B.**" in html


# ---- module pages

@pytest.fixture()
def project(tmp_path):
    root = write_project(tmp_path, {
        "m01-pierwszy": module_text("m01", body_extra="\n" + QUESTION),
        "m02-drugi": module_text("m02", "Drugi moduł", prerequisites="[m01]", legal="[rodo]"),
    })
    return root, load(Project(root, root / "docs"))


def test_participant_page_has_reading_time_quiz_and_done_box(project):
    root, m = project
    by_id = {x.id: x for x in m.modules}
    page = participant_page(by_id["m01"], by_id, "pl", root)
    assert "Czas warsztatu\n:   1 h 30 min" in page
    assert f"Czas czytania\n:   1 min (przy {WORDS_PER_MINUTE['pl']} słowach na minutę)" in page
    assert 'data-kit-quiz="m01:' in page and 'data-kit-done="m01"' in page
    assert "search:" not in page.split("---")[1]  # participant pages keep the normal search rank


def test_trainer_page_ranks_lower_in_search(project):
    root, m = project
    by_id = {x.id: x for x in m.modules}
    front = trainer_page(by_id["m01"], by_id, "pl", "09:00", root).split("---")[1]
    assert "search:\n  boost: 0.5" in front
    assert "Czas czytania" not in trainer_page(by_id["m01"], by_id, "pl", "09:00", root)


def test_catalogue_filter_data_and_pdf_column(project):
    _, m = project
    page = catalogue(m.modules, "pl")
    assert 'data-kit-audience="wydzial-edukacji dyrektor"' in page and 'data-kit-duration="90"' in page
    assert '<li data-kit-value="dyrektor">dyrektorzy i dyrektorki szkół</li>' in page
    assert '<li data-kit-value="90">do 1 h 30 min</li>' in page and "<select" not in page
    assert "| Nr | Moduł | Forma | Czas | Adresaci |\n" in page  # no downloads column without PDFs
    with_pdf = catalogue(m.modules, "pl", pdf_links={"m01-pierwszy": [("participant", "../pdf/a.pdf")]})
    assert "| Adresaci | Do pobrania |" in with_pdf
    assert '<a href="../pdf/a.pdf">PDF uczestnika<span class="kit-sr-only"> M01</span></a>' in with_pdf
    assert "pakiet.zip" not in with_pdf
    packed = catalogue(m.modules, "en", packs=True)
    assert '<a href="../pdf/m01-pierwszy-pakiet.zip">pack M01</a>' in packed


# ---- learning paths

PATHS = dedent("""\
    - id: start
      title: "Na start"
      summary: "Dwa moduły."
      modules: [m01, m02]
      budget: 30
    - id: dyrektor
      title: "Dla dyrekcji"
      summary: "Moduły dla dyrektorów."
      audience: dyrektor
    """)


def write_paths(root: Path, text: str) -> Path:
    path = root / "materials" / "sciezki.yml"
    path.write_text(text, "utf-8")
    return path


def test_paths_load_from_module_data(project):
    root, m = project
    paths = load_paths(write_paths(root, PATHS), m.modules)
    assert [(p.id, p.modules) for p in paths] == [("start", ("m01", "m02")), ("dyrektor", ("m01", "m02"))]


@pytest.mark.parametrize("text, code, line", [
    (PATHS.replace("modules: [m01, m02]", "modules: [m01, m09]"), "D008", 4),
    (PATHS.replace("modules: [m01, m02]", "modules: [m02, m01]"), "D012", 4),
    (PATHS.replace("budget: 30", "budget: 1"), "D014", 5),
    (PATHS.replace("audience: dyrektor", "audience: wozny"), "D005", 9),
    (PATHS.replace("audience: dyrektor", "audience: skarbnik"), "D013", 9),
    (PATHS.replace("audience: dyrektor", "audience: dyrektor\n  modules: [m01]\n  kolor: zielony"), "D002", 11),
    (PATHS.replace('  summary: "Dwa moduły."\n', ""), "D003", 1),
    (PATHS.replace("- id: dyrektor", "- id: start"), "D004", 6),
    (PATHS.replace("budget: 30", "budget: dużo"), "D011", 5),
])
def test_bad_path_names_file_line_and_rule(project, text, code, line):
    root, m = project
    with pytest.raises(KitError) as exc:
        load_paths(write_paths(root, text), m.modules)
    problems = exc.value.problems
    assert [p.code for p in problems] == [code], problems
    assert problems[0].line == line and "sciezki.yml" in str(problems[0])


def test_path_module_must_be_meant_for_its_audience(project):
    root, m = project
    m.modules[1].audience.remove("dyrektor")
    with pytest.raises(KitError) as exc:
        load_paths(write_paths(root, PATHS.replace("audience: dyrektor", "audience: dyrektor\n  modules: [m01, m02]")),
                   m.modules)
    assert [p.code for p in exc.value.problems] == ["D009"]


def test_bad_paths_file_stops_kit_check(project, capsys):
    from kit.cli import main
    root, _ = project
    write_paths(root, PATHS.replace("[m01, m02]", "[m01, m07]"))
    assert main(["check", "--root", str(root)]) == 1
    assert "materials/sciezki.yml:4: [D008]" in capsys.readouterr().err


def test_edition_keeps_only_its_modules_in_paths(project):
    root, m = project
    paths = load_paths(write_paths(root, PATHS), m.modules)
    kept = for_edition(paths, [x for x in m.modules if x.id == "m01"])
    assert [(p.id, p.modules) for p in kept] == [("start", ("m01",)), ("dyrektor", ("m01",))]
    assert for_edition(paths, []) == []


def test_prerequisites_come_first(project):
    _, m = project
    assert [x.id for x in prerequisite_order(list(reversed(m.modules)))] == ["m01", "m02"]


def test_learning_pages(project):
    root, m = project
    paths = load_paths(write_paths(root, PATHS), m.modules)
    index = learning.paths_index(paths, m.modules, "pl")
    assert "### Na start {#start}" in index and "[Ścieżka: Na start](start.md)" in index
    assert "### dyrektorzy i dyrektorki szkół {#adresat-dyrektor}" in index
    assert '[M01 Moduł testowy](../moduly/m01-pierwszy/index.md){ data-kit-module="m01" }' in index
    assert f"przy {WORDS_PER_MINUTE['pl']} słowach na minutę" in index
    page = learning.path_page(paths[0], m.modules, "en")
    assert page.index("1. [M01") < page.index("1. [M02")
    assert "(the path's limit: 30 min)" in page and 'data-kit-progress="m01 m02"' in page


def test_record_page_lists_every_module_for_the_browser_to_fill(project):
    _, m = project
    page = learning.record_page(m.modules, "pl", "Cyfrowa edukacja", "https://example.org/")
    (q,), _ = parse(QUESTION)
    assert f'<tr data-kit-module="m01" data-kit-questions="m01:{q.key}"' in page
    assert '<tr data-kit-module="m02" data-kit-questions=""' in page
    assert "search:\n  exclude: true" in page
    assert 'data-kit-name-label="Imię i nazwisko"' in page and 'data-kit-print-label="Drukuj potwierdzenie"' in page
    assert "Cyfrowa edukacja (https://example.org/)" in page


# ---- feedback address

def test_feedback_email_is_checked_and_defaults_to_the_accessibility_contact(tmp_path):
    src = (Path(__file__).resolve().parents[1] / "materials" / "wydanie.yml").read_text("utf-8")
    path = tmp_path / "wydanie.yml"
    path.write_text(src.replace("feedback_email: uwagi@example.org\n", ""), "utf-8")
    assert load_edition(path=path).data["feedback_email"] == "dostepnosc@example.org"
    path.write_text(src.replace("uwagi@example.org", "mailto:uwagi"), "utf-8")
    with pytest.raises(KitError) as exc:
        load_edition(path=path)
    assert [p.code for p in exc.value.problems] == ["E009"]
    line = src.split("\n").index("feedback_email: uwagi@example.org") + 1
    assert exc.value.problems[0].line == line


# ---- PDF

def test_participant_pdf_keeps_choices_and_moves_answers_to_the_appendix(tmp_path):
    from kit.model.dialect import parser
    from kit.pdf.render import PdfJob, document_html
    body = quiz.render(QUESTION, "m01", "pl", interactive=True)
    page = tmp_path / "m" / "index.html"
    page.parent.mkdir()
    page.write_text('<html><head><meta charset="utf-8"></head><body><article class="md-content__inner md-typeset"><h1>Moduł</h1>'
                    f'{parser().convert(body + EXERCISE)}<div class="kit-done" data-kit-done="m01" hidden></div>'
                    '<section class="kit-feedback"><h2>Czy ta strona była pomocna?</h2></section>'
                    '</article></body></html>', "utf-8")
    html = document_html(PdfJob(out=tmp_path / "m.pdf", title="Moduł", lang="pl", pages=[page],
                                 kind="participant", site_dir=tmp_path))
    main, appendix = html.split('<section class="kit-appendix">')
    assert "<details" not in html and "B.</span> Organ prowadzący." in main
    assert "Odpowiedź: w\xa0załączniku" in main and "Poprawna odpowiedź: B." not in main
    assert "<h3>Kto wyposaża szkołę w\xa0sprzęt?</h3>" in appendix and "Poprawna odpowiedź: B." in appendix
    assert "pomocna" not in html and "kit-done" not in html
    # the exercise's model answer moves too: handed-out copies must not give it away
    assert "Zrób spis dla jednej szkoły." in main and "Wzór spisu." not in main
    assert "<h3>Przykładowa odpowiedź: Ćwiczenie 1: Spis</h3>" in appendix and "Wzór spisu." in appendix


# ---- exercises and their self-study variants

EXERCISE = dedent("""\
    /// cwiczenie | Ćwiczenie 1: Spis
    Pracujcie w grupach.
    ///

    /// samodzielnie | Jeśli uczysz się samodzielnie
    Zrób spis dla jednej szkoły.

    //// details | Przykładowa odpowiedź – otwórz po wykonaniu ćwiczenia
    Wzór spisu.
    ////
    ///
    """)


def test_exercise_with_self_study_variant_passes_and_renders():
    from kit.model.dialect import parser
    from kit.model.exercises import check
    assert check(EXERCISE, Path("m.md")) == []
    html = parser().convert(EXERCISE)
    solo = html.split('<div class="admonition samodzielnie">', 1)[1]
    assert '<p class="admonition-title">Jeśli uczysz się samodzielnie</p>' in solo
    assert "<details>" in solo and "<summary>Przykładowa odpowiedź – otwórz po wykonaniu ćwiczenia</summary>" in solo


@pytest.mark.parametrize("text, code, line", [
    (EXERCISE.split("/// samodzielnie")[0], "Z001", 5),
    (EXERCISE.replace("//// details | Przykładowa odpowiedź – otwórz po wykonaniu ćwiczenia\nWzór spisu.\n////\n", ""),
     "Z002", 9),
    (EXERCISE.replace("/// samodzielnie", "## Następna sekcja\n\n/// samodzielnie"), "Z001", 5),  # too late
])
def test_exercise_without_variant_or_answer_is_named(text, code, line):
    from kit.model.exercises import check
    problems = check(text, Path("m.md"), first_line=5)
    assert [p.code for p in problems] == [code] and problems[0].line == line


def test_exercise_without_variant_stops_kit_check(tmp_path, capsys):
    from kit.cli import main
    bare = EXERCISE.split("/// samodzielnie")[0]
    root = write_project(tmp_path, {"m01-pierwszy": module_text("m01", body_extra="\n" + bare)})
    assert main(["check", "--root", str(root)]) == 1
    err = capsys.readouterr().err
    assert "materials/modules/m01-pierwszy/modul.md:" in err and "[Z001]" in err
    (root / "materials/modules/m01-pierwszy/modul.md").write_text(module_text("m01", body_extra="\n" + EXERCISE), "utf-8")
    assert main(["check", "--root", str(root)]) == 0, capsys.readouterr().err
