"""The Traditional Chinese edition: OpenCC conversion, with editor-owned protected terms.

Phrase conversion (`s2twp`) also rewrites vocabulary, and with it proper names (杭州高级中学 →
杭州高階中學). Terms in the site's `zh-Hant.keep` table are taken out before conversion and put
back in the form the table gives, so names stay names. Quotation marks become the corner
brackets Taiwan and Hong Kong read (「」), unless site.yml keeps the Simplified text's
(`quotes: “”`).
"""

from __future__ import annotations

import re
from functools import lru_cache

import opencc

from generator.edition_list import HANT
from generator.editions import EditionText, State
from generator.errors import ReportSiteError
from generator.model import HantConfig, Segment
from generator.typography import corner_quotes

# Private-use code points stand in for protected terms while OpenCC runs: it leaves them alone.
_PLACEHOLDER_BASE = 0xF0000


@lru_cache(maxsize=8)
def converter(config: str) -> opencc.OpenCC:
    """One converter per configuration and process: loading the dictionaries is the slow part.
    (The configuration site.yml names is checked when it is read; one that still fails to load
    means a damaged installation.)"""
    try:
        return opencc.OpenCC(config)
    except Exception as error:  # OpenCC raises a bare Exception for an unknown configuration
        raise ReportSiteError(
            f"OpenCC cannot load its configuration {config!r} ({error}); "
            "reinstall it: pip install -r requirements.lock"
        ) from None


class HantEdition:
    info = HANT

    def __init__(self, config: HantConfig):
        self.converter = converter(config.opencc)
        self.config = config
        self.corners = config.quotes == "「」"
        self.terms = dict(config.protected_terms)
        # Longest first, so a longer name wins over a shorter one inside it.
        ordered = sorted(self.terms, key=len, reverse=True)
        self.pattern = re.compile("|".join(map(re.escape, ordered))) if ordered else None
        self.memo: dict[str, str] = {}

    def convert(self, text: str) -> str:
        # Every page asks for the same segments several times (its text, its counts, the
        # bilingual view, the full report): convert each once.
        converted = self.memo.get(text)
        if converted is None:
            converted = self._convert(text)
            converted = self.memo[text] = corner_quotes(converted) if self.corners else converted
        return converted

    def _convert(self, text: str) -> str:
        if self.pattern is None:
            return str(self.converter.convert(text))
        kept: list[str] = []

        def hold(match: re.Match[str]) -> str:
            kept.append(self.terms[match.group(0)])
            return chr(_PLACEHOLDER_BASE + len(kept) - 1)

        converted = str(self.converter.convert(self.pattern.sub(hold, text)))
        return re.sub(
            "[\U000f0000-\U000ffffd]",
            lambda m: kept[ord(m.group(0)) - _PLACEHOLDER_BASE],
            converted,
        )

    def text(self, segment: Segment) -> EditionText:
        return EditionText(self.convert(segment.text), State.CONVERTED)

    def chinese(self, text: str) -> str:
        return self.convert(text)
