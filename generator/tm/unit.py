"""A translation unit and its state: what the translation memory says of one segment.

The memory owns the states (they are written in its PO file, see `store`); editions and the
check read them.
"""

from __future__ import annotations

from dataclasses import dataclass
from enum import StrEnum


class UnitState(StrEnum):
    REVIEWED = "reviewed"  # a person translated or checked it
    MACHINE = "machine"  # drafted by a machine, not yet reviewed
    OUTDATED = "outdated"  # the Chinese changed since it was translated
    MISSING = "missing"  # no translation yet


@dataclass(frozen=True)
class Unit:
    """One segment's entry: its Chinese, its English as the memory holds it ("" when
    missing), and its state."""

    source: str
    target: str
    state: UnitState
