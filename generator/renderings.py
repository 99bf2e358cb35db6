"""How a report's English renders each Chinese term, read from the memory itself (no model).

A term's **own words** are the English words that stand near the term's place in most of the
segments holding it (a translation keeps a paragraph's order, so a term a third of the way into
the Chinese is rendered about a third of the way into the English) and are rare in segments
without it: "computerized" and "lottery" go with 电脑派位, "childcare" with 居家看护补助. In one
segment, the term's **rendering** is the shortest passage near its place that holds the most of
its own words. The words most segments' renderings share are the dominant rendering; a segment
lacking one of them renders the term another way ("lottery" where most say "computerized
lottery", "home care subsidies" where most say "home childcare subsidies").

Words are compared lower-case, singular and without -ize/-ization ("Clean Schools" and "clean
school", "modernized" and "modernization" agree), and their order may change ("prevention and
control of the epidemic"). Terms are runs of whole Chinese words (cut by jieba's dictionary):
a run that starts in the middle of a word is no term.
"""

from __future__ import annotations

import re
from collections import Counter
from collections.abc import Iterable, Mapping, Sequence
from dataclasses import dataclass

from generator.chinese_words import cut as cut_words
from generator.errors import Loc
from generator.markdown_text import plain_text

_WORD = re.compile(r"[A-Za-z]+")
_HAN_RUN = re.compile(r"[\u4e00-\u9fff]+")
# Function words render no term: they are never a rendering's word, and free inside one.
_FUNCTION_TEXT = (
    "a an the of and or in on at to for by with from as into over under than per its their"
    " our we it is are was were be been has have had this that these those all such each"
    " every some other more most also both which who whose so not no out up"
)
FUNCTION_WORDS = frozenset(_FUNCTION_TEXT.split())
_ENDING_TEXT = (
    "izations isations ization isation izing ising ized ised ations ation ated ating ings ing ed"
)
_ENDINGS = tuple(
    (suffix, "at" if suffix.startswith("at") else "") for suffix in _ENDING_TEXT.split()
)
TERM_LENGTHS = range(3, 11)  # characters: shorter runs are words (学校), longer ones clauses
MAX_WORDS = 4  # jieba words in a term
NEAR = 0.2  # how far (a share of the text) a rendering may stand from its term's place
MAX_EXTRA = 3  # other words a rendering may hold between its own ("care" in "home care subsidies")
MIN_PRECISION = 0.6  # of the segments whose English holds a word, the share holding the term
SHORT = 30  # characters: a label or heading this short renders every term it holds


@dataclass(frozen=True)
class Segment:
    """What the term checks need of one translated segment."""

    zh: str
    en: str
    loc: Loc
    page: str

    @property
    def short(self) -> bool:
        return len(plain_text(self.zh)) <= SHORT


@dataclass(frozen=True)
class Word:
    key: str  # lower-case, singular
    start: int
    end: int


@dataclass(frozen=True)
class Usage:
    """How one segment renders a term: the passage (empty if none) and the own words in it."""

    segment: Segment
    passage: str
    words: frozenset[str]
    at: tuple[int, int] = (0, 0)  # where the passage is in the plain English


@dataclass(frozen=True)
class Disagreement:
    """A segment that renders `term` otherwise than most: `usual` is the dominant rendering,
    `where` the segments that have it, `usage` this segment's rendering."""

    term: str
    usual: str
    where: tuple[Loc, ...]
    usage: Usage


def english_words(english: str) -> list[Word]:
    text = plain_text(english)
    return [Word(word_key(m.group()), m.start(), m.end()) for m in _WORD.finditer(text)]


def word_key(word: str) -> str:
    """The word lower-case and without its ending: singular, and -ize, -ation, -ing and -ed
    taken off, so "opened" and "opening", "allocated" and "allocation" count as one."""
    word = word.casefold()
    for suffix, instead in _ENDINGS:
        if len(word) - len(suffix) >= 4 and word.endswith(suffix):
            return word[: -len(suffix)] + instead
    if len(word) > 4 and word.endswith("ies"):
        return word[:-3] + "y"
    if len(word) > 3 and word.endswith("s") and not word.endswith(("ss", "us", "is")):
        return word[:-1]
    return word


def content_words(english: str) -> frozenset[str]:
    return frozenset(w.key for w in english_words(english) if w.key not in FUNCTION_WORDS)


def chinese_words(text: str) -> list[str]:
    """The words of Chinese text as jieba cuts them (its dictionary only: no guessed words)."""
    return [word for word in cut_words(text, guess_new_words=False) if word.strip()]


def read_usage(
    segment: Segment, places: Sequence[float], wanted: frozenset[str], english: str | None = None
) -> Usage:
    """The shortest passage near `places` (shares of the Chinese, where a term is) in the
    segment's English (or `english`, its plain text as the caller has it) holding the most of
    `wanted`, with at most MAX_EXTRA other words (function words aside) among them."""
    plain = plain_text(segment.en) if english is None else english
    text = [Word(word_key(m.group()), m.start(), m.end()) for m in _WORD.finditer(plain)]
    size = max(len(plain), 1)
    at = [
        i
        for i, word in enumerate(text)
        if word.key in wanted and _is_near(word.start / size, places, segment.short)
    ]
    best: tuple[int, int, int, int] | None = None  # (-words held, length, first, last)
    for first in at:
        inside: set[str] = set()
        for last in range(first, len(text)):
            inside.add(text[last].key)
            holds = inside & wanted
            if len(inside - holds - FUNCTION_WORDS) > MAX_EXTRA:
                break  # a longer passage only holds more other words
            candidate = (-len(holds), last - first, first, last)
            if text[last].key in wanted and (best is None or candidate < best):
                best = candidate
    if best is None:
        return Usage(segment, "", frozenset())
    _, _, first, last = best
    held = frozenset(text[i].key for i in range(first, last + 1)) & wanted
    start, end = text[first].start, text[last].end
    return Usage(segment, " ".join(plain[start:end].split()), held, (start, end))


def _is_near(at: float, places: Sequence[float], short: bool) -> bool:
    """Whether an English word at `at` (a share of the English) stands where the term does:
    a translation keeps a paragraph's order; a short text is rendered as a whole."""
    return short or any(abs(at - place) <= NEAR for place in places)


def _places(term: str, text: str) -> list[float]:
    """Where the term is in a segment's Chinese, as shares of its length (0 = start)."""
    size = max(len(text), 1)
    return [(m.start() + len(term) / 2) / size for m in re.finditer(re.escape(term), text)]


@dataclass(frozen=True)
class Memory:
    """The translated segments of one report (each Chinese text once), their Chinese with the
    glossary's terms blanked out (those are the glossary check's business) and cut into words,
    and for each English word and each Chinese word the segments that hold it."""

    segments: tuple[Segment, ...]
    plain: tuple[str, ...]  # each segment's English, glossary names blanked out
    chinese: tuple[str, ...]
    cuts: tuple[tuple[tuple[str, ...], ...], ...]  # per segment, its runs of Chinese words
    groups: tuple[int, ...]  # a heading and the paragraph under it are one piece of evidence
    english: Mapping[str, frozenset[int]]
    words: Mapping[str, frozenset[int]]

    @classmethod
    def of(cls, segments: Sequence[Segment], glossary: Mapping[str, str]) -> Memory:
        distinct = tuple({segment.zh: segment for segment in segments if segment.en}.values())
        plain = tuple(blank_english(plain_text(s.en), glossary) for s in distinct)
        chinese = tuple(_blank(plain_text(segment.zh), glossary) for segment in distinct)
        cuts = tuple(
            tuple(tuple(chinese_words(run)) for run in _HAN_RUN.findall(text)) for text in chinese
        )
        english: dict[str, set[int]] = {}
        words: dict[str, set[int]] = {}
        for index, text in enumerate(plain):
            for match in _WORD.finditer(text):
                english.setdefault(word_key(match.group()), set()).add(index)
            for run in cuts[index]:
                for zh_word in run:
                    words.setdefault(zh_word, set()).add(index)
        return cls(
            distinct, plain, chinese, cuts, _groups(distinct), _frozen(english), _frozen(words)
        )

    def holding(self, term: str) -> list[int]:
        return [i for i, text in enumerate(self.chinese) if term in text]

    def own_words(self, term: str, where: Sequence[int]) -> frozenset[str]:
        """English words near the term in most of its segments, rare in segments without it,
        and going with it more than with any Chinese word outside it (招生, not 义务教育, is
        "enrollment", though the two often meet): Melamed's competitive linking, by Dice."""
        most = _most(self.groups[i] for i in where)
        near: dict[str, set[int]] = {}
        for i in where:
            for key in self._near(i, term):
                near.setdefault(key, set()).add(self.groups[i])
        rivals = {w for i in where for run in self.cuts[i] for w in run if w not in term}
        return frozenset(
            key
            for key, groups in near.items()
            if key not in FUNCTION_WORDS
            and len(groups) >= most
            and len(groups) >= MIN_PRECISION * len({self.groups[i] for i in self.english[key]})
            and all(
                _dice(set(where), self.english[key]) >= _dice(self.words[rival], self.english[key])
                for rival in rivals
                if len(rival) > 1
            )
        )

    def usages(self, term: str) -> list[Usage]:
        """Each segment's rendering of the term (empty where its own words are not known)."""
        where = self.holding(term)
        own = self.own_words(term, where)
        return [self._read(i, term, own) for i in where]

    def _near(self, index: int, term: str) -> set[str]:
        """The English words standing about where the term stands in the Chinese."""
        text, places = self.plain[index], _places(term, self.chinese[index])
        return {
            word_key(m.group())
            for m in _WORD.finditer(text)
            if _is_near(m.start() / max(len(text), 1), places, self.segments[index].short)
        }

    def _read(self, index: int, term: str, wanted: frozenset[str]) -> Usage:
        places = _places(term, self.chinese[index])
        return read_usage(self.segments[index], places, wanted, self.plain[index])

    def disagreements(self) -> list[Disagreement]:
        """Every segment rendering a recurring term otherwise than most of the segments with
        it; a segment is named once for one passage (by the longest term that finds it)."""
        found: dict[tuple[Loc, str], Disagreement] = {}
        terms = recurring_terms(self.cuts)
        for term in sorted(terms, key=lambda t: (-len(t), t)):
            for disagreement in self._term_disagreements(term, sorted(terms[term])):
                key = (disagreement.usage.segment.loc, disagreement.usage.passage)
                found.setdefault(key, disagreement)
        return sorted(found.values(), key=lambda d: _order(d.usage.segment.loc))

    def _term_disagreements(self, term: str, where: Sequence[int]) -> list[Disagreement]:
        own = self.own_words(term, where)
        usages = [self._read(i, term, own) for i in where]
        grouped = [(self.groups[i], usage.words) for i, usage in zip(where, usages, strict=True)]
        usual = dominant(grouped, _most(self.groups[i] for i in where))
        if not usual:
            return []
        # A segment holding the dominant words apart from others is read again for them alone.
        for n, i in enumerate(where):
            again = self._read(i, term, usual)
            if again.words and not usual <= usages[n].words:
                usages[n] = again
        agreeing = [usage for usage in usages if usual <= usage.words]
        passage = Counter(usage.passage for usage in agreeing).most_common(1)[0][0]
        return [
            Disagreement(term, passage, tuple(u.segment.loc for u in agreeing), usage)
            for usage in usages
            if not usual <= usage.words and (usage.words or usage.segment.short)
        ]


def _order(loc: Loc) -> tuple[str, int]:
    return (loc.path, loc.line)


def _frozen(index: Mapping[str, set[int]]) -> dict[str, frozenset[int]]:
    return {key: frozenset(found) for key, found in index.items()}


def _dice(a: set[int] | frozenset[int], b: frozenset[int]) -> float:
    return 2 * len(a & b) / (len(a) + len(b)) if a or b else 0.0


def blank_english(english: str, glossary: Mapping[str, str]) -> str:
    """Plain English with every glossary name blanked out (as many spaces), as its Chinese is:
    those are the glossary check's business."""
    text = english
    for name in sorted(set(glossary.values()), key=len, reverse=True):
        text = re.sub(re.escape(name), lambda m: " " * len(m.group()), text, flags=re.IGNORECASE)
    return text


def _blank(text: str, glossary: Mapping[str, str]) -> str:
    """The text with every glossary term (longest first) replaced by as many spaces."""
    for term in sorted(glossary, key=len, reverse=True):
        text = text.replace(term, " " * len(term))
    return text


def _most(groups: Iterable[int]) -> int:
    """More than half of the groups, and two at least."""
    return max(2, len(set(groups)) // 2 + 1)


def _groups(segments: Sequence[Segment]) -> tuple[int, ...]:
    """Each segment's group: a short segment (a heading) sums up the paragraph after it on its
    page and shares its words, so the two are counted once; every other segment is its own."""
    groups = list(range(len(segments)))
    for i in range(len(segments) - 2, -1, -1):
        here, after = segments[i], segments[i + 1]
        if here.short and not after.short and here.page == after.page:
            groups[i] = groups[i + 1]
    return tuple(groups)


def dominant(renderings: Sequence[tuple[int, frozenset[str]]], most: int) -> frozenset[str]:
    """The largest set of words that renderings in at least `most` groups all hold (of two as
    large, the one more groups hold); nothing when no rendering is shared that widely, or when
    two different ones are shared as widely (then none is the usual one)."""
    scored: dict[tuple[int, int], list[frozenset[str]]] = {}
    for candidate in {words for _, words in renderings if words}:
        support = len({group for group, words in renderings if candidate <= words})
        if support >= most:
            scored.setdefault((len(candidate), support), []).append(candidate)
    if not scored:
        return frozenset()
    best = scored[max(scored)]
    return best[0] if len(best) == 1 else frozenset()  # two as good: no rendering dominates


def recurring_terms(cuts: Sequence[Sequence[Sequence[str]]]) -> dict[str, set[int]]:
    """Runs of one to four whole Chinese words, 3-10 characters long, neither starting nor
    ending with a one-character word (的, 等, 所), found in two segments or more, each with the
    segments (indices) holding it. A run is kept only when no run a word longer has the same
    segments (居家看护补助资金 stands for its parts where they only occur together)."""
    found: dict[str, set[int]] = {}
    wider: dict[str, set[str]] = {}
    for index, runs in enumerate(cuts):
        for cut in runs:
            for start in range(len(cut)):
                for end in range(start + 1, min(start + MAX_WORDS, len(cut)) + 1):
                    term = "".join(cut[start:end])
                    if len(term) not in TERM_LENGTHS or min(len(cut[start]), len(cut[end - 1])) < 2:
                        continue
                    found.setdefault(term, set()).add(index)
                    wider.setdefault(term, set()).update(
                        "".join(cut[a:b])
                        for a, b in ((start - 1, end), (start, end + 1))
                        if a >= 0 and b <= len(cut)
                    )
    return {
        term: where
        for term, where in found.items()
        if len(where) > 1 and not any(found.get(longer) == where for longer in wider[term])
    }


def where_shown(locs: Sequence[Loc], limit: int = 3) -> str:
    shown = ", ".join(str(loc) for loc in locs[:limit])
    return shown + (f" and {len(locs) - limit} more" if len(locs) > limit else "")
