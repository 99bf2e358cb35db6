"""Readable, language-neutral URL slugs for Chinese headings (pinyin of the leading phrase)."""

from __future__ import annotations

import re

from generator.chinese_words import cut

MAX_SLUG = 40
# A report's folder is its web address in every edition, beside what MkDocs itself puts there.
REPORT_SLUG = re.compile(r"[a-z0-9][a-z0-9-]*")
RESERVED_SLUGS = frozenset({"assets", "search"})
_QUOTES = re.compile(r"[“”\"‘’《》「」『』]")
_CJK_GAP = re.compile(r"(?<=[\u4e00-\u9fff])[ \t\u3000]+(?=[\u4e00-\u9fff])")


def pinyin_slug(heading: str) -> str:
    """`加强党的领导，把牢教育发展方向` → `jiaqiang-dangdelingdao`: pinyin of the words of the
    first phrase of a heading (without its numbering), at most MAX_SLUG characters. Quotation
    marks do not end the phrase (`2025年和“十四五”时期工作回顾` →
    `2025-nian-he-shisiwu-shiqi-gongzuo-huigu`)."""
    text = _CJK_GAP.sub("", _QUOTES.sub("", heading))  # `综 合` (spaced to align) → `综合`
    phrase = re.split(r"[，,。：:；;、（）()\s]", text.strip(), maxsplit=1)[0] or text
    return _join_words(pinyin_words(phrase), MAX_SLUG)


def pinyin_words(text: str) -> list[str]:
    """The words of `text` (jieba) in toneless pinyin, Latin letters and digits kept."""
    from pypinyin import lazy_pinyin

    words = []
    for word in cut(text, guess_new_words=True):
        latin = re.sub(r"[^a-z0-9]", "", "".join(lazy_pinyin(word)).lower())
        if latin:
            words.append(latin)
    return words


def report_slug(file_stem: str) -> str:
    """A report's folder name from its file name: `hangzhou-education-2020` stays as it is,
    `杭州市教育局2020年工作总结` becomes `hangzhoushi-jiaoyuju-2020-nian-gongzuo-zongjie`."""
    slug = _join_words(pinyin_words(file_stem.replace("_", " ")), 60)
    if not slug or slug in RESERVED_SLUGS:
        return f"report-{slug}" if slug else "report"
    return slug


def _join_words(words: list[str], limit: int) -> str:
    slug = ""
    for word in words:
        candidate = f"{slug}-{word}" if slug else word
        if len(candidate) > limit:
            break
        slug = candidate
    return slug
