"""The English edition: each segment's English from the report's translation memory.

The build never writes the memory; it is merged with the current Chinese in memory
(generator.tm.memory), so a paragraph edited since it was translated shows as outdated right
away, with the Chinese at hand. For readers (`typeset`), straight quotes become typographic
ones; `check` reads the English as the memory holds it.
"""

from __future__ import annotations

from generator.edition_list import ENGLISH, SOURCE
from generator.editions import EditionText, State
from generator.markdown_text import one_inline
from generator.model import Report, Segment
from generator.tm.memory import Memory
from generator.tm.unit import UnitState
from generator.typography import english_quotes


class EnglishEdition:
    info = ENGLISH

    def __init__(self, memory: Memory, typeset: bool = False):
        self.memory = memory
        self.typeset = typeset
        # A segment's English, by its Chinese: a report's pages, views and counts ask for
        # each segment several times.
        self._texts: dict[str, EditionText] = {}

    @classmethod
    def for_report(cls, report: Report, typeset: bool = False) -> EnglishEdition:
        return cls(Memory.for_report(report), typeset)

    def text(self, segment: Segment) -> EditionText:
        found = self._texts.get(segment.text)
        if found is None:
            found = self._texts[segment.text] = self._text(segment)
        return found

    def _text(self, segment: Segment) -> EditionText:
        unit = self.memory.unit(segment.text)
        if unit.state is UnitState.MISSING:
            return EditionText(segment.text, State.MISSING, segment.text, SOURCE.code)
        english = one_inline(unit.target)
        if self.typeset:
            english = english_quotes(english)
        if unit.state is UnitState.OUTDATED:
            return EditionText(english, State.OUTDATED, segment.text)
        return EditionText(english, State(unit.state.value))

    def chinese(self, text: str) -> str:
        """Chinese the English edition shows (a figure's sentence not yet translated) is the
        source's."""
        return text
