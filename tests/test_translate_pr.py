"""`report-site translate-pr`: the pull request's description and folder, as a reviewer gets them.

The command is run on small synthetic reports against the OpenAI stand-in; the body renderer is
fed values directly, so its budget, folding and escaping are tested on lists no report here has.
"""

from __future__ import annotations

import html
import re
import subprocess
from datetime import date
from pathlib import Path

import polib
import pytest
from click.testing import CliRunner
from hypothesis import given
from hypothesis import strategies as st
from markdown_it import MarkdownIt

from generator.check import Finding, Rule
from generator.cli import main
from generator.content import load_site
from generator.errors import Loc, ReportSiteError
from generator.tm import pr_body, store
from generator.tm.changes import Draft, MemoryChanges, Outdated, compare
from generator.tm.engines import Retry
from generator.tm.pull_request import MARKER, PullRequest, draft_pull_request
from generator.tm.translate import Options
from tests.standins import OpenAIStandIn, fake_english
from tests.test_translate import SECRET, make_content, po_path

SITE = "translate:\n  engine: openai-compatible\n  base_url: {url}\n  model: m\n"


class Lines:
    def __init__(self) -> None:
        self.out: list[str] = []

    def __call__(self, line: str) -> None:
        self.out.append(line)


def draft(
    content: Path,
    out: Path,
    *,
    base: str | None = None,
    require_key: bool = False,
    env: dict[str, str] | None = None,
) -> tuple[PullRequest, Lines]:
    lines = Lines()
    result = draft_pull_request(
        content,
        out,
        Options(),
        base=base,
        require_key=require_key,
        env={} if env is None else env,
        retry=Retry(sleep=lambda _: None),
        echo=lines,
        err=lines,
        progress=False,
    )
    return result, lines


def test_without_an_engine_nothing_is_drafted_and_no_body_is_written(tmp_path: Path) -> None:
    make_content(tmp_path)
    result = CliRunner().invoke(
        main, ["translate-pr", "--root", str(tmp_path), str(tmp_path / "o")]
    )
    assert result.exit_code == 0, result.output
    assert result.output == (
        "translate-pr: no engine configured, so nothing is drafted and no pull request opened\n"
        "  hint: add a `translate:` section to content/site.yml (engine, base_url, model)\n"
    )
    assert [p.name for p in (tmp_path / "o").iterdir()] == [MARKER]


def test_the_secret_reaches_the_engine_as_its_own_variable_and_the_folder_holds_the_changes(
    tmp_path: Path,
) -> None:
    with OpenAIStandIn(model="m", key=SECRET) as server:
        content = make_content(tmp_path, site=SITE.format(url=server.base_url))
        out = tmp_path / "out"
        result, lines = draft(
            content, out, require_key=True, env={"REPORT_SITE_ENGINE_KEY": SECRET}
        )
    assert result.body == out / "body.md" and result.files == ("content/r/translations/en.po",)
    assert server.problems == [] and len(server.requests) == 4  # all carried the key
    copy = out / "content" / "r" / "translations" / "en.po"
    assert copy.read_text(encoding="utf-8") == po_path(content).read_text(encoding="utf-8")
    assert sorted(p.relative_to(out).as_posix() for p in out.rglob("*") if p.is_file()) == [
        MARKER,
        "body.md",
        "content/r/translations/en.po",
    ]
    body = (out / "body.md").read_text(encoding="utf-8")
    assert body.startswith(
        "## English drafts for review\n\n**4 segments drafted** by openai-compatible (model m); "
        "**0 passages outdated**"
    )
    assert lines.out[-1].endswith(
        "out/body.md: the pull request's description (4 drafted, 0 outdated, 8 findings); "
        "1 of 1 memories differ from what they were before this run"
    )
    assert SECRET not in body + "\n".join(lines.out)


def test_a_second_run_replaces_its_folder_and_reports_against_what_it_found(
    tmp_path: Path,
) -> None:
    with OpenAIStandIn(model="m") as server:
        content = make_content(tmp_path, site=SITE.format(url=server.base_url))
        out = tmp_path / "out"
        draft(content, out)
        result, _ = draft(content, out)  # nothing new: nothing drafted, nothing changed
    assert result.files == ()
    body = (out / "body.md").read_text(encoding="utf-8")
    assert "**0 segments drafted**" in body
    assert not (out / "content").exists()  # the first run's copy is gone with its folder


@pytest.mark.parametrize(
    ("out", "expected"),
    [
        ("content", "content: is not a folder of its own\n  hint: name a folder outside content/"),
        (".", ".: is not a folder of its own\n  hint: name a folder outside content/"),
        (
            "notes",
            "notes: holds files translate-pr did not write\n"
            "  hint: name a new or empty folder (translate-pr replaces it on every run)",
        ),
    ],
)
def test_the_folder_is_never_one_with_other_files(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch, out: str, expected: str
) -> None:
    content = make_content(tmp_path)
    (tmp_path / "notes").mkdir()
    (tmp_path / "notes" / "mine.txt").write_text("keep me")
    monkeypatch.chdir(tmp_path)
    with pytest.raises(ReportSiteError) as caught:
        draft(content, Path(out))
    assert caught.value.render() == expected
    assert (tmp_path / "notes" / "mine.txt").read_text() == "keep me"


def test_the_base_is_a_commit_of_the_repository(tmp_path: Path) -> None:
    with OpenAIStandIn(model="m") as server:
        content = make_content(tmp_path, site=SITE.format(url=server.base_url))
        with pytest.raises(ReportSiteError) as caught:
            draft(content, tmp_path / "out", base="main")
        assert (
            caught.value.render() == f"{content}: is not in a git repository\n  hint: omit --base"
        )
        subprocess.run(["git", "init", "-q", str(tmp_path)], check=True)
        with pytest.raises(ReportSiteError) as caught:
            draft(content, tmp_path / "out", base="nonesuch")
        assert caught.value.render() == "--base: 'nonesuch' is not a commit of this repository"


def entry(msgid: str, msgstr: str = "", comment: str = "", **kwargs: object) -> polib.POEntry:
    return polib.POEntry(msgid=msgid, msgstr=msgstr, tcomment=comment, **kwargs)


def test_compare_tells_drafts_from_translators_work_and_outdated_passages(tmp_path: Path) -> None:
    index = "# 测试报告\n\n第一段，新增学位5.80万个。\n\n第二段，提高1.01个百分点。\n\n第三段。\n"
    content = make_content(tmp_path, index=index)
    [report] = load_site(content).reports

    def machine(english: str) -> str:
        return "\n".join(store.provenance_lines("e", "m", date(2026, 1, 1), english))

    before = store.new_catalog()
    for item in [
        entry("测试局", "Test Bureau", "reviewed-by: Ann"),
        entry("测试报告", "Draft title", machine("Draft title")),
        entry("第一段，新增学位5.79万个。", "First: 57,900.", "reviewed-by: Ann"),
    ]:
        before.append(item)
    after = store.merge(before, list(report.segments()), report.path).catalog
    after.find("测试报告").msgstr = "Test Report"  # a translator's edit: now theirs
    third = after.find("第三段。")
    third.msgstr, third.tcomment = "Third.", machine("Third.")  # a new draft
    store.save(after, po_path(content))
    changes = compare(report, po_path(content), str(before))
    assert changes.drafted == (
        Draft(
            Loc("content/r/zh-Hans/index.md", 7),
            "第三段。",
            "Third.",
            Loc("content/r/translations/en.po", 39),
        ),
    )
    assert changes.outdated == (
        Outdated(
            Loc("content/r/zh-Hans/index.md", 3),
            "第一段，新增学位5.79万个。",
            "第一段，新增学位5.80万个。",
            "First: 57,900.",
            Loc("content/r/translations/en.po", 30),
        ),
    )
    lines = po_path(content).read_text(encoding="utf-8").splitlines()
    assert lines[39 - 1] == 'msgstr "Third."' and lines[30 - 1] == 'msgstr "First: 57,900."'
    assert (changes.revised, changes.missing, changes.changed) == (1, 1, True)
    assert compare(report, po_path(content), po_path(content).read_text("utf-8")).drafted == ()


def review(
    drafted: int = 0, outdated: int = 0, findings: int = 0, text: str = "第一段，新增学位5.79万个。"
) -> pr_body.Review:
    where, english_at = Loc("content/r/zh-Hans/01.md", 3), Loc("content/r/translations/en.po", 9)
    changes = MemoryChanges(
        "content/r",
        "content/r/translations/en.po",
        tuple(Draft(where, text, fake_english(text), english_at) for _ in range(drafted)),
        tuple(Outdated(where, text, text + "改", "Old.", english_at) for _ in range(outdated)),
        revised=0,
        missing=0,
        changed=True,
    )
    found = tuple(
        Finding(Rule.FIGURE, where, "5.79万个 (57,900) is missing", text, "Old.", english_at)
        for _ in range(findings)
    )
    return pr_body.Review("deepl", "0123456789ab", (pr_body.ReportReview(changes, found),))


def test_a_long_review_stays_under_githubs_limit_and_counts_what_it_leaves_out() -> None:
    long = "第一段，新增学位5.79万个，" * 40  # 560 characters a passage
    body = pr_body.render_body(review(drafted=3000, outdated=400, findings=400, text=long))
    assert pr_body.size(body) <= pr_body.BUDGET < pr_body.GITHUB_LIMIT
    sections = re.split(r"^### ", body, flags=re.M)[1:]
    counted = {}
    for section in sections:
        title, total = re.match(r"(.+) \((\d+)\)", section).groups()  # type: ignore[union-attr]
        more = re.search(
            r"…and (\d+) more (.+) not shown here \(GitHub limits a pull request's "
            r"description to 65,536 characters\): ",
            section,
        )
        assert more is not None and more.group(2) == title.lower()
        shown = section.count("\n- `")
        assert shown > 0 and shown + int(more.group(1)) == int(total)
        counted[title] = int(total)
    assert counted == {"Outdated passages": 400, "Check findings": 400, "Drafted segments": 3000}
    assert body.count("<details>") == body.count("</details>") == 3


def test_short_lists_are_open_long_ones_fold_and_nothing_is_a_heading() -> None:
    body = pr_body.render_body(review(drafted=1, outdated=2, findings=11))
    assert "### Outdated passages (2)\n\n- `content/r/zh-Hans/01.md:3`" in body
    assert "### Check findings (11)\n\n<details><summary>Show 11</summary>\n\n- " in body
    assert "### Drafted segments (1)\n\n<details><summary>Show 1</summary>\n\n- " in body
    assert "compared with 0123456789ab;" in body  # GitHub links the commit
    assert "| `content/r` | 1 | 0 | 2 | 0 | 11 |" in body
    assert (
        "  - old Chinese: 第一段，新增学位5.79万个。\n"
        "  - new Chinese: 第一段，新增学位5.79万个。<ins>改</ins>\n"
    ) in body


def test_a_long_passage_is_cut_with_a_count_of_the_rest() -> None:
    body = pr_body.render_body(review(drafted=1, text="字" * 1000))
    assert f"  - zh: {'字' * pr_body.CLIP}… (400 more characters)\n" in body


MARKUP = st.sampled_from([*"\\`*_{}[]()#+-.!|~<>&@:=\"'/ 1a中", "&amp;", "http://x.y"])


@given(st.lists(MARKUP | st.characters(blacklist_categories=("Cs", "Cc")), max_size=60))
def test_a_passage_shows_as_written_and_mentions_nobody(pieces: list[str]) -> None:
    text = "".join(pieces)
    rendered = MarkdownIt("commonmark").render(f"- en: {pr_body._passage(text)}\n")
    shown = html.unescape(re.sub(r"<[^>]*>", "", rendered)).strip()
    written = re.sub(r"(@|#(?=[0-9]))", "\\1\u200b", " ".join(text.split()))
    assert shown == f"en: {written}".strip()


def test_report_text_cannot_run_notify_or_link_an_issue() -> None:
    body = pr_body.render_body(review(drafted=1, text="<script>x()</script> @octocat #12 **b**"))
    assert "  - zh: \\<script\\>x()\\</script\\> @\u200boctocat \\#\u200b12 \\*\\*b\\*\\*\n" in body
