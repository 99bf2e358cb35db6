"""HTML the generator wrote whole, passed through Python-Markdown without being parsed.

Python-Markdown (md_in_html's parser, here) reads every raw HTML block tag by tag to find where
it ends, only to keep it as it is. Where a template already wrote a block's final HTML (a
bilingual view's pairs of paragraphs, the figures table), it fences the block with two comment
lines, and this extension's preprocessor keeps the lines between as they are, where Python-Markdown
keeps raw HTML (its stash), without reading them: the page is the same, and much cheaper to
build. The fences are not in the page. A fenced block starts a line and has a blank line (or the
end of the page) after it, as raw HTML blocks do in Markdown. Fenced blocks with nothing but
blank lines between them (a section's paragraphs, one after another) are kept as one.
"""

from __future__ import annotations

import re
from typing import Any

from markdown import Markdown
from markdown.extensions import Extension
from markdown.preprocessors import Preprocessor

OPEN = "<!-- rs-html -->"
CLOSE = "<!-- /rs-html -->"
# An id in a tag (text in these pages never holds a raw `<`: generator/render/inline.py).
_ID = re.compile(r"<[a-zA-Z][^<>]*?\sid=\"([^\"]+)\"")


def anchor_ids(html: str) -> set[str]:
    """The ids of a page's HTML. MkDocs learns a page's anchors as Python-Markdown parses it,
    raw HTML included, but fenced HTML is never parsed: the build adds these, so that a link to
    a paragraph written whole (`page.md#p-3`) is not reported as a missing anchor."""
    return set(_ID.findall(html))


class _KeepFenced(Preprocessor):  # type: ignore[misc]  # (Python-Markdown has no types)
    def run(self, lines: list[str]) -> list[str]:
        if OPEN not in lines:
            return lines
        out: list[str] = []
        block: list[str] | None = None  # the lines of the fenced block being read
        # The last block read, kept back while only blank lines follow it: a block right after
        # it joins it (one stash entry, one placeholder for Python-Markdown to carry through
        # its inline patterns, instead of one per paragraph), with the blank line between them
        # that Python-Markdown puts between two raw blocks.
        kept: list[str] | None = None
        blanks: list[str] = []  # the blank lines after it
        for line in lines:
            if block is not None:
                if line == CLOSE:
                    kept = block if kept is None else [*kept, "", *block]
                    block = None
                else:
                    block.append(line)
            elif line == OPEN:
                block = []
                blanks = []
            elif kept is not None and not line.strip():
                blanks.append(line)
            else:
                if kept is not None:
                    out += [*self._stashed(kept), *blanks]
                    kept, blanks = None, []
                out.append(line)
        if kept is not None:
            out += [*self._stashed(kept), *blanks]
        if block is not None:  # an unclosed fence (a template's mistake): nothing is lost
            out += [OPEN, *block]
        return out

    def _stashed(self, block: list[str]) -> list[str]:
        # On a line of its own, with the newline Python-Markdown keeps after a raw block.
        return ["", self.md.htmlStash.store("\n".join(block) + "\n"), ""]


class RawHtmlExtension(Extension):  # type: ignore[misc]
    def extendMarkdown(self, md: Markdown) -> None:
        # After whitespace is normalised (30), before raw HTML is read (html_block, 20).
        md.preprocessors.register(_KeepFenced(md), "rs_raw_html", 25)


def makeExtension(**kwargs: Any) -> RawHtmlExtension:
    return RawHtmlExtension(**kwargs)
