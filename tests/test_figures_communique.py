"""Figures of statistical communiqués (统计公报): footnote markers and caption numbers are no
figures, a ratio of any number of terms is one figure, a table cell is named by its row and
column headers and counted in the column's unit, and a suggested label never holds its figure.
Excerpts: tests/data/import/ (sources in its README); suggestions: tests/golden/figures/."""

from __future__ import annotations

import json
import re
from decimal import Decimal
from pathlib import Path

import pytest
from hypothesis import given
from hypothesis import strategies as st

from generator.editions import SourceEdition
from generator.figure_data import About, edition_files
from generator.figures import compare, extract_en, extract_zh
from generator.key_figures import report_figures
from generator.markdown_text import plain_text
from tests.golden_figures import COMMUNIQUES, GOLDEN, imported_report, suggested
from tests.test_figure_data import frictionless


@pytest.mark.parametrize("name", COMMUNIQUES)
def test_suggested_labels_match_the_golden_file(name: str, tmp_path: Path) -> None:
    expected = (GOLDEN / f"{name}.yml").read_text(encoding="utf-8")
    assert suggested(name, tmp_path) == expected


@pytest.mark.parametrize("name", COMMUNIQUES)
def test_every_figure_is_written_on_its_page_and_holds_no_space(name: str, tmp_path: Path) -> None:
    report = imported_report(name, tmp_path)
    texts = {p.slug: "\n".join(plain_text(s.text) for s in p.segments()) for p in report.pages}
    for row in report_figures(report, SourceEdition()):
        assert row.text_zh in texts[row.page], row
        assert not re.search(r"\s", row.text_zh), row
        assert row.text_zh not in row.suggested_label, row
        assert row.suggested_label.strip(), row


def test_footnote_markers_and_caption_numbers_are_no_figures() -> None:
    text = (
        "初步核算，全年地区生产总值（GDP）[2]2313亿元，第三产业［3］增加值1311.9亿元，"
        "工业〔4〕增长6.2%，注1：另计。"
    )
    assert [f.text for f in extract_zh(text)] == ["2313亿元", "1311.9亿元", "6.2%"]
    assert extract_zh("[1]本公报中数据均为初步统计数。") == []
    assert [f.text for f in extract_zh("图1　2020—2024年全市地区生产总值")] == ["2020", "2024年"]
    assert [f.text for f in extract_zh("图12017年通辽市三次产业构成(%)")] == ["2017年"]
    assert [f.text for f in extract_zh("表1 2019年玉环市生产总值")] == ["2019年"]
    # A year in a document number's brackets stays a year.
    assert [f.value for f in extract_zh("京政办发〔2016〕26号")] == [2016, 26]


def test_figure_qa_does_not_compare_footnote_markers() -> None:
    zh = "全年地区生产总值（GDP）[2]2313亿元，比上年增长5.2%（见表1）。"
    en = "GDP[2] reached 231.3 billion yuan, up 5.2% (see Table 1)."
    assert compare(zh, en) == []
    assert [f.text for f in extract_en("Note 1: see Figure 2 and [3].")] == []


@pytest.mark.parametrize(
    ("text", "terms"),
    [
        ("三次产业结构由上年的13.2:32.3:54.5调整为", ["13.2", "32.3", "54.5"]),
        ("三次产业比重为21.5∶36.1∶42.4。", ["21.5", "36.1", "42.4"]),
        ("比例为６.０１：５５.０４：３８.９５", ["6.01", "55.04", "38.95"]),
        ("录取比为4.36:1", ["4.36", "1"]),
    ],
)
def test_a_ratio_of_any_number_of_terms_is_one_figure(text: str, terms: list[str]) -> None:
    (figure,) = extract_zh(text)
    assert figure.terms == tuple(Decimal(t) for t in terms)
    english = extract_en(f"The ratio was {':'.join(terms)}.")
    assert [f.terms for f in english] == [figure.terms]
    assert compare(text, f"The ratio was {':'.join(terms)}.") == []


_TERM = st.decimals(min_value=0, max_value=999, places=1, allow_nan=False).map(str)


@given(st.lists(_TERM, min_size=2, max_size=6), st.sampled_from([":", "：", "∶"]))
def test_ratio_terms_are_one_figure_whatever_their_number(terms: list[str], colon: str) -> None:
    text = f"三次产业结构为{colon.join(terms)}。"
    figures = extract_zh(text)
    assert len(figures) == 1
    assert figures[0].terms == tuple(Decimal(t) for t in terms)
    assert figures[0].text in text


_NOTE = st.sampled_from(["[{}]", "［{}］", "〔{}〕", "【{}】", "。注{}："])
_WORDS = st.text(alphabet="地区生产总值增加全年初步核算第三产业，。", min_size=1, max_size=12)


@given(_WORDS, _NOTE, st.integers(min_value=1, max_value=99), _WORDS)
def test_a_footnote_marker_never_becomes_a_figure(
    before: str, note: str, number: int, after: str
) -> None:
    text = f"{before}{note.format(number)}{after}"
    for figure in extract_zh(text):
        assert not re.search(r"\s", figure.text)
        assert figure.text in text
    assert extract_zh(text) == []


def test_a_table_cell_is_named_by_its_headers_in_its_column_unit(tmp_path: Path) -> None:
    report = imported_report("bengbu-stats-2024", tmp_path)
    rows = [r for r in report_figures(report, SourceEdition()) if r.headers]
    named = {(r.suggested_label, r.text_zh, r.value, r.unit_zh, r.kind) for r in rows}
    assert ("地区生产总值 · 绝对数", "2313.0", "231300000000", "元", "money") in named
    assert ("第一产业 · 比上年增长", "2.2", "2.2", "%", "percent") in named
    assert len(rows) == 8


def test_a_table_is_a_resource_of_the_data_package(tmp_path: Path) -> None:
    report = imported_report("nbs-gdp-2024q1", tmp_path)
    rows = report_figures(report, SourceEdition())
    about = About("t", "国家统计局", "d", "https://x/zh-Hans/r/figures/", None, "")
    files = edition_files(report, rows, SourceEdition(), "https://x/zh-Hans/r/", about)
    for name, text in files.items():
        (tmp_path / name).write_text(text, encoding="utf-8")
    package = json.loads(files["nbs-gdp-2024q1.zh-Hans.datapackage.json"])
    table = package["resources"][1]
    assert table["title"] == "表1 2024年一季度GDP初步核算数据"
    assert [f["name"] for f in table["schema"]["fields"]] == [
        "column 1",
        "绝对额(亿元)",
        "比上年同期增长(%)",
    ]
    assert [f["type"] for f in table["schema"]["fields"]] == ["string", "number", "number"]
    labels = {r.suggested_label for r in rows}
    assert "制造业 · 绝对额" in labels
    assert frictionless(tmp_path / "nbs-gdp-2024q1.zh-Hans.datapackage.json")["valid"] is True
