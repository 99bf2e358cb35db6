"""Figures of an English text: digits and spelled numbers with scales, units, qualifiers,
money, dates and ranges."""

from __future__ import annotations

import re
from dataclasses import replace
from decimal import Decimal

from generator.figures.model import MONTH_NAMES, POINTS, Figure, Kind, Qualifier, decimal_of

_EN_NUMBER = r"\d{1,3}(?:,\d{3})+(?:\.\d+)?|\d+(?:\.\d+)?"
_ONES = (
    "zero one two three four five six seven eight nine ten eleven twelve thirteen fourteen "
    "fifteen sixteen seventeen eighteen nineteen twenty"
)
_TENS = "thirty forty fifty sixty seventy eighty ninety"
_SPELLED = {word: i for i, word in enumerate(re.findall(r"\w+", _ONES))}
_SPELLED |= {word: 10 * i for i, word in enumerate(re.findall(r"\w+", _TENS), 3)}
_NTHS = (
    "first second third fourth fifth sixth seventh eighth ninth tenth eleventh twelfth "
    "thirteenth fourteenth fifteenth sixteenth seventeenth eighteenth nineteenth twentieth"
)
_SPELLED_ORDINALS = {word: i for i, word in enumerate(re.findall(r"\w+", _NTHS), 1)}
_MONTH = "|".join(MONTH_NAMES)
_EN_DATE = re.compile(
    rf"\b(?P<m1>{_MONTH})\b(?:\s+(?P<d1>\d{{1,2}})(?:st|nd|rd|th)?\b(?![,.]?\d))?"
    rf"|\b(?P<d2>\d{{1,2}})(?:st|nd|rd|th)?\s+(?:of\s+)?(?P<m2>{_MONTH})\b"
)
_EN_MONEY = re.compile(
    rf"(?:\b(?:CNY|RMB)|[¥￥])\s?(?P<a>{_EN_NUMBER})(?:\s(?P<sa>million|billion|trillion|thousand)\b)?"
    rf"|(?<![\w.])(?P<b>{_EN_NUMBER})(?:\s(?P<sb>million|billion|trillion|thousand))?"
    r"\s(?:yuan|CNY|RMB)\b"
)
_EN_FIGURE = re.compile(
    rf"(?<![\w.,])(?<![A-Za-z]-)(?P<num>{_EN_NUMBER})"
    r"(?!\d|[.,]\d|(?!(?:st|nd|rd|th)\b)[A-Za-z])"
    rf"|\b(?P<word>{'|'.join(_SPELLED)})\b|\b(?P<nth>{'|'.join(_SPELLED_ORDINALS)})\b",
    re.IGNORECASE,
)
_SCALES = {
    "thousand": Decimal(10) ** 3,
    "million": Decimal(10) ** 6,
    "billion": Decimal(10) ** 9,
    "trillion": Decimal(10) ** 12,
}
_SCALE_WORDS = "thousand|million|billion|trillion"
_EN_NUMBER_AT = re.compile(_EN_NUMBER)
_EN_SCALE = re.compile(rf"\s?-?\s?({_SCALE_WORDS})\b")
# The first term of a range takes the unit and scale written after the second only: 1.5-2
# million, 3 to 5 percent, 5-10 times.
_EN_RANGE = re.compile(rf"\s*(?:-|–|—|to)\s*(?={_EN_NUMBER})", re.IGNORECASE)
_EN_UNITS: tuple[tuple[re.Pattern[str], Kind], ...] = (
    (re.compile(r"\s?[:：]\s?(\d+(?:\.\d+)?)"), Kind.RATIO),
    (re.compile(r"(?:st|nd|rd|th)\b"), Kind.ORDINAL),
    (re.compile(r"\s(?:percentage|percent)\s?points?\b|\s?pp\b|\s?p\.p\."), Kind.PERCENTAGE_POINT),
    (re.compile(r"\s?%|\s(?:percent|per cent)\b"), Kind.PERCENT),
    (re.compile(r"\s?‰|\sper\s(?:mille|mil|thousand)\b"), Kind.PERMILLE),
    (re.compile(r"\s(?:times|fold)\b|-fold\b"), Kind.TIMES),
)
_EN_BEFORE = re.compile(
    r"\b(?P<q>more than|over|above|in excess of|upwards of|at least|greater than|exceeding"
    r"|nearly|almost|close to|just under|about|around|approximately|roughly|some|an estimated"
    r"|less than|fewer than|no more than|up to)\s+$",
    re.IGNORECASE,
)
_EN_AFTER = re.compile(
    r"\s*(?:(?:or|and)\s+(?P<more>more|above|over|higher|greater)\b"
    r"|(?P<plus>\+(?![\w+])|-?plus\b|-odd\b)"
    r"|(?:or|and)\s+(?P<less>less|fewer|below|under|lower)\b|(?P<so>\s*or so)\b)",
    re.IGNORECASE,
)
_EN_AFTER_QUALIFIERS = {
    "more": Qualifier.MORE_THAN,
    "plus": Qualifier.MORE_THAN,
    "less": Qualifier.LESS_THAN,
    "so": Qualifier.ABOUT,
}
_EN_QUALIFIERS = {
    "nearly": Qualifier.NEARLY,
    "almost": Qualifier.NEARLY,
    "close to": Qualifier.NEARLY,
    "just under": Qualifier.NEARLY,
    "about": Qualifier.ABOUT,
    "around": Qualifier.ABOUT,
    "approximately": Qualifier.ABOUT,
    "roughly": Qualifier.ABOUT,
    "some": Qualifier.ABOUT,
    "an estimated": Qualifier.ABOUT,
    "less than": Qualifier.LESS_THAN,
    "fewer than": Qualifier.LESS_THAN,
    "no more than": Qualifier.LESS_THAN,
    "up to": Qualifier.LESS_THAN,
}


def extract_en(text: str) -> list[Figure]:
    """The figures of an English text, in order."""
    found: list[Figure] = []
    taken: list[tuple[int, int]] = []

    def free(start: int, end: int) -> bool:
        return all(end <= a or start >= b for a, b in taken)

    def add(figure: Figure) -> None:
        if free(figure.start, figure.end):
            found.append(_en_qualified(text, figure))
            taken.append((figure.start, figure.end))

    for match in _EN_DATE.finditer(text):
        for month, day in (("m1", "d1"), ("m2", "d2")):
            if match[month]:
                add(
                    _en_span(
                        text, match.span(month), MONTH_NAMES.index(match[month]) + 1, Kind.MONTH
                    )
                )
            if match[day]:
                add(_en_span(text, match.span(day), int(match[day]), Kind.DAY))
    for match in _EN_MONEY.finditer(text):
        digits, scale = (match["a"], match["sa"]) if match["a"] else (match["b"], match["sb"])
        if match["a"] and not scale:  # CNY 1.5-2 billion
            scale, _ = _en_range_end(text, match.end())
        value = decimal_of(digits) * _SCALES.get(scale or "", Decimal(1))
        add(Figure(value, Kind.MONEY, text=match.group(), start=match.start()))
        link = _EN_RANGE.match(text, match.end()) if match["a"] else None
        second = _EN_NUMBER_AT.match(text, link.end()) if link else None
        if second is not None:  # CNY 150-200 million: the second term is money too
            own = _EN_SCALE.match(text, second.end())
            value = decimal_of(second.group()) * _SCALES.get(
                own.group(1) if own else "", Decimal(1)
            )
            span = text[second.start() : own.end() if own else second.end()]
            add(Figure(value, Kind.MONEY, text=span, start=second.start()))
    for match in _EN_FIGURE.finditer(text):
        if free(*match.span()):
            add(_en_number(text, match))
    return sorted(found, key=lambda f: f.start)


def _en_span(text: str, span: tuple[int, int], value: int, kind: Kind) -> Figure:
    return Figure(Decimal(value), kind, text=text[span[0] : span[1]], start=span[0])


def _en_number(text: str, match: re.Match[str]) -> Figure:
    if match["nth"]:
        value = Decimal(_SPELLED_ORDINALS[match["nth"].lower()])
        return Figure(value, Kind.ORDINAL, text=match["nth"], start=match.start(), spelled=True)
    spelled = match["word"] is not None
    value = Decimal(_SPELLED[match["word"].lower()]) if spelled else decimal_of(match["num"])
    start, end = match.span()
    scale = _EN_SCALE.match(text, end)
    if scale:
        value, end = value * _SCALES[scale.group(1)], scale.end()
    kind, second, unit_end = _en_unit(text, end, spelled)
    if kind is Kind.COUNT and not scale and not spelled:
        shared_scale, shared_kind = _en_range_end(text, end)
        value *= _SCALES.get(shared_scale or "", Decimal(1))
        kind = shared_kind
    else:
        end = unit_end
    plain_year = (
        not spelled and not scale and kind is Kind.COUNT and not re.search(r"[,.]", match["num"])
    )
    if kind is Kind.COUNT and plain_year and len(match["num"]) == 4 and 1900 <= value <= 2100:
        kind = Kind.YEAR
    return Figure(value, kind, text=text[start:end], start=start, second=second, spelled=spelled)


def _en_unit(text: str, end: int, spelled: bool) -> tuple[Kind, Decimal | None, int]:
    """The kind the unit written at `end` gives, a ratio's second term, and where it ends."""
    for pattern, unit_kind in _EN_UNITS:
        unit = pattern.match(text, end)
        if unit and not (spelled and unit_kind in (Kind.RATIO, Kind.ORDINAL)):
            second = Decimal(unit.group(1)) if unit_kind is Kind.RATIO else None
            return unit_kind, second, unit.end()
    return Kind.COUNT, None, end


_RANGE_KINDS = frozenset(
    {Kind.PERCENT, Kind.PERCENTAGE_POINT, Kind.PERMILLE, Kind.TIMES, Kind.MONEY}
)


def _en_range_end(text: str, end: int) -> tuple[str | None, Kind]:
    """The scale and kind after the second term of a range that starts at `end`, if any."""
    link = _EN_RANGE.match(text, end)
    second = _EN_NUMBER_AT.match(text, link.end()) if link else None
    if second is None:
        return None, Kind.COUNT
    after = second.end()
    scale = _EN_SCALE.match(text, after)
    after = scale.end() if scale else after
    kind, _, _ = _en_unit(text, after, spelled=False)
    if _EN_MONEY_UNIT.match(text, after):
        kind = Kind.MONEY
    return (scale.group(1) if scale else None), (kind if kind in _RANGE_KINDS else Kind.COUNT)


_EN_MONEY_UNIT = re.compile(r"\s(?:yuan|CNY|RMB)\b")


def _en_qualified(text: str, figure: Figure) -> Figure:
    """The figure with the qualifier written before it (more than 2,240) or after it (98% or
    above), which then belongs to its span."""
    if figure.kind in POINTS:
        return figure
    before = _EN_BEFORE.search(text, max(figure.start - 30, 0), figure.start)
    if before:
        qualifier = _EN_QUALIFIERS.get(before["q"].lower(), Qualifier.MORE_THAN)
        start = before.start()
        return replace(figure, qualifier=qualifier, text=text[start : figure.end], start=start)
    after = _EN_AFTER.match(text, figure.end)
    if after and after.lastgroup:
        qualifier = _EN_AFTER_QUALIFIERS[after.lastgroup]
        return replace(figure, qualifier=qualifier, text=text[figure.start : after.end()])
    return figure
