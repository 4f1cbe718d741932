"""An Atom 1.0 feed (RFC 4287) of editions and law-change notices, so a JST can subscribe without
an account. Built with ElementTree, which escapes every text; dates come from git and the watch
file, never from the clock, so two builds of one commit give the same feed."""
from __future__ import annotations

import xml.etree.ElementTree as ET
from dataclasses import dataclass
from datetime import date

ATOM = "http://www.w3.org/2005/Atom"
FEED_FILE = "feed.xml"


@dataclass(frozen=True)
class Entry:
    id: str          # a permanent IRI
    title: str
    updated: date
    link: str        # absolute address of the page the entry points to
    summary: str


def _stamp(d: date) -> str:
    return f"{d.isoformat()}T00:00:00Z"


def atom_feed(site_url: str, title: str, author: str, entries: list[Entry], fallback: date) -> str:
    """The feed document; `fallback` is its <updated> when there are no entries."""
    ET.register_namespace("", ATOM)
    base = site_url if site_url.endswith("/") else site_url + "/"
    feed = ET.Element(f"{{{ATOM}}}feed", {"xml:lang": "pl"})

    def sub(parent, tag, text=None, **attrs):
        el = ET.SubElement(parent, f"{{{ATOM}}}{tag}", attrs)
        if text is not None:
            el.text = text
        return el

    sub(feed, "id", base + FEED_FILE)
    sub(feed, "title", title)
    sub(feed, "subtitle", "Nowe wydania zestawu i zmiany prawa, na którym opierają się moduły.")
    entries = sorted(entries, key=lambda e: (e.updated, e.id), reverse=True)
    sub(feed, "updated", _stamp(max((e.updated for e in entries), default=fallback)))
    sub(sub(feed, "author"), "name", author)
    sub(feed, "link", rel="self", type="application/atom+xml", href=base + FEED_FILE)
    sub(feed, "link", rel="alternate", type="text/html", href=base)
    for e in entries:
        item = sub(feed, "entry")
        sub(item, "id", e.id)
        sub(item, "title", e.title)
        sub(item, "updated", _stamp(e.updated))
        sub(item, "link", rel="alternate", type="text/html", href=e.link)
        sub(item, "summary", e.summary, type="text")
    ET.indent(feed)
    return '<?xml version="1.0" encoding="utf-8"?>\n' + ET.tostring(feed, encoding="unicode") + "\n"
