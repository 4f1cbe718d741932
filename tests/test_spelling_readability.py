"""Polish spelling (hunspell) and FOG-PL readability: samples, hand-computed values, the real site."""
from __future__ import annotations

import pytest

from kit.checks.readability import MIN_WORDS, markdown_to_text, score, syllables
from kit.checks.spelling import check_site, unknown_words


def test_misspelled_word_is_reported_and_correct_text_passes(tmp_path):
    assert "szkułach" in unknown_words("Dyrektorzy w szkułach planują zakupy.", tmp_path / "brak.txt")
    assert unknown_words("Dyrektorzy w szkołach planują zakupy.", tmp_path / "brak.txt") == []


def test_project_word_list_accepts_terms(tmp_path):
    words = tmp_path / "lista.txt"
    words.write_text("DigCompOrg\n", "utf-8")
    assert unknown_words("Model DigCompOrg opisuje szkołę.", tmp_path / "brak.txt") == ["DigCompOrg"]
    assert unknown_words("Model DigCompOrg opisuje szkołę.", words) == []


@pytest.mark.slow
def test_whole_site_spelling(site):
    problems = check_site(site)
    report = "\n".join(f"/{page}: {', '.join(words)}" for page, words in problems.items())
    assert problems == {}, "Nieznane słowa (popraw albo dopisz do materials/slownik-pisowni.txt):\n" + report


@pytest.mark.parametrize("word, n", [("się", 1), ("szkoła", 2), ("organ", 2), ("dostępność", 3),
                                      ("cyfryzacja", 4), ("informacji", 4), ("niej", 1), ("pedagogiczna", 5)])
def test_syllables(word, n):
    assert syllables(word) == n


def test_fog_pl_hand_computed():
    # 10 sentences x 10 words = 100 words; hard words (4+ syllables): "cyfryzacja" in each sentence.
    sentence = "Gmina planuje cyfryzacja szkół i kupuje nowe laptopy dla uczniów."
    s = score(" ".join([sentence] * 10))
    assert (s.words, s.sentences, s.hard_words) == (100, 10, 10)
    # 0.4 * (100/10 + 100*10/100) = 0.4 * (10 + 10) = 8.0
    assert s.fog == pytest.approx(8.0)


def test_fog_pl_long_sentences_score_higher():
    short = score(" ".join(["Szkoła ma internet."] * 40))
    long = score(" ".join(["Organizacja infrastruktury teleinformatycznej wymaga systematycznego planowania "
                           "inwestycyjnego i koordynacji międzyinstytucjonalnej."] * 10))
    assert short.fog < 5 < 15 < long.fog


def test_no_score_below_minimum_words():
    assert score("Krótki tekst.").fog is None
    assert MIN_WORDS == 100


def test_markdown_to_text_drops_markup_tables_and_trainer_notes():
    md = ("---\ntitle: T\n---\n# Nagłówek\n\nTekst z [linkiem](a.md) i [[akt:rodo|art. 5]].\n\n"
          "| a | b |\n|---|---|\n| 1 | 2 |\n\n/// trener | X\nNotatka trenera.\n///\n")
    text = markdown_to_text(md)
    assert "Nagłówek" in text and "linkiem" in text and "art. 5" in text
    assert "Notatka" not in text and "|" not in text and "title" not in text
