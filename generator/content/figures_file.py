"""content/<report>/figures.yml: what each figure of the report counts, as the editor names it.

    figures:
      - {page: 04-henzhua-jichu-baozhang, figure: 7.89万个, label: 新增学位}
      - {page: 01-jiaqiang-dangdelingdao, figure: 2次, after: 领导小组召开, label: 领导小组全体会议}
      - {page: 06-ruiyigaige-chuangxin, figure: 679人次, label: 新锐教师学员竞赛获奖}
      - {page: 03-puxie-yuren-xinpian, figure: '1', after: 服务“, omit: true}   # 1+X is a name

`report-site figures REPORT` writes the file once from the text (a label suggested from the
words around each figure); from then on it is the editor's, and the command only adds figures
the file lacks. Labels are translated like the report's text. `after` tells apart a
figure the page writes more than once: the words right before the one meant.

An entry whose figure the page no longer writes is a warning (the text changed; the label
waits to be moved or removed); one that could be either of two places is an error.
"""

from __future__ import annotations

from dataclasses import dataclass
from pathlib import Path

import yaml

from generator.content.folders import FIGURES_FILE, PAGES_DIR
from generator.content.headlines import as_written, figure_text, is_a_page, page_name
from generator.content.schema import Key, Schema, list_of, required_text, segment
from generator.content.yaml_file import Invalid, Reader, read_yaml
from generator.errors import Located, Problems
from generator.figures.labels import written_at
from generator.markdown_text import plain_text
from generator.model import FigureLabel, FigureRef, Page, Segment

LABEL = "add `label: 中文说明`: what the figure counts, in a few words (translated like the text)"
PAGE = f"add `page: …`, the name of a file in {PAGES_DIR}/ without .md"
FIGURE = "add `figure: …`, the figure as the page writes it, unit included"


@dataclass(frozen=True)
class LabelChoice:
    """An entry of figures.yml as read, each part with its place (`entry` is the entry's)."""

    entry: Located[str]
    page: Located[str]
    figure: Located[str]
    label: Segment | None
    after: Located[str] | None = None
    omit: bool = False


def yes_or_no(reader: Reader, node: yaml.Node, path: str) -> bool:
    value = reader.value(node) if isinstance(node, yaml.ScalarNode) else None
    if not isinstance(value, bool):
        raise Invalid(f"{path} must be true or false", f"write `{path.rsplit('.', 1)[-1]}: true`")
    return value


def _entry(
    entry: Located[str],
    page: Located[str],
    figure: Located[str],
    label: Segment | None = None,
    after: Located[str] | None = None,
    omit: bool = False,
) -> LabelChoice:
    """An entry names its figure (`label`) or says it is none (`omit: true`)."""
    if label is None and not omit:
        raise Invalid(f"{entry.value}.label is missing", LABEL)
    return LabelChoice(entry, page, figure, label, after, omit)


ENTRY = Schema(
    _entry,
    {
        "page": Key(page_name, required=PAGE),
        "figure": Key(figure_text, required=FIGURE),
        "after": Key(as_written("write the words right before the figure, or remove the key")),
        "label": Key(segment(required_text(LABEL))),
        "omit": Key(yes_or_no),
    },
    "write it as `- {page: 01-…, figure: 7.89万个, label: 新增学位}`",
    where="entry",
)
FIGURES: Schema[dict[str, tuple[LabelChoice, ...]]] = Schema(
    dict,
    {"figures": Key(list_of(ENTRY, "write one `- {page: …, figure: …, label: …}` per line"))},
)


def read_figures_file(folder: Path, root: Path, problems: Problems) -> tuple[LabelChoice, ...]:
    """The entries of a report's figures.yml; none when the report has no such file."""
    file = read_yaml(folder / FIGURES_FILE, root, problems, required=False)
    if file is None:
        return ()
    values = FIGURES.read_document(Reader(file, problems)) or {}
    return tuple(values.get("figures", ()))


def occurrences(figure: str, after: str, page: Page) -> int:
    """How many times `page` writes `figure` (right after `after`, if given) as a figure of its
    own: not inside a longer number (`2次` is not in `12次`)."""
    return sum(len(written_at(plain_text(s.text), figure, after)) for s in page.segments())


def resolve_labels(
    choices: tuple[LabelChoice, ...],
    pages: dict[str, Page],
    problems: Problems,
    unread: frozenset[str] = frozenset(),
) -> tuple[FigureLabel, ...]:
    """The entries whose figure is where they say; the others are reported."""
    found = []
    for choice in choices:
        page = choice.page.value
        if page in unread:
            continue
        if not is_a_page(choice.page, pages, problems):
            continue
        after = choice.after.value if choice.after else ""
        count = occurrences(choice.figure.value, after, pages[page])
        said = f"{after}{choice.figure.value}"
        if count == 0:
            problems.warn(
                choice.figure.loc,
                f"{page} no longer writes {said!r}: this label names no figure",
                "write the figure as the page now writes it, or remove the entry",
                choice.figure.line,
            )
            continue
        if count > 1:
            problems.add(
                choice.entry.loc,
                f"{page} writes {said!r} {count} times: which one is labelled?",
                "add `after:` with the words right before the one you mean",
                choice.entry.line,
            )
            continue
        ref = FigureRef(page, choice.figure.value)
        found.append(FigureLabel(ref, choice.label, after, choice.omit))
    return tuple(found)
