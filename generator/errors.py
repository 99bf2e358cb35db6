"""Errors that editors read: each names a place (file:line:col), says what is wrong and what to do.

Errors are collected rather than raised one by one, so an editor sees every problem of a run at
once (as MkDocs' config validation and Jinja's located syntax errors do).
"""

from __future__ import annotations

import sys
import unicodedata
from collections.abc import Iterable
from dataclasses import dataclass, field
from pathlib import Path
from typing import Generic, TypeVar

T = TypeVar("T")


@dataclass(frozen=True, order=True)
class Loc:
    """A place in a source file; `path` as messages show it (relative where possible)."""

    path: str
    line: int = 0
    col: int = 0

    def __str__(self) -> str:
        if not self.line:
            return self.path
        if not self.col:
            return f"{self.path}:{self.line}"
        return f"{self.path}:{self.line}:{self.col}"


@dataclass(frozen=True)
class Located(Generic[T]):
    """A value an editor wrote, with its place and the line it is on (for messages)."""

    value: T
    loc: Loc
    line: str = ""


def display_path(path: Path | str) -> str:
    """The path relative to the working directory when it lies below it; never an absolute path
    of the build machine when a shorter one will do."""
    p = Path(path)
    try:
        return p.resolve().relative_to(Path.cwd().resolve()).as_posix()
    except ValueError:
        return p.as_posix()


def char_width(ch: str) -> int:
    """Terminal columns of a character: two for wide and full-width (CJK) ones."""
    return 2 if unicodedata.east_asian_width(ch) in ("W", "F") else 1


def display_width(text: str) -> int:
    return sum(char_width(ch) for ch in text)


@dataclass(frozen=True)
class Problem:
    """One finding: where, what, the offending line (if known) and a hint on how to fix it."""

    loc: Loc
    message: str
    hint: str = ""
    source_line: str = ""

    def render(self) -> str:
        out = [f"{self.loc}: {self.message}"]
        if self.source_line:
            out.append(f"    {self.source_line}")
            if self.loc.col:
                prefix = self.source_line[: self.loc.col - 1]
                out.append("    " + " " * display_width(prefix) + "^")
        if self.hint:
            out.append(f"  hint: {self.hint}")
        return "\n".join(out)

    def as_warning(self) -> Problem:
        """The problem as shown when it does not stop the run: `file:line: warning: …`."""
        return Problem(self.loc, f"warning: {self.message}", self.hint, self.source_line)


class ReportSiteError(Exception):
    """A failure the user can act on. The CLI prints it without a traceback and exits non-zero."""

    def __init__(self, problems: Iterable[Problem] | str):
        if isinstance(problems, str):
            problems = [Problem(Loc("report-site"), problems)]
        self.problems: list[Problem] = list(problems)
        super().__init__(self.render())

    def render(self) -> str:
        return "\n".join(p.render() for p in self.problems)


@dataclass
class Problems:
    """Collects problems during one pass: errors (`items`), which `raise_if_any` turns into one
    error at the end, and warnings, which do not stop the run but are shown beside the errors
    when there are any."""

    items: list[Problem] = field(default_factory=list)
    warnings: list[Problem] = field(default_factory=list)

    def add(self, loc: Loc, message: str, hint: str = "", source_line: str = "") -> None:
        self.items.append(Problem(loc, message, hint, source_line))

    def warn(self, loc: Loc, message: str, hint: str = "", source_line: str = "") -> None:
        self.warnings.append(Problem(loc, message, hint, source_line))

    def extend(self, other: Iterable[Problem]) -> None:
        self.items.extend(other)

    def __bool__(self) -> bool:
        return bool(self.items)

    def raise_if_any(self) -> None:
        if self.items:
            shown = [*self.items, *(w.as_warning() for w in self.warnings)]
            raise ReportSiteError(sorted(shown, key=lambda p: p.loc))


def warning_messages(warnings: Iterable[Problem]) -> list[str]:
    """Warnings as an editor reads them, in file and line order."""
    return [w.as_warning().render() for w in sorted(warnings, key=lambda p: p.loc)]


def to_stderr(message: str) -> None:
    """Where messages for the editor go unless a caller says otherwise."""
    print(message, file=sys.stderr)
