"""Every real report imports and builds into one site with the Hangzhou report: the archive
a bureau's site grows into (home page by year, per-report navigation, one search)."""

from __future__ import annotations

import json
import shutil
from pathlib import Path

import pytest

from generator.build import build
from generator.content import load_site
from generator.importer.run import import_report
from generator.site import Project
from tests.conftest import SHARED_REPORTS, copy_project

OTHERS = ("guangdong-gov-2026", "hainan-gov-2026", "zhejiang-gov-2026", "wanzai-stats-2015")


@pytest.fixture(scope="module")
def archive(tmp_path_factory: pytest.TempPathFactory) -> Project:
    project = copy_project(tmp_path_factory.mktemp("archive"))
    for name in OTHERS:
        import_report(SHARED_REPORTS / f"{name}.txt", project.content)
    build(project)
    return project


def test_every_report_builds_into_every_edition(archive: Project) -> None:
    reports = load_site(archive.content).reports
    assert len(reports) == 5
    for report in reports:
        for edition in ("zh-Hans", "zh-Hant", "en"):
            folder = archive.site / edition / report.slug
            assert (folder / "index.html").exists()
            for page in report.sections:
                assert (folder / page.slug / "index.html").exists(), (edition, page.slug)


def test_home_lists_the_reports_newest_first(archive: Project) -> None:
    home = (archive.site_src / "zh-Hans" / "docs" / "index.md").read_text(encoding="utf-8")
    order = [
        home.index(f"]({name}")
        for name in ("guangdong-gov-2026", "hangzhou-education-2020", "wanzai-stats-2015")
    ]
    assert order == sorted(order)


def test_a_page_carries_only_its_own_reports_menu(archive: Project) -> None:
    page = archive.site / "zh-Hans" / "wanzai-stats-2015" / "index.html"
    html = page.read_text(encoding="utf-8")
    assert 'href="01-' in html
    assert "hangzhou-education-2020/01-" not in html  # another report's sections: not here
    assert 'href="../hangzhou-education-2020/"' in html  # but a link to it, while reports are few


def test_one_search_covers_every_report(archive: Project) -> None:
    index = json.loads((archive.site / "zh-Hans" / "search" / "index.json").read_text())
    reports = {url.split("/")[0] for url, _, report, _ in index["pages"] if report >= 0}
    assert {"hangzhou-education-2020", *OTHERS} <= reports
    # Each result can say which report and year it comes from.
    years = {year for _, year, _ in index["reports"]}
    assert {"2020", "2026", "2015"} <= years


def test_the_statistical_table_is_a_table_in_the_site(archive: Project) -> None:
    pages = sorted((archive.site / "zh-Hans" / "wanzai-stats-2015").glob("*/index.html"))
    assert any("<table>" in p.read_text(encoding="utf-8") for p in pages)


def test_untranslated_reports_say_so_in_english(archive: Project) -> None:
    html = (archive.site / "en" / "wanzai-stats-2015" / "index.html").read_text(encoding="utf-8")
    assert "not yet translated" in html
    assert 'lang="zh-Hans"' in html


def test_nothing_is_left_of_the_import_staging(archive: Project) -> None:
    leftovers = [p for p in Path(archive.content).iterdir() if p.name.startswith(".")]
    assert leftovers == []
    shutil.rmtree(archive.site)  # the module's scratch project; keep the tmp folder small
