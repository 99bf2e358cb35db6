"""`report-site build`: site_src/ and site/ change only when every part built.

The generated tree is first written to a staging folder (`.build-site_src/`). Each edition is
then built in parts (generator/parts): its home page, each report's pages, its search index.
A part whose fingerprint is in the store (`.cache/parts/`) is not built again; the others are
built by worker processes, one per core. The editions are assembled from the parts in
`.build-site/`; only then are site_src/ (changed files only) and site/ (one rename) replaced.
A failure at any step leaves both as they were; nothing changed, nothing is written.

Builds are reproducible: SOURCE_DATE_EPOCH (the commit's time, or 0 outside git) fixes every
date MkDocs writes, and nothing depends on the folder the project is in, on the parts found in
the store or on the order they were built in.
"""

from __future__ import annotations

import os
import shutil
import subprocess
from collections.abc import Callable
from pathlib import Path

from generator.build_stats import Stats
from generator.edition_list import EDITIONS
from generator.errors import Loc, Problem, ReportSiteError, to_stderr, warning_messages
from generator.incremental import forget, record, shared_fingerprint
from generator.parts.plan import PARTS_DIR, Part, plan, search_fingerprint, write_project
from generator.parts.pool import Job, Outcome, Pool, default_size
from generator.parts.publish import EditionParts, Publisher
from generator.parts.store import FINGERPRINT, HOME, PAGES, SEARCH, TEMPLATES_DIR, Store
from generator.site import ROOT_FILES, Project, Rendered, render_site
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


# What each edition in site/ was last built with (see site_stamp).
STAMP_DIR = ".cache/site"


def site_stamp(project: Project, site_url: str) -> str:
    """What every edition's pages share besides the reports: the site's address, the theme
    (mkdocs.yml, overrides/), the templates and the generator."""
    shared = [project.root / "mkdocs.yml", project.root / "overrides", project.templates]
    return f"{site_url}\n{shared_fingerprint(project.root, shared)}\n"


def _stamp_of(project: Project, name: str) -> str | None:
    try:
        return (project.root / STAMP_DIR / name).read_text(encoding="utf-8")
    except OSError:
        return None


def _write_stamp(project: Project, name: str, text: str) -> None:
    path = project.root / STAMP_DIR / name
    path.parent.mkdir(parents=True, exist_ok=True)
    path.write_text(text, encoding="utf-8")


def _staged(project: Project, warn: Callable[[str], None], processes: int) -> Rendered:
    """site_src/ rendered and written to the staging folder (content errors stop here)."""
    staged_src = project.staging_src
    rendered = render_site(
        project, reuse_from=(project.site_src,), mirror=staged_src, processes=processes
    )
    for message in warning_messages(rendered.warnings):
        warn(message)
    forget(project.root, staged_src, rendered.rendered)
    write_tree(staged_src, rendered.files, keep=rendered.kept)
    record(project.root, staged_src, rendered.rendered)
    return rendered


def _publish_src(project: Project, rendered: Rendered) -> None:
    forget(project.root, project.site_src, rendered.rendered)
    write_tree(project.site_src, rendered.files, keep=rendered.kept)
    record(project.root, project.site_src, rendered.rendered)


class _Builder:
    """Runs the parts that are not in the store on the workers and keeps what they built."""

    def __init__(self, project: Project, store: Store, pool: Pool) -> None:
        self.project = project
        self.store = store
        self.pool = pool
        self.fingerprints: dict[str, str] = {}
        shutil.rmtree(project.root / PARTS_DIR, ignore_errors=True)

    def part(self, part: Part) -> Job:
        folder = write_project(self.project, part)
        what = "its home page" if part.home else part.name
        key = f"{part.edition}/{part.name}"
        self.fingerprints[key] = part.fingerprint
        return Job(
            key,
            f"the {part.edition} edition ({what})",
            {
                "kind": "part",
                "edition": part.edition,
                "project": str(folder.resolve()),
                "out": str(self.store.staging(part.edition, part.name)),
                "under": "" if part.home else part.name,
                "templates": str(self.project.root.resolve() / TEMPLATES_DIR),
                "config": part.config,
            },
        )

    def index(self, edition: EditionParts) -> Job:
        """The edition's search index, once its parts are built and no part waits (an edit's
        few parts then build side by side before the indexes; a cold build ends with an index
        alone either way)."""
        code = edition.code
        names = [HOME, *edition.reports]
        key = f"{code}/{SEARCH}"
        self.fingerprints[key] = edition.fingerprints[SEARCH]
        kept = self.store.entry(code, SEARCH)
        parts = [
            (name, edition.fingerprints[name], str(self.store.entry(code, name) / PAGES))
            for name in names
        ]
        return Job(
            key,
            f"the {code} edition's search index",
            {
                "kind": "index",
                "edition": code,
                "parts": parts,
                "previous": str(kept) if (kept / FINGERPRINT).is_file() else "",
                "out": str(self.store.staging(code, SEARCH)),
            },
            after=frozenset(f"{code}/{name}" for name in names),
        )

    def keep(self, job: Job) -> None:
        code, name = job.key.split("/")
        self.store.commit(code, name, self.fingerprints[job.key])

    def run(self, jobs: list[Job]) -> list[Outcome]:
        """Run `jobs`; the build fails (naming every part that failed) if one failed."""
        if not jobs:
            return []
        outcomes = self.pool.run(jobs, self.keep)
        failures = [_failure(o) for o in outcomes if o.error]
        if failures:
            raise ReportSiteError(failures)
        return outcomes


def _env(epoch: str) -> dict[str, str]:
    return dict(os.environ, SOURCE_DATE_EPOCH=epoch, PYTHONHASHSEED="0", NO_MKDOCS_2_WARNING="1")


def _failure(outcome: Outcome) -> Problem:
    edition = outcome.job.request["edition"]
    return Problem(
        Loc(f"site_src/{edition}/mkdocs.yml"),
        f"MkDocs failed to build {outcome.job.label}:\n{outcome.error.strip()}",
        "fix what MkDocs names above, then build again",
    )


def _edition_parts(code: str, parts: list[Part]) -> EditionParts:
    own = [p for p in parts if p.edition == code]
    fingerprints = {p.name: p.fingerprint for p in own}
    fingerprints[SEARCH] = search_fingerprint(own)
    return EditionParts(code, tuple(p.name for p in own if not p.home), fingerprints)


def _bytes(content: str | bytes) -> bytes:
    return content.encode("utf-8") if isinstance(content, str) else content


def build(
    project: Project,
    editions: list[str] | None = None,
    warn: Callable[[str], None] = to_stderr,
    jobs: int | None = None,
    stats: Stats | None = None,
) -> None:
    """Build `editions` (default: all) into site/; warnings about content/ go to `warn`.
    `jobs` processes build (default: one per core); `stats` gets what each stage cost."""
    stats = stats or Stats()
    epoch = source_date_epoch(project.root)
    # The workers start first: their imports (MkDocs, the theme) take what generate leaves of
    # the machine (all but one core, when one report changed). Unused, they are stopped.
    with Pool(project.root, _env(epoch), jobs) as pool:
        pool.start()
        _build(project, pool, epoch, editions, warn, jobs, stats)


def _build(
    project: Project,
    pool: Pool,
    epoch: str,
    editions: list[str] | None,
    warn: Callable[[str], None],
    jobs: int | None,
    stats: Stats,
) -> None:
    with stats.stage("generate", forked=True):
        rendered = _staged(project, warn, jobs or default_size())
    store = Store(project.root)
    stamp = site_stamp(project, rendered.config.site_url)
    with stats.stage("plan"):
        parts = plan(project, rendered, epoch)
        # Building some editions keeps the others, unless they were built for another address
        # or with other templates: then they are built too, so one site never mixes two.
        kept = [
            code
            for code in EDITIONS
            if editions
            and code not in editions
            and (project.site / code).is_dir()
            and _stamp_of(project, f"{code}.txt") == stamp
        ]
        built = [_edition_parts(code, parts) for code in EDITIONS if code not in kept]
        todo = [
            p
            for p in parts
            if p.edition not in kept and not store.holds(p.edition, p.name, p.fingerprint)
        ]
        indexes = [e for e in built if not store.holds(e.code, SEARCH, e.fingerprints[SEARCH])]
        root_files = {name: _bytes(rendered.files[name]) for name in ROOT_FILES}
        publisher = Publisher(project.site, project.root, store, epoch)
    stats.parts_built, stats.parts_kept = len(todo), len(parts) - len(todo)
    if not todo and not indexes and publisher.holds(built, root_files):
        _publish_src(project, rendered)
        return

    builder = _Builder(project, store, pool)
    with stats.stage("build"):
        # An edition's parts, the largest first (the last to end is then a small one).
        ordered = sorted(todo, key=lambda p: (list(EDITIONS).index(p.edition), -p.pages))
        outcomes = builder.run(
            [builder.part(p) for p in ordered] + [builder.index(e) for e in indexes]
        )
    stats.workers("mkdocs", [o for o in outcomes if o.job.request["kind"] == "part"])
    stats.workers("search", [o for o in outcomes if o.job.request["kind"] == "index"])

    with stats.stage("publish"):
        _publish_src(project, rendered)
        publisher.publish(built, kept, root_files)
        for edition in built:
            _write_stamp(project, f"{edition.code}.txt", stamp)
        names = [HOME, SEARCH, *(p.name for p in parts)]
        store.prune({(code, name) for code in EDITIONS for name in names})
        # The parts' projects are kept only when a build fails (to run MkDocs on one by hand).
        shutil.rmtree(project.root / PARTS_DIR, ignore_errors=True)


def build_group(
    project: Project,
    group: int,
    groups: int,
    warn: Callable[[str], None] = to_stderr,
    jobs: int | None = None,
) -> int:
    """Build the parts of the reports in group `group` (1…`groups`) of every edition into the
    store, and nothing else: what one job of a CI matrix does (the last job's `build` finds
    them there). Returns the number of parts built."""
    rendered = _staged(project, warn, jobs or default_size())
    epoch = source_date_epoch(project.root)
    store = Store(project.root)
    parts = plan(project, rendered, epoch)
    slugs = sorted({p.name for p in parts if not p.home})
    mine = set(slugs[group - 1 :: groups])
    todo = [
        p for p in parts if p.name in mine and not store.holds(p.edition, p.name, p.fingerprint)
    ]
    with Pool(project.root, _env(epoch), jobs) as pool:
        builder = _Builder(project, store, pool)
        builder.run([builder.part(p) for p in todo])
    return len(todo)
