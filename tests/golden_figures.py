"""Golden files of `report-site figures` on statistical communiqués, the most figure-dense
official reports: for each excerpt in tests/data/import/ named here, the figures.yml entries it
suggests (tests/golden/figures/<name>.yml). `make golden` rewrites them; review with `git diff`.
"""

from __future__ import annotations

import shutil
from dataclasses import replace
from pathlib import Path

from generator.content import load_report, open_content
from generator.errors import Problems
from generator.figure_labels import unnamed_entries
from generator.importer.findings import Findings
from generator.importer.run import plan_import
from generator.model import Report
from tests.golden_import import DATA, OVERRIDES

GOLDEN = Path(__file__).resolve().parent / "golden" / "figures"
CONTENT = Path(__file__).resolve().parent.parent / "content"
COMMUNIQUES = (
    "bengbu-stats-2024",
    "tongliao-stats-2017",
    "zhuhai-stats-2011",
    "nbs-gdp-2024q1",
    "yuhuan-stats-2019",
)


def imported_report(name: str, scratch: Path) -> Report:
    """The excerpt `name` imported into a content folder of its own under `scratch`, as loaded."""
    source = DATA / f"{name}.txt"
    plan = plan_import(source, Findings(source.name), OVERRIDES.get(name))
    content = scratch / name / "content"
    for relative, text in plan.files.items():
        path = content / name / relative
        path.parent.mkdir(parents=True, exist_ok=True)
        path.write_text(text, encoding="utf-8")
    for shared in ("site.yml", "glossary.yml"):
        shutil.copy(CONTENT / shared, content / shared)
    entry = next(e for e in open_content(content).reports if e.slug == name)
    problems = Problems()
    report = load_report(entry, content, problems)
    assert report is not None
    return replace(report, figure_labels=())


def suggested(name: str, scratch: Path) -> str:
    return unnamed_entries(imported_report(name, scratch))


def write_goldens(scratch: Path) -> None:
    shutil.rmtree(GOLDEN, ignore_errors=True)
    GOLDEN.mkdir(parents=True)
    for name in COMMUNIQUES:
        (GOLDEN / f"{name}.yml").write_text(suggested(name, scratch), encoding="utf-8")
