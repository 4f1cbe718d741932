"""Publishing integrity on a small fixture repository: the version is checked first, a dirty tree and
an existing edition are refused, an older number never takes `latest`, and the gh-pages commit
names the source commit."""
from __future__ import annotations

import json
import os
import subprocess
import sys
from pathlib import Path

import pytest

from factory import write_site

GIT_ENV = {"GIT_AUTHOR_NAME": "Test", "GIT_AUTHOR_EMAIL": "test@example.org",
           "GIT_COMMITTER_NAME": "Test", "GIT_COMMITTER_EMAIL": "test@example.org"}


def git(cwd: Path, *args: str) -> str:
    return subprocess.run(["git", *args], cwd=cwd, check=True, capture_output=True, text=True,
                          env=dict(os.environ, **GIT_ENV)).stdout.strip()


def kit(root: Path, *args: str) -> subprocess.CompletedProcess:
    env = dict(os.environ, KIT_ROOT=str(root), KIT_PDF="0", **GIT_ENV)
    return subprocess.run([sys.executable, "-m", "kit.cli", *args], cwd=root, env=env, capture_output=True,
                          text=True)


@pytest.fixture()
def repo(tmp_path) -> Path:
    root = tmp_path / "zestaw"
    root.mkdir()
    write_site(root)
    (root / ".gitignore").write_text("site/\n.mkdocs-*.yml\ndocs/pobierz/\n", "utf-8")
    git(root, "init", "-q", "-b", "main")
    git(root, "add", "-A")
    git(root, "commit", "-q", "-m", "kopia")
    return root


def aliases(root: Path) -> dict[str, list[str]]:
    return {v["version"]: v["aliases"] for v in json.loads(git(root, "show", "gh-pages:versions.json"))}


@pytest.mark.parametrize("version", ["wydanie 1", "2026", "2026.0", "26.1", "2026.1-rc"])
def test_malformed_version_is_refused_before_any_build(repo, version):
    proc = kit(repo, "publish", version, "--no-offline", "--no-pdf")
    assert proc.returncode == 1 and "[W102] version:" in proc.stderr and "RRRR.N" in proc.stderr
    assert "INFO" not in proc.stderr and "Traceback" not in proc.stderr   # MkDocs never started
    assert subprocess.run(["git", "rev-parse", "--verify", "gh-pages"], cwd=repo, capture_output=True).returncode


def test_dirty_tree_is_refused(repo):
    (repo / "docs" / "index.md").write_text("# Zmieniona\n", "utf-8")
    proc = kit(repo, "publish", "2026.1", "--no-offline", "--no-pdf")
    assert proc.returncode == 1 and "[W103]" in proc.stderr and "docs/index.md" in proc.stderr
    assert "INFO" not in proc.stderr


def test_the_kits_own_cache_folder_is_not_an_uncommitted_change(repo):
    """.cache/ (PDFs and check results the kit keeps) is not content, even where .gitignore misses it."""
    from kit.editions import check_publishable
    (repo / ".cache" / "kit-fog" / "ab").mkdir(parents=True)
    (repo / ".cache" / "kit-fog" / "ab" / "ab12.json").write_text("{}", "utf-8")
    assert check_publishable("2026.1", "gh-pages", False, repo) is True
    (repo / "nowy.md").write_text("# Nowy\n", "utf-8")
    from kit.model.errors import KitError
    with pytest.raises(KitError) as refused:
        check_publishable("2026.1", "gh-pages", False, repo)
    assert refused.value.problems[0].code == "W103" and "nowy.md" in refused.value.problems[0].message


@pytest.mark.slow
def test_existing_edition_latest_and_source_commit(repo):
    source = git(repo, "rev-parse", "HEAD")
    first = kit(repo, "publish", "2026.2", "--no-offline", "--no-pdf")
    assert first.returncode == 0, first.stderr[-3000:]
    assert aliases(repo) == {"2026.2": ["latest"]}
    assert f"Wydanie 2026.2 (źródło: commit {source})" in git(repo, "log", "-2", "--format=%B", "gh-pages")
    tree = git(repo, "rev-parse", "gh-pages:2026.2")

    again = kit(repo, "publish", "2026.2", "--no-offline", "--no-pdf")
    assert again.returncode == 1 and "[W104]" in again.stderr and "--replace" in again.stderr
    assert git(repo, "rev-parse", "gh-pages:2026.2") == tree

    older = kit(repo, "publish", "2026.1", "--no-offline", "--no-pdf")
    assert older.returncode == 0, older.stderr[-3000:]
    assert aliases(repo) == {"2026.2": ["latest"], "2026.1": []}   # latest never moves back
    assert "zostaje przy nowszym wydaniu" in older.stdout

    replaced = kit(repo, "publish", "2026.2", "--replace", "--no-offline", "--no-pdf")
    assert replaced.returncode == 0, replaced.stderr[-3000:]
    assert aliases(repo) == {"2026.2": ["latest"], "2026.1": []}
