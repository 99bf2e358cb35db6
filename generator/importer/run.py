"""`report-site import`: read → decode → characters → text (frame, outline) → lint → metadata →
files → proof, all in memory; then, only if there was no error, write the folder in one rename.

A run collects every error of the file before stopping (with the warnings beside them), so an
editor fixes them all in one go. Warnings and the list of dropped text are printed; the dropped
text is also written to report.yml. `--dry-run` stops before writing and shows the outline.

Whatever import writes, build accepts: a report.yml always has an organisation and a year. When
the text does not give them (and `--organisation` / `--year` do not either), import refuses and
says which option to add.
"""

from __future__ import annotations

import shutil
import tempfile
from collections.abc import Callable
from dataclasses import dataclass, replace
from pathlib import Path

from generator.content.report_file import FIRST_YEAR, LAST_YEAR
from generator.errors import Loc, Problem, ReportSiteError, display_path
from generator.importer.chars import check_characters
from generator.importer.decode import decode_report
from generator.importer.document import Found, Outline
from generator.importer.findings import Findings, Removal, labelled
from generator.importer.lint import check_outline
from generator.importer.meta import PAGE_SOURCE_HOW, Metadata, read_metadata
from generator.importer.outline import read_report
from generator.importer.script import check_simplified
from generator.importer.verify import check_nothing_lost
from generator.importer.writer import content_files
from generator.slugs import REPORT_SLUG, RESERVED_SLUGS, report_slug

__all__ = [
    "ImportPlan",
    "Overrides",
    "check_nothing_lost",
    "default_slug",
    "import_report",
    "plan_import",
    "prepare_import",
]


def default_slug(source: Path) -> str:
    return report_slug(source.stem)


@dataclass(frozen=True)
class Overrides:
    """What the editor gives on the command line instead of what the text says."""

    organisation: str | None = None
    year: int | None = None


@dataclass(frozen=True)
class ImportPlan:
    """Everything an import will write, and what the editor is told about it."""

    source: str  # as messages name it
    encoding: str
    files: dict[str, str]
    warnings: list[Problem]
    removals: list[Removal]
    outline: Outline
    title: Found
    meta: Metadata

    def messages(self) -> list[str]:
        """What the import prints: the encoding when it is not UTF-8 (UTF-16 without a BOM has
        a warning of its own), each dropped line or piece of one, then the warnings."""
        out = []
        if self.encoding in ("gb18030", "big5", "utf-16", "utf-32"):
            out.append(f"{self.source}: read as {self.encoding.upper()}")
        for removal in self.removals:
            if removal.whole_line or removal.at:
                into = f" (read into report.yml: {removal.field})" if removal.field else ""
                out.append(
                    f"{self.source}:{removal.line}: dropped {removal.reason}: {removal.text}{into}"
                )
        out += [p.render() for p in sorted(labelled(self.warnings), key=lambda p: p.loc)]
        return out


def plan_import(
    source: Path, findings: Findings | None = None, overrides: Overrides | None = None
) -> ImportPlan:
    """Read and convert `source`, check the result; raise ReportSiteError with every error."""
    findings = findings or Findings(display_path(source))
    try:
        data = source.read_bytes()
    except OSError as error:
        raise findings.fail(f"cannot read the file: {error.strerror}", "check the path") from None
    decoded = decode_report(data, findings)
    findings.lines = decoded.text.split("\n")
    cleaned = check_characters(decoded.text, findings)
    check_simplified(cleaned, findings)
    lines = cleaned.split("\n")
    outline = read_report(lines, findings)
    check_outline(outline, lines, findings)
    title = report_title(outline, source.name)
    meta = _settled(read_metadata(outline, title), overrides or Overrides(), title, findings)
    findings.raise_if_errors()
    findings.removals = _credited(findings.removals, meta)

    files = content_files(outline, title.value, meta, (source.name, data), findings.removals)
    check_nothing_lost(
        decoded.text,
        files,
        findings.path,
        "" if outline.title else title.value,
        findings.removals,
        outline.joins(),
        outline.bar_rows(),
        outline.title_lines(),
    )
    return ImportPlan(
        findings.path,
        decoded.encoding,
        files,
        findings.warnings,
        findings.removals,
        outline,
        title,
        meta,
    )


def report_title(outline: Outline, file_name: str) -> Found:
    """The title line; else the name a notice gives the document it delivers; else a
    disclosure record's 文件名称; else the file name."""
    if outline.title is not None:
        return Found(outline.title.text, outline.title.number)
    if outline.notice is not None:
        return outline.notice.name
    return outline.fields.get("title") or Found(file_name, how="the file name")


def _settled(meta: Metadata, overrides: Overrides, title: Found, findings: Findings) -> Metadata:
    """`meta` with the editor's values in place of the text's; an error for a publisher or a
    year that neither gives."""
    organisation = meta.organisation
    if overrides.organisation:
        organisation = Found(overrides.organisation, how="--organisation")
    year = Found(str(overrides.year), how="--year") if overrides.year else meta.year
    path = findings.path
    if overrides.year and not FIRST_YEAR <= overrides.year <= LAST_YEAR:
        findings.errors.add(
            Loc("--year"),
            f"{overrides.year} is not a year a report can be about",
            f"give a year from {FIRST_YEAR} to {LAST_YEAR}",
        )
    if organisation is None:
        findings.error(
            title.line,
            0,
            "cannot tell which organisation published the report: the title, subtitle, "
            "speaker's line, signature and page record name none",
            f"give it: report-site import {path} --organisation NAME "
            f"(or make import FILE={path} ORGANISATION=NAME)",
        )
    if year is None:
        findings.error(
            title.line,
            0,
            "cannot tell the report's year: the title, subtitle and the page's date give none",
            f"give it: report-site import {path} --year YYYY "
            f"(or make import FILE={path} YEAR=YYYY)",
        )
    return Metadata(organisation, year, meta.subtitle, meta.speaker, meta.published, meta.url)


def _credited(removals: list[Removal], meta: Metadata) -> list[Removal]:
    """The removals, the line of the page's source saying it went to `organisation` when the
    publisher was read from it (the frame cannot know: anything else naming one comes first)."""
    found = meta.organisation
    if found is None or found.how != PAGE_SOURCE_HOW:
        return removals
    return [
        replace(r, field=", ".join(filter(None, [r.field, "organisation"])))
        if r.line == found.line and r.whole_line
        else r
        for r in removals
    ]


def prepare_import(
    source: Path,
    out: Path,
    slug: str | None = None,
    overrides: Overrides | None = None,
) -> tuple[Path, ImportPlan]:
    """The folder an import of `source` would create and what it would write there, after
    every check; nothing is written."""
    findings = Findings(display_path(source))
    if slug is not None and (not REPORT_SLUG.fullmatch(slug) or slug in RESERVED_SLUGS):
        findings.errors.add(
            Loc("--slug"),
            f"“{slug}” cannot be a report's folder and web address",
            "use lower-case letters, digits and hyphens, not assets or search, "
            "e.g. --slug guangdong-2026",
        )
    target = out / (slug or default_slug(source))
    if target.exists():
        findings.errors.add(
            Loc(display_path(target)),
            "this report folder already exists",
            "editors own it: move it away first, or import under another name with --slug NAME",
        )
    return target, plan_import(source, findings, overrides)


def import_report(
    source: Path,
    out: Path,
    slug: str | None = None,
    echo: Callable[[str], None] | None = None,
    overrides: Overrides | None = None,
) -> Path:
    """Import `source` into `out/<slug>/` and return that folder. Refuses to touch an existing
    report folder, since it belongs to editors from the moment it is imported. `echo` receives
    what the editor is told (default: standard error)."""
    target, plan = prepare_import(source, out, slug, overrides)
    _write(plan.files, out, target)
    for message in plan.messages():
        (echo or _stderr)(message)
    return target


def _write(files: dict[str, str], out: Path, target: Path) -> None:
    """Write everything into a temporary folder beside the target, then rename it into place:
    an interrupted or failed import leaves nothing half-written."""
    try:
        out.mkdir(parents=True, exist_ok=True)
        staging = Path(tempfile.mkdtemp(prefix=f".{target.name}.", dir=out))
    except OSError as error:
        raise ReportSiteError(
            [Problem(Loc(display_path(out)), f"cannot write here: {error.strerror}", "")]
        ) from None
    try:
        for name, text in files.items():
            path = staging / name
            path.parent.mkdir(parents=True, exist_ok=True)
            path.write_text(text, encoding="utf-8")
        staging.rename(target)
    except OSError as error:
        raise ReportSiteError(
            [Problem(Loc(display_path(target)), f"cannot write the report: {error.strerror}")]
        ) from None
    finally:
        if staging.exists():
            shutil.rmtree(staging)


def _stderr(message: str) -> None:
    import click

    click.echo(message, err=True)
