"""Which characters are Chinese: the one place the Unicode ranges are written.

Two sets, one inside the other:

- HAN, the ideographs (unified, extension A, compatibility): what a Chinese word is made of,
  what a search index segments and what says a passage is written in Chinese;
- CJK, everything of the Chinese (and Japanese) script besides: radicals, CJK symbols and
  punctuation (。、「」), kana, bopomofo, enclosed and compatibility forms (㈠, ㎡), vertical
  forms and full-width forms (，：（）１). Between two of them a line break is no space, and
  none of them belongs in an English passage.
"""

from __future__ import annotations

import re

HAN = "\u3400-\u4dbf\u4e00-\u9fff\uf900-\ufaff"
CJK = "\u2e80-\u33ff" + HAN + "\ufe30-\ufe4f\uff00-\uffef"

HAN_RUN = re.compile(f"[{HAN}]+")
CJK_RUN = re.compile(f"[{CJK}]+")
_HAN_CHAR = re.compile(f"[{HAN}]")
_CJK_CHAR = re.compile(f"[{CJK}]")


def is_han(ch: str) -> bool:
    return _HAN_CHAR.fullmatch(ch) is not None


def is_cjk(ch: str) -> bool:
    return _CJK_CHAR.fullmatch(ch) is not None


def han_count(text: str) -> int:
    return len(_HAN_CHAR.findall(text))
