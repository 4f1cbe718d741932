"""No page loads anything from another host: no fonts, CDN scripts, analytics or iframes."""
from __future__ import annotations

import re
from pathlib import Path

import pytest

pytestmark = pytest.mark.slow

# Attributes and CSS constructs that make the browser fetch something.
HTML_FETCH = re.compile(
    r"<(?P<tag>script|link|img|iframe|source|video|audio|embed|object|track|input)\b[^>]*?"
    r"\b(?P<attr>src|href|data|poster|srcset)\s*=\s*[\"'](?P<url>[^\"']+)", re.I)
CSS_FETCH = re.compile(r"(?:url\(\s*[\"']?|@import\s+[\"'])(?P<url>[^\"')\s]+)", re.I)
JS_FETCH = re.compile(r"(?:fetch|importScripts|XMLHttpRequest\(\)\.open)\s*\(\s*[\"'](?P<url>https?://[^\"']+)")


def external(url: str) -> bool:
    url = url.strip()
    return url.startswith(("http://", "https://", "//")) and not re.match(r"^(https?:)?//(127\.0\.0\.1|localhost)\b", url)


def offending(site: Path) -> list[str]:
    found = []
    for path in site.rglob("*"):
        if path.suffix == ".html":
            text = path.read_text("utf-8", errors="replace")
            for m in HTML_FETCH.finditer(text):
                tag, attr, url = m["tag"].lower(), m["attr"].lower(), m["url"]
                if tag == "link":
                    rel = re.search(r"\brel\s*=\s*[\"']([^\"']+)", m[0])
                    # plain navigation links (canonical, alternate) are not fetched by the browser
                    if rel and not re.search(r"stylesheet|preconnect|prefetch|preload|dns-prefetch|icon|modulepreload|manifest", rel[1]):
                        continue
                if external(url):
                    found.append(f"{path.relative_to(site)}: <{tag} {attr}={url}>")
            for m in CSS_FETCH.finditer(" ".join(re.findall(r"<style[^>]*>(.*?)</style>", text, re.S))):
                if external(m["url"]):
                    found.append(f"{path.relative_to(site)}: inline style {m['url']}")
        elif path.suffix == ".css":
            for m in CSS_FETCH.finditer(path.read_text("utf-8", errors="replace")):
                if external(m["url"]):
                    found.append(f"{path.relative_to(site)}: {m['url']}")
        elif path.suffix == ".js":
            for m in JS_FETCH.finditer(path.read_text("utf-8", errors="replace")):
                found.append(f"{path.relative_to(site)}: {m['url']}")
    return found


def test_scanner_catches_each_kind_of_third_party_request(tmp_path):
    (tmp_path / "a.html").write_text(
        '<link rel="stylesheet" href="https://fonts.googleapis.com/css?family=Roboto">'
        '<link rel="preconnect" href="https://fonts.gstatic.com">'
        '<script src="//cdn.example.net/x.js"></script><img src="https://stats.example.com/p.gif">'
        '<iframe src="https://www.youtube.com/embed/x"></iframe>'
        '<style>body{background:url("https://x.example/b.png")}</style>'
        '<a href="https://isap.sejm.gov.pl/">tekst</a><link rel="canonical" href="https://example.org/">', "utf-8")
    (tmp_path / "b.css").write_text('@import "https://x.example/f.css"; .a{background:url(/local.png)}', "utf-8")
    (tmp_path / "c.js").write_text('fetch("https://analytics.example/collect")', "utf-8")
    found = offending(tmp_path)
    assert len(found) == 8, found
    assert not any("isap" in f or "canonical" in f for f in found)


def test_no_third_party_requests_in_built_site(site):
    assert offending(site) == []


def test_no_generator_link_and_no_google_fonts(site):
    html = (site / "index.html").read_text("utf-8")
    assert "Made with" not in html and "squidfunk" not in html.split("<footer")[1]
    assert "fonts.googleapis" not in html and "fonts.gstatic" not in html
