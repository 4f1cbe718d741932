"""Trainer-only passages: `/// trener | Tytuł` … `///` blocks, kept or removed per view."""
from __future__ import annotations

import re
from dataclasses import dataclass
from pathlib import Path

from kit.model.errors import KitError, Problem

OPEN = re.compile(r"^(/{3,})\s*trener\b\s*(?:\|\s*(.*))?$")
BLOCK_OPEN = re.compile(r"^(/{3,})\s*[\w-]+")
CLOSE = re.compile(r"^(/{3,})\s*$")


@dataclass
class TrainerBlock:
    title: str
    start: int  # 0-based index of the opening line in the body
    end: int    # index of the closing line


def split_trainer_blocks(body: str, path: Path | None = None, first_line: int = 1) -> list[TrainerBlock]:
    """Find trainer blocks; an unclosed one is an error naming its opening line."""
    rows = body.split("\n")
    blocks: list[TrainerBlock] = []
    i = 0
    in_fence = None
    while i < len(rows):
        row = rows[i]
        fence = re.match(r"^\s*(`{3,}|~{3,})", row)
        if fence:
            in_fence = None if in_fence and fence[1].startswith(in_fence) else (in_fence or fence[1])
        m = OPEN.match(row) if not in_fence else None
        if m:
            slashes = m[1]
            for j in range(i + 1, len(rows)):
                c = CLOSE.match(rows[j])
                if c and c[1] == slashes:
                    blocks.append(TrainerBlock((m[2] or "").strip(), i, j))
                    i = j
                    break
            else:
                raise KitError([Problem(path or Path("?"), first_line + i, "B001", "trener",
                                        "blok trenera nie ma linii zamykającej.",
                                        f"dodaj linię „{slashes}” na końcu bloku.")])
        i += 1
    return blocks


def participant_text(body: str) -> str:
    """The body without trainer blocks – they must not reach the participant HTML at all."""
    rows = body.split("\n")
    drop = set()
    for b in split_trainer_blocks(body):
        drop.update(range(b.start, b.end + 1))
    return "\n".join(r for i, r in enumerate(rows) if i not in drop)
