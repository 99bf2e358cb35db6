"""What the English gets wrong about the figures of the Chinese, and what it renders differently
in a way an official translator does and a reviewer confirms.

Official English is not a digit-for-digit copy. It rounds (990865億元 → 99.09 trillion yuan),
converts market units (1.3万亿斤 → 650 million metric tons), adds an amount in US dollars or a
year for context ("in early 2020" for 年初), says "about" where the Chinese states a figure
exactly, and names a year "this year". Each of those is a *note*: it never fails `check
--strict`. A changed digit, a lost or flipped qualifier, a wrong magnitude or a wrong unit does
not fit any of them and stays an *error*.
"""

from __future__ import annotations

import re
from collections.abc import Callable, Set
from dataclasses import dataclass
from decimal import Decimal

from generator.figures.chinese import extract_zh, zh_numeral_values
from generator.figures.english import RELATIVE_YEAR, extract_en
from generator.figures.model import POINTS, Figure, Kind, Qualifier, number
from generator.figures.units import UNITS, currencies_agree, in_base, same_dimension
from generator.severity import Severity

ROC_OFFSET = 1911  # 民國1年 is 1912


@dataclass(frozen=True)
class Mismatch:
    """A figure on which the two texts disagree. `zh` and `en` are the figures concerned (one
    may be absent); `message` says what is wrong, in words an editor reads; a note is a
    difference official English makes, for a reviewer to confirm."""

    message: str
    zh: Figure | None = None
    en: Figure | None = None
    severity: Severity = Severity.ERROR


# A percentage given for a percentage point is the same number in the wrong form.
_CONFUSABLE = frozenset({Kind.PERCENT, Kind.PERCENTAGE_POINT})
# Approximations official English renders one by the other: 约合 as "close to".
_CLOSE = frozenset({Qualifier.NEARLY, Qualifier.ABOUT})


def _compatible(zh: Figure, en: Figure) -> bool:
    """Whether `en` may be of the kind of `zh`. An English 2000 without a comma reads as a year,
    but may be a count (2000名 → 2000 students); an English count is never a Chinese year; a
    count may be said as an ordinal (连续8年 → the eighth consecutive year)."""
    if zh.kind is en.kind:
        return True
    return zh.kind is Kind.COUNT and en.kind in (Kind.YEAR, Kind.ORDINAL)


def _agree(zh: Figure, en: Figure) -> bool:
    """Same currency (yuan is not US dollars) and, when both say it, the same unit."""
    if zh.kind is Kind.MONEY and en.kind is Kind.MONEY:
        return currencies_agree(zh.currency, en.currency)
    return not (zh.unit and en.unit and zh.unit != en.unit)


def _same_point(zh: Figure, en: Figure) -> bool:
    return zh.same_value(en) and _compatible(zh, en)


def compare(zh: str, en: str) -> list[Mismatch]:
    """What the English gets wrong about the figures of the Chinese: every Chinese figure must be
    stated by the English (value, kind and qualifier), every English figure must come from the
    Chinese. English digits for Chinese numerals (十三五 → 13th) are not extra."""
    return compare_figures(
        extract_zh(zh), extract_en(en), zh_numeral_values(zh), bool(RELATIVE_YEAR.search(en))
    )


def compare_figures(
    zh: list[Figure],
    en: list[Figure],
    numerals: Set[Decimal] = frozenset(),
    relative_year: bool = False,
) -> list[Mismatch]:
    """Amounts are matched as a multiset (two 3s in the Chinese need two in the English); dates
    as a set, since a translation may name a year once where the Chinese repeats it. A Chinese
    figure left unmatched is paired with the English figure that most likely renders it wrongly,
    so one error gives one message. English words for a value the Chinese writes in numerals
    (四期 → four cohorts) render those numerals and cannot stand for a figure in digits.
    `relative_year`: the English names a year as "this year", "last year"…"""
    left = [e for e in en if not (e.spelled and e.value in numerals)]
    unmatched = [z for z in zh if not _take(left, z, lambda a, b: a.kind is b.kind)]
    unmatched = [z for z in unmatched if not _take(left, z, _compatible)]
    mismatches: list[Mismatch] = []
    for figure in list(unmatched):
        note = _take_rendered(left, figure)
        if note is not None:
            unmatched.remove(figure)
            mismatches.append(note)
    stated = [z for z in zh if z not in unmatched]
    for figure in unmatched:
        if figure.kind in POINTS and any(_same_point(figure, e) for e in en):
            continue
        if figure.kind is Kind.YEAR and relative_year:
            message = f"{figure.text} is given as this/last year: confirm which year is meant"
            mismatches.append(Mismatch(message, figure, severity=Severity.NOTE))
            continue
        options = [e for e in left if not e.spelled and e.value not in numerals]
        candidate = _counterpart(figure, zh, options, en)
        if candidate is None and _restated(figure, zh, stated):
            continue  # the English gives the fact once, in one of the two units
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
        mismatches.append(_extra(extra, zh))
    return sorted(mismatches, key=_position)


def _extra(extra: Figure, zh: list[Figure]) -> Mismatch:
    """An English figure the Chinese does not state: a year or a conversion the English adds
    is a note; anything else an error."""
    if extra.kind is Kind.YEAR:
        message = f"{extra.text} in the English is not in the Chinese: a year added for context?"
        return Mismatch(message, en=extra, severity=Severity.NOTE)
    foreign = extra.kind is Kind.MONEY and extra.currency not in ("",)
    converts = any(_converts(z, extra) for z in zh)
    if extra.aside and (foreign or extra.unit or converts):
        message = f"{extra.text} in the English is a conversion the Chinese does not give"
        return Mismatch(message, en=extra, severity=Severity.NOTE)
    return Mismatch(f"{extra.text} in the English is not in the Chinese", en=extra)


def _take(left: list[Figure], figure: Figure, kinds: Callable[[Figure, Figure], bool]) -> bool:
    """Remove from `left` an English figure that states `figure`, if there is one."""
    for candidate in left:
        same = figure.same_value(candidate) and figure.same_qualifier(candidate)
        if same and kinds(figure, candidate) and _agree(figure, candidate):
            left.remove(candidate)
            return True
    return False


def _take_rendered(left: list[Figure], figure: Figure) -> Mismatch | None:
    """The note for an English figure that renders `figure` as official English does (rounded,
    converted, hedged, in the ROC calendar), removed from `left`; None if there is none."""
    for candidate in left:
        reason = _rendering(figure, candidate)
        if reason is not None:
            left.remove(candidate)
            message = (
                f"{figure.text} is {figure.reading()}; the English has {candidate.text} ({reason})"
            )
            return Mismatch(message, figure, candidate, Severity.NOTE)
    return None


def _rendering(zh: Figure, en: Figure) -> str | None:
    """How `en` renders `zh` in a way official English does, or None if it does not."""
    if zh.calendar_year and en.kind is Kind.YEAR and en.value == zh.value + ROC_OFFSET:
        return f"year {number(zh.value)} of the ROC calendar"
    if not (_compatible(zh, en) and (zh.second, zh.rest) == (en.second, en.rest)):
        return None
    qualifier = _qualifier_rendering(zh, en)
    if qualifier is None:
        return None
    if zh.kind is Kind.MONEY and not _agree(zh, en):
        return None
    if same_dimension(zh.unit, en.unit) and zh.unit != en.unit:
        if _rounds_to(in_base(zh.value, zh.unit), in_base(en.value, en.unit), en, en.unit):
            return _joined(
                f"converted from {_unit_name(zh.unit)} to {_unit_name(en.unit)}", qualifier
            )
        return None
    if zh.unit and en.unit and zh.unit != en.unit:
        return None
    if zh.value == en.value:
        return qualifier or None
    if _rounds_to(zh.value, en.value, en, ""):
        return _joined("rounded", qualifier)
    return None


def _qualifier_rendering(zh: Figure, en: Figure) -> str | None:
    """ "" if the qualifiers agree, a note if they differ as official English may, else None."""
    if zh.same_qualifier(en):
        return ""
    if zh.qualifier is Qualifier.EXACT and en.qualifier is Qualifier.ABOUT:
        return "the English says about"
    if {zh.qualifier, en.qualifier} <= _CLOSE:
        return f"{zh.qualifier.value.replace('_', ' ')} given as {en.qualifier.value}"
    return None


def _joined(*reasons: str) -> str:
    return "; ".join(reason for reason in reasons if reason)


def _rounds_to(exact: Decimal, shown: Decimal, en: Figure, unit: str) -> bool:
    """Whether `shown` is `exact` rounded to the precision the English writes (at least two
    significant digits: 14 million is no rendering of 1352万)."""
    if en.step is None or shown == 0:
        return exact == shown
    step = in_base(en.step, unit) if unit else en.step
    significant = len(re.sub(r"\D", "", f"{en.value / en.step:f}".split(".")[0]).lstrip("0"))
    return significant >= 2 and abs(exact - shown) <= step / 2


def _unit_name(unit: str) -> str:
    return {"t": "tons", "m2": "square meters", "km2": "square kilometers"}.get(unit, unit)


def _converts(zh: Figure, en: Figure) -> bool:
    return (
        same_dimension(zh.unit, en.unit)
        and en.step is not None
        and _rounds_to(in_base(zh.value, zh.unit), in_base(en.value, en.unit), en, en.unit)
    )


def _restated(figure: Figure, zh: list[Figure], stated: list[Figure]) -> bool:
    """Whether the English states the fact `figure` gives in the other of two units:
    13730.6亿斤（合6865.3亿公斤） is one fact, which the English may give in either."""
    index = zh.index(figure)
    before = zh[index - 1] if index > 0 else None
    after = zh[index + 1] if index + 1 < len(zh) else None
    return (figure.aside and before in stated) or (
        after is not None and after.aside and after in stated
    )


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
        lambda e: (
            (_compatible(figure, e) and (e.kind is not Kind.YEAR or figure.kind is Kind.YEAR))
            or {figure.kind, e.kind} <= _CONFUSABLE
        ),
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


__all__ = ["UNITS", "Mismatch", "compare", "compare_figures"]
