"""Indentation out of built pages.

Material's templates indent their HTML deeply; at archive scale that indentation is a fifth of
every page (and of site/, which GitHub Pages caps). Each run of a line break and white space
becomes one line break: the browser renders the same, since white space between tags collapses
anyway. Pages with preformatted text (<pre>, <textarea>) are left as they are.
"""

from __future__ import annotations

import re

_INDENT = re.compile(r"\n\s+")


def strip_indentation(html: str) -> str:
    if "<pre" in html or "<textarea" in html:
        return html
    return _INDENT.sub("\n", html)
