"""The three editions of a site and what each knows about its language.

An edition turns a source segment into the text readers of that edition see, with a state that
says where the text came from, so the English edition can be honest about machine translation.
"""

from __future__ import annotations

from dataclasses import dataclass
from enum import StrEnum
from typing import Protocol

from generator.model import Segment


class State(StrEnum):
    SOURCE = "source"  # the Chinese the report was written in
    CONVERTED = "converted"  # derived mechanically (OpenCC)
    REVIEWED = "reviewed"  # a person translated or checked it
    MACHINE = "machine"  # drafted by a machine, not yet reviewed
    OUTDATED = "outdated"  # the Chinese changed since it was translated
    MISSING = "missing"  # no translation yet


@dataclass(frozen=True)
class EditionInfo:
    code: str  # BCP 47 tag, also the folder under site/ and the <html lang>
    name: str  # the edition's name in its own language, for the switcher
    material_language: str  # Material's theme.language (UI strings)


EDITIONS: dict[str, EditionInfo] = {
    "zh-Hans": EditionInfo("zh-Hans", "简体中文", "zh-Hans"),
    "zh-Hant": EditionInfo("zh-Hant", "繁體中文", "zh-Hant"),
    "en": EditionInfo("en", "English", "en"),
}


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


class SourceEdition:
    info = EDITIONS["zh-Hans"]

    def text(self, segment: Segment) -> EditionText:
        return EditionText(segment.text, State.SOURCE)
