"""A strict reading of PO syntax before polib parses the file.

polib is lenient where a translator's slip would cost text: a `msgstr` whose closing quote is
missing loses its last character, and an unknown escape such as `\\q` is kept as two characters
that the next save doubles. GNU msgfmt rejects both; so does this check, naming the line and
column, so that a hand-edited memory is never read wrongly and then saved over.
"""

from __future__ import annotations

import re

from generator.errors import Loc, Problem

# A quoted string, read possessively (`++`, `*+`): its runs of characters and escapes can be
# read one way only, so none is tried again (the check of a memory takes a quarter of the time).
_STRING = r'"(?:[^"\\]++|\\[\\"ntrvbf])*+"'
_KEYWORD = r"(?:msgctxt|msgid|msgid_plural|msgstr(?:\[\d+\])?)"
_ENTRY_LINE = re.compile(rf"(?:{_KEYWORD}\s+)?{_STRING}\s*")
# Prefixes under which PO keeps entry lines: obsolete (#~), previous (#|), both (#~|).
_PREFIX = re.compile(r"#~\s*\|\s?|#~\s?|#\|\s?")
_OPEN_STRING = re.compile(r'"(?:[^"\\]|\\.)*')
_BAD_ESCAPE = re.compile(r'\\[^\\"ntrvbf]')


def check_syntax(text: str, shown: str) -> list[Problem]:
    """Every line of `text` that is not valid PO, as located problems (`shown` names the file)."""
    problems: list[Problem] = []
    for number, raw in enumerate(text.splitlines(), 1):
        line = raw.strip()
        if not line:
            continue
        body, offset = line, len(raw) - len(raw.lstrip())
        if line.startswith("#"):
            prefix = _PREFIX.match(line)
            if prefix is None:
                continue  # a comment: translator, extracted, reference or flags
            body, offset = line[prefix.end() :], offset + prefix.end()
            if not body:
                continue
        if _ENTRY_LINE.fullmatch(body):
            continue
        col, message, hint = _diagnose(body)
        problems.append(Problem(Loc(shown, number, offset + col), message, hint, raw))
    return problems


def _diagnose(body: str) -> tuple[int, str, str]:
    quote = body.find('"')
    if quote < 0:
        return (
            1,
            "not a PO line: expected msgid, msgstr, msgctxt or a quoted string",
            "put the text in double quotes, or start a comment with #",
        )
    escape = _BAD_ESCAPE.search(body, quote)
    if escape is not None:
        return (
            escape.start() + 1,
            f"unknown escape {escape.group()!r} in a quoted string",
            'write a backslash as \\\\ (and a quote as \\", a line break as \\n)',
        )
    opened = _OPEN_STRING.match(body, quote)
    end = opened.end() if opened else len(body)
    if end >= len(body):
        return (len(body) + 1, "the quoted string is not closed", 'add the closing " here')
    after = end + 1  # past the closing quote
    after += len(body[after:]) - len(body[after:].lstrip())
    return (
        after + 1,
        "text after the closing quote",
        'a string ends at its closing "; escape quotes inside it as \\"',
    )
