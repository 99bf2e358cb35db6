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

from generator.figures.chinese import extract_zh, zh_numeral_values
from generator.figures.compare import Mismatch, compare, compare_figures
from generator.figures.english import RELATIVE_YEAR, extract_en
from generator.figures.model import MONTH_NAMES, POINTS, Figure, Kind, Qualifier, number

__all__ = [
    "MONTH_NAMES",
    "POINTS",
    "RELATIVE_YEAR",
    "Figure",
    "Kind",
    "Mismatch",
    "Qualifier",
    "compare",
    "compare_figures",
    "extract_en",
    "extract_zh",
    "number",
    "zh_numeral_values",
]
