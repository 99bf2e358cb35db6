"""The search stage: after MkDocs has built an edition, read its pages and write the static
index the reader's browser searches (`<edition>/search/`), in parts fetched only when needed.

    search/index.json   reports (title, year, organisation), pages, the character fold, the
                        number of shards
    search/s<N>.json    shard N: token → the passages holding it (ids, delta-coded)
    search/p<N>-<K>.json  page N's passages 16K to 16K+15: [anchor, is heading, text]

Opening a page loads none of it. A first search loads index.json, the shards of the query's
tokens and the texts of the pages it checks, so what a reader transfers grows with the query,
not with the archive. It runs over finished HTML, so it can run once over an assembled site.
"""

from __future__ import annotations

import json
import math
import shutil
from array import array
from collections import defaultdict
from dataclasses import dataclass, field
from itertools import pairwise
from pathlib import Path

from generator.search.passages import Page, read_page
from generator.search.text import fold, fold_map, shard_of, tokens

SEARCH_DIR = "search"
FORMAT = 1
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


def _pages(edition_dir: Path) -> list[Page]:
    pages = []
    for path in sorted(edition_dir.rglob("*.html")):
        relative = path.relative_to(edition_dir).as_posix()
        if relative in NOT_SEARCHED or relative.startswith(f"{SEARCH_DIR}/"):
            continue
        url = relative.removesuffix("index.html")
        page = read_page(path.read_text(encoding="utf-8"), url)
        if page is not None:
            pages.append(page)
    # Newest report first, then the site's own order: the order equal results are shown in.
    return sorted(pages, key=lambda p: (p.report == "", -_year(p.year), p.report, p.url))


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

    def shards(self) -> list[list[str]]:
        """The tokens of each shard, enough shards for each to be a quick fetch."""
        raw = sum(len(t.encode()) + 4 * len(ids) for t, ids in self.ids.items())
        shards: list[list[str]] = [[] for _ in range(max(1, math.ceil(raw / SHARD_BYTES)))]
        for token in sorted(self.ids):
            shards[shard_of(token, len(shards))].append(token)
        return shards

    def deltas(self, token: str) -> list[int]:
        ids = self.ids[token]
        return [ids[0], *(b - a for a, b in pairwise(ids))]


def write_index(edition_dir: Path, edition: str) -> IndexStats:
    """Write `edition_dir/search/` from the edition's built pages (replacing any there)."""
    pages = _pages(edition_dir)
    out = edition_dir / SEARCH_DIR
    shutil.rmtree(out, ignore_errors=True)
    out.mkdir(parents=True)
    size = 0

    def write(name: str, data: object) -> None:
        nonlocal size
        encoded = _json(data).encode("utf-8")
        (out / name).write_bytes(encoded)
        size += len(encoded)

    postings = _Postings()
    reports: dict[str, int] = {}
    report_rows = []
    page_rows = []
    for n, page in enumerate(pages):
        report = -1
        if page.report:
            slug = page.url.split("/", 1)[0]
            if slug not in reports:
                reports[slug] = len(reports)
                report_rows.append([page.report, page.year, page.organisation])
            report = reports[slug]
        page_rows.append([page.url, page.title, report, postings.count])
        passages = [[p.anchor, int(p.heading), p.text] for p in page.passages]
        for k in range(0, len(passages), CHUNK):
            write(f"p{n}-{k // CHUNK}.json", passages[k : k + CHUNK])
        for passage in page.passages:
            postings.add(passage.text)
    shards = postings.shards()
    for n, shard in enumerate(shards):
        write(f"s{n}.json", {token: postings.deltas(token) for token in shard})
    # The fold the browser applies to a query: only characters that fold into this edition's
    # text matter (any other character finds nothing either way).
    folds = sorted((c, t) for c, t in fold_map().items() if t in postings.used)
    write(
        "index.json",
        {
            "v": FORMAT,
            "edition": edition,
            "shards": len(shards),
            "fold": ["".join(c for c, _ in folds), "".join(t for _, t in folds)],
            "reports": report_rows,
            "pages": page_rows,
        },
    )
    return IndexStats(len(pages), postings.count, len(shards), size)
