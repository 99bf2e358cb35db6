"""The one way into content/ for every command (generate, build, serve, check, translate).

Two stages, so that a build can skip reports that did not change without skipping any check:
`open_content` reads and checks everything but the reports' pages (site.yml, glossary.yml,
every report.yml, what each folder holds) and stops with every error found; `load_report` reads
one report's pages and checks its figure choices against them. `load_site` is both, for every
report. Warnings (what is not read, an unknown key) travel with the result, for the command to
show.
"""

from __future__ import annotations

from dataclasses import dataclass, fields
from pathlib import Path

from generator.content.figures_file import LabelChoice, read_figures_file, resolve_labels
from generator.content.folders import REPORT_FILE, ReportFolder, report_folders
from generator.content.glossary import read_glossary
from generator.content.headlines import resolve_all
from generator.content.pages import read_page
from generator.content.report_file import REPORT, ReportMeta
from generator.content.site_file import load_site_config
from generator.content.yaml_file import Reader, read_yaml
from generator.errors import Loc, Problem, Problems, ReportSiteError, display_path
from generator.model import Glossary, Report, Site, SiteConfig


@dataclass(frozen=True)
class ReportEntry:
    """A report folder, its report.yml and figures.yml, read and checked on their own."""

    folder: ReportFolder
    meta: ReportMeta
    figures: tuple[LabelChoice, ...] = ()

    @property
    def slug(self) -> str:
        return self.folder.slug


@dataclass(frozen=True)
class Content:
    """content/ read and checked, except the reports' pages."""

    root: Path
    config: SiteConfig
    glossary: Glossary
    reports: tuple[ReportEntry, ...]
    warnings: tuple[Problem, ...] = ()


def open_content(root: Path) -> Content:
    """Everything of content/ but the pages; ReportSiteError with every problem found."""
    if not root.is_dir():
        raise ReportSiteError(
            f"{display_path(root)}: content folder not found (run `report-site import FILE` first)"
        )
    problems = Problems()
    config = load_site_config(root, problems)
    glossary = read_glossary(root, problems)
    folders = report_folders(root, problems)
    entries = []
    for folder in folders:
        meta = _read_meta(folder, root, problems)
        figures = read_figures_file(folder.path, root, problems)
        if meta is not None:
            entries.append(ReportEntry(folder, meta, figures))
    if not folders and not problems.items:
        problems.add(
            Loc(display_path(root)),
            f"no report found (a folder with {REPORT_FILE})",
            "import one with `report-site import FILE`",
        )
    problems.raise_if_any()
    return Content(root, config, glossary, tuple(entries), tuple(problems.warnings))


def _read_meta(folder: ReportFolder, root: Path, problems: Problems) -> ReportMeta | None:
    file = read_yaml(folder.path / REPORT_FILE, root, problems)
    return REPORT.read_document(Reader(file, problems)) if file is not None else None


_REPORT_FIELDS = frozenset(f.name for f in fields(Report)) - {
    "headlines",
    "charts",
    "figure_labels",
}


def load_report(entry: ReportEntry, root: Path, problems: Problems) -> Report | None:
    """One report with its pages; None (problems added) if a page cannot be read."""
    folder, meta = entry.folder, entry.meta
    index = read_page(folder.index, root, problems)
    sections = [page for path in folder.sections if (page := read_page(path, root, problems))]
    if index is None:
        return None
    pages = {page.slug: page for page in (index, *sections)}
    unread = frozenset(path.stem for path in folder.sections) - set(pages)
    headlines, charts = resolve_all(meta.headlines, meta.charts, pages, problems, unread)
    labels = resolve_labels(entry.figures, pages, problems, unread)
    # Everything report.yml says that the model holds as it is, choices aside (resolved above).
    said = {f.name: getattr(meta, f.name) for f in fields(meta) if f.name in _REPORT_FIELDS}
    return Report(
        slug=folder.slug,
        path=folder.shown,
        folder=str(folder.path),
        index=index,
        sections=tuple(sections),
        headlines=headlines,
        charts=charts,
        figure_labels=labels,
        **said,
    )


def load_site(root: Path) -> Site:
    """All of content/, every report with its pages; ReportSiteError with every problem."""
    content = open_content(root)
    problems = Problems(warnings=list(content.warnings))
    reports = [report for e in content.reports if (report := load_report(e, root, problems))]
    problems.raise_if_any()
    return Site(content.config, tuple(reports), content.glossary, tuple(problems.warnings))
