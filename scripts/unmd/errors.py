"""Errors and warnings that name the file and the line, as a reader of a log expects."""

from __future__ import annotations

import sys


class SourceError(Exception):
    """A source text the converter cannot make sense of; printed as one line, no traceback."""

    def __init__(self, path: str, line: int, message: str):
        super().__init__(f"{path}:{line}: {message}")
        self.path, self.line, self.message = path, line, message

    def __reduce__(self):
        # Rebuilt from its fields when it crosses from a worker process (unmd.batch).
        return (SourceError, (self.path, self.line, self.message))


def warn(path: str, line: int, message: str) -> str:
    text = f"{path}:{line}: warning: {message}"
    print(text, file=sys.stderr)
    return text
