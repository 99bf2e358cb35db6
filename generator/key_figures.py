"""Every figure a report states, as data: value, kind, unit, qualifier, and the sentence and
section it comes from, in Chinese and English. Behind the figures page, figures.csv/json, the
headline figures and the charts.

Figures are found with the same typed extraction `report-site check` uses; each Chinese figure
is paired with the English figure of equal value in its segment's English, and each side's
sentence is the one holding the figure.
"""

from __future__ import annotations

import csv
import io
import json
import re
from dataclasses import dataclass
from decimal import Decimal

from generator.editions import Edition, State
from generator.figures import POINTS, Figure, Kind, extract_en, extract_zh
from generator.markdown_text import plain_text
from generator.model import FigureRef, Page, Report

_ZH_SENTENCE = re.compile(r"[^。；！？]*[。；！？]?")
_EN_SENTENCE = re.compile(r".+?(?:[.;!?](?=\s|$)|$)", re.S)
_ZH_NUMBER_PART = re.compile(r"^(?:近|约|超过|将近|接近|不到|不足)?[\d.．,，:：]+[万亿]?[多余]?")


@dataclass(frozen=True)
class KeyFigure:
    id: str
    page: str
    anchor: str
    section_zh: str
    section_en: str
    value: str
    second: str
    kind: str
    qualifier: str
    unit_zh: str
    text_zh: str
    text_en: str
    reading_en: str
    sentence_zh: str
    sentence_en: str


def _sentence(text: str, start: int, pattern: re.Pattern[str]) -> str:
    for match in pattern.finditer(text):
        if match.start() <= start < max(match.end(), match.start() + 1):
            return match.group().strip()
    return text.strip()


def _number(value: Decimal | None) -> str:
    return "" if value is None else f"{value.normalize():f}"


def _pair(figure: Figure, english: list[Figure], used: set[int]) -> Figure | None:
    """The English figure stating `figure`: equal value, of the same kind if there is one."""
    for same_kind in (True, False):
        for i, candidate in enumerate(english):
            if i in used or not candidate.same_value(figure):
                continue
            if candidate.kind is figure.kind or not same_kind:
                used.add(i)
                return candidate
    return None


def page_figures(page: Page, english: Edition) -> list[KeyFigure]:
    section_en = plain_text(english.text(page.title).text)
    if english.text(page.title).state is State.MISSING:
        section_en = ""
    rows: list[KeyFigure] = []
    for block in page.blocks:
        for n, segment in enumerate(block.segments):
            zh = plain_text(segment.text)
            translated = english.text(segment)
            en = (
                plain_text(translated.text)
                if translated.state in (State.REVIEWED, State.MACHINE)
                else ""
            )
            en_figures = extract_en(en) if en else []
            used: set[int] = set()
            for figure in extract_zh(zh):
                if figure.kind in POINTS:
                    continue  # dates and ordinals say when or which, not how much
                match = _pair(figure, en_figures, used)
                suffix = f"-{n + 1}" if len(block.segments) > 1 else ""
                rows.append(
                    KeyFigure(
                        id=f"{page.slug}-{block.anchor}{suffix}-{len(rows) + 1}",
                        page=page.slug,
                        anchor=block.anchor,
                        section_zh=plain_text(page.title.text),
                        section_en=section_en,
                        value=_number(figure.value),
                        second=_number(figure.second),
                        kind=figure.kind.value,
                        qualifier=figure.qualifier.value,
                        unit_zh=_ZH_NUMBER_PART.sub("", figure.text).removesuffix("以上"),
                        text_zh=figure.text,
                        text_en=match.text if match else "",
                        reading_en=figure.reading(),
                        sentence_zh=_sentence(zh, figure.start, _ZH_SENTENCE),
                        sentence_en=_sentence(en, match.start, _EN_SENTENCE) if match else "",
                    )
                )
    return rows


def report_figures(report: Report, english: Edition) -> list[KeyFigure]:
    rows: list[KeyFigure] = []
    for page in report.pages:
        rows += page_figures(page, english)
    return rows


def find(rows: list[KeyFigure], ref: FigureRef) -> KeyFigure | None:
    """The figure an editor pointed at: on that page, written exactly so."""
    return next((r for r in rows if r.page == ref.page and ref.text in (r.text_zh,)), None) or next(
        (
            r
            for r in rows
            if r.page == ref.page and ref.text in r.sentence_zh and r.text_zh in ref.text
        ),
        None,
    )


FIELDS = tuple(KeyFigure.__dataclass_fields__)


def as_dict(row: KeyFigure) -> dict[str, str]:
    # dataclasses.asdict deep-copies every field: a third of generate's time at archive scale.
    return {name: getattr(row, name) for name in FIELDS}


def to_json(report: Report, rows: list[KeyFigure]) -> str:
    data = {
        "report": report.slug,
        "title": plain_text(report.title.text),
        "year": report.year,
        "count": len(rows),
        "fields": {
            "value": "exact value as a decimal number (万 and 亿 applied; percent as 59.19)",
            "second": "second term of a ratio (4.36:1 → value 4.36, second 1)",
            "kind": ", ".join(k.value for k in Kind if k not in POINTS),
            "qualifier": "exact, more_than (多/余/超过/以上), nearly (近), about (约/左右), "
            "less_than (不到/不足/以下)",
        },
    }
    # One figure a line: compact, and still readable and diffable.
    lines = [json.dumps(as_dict(r), ensure_ascii=False, separators=(",", ":")) for r in rows]
    head = json.dumps(data, ensure_ascii=False, indent=1)[:-2]
    return head + ',\n "figures": [\n' + ",\n".join(lines) + "\n ]\n}\n"


def to_csv(rows: list[KeyFigure]) -> str:
    out = io.StringIO()
    writer = csv.DictWriter(out, fieldnames=FIELDS, lineterminator="\n")
    writer.writeheader()
    for row in rows:
        writer.writerow(as_dict(row))
    # A byte-order mark, so that Excel opens the Chinese as UTF-8.
    return "\ufeff" + out.getvalue()
