"""Segment text → Markdown that Python-Markdown (MkDocs) renders as exactly that text.

Content is CommonMark read with raw HTML off; MkDocs' Python-Markdown would pass raw HTML
through. So a `<` or `&` the editor did not escape is turned into an entity here, and raw HTML
or a `<script>` in content can never reach a reader's browser as markup.
"""

from __future__ import annotations

import re

_RAW_LT = re.compile(r"(?<!\\)<")
_RAW_AMP = re.compile(r"&(?!amp;|lt;|gt;|quot;|#\d+;|#x[0-9a-fA-F]+;)")


def inline(text: str) -> str:
    return _RAW_LT.sub("&lt;", _RAW_AMP.sub("&amp;", text))


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
