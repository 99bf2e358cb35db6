"""The importer on every real report and excerpt: its outline and files, compared with golden
files (`make golden` rewrites them after an intended change; review the diff)."""

from __future__ import annotations

import difflib
import shutil
from pathlib import Path

import pytest

from generator.content import load_site
from tests.conftest import ROOT
from tests.golden_import import GOLDEN, golden_files, imported, sources


@pytest.mark.parametrize("name", sorted(sources()))
def test_import_matches_the_golden_files(name: str) -> None:
    got = imported(sources()[name])
    want = golden_files(name)
    assert sorted(got) == sorted(want), (
        f"the files an import of {name} writes differ from {GOLDEN.name}/{name}; "
        "run `make golden` if intended"
    )
    for relative in sorted(want):
        if got[relative] != want[relative]:
            diff = "\n".join(
                difflib.unified_diff(
                    want[relative].splitlines(),
                    got[relative].splitlines(),
                    f"golden/import/{name}/{relative}",
                    f"imported/{name}/{relative}",
                    lineterm="",
                    n=2,
                )
            )
            raise AssertionError(
                f"{name}/{relative} differs from its golden file "
                f"(run `make golden` if intended):\n{diff[:6000]}"
            )


def test_every_golden_folder_has_its_report() -> None:
    assert sorted(p.name for p in GOLDEN.iterdir()) == sorted(sources())


def test_what_import_writes_the_loader_takes(tmp_path: Path) -> None:
    """Every imported report, the one-page ones and those with new report.yml fields included,
    loads with the site's loader: whatever import writes, build accepts."""
    content = tmp_path / "content"
    content.mkdir()
    shutil.copy(ROOT / "content" / "site.yml", content / "site.yml")
    for name in sources():
        shutil.copytree(GOLDEN / name, content / name, ignore=shutil.ignore_patterns("outline.txt"))
    reports = {report.slug: report for report in load_site(content).reports}
    assert sorted(reports) == sorted(sources())
    assert all(report.organisation.text and report.year > 0 for report in reports.values())
