"""Figures of a Chinese text: Arabic digits (either width) with 万/亿 multipliers, units,
qualifiers (多/余/近/以上…) and ranges; and the values its Chinese numerals spell."""

from __future__ import annotations

import re
from decimal import Decimal

from generator.figures.model import POINTS, Figure, Kind, Qualifier, decimal_of

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
        value = decimal_of(match.group())
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
