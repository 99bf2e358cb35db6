"""The search stage: after MkDocs has built an edition, read its pages and write the static
index the reader's browser searches (`<edition>/search/`), in parts fetched only when needed.

    search/index.json   reports (title, year, organisation), pages, the character fold, the
                        Taiwan/mainland words whose other form the text holds, the number of
                        passages and of shards
    search/s<N>.json    shard N: token → the passages holding it (ids, delta-coded)
    search/p<N>-<K>.json  page N's passages 16K to 16K+15: [anchor, is heading, text]

Opening a page loads none of it. A first search loads index.json, the shards of the query's
tokens and the texts of the pages it checks, so what a reader transfers grows with the query,
not with the archive. It runs over finished HTML, so it can run once over an assembled site,
or be made from the pages each part of a site read when it was built (PageGroup); an index
kept from the last build is updated where parts changed (generator/search/incremental.py).
"""

from __future__ import annotations

import json
import marshal
import math
import operator
import os
import shutil
from array import array
from collections import defaultdict
from collections.abc import Mapping, Sequence
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

from generator.search.passages import Page, read_page
from generator.search.phrases import for_text
from generator.search.text import fold, fold_map, shard_of, tokens

SEARCH_DIR = "search"
FORMAT = 2
# Raw bytes of postings per shard: about 15 KB gzipped, a phone's quick fetch.
SHARD_BYTES = 48_000
# Passages per text file: a result's text costs a reader a small file, not its whole page.
CHUNK = 16
# Pages that are never results: the 404 page has no text of the site.
NOT_SEARCHED = frozenset({"404.html"})


@dataclass(frozen=True)
class IndexStats:
    pages: int
    passages: int
    shards: int
    bytes: int


def read_pages(edition_dir: Path, under: str = "") -> list[Page]:
    """The searchable pages of the built edition in `edition_dir` (below its folder `under`,
    if given: one report's), with their URLs relative to the edition's root."""
    pages = []
    for path in sorted((edition_dir / under).rglob("*.html")):
        relative = path.relative_to(edition_dir).as_posix()
        if relative in NOT_SEARCHED or relative.startswith(f"{SEARCH_DIR}/"):
            continue
        url = relative.removesuffix("index.html")
        page = read_page(path.read_text(encoding="utf-8"), url)
        if page is not None:
            pages.append(page)
    return pages


OrderKey = tuple[bool, int, str, str]


def order(page: Page) -> OrderKey:
    # Newest report first, then the site's own order: the order equal results are shown in.
    return (page.report == "", -_year(page.year), page.report, page.url)


def _in_order(pages: list[Page]) -> list[Page]:
    return sorted(pages, key=order)


def _year(year: str) -> int:
    return int(year) if year.isdigit() else 0


def _json(data: object) -> str:
    return json.dumps(data, ensure_ascii=False, separators=(",", ":"))


@dataclass
class _Postings:
    """Which passages hold each token, as compact arrays (an archive has millions of them)."""

    ids: dict[str, array[int]] = field(default_factory=lambda: defaultdict(lambda: array("I")))
    used: set[str] = field(default_factory=set)  # every character of the folded text
    count: int = 0

    def add(self, text: str) -> None:
        folded = fold(text)
        self.used.update(folded)
        for token in tokens(folded, folded=True):
            self.ids[token].append(self.count)
        self.count += 1


@dataclass(frozen=True)
class PageGroup:
    """Some of an edition's pages, in index order, with the passages (numbered from 0 in that
    order) that hold each token: a part of an edition is read and tokenised once, when it is
    built, and the index of the whole is made from its parts' groups."""

    pages: tuple[Page, ...]
    tokens: Mapping[str, Sequence[int]]
    used: str  # every character of the folded text

    @classmethod
    def of(cls, pages: list[Page]) -> PageGroup:
        ordered = _in_order(pages)
        postings = _Postings()
        for page in ordered:
            for passage in page.passages:
                postings.add(passage.text)
        return cls(tuple(ordered), dict(postings.ids), "".join(sorted(postings.used)))

    @property
    def passages(self) -> int:
        return sum(len(page.passages) for page in self.pages)

    def span(self) -> tuple[OrderKey, OrderKey] | None:
        """The order keys of its first and last page."""
        return (order(self.pages[0]), order(self.pages[-1])) if self.pages else None

    def to_bytes(self) -> bytes:
        """The group as a part keeps it: marshal data (Python's own format for its basic types,
        written and read by the same Python, whose version is in every part's fingerprint),
        its passage numbers packed; JSON took longer to write and to read than the tokens took
        to make."""
        data: dict[str, Any] = {"pages": [page.to_json() for page in self.pages]}
        data.update(packed(self.tokens, list(self.tokens)), used=self.used)
        return marshal.dumps(data)

    @classmethod
    def from_bytes(cls, data: bytes) -> PageGroup:
        kept = marshal.loads(data)
        pages = tuple(Page.from_json(page) for page in kept["pages"])
        return cls(pages, unpacked(kept), kept["used"])


def packed(postings: Mapping[str, Sequence[int]], tokens: list[str]) -> dict[str, Any]:
    """`postings` of `tokens` (in that order) as marshal keeps them fast: the tokens, and the
    passage numbers of each as one array of counts and one of numbers, in bytes."""
    ids = array("I")
    for token in tokens:
        ids.extend(postings[token])
    counts = array("I", (len(postings[token]) for token in tokens))
    return {"tokens": tokens, "counts": counts.tobytes(), "ids": ids.tobytes()}


def unpacked(data: Mapping[str, Any]) -> dict[str, array[int]]:
    """The postings `packed` wrote into `data`."""
    counts, ids = array("I"), array("I")
    counts.frombytes(data["counts"])
    ids.frombytes(data["ids"])
    postings: dict[str, array[int]] = {}
    start = 0
    for token, count in zip(data["tokens"], counts, strict=True):
        postings[token] = ids[start : start + count]
        start += count
    return postings


# A page as index.json needs it: URL, title, report, year, organisation, passages.
PageRow = tuple[str, str, str, str, str, int]


def row(page: Page) -> PageRow:
    return (page.url, page.title, page.report, page.year, page.organisation, len(page.passages))


@dataclass(frozen=True)
class Run:
    """Where one part's pages are in the index: from page `first_page` and passage
    `first_passage` on, in index order."""

    name: str
    fingerprint: str
    first_page: int
    pages: int
    first_passage: int
    passages: int
    used: str
    span: tuple[OrderKey, OrderKey] | None


def deltas(ids: array[int]) -> list[int]:
    return [ids[0], *map(operator.sub, ids[1:], ids[:-1])]


def entry(token: str, ids: array[int]) -> str:
    """A token's entry in its shard, as json.dumps writes it in the shard's object (a list
    of numbers is written the same way by joining them)."""
    return f"{_json(token)}:[{','.join(map(str, deltas(ids)))}]"


@dataclass
class Index:
    """An edition's index in memory: its pages in order, its parts' runs, and for each token
    the passages that hold it with its entry in a shard file; `texts`, the pages whose
    passages it has at hand (page number → page), the others' being in an index written
    before."""

    runs: list[Run]
    pages: list[PageRow]
    ids: dict[str, array[int]]
    entries: dict[str, str]
    texts: dict[int, Page] = field(default_factory=dict)

    @classmethod
    def build(cls, groups: list[tuple[str, str, PageGroup]]) -> Index:
        """From every part's (name, fingerprint, page group)."""
        pages = _in_order([page for _, _, group in groups for page in group.pages])
        runs = sorted((g for g in groups if g[2].pages), key=lambda g: order(g[2].pages[0]))
        if [page for _, _, group in runs for page in group.pages] != pages:
            # The parts' pages interleave: they are one run, tokenised anew.
            runs = [("", "", PageGroup.of(pages))]
        # Parts without a page to search have a run too (where they would have one).
        runs += [g for g in groups if not g[2].pages]
        postings = _Postings()
        index = cls([], [row(page) for page in pages], postings.ids, {}, dict(enumerate(pages)))
        for name, fingerprint, group in runs:
            offset = postings.count
            for token, ids in group.tokens.items():
                postings.ids[token].extend(map(offset.__add__, ids))
            first_page = index.runs[-1].first_page + index.runs[-1].pages if index.runs else 0
            index.runs.append(
                Run(
                    name,
                    fingerprint,
                    first_page,
                    len(group.pages),
                    offset,
                    group.passages,
                    group.used,
                    group.span(),
                )
            )
            postings.count += group.passages
        index.ids = dict(postings.ids)
        index.entries = {token: entry(token, ids) for token, ids in index.ids.items()}
        return index

    @property
    def passages(self) -> int:
        return sum(row[5] for row in self.pages)

    def has_word(self, word: str) -> bool:
        """Whether some passage holds each character pair of a (folded) Chinese word."""
        return all(word[i : i + 2] in self.ids for i in range(len(word) - 1))

    def shards(self) -> list[list[str]]:
        """The tokens of each shard, enough shards for each to be a quick fetch."""
        raw = sum(len(t.encode()) + 4 * len(ids) for t, ids in self.ids.items())
        shards: list[list[str]] = [[] for _ in range(max(1, math.ceil(raw / SHARD_BYTES)))]
        for token in sorted(self.ids):
            shards[shard_of(token, len(shards))].append(token)
        return shards

    def write(self, out: Path, edition: str, previous: Path | None = None) -> IndexStats:
        """Write the index's files to `out` (replacing any there). The files of pages whose
        texts it does not have are the same as in `previous`, the folder of an index written
        before, and are linked from there."""
        shutil.rmtree(out, ignore_errors=True)
        out.mkdir(parents=True)
        size = 0

        def write(name: str, text: str) -> None:
            nonlocal size
            encoded = text.encode("utf-8")
            (out / name).write_bytes(encoded)
            size += len(encoded)

        reports: dict[str, int] = {}
        report_rows = []
        page_rows = []
        first = 0  # the number of the page's first passage
        for n, (url, title, report_title, year, organisation, count) in enumerate(self.pages):
            report = -1
            if report_title:
                slug = url.split("/", 1)[0]
                if slug not in reports:
                    reports[slug] = len(reports)
                    report_rows.append([report_title, year, organisation])
                report = reports[slug]
            page_rows.append([url, title, report, first])
            first += count
            page = self.texts.get(n)
            for k in range(math.ceil(count / CHUNK)):
                name = f"p{n}-{k}.json"
                if page is None:
                    assert previous is not None, f"the passages of {url}"
                    os.link(previous / name, out / name)
                    size += (out / name).stat().st_size
                    continue
                chunk = page.passages[k * CHUNK : (k + 1) * CHUNK]
                write(name, _json([[p.anchor, int(p.heading), p.text] for p in chunk]))
        shards = self.shards()
        for n, shard in enumerate(shards):
            write(f"s{n}.json", "{" + ",".join(self.entries[token] for token in shard) + "}")
        # The fold the browser applies to a query: only characters that fold into this
        # edition's text matter (any other character finds nothing either way).
        used = set().union(*(run.used for run in self.runs))
        folds = sorted((c, t) for c, t in fold_map().items() if t in used)
        phrases = for_text(self.has_word)
        index = {
            "v": FORMAT,
            "edition": edition,
            "shards": len(shards),
            "fold": ["".join(c for c, _ in folds), "".join(t for _, t in folds)],
            "phrases": [" ".join(phrases), " ".join(phrases.values())],
            "passages": first,
            "reports": report_rows,
            "pages": page_rows,
        }
        write("index.json", _json(index))
        return IndexStats(len(self.pages), first, len(shards), size)


def write_index(edition_dir: Path, edition: str) -> IndexStats:
    """Write `edition_dir/search/` from the edition's built pages (replacing any there)."""
    index = Index.build([("", "", PageGroup.of(read_pages(edition_dir)))])
    return index.write(edition_dir / SEARCH_DIR, edition)
