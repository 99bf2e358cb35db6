"""Reading, merging and writing a report's translation memory (`translations/en.po`).

Each entry is one segment: msgid the Chinese, msgstr the English, `#:` where the segment is.
Its state is visible to every PO tool and to readers of the file:

- missing: msgstr is empty;
- outdated: `#, fuzzy`, with the Chinese it was translated from in `#| msgid`;
- machine: a translator comment `machine-translated: engine=…; model=…; date=…` and no
  `reviewed-by:` line;
- reviewed: any other translation (a person wrote it, or added `reviewed-by: NAME`).

`merge` follows msgmerge: unchanged segments keep entry and state; a changed segment keeps its old
English, marked outdated; a segment that moved keeps its English; entries whose segment is gone
become obsolete (`#~`), never deleted.
"""

from __future__ import annotations

import difflib
from collections.abc import Iterable, Sequence
from dataclasses import dataclass
from pathlib import Path

import polib

from generator.editions import State
from generator.errors import Loc, Problem, ReportSiteError, display_path
from generator.model import Segment

MACHINE_TAG = "machine-translated:"
REVIEWED_TAG = "reviewed-by:"
# Below this similarity a changed segment is treated as new rather than as an edit of an old one.
FUZZY_THRESHOLD = 0.6
WRAP = 78  # what msgmerge and msgcat use, so files saved by gettext tools do not churn

HEADER = {
    "Project-Id-Version": "report-site",
    "Language": "en",
    "MIME-Version": "1.0",
    "Content-Type": "text/plain; charset=UTF-8",
    "Content-Transfer-Encoding": "8bit",
    "X-Source-Language": "zh_Hans",
}


def state_of(entry: polib.POEntry) -> State:
    if not entry.msgstr:
        return State.MISSING
    if "fuzzy" in entry.flags:
        return State.OUTDATED
    comment = entry.tcomment or ""
    lines = [line.strip() for line in comment.splitlines()]
    if any(line.startswith(REVIEWED_TAG) for line in lines):
        return State.REVIEWED
    if any(line.startswith(MACHINE_TAG) for line in lines):
        return State.MACHINE
    return State.REVIEWED


HEADER_COMMENT = (
    "Translation memory of one report, Chinese (zh-Hans) to English. Translators: edit with\n"
    "Poedit, Weblate or any PO editor. To mark an entry reviewed, add a translator comment\n"
    "line `reviewed-by: NAME` (and remove the fuzzy flag of an outdated one).\n"
    "report-site merges this file with the Chinese; it never drops an entry."
)


def new_catalog() -> polib.POFile:
    po = polib.POFile(wrapwidth=WRAP)
    po.header = HEADER_COMMENT
    po.metadata = dict(HEADER)
    return po


def load(path: Path) -> polib.POFile:
    """The catalog at `path`, or an empty one if there is none yet. Syntax errors name the line."""
    if not path.exists():
        return new_catalog()
    try:
        po = polib.pofile(str(path), wrapwidth=WRAP, encoding="utf-8")
    except (OSError, ValueError, UnicodeDecodeError) as error:
        raise ReportSiteError(
            [
                Problem(
                    Loc(display_path(path)),
                    f"cannot read the PO file: {error}",
                    "open it in Poedit, or fix the line named, and retry",
                )
            ]
        ) from None
    return po


def save(po: polib.POFile, path: Path) -> bool:
    """Write `po` to `path` if its text changed; True if it was written."""
    text = str(po)
    if not text.endswith("\n"):
        text += "\n"
    if path.exists() and path.read_text(encoding="utf-8") == text:
        return False
    path.parent.mkdir(parents=True, exist_ok=True)
    tmp = path.with_suffix(path.suffix + ".tmp")
    tmp.write_text(text, encoding="utf-8")
    tmp.replace(path)
    return True


@dataclass(frozen=True)
class MergeResult:
    catalog: polib.POFile
    added: int
    outdated: int
    obsoleted: int


def _occurrence(loc: Loc) -> tuple[str, str]:
    return (loc.path, str(loc.line))


def merge(old: polib.POFile, segments: Sequence[Segment], report_dir: str = "") -> MergeResult:
    """A new catalog for `segments` (in their order), carrying over everything `old` knows."""
    po = new_catalog()
    po.metadata = dict(old.metadata) if old.metadata else dict(HEADER)
    po.header = old.header or HEADER_COMMENT
    live = {e.msgid: e for e in old if not e.obsolete}
    obsolete_before = [e for e in old if e.obsolete]
    used: set[str] = set()
    added = outdated = 0
    fresh: list[tuple[polib.POEntry, Segment]] = []

    seen: dict[str, polib.POEntry] = {}
    for segment in segments:
        loc = _occurrence(_relative(segment.loc, report_dir))
        if segment.text in seen:  # the same text twice is one entry with two locations
            seen[segment.text].occurrences.append(loc)
            continue
        entry = live.get(segment.text)
        if entry is not None:
            used.add(entry.msgid)
            kept = _copy(entry)
            kept.occurrences = [loc]
        else:
            kept = polib.POEntry(msgid=segment.text, msgstr="", occurrences=[loc])
            fresh.append((kept, segment))
        seen[segment.text] = kept
        po.append(kept)

    # Segments without an exact match may be edits of entries that lost theirs.
    candidates = [e for e in old if not e.obsolete and e.msgid not in used and e.msgstr]
    for entry, segment in fresh:
        best = _most_similar(segment.text, candidates)
        if best is None:
            added += 1
            continue
        candidates.remove(best)
        used.add(best.msgid)
        entry.msgstr = best.msgstr
        entry.tcomment = best.tcomment
        entry.previous_msgid = best.previous_msgid if "fuzzy" in best.flags else best.msgid
        entry.flags = ["fuzzy"]
        outdated += 1

    obsoleted = 0
    for entry in old:
        if not entry.obsolete and entry.msgid not in used:
            gone = _copy(entry)
            gone.obsolete = True
            gone.occurrences = []
            po.append(gone)
            obsoleted += 1
    for entry in obsolete_before:
        if entry.msgid not in seen:
            po.append(_copy(entry))
    return MergeResult(po, added, outdated, obsoleted)


def _relative(loc: Loc, report_dir: str) -> Loc:
    prefix = report_dir.rstrip("/") + "/" if report_dir else ""
    if prefix and loc.path.startswith(prefix):
        return Loc(loc.path[len(prefix) :], loc.line, loc.col)
    return loc


def _most_similar(text: str, candidates: Iterable[polib.POEntry]) -> polib.POEntry | None:
    best, best_ratio = None, FUZZY_THRESHOLD
    for entry in candidates:
        matcher = difflib.SequenceMatcher(None, text, entry.msgid, autojunk=False)
        if matcher.real_quick_ratio() < best_ratio or matcher.quick_ratio() < best_ratio:
            continue
        ratio = matcher.ratio()
        if ratio >= best_ratio:
            best, best_ratio = entry, ratio
    return best


def _copy(entry: polib.POEntry) -> polib.POEntry:
    return polib.POEntry(
        msgid=entry.msgid,
        msgstr=entry.msgstr,
        msgctxt=entry.msgctxt,
        occurrences=list(entry.occurrences),
        comment=entry.comment,
        tcomment=entry.tcomment,
        flags=list(entry.flags),
        previous_msgid=entry.previous_msgid,
        obsolete=entry.obsolete,
    )
