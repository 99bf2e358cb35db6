"""How search reads text: the same rules at build time (here) and in the reader's browser
(templates/assets/search.js, which mirrors every function of this module).

Index and query must cut text the same way, or a name typed exactly as printed is not found
(Material's lunr index was cut into words by jieba while the query was cut differently). So
nothing here guesses at words:

- Chinese is indexed as overlapping character pairs (bigrams); a query's pairs must all be in
  a passage, and the passage text then confirms the query's terms are there contiguously.
- Every character is first folded to one form: Traditional to Simplified, whichever of the
  standard, Taiwan or Hong Kong forms it is (為/爲 → 为, 裡/裏 → 里, 著 → 着). The fold works
  character by character and keeps the text's length, so a match found in folded text is at
  the same place in the text the reader sees, and can be highlighted there.
- Latin words are lower-cased and lightly stemmed (schools → school, training → train,
  recruitment → recruit), British and American spellings meeting (enrolment/enrollment,
  labour/labor, centre/center, programme/program, organisation/organization). A hyphenated
  word or a number with thousands commas is also indexed whole (well-being → wellbeing,
  78,900 → 78900), so either way of writing it finds it.
"""

from __future__ import annotations

import re
import unicodedata
from collections.abc import Iterator
from functools import lru_cache

from generator.editions.hant import converter

# The Han blocks search knows (BMP: URO, Extension A, compatibility ideographs).
HAN = "\u3400-\u4dbf\u4e00-\u9fff\uf900-\ufaff"
_RUN = re.compile(rf"[{HAN}]+|[a-z0-9]+")
# A word written with hyphens, or a number with thousands commas: also one token, joined.
COMPOUND = re.compile(
    r"[a-z0-9]+(?:[-\u2010\u2011][a-z0-9]+)+|(?<![0-9])[0-9]{1,3}(?:,[0-9]{3})+(?![0-9])"
)
_JOINERS = str.maketrans("", "", "-\u2010\u2011,")
# Traditional → Simplified, in the forms readers type: OpenCC's standard, Taiwan's, Hong Kong's.
FOLD_CONFIGS = ("t2s", "tw2s", "hk2s")


@lru_cache(maxsize=1)
def fold_map() -> dict[str, str]:
    """Each Han character OpenCC converts to another single character, mapped to where its
    conversions end (爲 → 为; a chain a → b → c ends at c)."""
    chars = [
        chr(c)
        for lo, hi in ((0x3400, 0x4DC0), (0x4E00, 0xA000), (0xF900, 0xFB00))
        for c in range(lo, hi)
    ]
    mapping: dict[str, str] = {}
    for config in FOLD_CONFIGS:
        converted = converter(config).convert("\n".join(chars)).split("\n")
        for char, target in zip(chars, converted, strict=True):
            if target != char and len(target) == 1:
                mapping.setdefault(char, target)
    for char in mapping:
        seen = {char}
        while mapping[char] in mapping and mapping[char] not in seen:
            seen.add(mapping[char])
            mapping[char] = mapping[mapping[char]]
    return {c: t for c, t in mapping.items() if c != t}


def _one(char: str) -> str:
    """One character as search reads it: NFKC (full-width Ａ１ → a1), lower case, folded; a
    character whose normal form is longer (㎡ → m2) stays itself, keeping the length."""
    normal = unicodedata.normalize("NFKC", char)
    if len(normal) != 1:
        normal = char
    lower = normal.lower()
    if len(lower) != 1:
        lower = normal
    return fold_map().get(lower, lower)


class _FoldTable(dict[int, str]):
    """str.translate's table, each character's fold worked out once, when first met."""

    def __missing__(self, code: int) -> str:
        self[code] = _one(chr(code))
        return self[code]


_FOLD_TABLE = _FoldTable()


def fold(text: str) -> str:
    """`text` as search compares it, character for character (same length)."""
    return text.translate(_FOLD_TABLE)


_VOWEL = re.compile(r"[aeiouy]")
# British spellings to American ones (the order the browser applies them in too).
_SPELLINGS = (
    (re.compile(r"([a-z]{3,})our(s|ed|ing|ers?|able|ite|ites)?$"), r"\1or\2"),  # labour
    (re.compile(r"([a-z]{2,}[tb])re(s|d)?$"), r"\1er\2"),  # centre, fibre
    (re.compile(r"gramme(s)?$"), r"gram\1"),  # programme
    (re.compile(r"([a-z]{2,}[iy])s(e|es|ed|ing|ation|ations|er|ers)$"), r"\1z\2"),  # organise
)


@lru_cache(maxsize=1 << 16)  # a language's words are few, each met often
def stem(word: str) -> str:
    """A light English stemmer (the browser's is the same): British spellings as American,
    plurals, -ing, -ed, -ment, -er, a final -e and -y, a double l as one, so school/schools,
    train/trained/training, recruit/recruitment, teacher/teaching, enrol/enrolment/enrollment
    agree."""
    if not word.isalpha() or len(word) <= 3:
        return word
    for pattern, replacement in _SPELLINGS:
        word = pattern.sub(replacement, word)
    if word.endswith("ies") and len(word) > 4:
        word = word[:-3] + "y"
    elif word.endswith("sses"):
        word = word[:-2]
    elif word.endswith("s") and not word.endswith(("ss", "us", "is")):
        word = word[:-1]
    for suffix in ("ing", "ed"):
        base = word[: -len(suffix)]
        if word.endswith(suffix) and len(base) >= 3 and _VOWEL.search(base):
            word = base
            if len(word) > 3 and word[-1] == word[-2] and word[-1] not in "lsz":
                word = word[:-1]  # running → run
            break
    for suffix, shortest in (("ment", 4), ("er", 5)):
        if word.endswith(suffix) and len(word) - len(suffix) >= shortest:
            word = word[: -len(suffix)]  # recruitment → recruit, teacher → teach
            break
    if len(word) > 3 and word.endswith("e"):
        word = word[:-1]
    if len(word) > 3 and word.endswith("y"):
        word = word[:-1] + "i"
    return word.replace("ll", "l")  # enroll → enrol, modelling → modeling


def runs(folded: str) -> Iterator[re.Match[str]]:
    """The runs of Han characters and of Latin letters and digits in folded text."""
    return _RUN.finditer(folded)


def run_tokens(run: str) -> list[str]:
    """The index tokens of one run: a Latin word's stem; a Han run's character pairs and its
    last character alone (so a one-character query finds every place its character is: before
    another, as the first of a pair, or at the end of a run)."""
    if run[0].isascii():
        return [stem(run)]
    return [run[i : i + 2] for i in range(len(run) - 1)] + [run[-1]]


def compounds(folded: str) -> Iterator[re.Match[str]]:
    """Hyphenated words and numbers with thousands commas in folded text."""
    return COMPOUND.finditer(folded)


def joined(compound: str) -> str:
    """A compound's token: its parts joined, stemmed (well-being → wellb…, 78,900 → 78900)."""
    return stem(compound.translate(_JOINERS))


def tokens(text: str, folded: bool = False) -> set[str]:
    """Every index token of `text` (already `folded`, or not)."""
    if not folded:
        text = fold(text)
    out: set[str] = set()
    for match in runs(text):
        out.update(run_tokens(match.group()))
    for match in compounds(text):
        out.add(joined(match.group()))
    return out


def shard_key(token: str) -> str:
    """Tokens that share a key are stored in the same shard, so the browser finds every token
    that starts with a query's last characters (a lone Han character, a half-typed word)."""
    return token[:1] if not token[0].isascii() else token[:2]


def shard_of(token: str, shards: int) -> int:
    """FNV-1a over the key's UTF-16 code units, as the browser computes it."""
    h = 0x811C9DC5
    for unit in shard_key(token).encode("utf-16-le"):
        h ^= unit
        h = (h * 0x01000193) & 0xFFFFFFFF
    return h % shards
