"""The English edition: each segment's English from the report's translation memory.

The build never writes the memory; it merges it with the current Chinese in memory, so a
paragraph edited since it was translated shows as outdated right away, with the Chinese at hand.
"""

from __future__ import annotations

from collections import Counter
from pathlib import Path

import polib

from generator.editions import EDITIONS, EditionText, State
from generator.markdown_text import one_inline
from generator.model import Report, Segment
from generator.tm import store

TRANSLATIONS_DIR = "translations"


def catalog_path(report_dir: Path, lang: str = "en") -> Path:
    return report_dir / TRANSLATIONS_DIR / f"{lang}.po"


def merged_catalog(report: Report) -> store.MergeResult:
    old = store.load(catalog_path(Path(report.folder)))
    return store.merge(old, list(report.segments()), report.path)


class EnglishEdition:
    info = EDITIONS["en"]

    def __init__(self, catalog: polib.POFile):
        self.entries = {e.msgid: e for e in catalog if not e.obsolete}

    @classmethod
    def for_report(cls, report: Report) -> EnglishEdition:
        return cls(merged_catalog(report).catalog)

    def text(self, segment: Segment) -> EditionText:
        entry = self.entries.get(segment.text)
        if entry is None or not entry.msgstr:
            return EditionText(segment.text, State.MISSING, segment.text, "zh-Hans")
        state = store.state_of(entry)
        english = one_inline(entry.msgstr)
        if state is State.OUTDATED:
            return EditionText(english, state, segment.text)
        return EditionText(english, state)

    def coverage(self, report: Report) -> Counter[State]:
        return Counter(self.text(s).state for s in report.segments())
