"""An edition's index kept from one build to the next, and updated where its parts changed.

Most of an index's cost is in the postings of the whole archive (a million passage numbers
for 80 reports) and their shard files. When an edit leaves every part where it was in the
index (the same parts in the same order, each changed part with as many pages and passages
as before, as when a paragraph is corrected), each changed part's passages are taken out of
the postings and its new ones put in their place; only the tokens that moved get a new shard
entry, and the pages of unchanged parts keep their text files (linked). Anything else (a report
added, removed, moved by its year, a paragraph added) builds the index anew. Either way the
files are those a build of the whole edition writes.

The kept state (`index.state`) is marshal data: Python's own format for its basic types, fast
to read, and no code (it is written and read by the same Python, whose version is in every
part's fingerprint).
"""

from __future__ import annotations

import marshal
from array import array
from bisect import bisect_left
from collections.abc import Mapping, Sequence
from dataclasses import astuple
from itertools import pairwise
from pathlib import Path
from typing import Any

from generator.search.index import Index, PageGroup, Run, entry, packed, row, unpacked

STATE_FORMAT = 1


def save(index: Index, path: Path) -> None:
    tokens = sorted(index.ids)
    data = {
        "v": STATE_FORMAT,
        "runs": [astuple(run) for run in index.runs],
        "pages": index.pages,
        **packed(index.ids, tokens),
        "entries": [index.entries[token] for token in tokens],
    }
    path.write_bytes(marshal.dumps(data))


def load(path: Path) -> Index | None:
    """The index kept at `path`, or None (none kept, or kept by another version)."""
    try:
        data: dict[str, Any] = marshal.loads(path.read_bytes())
    except (OSError, EOFError, ValueError, TypeError):
        return None
    if not isinstance(data, dict) or data.get("v") != STATE_FORMAT:
        return None
    ids = unpacked(data)
    return Index(
        [Run(*run) for run in data["runs"]],
        [tuple(page) for page in data["pages"]],
        ids,
        dict(zip(data["tokens"], data["entries"], strict=True)),
    )


def updated(
    previous: Index, parts: Sequence[tuple[str, str]], changed: Mapping[str, PageGroup]
) -> Index | None:
    """`previous` with the `changed` parts' groups in place of theirs, or None when that
    cannot be done in place. `parts` is every part's (name, fingerprint); those whose
    fingerprint is not the one `previous` was made with are in `changed`."""
    runs = {run.name: run for run in previous.runs}
    if {name for name, _ in parts} != set(runs) or not changed or set(changed) - set(runs):
        return None
    fingerprints = dict(parts)
    new_runs = []
    for run in previous.runs:
        group = changed.get(run.name)
        if group is None:
            if fingerprints[run.name] != run.fingerprint:
                return None
            new_runs.append(run)
            continue
        if (len(group.pages), group.passages) != (run.pages, run.passages):
            return None
        span = group.span()
        new_runs.append(
            Run(
                run.name,
                fingerprints[run.name],
                run.first_page,
                run.pages,
                run.first_passage,
                run.passages,
                group.used,
                span,
            )
        )
    spans = [run.span for run in new_runs if run.span is not None]
    if any(a[1] >= b[0] for a, b in pairwise(spans)):
        return None  # the parts' pages would not stay in the order they are in

    ids = dict(previous.ids)
    entries = dict(previous.entries)
    pages = list(previous.pages)
    texts = {}
    for run in new_runs:
        group = changed.get(run.name)
        if group is None:
            continue
        start, end = run.first_passage, run.first_passage + run.passages
        moved = {token for token, held in ids.items() if _holds(held, start, end)}
        for token in moved | group.tokens.keys():
            held = ids.get(token, array("I"))
            low = bisect_left(held, start)
            high = bisect_left(held, end, low)
            put = array("I", (start + i for i in group.tokens.get(token, ())))
            now = held[:low] + put + held[high:]
            if now:
                ids[token] = now
                entries[token] = _spliced(token, entries.get(token), held, low, high, put)
            else:
                del ids[token], entries[token]
        for n, page in enumerate(group.pages, run.first_page):
            pages[n] = row(page)
            texts[n] = page
    return Index(new_runs, pages, ids, entries, texts)


def _holds(held: array[int], start: int, end: int) -> bool:
    low = bisect_left(held, start)
    return low < len(held) and held[low] < end


def _spliced(
    token: str, old: str | None, held: array[int], low: int, high: int, put: array[int]
) -> str:
    """The token's shard entry once its passages `low` to `high` are replaced by `put`: the
    delta-coded numbers before and after them are those of the old entry, as it wrote them
    (the common tokens' lists are long; a changed report is a short stretch of them)."""
    if old is None or not held:
        return entry(token, held[:low] + put + held[high:])
    head = old[: old.index(":[") + 2]
    numbers = old[len(head) : -1].split(",")
    last = held[low - 1] if low else None
    middle = []
    for passage in [*put, *held[high : high + 1]]:
        middle.append(str(passage - last if last is not None else passage))
        last = passage
    return head + ",".join(numbers[:low] + middle + numbers[high + 1 :]) + "]"
