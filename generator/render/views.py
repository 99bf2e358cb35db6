"""What templates are given: one edition's view of a report, its pages and blocks, as frozen
values whose text is ready to print (safe inline Markdown, or HTML-escaped where a template
puts it into raw HTML). Templates never see the model, and the model never sees a template.

`ReportSummary` is the little the site's home page and navigation need of a report; it is
kept in the generate cache (as JSON) for reports that are not rendered again.
"""

from __future__ import annotations

from dataclasses import asdict, dataclass, field
from typing import Any

from generator.render.about import AboutView, TranslationNote


@dataclass(frozen=True)
class BlockView:
    """A block as a template writes it: its text and, for an English passage that is missing
    or outdated, the Chinese original; `attrs` is its attribute list (`{ #p-1 … }`); a table's
    cells are in `rows`."""

    kind: str
    anchor: str
    level: int
    ordered: bool
    state: str
    text: str
    original: str
    lang: str
    original_lang: str  # the language of `original` (the source's)
    attrs: str
    rows: tuple[tuple[str, ...], ...] = ()


@dataclass(frozen=True)
class PageView:
    slug: str
    source: str  # the content file it is made from, as the generated file's header names it
    title: str
    title_plain: str
    title_attrs: str
    title_lang: str
    description: str
    summary: str
    blocks: tuple[BlockView, ...]
    states: dict[str, int]
    total: int


@dataclass(frozen=True)
class FigureRow:
    """A row of the figures table, as raw HTML: text escaped, `link` as the built site spells
    it (relative to the figures page), `sort` the value in base units (what sorting compares),
    `label_lang` the label's language where it is not the edition's."""

    label: str
    label_lang: str
    value: str
    sort: str
    section: str
    link: str
    page: str


@dataclass(frozen=True)
class HeadlineCard:
    """A headline figure's card: text escaped as HTML (cards are raw HTML links)."""

    value: str
    label: str
    link: str


@dataclass(frozen=True)
class FiguresView:
    rows: tuple[FigureRow, ...]
    count: int
    charts: tuple[str, ...]  # inline SVG
    headlines: tuple[HeadlineCard, ...]
    csv: str = ""  # the data files' names, beside the report's pages
    json: str = ""
    package: str = ""


@dataclass(frozen=True)
class ReportView:
    """A report in one edition. `source` is its index page's content file (for the generated
    files' headers); `about` its provenance and citation; `note` what its English is."""

    slug: str
    title: str
    title_plain: str
    organisation: str
    organisation_plain: str  # for the search index's result lines (front matter)
    year: int
    source: str
    sections: tuple[PageView, ...]
    states: dict[str, int]
    total: int
    figures: FiguresView
    about: AboutView
    note: TranslationNote
    subtitle: str = ""  # `——…会议上` and the speaker, from report.yml, under the title
    speaker: str = ""


@dataclass(frozen=True)
class BilingualView:
    """A page in Chinese and in English, block beside block."""

    zh: PageView
    en: PageView
    pairs: tuple[tuple[BlockView, BlockView], ...]
    zh_lang: str
    en_lang: str


@dataclass(frozen=True)
class Neighbours:
    """Where a bilingual page leads: back to its page, and to the previous and next ones."""

    back: str
    previous: PageView | None
    next: PageView | None


@dataclass(frozen=True)
class SectionLink:
    slug: str
    title: str
    summary: str


@dataclass(frozen=True)
class ReportSummary:
    """A report in one edition as the home page and the navigation show it."""

    slug: str
    title: str
    title_plain: str
    organisation: str
    year: int
    states: dict[str, int]
    total: int
    pages: tuple[str, ...]  # the report's pages in the menu, as paths under docs/
    full: str
    figures: str
    headlines: tuple[HeadlineCard, ...] = ()
    sections: tuple[SectionLink, ...] = field(default=())
    bilingual: str = ""
    published: str = ""
    note: str = ""  # what the English is, in one line (the English edition's)

    def to_json(self) -> dict[str, Any]:
        return asdict(self)

    @classmethod
    def from_json(cls, data: dict[str, Any]) -> ReportSummary:
        return cls(
            **{
                **data,
                "pages": tuple(data["pages"]),
                "headlines": tuple(HeadlineCard(**h) for h in data["headlines"]),
                "sections": tuple(SectionLink(**s) for s in data["sections"]),
            }
        )

    def order(self) -> tuple[int, str, str]:
        """Newest first, then by organisation and folder: the home page's and menu's order."""
        return (-self.year, self.organisation, self.slug)
