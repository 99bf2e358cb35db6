"""Plain report text ↔ inline Markdown, so that text which looks like markup stays text.

The importer escapes; the loader and renderers read Markdown. Escaping uses backslashes, which
CommonMark (the loader) honours before any ASCII punctuation and MkDocs honours too (the site
enables `pymdownx.escapeall`); `&` becomes `&amp;`, since the renderer leaves entities alone.
`plain_text` undoes both, the way CommonMark does: in one left-to-right pass, so an escaped
`\\&` followed by `amp;` stays the five characters the report wrote.

Escaped inline: every character that starts inline markup in CommonMark or in an extension the
site enables (emphasis `*` `_`, code `` ` ``, links `[` `]` `!`, HTML and autolinks `<` `>`,
tables `|`, strikethrough `~`, attribute lists `{` `}`, headings `#`, backslash itself).
Escaped at the start of a line only, where they are markup: list bullets and thematic breaks
(`-` `+`), setext underlines (`=`), definition lists (`:`) and ordered-list numbers (`1.`,
`1)`, but only when a space or the end of the line follows, so `2.5` and `1.“四上”` stay as
they are).
"""

from __future__ import annotations

import html
import re

_INLINE = re.compile(r"([\\`*_\[\]<>|~!{}#])")
_LINE_START = re.compile(r"^[-+=:]")
_ORDERED = re.compile(r"^(\d{1,9})([.)])(?=[ \t]|$)")
_RESOLVE = re.compile(
    r"\\([!-/:-@\[-`{-~])|(&(?:#[0-9]{1,7}|#[xX][0-9a-fA-F]{1,6}|[A-Za-z][A-Za-z0-9]{1,31});)"
)


def escape(text: str) -> str:
    escaped = _INLINE.sub(r"\\\1", text).replace("&", "&amp;")
    if _LINE_START.match(escaped):
        return "\\" + escaped
    return _ORDERED.sub(r"\1\\\2", escaped, count=1)


# What turns the start of a line into a block: a heading, quote, bullet, thematic break, fence,
# setext underline, admonition (`!!!`) or link reference definition (`[id]: url`);
# ordered-list numbers are _ORDERED.
_BLOCK_START = re.compile(
    r"^(?:#{1,6}(?=\s|$)|>|[-+*](?=\s|$)|(?:[-*_][ \t]*){3,}$|`{3}|~{3}|=+[ \t]*$"
    r"|!{3}|\[[^\]]*\]:)"
)


def one_inline(markdown: str) -> str:
    """Inline Markdown written outside content/ (a translator's English) as one inline run:
    its lines joined, and a start that would make it a block (`3. …`, `# …`, `- …`) escaped,
    so it stays the paragraph, heading or list item whose place it takes."""
    text = " ".join(line.strip() for line in markdown.splitlines() if line.strip())
    if _BLOCK_START.match(text):
        return "\\" + text
    return _ORDERED.sub(r"\1\\\2", text, count=1)


def plain_text(markdown: str) -> str:
    """What a reader sees of an inline Markdown segment (escapes and entities resolved)."""
    # Most text has neither a backslash nor an entity: the pattern (which tries each of its
    # alternatives at every character) is run only on text that has one.
    if "\\" not in markdown and "&" not in markdown:
        return markdown
    return _RESOLVE.sub(_resolve, markdown)


def _resolve(match: re.Match[str]) -> str:
    if match.group(1) is not None:
        return match.group(1)
    entity = match.group(2)
    return html.unescape(entity)
