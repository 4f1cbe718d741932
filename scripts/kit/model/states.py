"""Publication states that cannot lie: draft, review, published – for modules and pages in docs/.

- draft: shown by the preview (`serve`) with a banner, left out of `build` and `publish`;
- review: published with a banner saying that experts are still checking it;
- published: refused while the page keeps an expert-review block (`weryfikacja`), cites a registry
  entry flagged `verify:`, or still holds text from the module scaffold.
"""
from __future__ import annotations

import re
import subprocess
from dataclasses import dataclass
from functools import lru_cache
from pathlib import Path

from kit.model.dialect import outside_fences
from kit.model.errors import KitError, Problem
from kit.model.legal import Act, find_citations

STATES = ("draft", "review", "published")
DEFAULT_PAGE_STATE = "published"
REVIEW_BLOCK = re.compile(r"^\s*(?:/{3,}|!!!|\?{3}\+?)\s*weryfikacja\b\s*(?:\|\s*)?(.*)$")


@dataclass(frozen=True)
class ReviewPoint:
    """An open expert question: where it is and what it asks."""
    path: Path
    line: int
    question: str


def review_points(path: Path, body: str, first_line: int = 1) -> list[ReviewPoint]:
    rows = body.split("\n")
    points = []
    for i, row in outside_fences(rows):
        hit = REVIEW_BLOCK.match(row)
        if hit:
            following = next((r.strip() for r in rows[i + 1:] if r.strip() and not r.strip().startswith("///")), "")
            title = hit[1].strip().strip('"')
            question = following if not title or title.lower().startswith("do weryfikacji") else f"{title}: {following}"
            if len(question) > 300:  # cut at a word, not inside one
                question = question[:300].rsplit(" ", 1)[0] + " …"
            points.append(ReviewPoint(path, first_line + i, question))
    return points


def placeholder_lines(body: str, first_line: int = 1) -> list[tuple[int, str]]:
    from kit.model.scaffold import PLACEHOLDERS
    return [(first_line + i, p) for i, row in enumerate(body.split("\n")) for p in PLACEHOLDERS if p in row]


def check_state(path: Path, status: str, status_line: int, body: str, body_line: int,
                cited: list[tuple[int, str]], acts: dict[str, Act]) -> list[Problem]:
    """Problems with a page's state; `cited` lists (line, act key) from front matter and body."""
    problems = []
    if status not in STATES:
        return [Problem(path, status_line, "S010", "status", f"nieznany status „{status}”.",
                        "wpisz draft (szkic), review (w weryfikacji) albo published (opublikowany).")]
    if status == "draft":
        return []
    for line, text in placeholder_lines(body, body_line):
        problems.append(Problem(path, line, "S003", "status", f"strona ma status {status}, a zostawia tekst "
                                f"z szablonu („{text}”).", "napisz własny tekst albo zmień status na draft."))
    if status != "published":
        return problems
    for point in review_points(path, body, body_line):
        problems.append(Problem(path, point.line, "S001", "status", "strona ma status published, a zawiera "
                                "otwarty blok „weryfikacja”.", "rozstrzygnij pytanie i usuń blok albo zmień status "
                                f"w linii {status_line} na review."))
    reported = set()
    for line, key in cited:
        act = acts.get(key)
        if act is not None and act.verify and key not in reported:
            reported.add(key)  # once per page and act: the fix is in the registry, not at each citation
            problems.append(Problem(path, line, "S002", "status", f"strona ma status published, a cytuje akt "
                                    f"„{key}”, który w rejestrze czeka na weryfikację ({act.verify})",
                                    f"uzupełnij wpis w materials/legal.yml (usuń pole verify) albo zmień status "
                                    f"w linii {status_line} na review."))
    return problems


def body_citations(body: str, body_line: int) -> list[tuple[int, str]]:
    return [(c.line, c.key) for c in find_citations(body, body_line)]


ZERO_SHA = "0" * 40   # git blame's name for lines not yet committed


@lru_cache(maxsize=None)
def since(path: Path, lines: tuple[int, ...]) -> dict[int, str]:
    """The date each line was last written (git blame, one call per file); a line that is not
    committed yet, or a file outside a git checkout, has no date. Remembered by the commit checked
    out and the file's bytes (an uncommitted edit changes the answer)."""
    from kit.checks import text_memo
    from kit.content_hash import digest
    from kit.model.frontmatter import read_source
    repo = next((d for d in path.parents if (d / ".git").exists()), None)
    head = _head(repo) if repo else ""
    if not head:
        return _blame(path, lines)
    try:   # the text the build read anyway; the size tells line ends apart
        version = (digest(read_source(path, allow_empty=True)), path.stat().st_size)
    except (KitError, OSError):
        return _blame(path, lines)   # a missing file: git says there are no dates
    dates = text_memo.value("kit-blame", (), (head, path, *version, sorted(set(lines))), lambda: _blame(path, lines))
    return {int(n): day for n, day in dates.items()}   # JSON keeps the line numbers as text


@lru_cache(maxsize=None)
def _head(folder: Path) -> str:
    """The commit checked out in the repository at folder (asked once per process)."""
    try:
        out = subprocess.run(["git", "rev-parse", "HEAD"], cwd=folder, capture_output=True, text=True, timeout=20)
    except (OSError, subprocess.TimeoutExpired):
        return ""
    return out.stdout.strip() if out.returncode == 0 else ""


def _blame(path: Path, lines: tuple[int, ...]) -> dict[int, str]:
    ranges = [arg for n in sorted(set(lines)) for arg in ("-L", f"{n},{n}")]
    try:
        out = subprocess.run(["git", "blame", "--porcelain", *ranges, "--", path.name],
                             cwd=path.parent, capture_output=True, text=True, timeout=60)
    except (OSError, subprocess.TimeoutExpired):
        return {}
    if out.returncode != 0:
        return {}
    owner, times, sha = {}, {}, None
    for row in out.stdout.splitlines():
        m = re.match(r"^([0-9a-f]{40}) \d+ (\d+)", row)
        if m:  # a blamed line; the commit's headers follow only at its first line
            sha, owner[int(m[2])] = m[1], m[1]
        elif row.startswith("author-time ") and sha:
            times[sha] = int(row.split()[1])
    from datetime import datetime, timezone
    return {n: datetime.fromtimestamp(times[c], timezone.utc).date().isoformat()
            for n, c in owner.items() if c != ZERO_SHA and c in times}
