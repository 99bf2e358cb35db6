"""A site built in parts (generator/parts): what an edit rebuilds, and that the result is the site
a cold build makes of the same content, byte for byte, however it was arrived at (edits built
one after another, nothing changed, a publish cut short, report groups built on other
machines). And what readers see of the parts: each report its own menu, the home page and
search covering all of them."""

from __future__ import annotations

import hashlib
import json
import os
import re
import shutil
import subprocess
import sys
from pathlib import Path

import pytest

from generator import site as site_module
from generator.build import build, build_group
from generator.build_stats import Stats
from generator.edition_list import CODES
from generator.parts.publish import Publisher
from generator.search.index import write_index
from generator.site import Project
from tests.conftest import PROJECT_FILES, copy_project

HANGZHOU = "hangzhou-education-2020"
SECOND = "hangzhou-education-2021"
SECTION = "06-ruiyigaige-chuangxin"
# One paragraph of it, corrected as an editor would (no figure or heading in it changes).
BEFORE, AFTER = "为全省唯一；", "为全省唯一一个；"


def snapshot(folder: Path) -> dict[str, str]:
    return {
        p.relative_to(folder).as_posix(): hashlib.sha256(p.read_bytes()).hexdigest()
        for p in sorted(folder.rglob("*"))
        if p.is_file()
    }


def inodes(folder: Path) -> dict[str, int]:
    return {p.relative_to(folder).as_posix(): p.stat().st_ino for p in folder.rglob("*")}


def add_report(project: Project, slug: str, year: int) -> None:
    """A second report: the first one again, under another folder and year."""
    shutil.copytree(project.content / HANGZHOU, project.content / slug)
    meta = project.content / slug / "report.yml"
    meta.write_text(re.sub(r"(?m)^year: .*$", f"year: {year}", meta.read_text(encoding="utf-8")))


def edit(path: Path, old: str, new: str) -> None:
    text = path.read_text(encoding="utf-8")
    assert old in text, path
    path.write_text(text.replace(old, new, 1), encoding="utf-8")


def cold_copy(project: Project, target: Path) -> Project:
    """The same sources in another folder, never built."""
    for name in PROJECT_FILES:
        source = project.root / name
        (shutil.copytree if source.is_dir() else shutil.copy2)(source, target / name)
    return Project(target)


def assert_same_site(one: Project, other: Project) -> None:
    first, second = snapshot(one.site), snapshot(other.site)
    assert sorted(first) == sorted(second)
    assert [name for name in first if first[name] != second[name]] == []


def test_edits_built_one_by_one_make_the_site_a_cold_build_makes(tmp_path: Path) -> None:
    project = copy_project(tmp_path / "edited")
    add_report(project, SECOND, 2021)
    build(project)
    # A paragraph of one report.
    edit(project.content / SECOND / "zh-Hans" / f"{SECTION}.md", BEFORE, AFTER)
    build(project)
    # A title: while reports are few, every page's menu names every report.
    page = project.content / HANGZHOU / "zh-Hans" / "index.md"
    edit(page, "# ", "# 修订：")
    build(project)
    # A third report, then the second one removed.
    add_report(project, "hangzhou-education-2019", 2019)
    build(project)
    shutil.rmtree(project.content / SECOND)
    build(project)
    # The theme.
    css = project.templates / "assets" / "report-site.css"
    css.write_text(css.read_text(encoding="utf-8") + "\n/* changed */\n", encoding="utf-8")
    build(project)

    cold = cold_copy(project, tmp_path / "cold")
    build(cold)
    assert_same_site(project, cold)
    assert not (project.site / "zh-Hans" / SECOND).exists()


def test_when_nothing_changed_nothing_is_built_or_written(project: Project) -> None:
    build(project)
    before = inodes(project.root / "site")
    mtimes = {p: p.stat().st_mtime_ns for p in project.site.rglob("*")}
    stats = Stats()
    build(project, stats=stats)
    assert (stats.parts_built, [s.name for s in stats.stages]) == (0, ["generate", "plan"])
    assert inodes(project.site) == before
    assert {p: p.stat().st_mtime_ns for p in project.site.rglob("*")} == mtimes


def test_an_edit_rebuilds_its_reports_parts_and_leaves_the_others_in_place(
    project: Project,
) -> None:
    add_report(project, SECOND, 2021)
    build(project)
    others = {code: inodes(project.site / code / HANGZHOU) for code in CODES}
    edit(project.content / SECOND / "zh-Hans" / f"{SECTION}.md", BEFORE, AFTER)
    stats = Stats()
    build(project, stats=stats)
    # The edited report in each edition (and each edition's search index).
    assert stats.parts_built == 3
    assert {s.name for s in stats.stages} >= {"build", "  mkdocs", "  search", "publish"}
    for code in CODES:
        assert inodes(project.site / code / HANGZHOU) == others[code], code
    html = project.site / "zh-Hans" / SECOND / SECTION / "index.html"
    assert AFTER in html.read_text(encoding="utf-8")


def test_the_search_index_is_the_one_the_whole_edition_makes(
    built_project: Project, tmp_path: Path
) -> None:
    for code in CODES:
        whole = tmp_path / code
        shutil.copytree(built_project.site / code, whole)
        write_index(whole, code)  # what the MkDocs hook writes for a whole edition
        assert snapshot(whole / "search") == snapshot(built_project.site / code / "search")


def test_a_report_reads_the_same_built_whole_or_in_parts(
    built_project: Project, tmp_path: Path
) -> None:
    """The same pages as `mkdocs build` of a whole edition (what `serve` shows and `make check`
    builds), sitemaps and search included, but for one thing: the home page is a part of its
    own and has no 'next' link into the first report."""
    env = dict(os.environ, SOURCE_DATE_EPOCH="0", PYTHONHASHSEED="0", NO_MKDOCS_2_WARNING="1")
    for code in CODES:
        out = tmp_path / code
        subprocess.run(
            [sys.executable, "-m", "mkdocs", "build", "--strict", "-q", "-d", str(out)],
            cwd=built_project.site_src / code,
            env=env,
            check=True,
        )
        whole, parts = snapshot(out), snapshot(built_project.site / code)
        assert sorted(whole) == sorted(parts)
        assert {name for name in whole if whole[name] != parts[name]} <= {"index.html", "404.html"}
        home = (out / "index.html").read_text(encoding="utf-8")
        assert f'<link rel="next" href="{HANGZHOU}/">' in home
        assert 'rel="next"' not in (built_project.site / code / "index.html").read_text("utf-8")


def test_a_reports_first_page_leads_back_to_the_home_page(built_project: Project) -> None:
    html = (built_project.site / "zh-Hans" / HANGZHOU / "index.html").read_text("utf-8")
    assert '<link rel="prev" href="..">' in html


def test_in_a_large_archive_a_page_names_only_its_own_report(
    project: Project, monkeypatch: pytest.MonkeyPatch
) -> None:
    add_report(project, SECOND, 2021)
    monkeypatch.setattr(site_module, "FEW_REPORTS", 1)
    build(project)
    page = (project.site / "zh-Hans" / SECOND / "index.html").read_text(encoding="utf-8")
    assert f'href="../{HANGZHOU}/"' not in page
    assert 'href="01-' in page  # its own sections
    home = (project.site / "zh-Hans" / "index.html").read_text(encoding="utf-8")
    menu = home.split('class="md-nav md-nav--primary"')[1].split("</nav>")[0]
    assert f'href="{HANGZHOU}/"' not in menu and f'href="{SECOND}/"' not in menu
    bilingual = project.site / "zh-Hans" / SECOND / "bilingual" / SECTION / "index.html"
    menu = bilingual.read_text(encoding="utf-8").split('class="md-nav md-nav--primary"')[1]
    assert 'href="../../"' not in menu.split("</nav>")[0]  # its report, as a link while few


def test_a_publish_cut_short_is_repaired_by_the_next_build(
    project: Project, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    add_report(project, SECOND, 2021)
    build(project)
    edit(project.content / SECOND / "zh-Hans" / f"{SECTION}.md", BEFORE, AFTER)
    swap = Publisher._swap
    calls = []

    def interrupted(self: Publisher, new: Path, live: Path, trash: Path) -> None:
        calls.append(live)
        if len(calls) == 2:
            raise KeyboardInterrupt
        swap(self, new, live, trash)

    monkeypatch.setattr(Publisher, "_swap", interrupted)
    with pytest.raises(KeyboardInterrupt):
        build(project)
    monkeypatch.setattr(Publisher, "_swap", swap)
    build(project)
    cold = cold_copy(project, tmp_path / "cold")
    build(cold)
    assert_same_site(project, cold)


def test_a_part_that_fails_publishes_nothing_and_names_its_report(project: Project) -> None:
    add_report(project, SECOND, 2021)
    build(project)
    before = snapshot(project.site)
    page = project.content / SECOND / "zh-Hans" / f"{SECTION}.md"
    page.write_text(page.read_text(encoding="utf-8") + "\n参见[附件](missing.md)。\n", "utf-8")
    with pytest.raises(Exception) as error:
        build(project)
    message = str(getattr(error.value, "render", lambda: error.value)())
    assert f"MkDocs failed to build the zh-Hans edition ({SECOND})" in message
    assert "missing.md" in message
    assert snapshot(project.site) == before


def test_report_groups_built_apart_then_assembled_make_the_one_job_site(tmp_path: Path) -> None:
    """What the matrix workflow does, here: each group in its own checkout, their parts
    brought together in a last one that builds the rest and the site."""
    one = copy_project(tmp_path / "one")
    add_report(one, SECOND, 2021)
    add_report(one, "hangzhou-education-2019", 2019)
    build(one)
    groups = []
    for k in (1, 2):
        checkout = cold_copy(one, tmp_path / f"group-{k}")
        assert build_group(checkout, k, 2) == 3 * (2 if k == 1 else 1)
        groups.append(checkout)
    last = cold_copy(one, tmp_path / "last")
    for checkout in groups:
        shutil.copytree(
            checkout.root / ".cache" / "parts", last.root / ".cache" / "parts", dirs_exist_ok=True
        )
    stats = Stats()
    build(last, stats=stats)
    assert stats.parts_built == 3  # each edition's home page: no report is built again
    assert_same_site(last, one)


def test_the_stages_figures_are_printed(project: Project, tmp_path: Path) -> None:
    figures = tmp_path / "stats.json"
    done = subprocess.run(
        [
            sys.executable,
            "-m",
            "generator",
            "build",
            "--root",
            str(project.root),
            "--stats",
            "--stats-json",
            str(figures),
        ],
        capture_output=True,
        text=True,
        env=dict(os.environ, SOURCE_DATE_EPOCH="0"),
        check=True,
    )
    assert re.search(r"(?m)^  mkdocs +\d+\.\d\d +\d+ +\d+$", done.stderr), done.stderr
    names = [stage["name"] for stage in json.loads(figures.read_text())["stages"]]
    assert names == ["generate", "plan", "build", "  mkdocs", "  search", "publish"]


def test_a_file_made_for_the_whole_edition_is_the_home_parts(
    project: Project, monkeypatch: pytest.MonkeyPatch
) -> None:
    """Whatever the site writes into an edition outside the reports' folders (a download of
    every report's figures, say) is built by the home part, and rebuilt when it changes."""
    import generator.build as build_module

    made = {"text": '{"reports": 1}'}
    render = build_module.render_site

    def with_data(*args: object, **kwargs: object) -> site_module.Rendered:
        rendered = render(*args, **kwargs)  # type: ignore[arg-type]
        rendered.files["zh-Hans/docs/data/all.json"] = made["text"]
        return rendered

    monkeypatch.setattr(build_module, "render_site", with_data)
    build(project)
    data = project.site / "zh-Hans" / "data" / "all.json"
    assert data.read_text(encoding="utf-8") == '{"reports": 1}'
    made["text"] = '{"reports": 2}'
    stats = Stats()
    build(project, stats=stats)
    assert stats.parts_built == 1 and data.read_text(encoding="utf-8") == '{"reports": 2}'
