"""`openai-compatible`: a server speaking OpenAI Chat Completions (`POST {base}/chat/completions`).

That is OpenAI itself and most local and hosted model servers: Ollama (`http://localhost:11434/v1`),
llama.cpp's server, vLLM, LM Studio, DeepSeek, Qwen (DashScope). One request per segment: a
paragraph is a natural unit for a model, a failure costs one segment, and each answer maps to its
segment without parsing. The key, if any, comes from OPENAI_API_KEY; local servers need none.
"""

from __future__ import annotations

import re
from collections.abc import Mapping, Sequence
from typing import Any

from generator.tm.engines.base import EngineConfig, EngineError, terms_in
from generator.tm.engines.service import Retry, Service

NAME = "openai-compatible"
KEY_ENV = "OPENAI_API_KEY"
DEFAULT_BASE_URL = "https://api.openai.com/v1"

INSTRUCTIONS = """\
You translate passages of an official Chinese government report into English for publication.
Return only the English translation of the user's passage: no notes, no explanations, no quotes
around it, no Chinese.
Keep every figure exact and convert Chinese number units: 5.79万 → 57,900; 3771.55万元 → \
CNY 37.7155 million; 1.2亿 → 120 million; 1.01个百分点 → 1.01 percentage points.
Keep qualifiers: 多, 余 and 以上 → more than or over; 近 → nearly; 约 → about.
Keep inline Markdown (**bold**, *emphasis*, [links](…)) exactly where it is.
Translate one passage as one passage: no line breaks, headings stay headings."""

_THINKING = re.compile(r"<think>.*?</think>", re.DOTALL)


SPELLING = {
    "EN-GB": "Use British spelling (programme, organisation).",
    "EN-US": "Use American spelling (program, organization).",
}


def system_prompt(terms: Mapping[str, str], context: str = "", variant: str | None = None) -> str:
    """The instructions, the glossary terms that occur in the passage (only those: a long
    glossary would drown the instructions and cost tokens on every request), the spelling, and
    the passages around it, so names and voice stay the same from one passage to the next."""
    parts = [INSTRUCTIONS]
    if variant in SPELLING:
        parts.append(SPELLING[variant])
    if terms:
        listed = "\n".join(f"{zh} → {en}" for zh, en in terms.items())
        parts.append(f"Use these official English names exactly:\n{listed}")
    if context:
        parts.append(
            'The report speaks as the bureau ("we"). For consistency, here is the Chinese '
            f"around the passage; do not translate it:\n{context}"
        )
    return "\n".join(parts)


def answer_text(data: Any, engine: str = NAME) -> str:
    """The assistant's text in a Chat Completions answer, without a reasoning model's
    `<think>…</think>` preamble (DeepSeek-R1 and Qwen3 through Ollama put it in the content)."""
    try:
        content = data["choices"][0]["message"]["content"]
    except (KeyError, IndexError, TypeError):
        raise EngineError(engine, "the answer has no choices[0].message.content") from None
    if not isinstance(content, str):
        raise EngineError(engine, "the answer's message content is not text")
    return _THINKING.sub("", content).strip()


class OpenAICompatible:
    name = NAME
    batch_size = 1

    def __init__(self, config: EngineConfig, env: Mapping[str, str], retry: Retry):
        if not config.model:
            raise EngineError(
                NAME,
                "needs a model name: --model NAME or translate.model in content/site.yml "
                "(for example gpt-4o-mini, or qwen2.5:7b on Ollama)",
            )
        self.model = config.model
        self.variant = config.english_variant
        key = env.get(KEY_ENV) or None
        self.service = Service(
            NAME,
            config.base_url or DEFAULT_BASE_URL,
            retry=retry,
            headers={"Authorization": f"Bearer {key}"} if key else {},
            key_env=KEY_ENV,
            key=key,
        )

    def translate(
        self, texts: Sequence[str], glossary: Mapping[str, str], context: Sequence[str] = ()
    ) -> list[str]:
        around = list(context) or [""] * len(texts)
        return [self._one(t, glossary, c) for t, c in zip(texts, around, strict=True)]

    def _one(self, text: str, glossary: Mapping[str, str], context: str) -> str:
        prompt = system_prompt(terms_in(text, glossary), context, self.variant)
        payload = {
            "model": self.model,
            "temperature": 0,
            "stream": False,
            "messages": [
                {"role": "system", "content": prompt},
                {"role": "user", "content": text},
            ],
        }
        return answer_text(self.service.post("/chat/completions", payload))

    def close(self) -> None:
        self.service.close()
