"""How much a finding of `report-site check` weighs.

- error: the English says something the Chinese does not (a wrong figure, a missing term);
- warning: something to settle before publishing (a term rendered two ways, a glossary entry
  that is no name);
- note: a difference official English makes on purpose (a rounded or converted figure, a year
  added for context) or a proposal (a glossary candidate), for a reviewer to confirm.

`check --strict` fails on errors and warnings, never on notes.
"""

from __future__ import annotations

from enum import StrEnum


class Severity(StrEnum):
    ERROR = "error"
    WARNING = "warning"
    NOTE = "note"

    @property
    def fails_strict(self) -> bool:
        return self is not Severity.NOTE
