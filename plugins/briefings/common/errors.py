"""Errors and warnings about content: every one names a file, a line and a fix.

The core raises :class:`BriefingsError` subclasses for problems that stop a file
from being published, and returns :class:`Problem` values for problems that
should only warn (a strict build still fails on them). The MkDocs adapter turns
both into log records; nothing here knows about MkDocs.
"""

from __future__ import annotations

from dataclasses import dataclass


def _locate(path: str, line: int | None) -> str:
    return f"{path}:{line}" if line else path


@dataclass(frozen=True)
class Problem:
    """A content problem worth a warning: where it is, what it is, how to fix it."""

    path: str
    line: int | None
    reason: str
    hint: str = ""

    def __str__(self) -> str:
        text = f"{_locate(self.path, self.line)}: {self.reason}"
        return f"{text} (hint: {self.hint})" if self.hint else text


class BriefingsError(Exception):
    """Base class for content errors; carries path, line, reason and hint."""

    def __init__(self, path: str, line: int | None, reason: str, hint: str = "") -> None:
        self.problem = Problem(path, line, reason, hint)
        super().__init__(str(self.problem))

    @property
    def path(self) -> str:
        return self.problem.path

    @property
    def line(self) -> int | None:
        return self.problem.line

    @property
    def reason(self) -> str:
        return self.problem.reason

    @property
    def hint(self) -> str:
        return self.problem.hint


class SeedError(BriefingsError):
    """A seed article cannot be read or published."""


class GlossaryError(BriefingsError):
    """The glossary is malformed."""


class SourcesError(BriefingsError):
    """The sources registry is malformed."""


class DecisionsError(BriefingsError):
    """The editors' decisions file is malformed."""
