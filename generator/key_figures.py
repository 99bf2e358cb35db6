"""Every figure a report states, as data: what it counts (the editor's label from figures.yml,
or one suggested from the words around it), value, kind, unit, qualifier, and the sentence and
section it comes from, in Chinese and English. Behind the figures page, its data package
(generator.figure_data), the headline figures and the charts.

Figures are found with the same typed extraction `report-site check` uses; each Chinese figure
is paired with the English figure of equal value in its segment's English, and each side's
sentence is the one holding the figure.
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from decimal import Decimal

from generator.editions import Edition, State
from generator.figures import POINTS, Figure, extract_en, extract_zh
from generator.figures.labels import suggest_label, written_at
from generator.markdown_text import plain_text
from generator.model import FigureLabel, FigureRef, Page, Report, Segment

_ZH_SENTENCE = re.compile(r"[^。；！？]*[。；！？]?")
_EN_SENTENCE = re.compile(r".+?(?:[.;!?](?=\s|$)|$)", re.S)
_ZH_NUMBER_PART = re.compile(r"^(?:近|约|超过|将近|接近|不到|不足)?[\d.．,，:：]+[万亿]?[多余]?")
_FIRST_NUMBER = re.compile(r"\d+(?:[.．]\d+)?")


@dataclass(frozen=True)
class KeyFigure:
    """One figure: `value` is exact in base units (万 and 亿 applied: 7.89万个 is 78900),
    `stated` the number as written (7.89) and `multiplier` what it is multiplied by (10000).
    `label` is the editor's (None where figures.yml names it not), `suggested_label` the words of
    the text that say what it counts; `measure` a unit of measure's key (km2, t …) and
    `currency` a foreign currency's code, where the figure has one."""

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
    stated: str = ""
    multiplier: str = "1"
    label: Segment | None = None
    suggested_label: str = ""
    measure: str = ""
    currency: str = ""
    omitted: bool = False  # figures.yml says it is no figure
    start: int = 0  # where the Chinese segment (plain text) writes it


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


def _stated(figure: Figure) -> tuple[str, str]:
    """The number as written and what it is multiplied by (7.89万 → 7.89, 10000)."""
    match = _FIRST_NUMBER.search(re.sub("[,，]", "", figure.text.translate(_FULL_WIDTH)))
    if match is None or figure.value is None:
        return _number(figure.value), "1"
    stated = Decimal(match.group().replace("．", "."))
    if not stated or figure.kind.value == "ratio":
        return _number(stated), "1"
    return _number(stated), _number(figure.value / stated)


_FULL_WIDTH = str.maketrans("０１２３４５６７８９．", "0123456789.")


def _label_for(labels: list[FigureLabel], figure: Figure, text: str) -> FigureLabel | None:
    """The editor's label of the figure at `figure.start` in `text`, if figures.yml has one:
    the entry whose figure is written where this one is."""
    for named in labels:
        for start, end in written_at(text, named.figure.text, named.after):
            if start < figure.end and figure.start < end:
                return named
    return None


def page_figures(
    page: Page,
    english: Edition,
    labels: tuple[FigureLabel, ...] = (),
    keep_omitted: bool = False,
) -> list[KeyFigure]:
    """The figures of a page, each with its label from `labels` (figures.yml); a number that
    figures.yml says is no figure is left out, unless `keep_omitted`."""
    section_en = plain_text(english.text(page.title).text)
    if english.text(page.title).state is State.MISSING:
        section_en = ""
    rows: list[KeyFigure] = []
    on_page = [named for named in labels if named.figure.page == page.slug]
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
                named = _label_for(on_page, figure, zh)
                if named is not None and named.omit and not keep_omitted:
                    continue
                stated, multiplier = _stated(figure)
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
                        stated=stated,
                        multiplier=multiplier,
                        label=named.label if named else None,
                        suggested_label=suggest_label(zh, figure.start, figure.end),
                        measure=figure.unit,
                        currency=figure.currency,
                        omitted=named is not None and named.omit,
                        start=figure.start,
                    )
                )
    return rows


def report_figures(report: Report, english: Edition) -> list[KeyFigure]:
    rows: list[KeyFigure] = []
    for page in report.pages:
        rows += page_figures(page, english, report.figure_labels)
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
