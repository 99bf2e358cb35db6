"""Cross-script search: each Chinese edition's index also knows its words in the other script.

Material segments a Chinese query against the words of the index. A reader of the Traditional
edition who types Simplified 校外培训 should find 校外培訓, and the other way round. So every
entry gets one more field, `alt`, holding just the words whose other-script form differs
(converted by OpenCC): small, never shown, but searchable like the text itself.

Traditional is written three ways (OpenCC's standard forms, Taiwan's and Hong Kong's: 爲/為,
裏/裡, 着/著), and readers type their own: the Simplified edition's `alt` holds every form.
"""

from __future__ import annotations

import json
from pathlib import Path
from typing import Any

from generator.cjk import HAN_RUN
from generator.edition_list import HANT, SOURCE
from generator.editions.hant import converter

ALT_FIELD = "alt"
# The OpenCC conversions that give the other script of an edition, as its readers may type it.
OTHER_SCRIPT = {SOURCE.code: ("s2t", "s2tw", "s2hk"), HANT.code: ("t2s", "tw2s", "hk2s")}


def other_script_words(text: str, configs: tuple[str, ...]) -> str:
    """The words of `text` (jieba segments, separated by zero-width spaces in Material's index)
    whose conversion differs, in each conversion, each once, in order of first appearance."""
    words = list(dict.fromkeys(HAN_RUN.findall(text)))
    if not words:
        return ""
    differing: dict[str, None] = {}
    for config in configs:
        converted = converter(config).convert("\n".join(words)).split("\n")
        differing.update(dict.fromkeys(c for w, c in zip(words, converted, strict=True) if c != w))
    return "\u200b".join(differing)


def rewrite_index(index_path: Path, edition: str) -> None:
    """Add the other script's words to a Chinese edition's index, and write every edition's
    index with Chinese as UTF-8 (Material escapes it; the English edition has Chinese too,
    where a passage is not yet translated)."""
    if not index_path.exists():
        return
    data: dict[str, Any] = json.loads(index_path.read_text(encoding="utf-8"))
    configs = OTHER_SCRIPT.get(edition)
    if configs is not None:
        for doc in data["docs"]:
            text = f"{doc.get('title', '')}\u200b{doc.get('text', '')}"
            alt = other_script_words(text, configs)
            if alt:
                doc[ALT_FIELD] = alt
        data["config"]["fields"][ALT_FIELD] = {"boost": 1.0}
    # Material's compact form, but with Chinese as UTF-8 (3 bytes) rather than \\uXXXX (6).
    index_path.write_text(
        json.dumps(data, separators=(",", ":"), ensure_ascii=False, default=str), encoding="utf-8"
    )
