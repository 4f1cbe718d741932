"""States beyond the first light 1280-px view, in Chromium (issue 18): keyboard stops at 320, 1024
and 1280 px in both colour schemes, axe in the dark scheme, hover and focus colours, search open
with results, the language menu, the colour-scheme switch, the drawer, 404 pages and the language
of parts. One browser run over a sample of every page type; each test reads its part."""
from __future__ import annotations

import json
import re
import subprocess
from pathlib import Path

import pytest
import yaml

import material
from conftest import ROOT
from kit.checks.browser import find_chromium
from kit.checks.localserver import serve
from kit.model.nonconformities import STATE_CHECKS, load_nonconformities
from kit.checks.node import ensure_packages, node_bin

pytestmark = [pytest.mark.browser, pytest.mark.slow]

# One page of every type, in each language; the 404 pages are served as files.
PAGE_TYPES = ["", "koncepcja/uzasadnienie/", "moduly/", "moduly/m01-organ-prowadzacy/",
              "moduly/m01-organ-prowadzacy/trener/", "moduly/m01-organ-prowadzacy/karty/karta-pracy-1/",
              "szablony/arkusz-diagnozy/", "zasoby/slownik/", "zasoby/podstawy-prawne/",
              "moduly/m01-organ-prowadzacy/przebieg/", "moduly/m01-organ-prowadzacy/slajdy/",
              "deklaracja-dostepnosci/", "latwy-tekst/", "404.html"]
NARROW = {"", "moduly/m01-organ-prowadzacy/", "zasoby/slownik/", "404.html"}  # also at 320 and 1024 px
SEARCH = [("pl", "", "dostępność"), ("en", "en/", "accessibility")]


def ui_strings(lang: str) -> list[str]:
    """Material's interface texts in one language (its own translation file), for the check of
    the language of parts; texts that both languages share are left out."""
    folder = Path(material.__file__).parent / "templates" / "partials" / "languages"
    texts = lambda code: set(re.findall(r'"[\w.]+": "([^"#]{4,})"', (folder / f"{code}.html").read_text("utf-8")))  # noqa: E731
    pl, en = texts("pl"), texts("en")
    return sorted((pl - en) if lang == "pl" else (en - pl))


def sample(site: Path) -> list[dict]:
    pages = []
    for lang, prefix in (("pl", ""), ("en", "en/")):
        for kind in PAGE_TYPES:
            path = prefix + kind
            target = site / path / ("" if path.endswith(".html") else "index.html")
            if not target.exists():
                continue
            # every type in the light scheme at 1280 px (language of parts, hover); the dark scheme for
            # every Polish type, the narrow widths and English dark views for the types in NARROW
            views = ["1280-light"] + (["1280-dark"] if lang == "pl" or kind in NARROW else [])
            views += ["320-light", "1024-light"] if kind in NARROW else []
            views += ["320-dark"] if kind == "" else []
            pages.append({"path": path, "lang": lang, "views": views, "axe": lang == "pl" or kind in NARROW})
    return pages


def site_path() -> str:
    """The site's path under its host (the edition's site_address, which builds use as site_url):
    the 404 pages load their assets from there."""
    from urllib.parse import urlparse
    from kit.model.edition import load_edition
    return urlparse(load_edition(path=ROOT / "materials" / "wydanie.yml").data["site_address"]).path.strip("/")


def run_states(site: Path) -> dict:
    ensure_packages(ROOT)
    root, sub = site, site_path()
    if sub:  # serve the site where its absolute links expect it
        root = site.parent / f"{site.name}-root"
        (root / sub).parent.mkdir(parents=True, exist_ok=True)
        if not (root / sub).exists():
            (root / sub).symlink_to(site, target_is_directory=True)
    with serve(root) as host:
        base = host + (sub + "/" if sub else "")
        config = {"base": base, "chromium": str(find_chromium()), "pages": sample(site),
                  "search": SEARCH, "strings": {"pl": ui_strings("pl"), "en": ui_strings("en")}}
        cfg = site.parent / f"{site.name}-states.json"
        cfg.write_text(json.dumps(config), "utf-8")
        out = subprocess.run([str(node_bin()), str(ROOT / "tests" / "browser" / "states.js"), str(cfg)],
                             capture_output=True, text=True, cwd=ROOT, timeout=600)
    assert out.returncode == 0, out.stderr[-3000:]
    result = json.loads(out.stdout)
    # measured before Material had sized a sidebar, a focus box may look off screen when it is not
    assert not result["unsized"], f"Material did not size a sidebar within 10 s: {result['unsized']}"
    return result


def findings(result: dict) -> dict[str, list[str]]:
    """Every failure of the state checks, keyed by the check's name (the same names as
    materials/dostepnosc-niezgodnosci.yml uses); an empty list means the check passes."""
    f: dict[str, list[str]] = {k: [] for k in STATE_CHECKS}
    for path, page in result["pages"].items():
        for view, v in page["views"].items():
            where = f"{path or '/'} @{view}"
            s = v["stops"]
            f["focus-invisible"] += [f"{where}: {d}" for d in s["invisible"]]
            f["focus-no-indicator"] += [f"{where}: {d}" for d in s["noIndicator"]]
            f["focus-contrast"] += [f"{where}: {d}" for d in s["lowContrast"]]
            f["hover-contrast"] += [f"{where}: {d}" for d in v.get("hoverLow", [])]
            f["language-of-parts"] += [f"{where}: {d}" for d in v.get("languageOfParts", [])]
            key = "axe-404" if path.endswith("404.html") else "axe-dark"
            f[key] += [f"{where}: {a['id']} ×{a['nodes']} {a['targets'][:1]}" for a in v.get("axe") or []]
    for key, s in result["search"].items():
        if s["metaRatio"] < 4.5:
            f["search-count-contrast"].append(f"{key}: {s['metaRatio']:.2f}:1")
        if not s["metaLive"]:
            f["search-count-announced"].append(f"{key}: «{s['meta']}» not in a live region")
        f["search-mark-contrast"] += [f"{key}: {r}:1" for r in s["marksLow"]]
        f["search-axe"] += [f"{key}: {a['id']} ×{a['nodes']}" for a in s["axe"]]
        if not s["afterEscape"]["onSearch"] or s["afterEscape"]["open"]:
            f["search-escape-focus"].append(f"{key}: {s['afterEscape']}")
    for lang, m in result["languageMenu"].items():
        if (m["hoverOpens"] and not m["hoverEscapeCloses"]) or (m["keyboardOpens"] and not m["keyboardEscapeCloses"]):
            f["language-menu-escape"].append(f"{lang}: {m}")
        f["axe-dark"] += [f"{lang} language menu open: {a['id']}" for a in m["axeOpen"]]
    names = palette_names()
    for p in result["palette"]:
        want = names[p["lang"]][p["optionScheme"]]
        if p["name"] != want or p["optionScheme"] != p["scheme"]:
            f["palette-name"].append(f"{p['lang']} {p['scheme']}: named «{p['name']}», expected «{want}»")
    for key, d in result["drawer"].items():
        if not all(d.values()):
            f["drawer-button"].append(f"{key}: {d}")
    return f


def palette_names() -> dict:
    """The name each colour scheme's radio must have: the scheme it stands for (mkdocs.yml)."""
    config = yaml.safe_load(re.sub(r"!!python\S*", "", (ROOT / "mkdocs.yml").read_text("utf-8")))
    pl = {o["scheme"]: o["state"] for o in config["theme"]["palette"]}
    en_theme = next(lang for lang in config["plugins"]["i18n"]["languages"] if lang["locale"] == "en")["theme"]
    en = {o["scheme"]: o["state"] for o in (dict(a, **b) for a, b in zip(config["theme"]["palette"], en_theme["palette"]))}
    return {"pl": pl, "en": en}


@pytest.fixture(scope="module")
def states(site):
    return findings(run_states(site))


@pytest.mark.parametrize("check", STATE_CHECKS)
def test_state(states, check):
    """A failing check passes only while the statement lists it as a known non-conformity."""
    listed = {n.check for n in load_nonconformities() if n.check}
    found = states[check]
    if check in listed:
        assert found, f"{check} passes now: remove it from materials/dostepnosc-niezgodnosci.yml"
    else:
        assert not found, f"{check}: {len(found)} ×\n" + "\n".join(found[:15])
