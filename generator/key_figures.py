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
from dataclasses import dataclass, replace
from decimal import Decimal

from generator.editions import Edition, State
from generator.figures import POINTS, Figure, Kind, extract_en, extract_zh, number
from generator.figures.labels import clause_label, suggest_label, written_at
from generator.markdown_text import plain_text
from generator.model import FigureLabel, FigureRef, Page, Report, Segment
from generator.table_headers import CellHeaders, cell_headers, is_header_cell

_ZH_SENTENCE = re.compile(r"[^。；！？]*[。；！？]?")
_EN_SENTENCE = re.compile(r".+?(?:[.;!?](?=\s|$)|$)", re.S)
_ZH_NUMBER_PART = re.compile(r"^(?:近|约|超过|将近|接近|不到|不足)?[\d.．,，:：]+[万亿]?[多余]?")
_FIRST_NUMBER = re.compile(r"\d+(?:[.．]\d+)?")


@dataclass(frozen=True)
class KeyFigure:
    """One figure: `value` is exact in base units (万 and 亿 applied: 7.89万个 is 78900),
    `stated` the number as written (7.89) and `multiplier` what it is multiplied by (10000).
    `label` is the editor's (None where figures.yml names it not), `suggested_label` the words of
    the text that say what it counts (never empty); `measure` a unit of measure's key (km2, t …)
    and `currency` a foreign currency's code, where the figure has one. `terms` are a ratio's
    terms (13.2:32.3:54.5); `headers` the row and column headers of a table cell's figure,
    which name it."""

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
    terms: str = ""
    headers: tuple[Segment, ...] = ()


def _sentence(text: str, start: int, sentences: list[re.Match[str]]) -> str:
    """The sentence of `text` (of its `sentences`) that holds `start`."""
    for match in sentences:
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


def _in_table(figure: Figure, zh: str, headers: CellHeaders | None) -> tuple[Figure, str]:
    """A table cell's number counted in the unit its column header states (2313.0 under
    绝对数（亿元） is 2313.0亿元), and the unit as the table writes it; other figures as read."""
    unit = _ZH_NUMBER_PART.sub("", figure.text).removesuffix("以上")
    bare = figure.text == zh.strip() and not unit
    if headers is None or not headers.unit or not bare:
        return figure, unit
    counted = extract_zh(figure.text + headers.unit)[0]
    unit = _ZH_NUMBER_PART.sub("", counted.text)
    return replace(counted, text=figure.text, start=figure.start), unit


def _terms(figure: Figure) -> str:
    return ":".join(number(t) for t in figure.terms) if figure.kind is Kind.RATIO else ""


def _suggested(zh: str, figure: Figure, headers: CellHeaders | None) -> str:
    """What the figure counts in the text's words: a table cell's headers, else the words of
    its clause, else the clause itself (never empty: an editor corrects words more easily than
    they fill a blank)."""
    if headers is not None and headers.label:
        return headers.label
    return suggest_label(zh, figure.start, figure.end) or clause_label(zh, figure.start, figure.end)


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
    section_zh = plain_text(page.title.text)
    section_en = plain_text(english.text(page.title).text)
    if english.text(page.title).state is State.MISSING:
        section_en = ""
    rows: list[KeyFigure] = []
    on_page = [named for named in labels if named.figure.page == page.slug]
    for block in page.blocks:
        for n, segment in enumerate(block.segments):
            headers = cell_headers(block, n)
            zh = plain_text(segment.text)
            translated = english.text(segment)
            en = (
                plain_text(translated.text)
                if translated.state in (State.REVIEWED, State.MACHINE)
                else ""
            )
            # A table's header cells name figures; dates and ordinals say when or which, not
            # how much.
            read_zh = [] if is_header_cell(block, n) else extract_zh(zh)
            zh_figures = [read for read in read_zh if read.kind not in POINTS]
            # The English is read only where there are figures to pair it with.
            en_figures = extract_en(en) if en and zh_figures else []
            # The segment's sentences, found once for all its figures.
            zh_sentences = list(_ZH_SENTENCE.finditer(zh)) if zh_figures else []
            en_sentences = list(_EN_SENTENCE.finditer(en)) if en_figures else []
            used: set[int] = set()
            for read in zh_figures:
                figure, unit = _in_table(read, zh, headers)
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
                        section_zh=section_zh,
                        section_en=section_en,
                        value=_number(figure.value),
                        second=_number(figure.second),
                        kind=figure.kind.value,
                        qualifier=figure.qualifier.value,
                        unit_zh=unit,
                        text_zh=figure.text,
                        text_en=match.text if match else "",
                        reading_en=figure.reading(),
                        sentence_zh=_sentence(zh, figure.start, zh_sentences),
                        sentence_en=_sentence(en, match.start, en_sentences) if match else "",
                        stated=stated,
                        multiplier=multiplier,
                        label=named.label if named else None,
                        suggested_label=_suggested(zh, figure, headers),
                        measure=figure.unit,
                        currency=figure.currency,
                        omitted=named is not None and named.omit,
                        start=figure.start,
                        terms=_terms(figure),
                        headers=(headers.row, headers.column) if headers else (),
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
