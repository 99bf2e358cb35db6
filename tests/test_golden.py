"""The generated Markdown and configuration of every edition, compared with golden files."""

from __future__ import annotations

import difflib

from generator.site import Project
from tests.golden import golden_files, rendered


def test_site_src_matches_the_golden_files(project: Project) -> None:
    got = rendered(project)
    want = golden_files()
    assert sorted(got) == sorted(want), "generated file set differs; run `make golden` if intended"
    for name in sorted(want):
        if got[name] != want[name]:
            diff = "\n".join(
                difflib.unified_diff(
                    want[name].decode().splitlines(),
                    got[name].decode().splitlines(),
                    f"golden/{name}",
                    f"generated/{name}",
                    lineterm="",
                    n=2,
                )
            )
            raise AssertionError(
                f"{name} differs from its golden file "
                f"(run `make golden` if intended):\n{diff[:4000]}"
            )
