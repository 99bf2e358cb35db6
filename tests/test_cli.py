"""Every command has help and is documented in the README (as sqlite-utils checks its own)."""

from __future__ import annotations

import pytest
from click.testing import CliRunner

from generator.cli import main
from tests.conftest import ROOT

COMMANDS = sorted(main.commands)


def test_the_commands_are_the_documented_ones() -> None:
    assert COMMANDS == [
        "build",
        "check",
        "figures",
        "generate",
        "import",
        "serve",
        "translate",
        "translate-pr",
    ]


@pytest.mark.parametrize("command", COMMANDS)
def test_every_command_has_help(command: str) -> None:
    result = CliRunner().invoke(main, [command, "--help"])
    assert result.exit_code == 0
    assert main.commands[command].help, f"{command} has no description"


@pytest.mark.parametrize("command", COMMANDS)
def test_every_command_is_in_the_readme(command: str) -> None:
    readme = (ROOT / "README.md").read_text(encoding="utf-8")
    assert f"report-site {command}" in readme or f"make {command}" in readme


def test_an_error_is_a_message_not_a_traceback(tmp_path: object) -> None:
    result = CliRunner().invoke(main, ["build", "--root", str(tmp_path)])
    assert result.exit_code == 1
    assert "Traceback" not in result.output
    assert "content folder not found" in result.output
