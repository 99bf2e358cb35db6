"""Words that differ between the mainland and Taiwan beyond their characters (网络/網路,
信息/資訊, 软件/軟體): a reader types the one their region uses, the text may have the other.

Folding characters (text.py) cannot meet them, so search knows them as pairs of words: OpenCC's
own Taiwan phrase tables (TWPhrases, TWPhrasesRev: what its s2twp and tw2sp conversions use),
folded as search folds text, kept in phrases.tsv. The index ships only the pairs whose other
word is in an edition's text; the browser tries that word too.

    python -m generator.search.phrases   # rewrite phrases.tsv from the installed OpenCC
"""

from __future__ import annotations

import re
import subprocess
import tempfile
from collections.abc import Callable
from functools import lru_cache
from pathlib import Path

from generator.search.text import HAN, fold

TABLE = Path(__file__).with_name("phrases.tsv")
SOURCES = ("TWPhrasesRev", "TWPhrases")
_HAN_ONLY = re.compile(rf"[{HAN}]{{2,}}")


@lru_cache(maxsize=1)
def word_pairs() -> tuple[tuple[str, str], ...]:
    """Each pair of words (folded) that name the same thing on either side of the strait."""
    lines = TABLE.read_text(encoding="utf-8").splitlines()
    return tuple(
        (a, b) for a, b in (line.split("\t") for line in lines if not line.startswith("#"))
    )


def for_text(has_word: Callable[[str], bool]) -> dict[str, str]:
    """What the browser needs: each word mapped to its other form, where `has_word(other)`
    says the edition's text holds the other form (no other form is any use)."""
    out: dict[str, str] = {}
    for a, b in word_pairs():
        if has_word(b):
            out.setdefault(a, b)
        if has_word(a):
            out.setdefault(b, a)
    return dict(sorted(out.items()))


def from_opencc() -> list[tuple[str, str]]:
    """The pairs, read from the installed OpenCC's dictionaries with its own opencc_dict."""
    import opencc

    clib = Path(opencc.__file__).parent / "clib"
    pairs: set[tuple[str, str]] = set()
    with tempfile.TemporaryDirectory() as tmp:
        for name in SOURCES:
            out = Path(tmp) / f"{name}.txt"
            subprocess.run(
                [
                    clib / "bin" / "opencc_dict",
                    "-i",
                    clib / "share" / "opencc" / f"{name}.ocd2",
                    "-o",
                    out,
                    "-f",
                    "ocd2",
                    "-t",
                    "text",
                ],
                check=True,
                env={"LD_LIBRARY_PATH": str(clib / "lib64")},
            )
            for line in out.read_text(encoding="utf-8").splitlines():
                key, values = line.split("\t")
                for value in values.split(" "):
                    a, b = fold(key), fold(value)
                    if a != b and _HAN_ONLY.fullmatch(a) and _HAN_ONLY.fullmatch(b):
                        pairs.add((min(a, b), max(a, b)))
    return sorted(pairs)


def write_table() -> None:
    import opencc

    header = (
        f"# Mainland and Taiwan words for one thing, folded: OpenCC {opencc.__version__}'s "
        f"{' and '.join(SOURCES)} (Apache-2.0).\n# Regenerate: python -m generator.search.phrases\n"
    )
    body = "".join(f"{a}\t{b}\n" for a, b in from_opencc())
    TABLE.write_text(header + body, encoding="utf-8")


if __name__ == "__main__":
    write_table()
