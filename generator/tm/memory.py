"""A report's translation memory as the rest of the generator reads it: where it is, merged in
memory with the report's current Chinese (the build never writes it; `translate` does), and
looked up one segment at a time.
"""

from __future__ import annotations

from pathlib import Path

import polib

from generator.content import TRANSLATIONS_DIR
from generator.edition_list import ENGLISH
from generator.model import Report
from generator.tm import store
from generator.tm.unit import Unit, UnitState


def catalog_path(report_dir: Path, lang: str = ENGLISH.code) -> Path:
    return report_dir / TRANSLATIONS_DIR / f"{lang}.po"


def merged_catalog(report: Report) -> store.MergeResult:
    """The memory on disk merged with the report's segments (msgmerge semantics)."""
    old = store.load(catalog_path(Path(report.folder)))
    return store.merge(old, list(report.segments()), report.path)


class Memory:
    """Units by their Chinese, from a (merged) catalog; obsolete entries serve nothing."""

    def __init__(self, catalog: polib.POFile):
        self.entries = {e.msgid: e for e in catalog if not e.obsolete}

    @classmethod
    def for_report(cls, report: Report) -> Memory:
        return cls(merged_catalog(report).catalog)

    def unit(self, source: str) -> Unit:
        entry = self.entries.get(source)
        if entry is None or not entry.msgstr:
            return Unit(source, "", UnitState.MISSING)
        return Unit(source, entry.msgstr, store.state_of(entry))
