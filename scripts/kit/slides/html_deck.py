"""The HTML deck: one page, no framework, no third-party requests. Without JavaScript every slide
shows one below the other; kit-slides.js shows one at a time and adds keyboard navigation."""
from __future__ import annotations

import html

from kit.slides.deck import Deck

ASSETS = ("javascripts/kit-slides.js", "stylesheets/kit-slides.css")
T = {
    "pl": {"deck": "Slajdy: {title}", "nav": "Przełączanie slajdów", "prev": "Poprzedni slajd",
           "next": "Następny slajd", "help": "Klawisze: strzałki, Page Up i Page Down, Home i End.",
           "statement": "Deklaracja dostępności"},
    "en": {"deck": "Slides: {title}", "nav": "Slide navigation", "prev": "Previous slide", "next": "Next slide",
           "help": "Keys: arrows, Page Up and Page Down, Home and End.", "statement": "Accessibility statement"},
}


def deck_html(deck: Deck, assets: str, statement: str = "") -> str:
    """assets: the relative path to the folder that holds kit-slides.css and kit-slides.js
    (the site's assets/ subfolders, or "" in the module pack where they sit beside the deck).
    statement: on the site, the address of the accessibility statement – linked from the deck like
    from every other page, with the site's script policy (the unzipped pack runs from file://)."""
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
            + (f'<meta name="deklaracja-dostępności" content="{esc(statement)}">'
               '<meta http-equiv="Content-Security-Policy" content="default-src \'self\'; object-src \'none\'; '
               'base-uri \'self\'; form-action \'self\'">' if statement else "")
            + f"<title>{esc(t['deck'].format(title=deck.title))}</title>"
            f'<link rel="stylesheet" href="{css}"></head><body>'
            f'<main class="deck">{"".join(parts)}</main>'
            f'<nav class="deck__nav" aria-label="{t["nav"]}" hidden>'
            f'<button type="button" data-deck="prev">{t["prev"]}</button>'
            f'<p class="deck__status" role="status" aria-live="polite"></p>'
            f'<button type="button" data-deck="next">{t["next"]}</button>'
            f'<p class="deck__help">{t["help"]}</p></nav>'
            + (f'<footer class="deck__footer"><a href="{esc(statement)}">{t["statement"]}</a></footer>' if statement else "")
            + f'<script src="{js}"></script></body></html>\n')
