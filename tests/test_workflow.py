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

from tests.conftest import ROOT

WORKFLOWS = ROOT / ".github" / "workflows"
WORKFLOW = WORKFLOWS / "pages.yml"


@pytest.mark.parametrize("name", ["pages.yml", "translate.yml"])
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
