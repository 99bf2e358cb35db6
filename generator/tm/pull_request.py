"""`report-site translate-pr OUT`: what the translate workflow does, runnable on any machine.

1. The engine is content/site.yml's `translate:` section (or --engine/--base-url/--model). Its key
   comes from REPORT_SITE_ENGINE_KEY (the repository secret; the engine gets it as its own
   variable, OPENAI_API_KEY, DEEPL_AUTH_KEY…) or from the engine's own variable. Without an
   engine, or (with --require-key, as CI runs it) without a key, the run says so and drafts
   nothing: OUT gets no body.md, so the workflow opens no pull request and still succeeds.
2. `translate` merges every memory with the Chinese and drafts what an engine may fill; an
   engine's error stops the run (the caller exits non-zero with the engine's answer, no key).
3. `check` reads the result and prints it, as `report-site check` would (in CI: the job's log,
   which keeps every finding when the body has no room for them all).
4. Each memory is compared with its base (the file at `--base REF`, the pull request's base
   commit; by default the file as it was before this run), and OUT receives `body.md`, the pull
   request's description, and a copy of every memory that differs from its base, at its path in
   the repository. The memories themselves are updated in place: they are the branch's changes.
"""

from __future__ import annotations

import os
import shutil
import subprocess
import sys
from collections.abc import Mapping
from dataclasses import dataclass
from pathlib import Path

from generator.check import check_content
from generator.content import load_site, read_site_config
from generator.errors import Loc, Problem, ReportSiteError, display_path
from generator.model import Report
from generator.tm import changes, pr_body
from generator.tm.engines import (
    EngineConfig,
    EngineError,
    Retry,
    deepl,
    libretranslate,
    openai_compatible,
)
from generator.tm.engines.settings import resolve
from generator.tm.memory import catalog_path
from generator.tm.translate import Echo, Options, translate_site

KEY_VARIABLE = "REPORT_SITE_ENGINE_KEY"
ENGINE_KEYS = {
    openai_compatible.NAME: openai_compatible.KEY_ENV,
    deepl.NAME: deepl.KEY_ENV,
    libretranslate.NAME: libretranslate.KEY_ENV,
}  # ctranslate2 runs a local model: no key
BODY = "body.md"
Commit = tuple[str, Path]  # a commit's full name, and the top of its working tree
MARKER = ".report-site-translate-pr"  # marks OUT as this command's, so a next run may replace it


@dataclass(frozen=True)
class PullRequest:
    """What a run produced: the body (None when it drafted nothing, and why) and the memories
    that differ from their base."""

    body: Path | None
    files: tuple[str, ...] = ()
    review: pr_body.Review | None = None
    skipped: str = ""


def _print_err(message: str) -> None:
    print(message, file=sys.stderr)


def engine_label(config: EngineConfig) -> str:
    return config.name + (f" (model {config.model})" if config.model else "")


def engine_env(config: EngineConfig, env: Mapping[str, str]) -> dict[str, str]:
    """The environment the engine reads, with REPORT_SITE_ENGINE_KEY given as its own variable."""
    given = dict(env)
    variable = ENGINE_KEYS.get(config.name)
    if variable and env.get(KEY_VARIABLE):
        given[variable] = env[KEY_VARIABLE]
    return given


def prepare_out(out: Path, content: Path) -> None:
    """An empty OUT: new, empty, or one this command wrote before (replaced whole)."""
    shown = display_path(out)
    where, inside = out.resolve(), content.resolve()
    if where == inside or inside in where.parents or where in inside.parents:
        raise ReportSiteError(
            [Problem(Loc(shown), "is not a folder of its own", "name a folder outside content/")]
        )
    if out.exists():
        if not out.is_dir():
            raise ReportSiteError([Problem(Loc(shown), "is a file", "name a folder")])
        if any(out.iterdir()) and not (out / MARKER).exists():
            raise ReportSiteError(
                [
                    Problem(
                        Loc(shown),
                        "holds files translate-pr did not write",
                        "name a new or empty folder (translate-pr replaces it on every run)",
                    )
                ]
            )
        shutil.rmtree(out)
    out.mkdir(parents=True)
    (out / MARKER).write_text("written by report-site translate-pr; its next run replaces it\n")


def draft_pull_request(
    content: Path,
    out: Path,
    options: Options,
    *,
    base: str | None = None,
    require_key: bool = False,
    env: Mapping[str, str] | None = None,
    retry: Retry | None = None,
    echo: Echo = print,
    err: Echo = _print_err,
    progress: bool | None = None,
) -> PullRequest:
    prepare_out(out, content)  # first: a stale body.md must never be taken for this run's
    config = resolve(
        read_site_config(content).translate, options.engine, options.base_url, options.model
    )
    env = os.environ if env is None else env
    skipped = _nothing_to_run(config, env, require_key)
    if skipped is not None:
        echo(skipped.render())
        return PullRequest(None, skipped=skipped.message)
    assert config is not None
    commit = _commit(base, content) if base else None
    memories = [_Memory.before_run(report, commit) for report in load_site(content).reports]
    try:
        translate_site(
            content,
            options,
            env=engine_env(config, env),
            retry=retry,
            out=echo,
            err=err,
            progress=progress,
        )
    except EngineError as error:
        raise _with_key_source(error, config, env) from None
    result = check_content(content)
    echo(result.render())  # every finding, where the body has no room for them all
    findings = {report.name: report.findings for report in result.reports}
    reviews = tuple(
        pr_body.ReportReview(
            changes.compare(m.report, m.path, m.base), findings.get(m.report.path, ())
        )
        for m in memories
    )
    review = pr_body.Review(engine_label(config), commit[0][:12] if commit else None, reviews)
    files = _write(out, review, [m.path for m in memories])
    echo(
        f"{display_path(out / BODY)}: the pull request's description "
        f"({sum(len(r.changes.drafted) for r in reviews)} drafted, "
        f"{sum(len(r.changes.outdated) for r in reviews)} outdated, "
        f"{len(result.findings)} findings); {len(files)} of {len(memories)} memories differ "
        f"from {'the base' if commit else 'what they were before this run'}"
    )
    return PullRequest(out / BODY, files, review)


@dataclass(frozen=True)
class _Memory:
    report: Report
    path: Path
    base: str | None  # the file's text at the base; None where it did not exist

    @classmethod
    def before_run(cls, report: Report, commit: Commit | None) -> _Memory:
        """The report's memory, with its base: the file at the commit, or as it is now."""
        path = catalog_path(Path(report.folder))
        return cls(report, path, _file_at(commit, path) if commit else _read(path))


def _nothing_to_run(
    config: EngineConfig | None, env: Mapping[str, str], require_key: bool
) -> Problem | None:
    """Why the run drafts nothing and opens no pull request, if it must not: no engine, or no
    key where one is required (CI without the secret). Both are a clean stop, not an error."""
    where = Loc("translate-pr")
    if config is None:
        return Problem(
            where,
            "no engine configured, so nothing is drafted and no pull request opened",
            "add a `translate:` section to content/site.yml (engine, base_url, model)",
        )
    variable = ENGINE_KEYS.get(config.name)
    if require_key and variable and not engine_env(config, env).get(variable):
        return Problem(
            where,
            f"no key for {config.name}, so nothing is drafted and no pull request opened",
            f"set the repository secret {KEY_VARIABLE} (Settings → Secrets and variables → "
            f"Actions), or {variable} where you run this",
        )
    return None


def _write(out: Path, review: pr_body.Review, paths: list[Path]) -> tuple[str, ...]:
    """body.md, and a copy of each memory that differs from its base at its repository path;
    the memories copied, as messages name them."""
    (out / BODY).write_text(pr_body.render_body(review), encoding="utf-8")
    copied = []
    for path, report in zip(paths, review.reports, strict=True):
        if report.changes.changed and path.exists():
            copy = out / report.changes.catalog
            copy.parent.mkdir(parents=True, exist_ok=True)
            shutil.copy2(path, copy)
            copied.append(report.changes.catalog)
    return tuple(copied)


def _with_key_source(
    error: EngineError, config: EngineConfig, env: Mapping[str, str]
) -> ReportSiteError:
    """An engine's refusal names its own variable; in CI that was set from the secret."""
    variable = ENGINE_KEYS.get(config.name)
    said = " ".join(problem.message for problem in error.problems)
    if not (variable and env.get(KEY_VARIABLE) and variable in said):
        return error
    note = Problem(
        Loc(KEY_VARIABLE),
        f"{variable} was set from {KEY_VARIABLE}",
        f"set the repository secret {KEY_VARIABLE} to a valid key for {config.name}",
    )
    return ReportSiteError([*error.problems, note])


def _read(path: Path) -> str | None:
    return path.read_text(encoding="utf-8") if path.exists() else None


def _git(args: list[str], where: Path) -> subprocess.CompletedProcess[bytes]:
    try:
        return subprocess.run(["git", "-C", str(where), *args], capture_output=True, check=False)
    except OSError:
        raise ReportSiteError("--base needs git, which is not installed here") from None


def _commit(ref: str, content: Path) -> Commit:
    top = _git(["rev-parse", "--show-toplevel"], content)
    if top.returncode:
        raise ReportSiteError(
            [Problem(Loc(display_path(content)), "is not in a git repository", "omit --base")]
        )
    found = _git(["rev-parse", "--verify", "--quiet", f"{ref}^{{commit}}"], content)
    if found.returncode:
        raise ReportSiteError(
            [Problem(Loc("--base"), f"{ref!r} is not a commit of this repository")]
        )
    return found.stdout.decode().strip(), Path(top.stdout.decode().strip())


def _file_at(commit: Commit, path: Path) -> str | None:
    """The file's text at the commit; None if the commit does not have it (a new report)."""
    name, top = commit
    relative = path.resolve().relative_to(top.resolve()).as_posix()
    shown = _git(["show", f"{name}:{relative}"], top)
    return shown.stdout.decode("utf-8", "replace") if shown.returncode == 0 else None
