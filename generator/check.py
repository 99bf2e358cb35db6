"""The QA report behind `report-site check`: how much of the English is reviewed, and where it
contradicts the Chinese (figures, glossary terms, Chinese characters left in the English).

It reads what the build reads, the translation memory merged in memory with the current Chinese
(`merged_catalog`), so the states are the ones readers will see; it never writes a file. Each
finding names the segment's place in content/ (where an editor looks) and the line of the PO
file that holds the English in question (where a translator edits). Only English that stands for
the current Chinese (reviewed or machine) is checked; outdated and missing segments are counted
in the coverage, and the translate command is what deals with them.
"""

from __future__ import annotations

import re
from collections import Counter
from collections.abc import Callable, Iterable, Iterator
from dataclasses import dataclass
from pathlib import Path

import polib

from generator import terms
from generator.cjk import CJK_RUN
from generator.content import GLOSSARY_FILE, load_site, shown_path
from generator.content.folders import FIGURES_FILE
from generator.editions import State
from generator.editions.english import EnglishEdition
from generator.errors import (
    Loc,
    Problem,
    ReportSiteError,
    display_path,
    to_stderr,
    warning_messages,
)
from generator.figures import Figure, compare
from generator.findings import SUMMARY, SUMMARY_IF_ANY, Finding, Rule
from generator.markdown_text import plain_text
from generator.model import Report
from generator.severity import Severity
from generator.tm import store
from generator.tm.memory import catalog_path

__all__ = [
    "CheckResult",
    "Finding",
    "ReportCheck",
    "Rule",
    "Severity",
    "check_content",
    "check_po",
    "figure_findings",
    "missing_terms",
    "unit_findings",
]

STATES = (State.REVIEWED, State.MACHINE, State.OUTDATED, State.MISSING)
CHECKED = frozenset({State.REVIEWED, State.MACHINE})
ZH_CONTEXT, EN_CONTEXT = 20, 50  # characters shown either side of what a finding is about


@dataclass(frozen=True)
class EnglishLines:
    """Where an entry's English is in its PO file: the line of each wrapped piece of the msgstr
    and the offset in the English it starts at, so a finding names the very line to edit."""

    path: str
    pieces: tuple[tuple[int, int], ...] = ()

    def at(self, offset: int) -> Loc:
        lines = [line for line, start in self.pieces if start <= offset]
        return Loc(self.path, lines[-1] if lines else 0)


@dataclass(frozen=True)
class Unit:
    """One segment as the check sees it: its Chinese, its English and state, where the segment
    is (`loc`), where its English is (`english`), and the page it counts towards."""

    zh: str
    en: str
    state: State
    loc: Loc
    english: EnglishLines
    page: str


@dataclass(frozen=True)
class ReportCheck:
    """The outcome for one translation memory: segment states per page, and findings."""

    name: str
    pages: tuple[tuple[str, Counter[State]], ...]
    findings: tuple[Finding, ...]
    checked: int  # translated segments whose English was checked

    @property
    def total(self) -> Counter[State]:
        return sum((counts for _, counts in self.pages), Counter())

    @property
    def coverage(self) -> float:
        """The share of segments (in percent) whose English stands for the current Chinese."""
        return _coverage(self.total)

    def render(self) -> str:
        width = max([len("total"), *(len(page) for page, _ in self.pages)])
        head = "".join(f"{name:>10}" for name in ("segments", *STATES))
        lines = [f"{self.name}: English coverage", f"  {'page':<{width}}{head}"]
        for page, counts in (*self.pages, ("total", self.total)):
            cells = "".join(f"{counts[state]:>10}" for state in STATES)
            lines.append(f"  {page:<{width}}{counts.total():>10}{cells}")
        return "\n".join(lines)


@dataclass(frozen=True)
class CheckResult:
    """Everything one run found; rendered as coverage tables, findings, then a summary."""

    reports: tuple[ReportCheck, ...]
    general: tuple[Finding, ...] = ()  # findings about the site's files (content/glossary.yml)

    @property
    def findings(self) -> list[Finding]:
        return [*self.general, *(f for report in self.reports for f in report.findings)]

    @property
    def failing(self) -> list[Finding]:
        """The errors and warnings: what `--strict` fails on."""
        return [finding for finding in self.findings if finding.severity.fails_strict]

    @property
    def notes(self) -> list[Finding]:
        return [finding for finding in self.findings if not finding.severity.fails_strict]

    @property
    def total(self) -> Counter[State]:
        return sum((report.total for report in self.reports), Counter[State]())

    def summary(self) -> str:
        by_rule = Counter(finding.rule for finding in self.failing)
        named = [*SUMMARY.items(), *((r, n) for r, n in SUMMARY_IF_ANY.items() if by_rule[r])]
        parts = ", ".join(f"{name} {by_rule[rule]}" for rule, name in named)
        checked = sum(report.checked for report in self.reports)
        notes = f"{_count(len(self.notes), 'note')} to confirm; " if self.notes else ""
        return (
            f"{_count(len(self.failing), 'finding')} ({parts}); {notes}"
            f"{_count(checked, 'translated segment')} checked; "
            f"{self.total[State.REVIEWED]} of {_count(self.total.total(), 'segment')} reviewed"
        )

    def render(self) -> str:
        blocks = [report.render() for report in self.reports]
        blocks += [finding.render() for finding in self.findings]
        return "\n\n".join([*blocks, self.summary()])

    def strict_error(self) -> ReportSiteError | None:
        """In strict mode any error or warning fails the run, so CI can gate on it; notes (a
        rounded or converted figure, a year added for context) are for a reviewer to confirm."""
        if not self.failing:
            return None
        message = _count(len(self.failing), "finding")
        hint = "fix the English at the PO line named under each finding, then check again"
        return ReportSiteError([Problem(Loc("report-site check --strict"), message, hint)])

    def coverage_error(self, minimum: float) -> ReportSiteError | None:
        """Each report, and all of them together, must have at least `minimum` percent of their
        segments translated (reviewed or machine); the default is to publish and mark what is
        missing, so this is only asked for with `--min-coverage`."""
        short = [(report.name, report.coverage) for report in self.reports]
        if len(self.reports) > 1:
            short.append(("all reports", _coverage(self.total)))
        hint = "translate what is missing (report-site translate), or lower --min-coverage"
        problems = [
            Problem(
                Loc(name),
                f"English coverage {share:.1f}% is below the minimum of {minimum:g}%",
                hint,
            )
            for name, share in short
            if share < minimum
        ]
        return ReportSiteError(problems) if problems else None


def _coverage(counts: Counter[State]) -> float:
    translated = counts[State.REVIEWED] + counts[State.MACHINE]
    return 100.0 * translated / counts.total() if counts.total() else 100.0


def _count(number: int, noun: str) -> str:
    return f"{number} {noun}{'' if number == 1 else 's'}"


def check_content(content: Path, warn: Callable[[str], None] = to_stderr) -> CheckResult:
    """Check the English of every report in the content folder (warnings about content/
    itself go to `warn`)."""
    site = load_site(content)
    for message in warning_messages(site.warnings):
        warn(message)
    entries = site.glossary.by_term()
    glossary = site.glossary.terms
    general = terms.entry_findings(entries, shown_path(content / GLOSSARY_FILE, content))
    reports = tuple(check_units(r.path, report_units(r), glossary) for r in site.reports)
    return CheckResult(reports, tuple(general))


def check_po(path: Path, glossary: dict[str, str]) -> CheckResult:
    """Check any PO file (msgid Chinese, msgstr English), with locations from its `#:` lines."""
    if not path.is_file():
        hint = "name an existing .po file (msgid Chinese, msgstr English)"
        raise ReportSiteError([Problem(Loc(display_path(path)), "PO file not found", hint)])
    units = po_units(path, store.load(path))
    return CheckResult((check_units(display_path(path), units, glossary),))


def report_units(report: Report) -> list[Unit]:
    """Every segment of a report, with its English and state from the merged memory."""
    edition = EnglishEdition.for_report(report)
    po_file = catalog_path(Path(report.folder))
    shown = f"{report.path}/{po_file.relative_to(report.folder).as_posix()}"
    where = english_lines(po_file, shown)
    units = []
    for segment in report.segments():
        text = edition.text(segment)
        english = text.text if text.state in CHECKED else ""
        page = segment.loc.path.removeprefix(report.path + "/")
        lines = where.get(segment.text, EnglishLines(shown))
        units.append(Unit(segment.text, english, text.state, segment.loc, lines, page))
    return units


def po_units(path: Path, po: polib.POFile) -> list[Unit]:
    """Every entry of a PO file, once per location. Locations are relative to a report folder: a
    PO file in `<report>/translations/` has them resolved against that folder."""
    shown = display_path(path)
    where = english_lines(path, shown, po)
    report_dir = path.parent.parent if path.parent.name == "translations" else None
    units = []
    for entry in po:
        if entry.obsolete or not entry.msgid:
            continue
        state = State(store.state_of(entry).value)
        english = entry.msgstr if state in CHECKED else ""
        lines = where.get(entry.msgid, EnglishLines(shown))
        for occurrence, line in entry.occurrences or [("", "")]:
            loc = _resolve(occurrence, line, report_dir) if occurrence else lines.at(0)
            units.append(Unit(entry.msgid, english, state, loc, lines, occurrence or "(none)"))
    return units


def _resolve(occurrence: str, line: str, report_dir: Path | None) -> Loc:
    number = int(line) if line.isdigit() else 0
    if report_dir is not None and (report_dir / occurrence).exists():
        return Loc(display_path(report_dir / occurrence), number)
    return Loc(occurrence, number)


def english_lines(
    path: Path, shown: str, po: polib.POFile | None = None
) -> dict[str, EnglishLines]:
    """msgid → where its msgstr's pieces are in the file (the file as translators see it).
    Obsolete and plural entries are skipped: their English is not checked."""
    if not path.is_file():
        return {}
    text = path.read_text(encoding="utf-8").splitlines()
    found: dict[str, EnglishLines] = {}
    for entry in store.load(path) if po is None else po:
        if entry.obsolete or entry.msgid_plural or entry.msgid in found:
            continue
        number = entry.linenum or 0
        # An entry has no blank line inside it: its msgstr comes before the next blank line.
        while 0 < number <= len(text) and text[number - 1].strip():
            if text[number - 1].startswith("msgstr "):
                break
            number += 1
        pieces, offset = [], 0
        while 0 < number <= len(text):
            piece = text[number - 1].removeprefix("msgstr ").strip()
            if not piece.startswith('"'):
                break
            pieces.append((number, offset))
            offset += len(polib.unescape(piece[1:-1]))
            number += 1
        found[entry.msgid] = EnglishLines(shown, tuple(pieces))
    return found


def check_units(name: str, units: list[Unit], glossary: dict[str, str]) -> ReportCheck:
    """Coverage counts every segment; findings are made once per text (a text said twice in the
    report is one entry of the memory)."""
    pages: dict[str, Counter[State]] = {}
    findings: list[Finding] = []
    seen: set[str] = set()
    for unit in units:
        pages.setdefault(unit.page, Counter())[unit.state] += 1
        if unit.state in CHECKED and unit.zh not in seen:
            seen.add(unit.zh)
            findings += unit_findings(unit, glossary)
    # Terms are settled between the text and report.yml's labels; the figures' names in
    # figures.yml repeat the text's words by design, and would only echo its renderings.
    segments = [
        terms.Segment(u.zh, u.en, u.loc, u.page)
        for u in units
        if u.state in CHECKED and u.en and u.page != FIGURES_FILE
    ]
    findings += terms.consistency_findings(segments, glossary)
    findings += terms.candidate_findings(segments, glossary)
    return ReportCheck(name, tuple(pages.items()), tuple(findings), len(seen))


_NOWHERE = Loc("")


def figure_findings(
    zh: str, en: str, loc: Loc = _NOWHERE, english: EnglishLines | None = None
) -> list[Finding]:
    """The figure findings of one segment's Chinese and English (Markdown or plain)."""
    zh, en = plain_text(zh), plain_text(en)
    english = english or EnglishLines("")
    findings = []
    for mismatch in compare(zh, en):
        zh_at = mismatch.zh.start if mismatch.zh else _same_place(mismatch.en, en, zh)
        en_at = mismatch.en.start if mismatch.en else _same_place(mismatch.zh, zh, en)
        zh_end = mismatch.zh.end if mismatch.zh else zh_at
        en_end = mismatch.en.end if mismatch.en else en_at
        findings.append(
            Finding(
                Rule.FIGURE,
                loc,
                mismatch.message,
                excerpt(zh, zh_at, zh_end, ZH_CONTEXT),
                excerpt(en, en_at, en_end, EN_CONTEXT),
                english.at(en_at if mismatch.en else 0),
                mismatch.severity,
            )
        )
    return findings


def unit_findings(unit: Unit, glossary: dict[str, str]) -> Iterator[Finding]:
    """Everything wrong with one translated segment: figures, then terms, then Chinese."""
    zh, en = plain_text(unit.zh), plain_text(unit.en)
    yield from figure_findings(zh, en, unit.loc, unit.english)
    for term, english, start in missing_terms(zh, en, glossary):
        rendered = terms.glossary_usage(zh, en, term, glossary)  # what stands for it, if any
        yield Finding(
            Rule.GLOSSARY,
            unit.loc,
            f'{term} must be rendered "{english}"',
            excerpt(zh, start, start + len(term), ZH_CONTEXT),
            excerpt(en, *rendered.at, EN_CONTEXT) if rendered.passage else "",
            unit.english.at(rendered.at[0]),
        )
    for match in CJK_RUN.finditer(en):
        yield Finding(
            Rule.CHINESE,
            unit.loc,
            f"Chinese left in the English: {match.group()}",
            "",
            excerpt(en, match.start(), match.end(), EN_CONTEXT),
            unit.english.at(match.start()),
        )


def missing_terms(zh: str, en: str, glossary: dict[str, str]) -> Iterable[tuple[str, str, int]]:
    """Glossary terms of the Chinese whose English the translation lacks (compared ignoring case,
    quote style and spacing), with where the term is. Longest terms first: a term inside a longer
    one found there (市教育局 in 杭州市教育局) is covered by the longer one's English."""
    claimed: list[tuple[int, int]] = []
    wanted = _normal(en)
    for term in sorted(glossary, key=lambda t: (-len(t), t)):
        starts = [m.start() for m in re.finditer(re.escape(term), zh)]
        free = [s for s in starts if all(s + len(term) <= a or s >= b for a, b in claimed)]
        claimed += [(s, s + len(term)) for s in free]
        if free and _normal(glossary[term]) not in wanted:
            yield term, glossary[term], free[0]


def _normal(text: str) -> str:
    text = text.translate(str.maketrans("‘’“”", "''\"\""))
    return " ".join(text.split()).casefold()


def _same_place(figure: Figure | None, source: str, target: str) -> int:
    """The place in `target` at the same relative place as `figure` in `source`: the best guess
    at where a figure one text lacks would stand."""
    start = figure.start if figure else 0
    return round(start / max(len(source), 1) * len(target))


def excerpt(text: str, start: int, end: int, context: int) -> str:
    """The passage around text[start:end], cut at spaces where there are any (English) and
    marked with … where it is cut."""
    if not text:
        return ""
    left, right = max(start - context, 0), min(end + context, len(text))
    if left and " " in text[left:start]:
        left = text.index(" ", left, start) + 1
    if right < len(text) and " " in text[end:right]:
        right = text.rindex(" ", end, right)
    return f"{'…' if left else ''}{text[left:right]}{'…' if right < len(text) else ''}"
