"""What a memory holds for a reviewer, compared with the memory it started from.

A pull request of machine drafts is read by a translator who wants to know what to look at: the
segments an engine drafted (English that is machine-made and differs from the base), the English
translators already revised on the branch, and the passages whose Chinese changed under reviewed
English (outdated: the old and new Chinese, the old English). This module turns two catalogs (the
base, and the memory as the run left it) into those facts, as values; it reads no text output.
"""

from __future__ import annotations

from dataclasses import dataclass
from pathlib import Path

import polib

from generator.check import EnglishLines, english_lines
from generator.errors import Loc, Problem, ReportSiteError
from generator.model import Report
from generator.tm import store
from generator.tm.unit import UnitState


@dataclass(frozen=True)
class Draft:
    """A segment whose English an engine wrote and no person has revised yet."""

    where: Loc  # the segment in content/
    zh: str
    en: str
    english_at: Loc  # the line of its English in the PO file


@dataclass(frozen=True)
class Outdated:
    """A passage whose Chinese changed since its English was written: a translator revises it."""

    where: Loc
    old_zh: str
    new_zh: str
    old_en: str
    english_at: Loc


@dataclass(frozen=True)
class MemoryChanges:
    """One report's memory as a reviewer sees it against the base."""

    report: str  # content/<slug>, as messages name it
    catalog: str  # content/<slug>/translations/en.po
    drafted: tuple[Draft, ...]
    outdated: tuple[Outdated, ...]
    revised: int  # reviewed English that differs from the base: translators' work on the branch
    missing: int  # segments still without English
    changed: bool  # the file differs from the base


def catalog_shown(report: Report, path: Path) -> str:
    """The PO file as messages name it: below the report's path (`content/<slug>/…`)."""
    return f"{report.path}/{path.relative_to(report.folder).as_posix()}"


def compare(report: Report, path: Path, base: str | None) -> MemoryChanges:
    """The memory at `path` (as the run left it) against `base`, the same file's text before (None
    when it did not exist)."""
    shown = catalog_shown(report, path)
    text = path.read_text(encoding="utf-8") if path.exists() else None
    after = store.load(path)
    before = _entries(_parse(base, shown)) if base else {}
    lines = english_lines(path, shown, after)
    drafted: list[Draft] = []
    outdated: list[Outdated] = []
    revised = missing = 0
    for entry in after:
        if entry.obsolete:
            continue
        state = store.state_of(entry)
        where = _where(report, entry)
        english_at = lines.get(entry.msgid, EnglishLines(shown)).at(0)
        if state is UnitState.MISSING:
            missing += 1
        elif state is UnitState.OUTDATED:
            old_zh = entry.previous_msgid or ""
            outdated.append(Outdated(where, old_zh, entry.msgid, entry.msgstr, english_at))
        elif _new_english(entry, before.get(store.key_of(entry))):
            if state is UnitState.MACHINE:
                drafted.append(Draft(where, entry.msgid, entry.msgstr, english_at))
            else:
                revised += 1
    return MemoryChanges(
        report.path,
        shown,
        tuple(drafted),
        tuple(outdated),
        revised,
        missing,
        changed=text != base,
    )


def _parse(text: str, shown: str) -> polib.POFile:
    try:
        return polib.pofile(text, wrapwidth=store.WRAP)
    except (OSError, ValueError) as error:
        hint = "the base's memory is compared with this run's; fix the file on the base branch"
        raise ReportSiteError(
            [Problem(Loc(f"{shown} (base)"), f"cannot read: {error}", hint)]
        ) from None


def _entries(catalog: polib.POFile) -> dict[store.Key, polib.POEntry]:
    """Entries by key; a live entry wins over an obsolete one of the same key."""
    found: dict[store.Key, polib.POEntry] = {}
    for entry in sorted(catalog, key=lambda e: bool(e.obsolete)):
        found.setdefault(store.key_of(entry), entry)
    return found


def _new_english(entry: polib.POEntry, before: polib.POEntry | None) -> bool:
    """Whether the entry's current English is not what the base already had as current."""
    if before is None or before.obsolete or "fuzzy" in before.flags:
        return True
    return bool(before.msgstr != entry.msgstr)


def _where(report: Report, entry: polib.POEntry) -> Loc:
    """The segment's first place in content/ (the `#:` lines are relative to the report)."""
    if not entry.occurrences:
        return Loc(report.path)
    path, line = entry.occurrences[0]
    return Loc(f"{report.path}/{path}", int(line) if line.isdigit() else 0)
