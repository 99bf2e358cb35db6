"""Shared fixtures: the project checkout, the real report, and one build of the whole site in a
scratch copy of the project (so tests never depend on, or change, the checkout's site/)."""

from __future__ import annotations

import os
import re
import shutil
from pathlib import Path
from typing import Any

import pytest
from hypothesis import settings

from generator.build import build
from generator.site import Project

ROOT = Path(__file__).resolve().parent.parent
SHARED_REPORTS = ROOT.parent / "shared" / "reports"
HANGZHOU = SHARED_REPORTS / "hangzhou-education-2020.txt"
PROJECT_FILES = ("content", "templates", "overrides", "mkdocs.yml")

# Timing is the benchmark's business (bench/), not the tests': the first example of a run also
# pays for loading jieba's dictionary.
settings.register_profile("report-site", deadline=None)
settings.load_profile("report-site")


def copy_project(target: Path) -> Project:
    for name in PROJECT_FILES:
        source = ROOT / name
        if source.is_dir():
            shutil.copytree(source, target / name)
        else:
            shutil.copy2(source, target / name)
    return Project(target)


def build_for(project: Project, url: str) -> None:
    """Build `project` for the address it is served at (the address a site is built for is
    where Material's language selector fetches sitemaps from)."""
    previous = os.environ.get("REPORT_SITE_URL")
    os.environ["REPORT_SITE_URL"] = url
    try:
        build(project)
    finally:
        if previous is None:
            del os.environ["REPORT_SITE_URL"]
        else:
            os.environ["REPORT_SITE_URL"] = previous


@pytest.fixture(scope="session")
def hangzhou_text() -> str:
    if not HANGZHOU.exists():
        pytest.fail(f"the shared report is missing: {HANGZHOU}")
    return HANGZHOU.read_text(encoding="utf-8")


@pytest.fixture(scope="session")
def built_project(tmp_path_factory: pytest.TempPathFactory) -> Project:
    project = copy_project(tmp_path_factory.mktemp("project"))
    build(project)
    return project


@pytest.fixture()
def project(tmp_path: Path) -> Project:
    return copy_project(tmp_path)


def without_dropped(text: str, dropped: list[dict[str, Any]]) -> str:
    """`text` minus what a report.yml lists under `dropped:`, read as an editor reads the list:
    a whole line (its text), a piece of one (at its column), or a character named `U+XXXX`."""
    lines = text.split("\n")
    for entry in sorted(dropped, key=lambda e: -e.get("column", 0)):
        line = lines[entry["line"] - 1]
        piece = entry["text"]
        if re.fullmatch(r"U\+[0-9A-F]{4,6}", piece) and "column" in entry:
            piece = chr(int(piece[2:], 16))
        if "column" in entry:
            at = entry["column"] - 1
            assert line[at : at + len(piece)] == piece, entry
            lines[entry["line"] - 1] = line[:at] + line[at + len(piece) :]
        else:
            assert line.strip() == piece, entry
            lines[entry["line"] - 1] = ""
    return "\n".join(lines)
