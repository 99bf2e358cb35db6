"""Units of measure and currencies, as each language writes them, and how they convert.

Official English converts Chinese market units into the units its readers know: 1.3万亿斤 is
"650 million metric tons", 4亿亩 "26.67 million hectares". A figure in another unit is the same
fact when its value converts (within the English's rounding); such a figure is something a
reviewer confirms, not an error. A figure in the wrong unit of the same kind (650 million kg for
1.3万亿斤) does not convert, and stays an error.
"""

from __future__ import annotations

import re
from decimal import Decimal

# unit key → (dimension, size in the dimension's base unit)
UNITS: dict[str, tuple[str, Decimal]] = {
    "jin": ("mass", Decimal("0.5")),
    "kg": ("mass", Decimal(1)),
    "g": ("mass", Decimal("0.001")),
    "t": ("mass", Decimal(1000)),
    "mu": ("area", Decimal(2000) / Decimal(3)),
    "m2": ("area", Decimal(1)),
    "ha": ("area", Decimal(10000)),
    "km2": ("area", Decimal(10) ** 6),
    "m": ("length", Decimal(1)),
    "km": ("length", Decimal(1000)),
    "kw": ("power", Decimal(1)),
    "mw": ("power", Decimal(1000)),
    "gw": ("power", Decimal(10) ** 6),
}

# Chinese units (longest first, so 平方公里 is not read as 公里).
ZH_UNITS = {
    "平方公里": "km2",
    "平方千米": "km2",
    "平方米": "m2",
    "公顷": "ha",
    "公里": "km",
    "千米": "km",
    "公斤": "kg",
    "千克": "kg",
    "千瓦": "kw",
    "亩": "mu",
    "斤": "jin",
    "吨": "t",
    "噸": "t",
    "畝": "mu",
    "公頃": "ha",
    "米": "m",
    "克": "g",
}
ZH_UNIT = re.compile("|".join(sorted(ZH_UNITS, key=len, reverse=True)))

_EN_UNIT_WORDS = {
    r"metric tons?|tonnes?|tons?": "t",
    r"kilograms?|kilogrammes?|kg": "kg",
    r"grams?": "g",
    r"jin|catties": "jin",
    r"mu": "mu",
    r"hectares?|ha": "ha",
    r"square (?:kilometers?|kilometres?)|sq km|km2|km²": "km2",
    r"square (?:meters?|metres?)|sq m|m2|m²": "m2",
    r"kilometers?|kilometres?|km": "km",
    r"meters?|metres?": "m",
    r"kilowatts?|kW": "kw",
    r"megawatts?|MW": "mw",
    r"gigawatts?|GW": "gw",
}
EN_UNIT = re.compile(
    r"\s?(?:" + "|".join(f"(?P<u{i}>{p})" for i, p in enumerate(_EN_UNIT_WORDS)) + r")\b"
)
_EN_UNIT_KEYS = list(_EN_UNIT_WORDS.values())


def en_unit_at(text: str, end: int) -> tuple[str, int] | None:
    """The unit of measure written at `end` of an English text, and where it ends."""
    match = EN_UNIT.match(text, end)
    if match is None or match.lastgroup is None:
        return None
    return _EN_UNIT_KEYS[int(match.lastgroup[1:])], match.end()


def in_base(value: Decimal, unit: str) -> Decimal:
    return value * UNITS[unit][1]


def same_dimension(a: str, b: str) -> bool:
    return bool(a and b) and UNITS[a][0] == UNITS[b][0]


# Currencies. "" is the report's own money (元 · yuan · CNY · RMB, and 元 in Hong Kong and
# Macao texts, whose English writes HK$ and MOP); "$" is a dollar sign alone, which official
# English uses for US dollars and Hong Kong dollars alike.
ZH_CURRENCIES = {"美元": "USD", "港元": "HKD", "港幣": "HKD", "澳门元": "MOP", "澳門元": "MOP"}
ZH_CURRENCIES |= {"欧元": "EUR", "歐元": "EUR", "英镑": "GBP", "日元": "JPY"}
LOCAL = frozenset({"", "HKD", "MOP"})


def currencies_agree(zh: str, en: str) -> bool:
    """Whether an amount in currency `en` can state one in `zh`."""
    if zh == en or ("$" in (zh, en) and "EUR" not in (zh, en)):
        return True
    return zh in LOCAL and en in LOCAL
