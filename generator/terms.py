"""Terms across a report: one Chinese term, one English, in the text and in the labels.

A translator settles each term once. These checks help:

- **two renderings** (warning): a recurring Chinese term that one segment renders otherwise
  than most segments with it (read by generator.renderings: "lottery" where most say
  "computerized lottery"); a name the Chinese quotes (“最多跑一次”) whose quoted English differs
  between segments; a label of report.yml (a headline figure, a chart's title or bar) whose
  Chinese the text repeats but whose English the text's English does not keep;
- **glossary candidates** (note): names that recur (quoted, or ending like a name: 学校, 工程,
  计划…) and are not in the glossary, with the renderings they have now, side by side;
- **glossary entries that are no names** (warning): content/glossary.yml holds names only, by
  its own rule; an entry whose English has no capital letter is a phrase or an ordinary word.
"""

from __future__ import annotations

import itertools
import re
from collections.abc import Iterable, Mapping, Sequence
from dataclasses import dataclass

from generator.errors import Loc
from generator.findings import Finding, Rule
from generator.markdown_text import plain_text
from generator.model import GlossaryEntry
from generator.renderings import (
    FUNCTION_WORDS,
    Memory,
    Segment,
    Usage,
    blank_english,
    content_words,
    english_words,
    read_usage,
    where_shown,
    word_key,
)
from generator.severity import Severity

__all__ = [
    "Rendering",
    "Segment",
    "candidate_findings",
    "consistency_findings",
    "entry_findings",
    "glossary_usage",
    "quoted_renderings",
]

_ZH_QUOTED = re.compile(r"[“「『]([^”」』]{2,30})[”」』]")
_EN_QUOTED = re.compile(r"[\"“]([^\"”]{2,100})[\"”]")
_NAME_ENDINGS = (
    "大学|学院|中学|小学|学校|幼儿园|研究院|实验室|工程|计划|行动|项目|平台|中心|集团|基地|联盟"
    "|工作室|示范区|实验区"
)
_ZH_NAME = re.compile(rf"[\u4e00-\u9fff]{{2,10}}?(?:{_NAME_ENDINGS})")
_HAN = re.compile(r"[\u4e00-\u9fff]")
LABELS_PAGE = "report.yml"
ZH_CONTEXT = 12  # characters shown either side of a term


@dataclass(frozen=True)
class Rendering:
    term: str
    english: str
    loc: Loc


def quoted_renderings(zh: str, en: str) -> list[tuple[str, str]]:
    """The quoted Chinese names of a segment with their quoted English, paired in order when
    the segment quotes as many in each language (otherwise nothing can be paired)."""
    names = _ZH_QUOTED.findall(plain_text(zh))
    english = _EN_QUOTED.findall(plain_text(en))
    if not names or len(names) != len(english):
        return []
    pairs = zip(names, english, strict=True)
    return [(name.strip(), _clean(rendering)) for name, rendering in pairs]


def _clean(english: str) -> str:
    return " ".join(english.split()).strip(" ,.;:")


def _key(english: str) -> str:
    return _clean(english).casefold().replace("’", "'")


def renderings(segments: Iterable[Segment]) -> list[Rendering]:
    return [
        Rendering(term, english, segment.loc)
        for segment in segments
        for term, english in quoted_renderings(segment.zh, segment.en)
    ]


def consistency_findings(segments: Sequence[Segment], glossary: Mapping[str, str]) -> list[Finding]:
    """Terms rendered two ways: quoted names, labels the text repeats, and recurring terms
    (glossary terms are the glossary check's business)."""
    findings = _quoted_findings(segments, glossary) + _label_findings(segments, glossary)
    flagged = {(f.loc, f.zh) for f in findings}
    for case in Memory.of(segments, glossary).disagreements():
        segment = case.usage.segment
        if any(loc == segment.loc and case.term in zh for loc, zh in flagged):
            continue  # already named, with the label or quoted name the term is part of
        where = where_shown(case.where)
        if case.usage.passage:
            message = f'{case.term} is "{case.usage.passage}" here, but "{case.usual}" at {where}'
        else:
            message = f'{case.term} is not rendered here as at {where} ("{case.usual}")'
        findings.append(_warning(segment.loc, message, _around(segment.zh, case.term)))
    return sorted(findings, key=lambda f: (f.loc.path, f.loc.line))


def _warning(loc: Loc, message: str, zh: str) -> Finding:
    return Finding(Rule.TERMS, loc, message, zh=zh, severity=Severity.WARNING)


def _quoted_findings(segments: Sequence[Segment], glossary: Mapping[str, str]) -> list[Finding]:
    by_term: dict[str, dict[str, list[Rendering]]] = {}
    for rendering in renderings(segments):
        if rendering.term not in glossary:
            by_term.setdefault(rendering.term, {}).setdefault(_key(rendering.english), []).append(
                rendering
            )
    findings = []
    for term, ways in by_term.items():
        if len(ways) > 1:
            shown = "; ".join(f'"{r[0].english}" ({r[0].loc})' for r in ways.values())
            first = min((r[0] for r in ways.values()), key=lambda r: (r.loc.path, r.loc.line))
            findings.append(
                _warning(first.loc, f"“{term}” is rendered {len(ways)} ways: {shown}", term)
            )
    return findings


def _label_findings(segments: Sequence[Segment], glossary: Mapping[str, str]) -> list[Finding]:
    """A label's English is the rendering of its whole Chinese: where the text repeats that
    Chinese, the text's English keeps the label's words (in any order, near the place)."""
    labels = [
        s
        for s in segments
        if s.page == LABELS_PAGE and s.en and len(_HAN.findall(s.zh)) > 1 and s.zh not in glossary
    ]
    findings = []
    for label in labels:
        wanted = content_words(label.en)
        for segment in segments:
            if segment.page == LABELS_PAGE or label.zh not in segment.zh:
                continue
            usage = read_usage(segment, _places(label.zh, segment.zh), wanted)
            english = plain_text(segment.en)
            if wanted <= usage.words and not _inserted(label.en, english[slice(*usage.at)]):
                continue
            passage = _with_modifier(usage, plain_text(segment.en), label.en, wanted)
            here = f'"{passage}" here' if passage else "none of its words here"
            message = f'{label.zh} is "{label.en}" in its label ({label.loc}), but {here}'
            findings.append(_warning(segment.loc, message, _around(segment.zh, label.zh)))
    return findings


def _inserted(label: str, passage: str) -> str:
    """A word the passage puts between two words the label has side by side ("computerized"
    in "allocated by computerized lottery" against "allocated by lottery"): the text renders
    the label's phrase otherwise. Only one plain word counts; a longer insertion (a figure, a
    clause) is the sentence going on around the label's words."""
    keys = [w.key for w in english_words(label) if w.key not in FUNCTION_WORDS]
    side_by_side = set(itertools.pairwise(keys))
    text = [w for w in english_words(passage) if w.key not in FUNCTION_WORDS]
    for before, word, after in zip(text, text[1:], text[2:], strict=False):
        plain = all(ch.isalpha() or ch in " -" for ch in passage[before.end : after.start])
        if plain and word.key not in keys and (before.key, after.key) in side_by_side:
            return passage[word.start : word.end]
    return ""


def _with_modifier(usage: Usage, english: str, label: str, wanted: frozenset[str]) -> str:
    """The passage, with the word before it when the label's first word is what it lacks
    ("additional school places" against "New school places")."""
    first = next((w.key for w in english_words(label) if w.key in wanted), "")
    if not usage.passage or first in usage.words:
        return usage.passage
    before = re.search(r"([A-Za-z][\w-]*) $", english[: usage.at[0]])
    # An adjective, not a verb ("bringing") or a function word, is a modifier of the term.
    word = before.group(1).casefold() if before else ""
    if word and word_key(word) == word and word not in FUNCTION_WORDS:
        return f"{english[usage.at[0] - len(word) - 1 : usage.at[0] - 1]} {usage.passage}"
    return usage.passage


def _places(term: str, zh: str) -> list[float]:
    text = plain_text(zh)
    return [
        (m.start() + len(term) / 2) / max(len(text), 1) for m in re.finditer(re.escape(term), text)
    ]


def _around(zh: str, term: str) -> str:
    """The Chinese around the first place of `term`, marked with … where it is cut."""
    text = plain_text(zh)
    at = text.find(term)
    if at < 0:
        return term
    left, right = max(at - ZH_CONTEXT, 0), min(at + len(term) + ZH_CONTEXT, len(text))
    return f"{'…' if left else ''}{text[left:right]}{'…' if right < len(text) else ''}"


def glossary_usage(zh: str, en: str, term: str, glossary: Mapping[str, str]) -> Usage:
    """How a segment (its plain Chinese and English) renders a glossary term whose English it
    lacks: the passage near the term holding some of the English's words ("University" of
    "West Lake University"), or an empty one. Other glossary names do not count ("Westlake
    Laboratory" is no rendering of 西湖大学)."""
    others = {name: english for name, english in glossary.items() if name != term}
    segment = Segment(zh, en, Loc(""), "")
    wanted = content_words(glossary[term])
    return read_usage(segment, _places(term, zh), wanted, blank_english(en, others))


def candidate_findings(segments: Sequence[Segment], glossary: Mapping[str, str]) -> list[Finding]:
    """Recurring names the glossary lacks, each with the renderings it has now."""
    places: dict[str, list[Loc]] = {}
    for segment in segments:
        text = plain_text(segment.zh)
        names = set(_ZH_QUOTED.findall(text)) | set(_ZH_NAME.findall(text))
        for name in names:
            if not any(name in term or term in name for term in glossary):
                places.setdefault(name.strip(), []).append(segment.loc)
    recurring = {name: locs for name, locs in places.items() if len(locs) > 1}
    if not recurring:
        return []
    quoted: dict[str, list[str]] = {}
    for rendering in renderings(segments):
        quoted.setdefault(rendering.term, []).append(rendering.english)
    memory = Memory.of(segments, glossary)
    findings = []
    for name, locs in sorted(
        recurring.items(), key=lambda item: (item[1][0].path, item[1][0].line)
    ):
        read = [usage.passage for usage in memory.usages(name) if usage.passage]
        ways = _distinct([*quoted.get(name, []), *read])
        now = "; ".join(f'"{w}"' for w in ways) if ways else "not found in the English"
        findings.append(
            Finding(
                Rule.CANDIDATE,
                locs[0],
                f"glossary candidate: {name} ({len(locs)} places); renderings now: {now}",
                zh=name,
                severity=Severity.NOTE,
            )
        )
    return findings


def _distinct(renderings: Iterable[str]) -> list[str]:
    seen: dict[str, str] = {}
    for english in renderings:
        seen.setdefault(_key(english), english)
    return list(seen.values())


def entry_findings(entries: Mapping[str, GlossaryEntry], path: str) -> list[Finding]:
    """Glossary entries that are no names by the file's own rule: English without a capital
    letter is an ordinary word or a phrase bent to one sentence."""
    return [
        Finding(
            Rule.ENTRY,
            Loc(path, entry.line),
            f'{entry.term}: "{entry.en}" is no name (no capital letter); the glossary holds '
            "names only: write the official English name, or remove the entry",
            severity=Severity.WARNING,
        )
        for entry in entries.values()
        if not any(ch.isupper() for ch in entry.en)
    ]
