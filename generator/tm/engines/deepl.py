"""`deepl`: the DeepL API v2 (`POST {base}/translate`, key in `Authorization: DeepL-Auth-Key`).

The key comes from DEEPL_AUTH_KEY. Free-plan keys end in `:fx` and are served by
api-free.deepl.com, others by api.deepl.com; the base URL follows the key unless --base-url says
otherwise. `--model` is passed as DeepL's `model_type` (quality_optimized, latency_optimized…).

The glossary goes through DeepL's own glossary feature (v2 `POST /glossaries`, TSV entries,
zh → en), named after a hash of its entries: a run reuses the glossary an earlier run created
with the same entries instead of creating one per run (an account holds at most 1000). A quota
used up (HTTP 456) stops the run with what to do.
"""

from __future__ import annotations

import hashlib
from collections.abc import Mapping, Sequence
from typing import Any

from generator.tm.engines.base import EngineConfig, EngineError
from generator.tm.engines.service import Retry, Service

NAME = "deepl"
KEY_ENV = "DEEPL_AUTH_KEY"
FREE_BASE_URL = "https://api-free.deepl.com/v2"
PRO_BASE_URL = "https://api.deepl.com/v2"
TARGET_LANG = "EN-GB"  # the default: British spelling (programme, organisation); or EN-US
BATCH = 20  # DeepL takes up to 50 texts a request; 20 keeps a request well under its size limit
READY_CHECKS = 10
QUOTA_MESSAGE = (
    "the DeepL quota is used up (HTTP 456); wait for it to renew or raise the plan's limit, "
    "then run again (translations so far are saved)"
)


def default_base_url(key: str) -> str:
    return FREE_BASE_URL if key.endswith(":fx") else PRO_BASE_URL


def glossary_tsv(glossary: Mapping[str, str]) -> str:
    """DeepL's TSV entries: one `中文<TAB>English` a line, sorted, so the same glossary always
    gives the same text (and name). Entries a TSV line cannot hold are left out."""
    rows = sorted(
        (zh.strip(), en.strip())
        for zh, en in glossary.items()
        if zh.strip() and en.strip() and not any(c in zh + en for c in "\t\r\n")
    )
    return "\n".join(f"{zh}\t{en}" for zh, en in rows)


def glossary_name(tsv: str) -> str:
    return "report-site " + hashlib.sha256(tsv.encode("utf-8")).hexdigest()[:12]


class DeepL:
    name = NAME
    batch_size = BATCH

    def __init__(self, config: EngineConfig, env: Mapping[str, str], retry: Retry):
        key = env.get(KEY_ENV) or ""
        if not key:
            raise EngineError(
                NAME, f"needs a key: set the environment variable {KEY_ENV} and run again"
            )
        self.model = config.model or "default"
        self.target_lang = config.english_variant or TARGET_LANG
        self.model_type = config.model
        self.retry = retry
        self.service = Service(
            NAME,
            config.base_url or default_base_url(key),
            retry=retry,
            headers={"Authorization": f"DeepL-Auth-Key {key}"},
            key_env=KEY_ENV,
            key=key,
            stops={456: QUOTA_MESSAGE},
        )
        self._glossaries: dict[str, str] = {}  # TSV → glossary_id

    def translate(
        self, texts: Sequence[str], glossary: Mapping[str, str], context: Sequence[str] = ()
    ) -> list[str]:
        body: dict[str, Any] = {
            "text": list(texts),
            "source_lang": "ZH",
            "target_lang": self.target_lang,
        }
        # DeepL's `context` is one text for the whole request, understood and not translated
        # (nor billed): the passages around the batch.
        around = [c for c in dict.fromkeys(context) if c and c not in texts]
        if around:
            body["context"] = "\n".join(around)
        glossary_id = self._glossary_id(glossary_tsv(glossary))
        if glossary_id:
            body["glossary_id"] = glossary_id
        if self.model_type:
            body["model_type"] = self.model_type
        data = self.service.post("/translate", body)
        translations = data.get("translations") if isinstance(data, dict) else None
        if not isinstance(translations, list) or len(translations) != len(texts):
            raise EngineError(NAME, f"the answer does not hold {len(texts)} translations")
        return [str(t.get("text", "")).strip() for t in translations]

    def _glossary_id(self, tsv: str) -> str:
        if not tsv:
            return ""
        if tsv not in self._glossaries:
            self._glossaries[tsv] = self._find_or_create(tsv)
        return self._glossaries[tsv]

    def _find_or_create(self, tsv: str) -> str:
        name = glossary_name(tsv)
        listed = self.service.get("/glossaries")
        for info in listed.get("glossaries", []) if isinstance(listed, dict) else []:
            if (
                info.get("name") == name
                and info.get("source_lang") == "zh"
                and info.get("target_lang") == "en"
            ):
                return self._when_ready(info)
        created = self.service.post(
            "/glossaries",
            {
                "name": name,
                "source_lang": "zh",
                "target_lang": "en",
                "entries": tsv,
                "entries_format": "tsv",
            },
        )
        return self._when_ready(created)

    def _when_ready(self, info: Any) -> str:
        """DeepL may answer a new glossary with `ready: false`; it cannot be used until ready."""
        glossary_id = str(info.get("glossary_id", "")) if isinstance(info, dict) else ""
        if not glossary_id:
            raise EngineError(NAME, "the glossary answer has no glossary_id")
        for attempt in range(READY_CHECKS):
            if info.get("ready", True):
                return glossary_id
            self.retry.sleep(self.retry.delay(attempt, None))
            info = self.service.get(f"/glossaries/{glossary_id}")
        raise EngineError(NAME, f"the glossary {glossary_id} did not become ready; run again later")

    def close(self) -> None:
        self.service.close()
