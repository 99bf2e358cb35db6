"""Page contexts and rendering: one edition of the site → {path under docs/: Markdown text}.

Each block becomes a small dictionary a template can show without knowing where its text came
from: the text (already safe inline Markdown), its anchor, its state and, for English passages
that are missing or outdated, the Chinese original.

Pages of one report, in every edition at the same paths (so the switcher lands on the same page):
`index.md` (title, preamble, contents), one page per section, `full.md` (the whole report on
one page, for reading through and printing) and `bilingual/<page>.md` (each Chinese paragraph
beside its English).
"""

from __future__ import annotations

import re
from collections import Counter
from dataclasses import dataclass
from typing import Any

import jinja2

from generator.editions import Edition, State
from generator.key_figures import KeyFigure
from generator.markdown_text import escape, plain_text
from generator.model import Block, BlockKind, Page, Report
from generator.render.env import render
from generator.render.figures import figures_context
from generator.render.inline import attrs, inline, table_cell

DESCRIPTION_LENGTH = 120
SUMMARY_LENGTH = 60
BILINGUAL_DIR = "bilingual"
FULL_PAGE = "full"
FIGURES_PAGE = "figures"
# The two editions a bilingual page of each edition shows: Chinese first (left, or above on a
# phone), English beside it.
BILINGUAL_PAIR = {
    "zh-Hans": ("zh-Hans", "en"),
    "zh-Hant": ("zh-Hant", "en"),
    "en": ("zh-Hans", "en"),
}


@dataclass(frozen=True)
class ReportTexts:
    """A report and, for each edition code, the edition that supplies its text."""

    report: Report
    editions: dict[str, Edition]
    figures: tuple[KeyFigure, ...] = ()


def block_context(block: Block, edition: Edition, anchor_prefix: str = "") -> dict[str, Any]:
    texts = [edition.text(s) for s in block.segments]
    first = texts[0]
    missing = first.state is State.MISSING
    anchor = anchor_prefix + block.anchor
    context: dict[str, Any] = {
        "kind": block.kind.value,
        "anchor": anchor,
        "level": block.level,
        "ordered": block.ordered,
        "state": first.state.value,
        "text": inline(first.text),
        "original": inline(first.original),
        "lang": first.lang or edition.info.code,
        "attrs": attrs(
            anchor,
            first.lang,
            ("rs-missing",) if missing and block.kind is BlockKind.HEADING else (),
        ),
    }
    if block.kind is BlockKind.TABLE:
        width = block.columns or 1
        cells = [table_cell(t.text) for t in texts]
        context["rows"] = [cells[i : i + width] for i in range(0, len(cells), width)]
    return context


def _is_chinese(plain: str) -> bool:
    return len(re.findall(r"[\u3400-\u9fff]", plain)) * 2 >= len(plain)


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


def page_context(page: Page, edition: Edition, anchor_prefix: str = "") -> dict[str, Any]:
    title = edition.text(page.title)
    first_paragraph = next((b for b in page.blocks if b.kind is BlockKind.PARAGRAPH), None)
    description = summary = ""
    if first_paragraph:
        text = edition.text(first_paragraph.segments[0]).text
        plain = plain_text(text)
        description = shorten(plain, DESCRIPTION_LENGTH if _is_chinese(plain) else 160)
        summary = escape(first_sentence(text, SUMMARY_LENGTH))
    states = Counter(edition.text(s).state for s in page.segments())
    return {
        "slug": page.slug,
        "source": page.path,
        "title": inline(title.text),
        "title_plain": plain_text(title.text),
        "title_attrs": attrs(
            anchor_prefix.rstrip("-") or "title",
            title.lang,
            ("rs-missing",) if title.state is State.MISSING else (),
        ),
        "title_lang": title.lang or edition.info.code,
        "description": description,
        "summary": summary,
        "blocks": [block_context(b, edition, anchor_prefix) for b in page.blocks],
        "states": {s.value: n for s, n in states.items()},
        "total": sum(states.values()),
    }


def report_context(
    report: Report,
    edition: Edition,
    code: str,
    figures: list[KeyFigure],
    pages: dict[str, dict[str, Any]],
) -> dict[str, Any]:
    """The report as every page of it shows it; `pages` are its pages' contexts by slug."""
    states = Counter(edition.text(s).state for s in report.segments())
    return {
        "slug": report.slug,
        "title": inline(edition.text(report.title).text),
        "title_plain": plain_text(edition.text(report.title).text),
        "organisation": inline(edition.text(report.organisation).text),
        "organisation_plain": plain_text(edition.text(report.organisation).text),
        "year": report.year,
        "source": report.index.path,
        "sections": [pages[p.slug] for p in report.sections],
        "states": {s.value: n for s, n in states.items()},
        "total": sum(states.values()),
        "figures": figures_context(report, figures, code, edition),
    }


def bilingual_context(page: Page, chinese: Edition, english: Edition) -> dict[str, Any]:
    zh, en = page_context(page, chinese), page_context(page, english)
    return {
        "zh": zh,
        "en": en,
        "pairs": list(zip(zh["blocks"], en["blocks"], strict=True)),
        "zh_lang": chinese.info.code,
    }


def render_report(
    env: jinja2.Environment, code: str, item: ReportTexts, common: dict[str, Any]
) -> tuple[dict[str, str], dict[str, Any]]:
    """Every file of one report in one edition (path under the report's folder → text), and
    the summary the site's home page and navigation need."""
    edition = item.editions[code]
    report = item.report
    figures = list(item.figures)
    pages = {p.slug: page_context(p, edition) for p in report.pages}
    context = report_context(report, edition, code, figures, pages)
    files = {
        f"{FIGURES_PAGE}.md": render(env, "figures.md.j2", report=context, **common),
        "index.md": render(
            env, "report.md.j2", report=context, page=pages[report.index.slug], **common
        ),
        f"{FULL_PAGE}.md": render(
            env,
            "full.md.j2",
            report=context,
            index=pages[report.index.slug],
            sections=[page_context(p, edition, f"s{n}-") for n, p in enumerate(report.sections, 1)],
            **common,
        ),
    }
    chinese, english = (item.editions[c] for c in BILINGUAL_PAIR[code])
    order = list(report.pages)
    for n, page in enumerate(order):
        if page is not report.index:
            files[f"{page.slug}.md"] = render(
                env, "page.md.j2", report=context, page=pages[page.slug], **common
            )
        # A bilingual page leads back to its page and on through the report's bilingual pages.
        neighbours = {
            "back": f"../{page.slug}.md",
            "previous": pages[order[n - 1].slug] if n > 0 else None,
            "next": pages[order[n + 1].slug] if n + 1 < len(order) else None,
        }
        files[f"{BILINGUAL_DIR}/{page.slug}.md"] = render(
            env,
            "bilingual.md.j2",
            report=context,
            page=bilingual_context(page, chinese, english),
            is_index=page is report.index,
            neighbours=neighbours,
            **common,
        )
    return files, report_summary(context)


def report_summary(context: dict[str, Any]) -> dict[str, Any]:
    """What the site's home page and navigation need to know of a report in one edition."""
    slug = context["slug"]
    return {
        **{
            key: context[key]
            for key in ("slug", "title", "title_plain", "organisation", "year", "states", "total")
        },
        "pages": [f"{slug}/index.md"] + [f"{slug}/{s['slug']}.md" for s in context["sections"]],
        "full": f"{slug}/{FULL_PAGE}.md",
        "figures": f"{slug}/{FIGURES_PAGE}.md",
        "headlines": context["figures"]["headlines"],
        "sections": [
            {key: s[key] for key in ("slug", "title", "summary")} for s in context["sections"]
        ],
    }


def render_home(
    env: jinja2.Environment, code: str, summaries: list[dict[str, Any]], strings: dict[str, str]
) -> str:
    """The edition's home page: its reports, newest first."""
    reports = sorted(summaries, key=lambda r: (-r["year"], r["organisation"], r["slug"]))
    states: Counter[str] = Counter()
    for summary in summaries:
        states.update(summary["states"])
    return render(
        env,
        "home.md.j2",
        reports=reports,
        edition=code,
        t=strings,
        states=dict(states),
        total=sum(summary["total"] for summary in summaries),
    )
