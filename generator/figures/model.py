"""A figure as a typed fact: exact value, kind, qualifier, and how it reads in English."""

from __future__ import annotations

import re
from dataclasses import dataclass
from decimal import Decimal
from enum import StrEnum


class Kind(StrEnum):
    COUNT = "count"
    PERCENT = "percent"
    PERMILLE = "permille"
    PERCENTAGE_POINT = "percentage_point"
    RATIO = "ratio"  # every term kept: 4.36:1, 13.2:32.3:54.5
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

# How English reads a number of each kind (a count: the number alone).
_READINGS = {
    Kind.DAY: "day {}",
    Kind.PERCENT: "{}%",
    Kind.PERMILLE: "{}‰",
    Kind.PERCENTAGE_POINT: "{} percentage points",
    Kind.TIMES: "{} times",
}


@dataclass(frozen=True)
class Figure:
    """One stated figure. `text` is the span as written (qualifier and unit included), `start`
    its offset in the segment, `second` a ratio's second term and `rest` its terms after the
    second (13.2:32.3:54.5 is one figure: value 13.2, second 32.3, rest (54.5,)). `spelled`
    marks English numbers written in words ("three"): they may state a Chinese figure, but are
    never reported as extra, since they mostly render Chinese numerals (三年 → three years)."""

    value: Decimal
    kind: Kind
    qualifier: Qualifier = Qualifier.EXACT
    text: str = ""
    start: int = 0
    second: Decimal | None = None
    rest: tuple[Decimal, ...] = ()
    spelled: bool = False
    unit: str = ""
    currency: str = ""
    step: Decimal | None = None
    aside: bool = False
    calendar_year: bool = False

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
        if self.kind is Kind.RATIO:
            shown = ":".join(number(term) for term in self.terms)
        elif self.kind is Kind.MONEY:
            shown = _money(value, self.currency)
        elif self.kind is Kind.ORDINAL:
            shown = f"{number(value)}{_ordinal_suffix(value)}"
        else:
            shown = _READINGS.get(self.kind, "{}").format(number(value))
        word = _WORDS.get(self.qualifier)
        return f"{word} {shown}" if word and self.kind not in POINTS else shown

    @property
    def terms(self) -> tuple[Decimal, ...]:
        """A ratio's terms, in order (4.36:1 → 4.36, 1); a figure of another kind is one term."""
        if self.kind is not Kind.RATIO:
            return (self.value,)
        second = Decimal(1) if self.second is None else self.second
        return (self.value, second, *self.rest)

    def same_value(self, other: Figure) -> bool:
        return (
            self.value == other.value
            and (self.second or 1) == (other.second or 1)
            and self.rest == other.rest
        )

    def same_qualifier(self, other: Figure) -> bool:
        return self.kind in POINTS or self.qualifier is other.qualifier


def _money(value: Decimal, currency: str) -> str:
    shown = {"": "CNY", "$": "$"}.get(currency, currency)
    return f"{shown}{'' if shown == '$' else ' '}{number(value)}"


def number(value: Decimal) -> str:
    """A number as English writes it: thousands separated by commas, no trailing zeros."""
    if value == value.to_integral_value():
        return f"{int(value):,}"
    return f"{value.normalize():,f}"


def _ordinal_suffix(value: Decimal) -> str:
    n = int(value)
    return "th" if 10 <= n % 100 <= 20 else {1: "st", 2: "nd", 3: "rd"}.get(n % 10, "th")


def decimal_of(digits: str) -> Decimal:
    return Decimal(re.sub(r"[,\s]", "", digits))


def starting_with(initial: str, pattern: str, flags: int = 0) -> re.Pattern[str]:
    """`pattern`, whose every match starts where `initial` matches (a digit, a word's start
    …): tried only there. Searching a text, the look-ahead costs a test or two at each other
    character, where every alternative of the pattern (look-behinds, dozens of number words)
    was tried: most of the figure readers' time went there. The matches are the same."""
    return re.compile(f"(?={initial})(?:{pattern})", flags)
