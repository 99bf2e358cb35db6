"""Figure QA on official translations: how often `check` cries wolf, how often it catches.

    python bench/figure_qa.py [--pairs tests/data/official-pairs/pairs.yml] [--show]

Reads the corpus of official Chinese–English pairs (see tests/data/official-pairs/README.md),
runs the figure check of `report-site check` on each correct pair (a pair with a finding that
would fail `--strict` is a false flag), then plants one error of each kind a translator or an
engine makes into the English of every pair it fits, and counts the planted errors the check
catches (fails `--strict` on):

- digit: one digit of a figure changed (99.1 → 99.2);
- qualifier dropped: "more than 2.6 trillion" → "2.6 trillion", "exceeded" → "reached";
- qualifier flipped: "more than" ↔ "nearly", "around" → "more than", an exact figure made
  "nearly" one;
- magnitude: million ↔ billion ↔ trillion, or the decimal point moved (57,900 → 5,790);
- unit: percent ↔ percentage points, yuan → US dollars, metric tons → kilograms.

The planter works on the English text with its own patterns, not with the extractor the check
uses, so the check is not measured against itself. Everything is deterministic: the same corpus
gives the same figures. Targets: at most 5% of correct pairs flagged, at least 95% caught.
"""

from __future__ import annotations

import argparse
import re
import sys
from collections import Counter
from collections.abc import Iterator
from dataclasses import dataclass
from pathlib import Path

import yaml

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))

from generator.check import Severity, figure_findings  # noqa: E402

PAIRS = ROOT / "tests" / "data" / "official-pairs" / "pairs.yml"
MAX_FALSE_FLAGS, MIN_CAUGHT = 0.05, 0.95
KINDS = ("digit", "qualifier dropped", "qualifier flipped", "magnitude", "unit")


@dataclass(frozen=True)
class Pair:
    zh: str
    en: str
    source: str


@dataclass(frozen=True)
class Planted:
    kind: str
    pair: Pair
    en: str  # the English with the error in it


def load_pairs(path: Path = PAIRS) -> list[Pair]:
    documents = yaml.safe_load(path.read_text(encoding="utf-8"))
    return [
        Pair(str(pair["zh"]), str(pair["en"]), str(document["source"]))
        for document in documents
        for pair in document["pairs"]
    ]


# A number as official English writes it: 1,352 · 99.1 · 77 100 (Hong Kong groups by spaces).
_NUMBER = r"(?<![\w.,])\d{1,3}(?:(?:,| )\d{3})+(?:\.\d+)?(?![\d,]\d)|(?<![\w.,])\d+(?:\.\d+)?"
_SCALED = re.compile(rf"({_NUMBER})(\s)(thousand|million|billion|trillion)\b")
_AMOUNT = re.compile(
    rf"(?!(?:19|20)\d\d\b)({_NUMBER})(?=\s?(?:%|percent|per cent|percentage points?|yuan"
    r"|million|billion|trillion|metric tons|tons|kg|units|hours|times|years|-year|\s))"
)
_QUALIFIERS = {
    "more than": "nearly",
    "over": "under",
    "exceeding": "nearly",
    "exceeded": "fell short of",
    "surpassed": "fell short of",
    "surpassing": "short of",
    "upwards of": "nearly",
    "at least": "at most",
    "nearly": "more than",
    "close to": "more than",
    "almost": "more than",
    "about": "more than",
    "around": "more than",
    "roughly": "more than",
    "less than": "more than",
    "below": "above",
    "within": "above",
    "under": "over",
}
_QUALIFIER = re.compile(
    rf"\b({'|'.join(sorted(_QUALIFIERS, key=len, reverse=True))})\s+(?=(?:\$|CNY )?\d)",
    re.IGNORECASE,
)
_DROPPED = {"exceeded": "reached", "surpassed": "reached", "surpassing": "reaching"}
_UNITS = (
    (re.compile(r"\b(\d[\d,.]*)( percentage points?)\b"), " percent"),
    (re.compile(r"\b(\d[\d,.]*)( percent| per cent|%)"), " percentage points"),
    (re.compile(r"\b(\d[\d,.]*(?: (?:million|billion|trillion))?)( yuan)\b"), " US dollars"),
    (re.compile(r"\b(\d[\d,.]*(?: (?:million|billion|trillion))?)( metric tons| tons)\b"), " kg"),
    (re.compile(r"\b(\d[\d,.]*)( times)\b"), " percent"),
)
_SCALES = {
    "thousand": "million",
    "million": "billion",
    "billion": "trillion",
    "trillion": "billion",
}


def _choose(matches: list[re.Match[str]], salt: int) -> re.Match[str] | None:
    """One of the matches, chosen deterministically (not always the first)."""
    return matches[salt % len(matches)] if matches else None


def _replace(text: str, start: int, end: int, new: str) -> str:
    return text[:start] + new + text[end:]


def plant_digit(en: str, salt: int) -> str | None:
    match = _choose(list(_AMOUNT.finditer(en)), salt)
    if match is None:
        return None
    digits = [i for i, ch in enumerate(match.group(1)) if ch.isdigit()]
    at = match.start(1) + digits[min(1, len(digits) - 1)]
    changed = str((int(en[at]) + 1) % 10)
    if changed == "0" and at == match.start(1):  # a leading zero would change nothing visible
        changed = "2"
    return _replace(en, at, at + 1, changed)


# Chinese qualifiers: a qualifier is dropped or flipped only where the Chinese has one (an
# "about" the English adds to an exact figure is no error to drop).
ZH_QUALIFIER = re.compile(r"多|余|餘|超|逾|近|约|約|左右|以上|以下|以内|以內|不到|不足|突破")


def plant_qualifier_dropped(en: str, salt: int) -> str | None:
    match = _choose(list(_QUALIFIER.finditer(en)), salt)
    if match is None:
        return None
    word = match.group(1).lower()
    return _replace(
        en, match.start(), match.end(), f"{_DROPPED[word]} " if word in _DROPPED else ""
    )


def plant_qualifier_flipped(en: str, salt: int) -> str | None:
    match = _choose(list(_QUALIFIER.finditer(en)), salt)
    if match is not None:
        flipped = _QUALIFIERS[match.group(1).lower()]
        return _replace(en, match.start(1), match.end(1), flipped)
    amount = _choose(list(_AMOUNT.finditer(en)), salt)  # an exact figure made approximate
    if amount is None:
        return None
    return _replace(en, amount.start(1), amount.start(1), "nearly ")


def plant_magnitude(en: str, salt: int) -> str | None:
    scaled = _choose(list(_SCALED.finditer(en)), salt)
    if scaled is not None:
        return _replace(en, scaled.start(3), scaled.end(3), _SCALES[scaled.group(3)])
    match = _choose(list(_AMOUNT.finditer(en)), salt)
    if match is None:
        return None
    number = match.group(1)
    if "." in number:  # 5.2 → 52
        shifted = number.replace(".", "", 1).lstrip("0") or "0"
    else:  # 1,352 → 13,520
        shifted = f"{int(number.replace(',', '').replace(' ', '')) * 10:,}"
    return _replace(en, match.start(1), match.end(1), shifted)


def plant_unit(en: str, salt: int) -> str | None:
    for pattern, unit in _UNITS:
        match = _choose(list(pattern.finditer(en)), salt)
        if match is not None:
            return _replace(en, match.start(2), match.end(2), unit)
    return None


PLANTERS = {
    "digit": plant_digit,
    "qualifier dropped": plant_qualifier_dropped,
    "qualifier flipped": plant_qualifier_flipped,
    "magnitude": plant_magnitude,
    "unit": plant_unit,
}


def planted(pairs: list[Pair]) -> Iterator[Planted]:
    """Every planted error of every kind that fits a pair (one per kind and pair)."""
    for salt, pair in enumerate(pairs):
        for kind, plant in PLANTERS.items():
            if kind == "qualifier dropped" and not ZH_QUALIFIER.search(pair.zh):
                continue
            en = plant(pair.en, salt)
            if en is not None and en != pair.en:
                yield Planted(kind, pair, en)


def fails_strict(zh: str, en: str) -> bool:
    """Whether `check --strict` would fail on this pair: any error or warning about figures."""
    return any(f.severity is not Severity.NOTE for f in figure_findings(zh, en))


@dataclass(frozen=True)
class Measurement:
    pairs: int
    false_flags: tuple[Pair, ...]
    caught: Counter[str]
    planted: Counter[str]
    missed: tuple[Planted, ...]
    notes: int  # correct pairs with a note a reviewer may confirm

    @property
    def false_flag_rate(self) -> float:
        return len(self.false_flags) / max(self.pairs, 1)

    @property
    def catch_rate(self) -> float:
        return sum(self.caught.values()) / max(sum(self.planted.values()), 1)


def measure(pairs: list[Pair]) -> Measurement:
    false_flags = tuple(p for p in pairs if fails_strict(p.zh, p.en))
    notes = sum(1 for p in pairs if figure_findings(p.zh, p.en) and p not in false_flags)
    caught: Counter[str] = Counter()
    total: Counter[str] = Counter()
    missed: list[Planted] = []
    for plant in planted(pairs):
        total[plant.kind] += 1
        if fails_strict(plant.pair.zh, plant.en):
            caught[plant.kind] += 1
        else:
            missed.append(plant)
    return Measurement(len(pairs), false_flags, caught, total, tuple(missed), notes)


def report(result: Measurement, show: bool) -> str:
    lines = [
        f"official pairs: {result.pairs}",
        f"false flags on correct pairs: {len(result.false_flags)} "
        f"({result.false_flag_rate:.1%}; target at most {MAX_FALSE_FLAGS:.0%})",
        f"correct pairs with only notes to confirm: {result.notes}",
        "planted errors caught:",
    ]
    for kind in KINDS:
        done, of = result.caught[kind], result.planted[kind]
        lines.append(f"  {kind:<18} {done:>4} of {of:<4} ({done / max(of, 1):.1%})")
    total = sum(result.planted.values())
    lines.append(
        f"  {'all':<18} {sum(result.caught.values()):>4} of {total:<4} "
        f"({result.catch_rate:.1%}; target at least {MIN_CAUGHT:.0%})"
    )
    if show:
        for pair in result.false_flags:
            found = "; ".join(f.message for f in figure_findings(pair.zh, pair.en))
            lines += ["", f"FALSE FLAG {pair.source}", f"  zh: {pair.zh}", f"  en: {pair.en}"]
            lines.append(f"  -> {found}")
        for plant in result.missed:
            lines += ["", f"MISSED {plant.kind}", f"  zh: {plant.pair.zh}", f"  en: {plant.en}"]
    return "\n".join(lines)


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--pairs", type=Path, default=PAIRS)
    parser.add_argument("--show", action="store_true", help="list false flags and misses")
    args = parser.parse_args()
    result = measure(load_pairs(args.pairs))
    print(report(result, args.show))
    return 0


if __name__ == "__main__":
    sys.exit(main())
