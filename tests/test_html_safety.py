"""The net under content escaping: a built page that could run script is refused."""

from __future__ import annotations

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from generator.html_safety import parsed_findings, unsafe_markup


@pytest.mark.parametrize(
    "html",
    [
        "<p>x<script>alert(1)</script></p>",
        '<p onclick="alert(1)">x</p>',
        '<img src="x" onerror="alert(1)">',
        '<a href="javascript:alert(1)">x</a>',
        '<a href="java&#115;cript:alert(1)">x</a>',
        '<a href=" JAVA\tSCRIPT:alert(1)">x</a>',
        '<a href="data:text/html,x">x</a>',
        '<svg><a xlink:href="javascript:alert(1)">x</a></svg>',
        '<iframe src="https://example.org"></iframe>',
        "<svg><style><img src=x onerror=alert(1)></style></svg>",
        '<noscript><p title="</noscript><img src=x onerror=alert(1)>"></noscript>',
        "<math><mtext><table><mglyph><style><img src=x onerror=alert(1)>",
    ],
)
def test_markup_that_runs_script_is_found(html: str) -> None:
    assert unsafe_markup(html)


@pytest.mark.parametrize(
    "html",
    [
        '<p id="p-1" class="rs-missing" lang="zh-Hans">文字 &lt;script&gt;</p>',
        '<a href="../01-x/#p-2">x</a> <a href="https://example.org/a?b=c">x</a>',
        '<a href="mailto:a@example.org">x</a> <a href="#top">x</a>',
        '<svg role="img" viewBox="0 0 10 10"><title>t</title><rect x="1" width="2"/></svg>',
        "<details><summary>原文</summary><p>x</p></details>",
    ],
)
def test_the_markup_the_generator_makes_passes(html: str) -> None:
    assert unsafe_markup(html) == []


@pytest.mark.parametrize(
    "html",
    [
        # What the pattern that reads plain pages must leave to the parser, and the parser finds.
        '<p title="x"onclick="alert(1)">x</p>',
        '<img src="x"/onerror="alert(1)">',
        "<a href=javascript:alert(1)>x</a>",
        "<a href='javascript:alert(1)'>x</a>",
        '<a\thref="&#x6A;avascript:alert(1)">x</a>',
        '<P ONCLICK="alert(1)">x</P>',
        "<p>x</p><!-- --><script>alert(1)</script>",
        '<svg><title><a href="javascript:alert(1)">x</a></title></svg>',
    ],
)
def test_markup_written_otherwise_is_still_found(html: str) -> None:
    assert unsafe_markup(html) == parsed_findings(html) != []


# Tags whole and in pieces, so that many pages are plain (read by the pattern) and many not.
_PIECES = st.sampled_from(
    [
        "<p>",
        "</p>",
        '<a href="',
        '<img src="',
        '" title="',
        '">',
        '"/>',
        "<svg>",
        "<title>",
        "</title>",
        "<br/>",
        "<",
        ">",
        "/",
        '"',
        "'",
        "=",
        " ",
        "\t",
        "\n",
        "\xa0",
        "\v",
        "&",
        "&#106;",
        "!--",
        "x",
        "文",
        "p",
        "a",
        "script",
        "style",
        "href",
        "xlink:href",
        "onclick",
        "ONLOAD",
        "javascript:",
        "java\tscript:",
        "https://x",
        "mailto:",
        "#top",
    ]
)


@settings(max_examples=5000, deadline=None)
@given(st.lists(_PIECES, max_size=30).map("".join))
def test_the_pattern_and_the_parser_find_the_same(html: str) -> None:
    """A page the pattern reads as plain and safe is one the parser passes; any other is the
    parser's to judge."""
    assert unsafe_markup(html) == parsed_findings(html)
