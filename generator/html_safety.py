"""What a built page may not contain: markup that runs script.

Every page is generated from content that escapes raw HTML (see render/inline.py); this is the
net under that rule, run on each page MkDocs renders, so a gap in the escaping fails the build
instead of reaching a reader's browser.
"""

from __future__ import annotations

import re
from html.parser import HTMLParser

# The elements Markdown and the generator make. Any other (script, style, iframe, noscript,
# math, template …) is refused: some run script, others change how a browser parses what
# follows (inside <svg>, a <style> holds markup), which this scanner would not follow.
_ALLOWED_TAGS = frozenset(
    [
        "a",
        "abbr",
        "b",
        "blockquote",
        "br",
        "code",
        "dd",
        "del",
        "details",
        "div",
        "dl",
        "dt",
        "em",
        "figcaption",
        "figure",
        "h1",
        "h2",
        "h3",
        "h4",
        "h5",
        "h6",
        "hr",
        "i",
        "img",
        "ins",
        "kbd",
        "li",
        "mark",
        "nav",
        "ol",
        "p",
        "pre",
        "s",
        "small",
        "span",
        "strong",
        "sub",
        "summary",
        "sup",
        "table",
        "tbody",
        "td",
        "tfoot",
        "th",
        "thead",
        "tr",
        "u",
        "ul",
        "svg",
        "desc",
        "title",
        "g",
        "rect",
        "text",
        "line",
        "path",
        "tspan",
    ]
)
_URL_ATTRIBUTES = frozenset({"href", "src", "xlink:href", "action", "formaction", "srcset"})
_SAFE_SCHEMES = frozenset({"http", "https", "mailto"})
_SCHEME = re.compile(r"([A-Za-z][A-Za-z0-9+.\-]*):")


class _Scanner(HTMLParser):
    def __init__(self) -> None:
        super().__init__(convert_charrefs=True)
        self.findings: list[str] = []

    def handle_starttag(self, tag: str, attrs: list[tuple[str, str | None]]) -> None:
        if tag not in _ALLOWED_TAGS:
            self.findings.append(f"a <{tag}> element")
        for name, value in attrs:
            if name.startswith("on"):
                self.findings.append(f"an event handler `{name}` on <{tag}>")
            elif name in _URL_ATTRIBUTES and value is not None and not safe_url(value):
                self.findings.append(f"a link to `{value[:40]}` on <{tag}>")

    handle_startendtag = handle_starttag


def safe_url(value: str) -> bool:
    """Whether a link to `value` cannot run script: relative, or http(s) or mailto."""
    # Browsers ignore whitespace and control characters inside a scheme; an address without
    # one is relative.
    compact = "".join(c for c in value if c > " ")
    scheme = _SCHEME.match(compact)
    return scheme is None or scheme.group(1).lower() in _SAFE_SCHEMES


def unsafe_markup(html: str) -> list[str]:
    """What in `html` could run script: elements outside the allowed set, event handlers,
    script URLs."""
    scanner = _Scanner()
    scanner.feed(html)
    scanner.close()
    return scanner.findings
