"""What a reader sees of a built page: its article text (without permalink marks) and links."""

from __future__ import annotations

from html.parser import HTMLParser


class PageText(HTMLParser):
    """Collects the text inside <article>, skipping Material's `¶` permalinks, and every
    attribute that names another resource (href, src)."""

    def __init__(self) -> None:
        super().__init__(convert_charrefs=True)
        self.article_depth = 0
        self.skip_depth = 0
        self.parts: list[str] = []
        self.links: list[tuple[str, dict[str, str]]] = []
        self.html_lang = ""

    def handle_starttag(self, tag: str, attrs: list[tuple[str, str | None]]) -> None:
        attributes = {k: v or "" for k, v in attrs}
        if tag == "html":
            self.html_lang = attributes.get("lang", "")
        for key in ("href", "src"):
            if key in attributes:
                self.links.append((tag, attributes))
        if tag == "article":
            self.article_depth += 1
        elif self.article_depth and (
            self.skip_depth or "headerlink" in attributes.get("class", "")
        ):
            self.skip_depth += 1

    def handle_endtag(self, tag: str) -> None:
        if self.skip_depth:
            self.skip_depth -= 1
        elif tag == "article" and self.article_depth:
            self.article_depth -= 1

    def handle_data(self, data: str) -> None:
        if self.article_depth and not self.skip_depth:
            self.parts.append(data)

    @property
    def text(self) -> str:
        return "".join(self.parts)


def read_page(path: str) -> PageText:
    parser = PageText()
    with open(path, encoding="utf-8") as handle:
        parser.feed(handle.read())
    return parser
