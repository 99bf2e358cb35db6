"""content/<report>/report.yml: what a report is, besides its text.

    organisation: 浙江省人民政府            # required: who published it (translated)
    year: 2026                              # required: the year it is about
    subtitle: ——2026年1月27日在浙江省第十四届人民代表大会第四次会议上   # optional, translated
    speaker: 省长 刘捷                       # optional, translated
    published: 2026-01-31                   # optional: the day it was published
    source: {file: zhejiang-gov-2026.txt, sha256: …, url: https://…}   # written by import
    licence: {zh-Hans: …, en: …, url: https://…}   # optional: this report's terms (notice.py)
    dropped: […]                            # what import left out, and why (kept, not shown)
    headline_figures: […]                   # see headlines.py
    charts: […]

A new key is one line in REPORT and a field of ReportMeta (and of Report, if pages show it).
"""

from __future__ import annotations

from dataclasses import dataclass, field
from datetime import date

from generator.content.headlines import CHARTS, HEADLINES, ChartChoice, HeadlineChoice
from generator.content.notice import notice
from generator.content.schema import (
    Key,
    Schema,
    a_date,
    integer_between,
    list_of,
    optional_text,
    required_text,
    segment,
    text,
    web_address,
)
from generator.model import DroppedText, Notice, ReportSource, Segment

# The People's Republic's first year, and a bound well past any report being written now.
FIRST_YEAR, LAST_YEAR = 1949, 2100
ORGANISATION = "write the publishing organisation's name"
YEAR = "write the year the report is about, e.g. year: 2020"


@dataclass(frozen=True)
class ReportMeta:
    """report.yml as read: checked on its own; its figure choices are checked against the
    pages when the report is loaded."""

    organisation: Segment
    year: int
    subtitle: Segment | None = None
    speaker: Segment | None = None
    published: date | None = None
    source: ReportSource = field(default_factory=ReportSource)
    licence: Notice | None = None
    dropped: tuple[DroppedText, ...] = ()
    headlines: tuple[HeadlineChoice, ...] = ()
    charts: tuple[ChartChoice, ...] = ()


whole_number = integer_between(1, 10**9, "a line or column number", "leave it as import wrote it")


SOURCE = Schema(
    ReportSource,
    {"file": Key(text), "sha256": Key(text), "url": Key(web_address)},
    "write `file:`, `sha256:` and `url:` indented below `source:`",
)
DROPPED = Schema(
    DroppedText,
    {
        "line": Key(whole_number, required="add `line: N`"),
        "column": Key(whole_number),
        "text": Key(text, required="add `text: …`"),
        "reason": Key(text, required="add `reason: …`"),
        "field": Key(text),  # the report.yml field the text went to (subtitle, published …)
    },
    "leave the list as import wrote it: `- {line: N, text: …, reason: …}`",
)
REPORT = Schema(
    ReportMeta,
    {
        "organisation": Key(
            segment(required_text(ORGANISATION)),
            required="add a line `organisation: …` with the name of the organisation that "
            "published the report, e.g. organisation: 杭州市教育局",
        ),
        "year": Key(
            integer_between(FIRST_YEAR, LAST_YEAR, "a year a report can be about", YEAR),
            required="add a line `year: …` with the year the report is about, e.g. year: 2020",
        ),
        "subtitle": Key(segment(optional_text)),
        "speaker": Key(segment(optional_text)),
        "published": Key(a_date),
        "source": Key(SOURCE),
        "licence": Key(notice),
        "dropped": Key(list_of(DROPPED, "leave the list as import wrote it")),
        "headline_figures": Key(HEADLINES, attr="headlines"),
        "charts": Key(CHARTS),
    },
)
