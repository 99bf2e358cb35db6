"""Figures of a Chinese text: Arabic digits (either width) with 万/亿 multipliers, units,
qualifiers (多/余/近/以上…) and ranges; and the values its Chinese numerals spell."""

from __future__ import annotations

import re
from decimal import Decimal

from generator.figures.model import POINTS, Figure, Kind, Qualifier, decimal_of, starting_with
from generator.figures.notes import ZH_NOTE_MARKS, mask_notes
from generator.figures.units import ZH_CURRENCIES, ZH_UNIT, ZH_UNITS

_FULL_WIDTH = str.maketrans("０１２３４５６７８９．，％：∶", "0123456789.,%::")
# Digits, grouped by commas or (Hong Kong, Macao) by spaces: 77 100. Digits after Latin letters
# belong to a code (5G, C919), unless a date unit follows (PPI7月份).
_ZH_NUMBER = starting_with(
    r"\d",
    r"(?:(?<![A-Za-z0-9.])|(?<=[A-Za-z])(?=\d{1,2}[月日]))(?<![A-Za-z]-)"
    r"(?:\d{1,3}(?:,\d{3})+|\d{1,3}(?:[ \u00a0\u2009]\d{3})+(?![\d.])|\d+)(?:\.\d+)?"
    r"(?![A-Za-z\d]|\.\d|-?[A-Za-z])",
)
_ZH_MULTIPLIERS = {
    "万亿": Decimal(10) ** 12,
    "萬億": Decimal(10) ** 12,
    "千万": Decimal(10) ** 7,
    "千萬": Decimal(10) ** 7,
    "百万": Decimal(10) ** 6,
    "百萬": Decimal(10) ** 6,
    "亿": Decimal(10) ** 8,
    "億": Decimal(10) ** 8,
    "万": Decimal(10) ** 4,
    "萬": Decimal(10) ** 4,
    "千": Decimal(10) ** 3,
}
_MORE = r"多|余(?!杭)|餘"
_CURRENCY = "|".join(ZH_CURRENCIES)
# 3万多亿元 is "more than 3 trillion": a multiplier, 多, and a second multiplier.
_ZH_TAIL = re.compile(
    rf"(?P<more1>\s?(?:{_MORE}))?\s?(?P<mult>万亿|萬億|千万|千萬|百万|百萬|亿|億|万|萬|千(?![瓦克米]))?"
    rf"(?P<more2>{_MORE})?(?P<mult2>(?<=[万萬千][多余餘])(?:亿|億))?"
    rf"\s?(?P<unit>个百分点|個百分點|百分点|百分點|%|‰|{_CURRENCY}|元|倍|年度|年|月|日)?"
)
# A ratio has two terms or more: 4.36:1, 13.2:32.3:54.5 (∶ and ： read as :).
_ZH_RATIO = re.compile(r"(?:\s*:\s*\d+(?:\.\d+)?)+")
_RATIO_TERM = re.compile(r"\d+(?:\.\d+)?")
# A range or a list writes the multiplier and unit once, after its last term: 1-9月,
# 10—15万元, 3至5年, 107、108年.
_ZH_RANGE = re.compile(r"\s*(?:-|—|–|~|～|至|到|、)\s*(?=\d)")
_ZH_COUNTERS = re.compile(
    r"人次|小时|小時|分钟|分鐘|"
    r"[个個所名人次家项項节節门門件场場位座辆輛台臺张張本篇批届屆期类類种種份套处處条條支队隊间間级級岁歲天周週册冊户戶倍]"
)
_ZH_BEFORE = re.compile(
    r"(?:将近|將近|接近|超过了|超過了|超过|超過|不超过|不超過|大约|大約|约合|約合|不到|不足|至少"
    r"|不少于|不少於|突破|逾|(?<![最附就邻鄰])近|(?<![节節制预預签簽契])[约約]|超)\s*$"
)
_ZH_AFTER = re.compile(r"\s?(?:以上|以下|左右|以内|以內)")
# A figure restated in parentheses in another unit or currency: （合6865.3亿公斤）, （8.2万亿美元）.
_ZH_ASIDE = re.compile(r"[（(]\s*(?:约合|約合|合|约|約)?\s*$")
_ZH_QUALIFIERS = {
    "多": Qualifier.MORE_THAN,
    "余": Qualifier.MORE_THAN,
    "餘": Qualifier.MORE_THAN,
    "超过": Qualifier.MORE_THAN,
    "超過": Qualifier.MORE_THAN,
    "超过了": Qualifier.MORE_THAN,
    "超過了": Qualifier.MORE_THAN,
    "超": Qualifier.MORE_THAN,
    "逾": Qualifier.MORE_THAN,
    "突破": Qualifier.MORE_THAN,
    "至少": Qualifier.MORE_THAN,
    "不少于": Qualifier.MORE_THAN,
    "不少於": Qualifier.MORE_THAN,
    "以上": Qualifier.MORE_THAN,
    "近": Qualifier.NEARLY,
    "将近": Qualifier.NEARLY,
    "將近": Qualifier.NEARLY,
    "接近": Qualifier.NEARLY,
    "约": Qualifier.ABOUT,
    "約": Qualifier.ABOUT,
    "约合": Qualifier.ABOUT,
    "約合": Qualifier.ABOUT,
    "大约": Qualifier.ABOUT,
    "大約": Qualifier.ABOUT,
    "左右": Qualifier.ABOUT,
    "不到": Qualifier.LESS_THAN,
    "不足": Qualifier.LESS_THAN,
    "不超过": Qualifier.LESS_THAN,
    "不超過": Qualifier.LESS_THAN,
    "以下": Qualifier.LESS_THAN,
    "以内": Qualifier.LESS_THAN,
    "以內": Qualifier.LESS_THAN,
}


def extract_zh(text: str) -> list[Figure]:
    """The figures of a Chinese text, in order: those in digits, percentages written in
    numerals (百分之三点五, as Hong Kong writes them) and years written digit by digit
    (二〇二〇年). Footnote markers and caption numbers (generator.figures.notes) are none."""
    # Same length, so offsets hold for `text`.
    plain = mask_notes(text.translate(_FULL_WIDTH), ZH_NOTE_MARKS)
    figures: list[Figure] = []
    for match in _ZH_NUMBER.finditer(plain):
        if figures and match.start() < figures[-1].end:
            continue  # the second term of a ratio
        figures.append(_digit_figure(text, plain, match, figures[-1] if figures else None))
    taken = [(f.start, f.end) for f in figures]
    figures += [
        f for f in _numeral_figures(text) if all(f.end <= a or f.start >= b for a, b in taken)
    ]
    return sorted(figures, key=lambda f: f.start)


def _digit_figure(text: str, plain: str, match: re.Match[str], previous: Figure | None) -> Figure:
    start, end = match.span()
    value = decimal_of(match.group())
    kind = Kind.COUNT
    qualifier = Qualifier.EXACT
    second: Decimal | None = None
    rest: tuple[Decimal, ...] = ()
    currency = measure = unit = ""
    ordinal = plain[max(start - 2, 0) : start].rstrip().endswith("第")
    ratio = _ZH_RATIO.match(plain, end)
    if ratio:
        terms = [Decimal(term) for term in _RATIO_TERM.findall(ratio.group())]
        kind, second, rest, end = Kind.RATIO, terms[0], tuple(terms[1:]), ratio.end()
    else:
        tail = _ZH_TAIL.match(plain, end)
        assert tail is not None  # every part of it is optional
        if tail["more1"] or tail["more2"]:
            qualifier = Qualifier.MORE_THAN
        end = tail.end()
        unit_match = None if tail["unit"] else ZH_UNIT.match(plain, end)
        counter = None if tail["unit"] or unit_match else _ZH_COUNTERS.match(plain, end)
        mult, unit = tail["mult"], tail["unit"] or ""
        if not (unit or counter or unit_match):
            shared_mult, shared_unit = _zh_range_end(plain, end)
            mult, unit = mult or shared_mult, shared_unit or ""
        value *= _ZH_MULTIPLIERS.get(mult or "", Decimal(1))
        value *= _ZH_MULTIPLIERS.get(tail["mult2"] or "", Decimal(1))
        if unit in ZH_CURRENCIES:
            currency, unit = ZH_CURRENCIES[unit], "元"
        plain_number = not (mult or qualifier is Qualifier.MORE_THAN or counter or unit_match)
        kind = _zh_kind(value, unit, plain_number)
        if unit_match:
            measure, end = ZH_UNITS[unit_match.group()], unit_match.end()
        elif counter:
            end = counter.end()
    if ordinal and kind is Kind.COUNT:
        kind, start = Kind.ORDINAL, plain.rindex("第", 0, start)
    aside = previous is not None and bool(_ZH_ASIDE.search(plain, previous.end, start))
    # A qualifier after a parenthesis applies to the figure before it too:
    # 1.3万亿斤（合6500亿公斤）以上.
    skip = _ZH_ASIDE_GROUP.match(plain, end)
    after_at = skip.end() if skip else end + (1 if aside and plain[end : end + 1] in "）)" else 0)
    after = _ZH_AFTER.match(plain, after_at)
    before = _ZH_BEFORE.search(plain, max(start - 4, 0), start)
    if kind not in POINTS and after:
        qualifier = _ZH_QUALIFIERS[after.group().strip()]
        end = after.end() if not skip and after_at == end else end
    if kind not in POINTS and before:
        qualifier, start = _ZH_QUALIFIERS[before.group().strip()], before.start()
    # A figure never ends in a space its tail allowed for (图1　2020: the 1 is not "1　").
    end = start + len(plain[start:end].rstrip())
    calendar_year = kind is Kind.COUNT and unit == "年"
    calendar_year = calendar_year and _could_be_calendar_year(qualifier, value)
    return Figure(
        value,
        kind,
        qualifier,
        text[start:end],
        start,
        second,
        rest,
        unit=measure,
        currency=currency,
        aside=aside,
        calendar_year=calendar_year,
    )


_ZH_ASIDE_GROUP = re.compile(r"[（(]\s*(?:约合|約合|合)[^）)]*[）)]")


def _could_be_calendar_year(qualifier: Qualifier, value: Decimal) -> bool:
    """Whether a count of years may be a year of the ROC calendar (民國70年, 107年)."""
    return qualifier is Qualifier.EXACT and 1 <= value <= 150 and value % 1 == 0


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
    if unit in ("个百分点", "百分点", "個百分點", "百分點"):
        return Kind.PERCENTAGE_POINT
    if unit in simple:
        return simple[unit]
    if not plain_number or value != value.to_integral_value():
        return Kind.COUNT
    dates = {"年": (1000, 2999, Kind.YEAR), "年度": (1000, 2999, Kind.YEAR)}
    dates |= {"月": (1, 12, Kind.MONTH), "日": (1, 31, Kind.DAY), "": (1900, 2100, Kind.YEAR)}
    low, high, kind = dates[unit]
    return kind if low <= value <= high else Kind.COUNT


_DIGIT_CHARS = "零〇○一二两三四五六七八九"
_NUMERAL_PERCENT = re.compile(
    r"百分之([零〇○一二两兩三四五六七八九十百]+)(?:[点點]([零〇○一二三四五六七八九]+))?"
)
_NUMERAL_YEAR = starting_with(
    f"[{_DIGIT_CHARS}]", rf"(?<![{_DIGIT_CHARS}十])([{_DIGIT_CHARS}]{{4}})年"
)


def _numeral_figures(text: str) -> list[Figure]:
    """Percentages and years written in Chinese numerals: 百分之三点五, 二零一七年."""
    found: list[Figure] = []
    for match in _NUMERAL_PERCENT.finditer(text):
        whole = _parse_numeral(match.group(1).replace("兩", "两"))
        if whole is None:
            continue
        fraction = "".join(str(_NUMERAL_DIGITS[c]) for c in match.group(2) or "")
        value = Decimal(f"{whole}.{fraction}" if fraction else whole)
        found.append(Figure(value, Kind.PERCENT, text=match.group(), start=match.start()))
    for match in _NUMERAL_YEAR.finditer(text):
        year = _parse_numeral(match.group(1))
        if year is not None and 1000 <= year <= 2999:
            found.append(Figure(Decimal(year), Kind.YEAR, text=match.group(), start=match.start()))
    return found


_NUMERAL_DIGITS = dict(
    zip("零〇○一二两三四五六七八九", (0, 0, 0, 1, 2, 2, 3, 4, 5, 6, 7, 8, 9), strict=True)
)
_NUMERAL_UNITS = {"十": 10, "百": 100, "千": 1000, "万": 10000}
# Words that say a number without a numeral of it: 翻一番 (doubled), 九成 (90%).
_NUMERAL_WORDS = {"翻一番": 2, "翻两番": 4, "翻兩番": 4, "一半": 50}
_TENTHS = re.compile(r"([一二三四五六七八九])成")
_NUMERALS = re.compile(f"[{''.join(_NUMERAL_DIGITS)}{''.join(_NUMERAL_UNITS)}]+")


def zh_numeral_values(text: str) -> set[Decimal]:
    """Every value the Chinese writes in numerals, any part of a run included (十三五 gives 13,
    3, 5 and 10), so that English digits rendering them (13th Five-Year Plan) are not extra."""
    values: set[Decimal] = {Decimal(v) for word, v in _NUMERAL_WORDS.items() if word in text}
    values |= {Decimal(_NUMERAL_DIGITS[d] * 10) for d in _TENTHS.findall(text)}
    for run in _NUMERALS.findall(text.replace("兩", "两")):
        for i in range(len(run)):
            for j in range(i + 1, len(run) + 1):
                parsed = _parse_numeral(run[i:j])
                if parsed is not None:
                    values.add(Decimal(parsed))
    return values


def _parse_numeral(run: str) -> int | None:
    """十三 → 13, 一百二十 → 120, 三万 → 30000, 二〇二〇 → 2020; None if `run` is no number."""
    if not run:
        return None
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
