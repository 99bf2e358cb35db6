"""Numbers that mark a note or number a caption, never a quantity: a footnote's marker (`（GDP）
[2]2313亿元`, `第三产业［3］`, `〔1〕`, `注1：`, in English `GDP[2]`, `Note 1:`) and the number of a
figure or table in its caption (`图1　2020—2024年…`, `表1 2019年…`, `Figure 1`, run into the
year it names: `图12017年`). Statistical communiqués are full of both. They are masked before
figures are read, so that neither the figures page nor figure QA counts them.

Circled and superscript digits (①, ²) are no digits to the figure readers, so they need no mask.
A bracket holding a year (`〔2016〕26号`, a document's number) is left alone: it is a year, and
is read as one.
"""

from __future__ import annotations

import re

from generator.figures.model import starting_with

_DIGITS = r"[0-9０-９]{1,3}"
ZH_NOTE_MARKS = starting_with(
    r"^|[\[［〔【注见如详参]",  # what each starts with (a caption: the text's start)
    rf"[\[［〔【]\s*{_DIGITS}\s*[\]］〕】]"
    # 注1：, 注释2. — a note's number, not a count of notes
    rf"|(?<![\u4e00-\u9fff])注(?:释)?\s*{_DIGITS}(?=\s*[：:.．、）)]|\s)"
    # A reference to a figure or table in the text: （见表1）, 如图2所示
    rf"|(?:见|如|详见|参见)(?:附)?[图表]\s*{_DIGITS}(?![0-9])"
    # A caption opening its line: 图1, 表2, 附表3 (before a year written right after it: 图12017年)
    rf"|^\s*(?:附)?[图表]\s*(?:{_DIGITS}(?=[0-9]{{4}}年)|{_DIGITS}(?![0-9]))",
)
EN_NOTE_MARKS = starting_with(
    r"\[|\b[NFTCA]",
    rf"\[\s*{_DIGITS}\s*\]"
    r"|\b(?:Note|Notes|Figure|Fig\.|Table|Chart|Annex Table)\s+\d{1,3}(?![\d.,]\d)\b",
)


def mask_notes(text: str, marks: re.Pattern[str]) -> str:
    """`text` with the digits of its note markers and caption numbers replaced by `#`: the same
    length, so that offsets of the figures read from it hold for `text`."""
    return marks.sub(lambda m: re.sub(r"[0-9０-９]", "#", m.group()), text)


def strip_notes(text: str) -> str:
    """Chinese text without its footnote markers (`第三产业[3]增加值` → `第三产业增加值`)."""
    return ZH_NOTE_MARKS.sub(
        lambda m: m.group() if m.group().lstrip()[:1] in "图表附注" else "", text
    )
