"""`libretranslate`: a LibreTranslate server (`POST {base}/translate`), self-hosted or public.

LibreTranslate runs Argos Translate models; it takes no glossary, so glossary terms are left to
the translators who review its drafts. Its Chinese is `zh` in older releases and `zh-Hans` in
newer ones, so the engine asks the server (`GET /languages`) once and uses what it offers. A key
(public instances need one) comes from LIBRETRANSLATE_API_KEY and travels in the JSON body, as
the API defines.
"""

from __future__ import annotations

from collections.abc import Mapping, Sequence
from typing import Any

from generator.tm.engines.base import EngineConfig, EngineError
from generator.tm.engines.service import Retry, Service

NAME = "libretranslate"
KEY_ENV = "LIBRETRANSLATE_API_KEY"
DEFAULT_BASE_URL = "http://localhost:5000"  # `libretranslate` and its Docker image listen here
CHINESE_CODES = ("zh-Hans", "zh")


def source_code(languages: Any, engine: str = NAME) -> str:
    """The server's code for Simplified Chinese, checking that it translates into English."""
    if not isinstance(languages, list):
        raise EngineError(engine, "GET /languages did not answer with a list of languages")
    targets = {
        str(lang.get("code")): set(lang.get("targets") or ())
        for lang in languages
        if isinstance(lang, dict)
    }
    for code in CHINESE_CODES:
        if code in targets and "en" in targets[code]:
            return code
    offered = ", ".join(sorted(targets)) or "none"
    raise EngineError(
        engine,
        f"the server offers no Chinese → English model (languages: {offered}); "
        "install it, e.g. start LibreTranslate with --load-only zh,en",
    )


class LibreTranslate:
    name = NAME
    batch_size = 1

    def __init__(self, config: EngineConfig, env: Mapping[str, str], retry: Retry):
        self.model = config.model or "argos"
        self.key = env.get(KEY_ENV) or None
        self.service = Service(
            NAME, config.base_url or DEFAULT_BASE_URL, retry=retry, key_env=KEY_ENV, key=self.key
        )
        self._source: str | None = None

    def translate(
        self, texts: Sequence[str], glossary: Mapping[str, str], context: Sequence[str] = ()
    ) -> list[str]:
        # LibreTranslate's /translate takes text only: no glossary, no context.
        if self._source is None:
            self._source = source_code(self.service.get("/languages"))
        return [self._one(text, self._source) for text in texts]

    def _one(self, text: str, source: str) -> str:
        payload = {"q": text, "source": source, "target": "en", "format": "text"}
        if self.key:
            payload["api_key"] = self.key
        data = self.service.post("/translate", payload)
        translated = data.get("translatedText") if isinstance(data, dict) else None
        if not isinstance(translated, str):
            raise EngineError(NAME, "the answer has no translatedText")
        return translated.strip()

    def close(self) -> None:
        self.service.close()
