"""Segment text → Markdown that Python-Markdown (MkDocs) renders as exactly that text.

Content is CommonMark read with raw HTML off; MkDocs' Python-Markdown would pass raw HTML
through, apply attribute lists (`{ onclick=… }`) written in text, and link to any scheme. So
what the editor did not escape is made inert here: a `<` or `&` becomes an entity, a `{`
becomes `&#123;` (no attribute list), and a link to anything but http(s), mailto or a relative
address stays text. Raw HTML or a `<script>` in content can never reach a reader's browser as
markup (and `generator.html_safety` checks every built page for it).
"""

from __future__ import annotations

import html
import re

from generator.html_safety import safe_url

# Every `<` and `{`, escaped (`\\<`) or not, becomes an entity: the same text to Markdown, and
# no markup where a template puts the text in raw HTML, which Markdown does not unescape.
# An even run of backslashes before it (escaped backslashes) is kept.
_KEEP_BACKSLASHES = r"(?<!\\)((?:\\\\)*)\\?"
_RAW_LT = re.compile(_KEEP_BACKSLASHES + "<")
_RAW_BRACE = re.compile(_KEEP_BACKSLASHES + r"\{")
_RAW_AMP = re.compile(r"&(?!amp;|lt;|gt;|quot;|#\d+;|#x[0-9a-fA-F]+;)")
# A link's address, as far as a scheme could reach: up to the closing parenthesis or a title's
# quote, spaces included (Python-Markdown keeps them in the address, `a javascript:`, and an
# escaped one, `\ javascript:`, and browsers and generator.html_safety read a scheme across
# them); a lookahead, so a link inside another's address is seen too.
_LINK_START = re.compile(r"\]\((?=([^)\"']{0,64}))")


def _neutralise_link(match: re.Match[str]) -> str:
    """`](` stays a link only if its address is relative or http(s)/mailto, however its
    scheme is spelt: with escapes (`\\javascript:`), entities (`&#106;avascript:`), code
    marks or angle brackets around it."""
    address = re.sub(r"[^A-Za-z0-9+.\-:]", "", html.unescape(match.group(1)))
    if safe_url(address):
        return match.group(0)
    return "]\\("


def inline(text: str) -> str:
    # Most text has none of these characters: the patterns (each tries a look-behind at
    # every character) are run only on text that has theirs.
    if "&" in text:
        text = _RAW_AMP.sub("&amp;", text)
    if "<" in text:
        text = _RAW_LT.sub(r"\1&lt;", text)
    if "{" in text:
        text = _RAW_BRACE.sub(r"\1&#123;", text)
    if "](" in text:
        text = _LINK_START.sub(_neutralise_link, text)
    return text


# What Python-Markdown, with this site's extensions, could read as markup in a line of inline()
# text: escapes, emphasis, code, links, raw HTML and entities, attribute lists, table cells
# (a character), a line break (two spaces) or indentation; and what opens a block (heading,
# quote, list, rule, admonition). A pattern of single characters is searched for in one fast
# pass; the rest is looked for where it can be, at the text's start and end.
_MARKUP_CHARACTER = re.compile(r"[\\*_`\[\]!<>&{}|\x00-\x1f\x7f]")
_MARKUP_START = re.compile(r"\s|[#>+\-=]|\d+\.\s")


def _has_markup(text: str) -> bool:
    return bool(
        _MARKUP_CHARACTER.search(text)
        or "  " in text
        or _MARKUP_START.match(text)
        or text[-1].isspace()
    )


def paragraph_html(text: str) -> str:
    """The HTML Python-Markdown makes of `text` (inline() output) as a paragraph, when it is
    plain text it finds no markup in, else "". A view that knows it writes raw HTML, which
    Python-Markdown stashes as it is, instead of a `markdown` block md_in_html parses twice."""
    if not text or _has_markup(text):
        return ""
    return f"<p>{text}</p>"


def attrs(anchor: str = "", lang: str = "", classes: tuple[str, ...] = ()) -> str:
    """An attr_list: `{ #p-1 .rs-missing lang="zh-Hans" }` (empty when there is nothing)."""
    parts = []
    if anchor:
        parts.append(f"#{anchor}")
    parts += [f".{c}" for c in classes]
    if lang:
        parts.append(f'lang="{lang}"')
    return "{ " + " ".join(parts) + " }" if parts else ""


def table_cell(text: str) -> str:
    return inline(text).replace("|", "\\|")
