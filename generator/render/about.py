"""What a reader needs to trust a report and reuse it, in one edition's words: who published it
and when, where the text comes from, on what terms it may be reused, who runs the site, how to
cite it, and what the English is (the translation note: exactly the states and counts, no
promise of a review that did not happen, nothing about a draft when there is no English).

Facts report.yml does not give are said to be absent ("not stated"), never guessed.
"""

from __future__ import annotations

import re
from collections.abc import Callable
from dataclasses import dataclass
from datetime import date

from generator.edition_list import HANT, SOURCE
from generator.editions import Edition, State
from generator.markdown_text import escape, plain_text
from generator.model import Notice, Report, Segment
from generator.render import citation
from generator.render.citation import CitationFacts
from generator.render.inline import inline

# How many passages are in each state → which way the note words it.
NONE, MACHINE, MIXED, REVIEWED = "none", "machine", "mixed", "reviewed"
CITED_ON = '<span class="rs-cited-on">{words}</span>'
DIGEST_SHOWN = 12


@dataclass(frozen=True)
class TranslationNote:
    """What the English is: `kind` (none, machine, mixed, reviewed), one quiet `line`, and the
    `full` note with its `counts` (the English edition's report page shows it, once)."""

    kind: str
    line: str
    full: str = ""
    counts: str = ""


@dataclass(frozen=True)
class AboutView:
    """The facts of a report as its first page shows them (inline Markdown, ready to print)."""

    organisation: str
    year: int
    published: str  # "" when report.yml does not say
    source_url: str
    source_file: str  # "This site's text was imported from …", or ""
    licence: str  # the terms, or "" when nobody stated them
    licence_url: str
    operator: str
    operator_url: str
    citation: str
    bibtex: str  # file names, beside the report's pages
    csl: str
    converted: str  # the Traditional edition's conversion note, or ""


def note_kind(states: dict[str, int]) -> str:
    reviewed, machine = states.get(State.REVIEWED, 0), states.get(State.MACHINE, 0)
    outdated, missing = states.get(State.OUTDATED, 0), states.get(State.MISSING, 0)
    if reviewed + machine + outdated == 0:
        return NONE
    if reviewed == 0:
        return MACHINE
    return REVIEWED if machine + outdated + missing == 0 else MIXED


def translation_note(states: dict[str, int], words: dict[str, str]) -> TranslationNote:
    """The note about the English of passages in these `states` (counts by state)."""
    kind = note_kind(states)
    total = sum(states.values())
    reviewed = states.get(State.REVIEWED, 0)
    line = words[f"mt_line_{kind}"].format(reviewed=reviewed, total=total)
    if f"mt_full_{kind}" not in words:  # a Chinese edition shows the line alone
        return TranslationNote(kind, line)
    parts = [
        words[f"state_{state}"].format(n=states[state])
        for state in (State.REVIEWED, State.MACHINE, State.OUTDATED, State.MISSING)
        if states.get(state)
    ]
    counts = f"{words['mt_states'].format(total=total)} {'; '.join(parts)}."
    return TranslationNote(kind, line, words[f"mt_full_{kind}"], counts if kind != NONE else "")


def long_date(day: date | None, code: str) -> str:
    if day is None:
        return ""
    if code.startswith("zh"):
        return f"{day.year}年{day.month}月{day.day}日"
    return f"{day.day} {citation.MONTHS.split()[day.month - 1]} {day.year}"


def notice_text(notice: Notice | None, code: str, to_hant: Callable[[str], str]) -> str:
    """The notice in the language of edition `code`: its own text, else the Simplified one
    (converted by `to_hant` for the Traditional edition); "" when it has only an address."""
    if notice is None:
        return ""
    own = notice.text(code)
    if own:
        return own
    source = notice.text(SOURCE.code)
    return to_hant(source) if code == HANT.code else source


def conversion_note(opencc: str, corners: bool, words: dict[str, str]) -> str:
    if "converted_note" not in words:
        return ""
    how = words.get(f"convert_{opencc}", opencc)
    quotes = words["converted_quotes"] if corners else ""
    return words["converted_note"].format(config=opencc, how=how, quotes=quotes)


def citation_facts(
    report: Report,
    edition: Edition,
    words: dict[str, str],
    states: dict[str, int],
    url: str,
    site_name: str,
) -> CitationFacts:
    """The facts a citation of the report in this edition states; `states` counts the report's
    passages by state (what the English is), `url` is the report's address in the edition."""
    title = _with_subtitle(plain_text(edition.text(report.title).text), report.subtitle, edition)
    original = _with_subtitle(plain_text(report.title.text), report.subtitle, None)
    description = ""
    if not edition.info.chinese:
        description = words[f"cite_{note_kind(states)}"].format(title=original)
    return CitationFacts(
        key=f"{report.slug}-{edition.info.code}".lower(),
        author=plain_text(edition.text(report.organisation).text),
        title=title,
        original_title=original if original != title else "",
        published=report.published,
        url=url,
        site_name=site_name,
        language=edition.info.code,
        description=description,
        source_url=report.source.url,
        year=report.year,
    )


def _with_subtitle(title: str, subtitle: Segment | None, edition: Edition | None) -> str:
    """A title with its subtitle (`政府工作报告: 2026年1月27日在…会议上`), as both conventions
    join a title and its other title information: many reports share a title."""
    if subtitle is None:
        return title
    text = plain_text(edition.text(subtitle).text if edition else subtitle.text)
    return f"{title}: {re.sub(r'^[—―–-]+', '', text).strip()}"


def cited(facts: CitationFacts, edition: Edition, words: dict[str, str]) -> str:
    """The citation in the edition's convention, as inline Markdown."""
    if edition.info.chinese:
        return citation.gbt7714(facts, CITED_ON.format(words=escape(words["cited_on"])))
    return citation.apa(facts, words["no_date"])


def about_view(
    report: Report,
    edition: Edition,
    words: dict[str, str],
    facts: CitationFacts,
    site_licence: Notice | None,
    operator: Notice | None,
    converted: str,
) -> AboutView:
    licence = report.licence or site_licence
    source = report.source
    imported = ""
    if source.file:
        digest = source.sha256[:DIGEST_SHOWN] + ("…" if len(source.sha256) > DIGEST_SHOWN else "")
        imported = escape(words["source_file"].format(file=source.file, digest=digest))
    files = citation.file_names(report.slug, edition.info.code)
    return AboutView(
        organisation=inline(edition.text(report.organisation).text),
        year=report.year,
        published=long_date(report.published, edition.info.code),
        source_url=source.url,
        source_file=imported,
        licence=escape(notice_text(licence, edition.info.code, edition.chinese)),
        licence_url=licence.url if licence else "",
        operator=escape(notice_text(operator, edition.info.code, edition.chinese)),
        operator_url=operator.url if operator else "",
        citation=cited(facts, edition, words),
        bibtex=files["bibtex"],
        csl=files["csl"],
        converted=escape(converted),
    )
