"""Contrast of the theme's colours, read from the real CSS and edition file (WCAG 1.4.3, 1.4.11)."""
from __future__ import annotations

import glob
import re
from pathlib import Path

import pytest
import yaml

import material
from conftest import ROOT
from kit.checks.contrast import blend, ratio

KIT_CSS = (ROOT / "docs" / "assets" / "stylesheets" / "kit.css").read_text("utf-8")
MATERIAL_CSS = Path(material.__file__).parent / "templates" / "assets" / "stylesheets"
EDITION = yaml.safe_load((ROOT / "materials" / "wydanie.yml").read_text("utf-8"))
TEXT, LARGE_OR_UI = 4.5, 3.0


def css_var(css: str, block_selector: str, name: str) -> str:
    block = re.search(re.escape(block_selector) + r"\s*\{(.*?)\}", css, re.S)[1]
    return re.search(re.escape(name) + r"\s*:\s*([^;]+);", block)[1].strip()


def material_var(scheme: str, name: str) -> str:
    palette = open(glob.glob(str(MATERIAL_CSS / "palette.*.min.css"))[0]).read()
    main = open(glob.glob(str(MATERIAL_CSS / "main.*.min.css"))[0]).read()
    if scheme == "slate":
        block = re.search(r"\[data-md-color-scheme=slate\]\{(.*?)\}", palette, re.S)[1]
        value = re.search(re.escape(name) + r":([^;]+);", block)[1]
        return value.replace("var(--md-hue)", "225")  # Material's default hue for slate
    return re.search(re.escape(name) + r":(#[0-9a-f]+);", main)[1]


LIGHT_BG = material_var("default", "--md-default-bg-color")
DARK_BG = blend(material_var("slate", "--md-default-bg-color"), "#000000")
PRIMARY = EDITION["colors"]["primary"]
ACCENT = EDITION["colors"]["accent"]


def dark_accent() -> str:
    """The edition's dark-scheme accent, given or derived (kit.model.edition)."""
    from kit.model.edition import load_edition
    return load_edition(path=ROOT / "materials" / "wydanie.yml").data["colors"]["accent_dark"]


def kit(scheme: str, name: str) -> str:
    sel = ":root" if scheme == "light" else '[data-md-color-scheme="slate"]'
    return css_var(KIT_CSS, sel, name)


def test_ratio_reference_values():
    assert round(ratio("#000000", "#ffffff"), 1) == 21.0
    assert round(ratio("#767676", "#ffffff"), 2) == 4.54  # the well-known AA grey
    assert ratio("#ffffff73", "#000000de") < 4.5          # Material's footer copyright default


CASES = [
    ("light body text", lambda: (material_var("default", "--md-default-fg-color"), LIGHT_BG), TEXT),
    ("light secondary text", lambda: (material_var("default", "--md-default-fg-color--light"), LIGHT_BG), TEXT),
    ("links (primary) on white", lambda: (PRIMARY, LIGHT_BG), TEXT),
    ("accent on white", lambda: (ACCENT, LIGHT_BG), TEXT),
    ("header text on primary", lambda: ("#ffffff", PRIMARY), TEXT),
    ("footer text", lambda: (re.search(r"\.md-footer-meta \.md-copyright,.*?color: (#[0-9a-f]{6})", KIT_CSS, re.S)[1],
                             re.search(r"\.md-footer-meta \{\s*background-color: (#[0-9a-f]{6})", KIT_CSS)[1]), TEXT),
    ("dark body text", lambda: (material_var("slate", "--md-default-fg-color"), DARK_BG), TEXT),
    ("dark links", lambda: (css_var(KIT_CSS, '[data-md-color-scheme="slate"]', "--md-typeset-a-color"), DARK_BG), TEXT),
    ("focus ring light", lambda: (kit("light", "--kit-focus"), LIGHT_BG), LARGE_OR_UI),
    ("focus ring dark", lambda: (kit("dark", "--kit-focus"), DARK_BG), LARGE_OR_UI),
    ("focus ring on header", lambda: ("#ffffff", PRIMARY), LARGE_OR_UI),
    ("dark accent: hovered links, search marks", lambda: (dark_accent(), DARK_BG), TEXT),
]
for name in ("--kit-trainer", "--kit-exercise", "--kit-review", "--kit-question"):
    CASES.append((f"{name} border/icon light", lambda n=name: (kit("light", n), LIGHT_BG), LARGE_OR_UI))
    CASES.append((f"{name} border/icon dark", lambda n=name: (kit("dark", n), DARK_BG), LARGE_OR_UI))
    # admonition titles: body text over the translucent tint of the block colour
    CASES.append((f"{name} title text light", lambda n=name: (
        material_var("default", "--md-default-fg-color"),
        blend(kit("light", n) + "1a", LIGHT_BG)), TEXT))
    CASES.append((f"{name} title text dark", lambda n=name: (
        material_var("slate", "--md-default-fg-color"),
        blend(kit("light", n) + "1a", DARK_BG)), TEXT))


@pytest.mark.parametrize("name, pair, minimum", CASES, ids=[c[0] for c in CASES])
def test_theme_contrast(name, pair, minimum):
    fg, bg = pair()
    assert ratio(fg, bg) >= minimum, f"{name}: {fg} on {bg} = {ratio(fg, bg):.2f}:1 < {minimum}:1"
