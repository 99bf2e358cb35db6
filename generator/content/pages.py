"""A report page (Markdown) → Page, with located problems instead of exceptions.

Editors write ordinary Markdown. What a report page may hold is deliberately small (headings,
paragraphs, lists, tables): anything else is reported with its file and line and what to do,
together with every other problem found, and nothing is built until all are fixed.
"""

from __future__ import annotations

from pathlib import Path

from markdown_it import MarkdownIt
from markdown_it.token import Token

from generator.cjk import is_cjk
from generator.content.text import read_text, shown_path
from generator.errors import Loc, Problems
from generator.model import Block, BlockKind, Page, Segment

# How content's Markdown is read, here and by anyone who must read it the same way (the
# importer's proof that an import lost nothing).
PARSER = MarkdownIt("commonmark", {"html": False}).enable("table")
_UNSUPPORTED = {
    "blockquote_open": "block quotes",
    "code_block": "indented code blocks (a line indented by four spaces)",
    "fence": "fenced code blocks",
    "hr": "horizontal rules",
}


def join_lines(text: str) -> str:
    """A paragraph written over several lines is one paragraph. Between two Chinese characters
    the line break disappears; elsewhere it becomes one space, as a browser would show it."""
    lines = [line.strip() for line in text.split("\n")]
    out = lines[0]
    for line in lines[1:]:
        if out and line and is_cjk(out[-1]) and is_cjk(line[0]):
            out += line
        else:
            out += " " + line
    return out.strip()


def read_page(path: Path, root: Path, problems: Problems) -> Page | None:
    """The page at `path`, or None if it cannot be made one (problems added)."""
    return _PageReader(path, root, problems).read()


class _PageReader:
    """Turns one Markdown file into a Page, adding problems instead of raising."""

    def __init__(self, path: Path, root: Path, problems: Problems):
        self.path = path
        self.shown = shown_path(path, root)
        self.problems = problems
        self.lines: list[str] = []

    def loc(self, token: Token) -> Loc:
        return Loc(self.shown, (token.map[0] + 1) if token.map else 0)

    def segment(self, token: Token) -> Segment:
        return Segment(join_lines(token.content), self.loc(token))

    def read(self) -> Page | None:
        try:
            text = read_text(self.path, self.shown, self.problems)
        except FileNotFoundError:
            self.problems.add(Loc(self.shown), "the file went away while it was read", "try again")
            return None
        if text is None:
            return None
        self.lines = text.splitlines()
        tokens = PARSER.parse(text)
        title: Segment | None = None
        blocks: list[Block] = []
        counters = {"h": 0, "p": 0, "l": 0, "t": 0}
        list_depth = 0
        ordered_stack: list[bool] = []
        i = 0
        while i < len(tokens):
            token = tokens[i]
            kind = token.type
            if kind in _UNSUPPORTED:
                self.report(
                    token,
                    f"{_UNSUPPORTED[kind]} are not supported in report pages",
                    "write the text as ordinary paragraphs",
                )
                i = self.skip_block(tokens, i)
                continue
            if kind == "heading_open":
                level = int(token.tag[1])
                seg = self.segment(tokens[i + 1])
                if level == 1:
                    if title is not None:
                        self.report(
                            token,
                            "a page has one title (`# …`); this is a second one",
                            "make it a section heading: `## …`",
                        )
                    elif blocks:
                        self.report(
                            token,
                            "the title (`# …`) must come first in the file",
                            "move it to the top",
                        )
                    else:
                        title = seg
                else:
                    counters["h"] += 1
                    blocks.append(Block(BlockKind.HEADING, f"h-{counters['h']}", (seg,), level))
                i += 3
                continue
            if kind in ("bullet_list_open", "ordered_list_open"):
                list_depth += 1
                ordered_stack.append(kind == "ordered_list_open")
            elif kind in ("bullet_list_close", "ordered_list_close"):
                list_depth -= 1
                ordered_stack.pop()
            elif kind == "paragraph_open":
                seg = self.segment(tokens[i + 1])
                if list_depth:
                    counters["l"] += 1
                    blocks.append(
                        Block(
                            BlockKind.LIST_ITEM,
                            f"l-{counters['l']}",
                            (seg,),
                            list_depth,
                            ordered_stack[-1],
                        )
                    )
                else:
                    counters["p"] += 1
                    blocks.append(Block(BlockKind.PARAGRAPH, f"p-{counters['p']}", (seg,)))
                i += 3
                continue
            elif kind == "table_open":
                counters["t"] += 1
                i = self.read_table(tokens, i, f"t-{counters['t']}", blocks)
                continue
            i += 1
        if title is None:
            self.problems.add(
                Loc(self.shown, 1), "the page has no title", "start the file with a line `# Title`"
            )
            return None
        return Page(self.path.stem, self.shown, title, tuple(blocks))

    def read_table(self, tokens: list[Token], i: int, anchor: str, blocks: list[Block]) -> int:
        cells: list[Segment] = []
        columns = 0
        row = 0
        while tokens[i].type != "table_close":
            token = tokens[i]
            if token.type == "tr_open":
                row = 0
            elif token.type == "inline":
                row += 1
                cells.append(self.segment(token))
            elif token.type == "tr_close":
                columns = columns or row
            i += 1
        blocks.append(Block(BlockKind.TABLE, anchor, tuple(cells), columns=columns))
        return i + 1

    def skip_block(self, tokens: list[Token], i: int) -> int:
        token = tokens[i]
        if not token.type.endswith("_open"):
            return i + 1
        depth = 0
        while i < len(tokens):
            depth += tokens[i].nesting
            i += 1
            if depth == 0:
                break
        return i

    def report(self, token: Token, message: str, hint: str) -> None:
        line = (token.map[0] + 1) if token.map else 0
        source = self.lines[line - 1] if 0 < line <= len(self.lines) else ""
        self.problems.add(Loc(self.shown, line), message, hint, source)
