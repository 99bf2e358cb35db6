"""What one import run found: errors (which stop it), warnings (which do not), and removals.

Every stage of the importer reports into one `Findings`, so an editor sees all problems of a
file at once. A finding names file:line:col, shows the offending line with a caret under the
column, and says what to do. Report lines can be thousands of characters long, so the line is
shown as a window around the column rather than whole.

A `Removal` is text the import leaves out on purpose (a line of web-page chrome, an invisible
character). Removals are listed to the editor, written to report.yml, and subtracted explicitly
when the import proves that nothing else of the text was lost.
"""

from __future__ import annotations

import unicodedata
from dataclasses import dataclass, field

from generator.errors import Loc, Problem, Problems, ReportSiteError, char_width, display_width

WINDOW = 36  # terminal columns shown either side of the column, on a long line
MAX_PER_KIND = 10  # findings of one kind listed one by one; the rest are counted


@dataclass(frozen=True)
class Removal:
    """`text` removed at line:col (1-based, the column in the file) of the decoded source, and
    why. Three kinds:

    - a character (an invisible or control character): `text` at exactly line:col of the file;
    - a span of a line (`at` > 0): `text` at column `at` of the line once those characters are
      gone (a title and its speaker on one line, a piece of a line whose breaks were lost);
    - a `whole_line`: the line whose text (stripped, those characters gone) is `text`.

    `field` names the report.yml field the text went to (`published`, `subtitle` …), if any."""

    line: int
    col: int
    text: str
    reason: str
    whole_line: bool = False
    field: str = ""
    at: int = 0
    # A character read as another (a radical copied from a PDF for the character it looks
    # like): `text` is replaced by this rather than removed.
    replacement: str = ""


@dataclass(frozen=True)
class LineProblem(Problem):
    """A problem on a line of the report: shows a window of the line around the column, with
    invisible and control characters made visible, so the caret lands under the culprit."""

    def render(self) -> str:
        out = [f"{self.loc}: {self.message}"]
        if self.source_line:
            shown, caret = window(self.source_line, self.loc.col)
            out.append(f"    {shown}")
            if caret:
                width = display_width(shown[: caret - 1])
                out.append("    " + " " * width + "^")
        if self.hint:
            out.append(f"  hint: {self.hint}")
        return "\n".join(out)


def window(line: str, col: int) -> tuple[str, int]:
    """(`…middle of line…`, column of `col` in it): about WINDOW terminal columns either side
    of `col`; the whole line when it is short enough."""
    line = visible(line)
    if display_width(line) <= 2 * WINDOW + 8:
        return line, col
    at = max(col, 1) - 1
    start = at
    budget = WINDOW
    while start > 0 and budget - char_width(line[start - 1]) >= 0:
        start -= 1
        budget -= char_width(line[start])
    end = at
    budget = WINDOW + budget
    while end < len(line) and budget - char_width(line[end]) >= 0:
        budget -= char_width(line[end])
        end += 1
    shown = ("…" if start else "") + line[start:end] + ("…" if end < len(line) else "")
    return shown, (col - start + (1 if start else 0)) if col else 0


def visible(text: str) -> str:
    """Control characters as their Unicode control pictures (␇), other invisible characters as
    ◌, tabs as one space: a shown line never rings a bell or moves the cursor."""
    out = []
    for ch in text:
        code = ord(ch)
        if ch == "\t":
            out.append(" ")
        elif code < 0x20:
            out.append(chr(0x2400 + code))
        elif code == 0x7F:
            out.append("␡")
        elif unicodedata.category(ch) in ("Cc", "Cf", "Zl", "Zp"):
            out.append("◌")
        else:
            out.append(ch)
    return "".join(out)


_NAMES = {
    0x00: "NULL",
    0x07: "BELL",
    0x08: "BACKSPACE",
    0x0B: "LINE TABULATION",
    0x0C: "FORM FEED",
    0x1B: "ESCAPE",
    0x7F: "DELETE",
    0xFEFF: "BYTE ORDER MARK",
}


def char_name(ch: str) -> str:
    """`U+200B ZERO WIDTH SPACE`: how messages name a character one cannot see."""
    code = ord(ch)
    name = _NAMES.get(code) or unicodedata.name(ch, "") or "CONTROL CHARACTER"
    return f"U+{code:04X} {name}"


@dataclass
class Findings:
    """Collects errors, warnings and removals for the file `path` (as messages show it), whose
    decoded lines are `lines` (so that a finding can show its line)."""

    path: str
    lines: list[str] = field(default_factory=list)
    errors: Problems = field(default_factory=Problems)
    warnings: list[Problem] = field(default_factory=list)
    removals: list[Removal] = field(default_factory=list)
    # Columns (in the file) of the invisible characters removed from each line: later stages
    # count columns in the cleaned text, messages in the file.
    removed_cols: dict[int, list[int]] = field(default_factory=dict)

    def problem(self, line: int, col: int, message: str, hint: str = "") -> Problem:
        source = self.lines[line - 1] if 0 < line <= len(self.lines) else ""
        return LineProblem(Loc(self.path, line, self.file_col(line, col)), message, hint, source)

    def file_col(self, line: int, col: int) -> int:
        """The column in the file of column `col` of the cleaned line."""
        for removed in self.removed_cols.get(line, ()):
            if removed <= col:
                col += 1
        return col

    def error(self, line: int, col: int, message: str, hint: str = "") -> None:
        self.errors.extend([self.problem(line, col, message, hint)])

    def warn(self, line: int, col: int, message: str, hint: str = "") -> None:
        self.warnings.append(self.problem(line, col, message, hint))

    def remove(self, removal: Removal) -> None:
        self.removals.append(removal)

    def raise_if_errors(self) -> None:
        """Stop the run with every error, and the warnings found so far beside them (an editor
        fixing the errors wants to see the rest too)."""
        if self.errors:
            raise ReportSiteError(
                sorted([*self.errors.items, *labelled(self.warnings)], key=_order)
            )

    def fail(self, message: str, hint: str = "", line: int = 0, col: int = 0) -> ReportSiteError:
        """An error that stops the run at once (the file cannot be read further), reported
        after the errors found before it."""
        return ReportSiteError([*self.errors.items, self.problem(line, col, message, hint)])


def labelled(warnings: list[Problem]) -> list[Problem]:
    """Warnings as shown to the editor: `file:line:col: warning: …`."""
    return [
        LineProblem(w.loc, f"warning: {w.message}", w.hint, w.source_line)
        if isinstance(w, LineProblem)
        else Problem(w.loc, f"warning: {w.message}", w.hint, w.source_line)
        for w in warnings
    ]


def _order(problem: Problem) -> tuple[Loc, bool]:
    return problem.loc, problem.message.startswith("warning: ")
