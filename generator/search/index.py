"""The search stage: after MkDocs has built an edition, read its pages and write the static
index the reader's browser searches (`<edition>/search/`), in parts fetched only when needed.

    search/index.json   reports, pages, the character fold, the number of shards
    search/s<N>.json    shard N: token → the passages holding it (ids, delta-coded)
    search/p<N>.json    page N's passages: [anchor, is heading, text]

Opening a page loads none of it. A first search loads index.json, the shards of the query's
tokens and the texts of the pages it checks, so what a reader transfers grows with the query,
not with the archive. It runs over finished HTML, so it can run once over an assembled site.
"""

from __future__ import annotations

import json
import math
import shutil
from collections import defaultdict
from dataclasses import dataclass
from itertools import pairwise
from pathlib import Path

from generator.search.passages import Page, read_page
from generator.search.text import fold, fold_map, shard_of, tokens

SEARCH_DIR = "search"
FORMAT = 1
# Raw bytes of postings per shard: about 15 KB gzipped, a phone's quick fetch.
SHARD_BYTES = 48_000
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


def write_index(edition_dir: Path, edition: str) -> IndexStats:
    """Write `edition_dir/search/` from the edition's built pages (replacing any there)."""
    pages = _pages(edition_dir)
    postings: dict[str, list[int]] = defaultdict(list)
    reports: dict[str, int] = {}
    report_rows = []
    page_rows = []
    texts = []
    used: set[str] = set()
    passage_id = 0
    for page in pages:
        report = -1
        if page.report:
            slug = page.url.split("/", 1)[0]
            if slug not in reports:
                reports[slug] = len(reports)
                report_rows.append([page.report, page.year])
            report = reports[slug]
        page_rows.append([page.url, page.title, report, passage_id])
        texts.append([[p.anchor, int(p.heading), p.text] for p in page.passages])
        for passage in page.passages:
            folded = fold(passage.text)
            used.update(folded)
            for token in tokens(folded, folded=True):
                postings[token].append(passage_id)
            passage_id += 1

    raw = sum(len(t.encode()) + 4 * len(ids) for t, ids in postings.items())
    shard_count = max(1, math.ceil(raw / SHARD_BYTES))
    shards: list[dict[str, list[int]]] = [{} for _ in range(shard_count)]
    for token in sorted(postings):
        ids = postings[token]
        shards[shard_of(token, shard_count)][token] = [ids[0]] + [b - a for a, b in pairwise(ids)]
    # The fold the browser applies to a query: only characters that fold into this edition's
    # text matter (any other character finds nothing either way).
    folds = sorted((c, t) for c, t in fold_map().items() if t in used)
    manifest = {
        "v": FORMAT,
        "edition": edition,
        "shards": shard_count,
        "fold": ["".join(c for c, _ in folds), "".join(t for _, t in folds)],
        "reports": report_rows,
        "pages": page_rows,
    }

    out = edition_dir / SEARCH_DIR
    shutil.rmtree(out, ignore_errors=True)
    out.mkdir(parents=True)
    files = {"index.json": _json(manifest)}
    files.update({f"s{n}.json": _json(shard) for n, shard in enumerate(shards)})
    files.update({f"p{n}.json": _json(text) for n, text in enumerate(texts)})
    size = 0
    for name, text in files.items():
        data = text.encode("utf-8")
        (out / name).write_bytes(data)
        size += len(data)
    return IndexStats(len(pages), passage_id, shard_count, size)
