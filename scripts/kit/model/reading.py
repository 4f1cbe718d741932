"""Reading time of a participant page – for self-study, separate from the workshop duration.

The assumption is stated on every page that shows a reading time. Brysbaert (2019, Journal of
Memory and Language 109, 104047) puts silent reading of English non-fiction at 238 words per
minute on average (most adults 175–300). Polish says the same in fewer, longer words, and a
learner studies rather than skims, so the Polish rate is set lower; English keeps a rounded mean.
"""
from __future__ import annotations

import math
import re
from functools import lru_cache

from kit.checks.readability import words
from kit.model.trainer_blocks import participant_text

WORDS_PER_MINUTE = {"pl": 180, "en": 220}


def reading_text(markdown: str) -> str:
    """What a learner reads on the participant page: prose, lists, tables, self-check answers;
    no trainer notes, code, block markers, link targets or HTML tags."""
    text = participant_text(markdown)
    text = re.sub(r"^(```|~~~).*?^\1", "", text, flags=re.S | re.M)
    # block markers go, their titles stay: "/// pytanie | Title", '??? pytanie "Title"'
    text = re.sub(r"^\s*(/{3,}\s*[\w-]*\s*\|?|(!!!|\?\?\?\+?)\s+\S+)", "", text, flags=re.M)
    text = re.sub(r"^\s{4}(type|open|attrs):.*$", "", text, flags=re.M)  # block options
    text = re.sub(r"!?\[([^\]]*)\]\([^)]*\)(\{[^}]*\})?", r"\1", text)
    return re.sub(r"<[^>]+>|\{[^}]*\}|https?://\S+|\|", " ", text)


@lru_cache(maxsize=4096)   # the catalogue, path pages and module headers ask for the same texts
def word_count(markdown: str) -> int:
    return len(words(reading_text(markdown)))


def minutes(markdown: str, lang: str = "pl") -> int:
    """Whole minutes, rounded up; at least one for any text."""
    count = word_count(markdown)
    return max(1, math.ceil(count / WORDS_PER_MINUTE[lang])) if count else 0


def assumption(lang: str) -> str:
    """The sentence that states the rate, in the page's language."""
    wpm = WORDS_PER_MINUTE[lang]
    if lang == "en":
        return f"Reading time assumes {wpm} words a minute; the workshop duration is the time of the in-person training."
    return (f"Czas czytania liczymy przy {wpm} słowach na minutę. Czas warsztatu to czas zajęć "
            "prowadzonych przez trenera.")
