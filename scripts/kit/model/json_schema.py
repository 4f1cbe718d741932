"""JSON Schema of module front matter, generated from the one schema (kit.model.schema).

Editors get completion and validation in their editor (VS Code with the YAML extension, JetBrains
IDEs) through `.vscode/settings.json` and a `# yaml-language-server: $schema=` line; the kit's own
checks stay the authority (they also check sums, references and dates, which JSON Schema cannot).
"""
from __future__ import annotations

import json
from pathlib import Path

from kit.model import schema

SCHEMA_FILE = "materials/modul.schema.json"
_ITEM = {"str": {"type": "string", "minLength": 1}, "int": {"type": "integer", "minimum": 1},
         "date": {"type": "string", "pattern": r"^\d{4}-\d{2}-\d{2}$"}}


def _enum(choices: dict) -> dict:
    return {"type": "string", "enum": list(choices),
            "markdownEnumDescriptions": [pl for pl, _ in choices.values()]}


def _block() -> dict:
    props = {"title": {"type": "string", "minLength": 1, "description": "tytuł bloku agendy"},
             "minutes": {"type": "integer", "minimum": 1, "description": "czas bloku w minutach"},
             "method": {**_enum(schema.METHODS), "description": "metoda pracy"},
             "id": {"type": "string", "pattern": r"^[a-z0-9]+(?:-[a-z0-9]+)*$",
                    "description": "identyfikator bloku (do części modułu)"},
             "goal": {"type": "string", "maxLength": schema.GOAL_MAX, "description": "cel bloku w jednej linii"},
             "materials": {"type": "array", "items": {"type": "string"}, "description": "co przygotować"},
             "room": {"type": "string", "description": "ustawienie sali"},
             "points": {"type": "array", "items": {"type": "string"}, "description": "najważniejsze punkty (slajdy)"},
             "handouts": {"type": "array", "items": {"type": "string"}, "description": "karty pracy bloku"}}
    return {"type": "object", "required": list(schema.AGENDA_KEYS), "properties": props,
            "additionalProperties": False}


def _variant() -> dict:
    return {"type": "object", "required": ["kind", "minutes", "blocks"], "additionalProperties": False,
            "properties": {"kind": _enum(schema.VARIANT_KINDS),
                           "meeting": {"type": "integer", "enum": list(schema.MEETINGS)},
                           "day": {"type": "integer", "enum": list(schema.DAYS)},
                           "minutes": {"type": "integer", "minimum": 1},
                           "blocks": {"type": "array", "minItems": 1,
                                      "items": {"anyOf": [{"type": "string"},
                                                          {"type": "object", "maxProperties": 1,
                                                           "additionalProperties": {"type": "integer"}}]}}}}


def _field(f: schema.Field) -> dict:
    kind = f.kind
    if kind in _ITEM:
        out = dict(_ITEM[kind])
    elif kind == "enum":
        out = _enum(f.choices)
    elif kind == "list[enum]":
        out = {"type": "array", "minItems": 1, "uniqueItems": True, "items": _enum(f.choices)}
    elif kind == "list[str]":
        out = {"type": "array", "minItems": 1, "items": {"type": "string", "minLength": 1}}
    elif kind == "ids":
        out = {"type": "array", "uniqueItems": True, "items": {"type": "string", "pattern": schema.ID_PATTERN}}
    elif kind == "legal":
        out = {"type": "array", "uniqueItems": True, "items": {"type": "string", "pattern": r"^[a-z0-9][a-z0-9-]*$"}}
    elif kind == "agenda":
        out = {"type": "array", "minItems": 1, "items": _block()}
    elif kind == "variants":
        out = {"type": "array", "items": _variant()}
    else:
        raise ValueError(f"no JSON Schema for field kind {kind!r}")
    if f.name == "id":
        out["pattern"] = schema.ID_PATTERN
    if f.name == "outcomes":
        out.update(minItems=schema.OUTCOMES_MIN, maxItems=schema.OUTCOMES_MAX)
    return {**out, "description": f.help}


def module_schema() -> dict:
    return {
        "$schema": "https://json-schema.org/draft/2020-12/schema",
        "$id": "modul.schema.json",
        "title": "Nagłówek modułu szkoleniowego (materials/modules/*/modul.md)",
        "description": "Wygenerowano z scripts/kit/model/schema.py poleceniem „kit schema”. Nie edytuj ręcznie.",
        "type": "object",
        "required": [f.name for f in schema.FIELDS if f.required],
        "properties": {f.name: _field(f) for f in schema.FIELDS},
        "additionalProperties": False,
    }


def text() -> str:
    return json.dumps(module_schema(), ensure_ascii=False, indent=2) + "\n"


def write(root: Path) -> Path:
    path = root / SCHEMA_FILE
    path.write_text(text(), "utf-8")
    return path
