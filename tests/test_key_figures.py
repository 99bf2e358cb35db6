"""Key figures: every figure of the report with its value, unit, qualifier and sentence in both
languages; editors' headline figures and charts point only at figures the report states."""

from __future__ import annotations

import csv
import io
import json
from html.parser import HTMLParser

import pytest

from generator.content import load_site
from generator.editions import SourceEdition
from generator.editions.english import EnglishEdition
from generator.errors import ReportSiteError
from generator.figure_data import About, edition_files
from generator.key_figures import find, report_figures
from generator.model import FigureRef
from generator.render.charts import bar_chart
from generator.site import Project


@pytest.fixture(scope="module")
def rows(tmp_path_factory: pytest.TempPathFactory) -> list:  # type: ignore[type-arg]
    from tests.conftest import copy_project

    project = copy_project(tmp_path_factory.mktemp("figures"))
    report = load_site(project.content).reports[0]
    return report_figures(report, EnglishEdition.for_report(report))


def test_about_a_hundred_figures_each_with_both_languages(rows: list) -> None:  # type: ignore[type-arg]
    assert 80 <= len(rows) <= 120
    assert all(r.text_en and r.sentence_en and r.sentence_zh for r in rows)
    assert len({r.id for r in rows}) == len(rows)


def test_a_figure_has_value_unit_qualifier_and_sentences(rows: list) -> None:  # type: ignore[type-arg]
    visits = find(rows, FigureRef("02-da-hao-fangyi-yingzhang", "5.79万人次"))
    assert visits is not None
    assert (visits.value, visits.kind, visits.unit_zh, visits.qualifier) == (
        "57900",
        "count",
        "人次",
        "exact",
    )
    assert visits.text_en == "57,900"
    assert visits.sentence_zh.startswith("加强联防联控") and visits.sentence_zh.endswith(
        "平稳有序。"
    )
    assert "57,900" in visits.sentence_en
    nearly = find(rows, FigureRef("02-da-hao-fangyi-yingzhang", "近3.2万人次"))
    assert nearly is not None and nearly.qualifier == "nearly" and nearly.value == "32000"
    ratio = find(rows, FigureRef("06-ruiyigaige-chuangxin", "4.36:1"))
    assert ratio is not None and (ratio.kind, ratio.value, ratio.second) == ("ratio", "4.36", "1")
    points = find(rows, FigureRef("03-puxie-yuren-xinpian", "1.01个百分点"))
    assert points is not None and points.kind == "percentage_point"
    assert points.reading_en == "1.01 percentage points"


def test_dates_are_not_counted_as_figures(rows: list) -> None:  # type: ignore[type-arg]
    assert not [r for r in rows if r.kind in ("year", "month", "day", "ordinal")]


def test_json_and_csv_hold_every_figure(project: Project, rows: list) -> None:  # type: ignore[type-arg]
    report = load_site(project.content).reports[0]
    about = About("title", "organisation", "what", "https://x/figures/", None, "")
    files = edition_files(report, rows, SourceEdition(), "https://x/zh-Hans/r/", about)
    prefix = "hangzhou-education-2020.zh-Hans"
    data = json.loads(files[f"{prefix}.figures.json"])
    assert data["count"] == len(rows) == len(data["figures"])
    assert data["figures"][0]["sentence"] and data["figures"][0]["label"]
    csv_text = files[f"{prefix}.figures.csv"].lstrip("\ufeff")
    table = list(csv.DictReader(io.StringIO(csv_text)))
    assert len(table) == len(rows)
    assert table[0]["text"] == rows[0].text_zh


def test_a_headline_figure_the_page_does_not_state_is_refused(project: Project) -> None:
    meta = project.content / "hangzhou-education-2020" / "report.yml"
    meta.write_text(
        meta.read_text(encoding="utf-8").replace("figure: 7.89万个", "figure: 7.9万个"),
        encoding="utf-8",
    )
    with pytest.raises(ReportSiteError) as error:
        load_site(project.content)
    assert error.value.render() == (
        "content/hangzhou-education-2020/report.yml:11:13: figure '7.9万个' is not written on "
        "04-henzhua-jichu-baozhang\n"
        "        figure: 7.9万个\n"
        "                ^\n"
        "  hint: copy the figure exactly as the page writes it, unit included"
    )


def test_a_chart_is_an_image_with_a_text_alternative() -> None:
    from decimal import Decimal

    svg = bar_chart(
        "chart-1",
        "录取比",
        [("2019年", "4.36:1", Decimal("4.36")), ("2020年", "2.62:1", Decimal("2.62"))],
        "zh-Hans",
    )
    assert 'role="img" aria-labelledby="chart-1-title chart-1-desc"' in svg
    assert '<desc id="chart-1-desc">2019年: 4.36:1；2020年: 2.62:1</desc>' in svg
    assert "<script" not in svg
    # Read the way a browser reads it: the labels' targets are elements, not stray attributes.
    elements = _Elements()
    elements.feed(svg)
    assert {"chart-1-title", "chart-1-desc"} <= elements.ids
    assert elements.tags[:4] == ["figure", "figcaption", "svg", "desc"]


class _Elements(HTMLParser):
    def __init__(self) -> None:
        super().__init__()
        self.tags: list[str] = []
        self.ids: set[str] = set()

    def handle_starttag(self, tag: str, attrs: list[tuple[str, str | None]]) -> None:
        self.tags.append(tag)
        self.ids.update(value for name, value in attrs if name == "id" and value)
