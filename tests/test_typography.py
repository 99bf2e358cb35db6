"""Quotation marks as each edition's readers expect them: typographic quotes in English, corner
brackets in Traditional Chinese; nothing but quotation marks ever changes, and Markdown that
must stay as written (code, addresses, escapes) does."""

from __future__ import annotations

import re

from hypothesis import given
from hypothesis import strategies as st

from generator.figures.labels import suggest_label
from generator.typography import corner_quotes, english_quotes

STRAIGHT = str.maketrans({"“": '"', "”": '"', "‘": "'", "’": "'"})
CORNERS = str.maketrans({"「": "“", "」": "”", "『": "‘", "』": "’"})
prose = st.text(st.one_of(st.sampled_from(list("ab 1.,;:()-—\"'\n")), st.characters()), max_size=60)


def test_english_quotes_open_and_close() -> None:
    assert english_quotes('building "Better Education" to a high standard') == (
        "building “Better Education” to a high standard"
    )
    assert english_quotes("the students' health, it's 'good'") == (
        "the students’ health, it’s ‘good’"
    )
    assert english_quotes('("quoted")') == "(“quoted”)"


def test_english_quotes_leave_code_addresses_and_escapes_as_written() -> None:
    text = 'say "a" `x="1"` [the "link"](https://example.org/"q") \\"kept\\" &quot;'
    assert english_quotes(text) == (
        'say “a” `x="1"` [the “link”](https://example.org/"q") \\"kept\\" &quot;'
    )


@given(prose)
def test_english_quotes_change_only_quotation_marks(text: str) -> None:
    typeset = english_quotes(text)
    assert len(typeset) == len(text)
    assert typeset.translate(STRAIGHT) == text.translate(STRAIGHT)


# Prose between literal Markdown: nothing that would open or close Markdown of its own.
plain = st.text(st.sampled_from(list("ab 1.,;:-—\"'\n中")), max_size=20)


@given(st.lists(st.sampled_from(["`a\"b'`", "](u\"v')", '\\"', "<x'y>"]), max_size=4), plain)
def test_english_quotes_never_touch_literal_markdown(literals: list[str], text: str) -> None:
    mixed = text.join(literals)
    typeset = english_quotes(mixed)
    for literal in literals:
        assert literal in typeset


def test_corner_quotes_nest_and_spare_apostrophes() -> None:
    assert corner_quotes("释放“市委‘统一’领导”效能") == "释放「市委『统一』领导」效能"
    assert corner_quotes("西安（Xi’an）") == "西安（Xi’an）"


@given(st.text(st.sampled_from(list("中文“”‘’，。a'")), max_size=40))
def test_corner_quotes_change_only_quotation_marks(text: str) -> None:
    converted = corner_quotes(text)
    assert len(converted) == len(text)
    assert converted.translate(CORNERS) == text


@given(st.text(st.sampled_from(list("新增学位所个万人次，。、；的为0123456789.%")), max_size=40))
def test_a_suggested_label_is_words_of_the_text(text: str) -> None:
    # Words of the text, in its order (the figure itself left out), never invented.
    for match in re.finditer(r"\d+(?:\.\d+)?", text):
        label = suggest_label(text, match.start(), match.end())
        rest = iter(text[: match.start()] + text[match.end() :])
        assert all(char in rest for char in label), (text, label)
