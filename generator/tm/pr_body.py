"""The description of a machine-drafts pull request, written for GitHub's pull-request page.

A reviewer reads it before the diff: how many segments each report got drafted, which passages
are outdated (old and new Chinese, the change marked, the old English), every check finding with
its file and line, then the drafts themselves. Long lists fold into <details>. GitHub refuses a
description over 65,536 characters, so the body keeps under a budget: what does not fit is
counted in an "N more" line that says where to find it, never dropped silently.

It renders values (MemoryChanges, check Findings) and nothing else; text from the report is
escaped so that it shows as written and cannot notify anyone (`@name`).
"""

from __future__ import annotations

import difflib
import re
from collections.abc import Sequence
from dataclasses import dataclass

from generator.check import Finding
from generator.tm.changes import Draft, MemoryChanges, Outdated

GITHUB_LIMIT = 65_536  # characters (UTF-16 code units) GitHub takes in a pull request's body
BUDGET = GITHUB_LIMIT - 1_536  # room for what GitHub or the action may add
CLIP = 600  # characters of one passage shown; the rest is counted
OPEN_ITEMS = 10  # longer lists are folded
MAX_MARKS = 8  # a passage changed in more places than this is shown without marks

# What a change is marked in: a Chinese character, or a whole number or Latin word (5.79 → 5.80
# marks the figure, not its last two digits).
_TOKEN = re.compile(r"[0-9A-Za-z][0-9A-Za-z.,%:/-]*[0-9A-Za-z%]|.", re.DOTALL)
_MARKDOWN = re.compile(r"([\\`*_{}\[\]<>&|~#!])")
_REFERENCE = re.compile(r"(@|#(?=[0-9]))")


@dataclass(frozen=True)
class ReportReview:
    changes: MemoryChanges
    findings: tuple[Finding, ...]


@dataclass(frozen=True)
class Review:
    """Everything the body says: who drafted, against which base, and each report's review."""

    engine: str  # e.g. "openai-compatible (model qwen2.5)"
    base: str | None  # the commit the memories are compared with, if any
    reports: tuple[ReportReview, ...]


def size(text: str) -> int:
    """Length as GitHub counts it (UTF-16 code units: a rare CJK character counts twice)."""
    return len(text.encode("utf-16-le")) // 2


def render_body(review: Review, budget: int = BUDGET) -> str:
    drafted = [d for r in review.reports for d in r.changes.drafted]
    outdated = [o for r in review.reports for o in r.changes.outdated]
    findings = [f for r in review.reports for f in r.findings]
    parts = [
        _headline(review, len(drafted), len(outdated), len(findings)),
        _table(review.reports),
        HOW_TO_REVIEW,
    ]
    head = "\n\n".join(part for part in parts if part)
    sections: list[tuple[str, list[str], str, bool]] = [
        (
            "Outdated passages",
            [_outdated(o) for o in outdated],
            "in the files: the entries marked `#, fuzzy`",
            len(outdated) > OPEN_ITEMS,
        ),
        (
            "Check findings",
            [_finding(f) for f in findings],
            "the log of the workflow run lists them all, as `report-site check` does",
            len(findings) > OPEN_ITEMS,
        ),
        (
            "Drafted segments",
            [_draft(d) for d in drafted],
            "in the files' diff",
            True,
        ),
    ]
    spare = budget - size(head) - 2 * len(sections) - 1
    full = [
        _section(title, items, elsewhere, folded) for title, items, elsewhere, folded in sections
    ]
    rooms = _share([size(text) for text in full], spare)
    rendered = [
        text if size(text) <= room else _section(title, items, elsewhere, folded, room)
        for text, room, (title, items, elsewhere, folded) in zip(full, rooms, sections, strict=True)
    ]
    return "\n\n".join([head, *rendered]) + "\n"


def _share(needs: Sequence[int], total: int) -> list[int]:
    """Room for each section: what it needs if that is no more than an equal share, the rest
    shared among the bigger ones (so 400 outdated passages cannot crowd out every finding)."""
    rooms = [0] * len(needs)
    left = total
    for done, index in enumerate(sorted(range(len(needs)), key=lambda i: needs[i])):
        rooms[index] = min(needs[index], left // (len(needs) - done))
        left -= rooms[index]
    return rooms


HOW_TO_REVIEW = (
    "**Reviewing.** Edit the English in this pull request's `en.po` files (on GitHub, the file's "
    "edit button; or Poedit on a checkout of the branch). An edited draft counts as reviewed "
    "and the next run keeps it. For an outdated passage, revise the English, then delete its "
    "`#, fuzzy` and `#| msgid` lines. The published English edition has none of these drafts "
    "until this pull request is merged."
)


def _count(number: int, noun: str) -> str:
    return f"{number} {noun}{'' if number == 1 else 's'}"


def _headline(review: Review, drafted: int, outdated: int, findings: int) -> str:
    against = f", compared with {review.base}" if review.base else ""  # GitHub links the commit
    return (
        "## English drafts for review\n\n"
        f"**{_count(drafted, 'segment')} drafted** by {_escape(review.engine)}{against}; "
        f"**{_count(outdated, 'passage')} outdated** (the Chinese changed under reviewed "
        f"English); **{_count(findings, 'check finding')}**."
    )


def _table(reports: Sequence[ReportReview]) -> str:
    rows = [
        "| report | drafted | revised on this branch | outdated | missing | findings |",
        "| --- | ---: | ---: | ---: | ---: | ---: |",
    ]
    for review in reports:
        c = review.changes
        if not (c.drafted or c.revised or c.outdated or c.missing or review.findings):
            continue  # of 80 reports, a reviewer wants the few with something to read
        rows.append(
            f"| {_code(c.report)} | {len(c.drafted)} | {c.revised} | {len(c.outdated)} "
            f"| {c.missing} | {len(review.findings)} |"
        )
    return "\n".join(rows) if len(rows) > 2 else ""


def _section(
    title: str, items: list[str], elsewhere: str, folded: bool, room: int | None = None
) -> str:
    """`### title (n)` and its items; with `room`, as many items as fit in it, then how many
    more there are and where they are."""
    heading = f"### {title} ({len(items)})"
    if not items:
        return heading + "\n\nNone."
    opening = f"<details><summary>Show {len(items)}</summary>\n\n" if folded else ""
    closing = "\n\n</details>" if folded else ""
    shown = items
    more = ""
    if room is not None:
        more = "\n\n" + _more(len(items), title, elsewhere)  # the longest it can be
        left = room - size(f"{heading}\n\n{opening}{closing}{more}")
        shown = []
        for item in items:
            left -= size(item) + 1
            if left < 0:
                break
            shown.append(item)
        more = "\n\n" + _more(len(items) - len(shown), title, elsewhere)
    listed = "\n".join(shown) + (more if len(shown) < len(items) else "")
    return f"{heading}\n\n{opening}{listed.strip()}{closing}"


def _more(number: int, title: str, elsewhere: str) -> str:
    return (
        f"…and {number} more {title.lower()} not shown here (GitHub limits a pull request's "
        f"description to {GITHUB_LIMIT:,} characters): {elsewhere}."
    )


def _outdated(item: Outdated) -> str:
    old_zh, new_zh = _changed(item.old_zh, item.new_zh)
    return (
        f"- {_code(str(item.where))} · English at {_code(str(item.english_at))}\n"
        f"  - old Chinese: {old_zh}\n"
        f"  - new Chinese: {new_zh}\n"
        f"  - old English: {_passage(item.old_en)}"
    )


def _finding(finding: Finding) -> str:
    line = f"- {_code(str(finding.loc))} · **{finding.label}**: {_escape(finding.message)}"
    if finding.entry is not None:
        line += f" · English at {_code(str(finding.entry))}"
    passages = [(lang, text) for lang, text in (("zh", finding.zh), ("en", finding.en)) if text]
    return "\n".join([line, *(f"  - {lang}: {_passage(text)}" for lang, text in passages)])


def _draft(draft: Draft) -> str:
    return (
        f"- {_code(str(draft.where))} · English at {_code(str(draft.english_at))}\n"
        f"  - zh: {_passage(draft.zh)}\n"
        f"  - en: {_passage(draft.en)}"
    )


def _changed(old: str, new: str) -> tuple[str, str]:
    """Both passages, the characters that differ marked (struck out in the old, underlined in
    the new), so a reviewer sees at once that 5.79 became 5.80."""
    old_tokens, new_tokens = _TOKEN.findall(_one_line(old)), _TOKEN.findall(_one_line(new))
    ops = difflib.SequenceMatcher(None, old_tokens, new_tokens, autojunk=False).get_opcodes()
    if sum(tag != "equal" for tag, *_ in ops) > MAX_MARKS:
        return _passage(old), _passage(new)
    old_parts = [("".join(old_tokens[i1:i2]), tag != "equal") for tag, i1, i2, _, _ in ops]
    new_parts = [("".join(new_tokens[j1:j2]), tag != "equal") for tag, _, _, j1, j2 in ops]
    return _marked([p for p in old_parts if p[0]], "del"), _marked(
        [p for p in new_parts if p[0]], "ins"
    )


def _passage(text: str) -> str:
    return _marked([(_one_line(text), False)], "")


def _marked(parts: Sequence[tuple[str, bool]], tag: str) -> str:
    """The pieces escaped, changed ones in <tag>, cut after CLIP characters with a count of the
    rest (the file holds the whole passage)."""
    out: list[str] = []
    shown = 0
    for piece, changed in parts:
        piece = piece[: max(CLIP - shown, 0)]
        if not piece:
            break
        shown += len(piece)
        out.append(f"<{tag}>{_escape(piece)}</{tag}>" if changed and tag else _escape(piece))
    rest = sum(len(piece) for piece, _ in parts) - shown
    return "".join(out) + (f"… ({_count(rest, 'more character')})" if rest else "")


def _one_line(text: str) -> str:
    return " ".join(text.split())


def _escape(text: str) -> str:
    """Text that shows as written: Markdown and HTML marks escaped, and a zero-width space after
    `@` and before the number of a `#1`, so a passage mentions (notifies) nobody and links no
    issue of the repository."""
    return _REFERENCE.sub("\\1\u200b", _MARKDOWN.sub(r"\\\1", text))


def _code(text: str) -> str:
    """A code span that holds any text (a path with a backtick gets a longer fence)."""
    longest = max((len(run) for run in re.findall(r"`+", text)), default=0)
    fence = "`" * (longest + 1)
    pad = " " if longest else ""
    return f"{fence}{pad}{text}{pad}{fence}"
