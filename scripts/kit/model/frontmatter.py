"""Read YAML front matter and YAML data files while keeping line numbers for messages."""
from __future__ import annotations

from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

import yaml

from kit.model.errors import KitError, Problem


class _PlainLoader(yaml.SafeLoader):
    """SafeLoader that leaves dates as strings, so an impossible date gets our own message."""


_PlainLoader.yaml_implicit_resolvers = {
    ch: [(tag, rx) for tag, rx in resolvers if tag != "tag:yaml.org,2002:timestamp"]
    for ch, resolvers in yaml.SafeLoader.yaml_implicit_resolvers.items()
}


@dataclass
class Source:
    """Parsed YAML with a map from key paths such as ("agenda", 2, "minutes") to file lines."""

    path: Path
    data: Any
    lines: dict[tuple, int] = field(default_factory=dict)
    body: str = ""
    body_line: int = 1

    def line(self, *key) -> int:
        while key and key not in self.lines:
            key = key[:-1]
        return self.lines.get(key, self.lines.get((), 1))


def _index_lines(node: yaml.Node, offset: int, key: tuple, out: dict) -> None:
    out.setdefault(key, node.start_mark.line + offset)
    if isinstance(node, yaml.MappingNode):
        for k, v in node.value:
            sub = key + (k.value,)
            out[sub] = k.start_mark.line + offset
            _index_lines(v, offset, sub, out)
            out[sub] = k.start_mark.line + offset
    elif isinstance(node, yaml.SequenceNode):
        for i, item in enumerate(node.value):
            _index_lines(item, offset, key + (i,), out)


def parse_yaml(text: str, path: Path, first_line: int = 1) -> Source:
    """Parse YAML text that starts at first_line of path."""
    try:
        node = yaml.compose(text, Loader=_PlainLoader)
        data = yaml.load(text, Loader=_PlainLoader) if node is not None else None
    except yaml.YAMLError as exc:
        mark = getattr(exc, "problem_mark", None) or getattr(exc, "context_mark", None)
        context = getattr(exc, "context_mark", None)
        line = first_line + (mark.line if mark else 0)
        problem = getattr(exc, "problem", None) or str(exc)
        started = (f" (konstrukcja zaczęta w linii {first_line + context.line})"
                   if context and mark and context.line != mark.line else "")
        raise KitError([Problem(path, line, "Y001", "", f"niepoprawny YAML: {problem}{started}.",
                                "sprawdź wcięcia (spacje, nie tabulatory), dwukropki, nawiasy i cudzysłowy "
                                "w tej linii i liniach powyżej.")]) from None
    lines: dict[tuple, int] = {}
    if node is not None:
        _index_lines(node, first_line, (), lines)
    return Source(path, data, lines)


def load_yaml_file(path: Path) -> Source:
    return parse_yaml(path.read_text(encoding="utf-8"), path)


def load_markdown(path: Path) -> Source:
    """Split a Markdown file into front matter (parsed with lines) and body."""
    text = path.read_text(encoding="utf-8")
    rows = text.split("\n")
    if not rows or rows[0].strip() != "---":
        src = Source(path, {}, {(): 1}, text, 1)
        return src
    for end in range(1, len(rows)):
        if rows[end].strip() in ("---", "..."):
            break
    else:
        raise KitError([Problem(path, 1, "Y002", "", "nagłówek YAML otwarty linią „---” nie ma "
                                "linii zamykającej.", "dodaj linię „---” po ostatnim polu nagłówka.")])
    src = parse_yaml("\n".join(rows[1:end]), path, first_line=2)
    if src.data is None:
        src.data = {}
    if not isinstance(src.data, dict):
        raise KitError([Problem(path, 2, "Y003", "", "nagłówek YAML musi być słownikiem pól "
                                "„nazwa: wartość”.", "zapisz każde pole w osobnej linii jako „pole: wartość”.")])
    src.body = "\n".join(rows[end + 1:])
    src.body_line = end + 2
    return src
