"""The workflows: valid for actionlint; publishing uses current official actions, least privilege
(the translate workflow's own tests are in test_translate_workflow.py)."""

from __future__ import annotations

import re
import shutil
import subprocess
import sys
from pathlib import Path

import pytest
import yaml

from tests.actions_standin import GitHub, Run, run_job
from tests.conftest import ROOT

WORKFLOWS = ROOT / ".github" / "workflows"
WORKFLOW = WORKFLOWS / "pages.yml"


@pytest.mark.parametrize("name", ["pages.yml", "pages-matrix.yml", "translate.yml"])
def test_actionlint_finds_nothing(name: str) -> None:
    actionlint = shutil.which("actionlint", path=str(Path(sys.executable).parent))
    assert actionlint, "actionlint is installed by requirements-dev.lock"
    result = subprocess.run([actionlint, str(WORKFLOWS / name)], capture_output=True, text=True)
    assert result.returncode == 0, result.stdout + result.stderr


def test_official_actions_at_current_major_versions() -> None:
    uses = re.findall(r"uses: (\S+)", WORKFLOW.read_text())
    assert sorted(uses) == sorted(
        [
            "actions/checkout@v5",
            "actions/setup-python@v6",
            "actions/configure-pages@v6",
            "actions/upload-pages-artifact@v4",
            "actions/deploy-pages@v5",
        ]
    )


def test_least_privilege_permissions() -> None:
    workflow = yaml.safe_load(WORKFLOW.read_text())
    assert workflow["permissions"] == {"contents": "read"}
    assert workflow["jobs"]["deploy"]["permissions"] == {"pages": "write", "id-token": "write"}
    assert "permissions" not in workflow["jobs"]["build"]
    assert workflow["jobs"]["build"]["steps"][3]["run"] == "make build"


MATRIX = WORKFLOWS / "pages-matrix.yml"


def test_the_matrix_workflow_builds_report_groups_apart_and_then_the_site() -> None:
    workflow = yaml.safe_load(MATRIX.read_text())
    assert workflow["jobs"]["groups"]["strategy"]["matrix"]["group"] == [1, 2, 3, 4]
    assert workflow["jobs"]["site"]["needs"] == "groups"
    assert workflow["jobs"]["deploy"]["needs"] == "site"
    assert workflow["permissions"] == {"contents": "read"}
    assert workflow["jobs"]["deploy"]["permissions"] == {"pages": "write", "id-token": "write"}
    # Published by hand until an archive needs it: pages.yml stays what a push runs.
    assert set(workflow[True]) == {"workflow_dispatch"}  # YAML reads `on:` as true


def test_the_matrix_workflows_steps_make_the_one_job_workflows_site(tmp_path: Path) -> None:
    """The matrix workflow's own steps, run here (tests/actions_standin.py): four group jobs,
    each in its own checkout, their parts handed over as artifacts to the job that builds the
    site; the site is byte for byte the one pages.yml's single job builds."""
    hub = GitHub.seeded(tmp_path, _project_files(extra_reports=3))
    run = Run(tmp_path / "artifacts")
    for group in range(1, 5):
        job = run_job(
            MATRIX,
            "groups",
            hub,
            tmp_path / f"group-{group}",
            secrets={},
            matrix={"group": str(group)},
            run=run,
        )
        assert job.succeeded, job.log
        assert f"of group {group}/4" in job.log
    site = run_job(MATRIX, "site", hub, tmp_path / "site", secrets={}, run=run)
    assert site.succeeded, site.log
    # The groups built every report: only each edition's home page is left to build.
    assert "3 of 15 parts built" in site.step("Assemble the site and index it").log
    one = Run(tmp_path / "one-job")
    single = run_job(WORKFLOW, "build", hub, tmp_path / "single", secrets={}, run=one)
    assert single.succeeded, single.log
    matrix_site, single_site = run.artifacts / "github-pages", one.artifacts / "github-pages"
    assert _files(matrix_site) == _files(single_site)


def _project_files(extra_reports: int) -> dict[str, str]:
    """The project as a repository holds it, with more reports (copies under other years)."""
    files = {}
    names = ("Makefile", "pyproject.toml", "requirements.lock", ".gitignore", "mkdocs.yml")
    for folder in ("content", "templates", "overrides"):
        for path in sorted((ROOT / folder).rglob("*")):
            if path.is_file() and "__pycache__" not in path.parts:
                files[path.relative_to(ROOT).as_posix()] = path.read_text(encoding="utf-8")
    for name in names:
        files[name] = (ROOT / name).read_text(encoding="utf-8")
    report = "content/hangzhou-education-2020/"
    for n in range(extra_reports):
        for name, text in list(files.items()):
            if name.startswith(report):
                copy = name.replace(report, f"content/hangzhou-education-{2010 + n}/")
                files[copy] = re.sub(r"(?m)^year: .*$", f"year: {2010 + n}", text)
    return files


def _files(folder: Path) -> dict[str, bytes]:
    return {
        p.relative_to(folder).as_posix(): p.read_bytes()
        for p in sorted(folder.rglob("*"))
        if p.is_file()
    }
