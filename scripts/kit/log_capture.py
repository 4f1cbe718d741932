"""A logging handler that keeps the messages of one run (a build's errors for the preview's error
page and for the parent of a language process; WeasyPrint's warnings for a PDF's report)."""
from __future__ import annotations

import logging


class Messages(logging.Handler):
    def __init__(self, level: int = logging.ERROR):
        super().__init__(level)
        self.messages: list[str] = []

    def emit(self, record):
        self.messages.append(record.getMessage())
