"""A build worker: one process that builds many parts, one after another, with MkDocs in
process (`python -m generator.parts.worker`; generator/parts/pool.py runs one per core).

It reads one job per line on stdin (JSON) and answers one line on stdout:

    {"kind": "part", "project": DIR, "out": DIR, "under": SLUG or "", "templates": DIR,
     "config": the data DIR/mkdocs.yml was written from}
        build DIR/mkdocs.yml into OUT/site (strict), keep MkDocs' sitemap as OUT/sitemap.xml
        and the pages search reads as OUT/pages.marshal; the theme's compiled templates are kept
        in TEMPLATES
    {"kind": "index", "edition": CODE, "parts": [[NAME, FINGERPRINT, FILE], …],
     "previous": DIR or "", "out": DIR}
        write the edition's search index from the parts' pages.marshal into OUT/site/search,
        updating the one kept in DIR (generator/search/incremental.py), and keep it
    → {"ok": true, "peak_mb": N} or {"ok": false, "error": TEXT, "peak_mb": N}

MkDocs builds every project as if it were the only one: it compiles the theme's templates anew
each time, which costs more than a small report's pages. In a worker, the theme's environment
(its templates loaded) is kept from one project to the next (MkDocs' `env` event may return
another environment), and compiled templates are kept between builds in Jinja's own bytecode
cache (.cache/templates/, checked against each template's source). What else a worker changes
in MkDocs for builds that follow one another is in generator/parts/in_process.py.
"""

from __future__ import annotations

import json
import logging
import os
import re
import shutil
import sys
from pathlib import Path
from typing import Any, TextIO

import jinja2
import mkdocs
from mkdocs.commands.build import build
from mkdocs.config.defaults import MkDocsConfig
from mkdocs.plugins import BasePlugin
from mkdocs.structure.files import Files

from generator.parts.in_process import prepare_mkdocs
from generator.parts.part_config import part_config
from generator.parts.store import HOME, PAGES, SITEMAP, STATE
from generator.search import incremental
from generator.search.index import SEARCH_DIR, Index, PageGroup, read_pages
from generator.search.text import fold_map

# Compiled templates, by the folder they are kept in (between builds: a build that changed
# one report compiles none).
_TEMPLATES: dict[str, jinja2.BytecodeCache] = {}


def _templates(folder: str) -> jinja2.BytecodeCache:
    """The cache in `folder`, for MkDocs' environment as this MkDocs makes it (Jinja checks a
    compiled template against its source, not against the environment's options)."""
    if folder not in _TEMPLATES:
        own = os.path.join(folder, f"mkdocs-{mkdocs.__version__}-jinja-{jinja2.__version__}")
        os.makedirs(own, exist_ok=True)
        _TEMPLATES[folder] = jinja2.FileSystemBytecodeCache(own)
    return _TEMPLATES[folder]


# The theme's environments, by its folders and locale, kept from one project to the next.
_ENVIRONMENTS: dict[tuple[tuple[str, ...], str], jinja2.Environment] = {}


class _Part(BasePlugin):  # type: ignore[type-arg, no-untyped-call]
    """A report's part has no 404 page (the home part has the edition's); every part's
    templates are compiled once, and loaded once per worker."""

    def __init__(self, templates: jinja2.BytecodeCache) -> None:
        super().__init__()
        self.templates = templates

    def on_config(self, config: MkDocsConfig) -> MkDocsConfig:
        if config.extra.get("part", HOME) != HOME:
            config.theme.static_templates.discard("404.html")
        return config

    def on_env(
        self, env: jinja2.Environment, /, *, config: MkDocsConfig, files: Files
    ) -> jinja2.Environment:
        # MkDocs makes the environment from the theme's folders (each part names them from its
        # own) and its locale alone, and no plugin of these projects adds to it: one made for
        # the same ones before, its templates loaded already, is the same environment.
        if len(config.plugins.events["env"]) > 1:  # another plugin's changes: MkDocs' way
            return env
        key = (tuple(os.path.realpath(d) for d in config.theme.dirs), str(config.theme.locale))
        if key not in _ENVIRONMENTS:
            env.bytecode_cache = self.templates
            _ENVIRONMENTS[key] = env
        return _ENVIRONMENTS[key]


class _Capture(logging.Handler):
    """MkDocs' warnings and errors, to show when a part fails."""

    def __init__(self) -> None:
        super().__init__(logging.WARNING)
        self.lines: list[str] = []

    def emit(self, record: logging.LogRecord) -> None:
        self.lines.append(f"{record.levelname}: {record.getMessage()}")


def build_part(
    project: Path, out: Path, under: str, templates: Path, keys: dict[str, Any] | None = None
) -> None:
    """Build the part in `project` (its mkdocs.yml written from `keys`, if given) into `out`.
    `under` is the report folder the part contributes (all of its output, for the home
    part); the compiled templates are kept in `templates`."""
    shutil.rmtree(out, ignore_errors=True)
    site = out / "site"
    config = part_config(project, keys, site_dir=str(site), strict=True)
    config.plugins["report-site-part"] = _Part(_templates(str(templates)))
    build(config)
    (site / SITEMAP).replace(out / SITEMAP)
    (site / f"{SITEMAP}.gz").unlink()
    if under:
        # The placeholder home page and what MkDocs puts at the root belong to the home part.
        for entry in site.iterdir():
            if entry.name != under:
                shutil.rmtree(entry) if entry.is_dir() else entry.unlink()
    group = PageGroup.of(read_pages(site, under))
    (out / PAGES).write_bytes(group.to_bytes())


def _group(path: Path) -> PageGroup:
    return PageGroup.from_bytes(path.read_bytes())


def build_index(
    edition: str, parts: list[tuple[str, str, Path]], previous: Path | None, out: Path
) -> None:
    """The edition's search index, from the pages each part (name, fingerprint, its pages'
    file) read from its own output: the index kept in `previous` (the last one built)
    updated where parts changed, when it can be; else made anew."""
    kept = incremental.load(previous / STATE) if previous else None
    index = None
    if kept is not None:
        built = {run.name: run.fingerprint for run in kept.runs}
        changed = {name: _group(path) for name, print_, path in parts if built.get(name) != print_}
        index = incremental.updated(kept, [(name, print_) for name, print_, _ in parts], changed)
    if index is None:
        index = Index.build([(name, print_, _group(path)) for name, print_, path in parts])
    shutil.rmtree(out, ignore_errors=True)
    linked = previous / "site" / SEARCH_DIR if previous else None
    index.write(out / "site" / SEARCH_DIR, edition, linked)
    incremental.save(index, out / STATE)


def _json(data: Any) -> str:
    return json.dumps(data, ensure_ascii=False, separators=(",", ":"))


def peak_mb() -> float:
    """This process's peak memory (VmHWM: ru_maxrss would count the parent's, kept over
    exec)."""
    try:
        status = Path("/proc/self/status").read_text(encoding="utf-8")
    except OSError:
        return 0.0
    found = re.search(r"VmHWM:\s*(\d+)", status)
    return int(found.group(1)) / 1024 if found else 0.0


def run_job(job: dict[str, Any], capture: _Capture) -> dict[str, Any]:
    capture.lines.clear()
    try:
        if job["kind"] == "part":
            build_part(
                Path(job["project"]),
                Path(job["out"]),
                job["under"],
                Path(job["templates"]),
                job.get("config"),
            )
        else:
            parts = [(name, print_, Path(path)) for name, print_, path in job["parts"]]
            previous = Path(job["previous"]) if job["previous"] else None
            build_index(job["edition"], parts, previous, Path(job["out"]))
    except Exception as error:  # every failure is the build's message, never a dead worker
        lines = [*capture.lines, f"{type(error).__name__}: {error}"]
        return {"ok": False, "error": "\n".join(lines), "peak_mb": peak_mb()}
    return {"ok": True, "peak_mb": peak_mb()}


def serve(jobs: TextIO, answers: TextIO) -> None:
    prepare_mkdocs()
    capture = _Capture()
    logger = logging.getLogger("mkdocs")
    logger.setLevel(logging.WARNING)
    logger.addHandler(capture)
    logger.propagate = False
    for line in jobs:
        answers.write(_json(run_job(json.loads(line), capture)) + "\n")
        answers.flush()


def main() -> None:
    # The answers go to the real stdout; anything a library prints goes to stderr.
    answers = os.fdopen(os.dup(sys.stdout.fileno()), "w", encoding="utf-8")
    sys.stdout = sys.stderr
    # Search's character fold (OpenCC over every Han character) is made before the first job
    # asks for it: a worker starts while the build generates, and has the time then.
    fold_map()
    serve(sys.stdin, answers)


if __name__ == "__main__":
    main()
