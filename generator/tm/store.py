"""Reading, merging and writing a report's translation memory (`translations/en.po`).

Each entry is one segment: msgid the Chinese, msgstr the English, `#:` where the segment is.
Its state is visible to every PO tool and to readers of the file:

- missing: msgstr is empty;
- outdated: `#, fuzzy`, with the Chinese it was translated from in `#| msgid`;
- machine: a translator comment `machine-translated: engine=…; model=…; date=…; digest=…`, no
  `reviewed-by:` line, and the English still the one the engine wrote (`digest` is a hash of
  it: a translator who edits a machine draft in Poedit, which keeps comments, makes it theirs);
- reviewed: any other translation (a person wrote or edited it, or added `reviewed-by: NAME`).

`merge` follows msgmerge: unchanged segments keep entry and state; a changed segment keeps its old
English, marked outdated; a segment that moved keeps its English; entries whose segment is gone
become obsolete (`#~`), never deleted.
"""

from __future__ import annotations

import copy
import difflib
import hashlib
import re
import textwrap
from collections.abc import Sequence
from dataclasses import dataclass
from datetime import date
from pathlib import Path

import polib

from generator.edition_list import ENGLISH
from generator.errors import Loc, Problem, ReportSiteError, display_path
from generator.model import Segment
from generator.tm.po_syntax import check_syntax
from generator.tm.unit import UnitState

MACHINE_TAG = "machine-translated:"
REVIEWED_TAG = "reviewed-by:"
# Below this similarity a changed segment is treated as new rather than as an edit of an old one.
FUZZY_THRESHOLD = 0.6
WRAP = 78  # what msgmerge and msgcat use, so files saved by gettext tools do not churn

HEADER = {
    "Project-Id-Version": "report-site",
    "Language": ENGLISH.code,
    "MIME-Version": "1.0",
    "Content-Type": "text/plain; charset=UTF-8",
    "Content-Transfer-Encoding": "8bit",
    "X-Source-Language": "zh_Hans",
}


def state_of(entry: polib.POEntry) -> UnitState:
    if not entry.msgstr and not any((entry.msgstr_plural or {}).values()):
        return UnitState.MISSING
    if "fuzzy" in entry.flags:
        return UnitState.OUTDATED
    return UnitState.MACHINE if machine_made(entry) else UnitState.REVIEWED


def english_digest(english: str) -> str:
    """A short hash of an engine's English, recorded beside it to tell later edits apart."""
    return hashlib.sha256(english.encode("utf-8")).hexdigest()[:12]


def provenance_lines(engine: str, model: str, day: date, english: str) -> list[str]:
    """The provenance comment of a machine translation, broken at `; ` where it would pass the
    line width: polib would wrap it there on saving anyway, and breaking it ourselves keeps what
    is in memory equal to what is on disk."""
    line = (
        f"{MACHINE_TAG} engine={engine}; model={model}; date={day.isoformat()}; "
        f"digest={english_digest(english)}"
    )
    return textwrap.wrap(line, WRAP - len("# "), break_long_words=False, break_on_hyphens=False)


def split_provenance(tcomment: str | None) -> tuple[dict[str, str] | None, list[str]]:
    """The fields of the provenance comment (None if there is none), and the other lines."""
    fields: dict[str, str] | None = None
    others: list[str] = []
    continuing = False
    for line in (tcomment or "").splitlines():
        text = line.strip()
        if text.startswith(MACHINE_TAG):
            fields, continuing = {}, True
            text = text[len(MACHINE_TAG) :]
        elif not (continuing and _FIELD.match(text)):
            continuing = False
            others.append(line)
            continue
        for part in text.split(";"):
            name, _, value = part.strip().partition("=")
            if name and fields is not None:
                fields[name] = value
    return fields, others


_FIELD = re.compile(r"(engine|model|date|digest)=")


def machine_made(entry: polib.POEntry) -> bool:
    """Whether the English (current, or previous if outdated) is as an engine wrote it: a
    provenance comment, no reviewer, and (when recorded) a digest that still matches."""
    fields, others = split_provenance(entry.tcomment)
    if fields is None or any(line.strip().startswith(REVIEWED_TAG) for line in others):
        return False
    digest = fields.get("digest")
    return digest is None or digest == english_digest(entry.msgstr)


HEADER_COMMENT = (
    "Translation memory of one report, Chinese (zh-Hans) to English. Translators: edit with\n"
    "Poedit, Weblate or any PO editor. To mark an entry reviewed, add a translator comment\n"
    "line `reviewed-by: NAME` (and remove the fuzzy flag of an outdated one); editing the\n"
    "English of a machine translation makes it yours, and no engine will overwrite it.\n"
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
    shown = display_path(path)
    hint = "open it in Poedit, or fix the line named, and retry"
    try:
        text = path.read_text(encoding="utf-8")
    except UnicodeDecodeError as error:
        line = path.read_bytes()[: error.start].count(b"\n") + 1
        raise ReportSiteError(
            [Problem(Loc(shown, line), "the PO file is not UTF-8", "save it as UTF-8")]
        ) from None
    except OSError as error:
        raise ReportSiteError(
            [Problem(Loc(shown), f"cannot read: {error.strerror}", hint)]
        ) from None
    problems = check_syntax(text, shown)
    if problems:
        raise ReportSiteError(problems)
    try:
        return polib.pofile(text, wrapwidth=WRAP, encoding="utf-8")
    except (OSError, ValueError) as error:
        raise ReportSiteError(
            [Problem(Loc(shown), f"cannot read the PO file: {error}", hint)]
        ) from None


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


# An entry is what gettext tools say it is: its context and its source text together.
Key = tuple[str | None, str]


def key_of(entry: polib.POEntry) -> Key:
    return (entry.msgctxt, entry.msgid)


def _occurrence(loc: Loc) -> tuple[str, str]:
    return (loc.path, str(loc.line))


def merge(old: polib.POFile, segments: Sequence[Segment], report_dir: str = "") -> MergeResult:
    """A new catalog for `segments` (in their order), carrying over everything `old` knows.

    Nothing in `old` is dropped: an entry either serves a segment (exactly, or as the outdated
    English of an edited one) or is kept obsolete. An obsolete entry whose Chinese comes back is
    revived with its English and state, as msgmerge does.
    """
    po = new_catalog()
    po.metadata = dict(old.metadata) if old.metadata else dict(HEADER)
    po.header = old.header or HEADER_COMMENT
    live: dict[Key, polib.POEntry] = {}
    retired: dict[Key, polib.POEntry] = {}
    for entry in old:
        (retired if entry.obsolete else live).setdefault(key_of(entry), entry)
    used: set[int] = set()  # ids of the old entries that now serve a segment
    fresh: list[polib.POEntry] = []

    seen: dict[str, polib.POEntry] = {}
    for segment in segments:
        loc = _occurrence(_relative(segment.loc, report_dir))
        if segment.text in seen:  # the same text twice is one entry with two locations
            seen[segment.text].occurrences.append(loc)
            continue
        source = live.get((None, segment.text)) or retired.get((None, segment.text))
        if source is not None:
            used.add(id(source))
            kept = _copy(source)
            kept.obsolete = False
            _settle(kept)
        else:
            kept = polib.POEntry(msgid=segment.text, msgstr="")
            fresh.append(kept)
        kept.occurrences = [loc]
        seen[segment.text] = kept
        po.append(kept)

    # Segments without an exact match may be edits of entries that lost theirs: pair them most
    # similar first, preferring live entries to obsolete ones. Entries with a context are not
    # report-site's: they are kept as they are, never reused.
    candidates = [e for e in old if id(e) not in used and e.msgstr and e.msgctxt is None]
    outdated = 0
    for entry, source in _pair_by_similarity(fresh, candidates):
        used.add(id(source))
        entry.msgstr = source.msgstr
        entry.tcomment = source.tcomment
        entry.previous_msgid = source.previous_msgid if _is_fuzzy(source) else source.msgid
        entry.flags = [*(f for f in source.flags if f != "fuzzy"), "fuzzy"]
        _settle(entry)
        outdated += int(_is_fuzzy(entry))

    obsoleted = 0
    for entry in old:
        if id(entry) in used:
            continue
        gone = _copy(entry)
        if not gone.obsolete:
            gone.obsolete = True
            gone.occurrences = []
            obsoleted += 1
        po.append(gone)
    added = sum(1 for entry in fresh if not entry.msgstr)
    return MergeResult(po, added, outdated, obsoleted)


def _is_fuzzy(entry: polib.POEntry) -> bool:
    return "fuzzy" in entry.flags


def _settle(entry: polib.POEntry) -> None:
    """An entry whose Chinese is back to what its English was made from is current again."""
    if _is_fuzzy(entry) and entry.previous_msgid == entry.msgid:
        entry.flags = [f for f in entry.flags if f != "fuzzy"]
        entry.previous_msgid = None


def _relative(loc: Loc, report_dir: str) -> Loc:
    prefix = report_dir.rstrip("/") + "/" if report_dir else ""
    if prefix and loc.path.startswith(prefix):
        return Loc(loc.path[len(prefix) :], loc.line, loc.col)
    return loc


def _pair_by_similarity(
    fresh: Sequence[polib.POEntry], candidates: Sequence[polib.POEntry]
) -> list[tuple[polib.POEntry, polib.POEntry]]:
    """Each fresh entry with the old entry it most likely is an edit of (similarity at least
    FUZZY_THRESHOLD), each old entry used once; the most similar pairs are made first, so the
    order of the segments does not decide which edit gets which English."""
    scored: list[tuple[float, bool, int, int]] = []
    for i, entry in enumerate(fresh):
        for j, candidate in enumerate(candidates):
            ratio = _similarity(entry.msgid, candidate.msgid)
            if ratio >= FUZZY_THRESHOLD:
                scored.append((-ratio, candidate.obsolete, i, j))
    scored.sort()
    pairs: list[tuple[polib.POEntry, polib.POEntry]] = []
    taken_fresh: set[int] = set()
    taken_old: set[int] = set()
    for _, _, i, j in scored:
        if i not in taken_fresh and j not in taken_old:
            taken_fresh.add(i)
            taken_old.add(j)
            pairs.append((fresh[i], candidates[j]))
    return pairs


def _similarity(a: str, b: str) -> float:
    matcher = difflib.SequenceMatcher(None, a, b, autojunk=False)
    if matcher.real_quick_ratio() < FUZZY_THRESHOLD or matcher.quick_ratio() < FUZZY_THRESHOLD:
        return 0.0
    return matcher.ratio()


def _copy(entry: polib.POEntry) -> polib.POEntry:
    """A copy with every field (plurals, context, previous context, flags…): what a translator
    or another tool put in an entry is carried over even where report-site does not use it.
    The fields hold strings, or lists and a dict of strings and tuples of them: copying
    those containers makes a copy as independent as copy.deepcopy's, at a fraction of its
    cost (every build merges every memory)."""
    kept = copy.copy(entry)
    for name, value in vars(entry).items():
        if isinstance(value, list | dict):
            setattr(kept, name, copy.copy(value))
    return kept
