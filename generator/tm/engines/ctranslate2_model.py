"""`ctranslate2`: a local CTranslate2 model directory, for translating without any network.

`--model` names the directory: an Argos Translate package (`model/model.bin` and
`sentencepiece.model`, as argospm installs them) or an OPUS-MT model converted with
`ct2-opus-mt-converter` (`model.bin`, with the Marian `source.spm` and `target.spm` copied
beside it). It needs the optional extra: `pip install 'report-site[ctranslate2]'`, imported only
when this engine is used. Segments are split into sentences first, as Argos does, because these
small models translate one sentence well and a long paragraph poorly. No glossary.

The tests cover the configuration errors and, with stand-in modules, the tokenise → translate →
detokenise wiring; no real model is downloaded for them.
"""

from __future__ import annotations

import importlib
import re
from collections.abc import Mapping, Sequence
from dataclasses import dataclass
from pathlib import Path
from typing import Any

from generator.errors import display_path
from generator.tm.engines.base import EngineConfig, EngineError
from generator.tm.engines.service import Retry

NAME = "ctranslate2"
EXTRA = "pip install 'report-site[ctranslate2]'"
_SENTENCE_END = re.compile(r"(?<=[。！？；!?])")


@dataclass(frozen=True)
class ModelFiles:
    model_dir: Path  # holds model.bin
    source_spm: Path
    target_spm: Path


def model_files(folder: Path) -> ModelFiles:
    """Where the model and its SentencePiece models are, or an error naming what is missing."""
    shown = display_path(folder)
    if not folder.is_dir():
        raise EngineError(NAME, f"{shown}: no such model directory; check --model")
    model_dir = next((d for d in (folder, folder / "model") if (d / "model.bin").is_file()), None)
    if model_dir is None:
        raise EngineError(
            NAME,
            f"{shown}: not a CTranslate2 model (no model.bin in it or in model/); "
            "give an Argos Translate package or a converted OPUS-MT model",
        )
    shared = folder / "sentencepiece.model"
    if shared.is_file():
        return ModelFiles(model_dir, shared, shared)
    source, target = folder / "source.spm", folder / "target.spm"
    if source.is_file() and target.is_file():
        return ModelFiles(model_dir, source, target)
    raise EngineError(
        NAME,
        f"{shown}: no SentencePiece model (sentencepiece.model, or source.spm and target.spm)",
    )


def sentences(text: str) -> list[str]:
    """A paragraph's sentences, each keeping its closing punctuation."""
    return [part.strip() for part in _SENTENCE_END.split(text) if part.strip()]


def _import(module: str) -> Any:
    try:
        return importlib.import_module(module)
    except ImportError:
        raise EngineError(NAME, f"the {module} package is not installed; {EXTRA}") from None


class CTranslate2Model:
    name = NAME
    batch_size = 8

    def __init__(self, config: EngineConfig, env: Mapping[str, str], retry: Retry):
        if not config.model:
            raise EngineError(NAME, "needs the model directory: --model PATH")
        folder = Path(config.model)
        files = model_files(folder)
        ctranslate2 = _import("ctranslate2")
        sentencepiece = _import("sentencepiece")
        self.model = folder.resolve().name
        self.translator = ctranslate2.Translator(str(files.model_dir), device="cpu")
        self.source = sentencepiece.SentencePieceProcessor(model_file=str(files.source_spm))
        self.target = sentencepiece.SentencePieceProcessor(model_file=str(files.target_spm))

    def translate(
        self, texts: Sequence[str], glossary: Mapping[str, str], context: Sequence[str] = ()
    ) -> list[str]:
        split = [sentences(text) or [text] for text in texts]
        flat = [sentence for parts in split for sentence in parts]
        tokens = [self.source.encode(sentence, out_type=str) for sentence in flat]
        results = self.translator.translate_batch(tokens, beam_size=4, max_decoding_length=256)
        english = iter(self.target.decode(result.hypotheses[0]).strip() for result in results)
        return [" ".join(next(english) for _ in parts) for parts in split]

    def close(self) -> None:
        return None
