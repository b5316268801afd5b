"""Errors and warnings that name the file and the line, as a reader of a log expects."""

from __future__ import annotations

from dataclasses import dataclass


class SourceError(Exception):
    """A source text the converter cannot make sense of; printed as one line, no traceback."""

    def __init__(self, path: str, line: int, message: str):
        super().__init__(f"{path}:{line}: {message}")
        self.path, self.line, self.message = path, line, message

    def __reduce__(self):
        # Rebuilt from its fields when it crosses from a worker process (unmd.batch).
        return (SourceError, (self.path, self.line, self.message))


@dataclass(frozen=True)
class SourceWarning:
    """Damage the reader worked around (a lost paragraph number, a note without its text): the
    document still converts, best effort, and the conversion report lists it. Kept without the
    file's path, so that a report reads the same from any checkout."""

    line: int
    message: str

    def at(self, path: str) -> str:
        return f"{path}:{self.line}: warning: {self.message}"
