"""Polish typography for print: a single-letter word never ends a line."""
from __future__ import annotations

import re

NBSP = "\u00a0"
# a, i, o, u, w, z (and capitals) after a space or an opening bracket/quote, before a space
_ORPHAN = re.compile(r"(?<![\w\u00a0])([aiouwzAIOUWZ])[ \t\n]+(?=\S|$)")
# The same in HTML text: not inside a tag (the next angle bracket is an opening one).
_ORPHAN_TEXT = re.compile(r"(?<![\w\u00a0<])([aiouwzAIOUWZ])[ \t\n]+(?=\S|$)(?=[^<>]*(?:<|$))")
# Elements whose text is left alone; split() keeps each whole element as one part.
_SKIP = re.compile(r"(<(pre|code|script|style|textarea)\b[^>]*>.*?</\2\s*>)", re.S | re.I)


def bind_single_letters(text: str) -> str:
    return _ORPHAN.sub(lambda m: m[1] + NBSP, text)


def bind_single_letters_html(html: str) -> str:
    """Apply to text between tags, leaving tags, code and scripts alone (one regex pass per stretch
    of text: this runs on every page of every build)."""
    parts = _SKIP.split(html)   # text, skipped element, its tag name, text, …
    out = []
    for i in range(0, len(parts), 3):
        out.append(_ORPHAN_TEXT.sub("\\1" + NBSP, parts[i]))
        if i + 1 < len(parts):
            out.append(parts[i + 1])
    return "".join(out)
