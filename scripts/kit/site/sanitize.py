"""Defence in depth for published pages: the rendered content of every page passes an allow-list
HTML sanitizer (nh3, a binding to the maintained Rust crate ammonia) before the theme wraps it.

The source lint (kit.checks.safety) tells editors early, with file:line; this step makes sure that
whatever slips past it – or arrives through edition data and generated pages – cannot run script,
post a form elsewhere, restyle the page or publish an HTML comment (comments may hold trainer notes).
The allow-list is what the kit's Markdown extensions and generators actually write; anything else
is dropped, so a new extension that needs more markup shows up in the sanitizer diff of the build.
"""
from __future__ import annotations

import html
import json
import re

import nh3

# Elements the content may use: ammonia's safe defaults plus what Material's extensions write
# (admonitions, details, tabbed sets, task lists, captioned tables).
TAGS = nh3.ALLOWED_TAGS | {"caption", "input", "label", "section", "tfoot"}
# Dropped together with their content: code and styling that must never reach the page.
DROPPED_WITH_CONTENT = {"script", "style", "iframe", "object", "embed", "template", "noscript", "textarea",
                        "select", "frame", "frameset", "applet", "svg", "math", "xmp", "noembed"}
GLOBAL_ATTRIBUTES = {"id", "class", "title", "lang", "dir", "role", "hidden", "tabindex"}
ATTRIBUTES = {
    "*": GLOBAL_ATTRIBUTES,
    "a": {"href", "hreflang", "name", "target"},
    "abbr": set(), "blockquote": {"cite"}, "q": {"cite"},
    "del": {"cite", "datetime"}, "ins": {"cite", "datetime"}, "data": {"value"},
    "time": {"datetime", "data-kit-at"},        # agenda clock times that kit-agenda.js moves
    "details": {"open"},
    "div": {"data-tabs"},                       # pymdownx.tabbed
    "img": {"src", "alt", "width", "height", "loading", "decoding"},
    "input": {"checked", "disabled", "name",    # task lists and tabbed sets; type is restricted below
              "value", "step", "min", "max", "data-kit-size"},  # start time and group size (kit-agenda.js)
    "label": {"for"},
    "ol": {"start", "reversed"},
    "span": {"data-kit-pdf", "data-kit-copies", "data-kit-sheets", "data-kit-pages", "data-kit-show"},
    "table": set(), "col": {"span"}, "colgroup": {"span"},
    "td": {"colspan", "rowspan", "headers", "style"},
    "th": {"colspan", "rowspan", "headers", "scope", "style", "abbr"},
}
ATTRIBUTE_VALUES = {"input": {"type": {"checkbox", "radio", "time", "number"}}}
# aria-* for accessibility; data-kit-* are inert data the self-study scripts read (module ids,
# question keys, filter values) – the controls themselves are made by kit-*.js, not by content.
GENERIC_PREFIXES = {"aria-", "data-kit-"}
# Python-Markdown writes column alignment as an inline style; nothing else may be styled inline.
_ALIGN = re.compile(r"text-align:\s*(left|right|center);?")
# Data URLs only for raster images (an SVG could carry script when opened on its own).
_DATA_IMAGE = re.compile(r"data:image/(png|jpeg|gif|webp);base64,[A-Za-z0-9+/=\s]*", re.I)
URL_SCHEMES = {"http", "https", "mailto", "tel", "data"}
URL_ATTRIBUTES = {"href", "src", "cite"}


def _filter(tag: str, attr: str, value: str) -> str | None:
    if attr == "style":
        return value if _ALIGN.fullmatch(value.strip()) else None
    if attr in URL_ATTRIBUTES and value.strip().lower().startswith("data:"):
        return value if tag == "img" and attr == "src" and _DATA_IMAGE.fullmatch(value.strip()) else None
    if attr == "src" and re.match(r"\s*([a-z][a-z0-9+.-]*:|//)", value, re.I):
        return None  # images come from the site itself: no request to another host
    return value


_CLEANER = nh3.Cleaner(tags=TAGS, clean_content_tags=DROPPED_WITH_CONTENT, attributes=ATTRIBUTES,
                       tag_attribute_values=ATTRIBUTE_VALUES, generic_attribute_prefixes=GENERIC_PREFIXES,
                       url_schemes=URL_SCHEMES, attribute_filter=_filter, link_rel=None, strip_comments=True)


def clean(html: str) -> str:
    """The page's rendered content with everything outside the allow-list removed."""
    return _CLEANER.clean(html)


def md_text(value) -> str:
    """A value from a data file as literal text inside generated Markdown: no tags, no attr_list
    braces, no table pipes – the reader sees exactly the characters of the data file."""
    return (html.escape(str(value), quote=True).replace("{", "&#123;").replace("}", "&#125;")
            .replace("|", "&#124;").replace("[", "&#91;").replace("]", "&#93;"))


def yaml_text(value) -> str:
    """A value as a double-quoted YAML scalar for generated front matter."""
    return json.dumps(str(value), ensure_ascii=False)


def escape_meta(meta: dict) -> None:
    """Front matter values are plain text, but Material prints page.meta.title, description and status
    into the page head and attributes unescaped: escape every top-level string once, when read."""
    for key, value in meta.items():
        if isinstance(value, str):
            meta[key] = html.escape(value, quote=True)
