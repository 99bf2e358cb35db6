"""What search reads from a built page: its report, year and title, and its passages (each
heading, paragraph, list item or table cell, with the anchor a result links to).

It reads the finished HTML, not the Markdown, so it can run once over an assembled site/ and
indexes exactly what readers see. What the page marks `data-search-exclude` (the reading-views
menu, headline cards, summaries repeated from the sections, the machine-translation note) is
left out, and so are pages whose head says their text is searchable on another page.
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from html.parser import HTMLParser
from typing import Any

# Elements whose text is one passage (the innermost one, when they nest).
BLOCKS = frozenset(
    {"h1", "h2", "h3", "h4", "h5", "h6", "p", "li", "td", "th", "dt", "dd", "figcaption"}
)
HEADINGS = frozenset({"h1", "h2", "h3", "h4", "h5", "h6"})
# Never text a reader searches for: scripts, pictures' code, permalink signs.
SKIPPED = frozenset({"script", "style", "svg", "template", "nav"})
_VOID = frozenset({"br", "hr", "img", "input", "meta", "link", "wbr", "col", "area", "source"})
_SPACE = re.compile(r"\s+")


@dataclass(frozen=True)
class Passage:
    anchor: str  # the id a result links to ("" for the top of the page)
    heading: bool
    text: str


@dataclass(frozen=True)
class Page:
    url: str  # relative to the edition's root, as MkDocs writes it ("a/b/")
    title: str
    report: str  # "" outside any report (the home page)
    year: str
    organisation: str
    passages: tuple[Passage, ...]

    def to_json(self) -> list[Any]:
        """The page as compact JSON (a build keeps each part's pages, not to read them again)."""
        passages = [[p.anchor, int(p.heading), p.text] for p in self.passages]
        return [self.url, self.title, self.report, self.year, self.organisation, passages]

    @classmethod
    def from_json(cls, data: list[Any]) -> Page:
        url, title, report, year, organisation, passages = data
        return cls(
            url,
            title,
            report,
            year,
            organisation,
            tuple(Passage(a, bool(h), t) for a, h, t in passages),
        )


class _Reader(HTMLParser):
    def __init__(self) -> None:
        super().__init__(convert_charrefs=True)
        self.meta: dict[str, str] = {}
        self.title = ""
        self.passages: list[Passage] = []
        self._in_article = 0  # depth inside <article>, 0 outside
        self._skip: list[str] = []  # open elements whose content is left out
        self._open: list[tuple[str, str, bool, list[str]]] = []  # blocks: tag, anchor, head, text
        self._anchor = ""
        self._in_title = False

    def handle_starttag(self, tag: str, attrs: list[tuple[str, str | None]]) -> None:
        attr = {k: v or "" for k, v in attrs}
        if tag == "meta" and attr.get("name", "").startswith("report-site:"):
            self.meta[attr["name"].split(":", 1)[1]] = attr.get("content", "")
        if tag == "article":
            self._in_article += 1
        if not self._in_article or tag in _VOID:
            return
        if self._skip or tag in SKIPPED or "data-search-exclude" in attr:
            self._skip.append(tag)
            return
        if "headerlink" in attr.get("class", "").split():
            self._skip.append(tag)
            return
        if attr.get("id") and tag in BLOCKS:
            self._anchor = attr["id"]
        if tag in BLOCKS:
            self._open.append((tag, self._anchor, tag in HEADINGS, []))

    def handle_endtag(self, tag: str) -> None:
        if not self._in_article:
            return
        if self._skip:
            if tag == self._skip[-1]:
                self._skip.pop()
            return
        if tag == "article":
            self._in_article -= 1
            return
        if self._open and self._open[-1][0] == tag:
            _, anchor, heading, parts = self._open.pop()
            text = _SPACE.sub(" ", "".join(parts)).strip()
            if text:
                self.passages.append(Passage(anchor, heading, text))
                if heading and len(self.passages) == 1:
                    self.title = text

    def handle_data(self, data: str) -> None:
        if self._in_article and not self._skip and self._open:
            self._open[-1][3].append(data)


def read_page(html: str, url: str) -> Page | None:
    """The page's passages, or None when the page is not to be searched."""
    reader = _Reader()
    # Only the head (its meta) and the article are read: the menus around them are most of a
    # page's markup, and the slow part of parsing it. A page whose head excludes it (the
    # bilingual views, the figures table: the largest pages) is not read further.
    head = html.find("</head>")
    start, end = html.find("<article"), html.rfind("</article>")
    if 0 <= head < start < end:
        reader.feed(html[:head])
        if reader.meta.get("search") == "exclude":
            return None
        html = html[start : end + len("</article>")]
    reader.feed(html)
    reader.close()
    if reader.meta.get("search") == "exclude" or not reader.passages:
        return None
    return Page(
        url=url,
        title=reader.title or reader.passages[0].text[:60],
        report=reader.meta.get("report", ""),
        year=reader.meta.get("year", ""),
        organisation=reader.meta.get("organisation", ""),
        passages=tuple(reader.passages),
    )
