"""Readable, language-neutral URL slugs for Chinese headings (pinyin of the leading phrase)."""

from __future__ import annotations

import re

from generator.importer.numbering import strip_numbering

MAX_SLUG = 40
_QUOTES = re.compile(r"[“”\"‘’《》「」『』]")


def pinyin_slug(heading: str) -> str:
    """`一、加强党的领导，把牢教育发展方向` → `jiaqiang-dangdelingdao`: pinyin of the words of the
    first phrase, numbering removed, at most MAX_SLUG characters. Quotation marks do not end
    the phrase (`一、2025年和“十四五”时期工作回顾` → `2025-nian-he-shisiwu-shiqi-gongzuo-huigu`)."""
    import jieba
    from pypinyin import lazy_pinyin

    text = _QUOTES.sub("", strip_numbering(heading))
    phrase = re.split(r"[，,。：:；;、（）()\s]", text.strip(), maxsplit=1)[0] or text
    words = []
    for word in jieba.cut(phrase):
        latin = re.sub(r"[^a-z0-9]", "", "".join(lazy_pinyin(word)).lower())
        if latin:
            words.append(latin)
    slug = ""
    for word in words:
        candidate = f"{slug}-{word}" if slug else word
        if len(candidate) > MAX_SLUG:
            break
        slug = candidate
    return slug
