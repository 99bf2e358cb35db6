"""A jieba dictionary that knows Traditional forms, for the zh-Hant search index.

jieba ships a Simplified dictionary; on Traditional text it falls back to guessing and splits
words differently from the Simplified edition. Adding each word's OpenCC conversion with the
same frequency makes 校外培訓 segment as 校外 / 培訓, exactly like 校外培训.
"""

from __future__ import annotations

import hashlib
from pathlib import Path

from generator.editions.hant import converter


def jieba_dictionary_path() -> Path:
    import jieba

    return Path(jieba.__file__).parent / "dict.txt"


def traditional_dictionary(opencc_config: str) -> bytes:
    source = jieba_dictionary_path().read_bytes()
    convert = converter(opencc_config)
    lines = source.decode("utf-8").splitlines()
    words = {line.split(" ", 1)[0] for line in lines}
    out = list(lines)
    # One OpenCC call for the whole word list: per-word calls cost seconds.
    converted = convert.convert("\n".join(line.split(" ", 1)[0] for line in lines)).split("\n")
    for line, hant in zip(lines, converted, strict=True):
        word, rest = line.split(" ", 1)
        if hant != word and hant not in words:
            words.add(hant)
            out.append(f"{hant} {rest}")
    return ("\n".join(out) + "\n").encode("utf-8")


def dictionary_stamp(opencc_config: str) -> str:
    digest = hashlib.sha256(jieba_dictionary_path().read_bytes())
    digest.update(opencc_config.encode())
    return digest.hexdigest()[:16]


def ensure_traditional_dictionary(path: Path, opencc_config: str) -> None:
    """Build the dictionary at `path` unless the one there was made from the same inputs."""
    stamp_path = path.with_suffix(".stamp")
    stamp = dictionary_stamp(opencc_config)
    if path.exists() and stamp_path.exists() and stamp_path.read_text() == stamp:
        return
    path.parent.mkdir(parents=True, exist_ok=True)
    path.write_bytes(traditional_dictionary(opencc_config))
    stamp_path.write_text(stamp)
