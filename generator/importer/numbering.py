"""The numbering schemes of official Chinese documents, and what number a line carries.

A scheme is recognised by the start of a line only (`一、`, `（一）`, `1.`, `（1）`, `①`, `一是`,
`第一部分`, `第一章`, `第一节`, notes `［1］`). Which scheme is which heading level is not decided
here: that is the document's business (see `outline`). Here a line gets its scheme, its number
as an int (so that `lint` can tell 三 → 五 is a skip) and the label it was written with, and a
number can be written back in a scheme's own form for messages ("renumber this one 四、").
"""

from __future__ import annotations

import re
from dataclasses import dataclass

_CN_DIGITS = {ch: i for i, ch in enumerate("零一二三四五六七八九")} | {"〇": 0}
CN_NUM = "[一二三四五六七八九十百零〇]+"

# (name, pattern); the number is group 1. Order matters only where two could match one line.
SCHEMES: tuple[tuple[str, re.Pattern[str]], ...] = (
    ("part", re.compile(rf"^第({CN_NUM})部分")),
    ("chapter", re.compile(rf"^第({CN_NUM})章")),
    ("section", re.compile(rf"^第({CN_NUM})节")),
    ("cn-comma", re.compile(rf"^({CN_NUM})、")),
    ("cn-paren", re.compile(rf"^[（(]({CN_NUM})[）)]")),
    ("arabic-paren", re.compile(r"^[（(](\d{1,2})[）)]")),
    # `1.` but not `2.5` (a number) nor `1..`; `1、` is the same list written with a comma.
    ("arabic-dot", re.compile(r"^(\d{1,2})[.．](?![\d.．])")),
    ("arabic-comma", re.compile(r"^(\d{1,2})、")),
    ("circled", re.compile(r"^([①-⑳])")),
    (
        "run-in",
        re.compile(r"^((?:[二三四五六七八九]?十[一二三四五六七八九]?|[一二三四五六七八九]))是"),
    ),
    # Notes and glossary entries: `［1］一降三减：`. Never headings (see `blocks`).
    ("note", re.compile(r"^[［\[](\d{1,3})[］\]]")),
)
_PATTERNS = dict(SCHEMES)

_LABELS = {
    "part": "第{cn}部分",
    "chapter": "第{cn}章",
    "section": "第{cn}节",
    "cn-comma": "{cn}、",
    "cn-paren": "（{cn}）",
    "arabic-paren": "（{n}）",
    "arabic-dot": "{n}.",
    "arabic-comma": "{n}、",
    "circled": "{circled}",
    "run-in": "{cn}是",
    "note": "［{n}］",
}


@dataclass(frozen=True)
class Numbering:
    """The numbering a line starts with: `（三）` → scheme cn-paren, value 3, label `（三）`."""

    scheme: str
    value: int
    label: str


def numbering_of(text: str) -> Numbering | None:
    for name, pattern in SCHEMES:
        match = pattern.match(text)
        if match:
            return Numbering(name, number_value(name, match.group(1)), match.group(0))
    return None


def strip_numbering(text: str) -> str:
    """The text after its numbering: `一、加强党的领导` → `加强党的领导`."""
    for _, pattern in SCHEMES:
        text = pattern.sub("", text, count=1)
    return text


def number_value(scheme: str, written: str) -> int:
    if scheme == "circled":
        return ord(written) - ord("①") + 1
    if scheme in ("arabic-paren", "arabic-dot", "arabic-comma", "note"):
        return int(written)  # int() reads full-width digits too: `１２` → 12
    return cn_number(written)


def cn_number(text: str) -> int:
    """`十四` → 14, `二十` → 20, `一百零五` → 105, `三〇` → 30 (digit by digit)."""
    if "十" not in text and "百" not in text:
        value = 0
        for ch in text:
            value = value * 10 + _cn_digit(ch)
        return value
    total = 0
    digit = 0
    for ch in text:
        if ch == "百":
            total += (digit or 1) * 100
            digit = 0
        elif ch == "十":
            total += (digit or 1) * 10
            digit = 0
        else:
            digit = _cn_digit(ch)
    return total + digit


def _cn_digit(ch: str) -> int:
    return _CN_DIGITS[ch]


def cn_numeral(value: int) -> str:
    """14 → `十四`, 20 → `二十`, 105 → `一百零五`: how official documents write small numbers."""
    digits = "零一二三四五六七八九"
    if value < 10:
        return digits[value]
    if value < 20:
        return "十" + (digits[value % 10] if value % 10 else "")
    if value < 100:
        tens, ones = divmod(value, 10)
        return digits[tens] + "十" + (digits[ones] if ones else "")
    hundreds, rest = divmod(value, 100)
    if not rest:
        return digits[hundreds] + "百"
    middle = "零" if rest < 10 else ""
    tail = cn_numeral(rest) if rest >= 20 or rest < 10 else "一" + cn_numeral(rest)
    return digits[hundreds] + "百" + middle + tail


def label(scheme: str, value: int) -> str:
    """The number `value` written in `scheme`'s own form: (cn-comma, 4) → `四、`."""
    circled = chr(ord("①") + value - 1) if 1 <= value <= 20 else f"({value})"
    return _LABELS[scheme].format(cn=cn_numeral(max(value, 0)), n=value, circled=circled)
