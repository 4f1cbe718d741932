"""What a trainer prepares for one variant: things from the blocks' `materials` and the handouts
with copies computed from the group size."""
from __future__ import annotations

import math
from dataclasses import dataclass

from kit.model.modules import Handout, Module
from kit.model.variants import Variant


@dataclass(frozen=True)
class GroupSize:
    participants: int
    group: int   # people in a working group
    team: int    # people in a JST team


# The concept: a JST team has 2-4 people (pilot: about 150 people from 50 JST, so 3 on average) and
# group work is for 3-5 people. It gives no number of people per meeting: 15 is five teams of three.
DEFAULT = GroupSize(participants=15, group=4, team=3)


def copies(kind: str, size: GroupSize = DEFAULT) -> int:
    """Copies of a handout given to each participant, each working group or each JST team."""
    per = {"uczestnik": 1, "grupa": size.group, "zespol": size.team}[kind]
    return math.ceil(size.participants / per)


def handouts_for(m: Module, v: Variant) -> list[tuple[Handout, list[int]]]:
    """Handouts used in a variant with the numbers of the blocks that use them, in order of use."""
    by_name = {h.name: h for h in m.handouts}
    used: dict[str, list[int]] = {}
    for n, b in enumerate(v.blocks, 1):
        for name in b.handouts:
            used.setdefault(name, []).append(n)
    return [(by_name[name], blocks) for name, blocks in used.items() if name in by_name]


def things_for(v: Variant, materials=lambda b: b.materials) -> list[tuple[str, list[int]]]:
    """Things to prepare (block `materials`, case-insensitively merged) with the blocks needing them."""
    found: dict[str, tuple[str, list[int]]] = {}
    for n, b in enumerate(v.blocks, 1):
        for item in materials(b):
            key = item.strip().lower()
            text, blocks = found.setdefault(key, (item.strip(), []))
            if n not in blocks:
                blocks.append(n)
    return list(found.values())
