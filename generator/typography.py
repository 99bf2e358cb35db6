"""Quotation marks as each edition's readers expect them.

- English: typographic quotes (“ ” ‘ ’) for the straight ones a translator or an engine typed,
  in inline Markdown: code spans, link and image addresses, autolinks and backslash-escaped
  quotes (a straight quote the writer asked for) are left as written.
- Traditional Chinese: corner brackets (「 」, and 『 』 inside them), which Taiwan and Hong Kong
  use, for the curly quotes of the Simplified text. A single quote is converted only as half of
  a pair, so an apostrophe (Xi’an) stays one.

Only quotation marks change: every other character stays where it was.
"""

from __future__ import annotations

import re

# What Markdown keeps as written: code spans, a link's address (up to its closing parenthesis),
# autolinks and HTML-like tags, backslash escapes, entities.
_LITERAL = re.compile(
    r"(?P<code>(?P<ticks>`+).*?(?P=ticks))"
    r"|(?P<address>\]\([^)]*\))"
    r"|(?P<angle><[^>\s]*>)"
    r"|(?P<escape>\\.)"
    r"|(?P<entity>&#?\w+;)",
    re.S,
)
# Before an opening quote: the start, a space, an opening bracket or dash, another opening quote.
_OPENS_AFTER = set(" \t\n([{<—–-/“‘\u00a0")
_WORD = re.compile(r"\w")


def _curl(text: str, previous: str) -> str:
    """Straight quotes of a run of prose made typographic; `previous` is the character before
    the run (what decides whether a quote at its start opens)."""
    out = []
    before = previous
    for i, ch in enumerate(text):
        after = text[i + 1] if i + 1 < len(text) else ""
        if ch == '"':
            ch = "“" if before == "" or before in _OPENS_AFTER else "”"
        elif ch == "'":
            opens = (before == "" or before in _OPENS_AFTER) and bool(_WORD.match(after))
            ch = "‘" if opens else "’"
        out.append(ch)
        before = ch
    return "".join(out)


def english_quotes(markdown: str) -> str:
    """Straight quotes of English inline Markdown made typographic (see the module)."""
    if '"' not in markdown and "'" not in markdown:
        return markdown
    out: list[str] = []
    position = 0
    for match in _LITERAL.finditer(markdown):
        prose = markdown[position : match.start()]
        out.append(_curl(prose, out[-1][-1:] if out else ""))
        # A link's text is prose; only what follows `](` is its address.
        out.append(match.group())
        position = match.end()
    out.append(_curl(markdown[position:], out[-1][-1:] if out else ""))
    return "".join(out)


_CORNERS = {"“": "「", "”": "」"}


def corner_quotes(text: str) -> str:
    """Curly quotes of Chinese text as corner brackets: “ ” → 「 」, and a pair ‘ ’ → 『 』."""
    if not any(q in text for q in "“”‘"):
        return text
    chars = [_CORNERS.get(ch, ch) for ch in text]
    opened: list[int] = []
    for i, ch in enumerate(chars):
        if ch == "‘":
            opened.append(i)
        elif ch == "’" and opened:
            chars[opened.pop()] = "『"
            chars[i] = "』"
    return "".join(chars)
