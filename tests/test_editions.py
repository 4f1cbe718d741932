"""Editions: mike publishing into a git repository, the JST overlay, the offline bundle, the
changelog from git tags and reproducible builds."""
from __future__ import annotations

import filecmp
import json
import os
import re
import shutil
import subprocess
import sys
import zipfile
from pathlib import Path

import pytest

from conftest import ROOT, build_site
from factory import copy_project, link_node_modules, write_site
from kit.checks.browser import find_chromium
from kit.checks.localserver import serve
from kit.checks.node import node_bin
from kit.editions import changelog_sections, source_date_epoch

pytestmark = pytest.mark.slow
HOME = {"index.md": "# Strona główna\n\nZestaw testowy: [moduły szkoleniowe](moduly/index.md).\n"}


def git(cwd, *args) -> str:
    return subprocess.run(["git", *args], cwd=cwd, check=True, capture_output=True, text=True).stdout.strip()


@pytest.fixture(scope="module")
def project_copy(tmp_path_factory) -> Path:
    """The project's tracked files in a fresh git repository (the tests commit and tag there)."""
    copy = copy_project(tmp_path_factory.mktemp("kopia") / "zestaw")
    edition = copy / "materials" / "wydanie.yml"  # contact data that publish accepts
    edition.write_text(edition.read_text("utf-8").replace("dostepnosc@example.org", "dostepnosc@brzozowa-wola.pl")
                       .replace('phone: ""', 'phone: "+48 22 100 00 00"')
                       .replace("http://127.0.0.1:8000/", "https://edukacja.brzozowa-wola.pl/"), "utf-8")
    git(copy, "init", "-q", "-b", "main")
    git(copy, "-c", "user.name=Test", "-c", "user.email=test@example.org", "add", "-A")
    git(copy, "-c", "user.name=Test", "-c", "user.email=test@example.org", "commit", "-q", "-m", "kopia")
    return copy


def kit(copy: Path, *args) -> subprocess.CompletedProcess:
    env = dict(os.environ, KIT_ROOT=str(copy), GIT_AUTHOR_NAME="Test", GIT_AUTHOR_EMAIL="test@example.org",
               GIT_COMMITTER_NAME="Test", GIT_COMMITTER_EMAIL="test@example.org")
    return subprocess.run([sys.executable, "-m", "kit.cli", *args], cwd=copy, env=env, capture_output=True,
                          text=True)


@pytest.fixture()
def small_repo(tmp_path) -> Path:
    """A small fixture project in a git repository: publishing mechanics, not the real materials."""
    root = tmp_path / "zestaw"
    root.mkdir()
    write_site(root, HOME)
    link_node_modules(root)
    (root / ".gitignore").write_text("site/\n.mkdocs-*.yml\ndocs/pobierz/\nnode_modules\nbuild/\n", "utf-8")
    git(root, "init", "-q", "-b", "main")
    git(root, "-c", "user.name=Test", "-c", "user.email=test@example.org", "add", "-A")
    git(root, "-c", "user.name=Test", "-c", "user.email=test@example.org", "commit", "-q", "-m", "kopia")
    return root


def test_publish_two_editions_keeps_the_older_one(small_repo, tmp_path):
    target = tmp_path / "cel.git"
    git(tmp_path, "init", "-q", "--bare", str(target))
    first = kit(small_repo, "publish", "2026.1", "--target", str(target), "--push", "--no-offline", "--no-pdf")
    assert first.returncode == 0, first.stderr[-3000:]
    tree_before = git(target, "rev-parse", "gh-pages:2026.1")
    second = kit(small_repo, "publish", "2026.2", "--target", str(target), "--push", "--no-offline", "--no-pdf")
    assert second.returncode == 0, second.stderr[-3000:]
    listing = git(target, "ls-tree", "--name-only", "gh-pages")
    assert {"2026.1", "2026.2", "latest", "versions.json", "index.html"} <= set(listing.split())
    versions = json.loads(git(target, "show", "gh-pages:versions.json"))
    by_version = {v["version"]: v for v in versions}
    assert set(by_version) == {"2026.1", "2026.2"}
    assert by_version["2026.2"]["aliases"] == ["latest"] and by_version["2026.1"]["aliases"] == []
    assert git(target, "rev-parse", "gh-pages:2026.1") == tree_before  # byte-for-byte unchanged
    assert "latest" in git(target, "show", "gh-pages:index.html")   # default points at latest
    # both languages and the version selector's data are in the edition
    names = git(target, "ls-tree", "-r", "--name-only", "gh-pages", "2026.2/").splitlines()
    assert "2026.2/index.html" in names and "2026.2/en/index.html" in names
    assert '"provider": "mike"' in git(target, "show", "gh-pages:2026.2/index.html").replace("'", '"')
    # the version selector keeps the reader on the same page and language
    pages = tmp_path / "gh-pages"
    pages.mkdir()
    archive = subprocess.run(["git", "archive", "gh-pages"], cwd=target, check=True, capture_output=True).stdout
    subprocess.run(["tar", "-x", "-C", str(pages)], input=archive, check=True)
    with serve(pages) as base:
        run = subprocess.run([str(node_bin()), str(ROOT / "tests" / "browser" / "versions.js"),
                              base + "2026.1/en/licencja/", "2026.2", str(find_chromium())],
                             capture_output=True, text=True, cwd=ROOT, timeout=120)
    assert run.returncode == 0, run.stderr[-2000:]
    switched = json.loads(run.stdout)
    assert any("2026.1" in v for v in switched["versions"]) and any("2026.2" in v for v in switched["versions"])
    assert switched["after"].endswith("/2026.2/en/licencja/"), switched


def test_changelog_lists_modules_changed_since_edition_tag(project_copy):
    git(project_copy, "tag", "wydanie-2026.1")
    module = project_copy / "materials" / "modules" / "m05-bezpieczenstwo" / "modul.md"
    module.write_text(module.read_text("utf-8") + "\nDodatkowe zdanie.\n", "utf-8")
    git(project_copy, "-c", "user.name=Test", "-c", "user.email=t@example.org", "commit", "-qam", "zmiana m05")
    sections = dict(changelog_sections(project_copy))
    assert sections["Zmiany od ostatniego wydania"] == ["m05-bezpieczenstwo"]
    assert "m05-bezpieczenstwo" in sections["Wydanie 2026.1"] and "m01-organ-prowadzacy" in sections["Wydanie 2026.1"]


def test_jst_overlay_edition(tmp_path):
    out = tmp_path / "gmina"
    config = ROOT / "materials" / "wydania" / "brzozowa-wola" / "mkdocs.yml"
    before = sorted(p.relative_to(ROOT) for p in (ROOT / "docs").rglob("*"))
    build_site(out, config, {"KIT_PDF": "0"})
    home = (out / "index.html").read_text("utf-8")
    assert "<title>Cyfrowa edukacja w Gminie Brzozowa Wola" in home
    assert "--md-primary-fg-color: #1e5a3a" in home
    statement = (out / "deklaracja-dostepnosci" / "index.html").read_text("utf-8")
    assert "Ewa Sadowska" in statement and "dostepnosc@brzozowa-wola.example" in statement
    assert "Gmina Brzozowa Wola (przykład fikcyjnej JST)" in statement
    built = sorted(p.name for p in (out / "moduly").iterdir() if p.is_dir())
    assert built == ["m01-organ-prowadzacy", "m02-diagnoza", "m03-harmonogram", "m05-bezpieczenstwo"]
    catalogue = (out / "moduly" / "index.html").read_text("utf-8")
    assert "m04-infrastruktura" not in catalogue and "Moduły szkoleniowe (4 moduły," in catalogue
    assert sorted(p.relative_to(ROOT) for p in (ROOT / "docs").rglob("*")) == before   # pages are virtual


@pytest.mark.browser
def test_offline_bundle_works_from_file_url(small_repo, tmp_path):
    out_zip = tmp_path / "zestaw-offline.zip"
    proc = kit(small_repo, "offline", "--out", str(out_zip), "--no-pdf")
    assert proc.returncode == 0, proc.stderr[-3000:]
    with zipfile.ZipFile(out_zip) as zf:
        zf.extractall(tmp_path / "rozpakowany")
    site = tmp_path / "rozpakowany" / "zestaw-offline"
    assert (site / "index.html").exists() and (site / "search" / "search_index.js").exists()
    node = ROOT / ".venv" / "bin" / "node"
    run = subprocess.run([str(node if node.exists() else "node"), str(ROOT / "tests" / "browser" / "offline.js"),
                          str(site), str(find_chromium()), "widocznego"], capture_output=True, text=True, cwd=ROOT,
                         timeout=180)
    assert run.returncode == 0, run.stderr[-2000:]
    result = json.loads(run.stdout)
    assert result["module"]["h1"].replace("\xa0", " ").startswith("Moduł testowy")
    assert result["module"]["url"].startswith("file://") and result["module"]["url"].endswith("index.html")
    assert result["results"], result["meta"]
    assert result["errors"] == [] and result["external"] == []


def test_two_builds_of_one_commit_are_identical_with_languages_in_parallel_or_in_turn(site, tmp_path):
    """The shared site builds English in its own process (two cores or more); this build runs
    the languages one after the other, as static-i18n does: the files must not differ."""
    from kit import cores
    again = tmp_path / "again"
    log = build_site(again, extra_env={"KIT_PARALLEL_LANGUAGES": "0"})
    rendered = [int(n) for n in re.findall(r"plików PDF \(\w+\) w [\d.]+ s: (\d+) utworzonych", log)]
    assert len(rendered) == 2 and sum(rendered) == 0, log[-3000:]   # every PDF came from the cache
    assert "równolegle w osobnym procesie" not in log
    if cores.available() > 1:
        assert "kit: równolegle w osobnym procesie: en" in (site.parent / "site.log").read_text("utf-8")
    a, b = set(p.relative_to(site) for p in site.rglob("*") if p.is_file()), \
        set(p.relative_to(again) for p in again.rglob("*") if p.is_file())
    assert a == b
    different = [str(p) for p in sorted(a) if not filecmp.cmp(site / p, again / p, shallow=False)]
    print(f"\n{len(a)} files compared, {len(different)} differ")
    assert different == []
    assert os.environ.get("SOURCE_DATE_EPOCH") or source_date_epoch()


@pytest.mark.parametrize("field, value, code", [
    ("email", "dostepnosc@example.org", "E031"), ("phone", '""', "E032"),
    ("site_address", "http://127.0.0.1:8000/", "E033")])
def test_publish_refuses_placeholder_contact_data(tmp_path, field, value, code):
    from kit.model.edition import check_statement_contacts, load_edition
    from kit.model.errors import KitError
    good = {"email": "dostepnosc@brzozowa-wola.pl", "phone": '"+48 22 100 00 00"',
            "site_address": "https://edukacja.brzozowa-wola.pl/"}
    text = (ROOT / "materials" / "wydanie.yml").read_text("utf-8")
    for key, pattern in (("email", r"(?m)^(\s*email:).*$"), ("phone", r"(?m)^(\s*phone:).*$"),
                         ("site_address", r"(?m)^(site_address:).*$")):
        text = re.sub(pattern, lambda m: f"{m[1]} {value if field == key else good[key]}", text)
    path = tmp_path / "wydanie.yml"
    path.write_text(text, "utf-8")
    (tmp_path / "dostepnosc-niezgodnosci.yml").write_text("[]\n", "utf-8")
    with pytest.raises(KitError) as err:
        check_statement_contacts(load_edition(path=path))
    assert [p.code for p in err.value.problems] == [code]
    assert err.value.problems[0].line > 1


def test_dark_accent_checked_against_the_dark_background(tmp_path):
    from kit.checks.contrast import ratio
    from kit.model.edition import DARK_BACKGROUND, load_edition
    from kit.model.errors import KitError
    text = (ROOT / "materials" / "wydanie.yml").read_text("utf-8")
    path = tmp_path / "wydanie.yml"
    path.write_text(text, "utf-8")
    assert ratio(load_edition(path=path).data["colors"]["accent_dark"], DARK_BACKGROUND) >= 4.5
    path.write_text(text.replace('accent: "#a4262c"', 'accent: "#a4262c"\n  accent_dark: "#a4262c"'), "utf-8")
    with pytest.raises(KitError) as err:
        load_edition(path=path)
    assert err.value.problems[0].code == "E004" and err.value.problems[0].field == "colors.accent_dark"


def test_status_compliant_refused_while_nonconformities_are_listed(tmp_path):
    from kit.model.edition import load_edition
    from kit.model.errors import KitError
    text = (ROOT / "materials" / "wydanie.yml").read_text("utf-8").replace("status: częściowo zgodna", "status: zgodna")
    (tmp_path / "wydanie.yml").write_text(text, "utf-8")
    shutil.copy(ROOT / "materials" / "dostepnosc-niezgodnosci.yml", tmp_path / "dostepnosc-niezgodnosci.yml")
    with pytest.raises(KitError) as err:
        load_edition(path=tmp_path / "wydanie.yml")
    assert err.value.problems[0].code == "E034"
