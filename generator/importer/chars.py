"""Characters a reader cannot see: what to remove, what to refuse, what to point out.

Web pages and word processors leave invisible characters in copied text: zero-width spaces,
byte-order marks in mid-text, soft hyphens, direction marks. They carry nothing of the report, so
they are removed — and each removal is listed (file:line:col), never done silently.

Control characters (a bell, a page break from a PDF export, a bidirectional override that can
make text display differently from what it is) are refused: the editor decides what they stood
for. Full-width digits and Latin letters are the report's text and are kept as written; so is
U+FFFD, with a warning, since it means characters were already lost before the file was saved.
"""

from __future__ import annotations

import unicodedata

from generator.importer.findings import MAX_PER_KIND, Findings, Removal, char_name

# Invisible characters with no meaning in a Chinese report: removed and listed.
REMOVABLE = frozenset("\u200b\u200c\u200d\u2060\ufeff\u00ad\u200e\u200f\u180e")
# More than this share of control characters: the file is not text, whatever it decoded as.
_GARBAGE_SHARE = 0.01
_GARBAGE_MIN = 20


def check_characters(text: str, findings: Findings) -> str:
    """`text` without its removable invisible characters; errors and warnings into `findings`."""
    lines = text.split("\n")
    controls = sum(1 for ch in text if _is_control(ch))
    if controls > max(_GARBAGE_MIN, len(text) * _GARBAGE_SHARE):
        raise findings.fail(
            f"this does not look like a text file ({controls} control characters)",
            "save the report as plain text (UTF-8) and import that file",
        )
    counts: dict[str, int] = {}
    cleaned = []
    for number, line in enumerate(lines, 1):
        kept = []
        for col, ch in enumerate(line, 1):
            kind = _kind(ch)
            if kind == "removable":
                findings.remove(Removal(number, col, ch, f"invisible character ({_name(ch)})"))
            else:
                kept.append(ch)
            if kind is None:
                continue
            counts[kind] = counts.get(kind, 0) + 1
            if counts[kind] <= MAX_PER_KIND:
                _report(kind, ch, number, col, findings)
        cleaned.append("".join(kept))
    for removal in findings.removals:
        findings.removed_cols.setdefault(removal.line, []).append(removal.col)
    for kind, count in sorted(counts.items()):
        if count > MAX_PER_KIND:
            _report_more(kind, count - MAX_PER_KIND, findings)
    return "\n".join(cleaned)


def _name(ch: str) -> str:
    return char_name(ch).split(" ", 1)[1].lower()


def _is_control(ch: str) -> bool:
    return unicodedata.category(ch) == "Cc" and ch not in "\t\n\f"


def _kind(ch: str) -> str | None:
    if ch in "\t\n" or " " <= ch <= "~":
        return None
    if ch in REMOVABLE:
        return "removable"
    if ch == "\ufffd":
        return "replacement"
    if ch == "\f":
        return "page-break"
    category = unicodedata.category(ch)
    if category in ("Cc", "Cf", "Zl", "Zp"):
        return "control"
    if category == "Co":
        return "private"
    return None


def _report(kind: str, ch: str, line: int, col: int, findings: Findings) -> None:
    name = char_name(ch)
    if kind == "removable":
        findings.warn(
            line,
            col,
            f"removed an invisible character, {name}",
            "nothing to do: it carried no text (report.yml lists it under `dropped:`)",
        )
    elif kind == "page-break":
        findings.error(
            line,
            col,
            f"page break ({name}) in the text",
            "replace it with a line break (and remove any page header or number around it)",
        )
    elif kind == "control":
        findings.error(
            line,
            col,
            f"control character {name} in the text",
            "delete it; if it stood for a character of the report, type that character instead",
        )
    elif kind == "replacement":
        findings.warn(
            line,
            col,
            f"{name}: a character was lost before this file was saved",
            "compare this line with the published report and type the missing character",
        )
    elif kind == "private":
        findings.warn(
            line,
            col,
            f"private-use character {name}: readers will see a blank or a box",
            "replace it with the character it stands for in the published report",
        )


def _report_more(kind: str, more: int, findings: Findings) -> None:
    what = {
        "removable": "invisible characters removed",
        "page-break": "page breaks",
        "control": "control characters",
        "replacement": "U+FFFD replacement characters",
        "private": "private-use characters",
    }[kind]
    message = f"… and {more} more {what} (only the first {MAX_PER_KIND} are listed)"
    if kind in ("page-break", "control"):
        findings.error(0, 0, message)
    else:
        findings.warn(0, 0, message)
