"""What a built page may not contain: markup that runs script.

Every page is generated from content that escapes raw HTML (see render/inline.py); this is the
net under that rule, run on each page MkDocs renders, so a gap in the escaping fails the build
instead of reaching a reader's browser.
"""

from __future__ import annotations

import html as entities
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


# A tag as Markdown and the templates write it: a name, then attributes whose values are in
# double quotes and hold no `<` or `>`. Read by a pattern, such a tag is the tag any parser
# reads there.
_PLAIN_TAG = re.compile(
    r'<(/?)([a-zA-Z][a-zA-Z0-9]*)((?:\s+[a-zA-Z_:][-a-zA-Z0-9_:.]*(?:="[^"<>]*")?)*)\s*/?>'
)
_PLAIN_ATTRIBUTE = re.compile(r'\s+([a-zA-Z_:][-a-zA-Z0-9_:.]*)(?:="([^"<>]*)")?')


def _plainly_safe(html: str) -> bool:
    """Whether every `<` of `html` opens a plain tag (see _PLAIN_TAG) that is allowed, has no
    event handler and links nowhere but where safe_url allows: then nothing in it can be
    markup that runs script, and no parser finds any. (A page that is not plain, or not
    safe, is read by the parser, which names what it finds.)"""
    tags = 0
    for tag in _PLAIN_TAG.finditer(html):
        tags += 1
        if tag.group(1):
            continue
        if tag.group(2).lower() not in _ALLOWED_TAGS:
            return False
        for name, value in _PLAIN_ATTRIBUTE.findall(tag.group(3)):
            name = name.lower()
            if name.startswith("on"):
                return False
            if name in _URL_ATTRIBUTES and not safe_url(entities.unescape(value)):
                return False
    # Each plain tag holds exactly one `<`, its first character.
    return tags == html.count("<")


def unsafe_markup(html: str) -> list[str]:
    """What in `html` could run script: elements outside the allowed set, event handlers,
    script URLs."""
    if _plainly_safe(html):  # most pages: a pattern reads them many times faster
        return []
    return parsed_findings(html)


def parsed_findings(html: str) -> list[str]:
    """What the HTML parser finds in `html` that could run script."""
    scanner = _Scanner()
    scanner.feed(html)
    scanner.close()
    return scanner.findings
