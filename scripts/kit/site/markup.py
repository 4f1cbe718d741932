"""Small Markdown/HTML transforms applied to every page: tables, fallback notice, edition fields."""
from __future__ import annotations

import re
from urllib.parse import urljoin, urlparse

_CAPTION = re.compile(r"<p>(?:Tabela|Table):\s*(.+?)</p>\s*<table>", re.S)
_TH = re.compile(r"<th(?=[\s>])(?![^>]*\bscope=)")

# Heading permalinks: Markdown options are shared by all languages, so the hook sets this per build.
PERMALINK_TITLE = {"pl": "Odnośnik do tej sekcji", "en": "Link to this section"}

FALLBACK = {
    "en": ("This page has not been translated yet",
           "You are reading the Polish original. The English version of this page is not available yet."),
}


def accessible_tables(html: str) -> str:
    """'Tabela: …' above a table becomes its <caption>; header cells get scope="col"."""
    html = _CAPTION.sub(lambda m: f"<table>\n<caption>{m[1].strip()}</caption>", html)
    return _TH.sub('<th scope="col"', html)


_TASK = re.compile(r'<input type="checkbox"(?P<checked> checked)? disabled(?:="disabled")?\s*/?>')


def printable_checkboxes(html: str) -> str:
    """Task-list checkboxes are form fields without a name (WCAG 4.1.2); the kit's checklists are
    for print, so they become box characters that a screen reader skips."""
    return _TASK.sub(lambda m: '<span class="kit-checkbox" aria-hidden="true">' +
                     ("☒" if m["checked"] else "☐") + "</span>", html)


def is_fallback(page, lang: str) -> bool:
    """True when the page shown in this language comes from another language's source."""
    locale = getattr(page.file, "locale", None)
    return bool(locale) and locale != lang


def fallback_notice(markdown: str, page, lang: str) -> str:
    if not is_fallback(page, lang) or lang not in FALLBACK:
        return markdown
    title, text = FALLBACK[lang]
    # The page body is wrapped in lang="pl" (on_page_content); the notice is in the page's language.
    notice = (f'<div class="admonition info" lang="{lang}" markdown="1">\n<p class="admonition-title">{title}</p>\n\n'
              f'{text}\n\n</div>\n')
    rows = markdown.lstrip("\n").split("\n")
    if rows and rows[0].startswith("# "):
        return rows[0] + "\n\n" + notice + "\n" + "\n".join(rows[1:])
    return notice + "\n" + markdown


_TOC_TOGGLE = '<input class="md-nav__toggle md-toggle" type="checkbox" id="__toc">'


def drop_unlabelled_toc_toggle(html: str) -> str:
    """Material renders the table-of-contents toggle even on pages without a table of contents,
    and then it has no label (WCAG 4.1.2); without a label nothing can toggle it, so drop it."""
    if 'for="__toc"' in html:
        return html
    return html.replace(_TOC_TOGGLE, "")


_EXTERNAL_LINK = re.compile(r'(<a\b[^>]*\bhref="(?P<href>(?:https?:|mailto:)[^"]+)"[^>]*>(?P<text>.*?)</a>)', re.S)


def print_urls(html: str) -> str:
    """External links get their address as print-only text after the link (not CSS ::after,
    which nests links in PDFs and is read twice by some screen readers)."""
    def add(m: re.Match) -> str:
        href = m["href"]
        text = re.sub(r"<[^>]+>", "", m["text"]).strip()
        if text == href or text == href.removeprefix("mailto:"):
            return m[0]
        return f'{m[1]}<span class="kit-print-url"> ({href.removeprefix("mailto:")})</span>'
    return _EXTERNAL_LINK.sub(add, html)


STATE_BANNERS = {
    "review": {
        "pl": ("Materiał w trakcie weryfikacji eksperckiej",
               "Część informacji na tej stronie czeka na sprawdzenie przez ekspertów. Miejsca do sprawdzenia "
               "są oznaczone ramką „Do weryfikacji”. Zanim oprzesz na nich decyzję, sprawdź aktualny stan prawny."),
        "en": ("Under expert review",
               "Some information on this page is waiting to be checked by experts. The passages concerned are "
               "marked “For expert review”. Check the current law before you base a decision on them."),
    },
    "draft": {
        "pl": ("Szkic – ta strona nie zostanie opublikowana",
               "Widzisz ją tylko w podglądzie redakcyjnym. Zmień status na review albo published, gdy tekst będzie gotowy."),
        "en": ("Draft – this page will not be published",
               "It is shown only in the editors' preview. Change its status to review or published when it is ready."),
    },
}


def state_banner(status: str, lang: str) -> str:
    """An admonition at the top of a page that is not (yet) published as final."""
    texts = STATE_BANNERS.get(status)
    if not texts:
        return ""
    title, text = texts.get(lang, texts["pl"])
    kind = "warning" if status == "draft" else "info"
    return f'!!! {kind} "{title}"\n\n    {text}\n\n'


def with_state_banner(markdown: str, status: str, lang: str) -> str:
    """The state banner under the page's H1 (or at the top when the page has none)."""
    banner = state_banner(status, lang)
    if not banner:
        return markdown
    rows = markdown.split("\n")
    at = next((i + 1 for i, r in enumerate(rows) if r.startswith("# ")), 0)
    return "\n".join(rows[:at] + ["", banner] + rows[at:])
_DOTS = r"(?:[.…]*…{2,}[.…]*|\.{5,})"  # a writing line; "…" or "..." alone is punctuation
_EMPTY_CELL = re.compile(r"<td([^>]*)>\s*" + _DOTS + r"\s*</td>")
_ANSWER_LINE = re.compile(r"<(p|li)>((?:(?!</\1>).)*?)\s*(" + _DOTS + r")\s*</\1>", re.S)
_INLINE_BLANK = re.compile(_DOTS)
LONG_BLANK = 15  # characters: a run this long ending a line is an answer; shorter ones are short fields


def writing_space(html: str) -> str:
    """Handouts get real room to write instead of dotted lines: table cells of dots become empty
    writing cells, a line ending in a long run of dots gets ruled lines below it, short runs (name,
    date) become a ruled gap. The lines are borders, so they print without background graphics;
    screen readers skip them."""
    html = _EMPTY_CELL.sub(lambda m: f'<td{m[1]} class="kit-write"></td>', html)

    def answer(m: re.Match) -> str:
        if len(m[3]) < LONG_BLANK:
            return m[0]
        lines = '<span class="kit-lines" aria-hidden="true">' + "<span></span>" * 3 + "</span>"
        return f"<{m[1]}>{m[2].strip()}{lines}</{m[1]}>"

    html = _ANSWER_LINE.sub(answer, html)
    return _INLINE_BLANK.sub('<span class="kit-blank" aria-hidden="true"></span>', html)


_NAV_LINK = re.compile(r'<a href="(?P<href>[^"]*)"(?= class="md-nav__link)')
_FOOTER_LINK = re.compile(r'<a href="(?P<href>[^"]*)" class="md-footer__link[^"]*"(?P<label> aria-label="[^"]*")?'
                          r'(?P<body>.*?)</a>', re.S)
_HEADING_LANG = re.compile(r'<h[1-6] id="(?P<id>[^"]+)" lang="(?P<lang>[^"]+)"')


def fallback_urls(pages, lang: str) -> dict[str, str]:
    """URL -> source language of every page shown in this language from another language's source."""
    return {p.url: p.file.locale for p in pages if is_fallback(p, lang)}


def mark_fallback_titles(html: str, page_url: str, own: str | None, foreign: dict[str, str],
                         root: str = "http://site/") -> str:
    """Titles of untranslated pages appear outside their page body too: in the navigation, the
    footer's previous/next links, the header and this page's table of contents. Mark their
    language (WCAG 3.1.2), as on_page_content does for the body; a heading with its own lang
    passes it to its table-of-contents entry. `own` is the language of this page's source when it
    is untranslated; `root` is the site's address when links are absolute (404.html)."""
    base = urljoin(root, page_url)
    prefix = urlparse(root).path
    known: dict[str, str | None] = {}   # a page links to the same address from its nav, tabs and footer

    def target_lang(href: str) -> str | None:
        if href not in known:
            path = urlparse(urljoin(base, href)).path
            known[href] = foreign.get(path[len(prefix):] if path.startswith(prefix) else path.lstrip("/"))
        return known[href]

    def nav(m: re.Match) -> str:
        found = target_lang(m["href"])
        return f'{m[0]} lang="{found}"' if found else m[0]

    def footer(m: re.Match) -> str:
        found = target_lang(m["href"])
        if not found:
            return m[0]
        # the label "Next: <title>" cannot mark the title's language; the link's own text can
        body = m["body"].replace('<div class="md-ellipsis">', f'<div class="md-ellipsis" lang="{found}">', 1)
        return m[0].replace(m["label"] or "\0", "").replace(m["body"], body)

    if foreign:   # no page of the site is shown from another language's source: no link to mark
        html = _FOOTER_LINK.sub(footer, _NAV_LINK.sub(nav, html))
    if own:
        html = html.replace('data-md-component="header-topic"', f'data-md-component="header-topic" lang="{own}"', 1)
        html = html.replace('data-md-component="toc"', f'data-md-component="toc" lang="{own}"', 1)  # its entries
    page_lang = (re.search(r'<html lang="([^"]+)"', html) or [None, ""])[1]
    for m in _HEADING_LANG.finditer(html):
        html = html.replace(f'<a href="#{m["id"]}" class="md-nav__link">', f'<a href="#{m["id"]}" class="md-nav__link" lang="{m["lang"]}">')
        if page_lang:  # the heading's permalink keeps the page's language for its title
            html = html.replace(f'<a class="headerlink" href="#{m["id"]}"', f'<a class="headerlink" lang="{page_lang}" href="#{m["id"]}"')
    return html


def mark_abbreviations(html: str, languages: dict[str, str]) -> str:
    """An abbreviation whose full form is in another language than the page (SELFIE on Polish
    pages) carries that language; a title attribute cannot mark it otherwise (WCAG 3.1.2)."""
    for term, lang in languages.items():
        html = re.sub(rf'<abbr title="([^"]*)">{re.escape(term)}</abbr>', rf'<abbr lang="{lang}" title="\1">{term}</abbr>', html)
    return html
