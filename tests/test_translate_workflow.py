"""The translate workflow, run step by step against a local origin and the stand-in engine.

Each scenario is what editors and translators do on GitHub: push Chinese to main, edit English on
the pull request's branch, merge it. The workflow's own `run:` scripts run as written (see
tests/actions_standin.py), `make translate-pr` included, against tests/standins.py's OpenAI
stand-in; no key used here is real.
"""

from __future__ import annotations

from collections.abc import Iterator
from pathlib import Path

import polib
import pytest
import yaml

from generator.tm import store
from generator.tm.translate import Options, translate_site
from tests.actions_standin import GitHub, JobResult, PullRequest, git, run_job
from tests.conftest import ROOT
from tests.standins import OpenAIStandIn, fake_english

WORKFLOW = ROOT / ".github" / "workflows" / "translate.yml"
SECRET = "sk-test-SECRET-workflow-5e1d"
BRANCH = "report-site/english-drafts"
MEMORY = "content/r/translations/en.po"
INDEX = "content/r/zh-Hans/index.md"
CHINESE = "# 测试报告\n\n第一段，新增学位5.79万个。\n\n第二段，提高1.01个百分点。\n"
PROJECT_FILES = ("Makefile", "pyproject.toml", "requirements.lock", ".gitignore")
REVIEWED = {
    "测试局": "Test Bureau",
    "测试报告": "Test Report",
    "第一段，新增学位5.79万个。": "First, 57,900 new school places.",
    "第二段，提高1.01个百分点。": "Second, up 1.01 percentage points.",
}


@pytest.fixture()
def server() -> Iterator[OpenAIStandIn]:
    with OpenAIStandIn(model="m", key=SECRET) as standin:
        yield standin
    assert standin.problems == []


def reviewed_memory(root: Path) -> str:
    """en.po for CHINESE, every entry reviewed, as `translate` writes it (places and all)."""
    content = root / "content"
    (content / "r" / "zh-Hans").mkdir(parents=True)
    (content / "site.yml").write_text("site_url: https://example.org/\n", encoding="utf-8")
    (content / "r" / "report.yml").write_text("organisation: 测试局\nyear: 2020\n", "utf-8")
    (content / "r" / "zh-Hans" / "index.md").write_text(CHINESE, encoding="utf-8")
    translate_site(content, Options(), env={}, out=lambda _: None, progress=False)
    path = content / "r" / "translations" / "en.po"
    po = store.load(path)
    for entry in po:
        entry.msgstr, entry.tcomment = REVIEWED[entry.msgid], "reviewed-by: Ann"
    store.save(po, path)
    return path.read_text(encoding="utf-8")


@pytest.fixture()
def hub(tmp_path: Path, server: OpenAIStandIn) -> GitHub:
    """origin/main: the project's Makefile and a small report whose English is all reviewed."""
    site = (
        "site_url: https://example.org/\n"
        f"translate:\n  engine: openai-compatible\n  base_url: {server.base_url}\n  model: m\n"
    )
    files = {name: (ROOT / name).read_text(encoding="utf-8") for name in PROJECT_FILES}
    files |= {
        "content/site.yml": site,
        "content/r/report.yml": "organisation: 测试局\nyear: 2020\n",
        INDEX: CHINESE,
        MEMORY: reviewed_memory(tmp_path / "scratch"),
    }
    return GitHub.seeded(tmp_path, files)


def push_chinese(hub: GitHub, old: str, new: str) -> None:
    """An editor's commit to main, as GitHub's web editor makes it."""
    with hub.clone() as work:
        page = work / INDEX
        text = page.read_text(encoding="utf-8")
        assert old in text
        page.write_text(text.replace(old, new), encoding="utf-8")
        hub.push(work, "main", "edit the Chinese")


def run(hub: GitHub, tmp_path: Path, key: str | None = SECRET) -> JobResult:
    secrets = {"REPORT_SITE_ENGINE_KEY": key} if key is not None else {}
    return run_job(WORKFLOW, "drafts", hub, tmp_path / "workspace", secrets=secrets)


def sent(server: OpenAIStandIn) -> list[str]:
    return [r.body["messages"][1]["content"] for r in server.posts("/v1/chat/completions")]


def english(hub: GitHub, branch: str) -> dict[str, polib.POEntry]:
    text = hub.branch_file(branch, MEMORY)
    assert text is not None
    return {e.msgid: e for e in polib.pofile(text) if not e.obsolete}


def test_drafts_arrive_as_one_pull_request_that_keeps_a_translators_edit(
    tmp_path: Path, hub: GitHub, server: OpenAIStandIn
) -> None:
    # An editor changes a figure of a reviewed paragraph and adds a paragraph.
    push_chinese(hub, "5.79万个。\n", "5.80万个。\n\n全新的第三段内容。\n")
    first = run(hub, tmp_path)
    assert first.succeeded, first.log
    assert sent(server) == ["全新的第三段内容。"]
    [pull] = hub.open_pulls()
    assert pull.branch == BRANCH and pull.title == "English drafts for review"
    assert "**1 segment drafted** by openai-compatible (model m), compared with " in pull.body
    assert pull.body.endswith(
        "### Drafted segments (1)\n\n<details><summary>Show 1</summary>\n\n"
        "- `content/r/zh-Hans/index.md:5` · English at `content/r/translations/en.po:36`\n"
        "  - zh: 全新的第三段内容。\n"
        "  - en: EN\\<全新的第三段内容。\\>\n\n</details>\n"
    )
    assert (
        "### Outdated passages (1)\n\n"
        "- `content/r/zh-Hans/index.md:3` · English at `content/r/translations/en.po:30`\n"
        "  - old Chinese: 第一段，新增学位<del>5.79</del>万个。\n"
        "  - new Chinese: 第一段，新增学位<ins>5.80</ins>万个。\n"
        "  - old English: First, 57,900 new school places.\n"
    ) in pull.body
    branch_lines = (hub.branch_file(BRANCH, MEMORY) or "").splitlines()
    assert branch_lines[30 - 1] == 'msgstr "First, 57,900 new school places."'
    assert branch_lines[36 - 1] == f'msgstr "{fake_english("全新的第三段内容。")}"'
    drafts = english(hub, BRANCH)
    assert drafts["全新的第三段内容。"].msgstr == fake_english("全新的第三段内容。")
    assert hub.branch_file("main", MEMORY) != hub.branch_file(BRANCH, MEMORY)  # main untouched

    # A translator revises the draft on the pull request's branch (GitHub's editor).
    revise_on_branch(hub, fake_english("全新的第三段内容。"), "A new third paragraph.")
    # The editor goes on: another paragraph, another run.
    push_chinese(hub, "全新的第三段内容。\n", "全新的第三段内容。\n\n第四段。\n")
    second = run(hub, tmp_path)
    assert second.succeeded, second.log
    started = second.step("Start from the English already on the drafts branch").log
    assert started.endswith("merged report-site/english-drafts into main\n")
    assert sent(server) == ["全新的第三段内容。", "第四段。"]  # the revised one is not sent
    assert len(hub.pulls) == 1 and pull.open and pull.updates == 1
    kept = english(hub, BRANCH)
    assert kept["全新的第三段内容。"].msgstr == "A new third paragraph."
    assert kept["第四段。"].msgstr == fake_english("第四段。")
    assert "| `content/r` | 1 | 1 | 1 | 0 | " in pull.body  # drafted, revised here, outdated
    assert "  - zh: 第四段。\n" in pull.body and "全新的第三段内容" not in pull.body
    log = git("log", "--format=%s", BRANCH, cwd=hub.origin)
    assert "revise a draft" in log  # the translator's commit is in the branch's history


def test_a_merged_pull_request_leaves_nothing_to_draft_and_its_branch_goes(
    tmp_path: Path, hub: GitHub, server: OpenAIStandIn
) -> None:
    push_chinese(hub, "第二段", "第二段（修订）")
    assert run(hub, tmp_path).succeeded
    [pull] = hub.open_pulls()
    hub.squash_merge(pull)
    again = run(hub, tmp_path)
    assert again.succeeded, again.log
    started = again.step("Start from the English already on the drafts branch").log
    assert started.endswith(
        "main holds all of report-site/english-drafts already (its pull request was merged)\n"
    )
    assert len(hub.pulls) == 1 and hub.branch_file(BRANCH, MEMORY) is None
    assert len(server.requests) == 0  # the edit made its reviewed English outdated: not sent


def test_without_the_secret_the_job_says_so_and_succeeds_without_a_pull_request(
    tmp_path: Path, hub: GitHub, server: OpenAIStandIn
) -> None:
    push_chinese(hub, "5.79万个。\n", "5.79万个。\n\n全新的第三段内容。\n")
    result = run(hub, tmp_path, key=None)
    assert result.succeeded, result.log
    assert (
        "translate-pr: no key for openai-compatible, so nothing is drafted and no pull request "
        "opened\n  hint: set the repository secret REPORT_SITE_ENGINE_KEY (Settings → Secrets "
        "and variables → Actions), or OPENAI_API_KEY where you run this\n"
    ) in result.log
    assert not result.step("Open or update the pull request").ran
    assert hub.pulls == [] and server.requests == []


def test_an_engine_error_fails_the_job_with_the_engines_answer_and_never_the_key(
    tmp_path: Path, hub: GitHub, server: OpenAIStandIn
) -> None:
    push_chinese(hub, "5.79万个。\n", "5.79万个。\n\n全新的第三段内容。\n")
    wrong = "sk-test-WRONG-0c9b"
    result = run(hub, tmp_path, key=wrong)
    assert not result.succeeded
    failed = result.steps[-1]
    assert failed.name == "Draft the English and write the pull request's description"
    assert (
        f"openai-compatible: {server.base_url} refused the key in OPENAI_API_KEY (HTTP 401); "
        "set OPENAI_API_KEY to a valid key and run again\n"
        "REPORT_SITE_ENGINE_KEY: OPENAI_API_KEY was set from REPORT_SITE_ENGINE_KEY\n"
        "  hint: set the repository secret REPORT_SITE_ENGINE_KEY to a valid key for "
        "openai-compatible\n"
    ) in failed.log
    assert wrong not in result.log and SECRET not in result.log
    assert hub.pulls == []


def test_only_the_drafts_job_may_write_and_actions_are_at_current_majors() -> None:
    workflow = yaml.safe_load(WORKFLOW.read_text(encoding="utf-8"))
    assert workflow["permissions"] == {"contents": "read"}
    assert list(workflow["jobs"]) == ["drafts"]
    job = workflow["jobs"]["drafts"]
    assert job["permissions"] == {"contents": "write", "pull-requests": "write"}
    assert [step["uses"] for step in job["steps"] if "uses" in step] == [
        "actions/checkout@v5",
        "actions/setup-python@v6",
        "peter-evans/create-pull-request@v8",
    ]
    assert workflow["concurrency"] == {"group": "english-drafts", "cancel-in-progress": False}
    # yaml reads the `on:` key as True
    assert workflow[True]["push"]["paths"] == [
        "content/**/zh-Hans/**",
        "content/**/report.yml",
        "content/glossary.yml",
    ]
    assert "workflow_dispatch" in workflow[True]
    opening = job["steps"][-1]["with"]
    assert opening["branch"] == "${{ env.DRAFTS_BRANCH }}"
    assert workflow["env"]["DRAFTS_BRANCH"] == BRANCH
    assert opening["add-paths"] == "content/*/translations/en.po"


def revise_on_branch(hub: GitHub, draft: str, revised: str) -> None:
    """A translator's edit of a draft, committed to the pull request's branch on GitHub."""
    with hub.clone(BRANCH) as work:
        memory = work / MEMORY
        text = memory.read_text(encoding="utf-8")
        assert f'msgstr "{draft}"' in text
        memory.write_text(text.replace(f'msgstr "{draft}"', f'msgstr "{revised}"'), "utf-8")
        hub.push(work, BRANCH, "revise a draft")


def third_paragraph_drafted(hub: GitHub, tmp_path: Path) -> PullRequest:
    """An editor adds a paragraph; the run opens the pull request with its draft."""
    push_chinese(hub, "5.79万个。\n", "5.79万个。\n\n全新的第三段内容。\n")
    assert run(hub, tmp_path).succeeded
    [pull] = hub.open_pulls()
    return pull


def test_a_translators_push_during_a_run_stops_the_run_rather_than_being_lost(
    tmp_path: Path, hub: GitHub, server: OpenAIStandIn
) -> None:
    pull = third_paragraph_drafted(hub, tmp_path)
    push_chinese(hub, "全新的第三段内容。\n", "全新的第三段内容。\n\n第四段。\n")

    def translator_saves(seen: object) -> None:  # while the engine drafts the fourth paragraph
        revise_on_branch(hub, fake_english("全新的第三段内容。"), "A new third paragraph.")

    server.before_answer = translator_saves
    result = run(hub, tmp_path)
    assert not result.succeeded
    assert (
        result.steps[-1].name == "Stop if a translator pushed to the drafts branch during this run"
    )
    assert result.steps[-1].log == (
        "::error::report-site/english-drafts changed during this run; run this workflow again "
        "so that the new edits are kept\n"
    )
    assert english(hub, BRANCH)["全新的第三段内容。"].msgstr == "A new third paragraph."
    assert pull.updates == 0


def test_english_changed_on_both_sides_stops_the_run_and_names_the_file(
    tmp_path: Path, hub: GitHub, server: OpenAIStandIn
) -> None:
    third_paragraph_drafted(hub, tmp_path)
    drafts = hub.branch_file(BRANCH, MEMORY)
    assert drafts is not None
    with hub.clone() as work:  # someone ran `make translate` and pushed their own English
        theirs = drafts.replace(fake_english("全新的第三段内容。"), "Third, by hand.")
        (work / MEMORY).write_text(theirs, encoding="utf-8")
        hub.push(work, "main", "translate by hand")
    push_chinese(hub, "全新的第三段内容。\n", "全新的第三段内容。\n\n第四段。\n")
    result = run(hub, tmp_path)
    assert not result.succeeded
    assert result.steps[-1].name == "Start from the English already on the drafts branch"
    assert result.steps[-1].log.endswith(
        "::error::main and report-site/english-drafts changed the same lines of "
        "content/r/translations/en.po: resolve the conflict on the pull request (or close it "
        "and delete its branch), then run this workflow again\n"
    )
    assert hub.branch_file(BRANCH, MEMORY) == drafts and len(server.requests) == 1
