"""Polish typography for print: a single-letter word never ends a line."""
from __future__ import annotations

import re

NBSP = "\u00a0"
# a, i, o, u, w, z (and capitals) after a space or an opening bracket/quote, before a space
_ORPHAN = re.compile(r"(?<![\w\u00a0])([aiouwzAIOUWZ])[ \t\n]+(?=\S|$)")
_TAG = re.compile(r"(<[^>]+>)")
_SKIP = ("pre", "code", "script", "style", "textarea")


def bind_single_letters(text: str) -> str:
    return _ORPHAN.sub(lambda m: m[1] + NBSP, text)


def bind_single_letters_html(html: str) -> str:
    """Apply to text between tags, leaving tags, code and scripts alone."""
    out, skip = [], 0
    for part in _TAG.split(html):
        if part.startswith("<"):
            name = re.match(r"</?\s*([a-zA-Z0-9]+)", part)
            if name and name[1].lower() in _SKIP and not part.endswith("/>"):
                skip += -1 if part.startswith("</") else 1
                skip = max(skip, 0)
            out.append(part)
        else:
            out.append(part if skip else bind_single_letters(part))
    return "".join(out)
