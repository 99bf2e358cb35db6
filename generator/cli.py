"""The `report-site` command: verbs only. Each verb calls one module lazily (so `--help` is fast)
and turns a ReportSiteError into a message without a traceback and a non-zero exit."""

from __future__ import annotations

import json
import sys
from collections.abc import Callable
from functools import wraps
from pathlib import Path
from typing import Any, TypeVar

import click

from generator.edition_list import CODES, SOURCE
from generator.errors import Loc, Problem, ReportSiteError

F = TypeVar("F", bound=Callable[..., Any])


def user_errors(func: F) -> F:
    @wraps(func)
    def wrapper(*args: Any, **kwargs: Any) -> Any:
        try:
            return func(*args, **kwargs)
        except ReportSiteError as error:
            click.echo(error.render(), err=True)
            count = len(error.problems)
            if count > 1:
                click.echo(f"{count} problems found.", err=True)
            sys.exit(1)
        except KeyboardInterrupt:
            click.echo("interrupted", err=True)
            sys.exit(130)

    return wrapper  # type: ignore[return-value]


def _project(root: str) -> Any:
    from generator.site import Project

    return Project(Path(root))


root_option = click.option(
    "--root",
    default=".",
    show_default=True,
    type=click.Path(file_okay=False),
    help="The project folder (holding content/, templates/, mkdocs.yml).",
)


@click.group()
@click.version_option(package_name="report-site")
def main() -> None:
    """report-site: an official Chinese report as a trilingual static site.

    content/ (Markdown and translation memories, owned by editors) → site_src/ (generated
    Markdown per edition) → site/ (the built site: zh-Hans, zh-Hant, en).
    """


@main.command("import")
@click.argument("file", type=click.Path(dir_okay=False, path_type=Path))
@click.option(
    "--out",
    default="content",
    show_default=True,
    type=click.Path(path_type=Path),
    help="The content folder to create the report's folder in.",
)
@click.option("--slug", help="Folder (and URL) name of the report [default: from the file name].")
@click.option(
    "--organisation",
    help="The publisher, when the text does not name it (e.g. 杭州市教育局) [default: read "
    "from the title, subtitle, speaker, signature or page record].",
)
@click.option(
    "--year",
    type=int,
    help="The report's year, when the text does not give it [default: read from the title, "
    "subtitle or the page's date].",
)
@click.option(
    "--dry-run",
    is_flag=True,
    help="Print the outline (pages, headings, report.yml fields, what is dropped); write nothing.",
)
@user_errors
def import_(
    file: Path,
    out: Path,
    slug: str | None,
    organisation: str | None,
    year: int | None,
    dry_run: bool,
) -> None:
    """Import a plain-text report (UTF-8, GB18030, Big5 or UTF-16) into content/."""
    from generator.importer.preview import render_outline
    from generator.importer.run import Overrides, import_report, prepare_import

    overrides = Overrides(organisation, year)
    if dry_run:
        target, plan = prepare_import(file, out, slug, overrides)
        for message in plan.messages():
            click.echo(message, err=True)
        click.echo(f"{file} → {target}/ (dry run: nothing written)")
        click.echo(render_outline(plan.outline, plan.title, plan.meta, plan.removals), nl=False)
        return
    target = import_report(file, out, slug, overrides=overrides)
    pages = len(list(target.rglob("*.md")))
    click.echo(f"imported {file} → {target}/ ({pages} page{'s' if pages != 1 else ''})")


@main.command()
@root_option
@click.argument("report")
@user_errors
def figures(root: str, report: str) -> None:
    """Write content/REPORT/figures.yml: what each figure of the report counts.

    The first run names every figure from the words around it, for you to correct; the file is
    yours from then on, and a later run only adds the figures it does not name yet.
    """
    from generator.figure_labels import write_figures_file

    result = write_figures_file(_project(root).content, report)
    shown = f"content/{report}/{result.path.name}"
    if result.created:
        click.echo(f"wrote {shown}: {result.added} figures; correct their labels")
    elif result.added:
        click.echo(f"added {result.added} figures to {shown}; give them labels")
    else:
        click.echo(f"{shown} names every figure of the report; nothing to add")


@main.command()
@root_option
@user_errors
def generate(root: str) -> None:
    """Write site_src/: the Markdown and mkdocs.yml of every edition (only changed files)."""
    from generator.site import generate as run

    result = run(_project(root))
    click.echo(
        f"site_src: {len(result.written)} written, {len(result.removed)} removed, "
        f"{result.unchanged} unchanged"
    )


@main.command()
@root_option
@click.option(
    "--edition",
    "editions",
    multiple=True,
    type=click.Choice(CODES),
    help="Build only this edition (repeatable) [default: all]; the others stay as they are, "
    "unless they were built for another address or theme.",
)
@click.option(
    "--jobs",
    type=click.IntRange(min=1),
    help="Processes that build [default: one per core].",
)
@click.option(
    "--group",
    metavar="K/N",
    help="Build only the reports of group K of N (every edition) into .cache/parts/, and "
    "publish nothing: one job of a CI matrix; a `build` then assembles the site from them.",
)
@click.option("--stats", is_flag=True, help="Print each stage's seconds and peak memory.")
@click.option(
    "--stats-json",
    type=click.Path(dir_okay=False, writable=True),
    help="Also write the stages' figures to this file (JSON).",
)
@user_errors
def build(
    root: str,
    editions: tuple[str, ...],
    jobs: int | None,
    group: str | None,
    stats: bool,
    stats_json: str | None,
) -> None:
    """Generate, then build site/ with MkDocs: each edition's home page and each report's
    pages are parts, built in parallel and kept for what they were made from, so that a
    build rebuilds only what changed."""
    from generator.build import build as run
    from generator.build import build_group
    from generator.build_stats import Stats

    if group is not None:
        k, n = _group(group)
        built = build_group(_project(root), k, n, jobs=jobs)
        click.echo(f"built {built} part{'s' if built != 1 else ''} of group {k}/{n}")
        return
    figures = Stats()
    run(_project(root), list(editions) or None, jobs=jobs, stats=figures)
    if stats:
        click.echo(figures.table(), err=True)
    if stats_json:
        Path(stats_json).write_text(json.dumps(figures.to_json(), indent=2), encoding="utf-8")
    built, total = figures.parts_built, figures.parts_built + figures.parts_kept
    click.echo(f"built {Path(root) / 'site'}/ ({built} of {total} parts built, the rest kept)")


def _group(text: str) -> tuple[int, int]:
    k, _, n = text.partition("/")
    if not (k.isdigit() and n.isdigit() and 1 <= int(k) <= int(n)):
        raise click.BadParameter(f"{text!r}: write K/N, 1 ≤ K ≤ N (2/4: the second of four)")
    return int(k), int(n)


@main.command()
@root_option
@click.option(
    "--edition",
    default=SOURCE.code,
    show_default=True,
    type=click.Choice(CODES),
)
@click.option("--dev-addr", default="127.0.0.1:8000", show_default=True)
@user_errors
def serve(root: str, edition: str, dev_addr: str) -> None:
    """Live preview of one edition; regenerates when content/ or templates/ change."""
    from generator.serve import serve as run

    run(_project(root), edition, dev_addr)


def engine_options(without: str) -> Callable[[F], F]:
    """--engine, --base-url and --model, shared by the commands that draft English; `without`
    says what the command does when no engine is configured."""

    def add(func: F) -> F:
        func = click.option("--model", help="The model (for ctranslate2: the model directory).")(
            func
        )
        func = click.option(
            "--base-url", help="The engine's API address, e.g. http://localhost:11434/v1."
        )(func)
        func = click.option(
            "--english-variant",
            type=click.Choice(["EN-GB", "EN-US"]),
            help="British or American English: DeepL's target language, a model's spelling "
            "[default: translate.english_variant in content/site.yml, else EN-GB].",
        )(func)
        return click.option(
            "--engine",
            help="openai-compatible, libretranslate, deepl or ctranslate2 "
            f"[default: translate.engine in content/site.yml; none: {without}].",
        )(func)

    return add


@main.command()
@root_option
@engine_options(without="merge only")
@click.option("--dry-run", is_flag=True, help="Show what would be sent; send and write nothing.")
@user_errors
def translate(
    root: str,
    engine: str | None,
    base_url: str | None,
    model: str | None,
    english_variant: str | None,
    dry_run: bool,
) -> None:
    """Fill missing (and outdated machine) English in the translation memories.

    Keys come from the environment only: OPENAI_API_KEY, DEEPL_AUTH_KEY, LIBRETRANSLATE_API_KEY.
    Reviewed English is never overwritten. Without an engine, merges the memories with the
    Chinese and reports what is left.
    """
    from generator.tm.translate import Options, translate_site

    translate_site(
        _project(root).content,
        Options(engine, base_url, model, dry_run, english_variant),
        out=click.echo,
        err=lambda message: click.echo(message, err=True),
    )


@main.command("translate-pr")
@root_option
@click.argument("out", type=click.Path(file_okay=False, path_type=Path))
@engine_options(without="draft nothing")
@click.option(
    "--base",
    metavar="REF",
    help="Compare the memories with this git commit, the pull request's base "
    "[default: the memories as they were before this run].",
)
@click.option(
    "--require-key",
    is_flag=True,
    help="Without a key for the engine, draft nothing and exit 0 (CI without the secret).",
)
@user_errors
def translate_pr(
    root: str,
    out: Path,
    engine: str | None,
    base_url: str | None,
    model: str | None,
    english_variant: str | None,
    base: str | None,
    require_key: bool,
) -> None:
    """Draft the English for a pull request: translate, check, then write OUT/body.md (the pull
    request's description) and a copy of every memory that changed.

    The key comes from REPORT_SITE_ENGINE_KEY (the repository secret) or the engine's own
    variable. What the translate workflow runs; `make translate-pr` runs it here.
    """
    from generator.tm.pull_request import draft_pull_request
    from generator.tm.translate import Options

    draft_pull_request(
        _project(root).content,
        out,
        Options(engine, base_url, model, english_variant=english_variant),
        base=base,
        require_key=require_key,
        echo=click.echo,
        err=lambda message: click.echo(message, err=True),
    )


@main.command()
@root_option
@click.option(
    "--strict",
    is_flag=True,
    help="Exit non-zero if there is any error or warning (for CI); notes never fail.",
)
@click.option(
    "--po",
    "po",
    type=click.Path(dir_okay=False, path_type=Path),
    help="Check this PO file (msgid Chinese, msgstr English) instead of content/'s memories.",
)
@click.option(
    "--min-coverage",
    type=click.FloatRange(0, 100),
    metavar="PERCENT",
    help="Exit non-zero if a report, or all together, has less English (reviewed or machine) "
    "than this share of its segments [default: publish, and mark what is missing].",
)
@user_errors
def check(root: str, strict: bool, po: Path | None, min_coverage: float | None) -> None:
    """Check the English: coverage by state, figures, glossary terms, Chinese left in it.

    Reads the translation memories merged with the current Chinese, as the build does, and
    writes nothing. Prints every finding with the segment's file:line, then a summary. With
    --strict, warnings about content/ (a file nothing reads, an unknown key) fail it too.
    """
    from generator.check import check_content, check_po
    from generator.content import load_glossary

    content = _project(root).content
    warnings: list[str] = []
    result = check_po(po, load_glossary(content)) if po else check_content(content, warnings.append)
    for warning in warnings:
        click.echo(warning, err=True)
    click.echo(result.render())
    problems = []
    for error in (
        result.strict_error() if strict else None,
        result.coverage_error(min_coverage) if min_coverage is not None else None,
    ):
        problems += error.problems if error is not None else []
    if strict and warnings:
        count = f"{len(warnings)} warning{'s' if len(warnings) > 1 else ''}"
        hint = "fix what each warning above names, then check again"
        problems.append(Problem(Loc("report-site check --strict"), f"{count} about content/", hint))
    if problems:
        raise ReportSiteError(problems)
