"""FOG-PL readability: 0.4 × (words ÷ sentences + 100 × hard words ÷ words).

A hard word has four or more syllables. A syllable is a vowel (a ą e ę i o ó u y), except an "i"
that only softens the next vowel (się, niej, Polski → "ia", "ie", "io", "iu", "ią", "ię", "ió"
count once). Sentences end with . ! ? … or a line break between list items and headings.
Scores need at least 100 words; shorter texts have no score.
"""
from __future__ import annotations

import dataclasses
import functools
import re
from dataclasses import dataclass
from kit.model.frontmatter import read_source

VOWELS = "aąeęioóuy"
MIN_WORDS = 100
_WORD = re.compile(r"[A-Za-zĄĆĘŁŃÓŚŹŻąćęłńóśźż]+(?:-[A-Za-zĄĆĘŁŃÓŚŹŻąćęłńóśźż]+)*")
_SENTENCE_END = re.compile(r"[.!?…]+(?=\s|$)|\n")


@dataclass(frozen=True)
class Score:
    words: int
    sentences: int
    hard_words: int

    @property
    def fog(self) -> float | None:
        if self.words < MIN_WORDS or not self.sentences:
            return None
        return 0.4 * (self.words / self.sentences + 100 * self.hard_words / self.words)


@functools.lru_cache(maxsize=65536)   # a text repeats its words: counted once per word
def syllables(word: str) -> int:
    w = word.lower()
    count = 0
    for i, ch in enumerate(w):
        if ch not in VOWELS:
            continue
        if ch == "i" and i + 1 < len(w) and w[i + 1] in VOWELS:
            continue  # softening "i": counted with the next vowel
        count += 1
    return count


def words(text: str) -> list[str]:
    return _WORD.findall(text)


def sentences(text: str) -> int:
    parts = [p for p in _SENTENCE_END.split(text) if _WORD.search(p)]
    return len(parts)


def score(text: str) -> Score:
    ws = words(text)
    return Score(len(ws), sentences(text), sum(1 for w in ws if syllables(w) >= 4))


def remembered_score(markdown: str) -> Score:
    """score(markdown_to_text(markdown)), kept by content (kit.checks.text_memo)."""
    from pathlib import Path
    from kit.checks import text_memo
    from kit.model import trainer_blocks
    counts = text_memo.value("kit-fog", (Path(__file__), Path(trainer_blocks.__file__)), (markdown,),
                             lambda: dataclasses.asdict(score(markdown_to_text(markdown))))
    return Score(**counts)


def markdown_to_text(markdown: str) -> str:
    """Reading text of Markdown: no front matter, code, tables, markup, URLs or trainer notes."""
    from kit.model.trainer_blocks import participant_text
    text = participant_text(markdown)
    text = re.sub(r"\A---\n.*?\n---\n", "", text, flags=re.S)
    text = re.sub(r"^(```|~~~).*?^\1", "", text, flags=re.S | re.M)
    text = re.sub(r"^\s*\|.*$", "", text, flags=re.M)                 # tables
    text = re.sub(r"^\s*(Tabela|Table):.*$", "", text, flags=re.M)
    text = re.sub(r"^\s*/{3,}.*$|^\s*(!!!|\?\?\?\+?)\s.*$", "", text, flags=re.M)  # block openers
    text = re.sub(r"\[\[akt:[^\]|]*\|?([^\]]*)\]\]", r"\1", text)
    text = re.sub(r"!?\[([^\]]*)\]\([^)]*\)(\{[^}]*\})?", r"\1", text)  # links and images
    text = re.sub(r"<[^>]+>|\{[^}]*\}|https?://\S+", " ", text)
    text = re.sub(r"^\s*#{1,6}\s*(.*)$", r"\1\n", text, flags=re.M)      # headings end a sentence
    text = re.sub(r"^\s*([-*+]|\d+\.)\s+(\[[ xX]\]\s*)?", "", text, flags=re.M)
    text = re.sub(r"[*_`>]", "", text)
    return text


@dataclass(frozen=True)
class Row:
    source: str      # project-relative source path
    link: str        # docs-relative page the row links to
    title: str
    kind: str        # strona | modul | karta | szablon
    score: Score
    threshold: float

    @property
    def over(self) -> bool:
        return self.score.fog is not None and self.score.fog > self.threshold


DEFAULT_THRESHOLDS = {"strona": 12.0, "modul": 12.0, "karta": 14.0, "szablon": 14.0}


def _title(markdown: str, fallback: str) -> str:
    m = re.search(r"^title:\s*\"?(.+?)\"?\s*$", markdown, re.M) or re.search(r"^#\s+(.+)$", markdown, re.M)
    return m[1].strip() if m else fallback


_DRAFT = re.compile(r"---\n(?:[^\n]*\n)*?status:\s*draft\s*\n")


def rows(project, modules, thresholds: dict | None = None) -> list[Row]:
    """One row per Polish page an editor writes (pages, modules, handouts, templates)."""
    from kit.model.paths import GENERATED_DIRS
    limits = {**DEFAULT_THRESHOLDS, **(thresholds or {})}
    out: list[Row] = []
    root = project.root

    def add(path, link, kind, text=None, title=None):
        text = text if text is not None else read_source(path)
        out.append(Row(path.resolve().relative_to(root).as_posix(), link, title or _title(text, path.stem), kind,
                       remembered_score(text), limits[kind]))

    for page in project.editor_pages():
        if page.name.endswith(".en.md") or page.parent == project.templates:
            continue
        rel = page.relative_to(project.docs).as_posix()
        text = read_source(page)
        if rel.split("/")[0] in GENERATED_DIRS or text.lstrip().startswith("--8<--") or _DRAFT.match(text):
            continue  # generated, included from elsewhere, or a draft the build leaves out
        add(page, rel, "strona")
    for m in modules:
        add(m.path, f"moduly/{m.slug}/index.md", "modul", m.body, m.title)
        for h in m.handouts:
            add(h.path, f"moduly/{m.slug}/karty/{h.name}.md", "karta", title=h.title)
    for path in sorted(project.templates.glob("*.md")):
        if not path.name.endswith(".en.md"):
            add(path, f"szablony/{path.name}", "szablon")
    return out
