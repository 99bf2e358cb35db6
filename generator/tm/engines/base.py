"""What every translation engine is: a batch of Chinese segments in, their English out.

An engine owns one service's protocol and nothing more. Choosing segments, writing the memory,
provenance and progress belong to `generator.tm.translate`, so a new engine is one small module.
"""

from __future__ import annotations

from collections.abc import Mapping, Sequence
from dataclasses import dataclass
from typing import Protocol

from generator.errors import Loc, Problem, ReportSiteError


class EngineError(ReportSiteError):
    """A failure the run cannot go on after (bad key, quota, misconfiguration, a server that
    keeps failing). Its one line names the engine and says what to do; it never holds a key."""

    def __init__(self, engine: str, message: str, hint: str = ""):
        super().__init__([Problem(Loc(engine), message, hint)])


@dataclass(frozen=True)
class EngineConfig:
    """Which engine to use and how to reach it; secrets are not here (they come from the
    environment when the engine is created)."""

    name: str
    base_url: str | None = None
    model: str | None = None
    english_variant: str | None = None  # EN-GB or EN-US: DeepL's target, a model's spelling


class Engine(Protocol):
    """One translation service. `name` and `model` are written into each entry's provenance;
    `batch_size` is how many segments one `translate` call takes (the memory is saved after each
    call, so an interrupted run loses at most one batch)."""

    name: str
    model: str
    batch_size: int

    def translate(
        self, texts: Sequence[str], glossary: Mapping[str, str], context: Sequence[str] = ()
    ) -> list[str]:
        """The English of each text, in order. `glossary` maps Chinese terms to the English
        that must be used; `context` holds, for each text, the Chinese around it (the segments
        before and after), to be understood but not translated. Engines whose protocol cannot
        take a glossary or context ignore them."""
        ...

    def close(self) -> None: ...


def terms_in(text: str, glossary: Mapping[str, str]) -> dict[str, str]:
    """The glossary entries whose Chinese occurs in `text`, in glossary order (longest first when
    the glossary comes from `load_glossary`), so a prompt carries only what the segment needs."""
    return {zh: en for zh, en in glossary.items() if zh and zh in text}
