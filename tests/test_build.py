"""Builds are atomic (a failed build changes nothing on disk), reproducible (byte-identical
output from the same input, wherever the project is) and incremental (nothing rewritten when
nothing changed)."""

from __future__ import annotations

import hashlib
import shutil
from html.parser import HTMLParser
from pathlib import Path

import pytest

from generator.build import build
from generator.editions import EDITIONS
from generator.errors import ReportSiteError
from generator.markdown_text import escape
from generator.site import Project, generate, render_site
from tests.conftest import copy_project


def snapshot(folder: Path) -> dict[str, str]:
    return {
        p.relative_to(folder).as_posix(): hashlib.sha256(p.read_bytes()).hexdigest()
        for p in sorted(folder.rglob("*"))
        if p.is_file()
    }


def test_two_builds_in_different_folders_are_byte_identical(
    built_project: Project, tmp_path: Path
) -> None:
    other = copy_project(tmp_path / "elsewhere")
    build(other)
    first, second = snapshot(built_project.site), snapshot(other.site)
    assert sorted(first) == sorted(second)
    differing = [name for name in first if first[name] != second[name]]
    assert differing == []


def test_a_build_that_fails_in_mkdocs_changes_nothing_on_disk(project: Project) -> None:
    build(project)
    before = snapshot(project.root)
    page = project.content / "hangzhou-education-2020" / "zh-Hans" / "01-jiaqiang-dangdelingdao.md"
    page.write_text(page.read_text(encoding="utf-8") + "\n新的一段。\n", encoding="utf-8")
    main = project.root / "overrides" / "main.html"
    main.write_text(main.read_text(encoding="utf-8") + "{% endblock %}\n", encoding="utf-8")
    with pytest.raises(ReportSiteError) as error:
        build(project)
    assert "MkDocs failed to build the zh-Hans edition" in error.value.render()
    after = snapshot(project.root)
    changed = {n for n in before.keys() | after.keys() if before.get(n) != after.get(n)}
    # Only the two files this test edited; site/ and site_src/ are as they were (the staging
    # folders, their record in the cache and the store of built parts are the build's own).
    staging = (".build-site_src/", ".cache/generate/.build-site_src/", ".build-parts/")
    staging += (".cache/parts/",)
    assert changed == {
        "content/hangzhou-education-2020/zh-Hans/01-jiaqiang-dangdelingdao.md",
        "overrides/main.html",
    } | {n for n in changed if n.startswith(staging)}


def test_a_content_error_writes_nothing(project: Project) -> None:
    build(project)
    before = snapshot(project.root)
    (project.content / "hangzhou-education-2020" / "zh-Hans" / "11-x.md").write_text(
        "no title\n", encoding="utf-8"
    )
    with pytest.raises(ReportSiteError):
        build(project)
    after = snapshot(project.root)
    assert {n for n in after if after[n] != before.get(n)} == {
        "content/hangzhou-education-2020/zh-Hans/11-x.md"
    }


class _Markup(HTMLParser):
    """Everything in a page that a browser would act on (the text of scripts, event handlers,
    link and source addresses), and the text of <title>."""

    def __init__(self) -> None:
        super().__init__(convert_charrefs=True)
        self.acting: list[str] = []
        self.titles: list[str] = []
        self.inside = ""

    def handle_starttag(self, tag: str, attrs: list[tuple[str, str | None]]) -> None:
        for name, value in attrs:
            if name.startswith("on") or name in ("href", "src"):
                self.acting.append(f"<{tag} {name}={value}>")
        self.inside = tag

    def handle_data(self, data: str) -> None:
        if self.inside == "script":
            self.acting.append(data)
        elif self.inside == "title":
            self.titles.append(data)

    def handle_endtag(self, tag: str) -> None:
        self.inside = ""


def test_markup_an_editor_writes_never_runs_in_a_readers_browser(project: Project) -> None:
    page = project.content / "hangzhou-education-2020" / "zh-Hans" / "01-jiaqiang-dangdelingdao.md"
    hostile_title = (
        '党建 </title><script>alert(1)</script> & "引号" <svg><style><img src=x onerror=alert(1)>'
    )
    lines = page.read_text(encoding="utf-8").split("\n")
    lines[0] = f"# {escape(hostile_title)}"  # as an editor writes it, escaped
    lines += [
        "",
        "原文 <script>alert(1)</script> 与 \\\\<img src=x onerror=alert(1)>。",
        "",
        '段落 { onclick="alert(1)" }',
        "",
        "链接 [点我](javascript:alert(1)) 与 ![图](JaVaScRiPt:alert(1))。",
    ]
    page.write_text("\n".join(lines), encoding="utf-8")
    build(project)
    built = project.site / "zh-Hans" / "hangzhou-education-2020"
    pages = ["01-jiaqiang-dangdelingdao/", "", "bilingual/01-jiaqiang-dangdelingdao/", "full/"]
    for html in [built / name / "index.html" for name in pages]:
        parser = _Markup()
        parser.feed(html.read_text(encoding="utf-8"))
        assert [a for a in parser.acting if "alert(1)" in a] == [], html
    parser = _Markup()
    parser.feed((built / "01-jiaqiang-dangdelingdao" / "index.html").read_text(encoding="utf-8"))
    assert parser.titles[0].startswith(hostile_title)


class _Attributes(HTMLParser):
    def __init__(self) -> None:
        super().__init__(convert_charrefs=True)
        self.values: list[str] = []
        self.text: list[str] = []

    def handle_starttag(self, tag: str, attrs: list[tuple[str, str | None]]) -> None:
        self.values += [value for _, value in attrs if value]

    def handle_data(self, data: str) -> None:
        self.text.append(data)


def test_a_title_with_markup_characters_reads_as_written_everywhere(project: Project) -> None:
    # Escaped once for MkDocs, never twice: in the head, the header, the menu and the
    # previous/next links' labels a reader (or a screen reader) gets the title as written.
    title = '二、R&D "x" <b> Tom\'s'
    page = project.content / "hangzhou-education-2020" / "zh-Hans" / "02-da-hao-fangyi-yingzhang.md"
    lines = page.read_text(encoding="utf-8").split("\n")
    lines[0] = f"# {escape(title)}"
    page.write_text("\n".join(lines), encoding="utf-8")
    build(project)
    built = project.site / "zh-Hans" / "hangzhou-education-2020"
    neighbour = _Attributes()
    neighbour.feed((built / "01-jiaqiang-dangdelingdao" / "index.html").read_text(encoding="utf-8"))
    assert f"下一页: {title}" in neighbour.values
    assert title in "".join(neighbour.text)  # the menu and the next-page link
    assert "&amp;" not in "".join(neighbour.values + neighbour.text)
    own = (built / "02-da-hao-fangyi-yingzhang" / "index.html").read_text(encoding="utf-8")
    head = _Markup()
    head.feed(own)
    assert head.titles[0].startswith(f"{title} - ")


def test_a_second_generate_rewrites_nothing(project: Project) -> None:
    generate(project)
    result = generate(project)
    assert result.written == () and result.removed == ()


def test_editing_one_paragraph_rewrites_only_its_pages(project: Project) -> None:
    generate(project)
    page = project.content / "hangzhou-education-2020" / "zh-Hans" / "04-henzhua-jichu-baozhang.md"
    text = page.read_text(encoding="utf-8")
    page.write_text(
        text.replace("新增105所省二级幼儿园", "新增106所省二级幼儿园"), encoding="utf-8"
    )
    result = generate(project)
    written = set(result.written)
    # In each edition: the section page, its bilingual view, the full report and the key
    # figures with their data (a figure changed); and the English report index, whose note
    # counts the now outdated passage. Nothing else.
    report = "hangzhou-education-2020"
    names = (
        "04-henzhua-jichu-baozhang.md",
        "bilingual/04-henzhua-jichu-baozhang.md",
        "full.md",
        "figures.md",
        "{report}.{edition}.figures.json",
        "{report}.{edition}.figures.csv",
    )
    assert written == {f"en/docs/{report}/index.md"} | {
        f"{edition}/docs/{report}/" + name.format(report=report, edition=edition)
        for edition in ("zh-Hans", "zh-Hant", "en")
        for name in names
    }


def test_a_build_after_a_generate_shows_the_edit(project: Project) -> None:
    # generate (or serve) writes site_src/ only; the build's staging copy must not be reused
    # as if it held the edit too.
    build(project)
    page = project.content / "hangzhou-education-2020" / "zh-Hans" / "04-henzhua-jichu-baozhang.md"
    page.write_text(
        page.read_text(encoding="utf-8").replace("新增105所", "新增106所"), encoding="utf-8"
    )
    generate(project)
    build(project)
    html = (
        project.site / "zh-Hans" / "hangzhou-education-2020" / "04-henzhua-jichu-baozhang"
    ) / "index.html"
    assert "新增106所" in html.read_text(encoding="utf-8")


def test_a_build_after_a_generate_copies_rather_than_renders(project: Project) -> None:
    generate(project)
    rendered = render_site(project, reuse_from=(project.site_src,), mirror=project.staging_src)
    assert rendered.rendered == ()
    report = "zh-Hant/docs/hangzhou-education-2020"
    assert snapshot(project.staging_src / report) == snapshot(project.site_src / report)


def test_building_one_edition_keeps_the_others(project: Project) -> None:
    build(project)
    before = snapshot(project.site / "zh-Hant")
    build(project, ["en"])
    assert snapshot(project.site / "zh-Hant") == before
    assert (project.site / "zh-Hans" / "index.html").is_file()
    assert (project.site / "en" / "index.html").is_file()


def test_editions_built_for_another_address_are_built_again(
    project: Project, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.setenv("REPORT_SITE_URL", "http://127.0.0.1:8757/")
    build(project)
    monkeypatch.setenv("REPORT_SITE_URL", "https://example.org/reports/")
    build(project, ["en"])
    for edition in EDITIONS:
        html = (project.site / edition / "index.html").read_text(encoding="utf-8")
        assert "127.0.0.1" not in html, edition


def test_only_the_edited_report_is_loaded_and_rendered_again(project: Project) -> None:
    original = project.content / "hangzhou-education-2020"
    second = project.content / "hangzhou-education-2021"
    shutil.copytree(original, second)
    meta = second / "report.yml"
    meta.write_text(meta.read_text(encoding="utf-8").replace("year: 2020", "year: 2021"))
    first = generate(project)
    assert any(name.startswith("zh-Hans/docs/hangzhou-education-2021/") for name in first.written)
    page = second / "zh-Hans" / "04-henzhua-jichu-baozhang.md"
    page.write_text(
        page.read_text(encoding="utf-8").replace("新增105所", "新增106所"), encoding="utf-8"
    )
    rendered = render_site(project, reuse_from=(project.site_src,))
    assert [output.slug for output in rendered.rendered] == ["hangzhou-education-2021"]
    assert all(
        name.startswith(tuple(f"{e}/docs/hangzhou-education-2020/" for e in EDITIONS))
        for name in rendered.kept
    )
    home = rendered.files["zh-Hans/docs/index.md"]
    assert isinstance(home, str)
    assert home.index("hangzhou-education-2021/") < home.index("hangzhou-education-2020/")


def test_an_edited_paragraph_shows_as_outdated_in_english_with_its_old_translation(
    project: Project,
) -> None:
    from generator.tm import store

    po_path = project.content / "hangzhou-education-2020" / "translations" / "en.po"
    po_before = po_path.read_bytes()
    page = project.content / "hangzhou-education-2020" / "zh-Hans" / "04-henzhua-jichu-baozhang.md"
    text = page.read_text(encoding="utf-8")
    page.write_text(
        text.replace("新增105所省二级幼儿园", "新增106所省二级幼儿园"), encoding="utf-8"
    )
    build(project)
    assert po_path.read_bytes() == po_before  # build never writes content/
    html = (
        project.site / "en" / "hangzhou-education-2020" / "04-henzhua-jichu-baozhang" / "index.html"
    ).read_text(encoding="utf-8")
    assert html.count('<div class="rs-outdated">') == 1
    outdated = html.split('<div class="rs-outdated">')[1].split("</details>")[0]
    assert "Level-2 kindergartens grew by 105" in outdated  # the old English, kept
    assert "新增106所省二级幼儿园" in outdated  # the current Chinese, at hand
    assert "rs-untranslated" not in html
    merged = store.merge(store.load(po_path), [])  # what `translate` would write: nothing lost
    assert merged.obsoleted > 0


def test_a_mkdocs_warning_fails_the_build(project: Project) -> None:
    """Strict mode is real: a warning (here a link to a page that does not exist) stops it."""
    page = project.content / "hangzhou-education-2020" / "zh-Hans" / "01-jiaqiang-dangdelingdao.md"
    page.write_text(page.read_text(encoding="utf-8") + "\n参见[附件](missing.md)。\n", "utf-8")
    with pytest.raises(ReportSiteError) as error:
        build(project)
    message = error.value.render()
    assert "MkDocs failed to build the zh-Hans edition" in message
    assert "missing.md" in message
