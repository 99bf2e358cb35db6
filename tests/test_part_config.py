"""A part's configuration, read by a worker from the data its mkdocs.yml was written from and the
project's mkdocs.yml read once, is what MkDocs reads from the part's file."""

from __future__ import annotations

from pathlib import Path

from mkdocs.utils.yaml import yaml_load

from generator.parts.part_config import merged, part_config
from generator.parts.plan import plan, write_project
from generator.site import Project, render_site


def test_every_parts_configuration_is_what_mkdocs_reads_from_its_file(project: Project) -> None:
    rendered = render_site(project)
    parts = plan(project, rendered, "0")
    assert {p.home for p in parts} == {True, False}
    for part in parts:
        folder = write_project(project, part)
        with (folder / "mkdocs.yml").open("rb") as file:
            assert merged(folder, part.config) == yaml_load(file), part.name


def test_a_project_file_only_mkdocs_can_read_is_left_to_it(tmp_path: Path) -> None:
    """A `!relative` tag is resolved for each configuration: MkDocs reads the files."""
    (tmp_path / "mkdocs.yml").write_text(
        "site_name: 甲\nmarkdown_extensions:\n  - pymdownx.snippets:\n      base_path: !relative\n",
        encoding="utf-8",
    )
    part = tmp_path / "parts" / "a"
    (part / "docs").mkdir(parents=True)
    keys = {"INHERIT": "../../mkdocs.yml", "site_name": "乙"}
    (part / "mkdocs.yml").write_text("INHERIT: ../../mkdocs.yml\nsite_name: 乙\n", "utf-8")
    assert merged(part, keys) is None
    config = part_config(part, keys, site_dir=str(tmp_path / "site"))
    assert config.site_name == "乙"
    assert config.docs_dir == str(part / "docs")


def test_a_changed_project_file_is_read_again(tmp_path: Path) -> None:
    shared = tmp_path / "mkdocs.yml"
    shared.write_text("site_name: 甲\n", encoding="utf-8")
    part = tmp_path / "parts" / "a"
    part.mkdir(parents=True)
    assert merged(part, {"INHERIT": "../../mkdocs.yml"}) == {"site_name": "甲"}
    shared.write_text("site_name: 丙丙\n", encoding="utf-8")
    assert merged(part, {"INHERIT": "../../mkdocs.yml"}) == {"site_name": "丙丙"}
