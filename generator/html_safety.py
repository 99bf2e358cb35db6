"""What a built page may not contain: markup that runs script.

Every page is generated from content that escapes raw HTML (see render/inline.py); this is the
net under that rule, run on each page MkDocs renders, so a gap in the escaping fails the build
instead of reaching a reader's browser.
"""

from __future__ import annotations

from html.parser import HTMLParser
from urllib.parse import urlsplit

# Elements that run or embed something; none is ever generated from content.
_ACTIVE_TAGS = frozenset({"script", "iframe", "object", "embed", "frame", "frameset", "base"})
_URL_ATTRIBUTES = frozenset({"href", "src", "xlink:href", "action", "formaction", "srcset"})
_SAFE_SCHEMES = frozenset({"", "http", "https", "mailto"})


class _Scanner(HTMLParser):
    def __init__(self) -> None:
        super().__init__(convert_charrefs=True)
        self.findings: list[str] = []

    def handle_starttag(self, tag: str, attrs: list[tuple[str, str | None]]) -> None:
        if tag in _ACTIVE_TAGS:
            self.findings.append(f"a <{tag}> element")
        for name, value in attrs:
            if name.startswith("on"):
                self.findings.append(f"an event handler `{name}` on <{tag}>")
            elif name in _URL_ATTRIBUTES and value is not None and not _safe_url(value):
                self.findings.append(f"a link to `{value[:40]}` on <{tag}>")

    handle_startendtag = handle_starttag


def _safe_url(value: str) -> bool:
    # Browsers ignore whitespace and control characters inside a scheme.
    compact = "".join(c for c in value if c > " ")
    try:
        return urlsplit(compact).scheme.lower() in _SAFE_SCHEMES
    except ValueError:
        return False


def unsafe_markup(html: str) -> list[str]:
    """What in `html` could run script: active elements, event handlers, script URLs."""
    scanner = _Scanner()
    scanner.feed(html)
    scanner.close()
    return scanner.findings
