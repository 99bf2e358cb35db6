"""`report-site translate` as scenarios: what is sent, what is written, what is never touched.

Small synthetic reports in tmp_path keep most scenarios fast and their expectations exact; one
scenario runs on a copy of the project's real content. The services are the local stand-ins of
tests/standins.py; no key used here is real.
"""

from __future__ import annotations

import hashlib
import os
import signal
from collections.abc import Iterator
from pathlib import Path

import polib
import pytest
from click.testing import CliRunner

from generator.cli import main
from generator.errors import ReportSiteError
from generator.tm import store
from generator.tm.engines import EngineError, Retry
from generator.tm.translate import Options, Outcome, Provenance, record, translate_site
from generator.tm.unit import UnitState as State
from tests.conftest import copy_project
from tests.standins import DeepLStandIn, OpenAIStandIn, Seen, fake_english

SECRET = "sk-test-SECRET-7f3a9c"
EPOCH = "1767225600"  # 2026-01-01T00:00:00Z
ENV = {"OPENAI_API_KEY": SECRET, "SOURCE_DATE_EPOCH": EPOCH}
STAMP = "machine-translated: engine=openai-compatible; model=m; date=2026-01-01;"


def stamp(english: str) -> str:
    """The provenance an answer gets: the digest line is where polib's width would wrap it."""
    return f"{STAMP}\ndigest={hashlib.sha256(english.encode()).hexdigest()[:12]}"


INDEX = "# 测试报告\n\n第一段，新增学位5.79万个。\n\n第二段，提高1.01个百分点。\n"
SEGMENTS = ["测试局", "测试报告", "第一段，新增学位5.79万个。", "第二段，提高1.01个百分点。"]


class Run:
    """One call of translate_site with its printed lines and the sleeps it asked for."""

    def __init__(self) -> None:
        self.out: list[str] = []
        self.err: list[str] = []
        self.sleeps: list[float] = []

    def __call__(
        self, content: Path, options: Options, env: dict[str, str] | None = None
    ) -> list[Outcome]:
        return translate_site(
            content,
            options,
            env=ENV if env is None else env,
            retry=Retry(sleep=self.sleeps.append),
            out=self.out.append,
            err=self.err.append,
            progress=False,
        )


def make_content(root: Path, index: str = INDEX, site: str = "") -> Path:
    content = root / "content"
    pages = content / "r" / "zh-Hans"
    pages.mkdir(parents=True)
    (content / "site.yml").write_text("site_url: https://example.org/\n" + site, encoding="utf-8")
    (content / "r" / "report.yml").write_text("organisation: 测试局\nyear: 2020\n", "utf-8")
    (pages / "index.md").write_text(index, encoding="utf-8")
    return content


def po_path(content: Path) -> Path:
    return content / "r" / "translations" / "en.po"


def entries(content: Path) -> dict[str, polib.POEntry]:
    return {e.msgid: e for e in polib.pofile(str(po_path(content))) if not e.obsolete}


def openai_options(server: OpenAIStandIn, dry_run: bool = False) -> Options:
    return Options("openai-compatible", server.base_url, server.model, dry_run)


@pytest.fixture()
def server() -> Iterator[OpenAIStandIn]:
    with OpenAIStandIn(model="m", key=SECRET) as standin:
        yield standin
    assert standin.problems == []


def test_one_request_per_new_segment_and_none_on_a_second_run(
    tmp_path: Path, server: OpenAIStandIn
) -> None:
    content = make_content(tmp_path)
    run = Run()
    outcomes = run(content, openai_options(server))
    sent = [r.body["messages"][1]["content"] for r in server.posts("/v1/chat/completions")]
    assert sent == SEGMENTS
    assert [(o.translated, o.missing, o.outdated) for o in outcomes] == [(4, 0, 0)]
    written = entries(content)
    for chinese in SEGMENTS:
        assert written[chinese].msgstr == fake_english(chinese)
        assert written[chinese].tcomment == stamp(fake_english(chinese))
        assert store.state_of(written[chinese]) is State.MACHINE
    text = po_path(content).read_text(encoding="utf-8")
    commented = "\n".join(f"# {line}" for line in stamp(fake_english(SEGMENTS[2])).splitlines())
    assert f"{commented}\n#: zh-Hans/index.md:3\n" in text
    assert run.out == [
        f"{po_path(content)}: 4 translated by openai-compatible (model m); "
        "left: 0 missing, 0 outdated"
    ]

    again = Run()
    again(content, openai_options(server))
    assert len(server.requests) == 4
    assert po_path(content).read_text(encoding="utf-8") == text
    assert SECRET not in text + "".join(run.out + run.err + again.out + again.err)


def reviewed_and_machine_memory(content: Path) -> None:
    """A memory where the organisation and the second paragraph were reviewed by a person."""
    po = store.new_catalog()
    for chinese in SEGMENTS:
        reviewed = chinese in ("测试局", "第二段，提高1.01个百分点。")
        po.append(
            polib.POEntry(
                msgid=chinese,
                msgstr=f"Human {chinese}" if reviewed else f"Old machine {chinese}",
                tcomment="reviewed-by: Ann" if reviewed else "machine-translated: e=x; date=x",
            )
        )
    store.save(po, po_path(content))


def test_reviewed_entries_are_never_overwritten_outdated_machine_ones_are_retranslated(
    tmp_path: Path, server: OpenAIStandIn
) -> None:
    content = make_content(tmp_path)
    reviewed_and_machine_memory(content)
    edited = (
        "# 测试报告\n\n第一段，新增学位5.80万个。\n\n"
        "第二段，提高1.02个百分点。\n\n全新的第三段内容。\n"
    )
    (content / "r" / "zh-Hans" / "index.md").write_text(edited, encoding="utf-8")
    outcomes = Run()(content, openai_options(server))
    sent = [r.body["messages"][1]["content"] for r in server.posts("/v1/chat/completions")]
    assert sent == ["第一段，新增学位5.80万个。", "全新的第三段内容。"]
    written = entries(content)
    assert written["测试局"].msgstr == "Human 测试局"
    assert written["测试局"].tcomment == "reviewed-by: Ann"
    assert written["测试报告"].msgstr == "Old machine 测试报告"  # unchanged: not sent
    retranslated = written["第一段，新增学位5.80万个。"]
    assert retranslated.msgstr == "EN<第一段，新增学位5.80万个。>"
    assert retranslated.tcomment == stamp(retranslated.msgstr)
    assert "fuzzy" not in retranslated.flags and retranslated.previous_msgid is None
    kept = written["第二段，提高1.02个百分点。"]
    assert kept.msgstr == "Human 第二段，提高1.01个百分点。"
    assert "fuzzy" in kept.flags and kept.previous_msgid == "第二段，提高1.01个百分点。"
    assert kept.tcomment == "reviewed-by: Ann"
    assert (outcomes[0].outdated, outcomes[0].outdated_reviewed) == (1, 1)


def test_a_rate_limit_is_waited_out_and_the_run_goes_on(
    tmp_path: Path, server: OpenAIStandIn
) -> None:
    content = make_content(tmp_path)
    server.fail_next(429, {"error": {"message": "Rate limit"}}, {"Retry-After": "3"})
    server.fail_next(503)
    run = Run()
    outcomes = run(content, openai_options(server))
    assert run.sleeps == [3.0, 2.0]
    assert outcomes[0].translated == 4 and len(server.requests) == 6


def test_a_refused_key_stops_cleanly_names_the_variable_and_writes_nothing_wrong(
    tmp_path: Path,
) -> None:
    content = make_content(tmp_path)
    reviewed_and_machine_memory(content)
    index = content / "r" / "zh-Hans" / "index.md"
    index.write_text(INDEX + "\n全新的第三段内容。\n", encoding="utf-8")
    run = Run()
    with (
        OpenAIStandIn(model="m", key="the-right-key") as refusing,
        pytest.raises(EngineError) as caught,
    ):
        run(content, openai_options(refusing))
    message = caught.value.render()
    assert message == (
        f"openai-compatible: {refusing.base_url} refused the key in OPENAI_API_KEY (HTTP 401); "
        "set OPENAI_API_KEY to a valid key and run again"
    )
    assert len(refusing.requests) == 1 and run.sleeps == []
    written = entries(content)
    assert written["全新的第三段内容。"].msgstr == ""  # merged in, still missing
    assert written["测试报告"].msgstr == "Old machine 测试报告"
    assert written["测试局"].tcomment == "reviewed-by: Ann"
    everything = po_path(content).read_text(encoding="utf-8") + message + "".join(run.err)
    assert SECRET not in everything and SECRET[-6:] not in everything


def test_an_interrupted_run_keeps_the_translations_it_got(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    content = make_content(tmp_path)
    monkeypatch.chdir(tmp_path)
    with OpenAIStandIn(model="m", key=SECRET) as standin:

        def press_ctrl_c(seen: Seen) -> None:
            if len(standin.requests) == 3:  # while the third segment is being translated
                os.kill(os.getpid(), signal.SIGINT)

        standin.before_answer = press_ctrl_c
        result = CliRunner().invoke(
            main,
            [
                *("translate", "--root", ".", "--engine", "openai-compatible"),
                *("--base-url", standin.base_url, "--model", "m"),
            ],
            env=ENV,
        )
    assert result.exit_code == 130, result.output
    assert result.stderr.splitlines() == [
        "stopped: 2 translations saved to content/r/translations/en.po",
        "interrupted",
    ]
    written = entries(content)
    assert [written[c].msgstr for c in SEGMENTS] == [
        fake_english(SEGMENTS[0]),
        fake_english(SEGMENTS[1]),
        "",
        "",
    ]


def test_dry_run_sends_nothing_and_writes_nothing(tmp_path: Path, server: OpenAIStandIn) -> None:
    content = make_content(tmp_path)
    (content / "glossary.yml").write_text("测试局: Test Bureau\n", encoding="utf-8")
    run = Run()
    outcomes = run(content, openai_options(server, dry_run=True))
    assert server.requests == []
    assert not (content / "r" / "translations").exists()
    assert outcomes[0].to_send == 4
    assert run.out[:3] == [
        "dry run: nothing is sent and nothing is written",
        f"{po_path(content)}: 4 segments would be sent to openai-compatible (model m) "
        f"at {server.base_url}",
        "  new       content/r/report.yml:1",
    ]
    assert "            glossary: 测试局 → Test Bureau" in run.out
    assert "            第二段，提高1.01个百分点。" in run.out

    reviewed_and_machine_memory(content)
    before = po_path(content).read_bytes()
    (content / "r" / "zh-Hans" / "index.md").write_text(INDEX.replace("5.79", "5.8"), "utf-8")
    run = Run()
    run(content, openai_options(server, dry_run=True))
    assert server.requests == [] and po_path(content).read_bytes() == before
    assert "  outdated  content/r/zh-Hans/index.md:3" in run.out


def test_without_an_engine_it_merges_saves_and_says_what_is_left(tmp_path: Path) -> None:
    content = make_content(tmp_path)
    reviewed_and_machine_memory(content)
    changed = "# 测试报告\n\n第一段，新增学位5.80万个。\n\n全新的第三段内容。\n"
    (content / "r" / "zh-Hans" / "index.md").write_text(changed, encoding="utf-8")
    run = Run()
    outcomes = run(content, Options())
    assert run.out == [
        f"{po_path(content)}: merged: 1 new, 1 changed, 1 removed; left: 1 missing, 1 outdated",
        "no engine configured: use --engine NAME or a `translate:` section in content/site.yml "
        "(engines: openai-compatible, libretranslate, deepl, ctranslate2)",
    ]
    assert (outcomes[0].missing, outcomes[0].outdated) == (1, 1)
    po = polib.pofile(str(po_path(content)))
    assert store.state_of(po.find("全新的第三段内容。")) is State.MISSING
    assert po.find("第一段，新增学位5.80万个。").previous_msgid == "第一段，新增学位5.79万个。"
    assert [e.msgid for e in po if e.obsolete] == ["第二段，提高1.01个百分点。"]


def test_the_engine_can_come_from_site_yml_and_the_command_line_wins(
    tmp_path: Path, server: OpenAIStandIn
) -> None:
    site = f"translate:\n  engine: openai-compatible\n  base_url: {server.base_url}\n  model: m\n"
    content = make_content(tmp_path, site=site)
    Run()(content, Options())
    assert len(server.requests) == 4
    (content / "r" / "zh-Hans" / "index.md").write_text(INDEX + "\n新的一段。\n", "utf-8")
    with pytest.raises(EngineError, match="deepl: needs a key"):
        Run()(content, Options(engine="deepl"), env={})  # site.yml's address is not DeepL's


@pytest.mark.parametrize(
    ("section", "expected"),
    [
        (
            "translate:\n  engine: openai-compatible\n  api_key: sk-x\n",
            "content/site.yml:4:3: translate.api_key: keys are never read from files\n"
            "  hint: remove it and set the environment variable (OPENAI_API_KEY, DEEPL_AUTH_KEY "
            "or LIBRETRANSLATE_API_KEY) instead",
        ),
        (
            "translate:\n  engine: deepel\n",
            "content/site.yml:3:11: unknown engine 'deepel' (engines: openai-compatible, "
            "libretranslate, deepl, ctranslate2); did you mean deepl?\n"
            "      engine: deepel\n"
            "              ^",
        ),
        (
            "translate: deepl\n",
            "content/site.yml:2:12: translate must be a mapping\n"
            "    translate: deepl\n"
            "               ^\n"
            "  hint: write `engine:`, `base_url:` and `model:` indented below `translate:`",
        ),
    ],
)
def test_translate_settings_errors_name_the_line(
    tmp_path: Path, section: str, expected: str
) -> None:
    content = make_content(tmp_path, site=section)
    with pytest.raises(ReportSiteError) as caught:
        Run()(content, Options())
    assert caught.value.render() == expected


def test_provenance_fits_the_po_line_width_and_survives_a_round_trip(tmp_path: Path) -> None:
    from datetime import date

    day = date(2026, 1, 1)
    assert store.provenance_lines("deepl", "default", day, "Hi.") == [
        "machine-translated: engine=deepl; model=default; date=2026-01-01;",
        "digest=" + hashlib.sha256(b"Hi.").hexdigest()[:12],
    ]
    model = "hf.co/org/Qwen2.5-7B-Instruct-GGUF:Q4_K_M"
    assert store.provenance_lines("openai-compatible", model, day, "Hello.") == [
        "machine-translated: engine=openai-compatible;",
        f"model={model}; date=2026-01-01;",
        "digest=" + hashlib.sha256(b"Hello.").hexdigest()[:12],
    ]
    po = store.new_catalog()
    entry = polib.POEntry(msgid="你好。", msgstr="Old", tcomment="translator note", flags=["fuzzy"])
    po.append(entry)
    record(entry, "Hello.", Provenance("openai-compatible", model, day))
    path = tmp_path / "en.po"
    store.save(po, path)
    reloaded = store.load(path)
    long = store.provenance_lines("openai-compatible", model, day, "Hello.")
    assert reloaded[0].tcomment == "\n".join([*long, "translator note"])
    assert store.state_of(reloaded[0]) is State.MACHINE
    assert not store.save(reloaded, path)  # byte-stable
    record(reloaded[0], "Hi.", Provenance("deepl", "default", day))
    assert reloaded[0].tcomment == "\n".join(
        [*store.provenance_lines("deepl", "default", day, "Hi."), "translator note"]
    )


def test_a_machine_draft_a_translator_edited_is_theirs_and_never_resent(
    tmp_path: Path, server: OpenAIStandIn
) -> None:
    content = make_content(tmp_path)
    Run()(content, openai_options(server))
    # In Poedit: the English of the first paragraph is rewritten; comments stay as they were.
    po = store.load(po_path(content))
    edited = po.find(SEGMENTS[2])
    assert edited is not None
    edited.msgstr = "The first paragraph: 57,900 new school places."
    store.save(po, po_path(content))
    assert store.state_of(edited) is State.REVIEWED
    # The Chinese of both paragraphs changes: only the untouched draft goes back to the engine.
    index = INDEX.replace("5.79万个", "5.8万个").replace("1.01个", "1.02个")
    (content / "r" / "zh-Hans" / "index.md").write_text(index, encoding="utf-8")
    Run()(content, openai_options(server))
    sent = [r.body["messages"][1]["content"] for r in server.posts("/v1/chat/completions")]
    assert sent[len(SEGMENTS) :] == ["第二段，提高1.02个百分点。"]
    kept = entries(content)["第一段，新增学位5.8万个。"]
    assert kept.msgstr == "The first paragraph: 57,900 new school places."
    assert "fuzzy" in kept.flags and kept.previous_msgid == SEGMENTS[2]


def test_a_memory_saved_by_a_translator_during_the_run_is_merged_not_overwritten(
    tmp_path: Path, server: OpenAIStandIn
) -> None:
    content = make_content(tmp_path)
    path = po_path(content)

    def translator_saves(seen: Seen) -> None:
        if len(server.requests) == 2:  # Poedit saves while the second segment is out
            po = store.load(path)
            first = po.find(SEGMENTS[0])
            assert first is not None
            first.msgstr, first.tcomment = "Test Bureau", "reviewed-by: Ann"
            late = po.find(SEGMENTS[3])
            assert late is not None
            late.msgstr = "Second paragraph, up 1.01 percentage points."
            store.save(po, path)

    server.before_answer = translator_saves
    run = Run()
    outcomes = run(content, openai_options(server))
    written = entries(content)
    assert written[SEGMENTS[0]].msgstr == "Test Bureau"  # theirs, not the engine's first answer
    assert written[SEGMENTS[1]].msgstr == fake_english(SEGMENTS[1])
    assert written[SEGMENTS[2]].msgstr == fake_english(SEGMENTS[2])
    assert written[SEGMENTS[3]].msgstr == "Second paragraph, up 1.01 percentage points."
    sent = [r.body["messages"][1]["content"] for r in server.posts("/v1/chat/completions")]
    assert sent == SEGMENTS[:3]  # the segment they translated is not sent
    assert run.err == [
        f"{path} was saved by someone else during the run: "
        "their edits are kept, and this run's answers merged into it"
    ]
    assert outcomes[0].missing == 0


def test_a_blank_answer_leaves_the_segment_missing(tmp_path: Path, server: OpenAIStandIn) -> None:
    content = make_content(tmp_path)
    blank = {"choices": [{"index": 0, "message": {"role": "assistant", "content": " \n"}}]}
    server.fail_next(200, blank)
    outcomes = Run()(content, openai_options(server))
    assert (outcomes[0].translated, outcomes[0].empty, outcomes[0].missing) == (3, 1, 1)
    assert entries(content)["测试局"].msgstr == ""


def test_a_bad_source_date_epoch_is_named(tmp_path: Path, server: OpenAIStandIn) -> None:
    content = make_content(tmp_path)
    with pytest.raises(ReportSiteError, match="SOURCE_DATE_EPOCH must be a whole number"):
        Run()(content, openai_options(server), env={"SOURCE_DATE_EPOCH": "yesterday"})


def test_deepl_through_the_command_uses_the_glossary_in_one_batch(tmp_path: Path) -> None:
    content = make_content(tmp_path)
    (content / "glossary.yml").write_text("测试局: Test Bureau\n", encoding="utf-8")
    with DeepLStandIn(key="dk:fx") as deepl:
        env = {"DEEPL_AUTH_KEY": "dk:fx", "SOURCE_DATE_EPOCH": EPOCH}
        Run()(content, Options("deepl", deepl.base_url), env=env)
        assert len(deepl.posts("/v2/translate")) == 1
        assert deepl.problems == []
    organisation = entries(content)["测试局"]
    assert organisation.msgstr == "EN<[Test Bureau]>"
    assert organisation.tcomment == (
        "machine-translated: engine=deepl; model=default; date=2026-01-01;\n"
        f"digest={hashlib.sha256(b'EN<[Test Bureau]>').hexdigest()[:12]}"
    )
    assert "dk:fx" not in po_path(content).read_text(encoding="utf-8")


def test_on_the_real_report_only_the_edited_and_the_new_paragraph_are_sent(
    tmp_path: Path, server: OpenAIStandIn
) -> None:
    project = copy_project(tmp_path)
    report = project.content / "hangzhou-education-2020"
    po_file = report / "translations" / "en.po"
    before = {e.msgid: e for e in polib.pofile(str(po_file))}
    page = report / "zh-Hans" / "01-jiaqiang-dangdelingdao.md"
    text = page.read_text(encoding="utf-8")
    paragraph = next(line for line in text.splitlines() if line.startswith("认真履行"))
    edited = paragraph.replace("2次全体会议", "3次全体会议")
    page.write_text(
        text.replace(paragraph, edited) + "\n新增一段：全市新增学位5.79万个。\n", "utf-8"
    )
    run = Run()
    run(project.content, openai_options(server))
    sent = [r.body["messages"][1]["content"] for r in server.posts("/v1/chat/completions")]
    assert sent == [edited, "新增一段：全市新增学位5.79万个。"]
    after = {e.msgid: e for e in polib.pofile(str(po_file))}
    unchanged = set(before) - {paragraph}
    assert all(after[m].msgstr == before[m].msgstr for m in unchanged)
    assert all(after[m].tcomment == before[m].tcomment for m in unchanged)
    assert after[edited].msgstr == fake_english(edited)
    assert paragraph not in after  # its entry became the edited one's, now retranslated


def test_the_command_has_help_naming_the_key_variables() -> None:
    result = CliRunner().invoke(main, ["translate", "--help"])
    assert result.exit_code == 0
    for words in ("--engine", "--base-url", "--model", "--dry-run", "OPENAI_API_KEY"):
        assert words in result.output
