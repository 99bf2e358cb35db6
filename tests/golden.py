"""Golden files of site_src/: what `report-site generate` writes for the committed content.

`make golden` (python -m tests.golden) rewrites them, and the importer's (tests/golden_import.py);
review the change with `git diff`.
"""

from __future__ import annotations

import shutil
import sys
import tempfile
from pathlib import Path

from generator.site import Project, render_site

GOLDEN = Path(__file__).resolve().parent / "golden" / "site_src"


def rendered(project: Project) -> dict[str, bytes]:
    files = render_site(project).files
    return {
        name: content.encode("utf-8") if isinstance(content, str) else content
        for name, content in files.items()
        # The stylesheet is copied as it is; the golden files are for what is generated.
        if "/docs/assets/" not in name
    }


def golden_files() -> dict[str, bytes]:
    return {
        p.relative_to(GOLDEN).as_posix(): p.read_bytes()
        for p in sorted(GOLDEN.rglob("*"))
        if p.is_file()
    }


def main() -> None:
    from tests.conftest import copy_project

    with tempfile.TemporaryDirectory() as scratch:
        files = rendered(copy_project(Path(scratch)))
    shutil.rmtree(GOLDEN, ignore_errors=True)
    for name, data in files.items():
        path = GOLDEN / name
        path.parent.mkdir(parents=True, exist_ok=True)
        path.write_bytes(data)
    print(f"wrote {len(files)} golden files to {GOLDEN.relative_to(Path.cwd())}", file=sys.stderr)
    from tests.golden_import import write_goldens

    write_goldens()
    from tests import golden_figures

    with tempfile.TemporaryDirectory() as scratch:
        golden_figures.write_goldens(Path(scratch))


if __name__ == "__main__":
    main()
