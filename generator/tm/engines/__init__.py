"""Machine-translation engines, each speaking its service's real protocol.

`create` turns an EngineConfig into a ready engine, reading its key from the environment (never
from a file); `NAMES` lists what `--engine` and `translate.engine` in content/site.yml accept.
"""

from __future__ import annotations

import difflib
import os
from collections.abc import Callable, Mapping

from generator.tm.engines.base import Engine, EngineConfig, EngineError, terms_in
from generator.tm.engines.ctranslate2_model import CTranslate2Model
from generator.tm.engines.deepl import DeepL
from generator.tm.engines.libretranslate import LibreTranslate
from generator.tm.engines.openai_compatible import OpenAICompatible
from generator.tm.engines.service import Retry

Factory = Callable[[EngineConfig, Mapping[str, str], Retry], Engine]

ENGINES: dict[str, Factory] = {
    "openai-compatible": OpenAICompatible,
    "libretranslate": LibreTranslate,
    "deepl": DeepL,
    "ctranslate2": CTranslate2Model,
}
NAMES = tuple(ENGINES)

__all__ = ["NAMES", "Engine", "EngineConfig", "EngineError", "Retry", "create", "terms_in"]


def unknown_engine(name: str) -> str:
    """The message for an engine name that is not one of NAMES, with a suggestion if close."""
    close = [n for n in NAMES if name and n.startswith(name)]
    close = close or difflib.get_close_matches(name, NAMES, n=1)
    suggestion = f"; did you mean {close[0]}?" if close else ""
    return f"unknown engine {name!r} (engines: {', '.join(NAMES)}){suggestion}"


def create(
    config: EngineConfig, env: Mapping[str, str] | None = None, retry: Retry | None = None
) -> Engine:
    factory = ENGINES.get(config.name)
    if factory is None:
        raise EngineError("report-site", unknown_engine(config.name))
    return factory(config, os.environ if env is None else env, retry or Retry())
