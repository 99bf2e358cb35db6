"""The site's editions: which there are and what each is. The one place their codes are written.

Every other module asks this list (by role, or by iterating it) rather than spelling a code, so
an edition is added or renamed here.
"""

from __future__ import annotations

from dataclasses import dataclass
from enum import StrEnum


class Role(StrEnum):
    SOURCE = "source"  # the Chinese the report is written in; content/ holds it
    CONVERTED = "converted"  # derived from the source mechanically (OpenCC)
    TRANSLATED = "translated"  # from the translation memory


@dataclass(frozen=True)
class EditionInfo:
    code: str  # BCP 47 tag, also the folder under site/ and the <html lang>
    name: str  # the edition's name in its own language, for the switcher
    material_language: str  # Material's theme.language (UI strings)
    role: Role

    @property
    def chinese(self) -> bool:
        return self.role is not Role.TRANSLATED


SOURCE = EditionInfo("zh-Hans", "简体中文", "zh-Hans", Role.SOURCE)
HANT = EditionInfo("zh-Hant", "繁體中文", "zh-Hant", Role.CONVERTED)
ENGLISH = EditionInfo("en", "English", "en", Role.TRANSLATED)

EDITIONS: dict[str, EditionInfo] = {info.code: info for info in (SOURCE, HANT, ENGLISH)}
CODES: tuple[str, ...] = tuple(EDITIONS)


def chinese_of(info: EditionInfo) -> EditionInfo:
    """The Chinese a reader of `info` reads beside the English: their own script, or the
    source for readers of the translation."""
    return info if info.chinese else SOURCE
