"""Terms across a report: one Chinese name, one English, in the text and in the labels.

A translator settles each name once. Three checks help:

- **two renderings** (warning): a name the Chinese quotes (“最多跑一次”) whose quoted English
  differs between segments, and a label of report.yml (a headline figure, a chart's title or
  bar) whose Chinese the text repeats but whose English the text's English lacks;
- **glossary candidates** (note): names that recur (quoted, or ending like a name: 学校, 工程,
  计划…) and are not in the glossary, with the renderings they have now, side by side;
- **glossary entries that are no names** (warning): content/glossary.yml holds names only, by
  its own rule; an entry whose English has no capital letter is a phrase or an ordinary word.

Renderings are read where the texts mark them, never guessed: quotation marks in both
languages, paired in order when a segment has as many of each; a label's whole English.
"""

from __future__ import annotations

import re
from collections.abc import Iterable, Mapping, Sequence
from dataclasses import dataclass

from generator.errors import Loc
from generator.findings import Finding, Rule
from generator.markdown_text import plain_text
from generator.model import GlossaryEntry
from generator.severity import Severity

_ZH_QUOTED = re.compile(r"[“「『]([^”」』]{2,30})[”」』]")
_EN_QUOTED = re.compile(r"[\"“]([^\"”]{2,100})[\"”]")
_NAME_ENDINGS = (
    "大学|学院|中学|小学|学校|幼儿园|研究院|实验室|工程|计划|行动|项目|平台|中心|集团|基地|联盟"
    "|工作室|示范区|实验区"
)
_ZH_NAME = re.compile(rf"[\u4e00-\u9fff]{{2,10}}?(?:{_NAME_ENDINGS})")
LABELS_PAGE = "report.yml"
# A label is checked as a term when it is one: 3 to 8 characters without punctuation (新增学位,
# 学生总体近视率); shorter labels are words (城镇), longer ones descriptions (a chart's title).
_LABEL_TERM = re.compile(r"[\u4e00-\u9fff]{3,8}")


@dataclass(frozen=True)
class Segment:
    """What the term checks need of one translated segment."""

    zh: str
    en: str
    loc: Loc
    page: str


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
    """Names rendered two ways (glossary terms are the glossary check's business)."""
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
                Finding(
                    Rule.TERMS,
                    first.loc,
                    f"“{term}” is rendered {len(ways)} ways: {shown}",
                    zh=term,
                    severity=Severity.WARNING,
                )
            )
    return findings + _label_findings(segments)


def _label_findings(segments: Sequence[Segment]) -> list[Finding]:
    """A label whose Chinese the text repeats must keep its English there too."""
    labels = [s for s in segments if s.page == LABELS_PAGE and _LABEL_TERM.fullmatch(s.zh)]
    findings = []
    for label in labels:
        for segment in segments:
            if segment.page == LABELS_PAGE or label.zh not in segment.zh or not label.en:
                continue
            if _key(label.en) not in _key(plain_text(segment.en)):
                findings.append(
                    Finding(
                        Rule.TERMS,
                        segment.loc,
                        f'{label.zh} is "{label.en}" in its label ({label.loc}), '
                        "but this English renders it otherwise",
                        zh=label.zh,
                        severity=Severity.WARNING,
                    )
                )
    return findings


def candidate_findings(segments: Sequence[Segment], glossary: Mapping[str, str]) -> list[Finding]:
    """Recurring names the glossary lacks, each with the renderings it has now."""
    places: dict[str, list[Loc]] = {}
    for segment in segments:
        text = plain_text(segment.zh)
        names = set(_ZH_QUOTED.findall(text)) | set(_ZH_NAME.findall(text))
        for name in names:
            if not any(name in term or term in name for term in glossary):
                places.setdefault(name.strip(), []).append(segment.loc)
    known: dict[str, dict[str, str]] = {}
    for rendering in renderings(segments):
        known.setdefault(rendering.term, {}).setdefault(_key(rendering.english), rendering.english)
    findings = []
    for name, locs in sorted(places.items(), key=lambda item: (item[1][0].path, item[1][0].line)):
        if len(locs) < 2:
            continue
        ways = list(known.get(name, {}).values())
        now = "; ".join(f'"{w}"' for w in ways) if ways else "not marked in the English"
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
