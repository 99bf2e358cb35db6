"""`report-site build`: site_src/ and site/ change only when every edition built.

The generated tree is first written to a staging folder (`.build-site_src/`), MkDocs builds each
edition from there in its own process (in parallel: the editions share nothing) into
`.build-site/`, each followed by its search index (generator/search); only then are
site_src/ (changed files only) and site/ (one rename) replaced. A failure at any step leaves
both as they were.

Builds are reproducible: SOURCE_DATE_EPOCH (the commit's time, or 0 outside git) fixes every
date MkDocs writes, and nothing depends on the folder the project is in.
"""

from __future__ import annotations

import os
import shutil
import subprocess
import sys
from collections.abc import Callable
from pathlib import Path

from generator.edition_list import EDITIONS
from generator.errors import Loc, Problem, ReportSiteError, to_stderr, warning_messages
from generator.incremental import forget, record, shared_fingerprint
from generator.site import ROOT_FILES, Project, render_site
from generator.writer import write_tree


def source_date_epoch(root: Path) -> str:
    if "SOURCE_DATE_EPOCH" in os.environ:
        return os.environ["SOURCE_DATE_EPOCH"]
    try:
        result = subprocess.run(
            ["git", "log", "-1", "--format=%ct"],
            cwd=root,
            text=True,
            capture_output=True,
            check=True,
        )
        return result.stdout.strip() or "0"
    except (OSError, subprocess.CalledProcessError):
        return "0"


def _mkdocs(site_src: Path, code: str, out: Path, env: dict[str, str]) -> subprocess.Popen[str]:
    # Not --quiet: it silences warnings before --strict can count them. The output is shown
    # only when the build fails.
    command = [
        sys.executable,
        "-m",
        "mkdocs",
        "build",
        "--strict",
        "-f",
        "mkdocs.yml",
        "-d",
        str(out.resolve()),
    ]
    return subprocess.Popen(
        command,
        cwd=site_src / code,
        env=env,
        stdout=subprocess.PIPE,
        stderr=subprocess.STDOUT,
        text=True,
    )


# What each edition in site/ was last built with (see site_stamp).
STAMP_DIR = ".cache/site"


def site_stamp(project: Project, site_url: str) -> str:
    """What every edition's pages share besides the reports: the site's address, the theme
    (mkdocs.yml, overrides/), the templates and the generator."""
    shared = [project.root / "mkdocs.yml", project.root / "overrides", project.templates]
    return f"{site_url}\n{shared_fingerprint(project.root, shared)}\n"


def _stamp_of(project: Project, code: str) -> str | None:
    if not (project.site / code).is_dir():
        return None
    try:
        return (project.root / STAMP_DIR / f"{code}.txt").read_text(encoding="utf-8")
    except OSError:
        return None


def build(
    project: Project, editions: list[str] | None = None, warn: Callable[[str], None] = to_stderr
) -> None:
    """Build `editions` (default: all) into site/; warnings about content/ go to `warn`."""
    staged_src = project.staging_src
    staged_site = project.staging_site
    # Content errors stop here, before anything is written.
    rendered = render_site(project, reuse_from=(project.site_src,), mirror=staged_src)
    for message in warning_messages(rendered.warnings):
        warn(message)
    forget(project.root, staged_src, rendered.rendered)
    write_tree(staged_src, rendered.files, keep=rendered.kept)
    record(project.root, staged_src, rendered.rendered)
    shutil.rmtree(staged_site, ignore_errors=True)
    staged_site.mkdir(parents=True)

    env = dict(os.environ, SOURCE_DATE_EPOCH=source_date_epoch(project.root), PYTHONHASHSEED="0")
    stamp = site_stamp(project, rendered.config.site_url)
    # Building some editions keeps the others, unless they were built for another address or
    # with other templates: then they are built too, so one site never mixes two.
    codes = [
        code
        for code in EDITIONS
        if not editions or code in editions or _stamp_of(project, code) != stamp
    ]
    running = [(code, _mkdocs(staged_src, code, staged_site / code, env)) for code in codes]
    failures = []
    for code, process in running:
        output, _ = process.communicate()
        if process.returncode:
            failures.append(
                Problem(
                    Loc(f"site_src/{code}/mkdocs.yml"),
                    f"MkDocs failed to build the {code} edition:\n{output.strip()}",
                    "fix what MkDocs names above, then build again",
                )
            )
    if failures:
        shutil.rmtree(staged_site, ignore_errors=True)
        raise ReportSiteError(failures)

    for name in ROOT_FILES:
        shutil.copyfile(staged_src / name, staged_site / name)
    # Building some editions replaces those; the others stay as the last build left them.
    for code in EDITIONS:
        if code not in codes and (project.site / code).is_dir():
            shutil.copytree(project.site / code, staged_site / code)
    forget(project.root, project.site_src, rendered.rendered)
    write_tree(project.site_src, rendered.files, keep=rendered.kept)
    record(project.root, project.site_src, rendered.rendered)
    for code in codes:
        stamp_path = project.root / STAMP_DIR / f"{code}.txt"
        stamp_path.parent.mkdir(parents=True, exist_ok=True)
        stamp_path.write_text(stamp, encoding="utf-8")
    previous = project.root / ".build-site.old"
    shutil.rmtree(previous, ignore_errors=True)
    if project.site.exists():
        project.site.rename(previous)
    staged_site.rename(project.site)
    shutil.rmtree(previous, ignore_errors=True)
