"""Page views and rendering: one edition of the site → {path under docs/: Markdown text}.

Each block becomes a view (render/views.py) a template can show without knowing where its text
came from: the text (already safe inline Markdown), its anchor, its state and, for English
passages that are missing or outdated, the Chinese original.

Pages of one report, in every edition at the same paths (so the switcher lands on the same page):
`index.md` (title, preamble, contents), one page per section, `full.md` (the whole report on
one page, for reading through and printing) and `bilingual/<page>.md` (each Chinese paragraph
beside its English).
"""

from __future__ import annotations

import re
from collections import Counter
from collections.abc import Iterable
from dataclasses import dataclass, field
from functools import cached_property
from typing import Any

import jinja2

from generator.cjk import han_count
from generator.edition_list import SOURCE, EditionInfo, chinese_of
from generator.editions import Edition, State
from generator.figure_data import About, edition_files
from generator.figure_data import file_names as data_files
from generator.key_figures import KeyFigure
from generator.markdown_text import escape, plain_text
from generator.model import Block, BlockKind, Notice, Page, Report, Segment
from generator.render import citation
from generator.render.about import about_view, citation_facts, translation_note
from generator.render.citation import CitationFacts
from generator.render.env import render
from generator.render.figures import figures_view
from generator.render.inline import attrs, inline, table_cell
from generator.render.views import (
    BilingualView,
    BlockView,
    Neighbours,
    PageView,
    ReportSummary,
    ReportView,
    SectionLink,
)

DESCRIPTION_LENGTH = 120
SUMMARY_LENGTH = 60
BILINGUAL_DIR = "bilingual"
FULL_PAGE = "full"
FIGURES_PAGE = "figures"


@dataclass(frozen=True)
class ReportTexts:
    """A report and, for each edition code, the edition that supplies its text."""

    report: Report
    editions: dict[str, Edition]
    figures: tuple[KeyFigure, ...] = ()
    # Page views made so far, by page, edition and anchor prefix: an edition's pages, the
    # bilingual pages of every edition and the English pages all show the same views, made once.
    views: dict[tuple[str, str, str], PageView] = field(default_factory=dict, compare=False)

    @cached_property
    def english(self) -> Edition:
        return next(e for e in self.editions.values() if not e.info.chinese)

    @cached_property
    def english_states(self) -> dict[str, int]:
        """How many of the report's passages are in each state in English: what every
        edition's note about the English says (counted once for all three)."""
        return state_counts(self.english, self.report.segments())

    def page_view(self, page: Page, code: str, anchor_prefix: str = "") -> PageView:
        """`page` in the edition `code` (views are frozen, so one serves every file)."""
        key = (page.slug, code, anchor_prefix)
        view = self.views.get(key)
        if view is None:
            view = self.views[key] = page_view(page, self.editions[code], anchor_prefix)
        return view


def block_view(block: Block, edition: Edition, anchor_prefix: str = "") -> BlockView:
    texts = [edition.text(s) for s in block.segments]
    first = texts[0]
    missing = first.state is State.MISSING
    anchor = anchor_prefix + block.anchor
    rows: tuple[tuple[str, ...], ...] = ()
    if block.kind is BlockKind.TABLE:
        width = block.columns or 1
        cells = [table_cell(t.text) for t in texts]
        rows = tuple(tuple(cells[i : i + width]) for i in range(0, len(cells), width))
    return BlockView(
        kind=block.kind.value,
        anchor=anchor,
        level=block.level,
        ordered=block.ordered,
        state=first.state.value,
        text=inline(first.text),
        original=inline(first.original),
        lang=first.lang or edition.info.code,
        original_lang=SOURCE.code,
        attrs=attrs(
            anchor,
            first.lang,
            ("rs-missing",) if missing and block.kind is BlockKind.HEADING else (),
        ),
        rows=rows,
    )


def state_counts(edition: Edition, segments: Iterable[Segment]) -> dict[str, int]:
    """How many of `segments` are in each state, in this edition."""
    return {s.value: n for s, n in Counter(edition.text(s).state for s in segments).items()}


def _is_chinese(plain: str) -> bool:
    return han_count(plain) * 2 >= len(plain)


def shorten(plain: str, limit: int) -> str:
    """`plain` cut to `limit` characters with an ellipsis: English at a word's end, Chinese
    anywhere, and never after a comma or semicolon."""
    if len(plain) <= limit:
        return plain
    cut = plain[: limit - 1]
    if not _is_chinese(plain) and " " in cut:
        cut = cut.rsplit(" ", 1)[0]
    return cut.rstrip("，,、；;：: ") + "…"


def first_sentence(text: str, limit: int) -> str:
    """The first sentence, cut to `limit` characters of Chinese (or about as much reading of
    English, which takes some two and a half times as many characters). A first clause ended
    by a semicolon reads as what it is, the start of a longer sentence."""
    plain = plain_text(text)
    if not _is_chinese(plain):
        limit = limit * 5 // 2
    match = re.search(r"[。！？；]|(?<=[.!?;])\s", plain)
    sentence = plain[: match.end()].strip() if match else plain
    if sentence.endswith(("；", ";")):
        sentence = sentence[:-1] + "…"
    return shorten(sentence, limit)


def page_view(page: Page, edition: Edition, anchor_prefix: str = "") -> PageView:
    title = edition.text(page.title)
    first_paragraph = next((b for b in page.blocks if b.kind is BlockKind.PARAGRAPH), None)
    description = summary = ""
    if first_paragraph:
        text = edition.text(first_paragraph.segments[0]).text
        plain = plain_text(text)
        description = shorten(plain, DESCRIPTION_LENGTH if _is_chinese(plain) else 160)
        summary = escape(first_sentence(text, SUMMARY_LENGTH))
    states = state_counts(edition, page.segments())
    return PageView(
        slug=page.slug,
        source=page.path,
        title=inline(title.text),
        title_plain=plain_text(title.text),
        title_attrs=attrs(
            anchor_prefix.rstrip("-") or "title",
            title.lang,
            ("rs-missing",) if title.state is State.MISSING else (),
        ),
        title_lang=title.lang or edition.info.code,
        description=description,
        summary=summary,
        blocks=tuple(block_view(b, edition, anchor_prefix) for b in page.blocks),
        states=states,
        total=sum(states.values()),
    )


@dataclass(frozen=True)
class SiteFacts:
    """What every report of an edition says about the site: its address and name in the
    edition, the terms of reuse and who runs it (site.yml), and the Traditional edition's
    conversion note."""

    url: str
    name: str
    licence: Notice | None = None
    operator: Notice | None = None
    converted: str = ""

    def report_url(self, code: str, slug: str) -> str:
        return f"{self.url}{code}/{slug}/"


def report_view(
    report: Report,
    edition: Edition,
    figures: list[KeyFigure],
    pages: dict[str, PageView],
    words: dict[str, str],
    site: SiteFacts,
    facts: CitationFacts,
    english_states: dict[str, int],
) -> ReportView:
    """The report as every page of it shows it; `pages` are its pages' views by slug, `facts`
    what a citation of it says, `english_states` its passages' states in English (what every
    edition's note about the English says)."""
    translated = not edition.info.chinese
    states = english_states if translated else state_counts(edition, report.segments())
    title = edition.text(report.title).text
    code = edition.info.code
    about = about_view(report, edition, words, facts, site.licence, site.operator, site.converted)
    return ReportView(
        slug=report.slug,
        title=inline(title),
        title_plain=plain_text(title),
        organisation=inline(edition.text(report.organisation).text),
        organisation_plain=plain_text(edition.text(report.organisation).text),
        year=report.year,
        source=report.index.path,
        sections=tuple(pages[p.slug] for p in report.sections),
        states=states,
        total=sum(states.values()),
        figures=figures_view(report, figures, edition, data_files(report.slug, code)),
        about=about,
        note=translation_note(english_states, words),
        subtitle=inline(edition.text(report.subtitle).text) if report.subtitle else "",
        speaker=inline(edition.text(report.speaker).text) if report.speaker else "",
    )


def bilingual_view(zh: PageView, en: PageView, chinese: str, english: str) -> BilingualView:
    """A page's Chinese view (in the edition `chinese`) beside its English one."""
    pairs = tuple(zip(zh.blocks, en.blocks, strict=True))
    return BilingualView(zh, en, pairs, chinese, english)


def reuse_files(
    report: Report,
    figures: list[KeyFigure],
    edition: Edition,
    view: ReportView,
    words: dict[str, str],
    facts: CitationFacts,
    site: SiteFacts,
) -> dict[str, str]:
    """The files a reader takes away: the citation for reference managers and the figures as
    a data package, in this edition."""
    about = About(
        title=f"{view.title_plain} · {words['figures_title']}",
        organisation=facts.author,
        description=words["figures_note"],
        page_url=f"{facts.url}{FIGURES_PAGE}/",
        licence=report.licence or site.licence,
        licence_text=plain_text(view.about.licence),
    )
    names = citation.file_names(report.slug, edition.info.code)
    return {
        names["bibtex"]: citation.bibtex(facts),
        names["csl"]: citation.csl_json(facts),
        **edition_files(report, figures, edition, facts.url, about),
    }


def render_report(
    env: jinja2.Environment,
    item: ReportTexts,
    edition: Edition,
    common: dict[str, Any],
    site: SiteFacts,
) -> tuple[dict[str, str], ReportSummary]:
    """Every file of one report in one edition (path under the report's folder → text), and
    the summary the site's home page and navigation need."""
    report = item.report
    figures = list(item.figures)
    words = common["t"]
    code = edition.info.code
    pages = {p.slug: item.page_view(p, code) for p in report.pages}
    english, english_states = item.english, item.english_states
    url = site.report_url(edition.info.code, report.slug)
    facts = citation_facts(report, edition, words, english_states, url, site.name)
    view = report_view(report, edition, figures, pages, words, site, facts, english_states)
    files = {
        **reuse_files(report, figures, edition, view, words, facts, site),
        f"{FIGURES_PAGE}.md": render(env, "figures.md.j2", report=view, **common),
        "index.md": render(
            env, "report.md.j2", report=view, page=pages[report.index.slug], **common
        ),
        f"{FULL_PAGE}.md": render(
            env,
            "full.md.j2",
            report=view,
            index=pages[report.index.slug],
            sections=[item.page_view(p, code, f"s{n}-") for n, p in enumerate(report.sections, 1)],
            **common,
        ),
    }
    # A bilingual page shows the reader's Chinese (or the source, to readers of the English)
    # first, and the English beside it.
    chinese = chinese_of(edition.info).code
    order = list(report.pages)
    for n, page in enumerate(order):
        if page is not report.index:
            own = pages[page.slug]
            files[f"{page.slug}.md"] = render(
                env,
                "page.md.j2",
                report=view,
                page=own,
                note=translation_note(own.states, words),
                **common,
            )
        # A bilingual page leads back to its page and on through the report's bilingual pages.
        neighbours = Neighbours(
            back=f"../{page.slug}.md",
            previous=pages[order[n - 1].slug] if n > 0 else None,
            next=pages[order[n + 1].slug] if n + 1 < len(order) else None,
        )
        pair = bilingual_view(
            item.page_view(page, chinese),
            item.page_view(page, english.info.code),
            chinese,
            english.info.code,
        )
        files[f"{BILINGUAL_DIR}/{page.slug}.md"] = render(
            env,
            "bilingual.md.j2",
            report=view,
            page=pair,
            note=translation_note(pair.en.states, words),
            is_index=page is report.index,
            neighbours=neighbours,
            **common,
        )
    return files, report_summary(view)


def common_context(info: EditionInfo, strings: dict[str, str]) -> dict[str, Any]:
    """What every template of an edition is given besides its page: the edition's code,
    whether it is the translation, and its words (templates/strings.yml)."""
    return {"edition": info.code, "translated": not info.chinese, "t": strings}


def report_summary(view: ReportView) -> ReportSummary:
    """What the site's home page and navigation need to know of a report in one edition."""
    slug = view.slug
    return ReportSummary(
        slug=slug,
        title=view.title,
        title_plain=view.title_plain,
        organisation=view.organisation,
        year=view.year,
        states=view.states,
        total=view.total,
        pages=(f"{slug}/index.md", *(f"{slug}/{s.slug}.md" for s in view.sections)),
        full=f"{slug}/{FULL_PAGE}.md",
        figures=f"{slug}/{FIGURES_PAGE}.md",
        headlines=view.figures.headlines,
        sections=tuple(SectionLink(s.slug, s.title, s.summary) for s in view.sections),
        bilingual=f"{slug}/{BILINGUAL_DIR}/index.md",
        published=view.about.published,
        note=view.note.line,
    )


def render_home(
    env: jinja2.Environment,
    info: EditionInfo,
    summaries: list[ReportSummary],
    strings: dict[str, str],
) -> str:
    """The edition's home page: its reports, newest first (the newest leads)."""
    return render(
        env,
        "home.md.j2",
        reports=sorted(summaries, key=ReportSummary.order),
        **common_context(info, strings),
    )
