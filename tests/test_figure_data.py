"""Figures as named, open data: figures.yml names what each figure counts (written once from the
text, then the editor's), and every edition publishes the figures as a Frictionless Data
Package that `frictionless validate` accepts, numbers as JSON numbers, in its own words."""

from __future__ import annotations

import csv
import io
import json
import subprocess
import sys
from pathlib import Path

import pytest
from click.testing import CliRunner

from generator.cli import main
from generator.errors import ReportSiteError
from generator.render.about import translation_note
from generator.site import Project, load_strings, render_site

REPORT = "hangzhou-education-2020"
EDITIONS = ("zh-Hans", "zh-Hant", "en")
FIGURES_FILE = f"content/{REPORT}/figures.yml"
FRICTIONLESS = Path(sys.executable).with_name("frictionless")


def frictionless(descriptor: Path) -> dict:  # type: ignore[type-arg]
    result = subprocess.run(
        [str(FRICTIONLESS), "validate", "--json", descriptor.name],
        cwd=descriptor.parent,
        capture_output=True,
        text=True,
        check=False,
    )
    return json.loads(result.stdout)  # type: ignore[no-any-return]


@pytest.mark.parametrize("edition", EDITIONS)
def test_every_data_package_is_valid(built_project: Project, edition: str) -> None:
    folder = built_project.site / edition / REPORT
    report = frictionless(folder / f"{REPORT}.{edition}.datapackage.json")
    assert report["valid"] is True, report
    assert report["tasks"][0]["stats"]["rows"] >= 80


def test_a_broken_data_file_is_not_valid(built_project: Project, tmp_path: Path) -> None:
    # The check can fail: a value that is no number is an error of the data.
    folder = built_project.site / "en" / REPORT
    for name in (f"{REPORT}.en.datapackage.json", f"{REPORT}.en.figures.csv"):
        (tmp_path / name).write_bytes((folder / name).read_bytes())
    data = tmp_path / f"{REPORT}.en.figures.csv"
    lines = data.read_text(encoding="utf-8-sig").splitlines()
    lines[1] = lines[1].replace(",2,1,2,", ",two,1,2,", 1)
    data.write_text("\ufeff" + "\n".join(lines) + "\n", encoding="utf-8")
    assert frictionless(tmp_path / f"{REPORT}.en.datapackage.json")["valid"] is False


def test_each_figure_is_a_named_indicator_in_each_editions_words(built_project: Project) -> None:
    rows = {}
    for edition in EDITIONS:
        path = built_project.site / edition / REPORT / f"{REPORT}.{edition}.figures.json"
        data = json.loads(path.read_text(encoding="utf-8"))
        (rows[edition],) = [
            r
            for r in data["figures"]
            if r["page"] == "04-henzhua-jichu-baozhang" and r["value_base"] == 78900
        ]
    assert {e: (r["label"], r["unit"], r["text"]) for e, r in rows.items()} == {
        "zh-Hans": ("新增学位", "个", "7.89万个"),
        "zh-Hant": ("新增學位", "個", "7.89萬個"),
        "en": ("New school places", "", "78,900"),
    }
    for row in rows.values():
        assert (row["value"], row["multiplier"], row["value_base"]) == (7.89, 10000, 78900)
        assert row["url"].endswith(f"/{REPORT}/04-henzhua-jichu-baozhang/#p-1")
        assert row["label_source"] == "figures.yml"


def test_the_traditional_csv_is_converted(built_project: Project) -> None:
    def table(edition: str) -> list[dict[str, str]]:
        path = built_project.site / edition / REPORT / f"{REPORT}.{edition}.figures.csv"
        return list(csv.DictReader(io.StringIO(path.read_text(encoding="utf-8-sig"))))

    hans, hant = table("zh-Hans"), table("zh-Hant")
    assert [r["value_base"] for r in hans] == [r["value_base"] for r in hant]
    assert hans[0]["section"].startswith("一、加强党的领导")
    assert hant[0]["section"].startswith("一、加強黨的領導")
    assert "“" not in "".join(r["sentence"] for r in hant)


def test_figures_yml_is_written_once_then_only_added_to(project: Project) -> None:
    path = project.root / FIGURES_FILE
    path.unlink()
    runner = CliRunner()
    first = runner.invoke(main, ["figures", "--root", str(project.root), REPORT])
    assert first.exit_code == 0, first.output
    assert first.output == (
        f"wrote content/{REPORT}/figures.yml: 84 figures; correct their labels\n"
    )
    written = path.read_text(encoding="utf-8")
    assert "  - {page: 04-henzhua-jichu-baozhang, figure: 7.89万个, label: 新增学位}\n" in written
    # A figure the page writes twice is told apart by the words before it.
    assert "figure: 3名, after: 合一等奖, label: 获得综合一等奖}" in written
    again = runner.invoke(main, ["figures", "--root", str(project.root), REPORT])
    assert again.output == (
        f"content/{REPORT}/figures.yml names every figure of the report; nothing to add\n"
    )
    page = project.content / REPORT / "zh-Hans" / "04-henzhua-jichu-baozhang.md"
    page.write_text(
        page.read_text(encoding="utf-8") + "\n全年新增托育机构12家。\n", encoding="utf-8"
    )
    added = runner.invoke(main, ["figures", "--root", str(project.root), REPORT])
    assert added.output == f"added 1 figures to content/{REPORT}/figures.yml; give them labels\n"
    text = path.read_text(encoding="utf-8")
    assert text.startswith(written)  # nothing of the editor's changed
    assert text[len(written) :] == (
        "  # 四、狠抓基础保障，资源供给持续增长\n"
        "  - {page: 04-henzhua-jichu-baozhang, figure: 12家, label: 新增托育机构}\n"
    )


def test_a_label_whose_figure_is_gone_is_a_warning_and_an_unclear_one_an_error(
    project: Project,
) -> None:
    path = project.root / FIGURES_FILE
    text = path.read_text(encoding="utf-8")
    path.write_text(text.replace("figure: 7.89万个", "figure: 7.9万个"), encoding="utf-8")
    warnings = render_site(project).warnings
    assert [w.render() for w in warnings] == [
        f"content/{REPORT}/figures.yml:36:47: 04-henzhua-jichu-baozhang no longer "
        "writes '7.9万个': this label names no figure\n"
        "      - {page: 04-henzhua-jichu-baozhang, figure: 7.9万个, label: 新增学位}\n"
        "                                                  ^\n"
        "  hint: write the figure as the page now writes it, or remove the entry"
    ]
    path.write_text(text.replace(", after: 合一等奖", ""), encoding="utf-8")
    with pytest.raises(ReportSiteError) as error:
        render_site(project)
    assert error.value.render() == (
        f"content/{REPORT}/figures.yml:27:5: 03-puxie-yuren-xinpian writes '3名' 2 times: "
        "which one is labelled?\n"
        "      - {page: 03-puxie-yuren-xinpian, figure: 3名, "
        "label: 浙江省班主任技能大赛综合一等奖}\n"
        "        ^\n"
        "  hint: add `after:` with the words right before the one you mean"
    )


def test_a_number_that_is_no_figure_is_left_out(project: Project) -> None:
    files = render_site(project).files
    data = json.loads(files[f"en/docs/{REPORT}/{REPORT}.en.figures.json"])
    assert data["count"] == 82  # 84 numbers, the 1 of 1+X twice no figure
    assert not [r for r in data["figures"] if r["text"] == "1"]


def test_the_note_says_exactly_what_the_english_is() -> None:
    words = load_strings(Project(Path(__file__).resolve().parent.parent))
    en, zh = words["en"], words["zh-Hans"]
    machine = translation_note({"machine": 71}, en)
    assert (machine.line, machine.counts) == (
        "Machine translation from the Chinese, not reviewed by a person. The Chinese is "
        "authoritative.",
        "Of its 71 passages: 71 machine-translated, not reviewed by a person.",
    )
    mixed = translation_note({"reviewed": 20, "machine": 49, "outdated": 1, "missing": 1}, en)
    assert mixed.line == (
        "Partly machine translation: 20 of 71 passages reviewed by a person. The Chinese is "
        "authoritative."
    )
    assert mixed.counts == (
        "Of its 71 passages: 20 reviewed by a person; 49 machine-translated, not reviewed by a "
        "person; 1 outdated (the Chinese has changed since); 1 not yet translated (shown in "
        "Chinese)."
    )
    reviewed = translation_note({"reviewed": 71}, en)
    assert reviewed.line.startswith("Translated from the Chinese and reviewed by people.")
    none = translation_note({"missing": 71}, en)
    assert none.line == "Not yet translated: the pages show the Chinese original."
    assert "machine" not in none.full.lower() and none.counts == ""
    assert (
        translation_note({"machine": 71}, zh).line == "英文为机器翻译，未经人工审校。以中文为准。"
    )


def test_a_report_without_english_says_so_and_nothing_of_a_draft(project: Project) -> None:
    (project.content / REPORT / "translations" / "en.po").unlink()
    files = render_site(project).files
    first = files[f"en/docs/{REPORT}/index.md"]
    section = files[f"en/docs/{REPORT}/06-ruiyigaige-chuangxin.md"]
    assert isinstance(first, str) and isinstance(section, str)
    assert "This report has not been translated into English yet" in first
    assert "Not yet translated: the pages show the Chinese original." in section
    for text in (first, section, files["en/docs/index.md"]):
        assert isinstance(text, str)
        assert "machine" not in text.lower() and "drafted" not in text
