"""An edition's folder of site/, put together from its built parts.

The parts' files are hard links to the store's (copies where the file system has none): an
unchanged report costs a link per file, not a copy. MkDocs' sitemap of the edition is the
parts' sitemaps in the order MkDocs lists pages (folder by folder), the home part's first.
"""

from __future__ import annotations

import gzip
import io
import os
import re
import shutil
from collections.abc import Sequence
from pathlib import Path

from generator.parts.store import HOME, SEARCH, SITEMAP, Store

_URL = re.compile(r"\n[ \t]*<url>.*?</url>", re.DOTALL)
_LOC = re.compile(r"<loc>(.*?)</loc>")
_END = "\n</urlset>"


def _link(source: str, target: str) -> None:
    try:
        os.link(source, target)
    except OSError:
        shutil.copy2(source, target)


def link_tree(source: Path, target: Path) -> None:
    """Add `source`'s files to `target`, as hard links."""
    shutil.copytree(source, target, copy_function=_link, dirs_exist_ok=True)


def merged_sitemap(home: str, reports: Sequence[str]) -> str:
    """The home part's sitemap with every report part's pages (but the placeholder home page
    each report part has) added in order."""
    root = _LOC.search(home)
    home_url = root.group(1) if root else ""
    entries = [
        entry
        for sitemap in reports
        for entry in _URL.findall(sitemap)
        if _LOC.search(entry) and _LOC.search(entry).group(1) != home_url  # type: ignore[union-attr]
    ]
    head, end, tail = home.rpartition(_END)
    return head + "".join(entries) + end + tail


def gzipped(text: str, epoch: str) -> bytes:
    """As MkDocs gzips its sitemap: named sitemap.xml, dated the build's day."""
    day = int(epoch) - int(epoch) % 86400
    buffer = io.BytesIO()
    with gzip.GzipFile(fileobj=buffer, filename=f"{SITEMAP}.gz", mode="wb", mtime=day) as out:
        out.write(text.encode("utf-8"))
    return buffer.getvalue()


def write_sitemaps(
    store: Store, edition: str, reports: Sequence[str], target: Path, epoch: str
) -> None:
    """The edition's sitemap.xml and sitemap.xml.gz, from its parts', into `target`."""
    home = (store.entry(edition, HOME) / SITEMAP).read_text(encoding="utf-8")
    parts = [(store.entry(edition, name) / SITEMAP).read_text(encoding="utf-8") for name in reports]
    sitemap = merged_sitemap(home, parts)
    target.mkdir(parents=True, exist_ok=True)
    (target / SITEMAP).write_text(sitemap, encoding="utf-8")
    (target / f"{SITEMAP}.gz").write_bytes(gzipped(sitemap, epoch))


def assemble_edition(
    store: Store, edition: str, reports: Sequence[str], target: Path, epoch: str
) -> None:
    """`target` (a new folder) becomes the edition: the home part, each report's part (in
    folder order) and the search index."""
    target.mkdir(parents=True)
    for name in (HOME, *reports, SEARCH):
        link_tree(store.entry(edition, name) / "site", target)
    write_sitemaps(store, edition, reports, target, epoch)
