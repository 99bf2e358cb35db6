"""How to cite a report in one edition: a ready citation in the edition's convention, and the
same facts as files reference managers import (BibTeX, CSL-JSON).

- Chinese editions follow GB/T 7714-2015 for an online resource:
  `主要责任者. 题名[EB/OL]. (发布日期)[引用日期]. 获取和访问路径.` The date of citing is the
  reader's: a placeholder the page's script fills with today's date.
- English follows APA 7: `Author. (Date). *Title* [what the English is]. Site. URL`, the bracket
  saying honestly what the English is (a machine translation not reviewed, partly reviewed …).

Every citation names the edition the reader read (its address on this site); the original's
address, when report.yml gives one, is in the CSL-JSON and BibTeX too.
"""

from __future__ import annotations

import json
import re
from dataclasses import dataclass
from datetime import date
from typing import Any

from generator.markdown_text import escape

BIBTEX_SPECIAL = re.compile(r"([\\{}%&#$_^~])")
MONTHS = "January February March April May June July August September October November December"


@dataclass(frozen=True)
class CitationFacts:
    """What a citation says, in the edition's words (plain text)."""

    key: str  # BibTeX key and CSL id: report and edition
    author: str  # the publishing organisation
    title: str  # in the edition's language
    original_title: str  # the Simplified Chinese title ("" when it is the title)
    published: date | None
    url: str  # the report in this edition, on this site
    site_name: str
    language: str  # BCP 47
    description: str  # what the English is ("" in the Chinese editions)
    source_url: str = ""  # the original, where report.yml gives it
    year: int = 0  # the year the report is about


def gbt7714(facts: CitationFacts, cited_on: str) -> str:
    """GB/T 7714-2015, as inline Markdown; `cited_on` is the placeholder of the citing date
    (already markup)."""
    date_part = f"({facts.published.isoformat()})" if facts.published else ""
    return (
        f"{escape(facts.author)}. {escape(facts.title)}\\[EB/OL\\]. {date_part}\\[{cited_on}\\]. "
        f"{facts.url}."
    )


def apa(facts: CitationFacts, no_date: str) -> str:
    """APA 7, as inline Markdown (the title in italics)."""
    if facts.published:
        day = facts.published
        when = f"{day.year}, {MONTHS.split()[day.month - 1]} {day.day}"
    else:
        when = no_date
    bracket = f" \\[{escape(facts.description)}\\]" if facts.description else ""
    site = "" if facts.site_name == facts.author else f" {escape(facts.site_name)}."
    return f"{escape(facts.author)}. ({when}). *{escape(facts.title)}*{bracket}.{site} {facts.url}"


def _bibtex_value(text: str) -> str:
    return BIBTEX_SPECIAL.sub(r"\\\1", text)


def bibtex(facts: CitationFacts) -> str:
    """One @misc entry (what BibTeX, biblatex, Zotero, JabRef and EndNote all import); the
    author in double braces, since an organisation has no first and last name."""
    fields: list[tuple[str, str]] = [
        ("author", "{" + _bibtex_value(facts.author) + "}"),
        ("title", "{" + _bibtex_value(facts.title) + "}"),
    ]
    if facts.published:
        fields += [("year", str(facts.published.year)), ("date", facts.published.isoformat())]
    fields += [
        ("howpublished", "\\url{" + facts.url + "}"),
        ("url", facts.url),
        ("organization", _bibtex_value(facts.author)),
        ("language", facts.language),
    ]
    notes = [facts.description] if facts.description else []
    if facts.original_title:
        notes.append(f"Original title: {facts.original_title}")
    if facts.source_url:
        notes.append(f"Original: {facts.source_url}")
    if notes:
        fields.append(("note", _bibtex_value(". ".join(notes))))
    body = ",\n".join(f"  {name} = {{{value}}}" for name, value in fields)
    return f"@misc{{{facts.key},\n{body}\n}}\n"


def csl_json(facts: CitationFacts) -> str:
    """A CSL-JSON item list of one (what Zotero, Mendeley and citeproc read)."""
    item: dict[str, Any] = {
        "id": facts.key,
        "type": "report",
        "title": facts.title,
        "author": [{"literal": facts.author}],
        "publisher": facts.author,
        "URL": facts.url,
        "language": facts.language,
        "archive": facts.site_name,
    }
    if facts.published:
        day = facts.published
        item["issued"] = {"date-parts": [[day.year, day.month, day.day]]}
    if facts.original_title:
        item["original-title"] = facts.original_title
    if facts.description:
        item["note"] = facts.description
    if facts.source_url:
        item["source"] = facts.source_url
    return json.dumps([item], ensure_ascii=False, indent=1) + "\n"


def file_names(slug: str, code: str) -> dict[str, str]:
    return {"bibtex": f"{slug}.{code}.bib", "csl": f"{slug}.{code}.csl.json"}
