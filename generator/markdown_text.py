"""Plain report text ↔ inline Markdown, so that text which looks like markup stays text.

The importer escapes; the loader and renderers read Markdown. Escaping uses backslashes that
both CommonMark (the loader) and Python-Markdown (MkDocs) honour, and `plain_text` undoes it.
"""

from __future__ import annotations

import re

# Characters that start inline markup anywhere in a line.
_INLINE = re.compile(r"([\\`*_\[\]<>|~!])")
# Constructs that are markup only at the start of a line: headings, quotes, lists, rules.
_LINE_START = re.compile(r"^(#|>|[-+*](?=\s|$)|=|\d+(?=[.)]))")
_UNESCAPE = re.compile(r"\\([!-/:-@\[-`{-~])")


def escape(text: str) -> str:
    escaped = _INLINE.sub(r"\\\1", text)
    escaped = escaped.replace("&", "&amp;")
    match = _LINE_START.match(escaped)
    if match:
        if match.group(1)[0].isdigit():
            # `1.` → `1\.`: the dot, not the digits, is what makes an ordered list.
            end = match.end()
            escaped = escaped[:end] + "\\" + escaped[end:]
        else:
            escaped = "\\" + escaped
    return escaped


def plain_text(markdown: str) -> str:
    """What a reader sees of an inline Markdown segment (escapes and entities resolved)."""
    import html

    return html.unescape(_UNESCAPE.sub(r"\1", markdown))
