"""The `report-site` command: verbs only. Each verb calls one module lazily (so `--help` is fast)
and turns a ReportSiteError into a message without a traceback and a non-zero exit."""

from __future__ import annotations

import logging
import sys
from collections.abc import Callable
from functools import wraps
from pathlib import Path
from typing import Any, TypeVar

import click

from generator.errors import ReportSiteError

F = TypeVar("F", bound=Callable[..., Any])


def _quiet_jieba() -> None:
    import jieba

    jieba.setLogLevel(logging.WARNING)


def user_errors(func: F) -> F:
    @wraps(func)
    def wrapper(*args: Any, **kwargs: Any) -> Any:
        try:
            _quiet_jieba()
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
    type=click.IntRange(1900, 2200),
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
    type=click.Choice(["zh-Hans", "zh-Hant", "en"]),
    help="Build only this edition (repeatable) [default: all]; the others stay as they are, "
    "unless they were built for another address or theme.",
)
@user_errors
def build(root: str, editions: tuple[str, ...]) -> None:
    """Generate, then build site/ with MkDocs (every edition, in parallel)."""
    from generator.build import build as run

    run(_project(root), list(editions) or None)
    click.echo(f"built {Path(root) / 'site'}/")


@main.command()
@root_option
@click.option(
    "--edition",
    default="zh-Hans",
    show_default=True,
    type=click.Choice(["zh-Hans", "zh-Hant", "en"]),
)
@click.option("--dev-addr", default="127.0.0.1:8000", show_default=True)
@user_errors
def serve(root: str, edition: str, dev_addr: str) -> None:
    """Live preview of one edition; regenerates when content/ or templates/ change."""
    from generator.serve import serve as run

    run(_project(root), edition, dev_addr)


@main.command()
@root_option
@click.option(
    "--engine",
    help="openai-compatible, libretranslate, deepl or ctranslate2 "
    "[default: translate.engine in content/site.yml; none: merge only].",
)
@click.option("--base-url", help="The engine's API address, e.g. http://localhost:11434/v1.")
@click.option("--model", help="The model (for ctranslate2: the model directory).")
@click.option("--dry-run", is_flag=True, help="Show what would be sent; send and write nothing.")
@user_errors
def translate(
    root: str, engine: str | None, base_url: str | None, model: str | None, dry_run: bool
) -> None:
    """Fill missing (and outdated machine) English in the translation memories.

    Keys come from the environment only: OPENAI_API_KEY, DEEPL_AUTH_KEY, LIBRETRANSLATE_API_KEY.
    Reviewed English is never overwritten. Without an engine, merges the memories with the
    Chinese and reports what is left.
    """
    from generator.tm.translate import Options, translate_site

    translate_site(
        _project(root).content,
        Options(engine, base_url, model, dry_run),
        out=click.echo,
        err=lambda message: click.echo(message, err=True),
    )


@main.command()
@root_option
@click.option("--strict", is_flag=True, help="Exit non-zero if there is any finding (for CI).")
@click.option(
    "--po",
    "po",
    type=click.Path(dir_okay=False, path_type=Path),
    help="Check this PO file (msgid Chinese, msgstr English) instead of content/'s memories.",
)
@user_errors
def check(root: str, strict: bool, po: Path | None) -> None:
    """Check the English: coverage by state, figures, glossary terms, Chinese left in it.

    Reads the translation memories merged with the current Chinese, as the build does, and
    writes nothing. Prints every finding with the segment's file:line, then a summary.
    """
    from generator.check import check_content, check_po
    from generator.glossary import load_glossary

    content = _project(root).content
    result = check_po(po, load_glossary(content)) if po else check_content(content)
    click.echo(result.render())
    error = result.strict_error() if strict else None
    if error is not None:
        raise error
