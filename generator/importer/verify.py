"""The proof that an import lost nothing: the text a reader of the imported pages sees is, to the
last non-space character and in order, the source's text minus exactly what was listed as
dropped (and plus a title not in the text: the file name, or a disclosure record's 文件名称).

The pages are read back with the loader's own Markdown parser, so the check also catches text
that the Markdown would turn into something else (a list marker, a code block, a rule). Dropped
text is subtracted position by position and must be found where its `Removal` says, so that
nothing is ever left out without being listed.

It also proves that no two lines of the source were glued: where one paragraph, heading or cell
holds the end of a source line and the start of another with nothing between them, that join
must be one the importer made on purpose and listed (a sentence broken over lines).
"""

from __future__ import annotations

import re
from collections.abc import Collection, Sequence

from generator.content import PARSER  # the loader's parser: check what the loader will read
from generator.errors import Loc, Problem, ReportSiteError
from generator.importer.findings import Removal
from generator.markdown_text import plain_text

_SPACE = re.compile(r"\s+")
_BARS = re.compile(r"[|｜]")
_BUG = "this is a bug in report-site's importer; please report it with the file"


def reader_text(markdown: str) -> str:
    """Everything a reader sees of one page: headings, paragraphs and table cells, in order."""
    return "\n".join(reader_blocks(markdown))


def reader_blocks(markdown: str) -> list[str]:
    """What a reader sees of one page, one entry per heading, paragraph or table cell."""
    return [plain_text(token.content) for token in PARSER.parse(markdown) if token.type == "inline"]


def page_order(files: dict[str, str]) -> list[str]:
    """index.md, then the section pages by their number."""
    sections = [n for n in files if n.endswith(".md") and not n.endswith("/index.md")]

    def number(name: str) -> int:
        match = re.match(r"\d+", name.rsplit("/", 1)[-1])
        return int(match.group(0)) if match else 0

    return ["zh-Hans/index.md", *sorted(sections, key=lambda n: (number(n), n))]


def without_removals(text: str, removals: Sequence[Removal], source_path: str) -> str:
    """`text` with each removal taken out: characters first (where they are in the file), then
    pieces of lines (where they are once those characters are gone), then whole lines (which
    must read, once the rest is gone, what the removal says)."""
    lines = text.split("\n")
    characters = [r for r in removals if not r.whole_line and not r.at]
    for removal in sorted(characters, key=lambda r: (r.line, -r.col)):
        _cut(lines, removal, removal.col, source_path)
    for removal in sorted((r for r in removals if r.at), key=lambda r: (r.line, -r.at)):
        _cut(lines, removal, removal.at, source_path)
    for removal in removals:
        if removal.whole_line:
            if lines[removal.line - 1].strip() != removal.text:
                raise _mismatch(source_path, removal)
            lines[removal.line - 1] = ""
    return "\n".join(lines)


def _cut(lines: list[str], removal: Removal, col: int, source_path: str) -> None:
    line = lines[removal.line - 1]
    start = col - 1
    if line[start : start + len(removal.text)] != removal.text:
        raise _mismatch(source_path, removal)
    lines[removal.line - 1] = line[:start] + removal.replacement + line[start + len(removal.text) :]


def check_nothing_lost(
    source_text: str,
    files: dict[str, str],
    source_path: str,
    added_title: str = "",
    removed: Sequence[Removal] = (),
    joins: Collection[tuple[int, int]] = (),
    bar_rows: Collection[int] = (),
    title_lines: Sequence[int] = (),
) -> None:
    """Raise ReportSiteError unless the pages hold exactly the source's text, and hold no two
    source lines glued together other than the listed `joins` (see above). On the lines listed
    in `bar_rows` (rows of a `|` table), the bars are cell separators, like white space. The
    `title_lines` are read first: a title the first page shows above text that stands above it
    in the source (a document's own title, below the notice delivering it)."""
    blocks = [reader_blocks(files[name]) for name in page_order(files)]
    got_chars: list[str] = []
    got_block: list[int] = []
    got_spaced: list[bool] = []  # white space before this character, in its block
    for number, block in enumerate(b for page in blocks for b in page):
        space = False
        for ch in block:
            if ch.isspace():
                space = True
                continue
            got_chars.append(ch)
            got_block.append(number)
            got_spaced.append(space)
            space = False
    got = "".join(got_chars)
    kept = without_removals(source_text, removed, source_path)
    kept_lines = list(enumerate(kept.split("\n"), 1))
    first = [(number, text) for number, text in kept_lines if number in title_lines]
    rest = [(number, text) for number, text in kept_lines if number not in title_lines]
    want_lines = [*([(0, added_title)] if added_title else []), *first, *rest]
    want_chars: list[str] = []
    want_line: list[int] = []
    for number, text in want_lines:
        if number in bar_rows:
            text = _BARS.sub(" ", text)
        for ch in _SPACE.sub("", text):
            want_chars.append(ch)
            want_line.append(number)
    want = "".join(want_chars)
    if got != want:
        at = next(
            (i for i, (a, b) in enumerate(zip(got, want, strict=False)) if a != b),
            min(len(got), len(want)),
        )
        line = want_line[min(at, len(want_line) - 1)] if want_line else 0
        raise ReportSiteError(
            [
                Problem(
                    Loc(source_path, line),
                    f"import would change the text near “{want[max(0, at - 10) : at + 10]}”"
                    f" (the pages read “{got[max(0, at - 10) : at + 10]}”)",
                    _BUG,
                )
            ]
        )
    for i in range(1, len(got)):
        before, after = want_line[i - 1], want_line[i]
        if (
            got_block[i] == got_block[i - 1]
            and before != after
            and not got_spaced[i]
            and (before, after) not in joins
        ):
            raise ReportSiteError(
                [
                    Problem(
                        Loc(source_path, after),
                        f"import would glue line {before} to line {after} with nothing between "
                        f"them (“{want[max(0, i - 10) : i + 10]}”)",
                        _BUG,
                    )
                ]
            )


def _mismatch(source_path: str, removal: Removal) -> ReportSiteError:
    return ReportSiteError(
        [
            Problem(
                Loc(source_path, removal.line, removal.col),
                f"the text to drop ({removal.reason}) is not where the importer listed it",
                _BUG,
            )
        ]
    )
