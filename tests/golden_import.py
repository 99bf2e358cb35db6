"""Golden files of the importer: for every real report in shared/reports/ and every excerpt in
tests/data/import/, the files an import writes (report.yml and the pages) and `outline.txt`:
the outline `report-site import FILE --dry-run` prints, then what the import tells the editor.

`make golden` (python -m tests.golden) rewrites them with the site_src ones; review the change
with `git diff`: a changed outline shows as a changed line of outline.txt.
"""

from __future__ import annotations

import shutil
import sys
from pathlib import Path

from generator.importer.findings import Findings
from generator.importer.preview import render_outline
from generator.importer.run import Overrides, plan_import
from tests.conftest import SHARED_REPORTS

GOLDEN = Path(__file__).resolve().parent / "golden" / "import"
DATA = Path(__file__).resolve().parent / "data" / "import"
# Excerpts whose text names no publisher or year: what the editor gives on the command line.
OVERRIDES = {
    "china-com-2017-portal": Overrides("中国政府网", 2017),
    "dalian-2021-news": Overrides("大连天健网", 2021),
    "baofeng-news-2024": Overrides("宝丰快报", 2024),
    "gaoxian-yearbook-2020": Overrides("高县人民政府"),
    "hk-audit-63-press": Overrides("香港特别行政区审计署"),
    "macao-policy-2024": Overrides("澳门特别行政区政府"),
}


def sources() -> dict[str, Path]:
    """Name → file of every report the importer's goldens are made from."""
    files = sorted(SHARED_REPORTS.glob("*.txt")) + sorted(DATA.glob("*.txt"))
    return {path.stem: path for path in files}


def imported(source: Path) -> dict[str, str]:
    """What importing `source` gives: its files, and outline.txt."""
    plan = plan_import(source, Findings(source.name), OVERRIDES.get(source.stem))
    outline = render_outline(plan.outline, plan.title, plan.meta, plan.removals)
    told = "".join(f"{line}\n" for message in plan.messages() for line in message.split("\n"))
    return {**plan.files, "outline.txt": f"{outline}\nimport prints:\n{told}"}


def golden_files(name: str) -> dict[str, str]:
    folder = GOLDEN / name
    return {
        p.relative_to(folder).as_posix(): p.read_text(encoding="utf-8")
        for p in sorted(folder.rglob("*"))
        if p.is_file()
    }


def write_goldens() -> None:
    shutil.rmtree(GOLDEN, ignore_errors=True)
    count = 0
    for name, source in sources().items():
        for relative, text in imported(source).items():
            path = GOLDEN / name / relative
            path.parent.mkdir(parents=True, exist_ok=True)
            path.write_text(text, encoding="utf-8")
            count += 1
    print(f"wrote {count} golden files to {GOLDEN.relative_to(Path.cwd())}", file=sys.stderr)


if __name__ == "__main__":
    write_goldens()
