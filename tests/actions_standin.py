"""A local stand-in for GitHub running one workflow job, so the workflow's own steps are tested.

`GitHub` is the repository's side: a bare `origin` and the pull requests opened on it. `run_job`
runs a job of a workflow file the way a runner does: each `run:` step's script, exactly as the
file has it, under `bash -e` in a fresh clone, with the step's `env:` and `if:` evaluated, outputs
passed through GITHUB_OUTPUT; a job of a matrix runs once per combination given. The actions
the workflows use are stood in for:

- actions/checkout: a clone of origin's main, of its last commit only unless the step asks for
  fetch-depth 0 (the whole history), as the action does;
- actions/setup-python: the workspace's `.venv` as `make`'s install leaves it, pointing at this
  test run's `report-site` (so `make translate-pr` runs the code under test, and installs nothing);
- peter-evans/create-pull-request: its algorithm for a fixed branch (commit the `add-paths`
  changes on top of the workspace's HEAD, reset the branch to that if it differs, push; open the
  pull request, or update the open one; delete the branch when nothing differs from main);
- actions/configure-pages: its `base_url` output, the address given to the run;
- actions/upload-artifact, actions/download-artifact (by `pattern`, `merge-multiple`) and
  actions/upload-pages-artifact: folders of the run's artifacts, shared by its jobs.

Only the expression forms the workflows use are understood; anything else fails the test, so
the stand-in cannot quietly run a different workflow from the one written.
"""

from __future__ import annotations

import os
import re
import shutil
import subprocess
import sys
import tempfile
from collections.abc import Iterator
from contextlib import contextmanager
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

import yaml

BOT = ["-c", "user.name=Test Bot", "-c", "user.email=bot@example.org"]
_EXPRESSION = re.compile(r"\$\{\{\s*(.*?)\s*\}\}")
_CONDITION = re.compile(r"^(\S+)\s*(==|!=)\s*'([^']*)'$")


def _text(value: object) -> str:
    """A YAML value as a workflow input is given it: `true`, not Python's `True`."""
    return str(value).lower() if isinstance(value, bool) else str(value)


def git(*args: str, cwd: Path) -> str:
    done = subprocess.run(
        ["git", *BOT, *args], cwd=cwd, capture_output=True, text=True, check=False
    )
    assert done.returncode == 0, f"git {' '.join(args)}: {done.stdout}{done.stderr}"
    return done.stdout


@dataclass
class PullRequest:
    branch: str
    title: str
    body: str
    open: bool = True
    updates: int = 0


@dataclass
class GitHub:
    """origin (a bare repository with a `main`) and the pull requests opened against it."""

    root: Path
    pulls: list[PullRequest] = field(default_factory=list)

    @property
    def origin(self) -> Path:
        return self.root / "origin.git"

    @classmethod
    def seeded(cls, root: Path, files: dict[str, str]) -> GitHub:
        hub = cls(root)
        git("init", "--quiet", "--bare", "--initial-branch=main", str(hub.origin), cwd=root)
        work = root / "seed"
        git("init", "--quiet", "--initial-branch=main", str(work), cwd=root)
        for name, text in files.items():
            (work / name).parent.mkdir(parents=True, exist_ok=True)
            (work / name).write_text(text, encoding="utf-8")
        git("remote", "add", "origin", str(hub.origin), cwd=work)
        hub.push(work, "main", "the project")
        shutil.rmtree(work)
        return hub

    @contextmanager
    def clone(self, branch: str = "main") -> Iterator[Path]:
        """A scratch clone of one branch: a person's edit, as made on GitHub."""
        work = Path(tempfile.mkdtemp(dir=self.root, prefix="clone-"))
        git("clone", "--quiet", "--branch", branch, str(self.origin), str(work), cwd=self.root)
        try:
            yield work
        finally:
            shutil.rmtree(work, ignore_errors=True)

    def push(self, work: Path, branch: str, message: str) -> None:
        git("add", "--all", cwd=work)
        git("commit", "--quiet", "-m", message, cwd=work)
        git("push", "--quiet", "origin", f"HEAD:refs/heads/{branch}", cwd=work)

    def squash_merge(self, pull: PullRequest) -> None:
        """GitHub's "Squash and merge": one commit on main, the pull request closed, the branch
        left behind (unless the repository deletes merged branches)."""
        with self.clone() as work:
            git("fetch", "--quiet", "origin", pull.branch, cwd=work)
            git("merge", "--quiet", "--squash", "FETCH_HEAD", cwd=work)
            self.push(work, "main", f"{pull.title} (#{self.pulls.index(pull) + 1})")
        pull.open = False

    def branch_file(self, branch: str, path: str) -> str | None:
        done = subprocess.run(
            ["git", "show", f"{branch}:{path}"], cwd=self.origin, capture_output=True, text=True
        )
        return done.stdout if done.returncode == 0 else None

    def open_pulls(self) -> list[PullRequest]:
        return [pull for pull in self.pulls if pull.open]


@dataclass
class StepResult:
    name: str
    ran: bool
    returncode: int = 0
    log: str = ""


@dataclass
class JobResult:
    steps: list[StepResult]

    @property
    def succeeded(self) -> bool:
        return all(step.returncode == 0 for step in self.steps)

    @property
    def log(self) -> str:
        return "\n".join(step.log for step in self.steps)

    def step(self, name: str) -> StepResult:
        return next(step for step in self.steps if step.name == name)


@dataclass(frozen=True)
class Run:
    """What the jobs of one workflow run share: the artifacts they upload, the Pages address."""

    artifacts: Path
    base_url: str = "https://example.org/reports"


class _Contexts:
    def __init__(
        self,
        workflow: dict[str, Any],
        secrets: dict[str, str],
        temp: Path,
        sha: str,
        matrix: dict[str, str],
        jobs: int,
    ):
        self.values: dict[str, str] = {
            "github.ref": "refs/heads/main",
            "github.sha": sha,
            "runner.temp": str(temp),
            **{f"matrix.{key}": value for key, value in matrix.items()},
        }
        if matrix:
            self.values["strategy.job-total"] = str(jobs)
        self.values.update({f"secrets.{k}": v for k, v in secrets.items()})
        self.env = {k: self.expand(_text(v)) for k, v in (workflow.get("env") or {}).items()}
        self.values.update({f"env.{k}": v for k, v in self.env.items()})

    def lookup(self, name: str) -> str:
        if name.startswith("secrets."):
            return self.values.get(name, "")  # a secret not set is empty, as on GitHub
        if name.startswith("steps.") and ".outputs." in name:
            return self.values.get(name, "")
        assert name in self.values, f"the stand-in runner does not know ${{{{ {name} }}}}"
        return self.values[name]

    def expand(self, text: str) -> str:
        return _EXPRESSION.sub(lambda m: self.lookup(m.group(1)), text)

    def holds(self, condition: str | None) -> bool:
        if condition is None:
            return True
        match = _CONDITION.match(condition.strip())
        assert match, f"the stand-in runner does not evaluate `if: {condition}`"
        left, operator, right = match.groups()
        return (self.lookup(left) == right) == (operator == "==")


def run_job(
    workflow_file: Path,
    job: str,
    hub: GitHub,
    workspace: Path,
    *,
    secrets: dict[str, str],
    matrix: dict[str, str] | None = None,
    run: Run | None = None,
) -> JobResult:
    """One run of `job` (for one combination of its `matrix`), triggered by a push to main, in
    `workspace` (made afresh); `run` holds what the run's jobs share."""
    workflow = yaml.safe_load(workflow_file.read_text(encoding="utf-8"))
    spec = workflow["jobs"][job]
    combinations = spec.get("strategy", {}).get("matrix", {})
    jobs = 1
    for values in combinations.values():
        jobs *= len(values)
    assert set(matrix or {}) == set(combinations), "one value for each of the matrix's keys"
    shutil.rmtree(workspace, ignore_errors=True)
    temp = workspace.parent / f"{workspace.name}-temp"
    shutil.rmtree(temp, ignore_errors=True)
    temp.mkdir(parents=True)
    sha = git("ls-remote", str(hub.origin), "refs/heads/main", cwd=hub.root).split()[0]
    contexts = _Contexts(workflow, secrets, temp, sha, matrix or {}, jobs)
    results: list[StepResult] = []
    if not contexts.holds(spec.get("if")):
        return JobResult(results)
    for number, step in enumerate(spec["steps"]):
        name = step.get("name") or step.get("uses") or f"step {number}"
        if not contexts.holds(step.get("if")):
            results.append(StepResult(name, ran=False))
            continue
        if "run" in step:
            result = _run_script(step, name, contexts, workspace, temp)
        else:
            result = _use_action(step, name, contexts, hub, workspace, run)
        results.append(result)
        if result.returncode != 0:
            break
    return JobResult(results)


def _run_script(
    step: dict[str, Any], name: str, contexts: _Contexts, workspace: Path, temp: Path
) -> StepResult:
    handle, output_file = tempfile.mkstemp(dir=temp, prefix="output-")
    os.close(handle)
    outputs = Path(output_file)
    env = {
        "PATH": os.environ["PATH"],
        "HOME": str(temp),
        "LANG": "C.UTF-8",
        "GITHUB_ACTIONS": "true",
        "GITHUB_SHA": contexts.values["github.sha"],
        "GITHUB_OUTPUT": str(outputs),
        "GITHUB_STEP_SUMMARY": str(temp / "summary.md"),
        "RUNNER_TEMP": str(temp),
        **contexts.env,
        **{k: contexts.expand(_text(v)) for k, v in (step.get("env") or {}).items()},
    }
    script = temp / "step.sh"
    script.write_text(step["run"], encoding="utf-8")
    done = subprocess.run(
        ["bash", "-e", str(script)],
        cwd=workspace,
        env=env,
        stdout=subprocess.PIPE,
        stderr=subprocess.STDOUT,  # one log in order, as the job's log shows it
        text=True,
        check=False,
    )
    if "id" in step:
        for line in outputs.read_text().splitlines():
            key, separator, value = line.partition("=")
            assert separator, f"an output line the stand-in does not read: {line!r}"
            contexts.values[f"steps.{step['id']}.outputs.{key}"] = value
    return StepResult(name, True, done.returncode, done.stdout)


def _use_action(
    step: dict[str, Any],
    name: str,
    contexts: _Contexts,
    hub: GitHub,
    workspace: Path,
    run: Run | None,
) -> StepResult:
    action = step["uses"].split("@")[0]
    given = {k: contexts.expand(_text(v)) for k, v in (step.get("with") or {}).items()}
    if action == "actions/checkout":
        depth = [] if given.get("fetch-depth") == "0" else ["--depth", "1"]
        origin = hub.origin.as_uri()  # a shallow clone needs a URL, not a path
        git("clone", "--quiet", *depth, origin, str(workspace), cwd=hub.root)
        return StepResult(name, True)
    if action in ARTIFACT_ACTIONS:
        assert run is not None, f"{action} needs the run's artifacts"
        return StepResult(name, True, 0, _artifacts(action, step, given, contexts, workspace, run))
    if action == "actions/setup-python":
        _installed_venv(workspace)
        return StepResult(name, True)
    if action == "peter-evans/create-pull-request":
        return StepResult(name, True, 0, _create_pull_request(given, hub, workspace))
    raise AssertionError(f"the stand-in runner has no stand-in for {action}")


ARTIFACT_ACTIONS = (
    "actions/configure-pages",
    "actions/upload-artifact",
    "actions/download-artifact",
    "actions/upload-pages-artifact",
)


def _artifacts(
    action: str,
    step: dict[str, Any],
    given: dict[str, str],
    contexts: _Contexts,
    workspace: Path,
    run: Run,
) -> str:
    if action == "actions/configure-pages":
        contexts.values[f"steps.{step['id']}.outputs.base_url"] = run.base_url
        return f"base_url={run.base_url}"
    if action == "actions/upload-artifact":
        target = run.artifacts / given["name"]
        assert not target.exists(), f"an artifact named {given['name']} was uploaded already"
        shutil.copytree(workspace / given["path"], target)
        return f"uploaded {given['name']}"
    if action == "actions/download-artifact":
        assert given.get("merge-multiple") == "true", "one folder for all the artifacts"
        found = sorted(run.artifacts.glob(given["pattern"]))
        for artifact in found:
            shutil.copytree(artifact, workspace / given["path"], dirs_exist_ok=True)
        return f"downloaded {', '.join(a.name for a in found)}"
    shutil.copytree(workspace / given["path"], run.artifacts / "github-pages")
    return "uploaded the site"


def _installed_venv(workspace: Path) -> None:
    """`.venv` as `make`'s install step leaves it: its stamp newer than the lock files."""
    venv = workspace / ".venv"
    (venv / "bin").mkdir(parents=True)
    (venv / "bin" / "report-site").symlink_to(Path(sys.executable).parent / "report-site")
    for name in ("requirements.lock", "pyproject.toml"):
        if (workspace / name).exists():
            os.utime(workspace / name, (0, 0))
    (venv / ".runtime-installed").touch()


def _create_pull_request(given: dict[str, str], hub: GitHub, workspace: Path) -> str:
    """What peter-evans/create-pull-request does with a fixed `branch` (its createOrUpdateBranch
    and createOrUpdatePullRequest, without the API)."""
    branch = given["branch"]
    git("checkout", "--quiet", "-b", "cpr-temp", cwd=workspace)
    paths = given["add-paths"].split()
    git("add", "--", *paths, cwd=workspace)
    if git("diff", "--cached", "--name-only", cwd=workspace).strip():
        git("commit", "--quiet", "-m", given["commit-message"], cwd=workspace)
    ahead = int(git("rev-list", "--count", "origin/main..cpr-temp", cwd=workspace))
    exists = bool(git("ls-remote", "--heads", "origin", branch, cwd=workspace).strip())
    body = Path(given["body-path"]).read_text(encoding="utf-8")
    log = []
    action = "none"
    if exists:
        git("fetch", "--quiet", "origin", f"{branch}:refs/remotes/origin/{branch}", cwd=workspace)
        differs = git("diff", f"origin/{branch}", "cpr-temp", cwd=workspace).strip()
        action = "not-updated"
        if differs or not ahead:
            git(
                "push",
                "--quiet",
                "--force",
                "origin",
                f"cpr-temp:refs/heads/{branch}",
                cwd=workspace,
            )
            action = "updated"
    elif ahead:
        git("push", "--quiet", "origin", f"cpr-temp:refs/heads/{branch}", cwd=workspace)
        action = "created"
    log.append(f"branch {branch}: {action}")
    pull = next((p for p in hub.open_pulls() if p.branch == branch), None)
    if ahead:
        if pull is None:
            hub.pulls.append(PullRequest(branch, given["title"], body))
            log.append("opened the pull request")
        else:
            pull.body, pull.title = body, given["title"]
            pull.updates += 1
            log.append("updated the pull request")
    elif action != "none" and given.get("delete-branch") == "true":
        git("push", "--quiet", "origin", "--delete", branch, cwd=workspace)
        if pull is not None:
            pull.open = False
        log.append(f"deleted branch {branch}: nothing differs from main")
    return "\n".join(log)
