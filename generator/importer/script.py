"""Is the text Simplified Chinese? The source language of every report is zh-Hans: the zh-Hant
edition is made from it by OpenCC, so a Traditional source would be converted twice over and
its English translation memory keyed on the wrong text.

A Simplified text has (next to) no character that OpenCC's t2s conversion changes; a Traditional
one has about a third. A few Traditional names in a Simplified report are not worth a warning.
Characters are converted one by one (not as phrases), so positions stay comparable.
"""

from __future__ import annotations

from pathlib import PurePath

from generator.importer.findings import Findings

THRESHOLD = 0.1  # share of Chinese characters with a different Simplified form
MIN_CHANGED = 5


def _is_han(ch: str) -> bool:
    return "\u4e00" <= ch <= "\u9fff"


def traditional_positions(text: str) -> list[int]:
    """Indexes of the characters of `text` that have a different Simplified form."""
    import opencc

    chars = sorted({ch for ch in text if _is_han(ch)})
    converted = str(opencc.OpenCC("t2s").convert("\n".join(chars))).split("\n")
    traditional = {a for a, b in zip(chars, converted, strict=False) if a != b}
    return [i for i, ch in enumerate(text) if ch in traditional]


def check_simplified(text: str, findings: Findings) -> None:
    changed = traditional_positions(text)
    han = sum(1 for ch in text if _is_han(ch))
    if len(changed) < MIN_CHANGED or len(changed) <= han * THRESHOLD:
        return
    first = changed[0]
    line = text.count("\n", 0, first) + 1
    col = first - (text.rfind("\n", 0, first) + 1) + 1
    name = PurePath(findings.path).name
    stem = PurePath(findings.path).stem
    findings.warn(
        line,
        col,
        f"the text looks like Traditional Chinese ({len(changed)} of {han} Chinese characters "
        "have a different Simplified form); the source language of a report is zh-Hans",
        f"convert it to Simplified Chinese and import that: opencc -c t2s -i {name} "
        f"-o {stem}-zh-Hans.txt (the zh-Hant edition is generated from the Simplified text)",
    )
