"""Self-check blocks (kit.model.quiz) as page markup.

Without JavaScript, in print and in the PDF a question is its text, the lettered choices and a
details/summary holding the correct answer and the explanation. On the participant page the block
carries data attributes that kit-selfstudy.js turns into answer buttons with instant feedback.
"""
from __future__ import annotations

import html

from kit.model.quiz import Question, parse

LETTERS = "ABCDEF"
L = {
    "pl": {"answer": "Odpowiedź i wyjaśnienie", "correct": "Poprawna odpowiedź"},
    "en": {"answer": "Answer and explanation", "correct": "Correct answer"},
}


def _block(q: Question, module_id: str, lang: str, interactive: bool) -> list[str]:
    t = L[lang]
    qid = f"kit-q-{module_id}-{q.key}"
    attrs = (f' data-kit-quiz="{module_id}:{q.key}" data-kit-answer="{q.correct_index}"'
             f' aria-labelledby="{qid}"' if interactive else "")
    right = q.correct_index
    rows = [f'<div class="kit-quiz" role="group"{attrs} markdown="1">' if interactive
            else '<div class="kit-quiz" markdown="1">',
            f'<p class="kit-quiz__question" id="{qid}" markdown="span">**{q.text}**</p>',
            '<ul class="kit-quiz__options" markdown="1">']
    rows += [f'<li markdown="span"><span class="kit-quiz__letter">{LETTERS[i]}.</span> {o.text}</li>'
             for i, o in enumerate(q.options)]
    rows += ["</ul>",
             f'<details class="kit-quiz__answer"{"" if interactive else " open"} markdown="1">',
             f"<summary>{html.escape(t['answer'])}</summary>", "",
             f"**{t['correct']}: {LETTERS[right]}.** {q.options[right].text}", "",
             q.explanation, "", "</details>", "</div>"]
    return rows


def render(body: str, module_id: str, lang: str = "pl", interactive: bool = True) -> str:
    """The body with every `/// pytanie` block replaced by its markup (blocks were validated when
    the module was loaded, so malformed ones do not reach here)."""
    questions, _ = parse(body)
    if not questions:
        return body
    rows = body.split("\n")
    out: list[str] = []
    last = 0
    for q in questions:
        out += rows[last:q.start]
        out += ["", *_block(q, module_id, lang, interactive), ""]
        last = q.end + 1
    out += rows[last:]
    return "\n".join(out)
