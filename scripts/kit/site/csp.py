"""Content-Security-Policy for every page, as a <meta http-equiv> (GitHub Pages sets no headers).

Scripts run only from the site itself; the theme's few inline scripts are allowed by their
SHA-256 hash, computed from each rendered page (the hash changes with the page depth and with
Material updates, so it is never written by hand). Scripts inside the page's content are never
hashed: an injected inline script, event handler or javascript: URL does not run even if it slipped
past the sanitizer.
"""
from __future__ import annotations

import base64
import hashlib
import re

PLACEHOLDER = "kit-csp-script-hashes"   # written by overrides/main.html, replaced per page
# Styles stay 'unsafe-inline': the theme and the edition colours use inline styles, and CSS cannot
# run script; data: images are Material's icons in its stylesheets.
POLICY = ("default-src 'self'; script-src 'self' {hashes}; style-src 'self' 'unsafe-inline'; "
          "img-src 'self' data:; font-src 'self'; connect-src 'self'; worker-src 'self'; frame-src 'self'; "
          "object-src 'none'; base-uri 'self'; form-action 'self'")
_SCRIPT = re.compile(r"<script\b(?P<attrs>[^>]*)>(?P<body>.*?)</script>", re.S | re.I)
_TYPE = re.compile(r"""\btype\s*=\s*["']?(?P<type>[^"'\s>]+)""", re.I)
_JS_TYPES = {"", "text/javascript", "application/javascript", "module"}


def inline_script_hashes(page_html: str) -> list[str]:
    """CSP source expressions for the page's inline scripts (JSON data blocks are not scripts)."""
    out = []
    for m in _SCRIPT.finditer(page_html):
        if re.search(r"\bsrc\s*=", m["attrs"], re.I):
            continue
        kind = _TYPE.search(m["attrs"])
        if (kind["type"].lower() if kind else "") not in _JS_TYPES:
            continue
        digest = base64.b64encode(hashlib.sha256(m["body"].encode("utf-8")).digest()).decode("ascii")
        source = f"'sha256-{digest}'"
        if source not in out:
            out.append(source)
    return out


def apply(page_html: str, content: str | None = None, offline: bool = False) -> str:
    """Fill the policy placeholder with the hashes of the theme's inline scripts – those outside
    the page's content (pages without the placeholder pass as they are).

    The offline bundle runs search through the iframe-worker shim, which writes an inline script
    (with the page's own worker address in it) into a blank iframe that inherits this policy; there
    inline scripts are allowed and the sanitizer alone keeps script out of the content."""
    if PLACEHOLDER not in page_html:
        return page_html
    theme = page_html.replace(content, "") if content else page_html
    hashes = "'unsafe-inline'" if offline else " ".join(inline_script_hashes(theme))
    policy = POLICY.format(hashes=hashes)
    return page_html.replace(PLACEHOLDER, policy, 1)
