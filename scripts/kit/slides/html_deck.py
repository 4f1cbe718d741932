"""The HTML deck: one page, no framework, no third-party requests. Without JavaScript every slide
shows one below the other; kit-slides.js shows one at a time and adds keyboard navigation."""
from __future__ import annotations

import html

from kit.slides.deck import Deck

ASSETS = ("javascripts/kit-slides.js", "stylesheets/kit-slides.css")
T = {
    "pl": {"deck": "Slajdy: {title}", "nav": "Przełączanie slajdów", "prev": "Poprzedni slajd",
           "next": "Następny slajd", "help": "Klawisze: strzałki, Page Up i Page Down, Home i End."},
    "en": {"deck": "Slides: {title}", "nav": "Slide navigation", "prev": "Previous slide", "next": "Next slide",
           "help": "Keys: arrows, Page Up and Page Down, Home and End."},
}


def deck_html(deck: Deck, assets: str) -> str:
    """assets: the relative path to the folder that holds kit-slides.css and kit-slides.js
    (the site's assets/ subfolders, or "" in the module pack where they sit beside the deck)."""
    t = T[deck.lang]
    esc = html.escape
    css = assets + ("stylesheets/" if assets else "") + "kit-slides.css"
    js = assets + ("javascripts/" if assets else "") + "kit-slides.js"
    total = len(deck.slides)
    parts = []
    for i, s in enumerate(deck.slides, 1):
        tag = "h1" if i == 1 else "h2"
        body = "".join(f"<li>{esc(line)}</li>" for line in s.lines)
        parts.append(
            f'<section class="slide" id="slajd-{i}" aria-labelledby="slajd-{i}-t">'
            f'<{tag} id="slajd-{i}-t" tabindex="-1">{esc(s.title)}</{tag}>'
            + (f'<p class="slide__sub">{esc(s.meta)}</p>' if i == 1 else "")
            + (f"<ul>{body}</ul>" if body else "")
            + (f'<p class="slide__meta">{esc(s.meta)}</p>' if i > 1 and s.meta else "")
            + f'<p class="slide__count">{i} / {total}</p></section>')
    return (f'<!doctype html>\n<html lang="{deck.lang}"><head><meta charset="utf-8">'
            f'<meta name="viewport" content="width=device-width, initial-scale=1">'
            f"<title>{esc(t['deck'].format(title=deck.title))}</title>"
            f'<link rel="stylesheet" href="{css}"></head><body>'
            f'<main class="deck">{"".join(parts)}</main>'
            f'<nav class="deck__nav" aria-label="{t["nav"]}" hidden>'
            f'<button type="button" data-deck="prev">{t["prev"]}</button>'
            f'<p class="deck__status" role="status" aria-live="polite"></p>'
            f'<button type="button" data-deck="next">{t["next"]}</button>'
            f'<p class="deck__help">{t["help"]}</p></nav>'
            f'<script src="{js}"></script></body></html>\n')
