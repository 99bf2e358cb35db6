"""The data model every stage shares: frozen value objects, nothing else.

A site holds reports; a report holds pages (its index, with the title and preamble, then one page
per top-level section); a page holds blocks (headings, paragraphs, list items, tables); a block
holds segments, the units of translation. A segment's `text` is the Simplified Chinese source as
the editor wrote it (inline Markdown); editions derive their text from it.
"""

from __future__ import annotations

from collections.abc import Iterator
from dataclasses import dataclass, field
from datetime import date
from enum import StrEnum

from generator.errors import Loc, Located, Problem


class BlockKind(StrEnum):
    HEADING = "heading"
    PARAGRAPH = "paragraph"
    LIST_ITEM = "list_item"
    TABLE = "table"


@dataclass(frozen=True)
class Segment:
    """One unit of translation: a heading, paragraph, list item or table cell."""

    text: str
    loc: Loc


@dataclass(frozen=True)
class Block:
    """A block of a page. `anchor` is the same in every edition, so links to it work in all.

    Headings carry their `level` (2 and deeper; the page title is level 1), list items their
    nesting depth in `level` and whether the list is `ordered`. A table's cells are its segments
    in row-major order, `columns` to a row; the first row is the header.
    """

    kind: BlockKind
    anchor: str
    segments: tuple[Segment, ...]
    level: int = 0
    ordered: bool = False
    columns: int = 0

    @property
    def loc(self) -> Loc:
        return self.segments[0].loc

    def rows(self) -> list[tuple[Segment, ...]]:
        width = self.columns or 1
        return [self.segments[i : i + width] for i in range(0, len(self.segments), width)]


@dataclass(frozen=True)
class Page:
    """One Markdown file of a report. `slug` (the file name without `.md`) is its URL in every
    edition, which is what lets the language switcher land on the same page."""

    slug: str
    path: str
    title: Segment
    blocks: tuple[Block, ...]

    def segments(self) -> Iterator[Segment]:
        yield self.title
        for block in self.blocks:
            yield from block.segments


@dataclass(frozen=True)
class FigureRef:
    """A figure an editor points at in report.yml: the page it is on and its text as written
    there (`7.89万个`)."""

    page: str
    text: str


@dataclass(frozen=True)
class Headline:
    """A headline figure, shown on the home page: the figure and a short label for it."""

    figure: FigureRef
    label: Segment


@dataclass(frozen=True)
class FigureLabel:
    """What a figure counts, as the editor names it in the report's figures.yml: a short label
    (`新增学位`, translated like the text) for the figure written so on that page (after the
    words `after`, when the page writes it more than once). `omit` says the number is no figure
    (a part of a name: the 1 of 1+X)."""

    figure: FigureRef
    label: Segment | None
    after: str = ""
    omit: bool = False


@dataclass(frozen=True)
class Chart:
    """A bar chart of figures the report states, e.g. one ratio in 2019 and in 2020."""

    title: Segment
    bars: tuple[tuple[Segment, FigureRef], ...]  # (label, figure) per bar


@dataclass(frozen=True)
class ReportSource:
    """Where the report's text came from: the imported file, its SHA-256, the page it was
    published on (report.yml's `source:`)."""

    file: str = ""
    sha256: str = ""
    url: str = ""


@dataclass(frozen=True)
class Notice:
    """Words an editor writes once for every edition (the terms a text may be reused on, who
    runs the site), with an address to read more at. `texts` are (edition code, text); an
    edition without its own text gets the source's (converted, for the Traditional edition)."""

    texts: tuple[tuple[str, str], ...] = ()
    url: str = ""

    def text(self, code: str) -> str:
        return dict(self.texts).get(code, "")


@dataclass(frozen=True)
class DroppedText:
    """Text the import left out on purpose (web-page chrome, an invisible character), as the
    importer listed it under report.yml's `dropped:`; kept as the record of it, not shown."""

    line: int
    text: str
    reason: str
    column: int = 0
    field: str = ""  # the report.yml field it was read into (subtitle, published …), if any


@dataclass(frozen=True)
class Report:
    """One report: its folder name is its `slug` (and URL), its index page holds the title and
    preamble, `sections` the top-level sections in reading order. The subtitle (`——在…会议上`)
    and speaker (`省长 刘捷`) of a government work report are translated like its text."""

    slug: str
    path: str  # as messages name it: content/<slug>
    folder: str  # where it is on disk
    organisation: Segment
    year: int
    index: Page
    sections: tuple[Page, ...]
    subtitle: Segment | None = None
    speaker: Segment | None = None
    published: date | None = None
    source: ReportSource = ReportSource()
    licence: Notice | None = None
    dropped: tuple[DroppedText, ...] = ()
    headlines: tuple[Headline, ...] = ()
    charts: tuple[Chart, ...] = ()
    figure_labels: tuple[FigureLabel, ...] = ()

    @property
    def title(self) -> Segment:
        return self.index.title

    @property
    def pages(self) -> tuple[Page, ...]:
        return (self.index, *self.sections)

    def segments(self) -> Iterator[Segment]:
        yield self.organisation
        for extra in (self.subtitle, self.speaker):
            if extra is not None:
                yield extra
        for page in self.pages:
            yield from page.segments()
        for headline in self.headlines:
            yield headline.label
        for chart in self.charts:
            yield chart.title
            for label, _ in chart.bars:
                yield label
        for named in self.figure_labels:
            if named.label is not None:
                yield named.label


@dataclass(frozen=True)
class GlossaryEntry:
    """One term of content/glossary.yml: its English, where that English comes from (`source`:
    a URL or a note such as "the university's own name"), a free `note`, and the line it is
    on."""

    term: str
    en: str
    source: str = ""
    note: str = ""
    line: int = 0


@dataclass(frozen=True)
class Glossary:
    """The glossary's entries, longest term first (a longer name is matched before a part)."""

    entries: tuple[GlossaryEntry, ...] = ()

    @property
    def terms(self) -> dict[str, str]:
        """Term → English, longest first."""
        return {entry.term: entry.en for entry in self.entries}

    def by_term(self) -> dict[str, GlossaryEntry]:
        """Term → entry, longest first."""
        return {entry.term: entry for entry in self.entries}


@dataclass(frozen=True)
class HantConfig:
    """How the Traditional edition is made: an OpenCC configuration and editor-owned terms that
    conversion must leave as the table says (names that phrase conversion would rewrite)."""

    opencc: str = "s2tw"
    protected_terms: tuple[tuple[str, str], ...] = ()
    quotes: str = "「」"  # or "“”": the quotation marks of the Simplified text, kept


@dataclass(frozen=True)
class TranslateSettings:
    """site.yml's `translate:` section: the engine a `translate` run uses when the command line
    names none (keys are never read from files). `loc` is where the section is."""

    loc: Loc
    engine: Located[str] | None = None
    base_url: str | None = None
    model: str | None = None
    english_variant: str | None = None  # EN-GB or EN-US


@dataclass(frozen=True)
class SiteConfig:
    site_url: str = ""
    site_name: dict[str, str] = field(default_factory=dict)
    hant: HantConfig = field(default_factory=HantConfig)
    translate: TranslateSettings | None = None
    operator: Notice | None = None  # who runs the site
    licence: Notice | None = None  # the terms its texts and data may be reused on


@dataclass(frozen=True)
class Site:
    """Everything content/ holds, read and checked; `warnings` are what the editor should look
    at although nothing stops the build."""

    config: SiteConfig
    reports: tuple[Report, ...]
    glossary: Glossary = Glossary()
    warnings: tuple[Problem, ...] = ()
