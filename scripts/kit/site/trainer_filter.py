"""Markdown extension that removes trainer-only blocks from every page except trainer views.

It works on the parsed element tree, after pymdownx.blocks has built the blocks, so what is removed
is exactly what the parser calls a trainer block: nesting, code fences and admonitions inside it
are handled by the same parser that renders the trainer view. Every later output (search index,
PDF, offline copy) is made from the HTML this leaves.
"""
from __future__ import annotations

from markdown import Extension
from markdown.treeprocessors import Treeprocessor

TRAINER_CLASS = "trener"
# Set by the MkDocs hook around each page: True only while a trainer view is rendered.
VIEW = {"trainer": False}


def is_trainer_element(el) -> bool:
    return TRAINER_CLASS in (el.get("class") or "").split()


def remove_trainer_elements(root) -> int:
    """Remove every trainer block (outermost first); return how many were removed."""
    removed = 0
    for parent in list(root.iter()):
        for child in list(parent):
            if is_trainer_element(child):
                parent.remove(child)
                removed += 1
    return removed


class _Filter(Treeprocessor):
    def run(self, root):
        if not VIEW["trainer"]:
            remove_trainer_elements(root)


class TrainerFilter(Extension):
    def extendMarkdown(self, md):
        # After pymdownx.blocks (19.99) closes its blocks, before abbr (7) and toc (5).
        md.treeprocessors.register(_Filter(md), "kit_trainer_filter", 19)


def makeExtension(**kwargs):
    return TrainerFilter(**kwargs)
