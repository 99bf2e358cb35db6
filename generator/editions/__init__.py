"""The editions of a site and what each knows about its language (the list is
generator.edition_list).

An edition turns a source segment into the text readers of that edition see, with a state that
says where the text came from, so the English edition can be honest about machine translation.
"""

from __future__ import annotations

from dataclasses import dataclass
from enum import StrEnum
from typing import Protocol

from generator.edition_list import EDITIONS, SOURCE, EditionInfo
from generator.model import Segment
from generator.tm.unit import UnitState

__all__ = ["EDITIONS", "Edition", "EditionInfo", "EditionText", "SourceEdition", "State"]


class State(StrEnum):
    """Where an edition's text comes from: the source, a conversion, or the translation
    memory (whose states, generator.tm.unit.UnitState, are the last four)."""

    SOURCE = "source"  # the Chinese the report was written in
    CONVERTED = "converted"  # derived mechanically (OpenCC)
    REVIEWED = UnitState.REVIEWED.value
    MACHINE = UnitState.MACHINE.value
    OUTDATED = UnitState.OUTDATED.value
    MISSING = UnitState.MISSING.value


@dataclass(frozen=True)
class EditionText:
    """A segment as one edition shows it. `original` is the Chinese source, kept at hand for
    passages whose translation is missing or outdated."""

    text: str
    state: State
    original: str = ""
    lang: str = ""  # the language `text` is in, when it is not the edition's own


class Edition(Protocol):
    info: EditionInfo

    def text(self, segment: Segment) -> EditionText: ...

    def chinese(self, text: str) -> str:
        """Chinese text (a figure's sentence, say) as this edition writes Chinese."""
        ...


class SourceEdition:
    info = SOURCE

    def text(self, segment: Segment) -> EditionText:
        return EditionText(segment.text, State.SOURCE)

    def chinese(self, text: str) -> str:
        return text
