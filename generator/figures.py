"""Figures: the numbers a report states, as typed facts with exact values, read from the Chinese
and from the English, and compared.

A wrong number is the worst error an official report's translation can have and the easiest to
overlook, because 5.79万 and 57,900 look nothing alike. So each figure is reduced to what it
claims: an exact value (a `Decimal`, never a float: 3771.55万元 is exactly 37,715,500 yuan), a
kind (a count is not a percentage, and a percentage is not a percentage point) and a qualifier
(近3.2万 says "nearly"; an English "32,000" without it claims more than the Chinese does).

In Chinese, figures are the numbers written in Arabic digits (half- or full-width). Numbers in
Chinese numerals are mostly parts of names (十三五, 第十二届, 两个覆盖) and are not figures; the
English may still write them in digits (13th, 12th), so `compare` tolerates English numbers whose
value the Chinese spells in numerals. Digits that belong to a code (COVID-19, 5G) are no figures.
"""

from __future__ import annotations

import re
from collections.abc import Callable, Set
from dataclasses import dataclass, replace
from decimal import Decimal
from enum import StrEnum


class Kind(StrEnum):
    COUNT = "count"
    PERCENT = "percent"
    PERMILLE = "permille"
    PERCENTAGE_POINT = "percentage_point"
    RATIO = "ratio"  # both terms kept: 4.36:1
    TIMES = "times"  # 1.5倍 · 1.5 times
    MONEY = "money"  # in yuan (CNY)
    YEAR = "year"
    MONTH = "month"
    DAY = "day"  # of the month
    ORDINAL = "ordinal"


class Qualifier(StrEnum):
    EXACT = "exact"
    MORE_THAN = "more_than"  # 多 余 超过 以上 · more than, over, above, or more
    NEARLY = "nearly"  # 近 将近 接近 · nearly, almost, close to
    ABOUT = "about"  # 约 左右 · about, around, approximately
    LESS_THAN = "less_than"  # 不到 不足 以下 · less than, fewer than, or below


# Dates and ordinals name a point, not an amount: in "up 67% over 2019", "over" is no qualifier.
POINTS = frozenset({Kind.YEAR, Kind.MONTH, Kind.DAY, Kind.ORDINAL})
MONTHS = "January February March April May June July August September October November December"
MONTH_NAMES = MONTHS.split()
_WORDS = {
    Qualifier.MORE_THAN: "more than",
    Qualifier.NEARLY: "nearly",
    Qualifier.ABOUT: "about",
    Qualifier.LESS_THAN: "less than",
}


@dataclass(frozen=True)
class Figure:
    """One stated figure. `text` is the span as written (qualifier and unit included), `start`
    its offset in the segment, `second` a ratio's second term. `spelled` marks English numbers
    written in words ("three"): they may state a Chinese figure, but are never reported as
    extra, since they mostly render Chinese numerals (三年 → three years)."""

    value: Decimal
    kind: Kind
    qualifier: Qualifier = Qualifier.EXACT
    text: str = ""
    start: int = 0
    second: Decimal | None = None
    spelled: bool = False

    @property
    def end(self) -> int:
        return self.start + len(self.text)

    def reading(self) -> str:
        """The figure in canonical English, as messages show it: "nearly 32,000"."""
        value = self.value
        if self.kind is Kind.YEAR:
            return f"{value.normalize():f}"
        if self.kind is Kind.MONTH and value in range(1, 13):
            return MONTH_NAMES[int(value) - 1]
        shown = {
            Kind.DAY: f"day {number(value)}",
            Kind.ORDINAL: f"{number(value)}{_ordinal_suffix(value)}",
            Kind.RATIO: f"{number(value)}:{number(self.second or Decimal(1))}",
            Kind.PERCENT: f"{number(value)}%",
            Kind.PERMILLE: f"{number(value)}‰",
            Kind.PERCENTAGE_POINT: f"{number(value)} percentage points",
            Kind.TIMES: f"{number(value)} times",
            Kind.MONEY: f"CNY {number(value)}",
        }.get(self.kind, number(value))
        word = _WORDS.get(self.qualifier)
        return f"{word} {shown}" if word and self.kind not in POINTS else shown

    def same_value(self, other: Figure) -> bool:
        return self.value == other.value and (self.second or 1) == (other.second or 1)

    def same_qualifier(self, other: Figure) -> bool:
        return self.kind in POINTS or self.qualifier is other.qualifier


def number(value: Decimal) -> str:
    """A number as English writes it: thousands separated by commas, no trailing zeros."""
    if value == value.to_integral_value():
        return f"{int(value):,}"
    return f"{value.normalize():,f}"


def _ordinal_suffix(value: Decimal) -> str:
    n = int(value)
    return "th" if 10 <= n % 100 <= 20 else {1: "st", 2: "nd", 3: "rd"}.get(n % 10, "th")


def _decimal(digits: str) -> Decimal:
    return Decimal(digits.replace(",", ""))


# ---------------------------------------------------------------------------------------------
# Chinese

_FULL_WIDTH = str.maketrans("０１２３４５６７８９．，％：", "0123456789.,%:")
_ZH_NUMBER = re.compile(
    r"(?<![A-Za-z0-9.])(?<![A-Za-z]-)\d+(?:,\d{3})*(?:\.\d+)?(?![A-Za-z\d]|\.\d|-?[A-Za-z])"
)
_ZH_MULTIPLIERS = {
    "万亿": Decimal(10) ** 12,
    "千万": Decimal(10) ** 7,
    "百万": Decimal(10) ** 6,
    "亿": Decimal(10) ** 8,
    "万": Decimal(10) ** 4,
    "千": Decimal(10) ** 3,
}
_ZH_TAIL = re.compile(
    r"(?P<more1>多|余(?!杭))?(?P<mult>万亿|千万|百万|亿|万|千)?(?P<more2>多|余(?!杭))?"
    r"(?P<unit>个百分点|百分点|%|‰|元|倍|年度|年|月|日)?"
)
_ZH_RATIO = re.compile(r"\s*[:：]\s*(\d+(?:\.\d+)?)")
# A range writes the multiplier and unit once, after its second term: 1-9月, 10—15万元, 3至5年.
_ZH_RANGE = re.compile(r"\s*(?:-|—|–|~|～|至|到)\s*(?=\d)")
_ZH_COUNTERS = re.compile(
    r"人次|小时|分钟|平方米|公里|[个所名人次家项节门件场位座辆台张本篇批届期类种份套处条支队间级岁天周亩册米吨户元倍]"
)
_ZH_BEFORE = re.compile(
    r"(?:将近|接近|超过|大约|不到|不足|逾|(?<![最附就邻])近|(?<![节制预签契])约|超)$"
)
_ZH_AFTER = re.compile(r"以上|以下|左右")
_ZH_QUALIFIERS = {
    "多": Qualifier.MORE_THAN,
    "余": Qualifier.MORE_THAN,
    "超过": Qualifier.MORE_THAN,
    "超": Qualifier.MORE_THAN,
    "逾": Qualifier.MORE_THAN,
    "以上": Qualifier.MORE_THAN,
    "近": Qualifier.NEARLY,
    "将近": Qualifier.NEARLY,
    "接近": Qualifier.NEARLY,
    "约": Qualifier.ABOUT,
    "大约": Qualifier.ABOUT,
    "左右": Qualifier.ABOUT,
    "不到": Qualifier.LESS_THAN,
    "不足": Qualifier.LESS_THAN,
    "以下": Qualifier.LESS_THAN,
}


def extract_zh(text: str) -> list[Figure]:
    """The figures of a Chinese text, in order."""
    plain = text.translate(_FULL_WIDTH)  # same length, so offsets hold for `text`
    figures: list[Figure] = []
    for match in _ZH_NUMBER.finditer(plain):
        start, end = match.span()
        if figures and start < figures[-1].end:
            continue  # the second term of a ratio
        value = _decimal(match.group())
        kind = Kind.COUNT
        qualifier = Qualifier.EXACT
        second: Decimal | None = None
        ordinal = plain[start - 1 : start] == "第"
        ratio = _ZH_RATIO.match(plain, end)
        if ratio:
            kind, second, end = Kind.RATIO, Decimal(ratio.group(1)), ratio.end()
        else:
            tail = _ZH_TAIL.match(plain, end)
            assert tail is not None  # every part of it is optional
            if tail["more1"] or tail["more2"]:
                qualifier = Qualifier.MORE_THAN
            end = tail.end()
            counter = None if tail["unit"] else _ZH_COUNTERS.match(plain, end)
            mult, unit = tail["mult"], tail["unit"]
            if not (unit or counter):
                shared_mult, unit = _zh_range_end(plain, end)
                mult = mult or shared_mult
            value *= _ZH_MULTIPLIERS.get(mult or "", Decimal(1))
            plain_number = not (mult or qualifier is Qualifier.MORE_THAN or counter)
            kind = _zh_kind(value, unit or "", plain_number)
            if counter:
                end = counter.end()
        if ordinal and kind is Kind.COUNT:
            kind, start = Kind.ORDINAL, start - 1
        after = _ZH_AFTER.match(plain, end)
        before = _ZH_BEFORE.search(plain, max(start - 2, 0), start)
        if kind not in POINTS and after:
            qualifier, end = _ZH_QUALIFIERS[after.group()], after.end()
        if kind not in POINTS and before:
            qualifier, start = _ZH_QUALIFIERS[before.group()], before.start()
        figures.append(Figure(value, kind, qualifier, text[start:end], start, second))
    return figures


def _zh_range_end(plain: str, end: int) -> tuple[str | None, str | None]:
    """The multiplier and unit after the second term of a range that starts at `end`, if any."""
    link = _ZH_RANGE.match(plain, end)
    second = _ZH_NUMBER.match(plain, link.end()) if link else None
    if second is None:
        return None, None
    tail = _ZH_TAIL.match(plain, second.end())
    assert tail is not None
    return tail["mult"], tail["unit"]


def _zh_kind(value: Decimal, unit: str, plain_number: bool) -> Kind:
    """The kind a unit gives; a plain whole number before 年, 月 or 日 is a date, and a bare
    four-digit number of the last two centuries (2020, as in 2020工作要点) a year."""
    simple = {"%": Kind.PERCENT, "‰": Kind.PERMILLE, "元": Kind.MONEY, "倍": Kind.TIMES}
    if unit in ("个百分点", "百分点"):
        return Kind.PERCENTAGE_POINT
    if unit in simple:
        return simple[unit]
    if not plain_number or value != value.to_integral_value():
        return Kind.COUNT
    dates = {"年": (1000, 2999, Kind.YEAR), "年度": (1000, 2999, Kind.YEAR)}
    dates |= {"月": (1, 12, Kind.MONTH), "日": (1, 31, Kind.DAY), "": (1900, 2100, Kind.YEAR)}
    low, high, kind = dates[unit]
    return kind if low <= value <= high else Kind.COUNT


_NUMERAL_DIGITS = dict(
    zip("零〇一二两三四五六七八九", (0, 0, 1, 2, 2, 3, 4, 5, 6, 7, 8, 9), strict=True)
)
_NUMERAL_UNITS = {"十": 10, "百": 100, "千": 1000, "万": 10000}
_NUMERALS = re.compile(f"[{''.join(_NUMERAL_DIGITS)}{''.join(_NUMERAL_UNITS)}]+")


def zh_numeral_values(text: str) -> set[Decimal]:
    """Every value the Chinese writes in numerals, any part of a run included (十三五 gives 13,
    3, 5 and 10), so that English digits rendering them (13th Five-Year Plan) are not extra."""
    values: set[Decimal] = set()
    for run in _NUMERALS.findall(text):
        for i in range(len(run)):
            for j in range(i + 1, len(run) + 1):
                parsed = _parse_numeral(run[i:j])
                if parsed is not None:
                    values.add(Decimal(parsed))
    return values


def _parse_numeral(run: str) -> int | None:
    """十三 → 13, 一百二十 → 120, 三万 → 30000, 二〇二〇 → 2020; None if `run` is no number."""
    if all(ch in _NUMERAL_DIGITS for ch in run):  # read digit by digit
        return int("".join(str(_NUMERAL_DIGITS[ch]) for ch in run))
    total, digit = 0, None
    for ch in run:
        if ch in _NUMERAL_DIGITS:
            if digit is not None:
                return None
            digit = _NUMERAL_DIGITS[ch]
        elif ch == "万":
            total, digit = (total + (digit or 0)) * 10000, None
        else:
            total += (1 if digit is None else digit) * _NUMERAL_UNITS[ch]
            digit = None
    return total + (digit or 0)


# ---------------------------------------------------------------------------------------------
# English

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
        value = _decimal(digits) * _SCALES.get(scale or "", Decimal(1))
        add(Figure(value, Kind.MONEY, text=match.group(), start=match.start()))
        link = _EN_RANGE.match(text, match.end()) if match["a"] else None
        second = _EN_NUMBER_AT.match(text, link.end()) if link else None
        if second is not None:  # CNY 150-200 million: the second term is money too
            own = _EN_SCALE.match(text, second.end())
            value = _decimal(second.group()) * _SCALES.get(own.group(1) if own else "", Decimal(1))
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
    value = Decimal(_SPELLED[match["word"].lower()]) if spelled else _decimal(match["num"])
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


# ---------------------------------------------------------------------------------------------
# Comparison


@dataclass(frozen=True)
class Mismatch:
    """A figure on which the two texts disagree. `zh` and `en` are the figures concerned (one
    may be absent); `message` says what is wrong, in words an editor reads."""

    message: str
    zh: Figure | None = None
    en: Figure | None = None


# A percentage given for a percentage point is the same number in the wrong form.
_CONFUSABLE = frozenset({Kind.PERCENT, Kind.PERCENTAGE_POINT})


def _compatible(zh: Figure, en: Figure) -> bool:
    """Whether `en` may be of the kind of `zh`. An English 2000 without a comma reads as a year,
    but may be a count (2000名 → 2000 students); an English count is never a Chinese year."""
    return zh.kind is en.kind or (zh.kind is Kind.COUNT and en.kind is Kind.YEAR)


def _same_point(zh: Figure, en: Figure) -> bool:
    return zh.same_value(en) and _compatible(zh, en)


def compare(zh: str, en: str) -> list[Mismatch]:
    """What the English gets wrong about the figures of the Chinese: every Chinese figure must be
    stated by the English (value, kind and qualifier), every English figure must come from the
    Chinese. English digits for Chinese numerals (十三五 → 13th) are not extra."""
    return compare_figures(extract_zh(zh), extract_en(en), zh_numeral_values(zh))


def compare_figures(
    zh: list[Figure], en: list[Figure], numerals: Set[Decimal] = frozenset()
) -> list[Mismatch]:
    """Amounts are matched as a multiset (two 3s in the Chinese need two in the English); dates
    as a set, since a translation may name a year once where the Chinese repeats it. A Chinese
    figure left unmatched is paired with the English figure that most likely renders it wrongly,
    so one error gives one message. English words for a value the Chinese writes in numerals
    (四期 → four cohorts) render those numerals and cannot stand for a figure in digits."""
    left = [e for e in en if not (e.spelled and e.value in numerals)]
    unmatched = [z for z in zh if not _take(left, z, lambda a, b: a.kind is b.kind)]
    unmatched = [z for z in unmatched if not _take(left, z, _compatible)]
    mismatches: list[Mismatch] = []
    for figure in unmatched:
        if figure.kind in POINTS and any(_same_point(figure, e) for e in en):
            continue
        options = [e for e in left if not e.spelled and e.value not in numerals]
        candidate = _counterpart(figure, zh, options, en)
        if candidate is None:
            message = f"{figure.text} ({figure.reading()}) is missing from the English"
            mismatches.append(Mismatch(message, figure))
            continue
        left.remove(candidate)
        message = f"{figure.text} is {figure.reading()}, but the English has {candidate.text}"
        mismatches.append(Mismatch(message, figure, candidate))
    for extra in left:
        if extra.spelled or extra.value in numerals:
            continue
        if any(_same_point(z, extra) for z in zh):
            continue  # said once more in the English
        mismatches.append(Mismatch(f"{extra.text} in the English is not in the Chinese", en=extra))
    return sorted(mismatches, key=_position)


def _take(left: list[Figure], figure: Figure, kinds: Callable[[Figure, Figure], bool]) -> bool:
    """Remove from `left` an English figure that states `figure`, if there is one."""
    for candidate in left:
        same = figure.same_value(candidate) and figure.same_qualifier(candidate)
        if same and kinds(figure, candidate):
            left.remove(candidate)
            return True
    return False


def _counterpart(
    figure: Figure, zh: list[Figure], options: list[Figure], en: list[Figure]
) -> Figure | None:
    """The English figure most likely meant to render `figure`: its value in another form or with
    another qualifier; else its digits at another magnitude (57,900 → 5,790); else a figure of a
    kind it could be confused with, nearest in relative place."""

    def digits(f: Figure) -> str:
        return re.sub(r"\D", "", f"{f.value.normalize():f}").strip("0")

    def place(f: Figure, among: list[Figure]) -> float:
        return among.index(f) / max(len(among), 1)

    tiers: list[Callable[[Figure], bool]] = [
        figure.same_value,
        lambda e: digits(e) == digits(figure),
        lambda e: _compatible(figure, e) or {figure.kind, e.kind} <= _CONFUSABLE,
    ]
    for tier in tiers:
        found = [e for e in options if tier(e)]
        if found:
            return min(found, key=lambda e: abs(place(e, en) - place(figure, zh)))
    return None


def _position(mismatch: Mismatch) -> tuple[int, int]:
    if mismatch.zh is not None:
        return (0, mismatch.zh.start)
    assert mismatch.en is not None
    return (1, mismatch.en.start)
