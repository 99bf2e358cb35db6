"""Chinese text cut into words by jieba, imported when a command first cuts words.

jieba's import and dictionary take a fifth of a second, which most commands (build, serve,
check of a translated report) never need; its progress messages ("Building prefix dict…") are
kept off the terminal.
"""

from __future__ import annotations

import logging
from collections.abc import Iterator
from functools import cache
from types import ModuleType


@cache
def _jieba() -> ModuleType:
    """jieba, quiet (once: setting a logger's level clears every logger's cached level)."""
    import jieba

    jieba.setLogLevel(logging.WARNING)
    module: ModuleType = jieba
    return module


def cut(text: str, *, guess_new_words: bool) -> Iterator[str]:
    """The words of `text`: jieba's dictionary words, and words its model guesses if
    `guess_new_words` (jieba's HMM)."""
    words: Iterator[str] = _jieba().cut(text, HMM=guess_new_words)
    return words
