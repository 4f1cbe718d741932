"""Read YAML front matter and YAML data files while keeping line numbers for messages."""
from __future__ import annotations

import pickle
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

import yaml

from kit.model.errors import KitError, Problem


class _PlainLoader(yaml.SafeLoader):
    """SafeLoader that leaves dates as strings, so an impossible date gets our own message."""


# The same parser in C (libyaml), many times faster. It accepts tabs where PyYAML refuses them and
# words its errors differently, so text with a tab, and any text it refuses, goes to _PlainLoader:
# editors get the same verdicts and messages either way.
_FastLoader = type("_FastLoader", (getattr(yaml, "CSafeLoader", yaml.SafeLoader),), {})
for _loader in (_PlainLoader, _FastLoader):
    _loader.yaml_implicit_resolvers = {
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


def _index_lines(node: yaml.Node, offset: int, key: tuple, out: dict, dups: list) -> None:
    out.setdefault(key, node.start_mark.line + offset)
    if isinstance(node, yaml.MappingNode):
        seen: dict = {}
        for k, v in node.value:
            if isinstance(k, yaml.ScalarNode):
                if k.value in seen:  # YAML keeps the last value silently; editors lose the first
                    dups.append((k.value, seen[k.value], k.start_mark.line + offset))
                seen[k.value] = k.start_mark.line + offset
            sub = key + (k.value,)
            out[sub] = k.start_mark.line + offset
            _index_lines(v, offset, sub, out, dups)
            out[sub] = k.start_mark.line + offset
    elif isinstance(node, yaml.SequenceNode):
        for i, item in enumerate(node.value):
            _index_lines(item, offset, key + (i,), out, dups)


def parse_yaml(text: str, path: Path, first_line: int = 1) -> Source:
    """Parse YAML text that starts at first_line of path."""
    try:
        try:
            if "\t" in text:
                raise yaml.YAMLError("tab")
            node, data = _compose_and_construct(text, _FastLoader)
        except yaml.YAMLError:
            node, data = _compose_and_construct(text, _PlainLoader)
    except yaml.YAMLError as exc:
        mark = getattr(exc, "problem_mark", None) or getattr(exc, "context_mark", None)
        context = getattr(exc, "context_mark", None)
        line = first_line + (mark.line if mark else 0)
        problem = getattr(exc, "problem", None) or str(exc)
        started = (f" (konstrukcja zaczęta w linii {first_line + context.line})"
                   if context and mark and context.line != mark.line else "")
        raise KitError([Problem(path, line, "Y001", "", f"niepoprawny YAML: {_polish(problem)}{started}.",
                                "sprawdź wcięcia (spacje, nie tabulatory), dwukropki, nawiasy i cudzysłowy "
                                "w tej linii i liniach powyżej.")]) from None
    lines: dict[tuple, int] = {}
    dups: list = []
    if node is not None:
        _index_lines(node, first_line, (), lines, dups)
    if dups:
        raise KitError([Problem(path, second, "Y004", str(key), f"pole „{key}” występuje drugi raz (pierwszy raz "
                                f"w linii {first}); YAML zachowałby tylko drugą wartość.",
                                "zostaw jedno wystąpienie pola i połącz wartości.") for key, first, second in dups])
    return Source(path, data, lines)


def _compose_and_construct(text: str, loader_class) -> tuple:
    """One parse: the node tree (for line numbers) and the data built from it."""
    loader = loader_class(text)
    try:
        node = loader.get_single_node()
        return node, (loader.construct_document(node) if node is not None else None)
    finally:
        loader.dispose()


# PyYAML's English explanations, in the words an editor needs (matched by prefix).
_YAML_PROBLEMS = {
    "found character '\\t' that cannot start any token": "w linii jest tabulator – YAML przyjmuje wcięcia tylko ze spacji",
    "found a tab character": "w linii jest tabulator – YAML przyjmuje wcięcia tylko ze spacji",
    "mapping values are not allowed here": "dwukropek w miejscu, w którym YAML go nie oczekuje (tekst z dwukropkiem "
                                           "ujmij w cudzysłów)",
    "could not find expected ':'": "brakuje dwukropka po nazwie pola",
    "expected <block end>, but found": "wcięcie tej linii nie pasuje do linii powyżej",
    "did not find expected key": "wcięcie tej linii nie pasuje do linii powyżej",
    "found unexpected end of stream": "plik kończy się przed zamknięciem cudzysłowu lub nawiasu",
    "found undefined alias": "znak * na początku wartości (ujmij tekst w cudzysłów)",
    "found unknown escape character": "ukośnik odwrotny \\ w tekście w cudzysłowie (zapisz go jako \\\\ albo użyj "
                                      "apostrofów zamiast cudzysłowu)",
    "expected ',' or ']'": "nawias kwadratowy listy nie jest zamknięty",
    "expected ',' or '}'": "nawias klamrowy nie jest zamknięty",
    "while scanning a quoted scalar": "cudzysłów nie jest zamknięty",
}


def _polish(problem: str) -> str:
    for english, polish in _YAML_PROBLEMS.items():
        if problem.startswith(english):
            return f"{polish} (YAML: {problem})"
    return problem


_ENCODING_HINTS = ((b"\xb9\x9c\x9f\xa5\x8c\x8f", "Windows-1250 (CP1250)"),
                   (b"\xb1\xb6\xbc\xa1\xa6\xac", "ISO-8859-2 (Latin-2)"))


# Each file is read and parsed once per process while it stays unchanged (size, time, inode): the
# model, the lints and the generated pages all ask for the same files, and `serve` keeps the process.
_texts: dict[Path, tuple[tuple, str]] = {}
_parsed: dict[tuple, tuple[tuple, bytes]] = {}   # (kind, path) → (file version, pickled Source)


def file_version(path: Path) -> tuple | None:
    try:
        st = path.stat()
    except OSError:
        return None   # the read below reports it
    return (st.st_mtime_ns, st.st_size, st.st_ino)


def read_source(path: Path, allow_empty: bool = False) -> str:
    """An editor's text file as Unicode with LF line ends; a UTF-8 BOM and CRLF are accepted."""
    version = file_version(path)
    known = _texts.get(path)
    if version is not None and known is not None and known[0] == version:
        text = known[1]
    else:
        text = _read_source(path)
        if version is not None:
            _texts[path] = (version, text)
    if not allow_empty and not text.strip():
        raise KitError([Problem(path, 1, "F002", "", "plik jest pusty.",
                                "wpisz treść albo usuń plik.")])
    return text


def _cached(kind: str, path: Path, parse) -> Source:
    """parse(path) once per file version; each caller gets its own copy to change (the first one the
    parsed object itself, later ones a fresh copy of the pickled original: much cheaper than deepcopy)."""
    version = file_version(path)
    known = _parsed.get((kind, path))
    if version is not None and known is not None and known[0] == version:
        return pickle.loads(known[1])
    parsed = parse(path)
    if version is not None:
        _parsed[(kind, path)] = (version, pickle.dumps(parsed, pickle.HIGHEST_PROTOCOL))
    return parsed


def _read_source(path: Path) -> str:
    try:
        data = path.read_bytes()
    except FileNotFoundError:
        raise KitError([Problem(path, 0, "F004", "", "brak pliku.", "przywróć plik (git checkout -- plik) albo "
                                "sprawdź, czy polecenie działa w folderze projektu (opcja --root).")]) from None
    except (IsADirectoryError, PermissionError) as exc:
        raise KitError([Problem(path, 0, "F004", "", f"nie można odczytać pliku ({exc.strerror}).",
                                "sprawdź ścieżkę i uprawnienia.")]) from None
    data = data[3:] if data.startswith(b"\xef\xbb\xbf") else data
    try:
        text = data.decode("utf-8")
    except UnicodeDecodeError as exc:
        line = data[:exc.start].count(b"\n") + 1
        scores = [(sum(data.count(bytes([c])) for c in chars), name) for chars, name in _ENCODING_HINTS]
        guess = max(scores)[1] if max(scores)[0] else "inne kodowanie niż UTF-8"
        code = "CP1250" if guess.startswith("Windows") else "ISO-8859-2"
        raise KitError([Problem(path, line, "F001", "", f"plik nie jest zapisany w UTF-8 (wygląda na {guess}); "
                                f"pierwszy błędny bajt w tej linii.",
                                "zapisz plik ponownie jako UTF-8 (w edytorze: Zapisz jako → Kodowanie: UTF-8) "
                                f"albo: iconv -f {code} -t UTF-8 {path.name} > nowy.md")]) from None
    return text.replace("\r\n", "\n").replace("\r", "\n")


def load_yaml_file(path: Path) -> Source:
    return _cached("yaml", path, lambda p: parse_yaml(read_source(p), p))


def load_markdown(path: Path) -> Source:
    """Split a Markdown file into front matter (parsed with lines) and body."""
    return _cached("markdown", path, lambda p: parse_markdown(read_source(p), p))


def parse_markdown(text: str, path: Path) -> Source:
    """load_markdown for text from elsewhere (an older edition in git); path names it in messages."""
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
