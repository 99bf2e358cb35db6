"""Built pages lose their indentation, never their text."""

from __future__ import annotations

from generator.html_whitespace import strip_indentation


def test_indentation_becomes_one_line_break() -> None:
    html = "<ul>\n      <li>一</li>\n\n      <li>二 <a>三</a></li>\n    </ul>\n"
    assert strip_indentation(html) == "<ul>\n<li>一</li>\n<li>二 <a>三</a></li>\n</ul>\n"


def test_pages_with_preformatted_text_are_left_alone() -> None:
    html = "<pre>\n    indented code\n</pre>\n    <p>x</p>"
    assert strip_indentation(html) == html
