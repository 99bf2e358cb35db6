"""What the English gets wrong about the figures of the Chinese."""

from __future__ import annotations

import re
from collections.abc import Callable, Set
from dataclasses import dataclass
from decimal import Decimal

from generator.figures.chinese import extract_zh, zh_numeral_values
from generator.figures.english import extract_en
from generator.figures.model import POINTS, Figure, Kind


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
