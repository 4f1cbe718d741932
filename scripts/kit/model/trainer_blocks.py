"""Trainer-only passages (`/// trener | Tytuł` … `///`): found and checked by the real parser.

The site removes trainer blocks from participant pages by structure (kit.site.trainer_filter);
this module tells editors, with file and line, when the structure is not what they meant: a block
that was never closed and swallowed the next section, a trainer block inside another one, a block
name the parser does not know (`/// Trener`), a trainer block in a handout.
"""
from __future__ import annotations

import re
from dataclasses import dataclass
from pathlib import Path

from markdown import Extension
from markdown.treeprocessors import Treeprocessor

from kit.model import dialect
from kit.model.dialect import outside_fences
from kit.model.errors import Problem

TRAINER = "trener"
OPEN = re.compile(r"^(/{3,})\s*trener\b\s*(?:\|\s*(.*))?$")
CLOSE = re.compile(r"^(/{3,})\s*$")
ANY_BLOCK = re.compile(r"^\s*/{3,}\s*([^\s|/]+)")
TRAINER_START = re.compile(r"^\s*(?:/{3,}|!!!|\?{3}\+?)\s*trener\b")
# Content that belongs to participants; inside a trainer block it means the block was not closed.
SWALLOWED = {"h1", "h2", "h3"}
SWALLOWED_CLASSES = {"cwiczenie", "pytanie"}


@dataclass
class TrainerBlock:
    title: str
    start: int  # 0-based index of the opening line in the body
    end: int    # index of the closing line




def split_trainer_blocks(body: str) -> list[TrainerBlock]:
    """Trainer blocks by their lines (titles and counts for reports; the site uses the parser)."""
    rows = body.split("\n")
    blocks, open_at = [], None
    for i, row in outside_fences(rows):
        m = OPEN.match(row)
        if m and open_at is None:
            open_at = (i, (m[2] or "").strip(), m[1])
        elif open_at and CLOSE.match(row) and CLOSE.match(row)[1] == open_at[2]:
            blocks.append(TrainerBlock(open_at[1], open_at[0], i))
            open_at = None
    return blocks


def participant_text(body: str) -> str:
    """The body without trainer blocks, for word counts and readability (not for publishing)."""
    rows = body.split("\n")
    drop = {i for b in split_trainer_blocks(body) for i in range(b.start, b.end + 1)}
    return "\n".join(r for i, r in enumerate(rows) if i not in drop)


class _Audit(Treeprocessor):
    """Records the structure of trainer blocks before the site's filter removes them."""

    def __init__(self, md):
        super().__init__(md)
        self.found: list[tuple[bool, set[str]]] = []  # (nested in another, swallowed content)

    def run(self, root):
        self.found = []
        self._walk(root, False)

    def _walk(self, el, inside: bool):
        for child in el:
            classes = set((child.get("class") or "").split())
            if TRAINER in classes:
                swallowed = {d.tag for d in child.iter() if d.tag in SWALLOWED}
                swallowed |= {c for d in child.iter() if d is not child
                              for c in (d.get("class") or "").split() if c in SWALLOWED_CLASSES | {TRAINER}}
                self.found.append((inside, swallowed))
                self._walk(child, True)
            else:
                self._walk(child, inside)


class _AuditExtension(Extension):
    def extendMarkdown(self, md):
        self.audit = _Audit(md)
        md.treeprocessors.register(self.audit, "kit_trainer_audit", 19.5)


class Checker:
    """One parser for many files (building it costs more than using it)."""

    def __init__(self, config_file: Path | None = None):
        self.config_file = config_file or dialect.current_config()
        self._ext = _AuditExtension()
        self._md = dialect.parser([self._ext], self.config_file)
        # Only block structure matters here: inline text processing is most of the parser's cost.
        for name in [n for n in self._md.treeprocessors._data if not n.startswith(("blocks", "kit_trainer_audit"))]:
            self._md.treeprocessors.deregister(name)
        self.names = dialect.block_names(self.config_file)
        self._audits: dict[str, list] = {}   # body -> what the parser found; `serve` keeps the checker
        self._setup = ""

    def _parser_setup(self) -> str:
        """What decides the parser's answer besides the body: its configuration and versions."""
        if not self._setup:
            import json
            from importlib.metadata import version
            self._setup = json.dumps([dialect.extensions(self.config_file), version("markdown"),
                                      version("pymdown-extensions")], sort_keys=True,
                                     default=lambda o: getattr(o, "__qualname__", type(o).__name__))
        return self._setup

    def _audit(self, body: str) -> list:
        self._md.reset()
        self._md.convert(body)
        return [(nested, sorted(swallowed)) for nested, swallowed in self._ext.audit.found]

    def check(self, path: Path, body: str, first_line: int = 1, handout: bool = False) -> list[Problem]:
        rows = body.split("\n")
        problems, starts = [], []
        for i, row in outside_fences(rows):
            if TRAINER_START.match(row):
                starts.append(i)
            m = ANY_BLOCK.match(row)
            if m and m[1] not in self.names:
                near = next((n for n in self.names if n.lower() == m[1].lower()), None)
                hint = f"czy chodziło o „/// {near}”? Nazwy bloków piszemy małymi literami." if near else \
                    "dozwolone bloki: " + ", ".join(sorted(self.names)) + "."
                problems.append(Problem(path, first_line + i, "B002", "blok", f"nieznany typ bloku „{m[1]}” – "
                                        "parser pokaże ten fragment jako zwykły tekst, także uczestnikom.", hint))
        if TRAINER not in body:
            return problems   # no trainer block: nothing for the parser to audit
        found = self._audits.get(body)
        if found is None:  # the parse is most of this check's time: remembered by content
            from kit.checks import text_memo
            found = self._audits[body] = text_memo.value("kit-blocks", (Path(__file__), Path(dialect.__file__)),
                                                         (self._parser_setup(), body), lambda: self._audit(body))
        for n, (nested, swallowed) in enumerate(found):
            line = first_line + (starts[n] if n < len(starts) else 0)
            if handout:
                problems.append(Problem(path, line, "B004", TRAINER, "blok trenera w karcie pracy – karta trafia "
                                        "do uczestników.", "przenieś notatkę do modułu (modul.md) albo usuń ją."))
            elif nested:
                problems.append(Problem(path, line, "B003", TRAINER, "blok trenera wewnątrz innego bloku trenera.",
                                        "zamknij poprzedni blok trenera linią „///” przed otwarciem nowego."))
            if swallowed:
                what = ", ".join(sorted(_describe(s) for s in swallowed))
                problems.append(Problem(path, line, "B001", TRAINER, f"blok trenera obejmuje {what} – "
                                        "prawdopodobnie nie ma linii zamykającej i zabiera treść uczestnikom.",
                                        "dodaj linię „///” na końcu notatki trenera, przed kolejną sekcją."))
        return problems


def _describe(tag: str) -> str:
    return {"h1": "nagłówek", "h2": "nagłówek sekcji", "h3": "nagłówek", "cwiczenie": "ćwiczenie",
            "pytanie": "pytanie", TRAINER: "kolejny blok trenera"}.get(tag, tag)
