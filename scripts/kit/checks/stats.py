"""`kit stats`: a content report for editors and release notes (words, notes, exercises, FOG-PL)."""
from __future__ import annotations

import re

from kit.checks.readability import markdown_to_text, score, words
from kit.model.quiz import count as quiz_count
from kit.model.trainer_blocks import participant_text, split_trainer_blocks
from kit.model.frontmatter import read_source


def word_count(markdown: str) -> int:
    return len(words(markdown_to_text(markdown)))


def module_rows(modules) -> list[dict]:
    out = []
    for m in modules:
        participant = participant_text(m.body)
        fog = score(markdown_to_text(m.body)).fog
        out.append({
            "id": m.id, "title": m.title, "duration": m.duration,
            "participant_words": word_count(participant),
            "trainer_notes": len(split_trainer_blocks(m.body)),
            "exercises": len(re.findall(r"^/{3,}\s*cwiczenie\b", m.body, re.M)),
            "handouts": len(m.handouts),
            "self_check": len(re.findall(r"^(\?\?\?\+?\s+|/{3,}\s*)pytanie\b", participant, re.M)),
            "interactive": quiz_count(participant),
            "solo": len(re.findall(r"^/{3,}\s*samodzielnie\b", participant, re.M)),
            "fog": round(fog, 1) if fog else None,
            "en_words": word_count(m.en.body) if m.en else 0,
        })
    return out


def page_rows(project) -> list[dict]:
    out = []
    for page in project.editor_pages():
        text = read_source(page)
        if text.lstrip().startswith("--8<--"):
            continue
        fog = score(markdown_to_text(text)).fog
        out.append({"page": page.relative_to(project.root).as_posix(), "words": word_count(text),
                    "fog": round(fog, 1) if fog and not page.name.endswith(".en.md") else None})
    return out
