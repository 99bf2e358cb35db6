"""Figures of an English text: digits and spelled numbers with scales, units, qualifiers,
money, dates and ranges."""

from __future__ import annotations

import re
from collections.abc import Iterable
from dataclasses import replace
from decimal import Decimal

from generator.figures.model import (
    MONTH_NAMES,
    POINTS,
    Figure,
    Kind,
    Qualifier,
    decimal_of,
    starting_with,
)
from generator.figures.notes import EN_NOTE_MARKS, mask_notes
from generator.figures.units import en_unit_at

# Digits, grouped by commas or (Hong Kong, Macao) by spaces: 77 100.
_EN_NUMBER = r"\d{1,3}(?:,\d{3})+(?:\.\d+)?|\d{1,3}(?: \d{3})+(?![\d.,])|\d+(?:\.\d+)?"
_ONES = (
    "zero one two three four five six seven eight nine ten eleven twelve thirteen fourteen "
    "fifteen sixteen seventeen eighteen nineteen twenty"
)
_TENS = "thirty forty fifty sixty seventy eighty ninety"
_SPELLED = {word: i for i, word in enumerate(re.findall(r"\w+", _ONES))}
_SPELLED |= {word: 10 * i for i, word in enumerate(re.findall(r"\w+", _TENS), 3)}
_SPELLED |= {"dozen": 12, "decade": 10}
# Multiples in words: "doubled" for 翻一番.
_MULTIPLES = {"doubled": 2, "double": 2, "twofold": 2, "tripled": 3, "threefold": 3}
_MULTIPLES |= {"quadrupled": 4, "fourfold": 4}
_NTHS = (
    "first second third fourth fifth sixth seventh eighth ninth tenth eleventh twelfth "
    "thirteenth fourteenth fifteenth sixteenth seventeenth eighteenth nineteenth twentieth"
)
_SPELLED_ORDINALS = {word: i for i, word in enumerate(re.findall(r"\w+", _NTHS), 1)}


def _initials(words: list[str] | dict[str, int]) -> str:
    """The first letters of `words`, for a character class."""
    return "".join(sorted({word[0] for word in words}))


def _any_word(words: Iterable[str]) -> str:
    """A pattern for any of `words`, as a tree of their letters (ten|thirteen|thirty →
    t(?:en|hirt(?:een|y))): tried a letter at a time, where an alternation tries each word in
    turn. Between word boundaries, as here, it matches the whole words an alternation does."""
    rests: dict[str, list[str]] = {}
    for word in sorted(set(words)):
        rests.setdefault(word[:1], []).append(word[1:])
    ended = rests.pop("", None) is not None
    branches = [re.escape(first) + _any_word(rest) for first, rest in rests.items()]
    if len(branches) == 1 and not ended:
        return branches[0]
    return f"(?:{'|'.join(branches)})" + ("?" if ended else "") if branches else ""


_MONTH = "|".join(MONTH_NAMES)
# Each starts at a word's start, with a month's name or a digit.
_EN_DATE = starting_with(
    rf"\b[\d{_initials(MONTH_NAMES)}]",
    rf"\b(?P<m1>{_MONTH})\b(?:\s+(?P<d1>\d{{1,2}})(?:st|nd|rd|th)?\b(?![,.]?\d))?"
    rf"|\b(?P<d2>\d{{1,2}})(?:st|nd|rd|th)?\s+(?:of\s+)?(?P<m2>{_MONTH})\b",
)
_WORD_NUMBERS = _any_word(_SPELLED)
# Money: a currency before the amount (CNY 5 billion, $17.5 trillion, HK$2 billion) or after it
# (5 billion yuan, one trillion yuan, 18 trillion US dollars).
# Each starts with a currency's sign (US$, HK$, MOP$, ¥, $), or at a word's start with a
# currency's code, a digit or a number word.
_EN_MONEY = starting_with(
    rf"[UHM¥￥$]|\b(?:[\dCRE]|(?i:[{_initials(_SPELLED)}]))",
    rf"(?:\b(?P<pc>CNY|RMB|USD|HKD|MOP|EUR)\b|(?P<ps>US\$|HK\$|MOP\$|[¥￥$]))\s?"
    rf"(?P<a>{_EN_NUMBER})(?:\s(?P<sa>million|billion|trillion|thousand)\b)?"
    rf"|(?<![\w.])(?P<b>{_EN_NUMBER}|(?i:{_WORD_NUMBERS})\b)"
    r"(?:\s(?P<sb>million|billion|trillion|thousand))?"
    r"\s(?P<sc>yuan|CNY|RMB|(?:US |U\.S\. |Hong Kong |HK )?dollars|patacas|euros)\b",
)
_CURRENCIES = {"yuan": "", "cny": "", "rmb": "", "¥": "", "￥": "", "$": "$", "dollars": "$"}
_CURRENCIES |= {"usd": "USD", "us$": "USD", "us dollars": "USD", "u.s. dollars": "USD"}
_CURRENCIES |= {"hkd": "HKD", "hk$": "HKD", "hk dollars": "HKD", "hong kong dollars": "HKD"}
_CURRENCIES |= {"mop": "MOP", "mop$": "MOP", "patacas": "MOP", "eur": "EUR", "euros": "EUR"}
# Each starts at a word's start, with a digit or a number word.
_EN_FIGURE = starting_with(
    rf"\b[\d{_initials([*_SPELLED, *_SPELLED_ORDINALS, *_MULTIPLES])}]",
    rf"(?<![\w.,])(?<![A-Za-z]-)(?P<num>{_EN_NUMBER})"
    r"(?!\d|[.,]\d|(?!(?:st|nd|rd|th)\b)[A-Za-z])"
    rf"|\b(?P<word>{_WORD_NUMBERS})\b|\b(?P<nth>{_any_word(_SPELLED_ORDINALS)})\b"
    rf"|\b(?P<times>{_any_word(_MULTIPLES)})\b",
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
    # A ratio of two terms or more: 4.36:1, 13.2:32.3:54.5.
    (re.compile(r"(?:\s?[:：∶]\s?\d+(?:\.\d+)?)+"), Kind.RATIO),
    (re.compile(r"(?:st|nd|rd|th)\b"), Kind.ORDINAL),
    (re.compile(r"\s(?:percentage|percent)\s?points?\b|\s?pp\b|\s?p\.p\."), Kind.PERCENTAGE_POINT),
    (re.compile(r"\s?%|\s(?:percent|per cent)\b|-percent\b"), Kind.PERCENT),
    (re.compile(r"\s?‰|\sper\s(?:mille|mil|thousand)\b"), Kind.PERMILLE),
    (re.compile(r"\s(?:times|fold)\b|-fold\b"), Kind.TIMES),
)
# Qualifiers official English writes before a figure, prepositions and verbs alike: "exceeded
# 40 trillion yuan", "below 5.3%", "topped", "upwards of", "passed the 13 million mark".
_EN_BEFORE = re.compile(
    r"\b(?P<q>more than|over|above|in excess of|upwards of|at least|no less than|greater than"
    r"|exceeding|exceeded|exceeds?|surpass(?:ed|ing|es)?|topp(?:ed|ing)|tops?"
    r"|(?:passed|passing|crossed|crossing|broke|breaking) the"
    r"|nearly|almost|close to|just under|about|around|approximately|roughly|some|an estimated"
    r"|less than|fewer than|no more than|not more than|not exceeding|at most|up to|below|under"
    r"|within)\s+(?:the\s+)?$",
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
    "not more than": Qualifier.LESS_THAN,
    "not exceeding": Qualifier.LESS_THAN,
    "at most": Qualifier.LESS_THAN,
    "below": Qualifier.LESS_THAN,
    "under": Qualifier.LESS_THAN,
    "within": Qualifier.LESS_THAN,
}
# English that names the year a Chinese year is ("this year" for 2022年), and an aside: a
# figure restated in parentheses in another unit or currency.
RELATIVE_YEAR = re.compile(
    r"\b(?:this|last|next|that|the same|the previous|the past|the) year\b|\byear[- ]on[- ]year\b",
    re.IGNORECASE,
)
_EN_ASIDE = re.compile(
    r"^\s*\((?:about|around|approximately|roughly|some|or|nearly|close to)?\s*$", re.IGNORECASE
)


def extract_en(text: str) -> list[Figure]:
    """The figures of an English text, in order. Note markers and caption numbers ([2], Note 1,
    Table 1) are none."""
    text = mask_notes(text, EN_NOTE_MARKS)
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
        for figure in _en_money(text, match):
            add(figure)
    for match in _EN_FIGURE.finditer(text):
        if free(*match.span()):
            add(_en_number(text, match))
    return _asides(text, sorted(found, key=lambda f: f.start))


def _asides(text: str, figures: list[Figure]) -> list[Figure]:
    """Figures restated in parentheses after another, marked: 121 trillion yuan (about $17.5
    trillion), 400 million mu (about 26.67 million hectares)."""
    marked: list[Figure] = []
    for figure in figures:
        previous = marked[-1] if marked else None
        if previous is not None and _EN_ASIDE.match(text[previous.end : figure.start]):
            figure = replace(figure, aside=True)
        marked.append(figure)
    return marked


def _step(digits: str, scale: Decimal) -> Decimal:
    """The rounding a number as written shows: 99.09 trillion → 0.01 trillion."""
    decimals = len(digits.partition(".")[2])
    return Decimal(1).scaleb(-decimals) * scale


def _en_money(text: str, match: re.Match[str]) -> list[Figure]:
    digits, scale = (match["a"], match["sa"]) if match["a"] else (match["b"], match["sb"])
    mark = (match["pc"] or match["ps"] or match["sc"] or "").lower()
    currency = _CURRENCIES.get(re.sub(r"\s+", " ", mark), "$")
    if match["a"] and not scale:  # CNY 1.5-2 billion
        scale, _ = _en_range_end(text, match.end())
    factor = _SCALES.get(scale or "", Decimal(1))
    spelled = digits.lower() in _SPELLED
    value = Decimal(_SPELLED[digits.lower()]) if spelled else decimal_of(digits)
    step = None if spelled else _step(digits, factor)
    money = [
        Figure(
            value * factor,
            Kind.MONEY,
            text=match.group(),
            start=match.start(),
            currency=currency,
            step=step,
            spelled=spelled,
        )
    ]
    link = _EN_RANGE.match(text, match.end()) if match["a"] else None
    second = _EN_NUMBER_AT.match(text, link.end()) if link else None
    if second is not None:  # CNY 150-200 million: the second term is money too
        own = _EN_SCALE.match(text, second.end())
        factor = _SCALES.get(own.group(1) if own else "", Decimal(1))
        span = text[second.start() : own.end() if own else second.end()]
        value = decimal_of(second.group()) * factor
        step = _step(second.group(), factor)
        money.append(
            Figure(value, Kind.MONEY, text=span, start=second.start(), currency=currency, step=step)
        )
    return money


def _en_span(text: str, span: tuple[int, int], value: int, kind: Kind) -> Figure:
    return Figure(Decimal(value), kind, text=text[span[0] : span[1]], start=span[0])


def _en_number(text: str, match: re.Match[str]) -> Figure:
    if match["nth"]:
        value = Decimal(_SPELLED_ORDINALS[match["nth"].lower()])
        return Figure(value, Kind.ORDINAL, text=match["nth"], start=match.start(), spelled=True)
    if match["times"]:
        value = Decimal(_MULTIPLES[match["times"].lower()])
        return Figure(value, Kind.TIMES, text=match["times"], start=match.start(), spelled=True)
    spelled = match["word"] is not None
    value = Decimal(_SPELLED[match["word"].lower()]) if spelled else decimal_of(match["num"])
    start, end = match.span()
    scale = _EN_SCALE.match(text, end)
    factor = _SCALES[scale.group(1)] if scale else Decimal(1)
    value, end = value * factor, scale.end() if scale else end
    kind, terms, unit_end = _en_unit(text, end, spelled)
    measure = en_unit_at(text, end) if kind is Kind.COUNT else None
    if measure is not None:
        end = measure[1]
    elif kind is Kind.COUNT and not spelled:
        # 1.5-2 million, 3 to 5 percent, from 54 trillion to 82.7 trillion yuan: the first term
        # takes the scale and unit written after the second.
        shared_scale, kind = _en_range_end(text, end)
        if not scale:
            value *= _SCALES.get(shared_scale or "", Decimal(1))
            factor = _SCALES.get(shared_scale or "", Decimal(1))
    else:
        end = unit_end
    plain_year = (
        not spelled and not scale and kind is Kind.COUNT and not re.search(r"[,. ]", match["num"])
    )
    if kind is Kind.COUNT and plain_year and len(match["num"]) == 4 and 1900 <= value <= 2100:
        kind = Kind.YEAR
    step = None if spelled else _step(match["num"], factor)
    return Figure(
        value,
        kind,
        text=text[start:end],
        start=start,
        second=terms[0] if terms else None,
        rest=terms[1:],
        spelled=spelled,
        unit=measure[0] if measure else "",
        step=step,
    )


def _en_unit(text: str, end: int, spelled: bool) -> tuple[Kind, tuple[Decimal, ...], int]:
    """The kind the unit written at `end` gives, a ratio's terms after its first, and where it
    ends."""
    for pattern, unit_kind in _EN_UNITS:
        unit = pattern.match(text, end)
        if unit and not (spelled and unit_kind in (Kind.RATIO, Kind.ORDINAL)):
            terms = _EN_RATIO_TERM.findall(unit.group()) if unit_kind is Kind.RATIO else []
            return unit_kind, tuple(Decimal(t) for t in terms), unit.end()
    return Kind.COUNT, (), end


_EN_RATIO_TERM = re.compile(r"\d+(?:\.\d+)?")


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
