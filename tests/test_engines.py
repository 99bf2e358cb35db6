"""Each engine against a local stand-in of its service: request shape, answers, retries, errors.

The stand-ins (tests/standins.py) check every request as the real service would; a test ends by
asserting they found no problem. The ctranslate2 engine is tested on its configuration errors
and, with stand-in modules, on its wiring: no real model is downloaded here.
"""

from __future__ import annotations

import sys
import types
from collections.abc import Iterator
from datetime import UTC, datetime
from pathlib import Path
from typing import Any

import pytest

from generator.errors import ReportSiteError
from generator.tm.engines import EngineConfig, EngineError, Retry, create
from generator.tm.engines.ctranslate2_model import sentences
from generator.tm.engines.deepl import FREE_BASE_URL, PRO_BASE_URL, default_base_url, glossary_tsv
from generator.tm.engines.openai_compatible import answer_text
from generator.tm.engines.service import retry_after_seconds, shown_url
from tests.standins import DeepLStandIn, LibreTranslateStandIn, OpenAIStandIn, fake_english

GLOSSARY = {"杭州市教育局": "Hangzhou Municipal Education Bureau", "美好教育": "Better Education"}
SECRET = "sk-test-SECRET-7f3a9c"


class Sleeps(list[float]):
    """An injectable sleep that records how long it was asked to wait, and does not wait."""

    def __call__(self, seconds: float) -> None:
        self.append(seconds)


@pytest.fixture()
def sleeps() -> Sleeps:
    return Sleeps()


@pytest.fixture()
def openai() -> Iterator[OpenAIStandIn]:
    with OpenAIStandIn(key=SECRET) as server:
        yield server
    assert server.problems == []


def openai_engine(server: OpenAIStandIn, sleeps: Sleeps, key: str | None = SECRET) -> Any:
    env = {"OPENAI_API_KEY": key} if key else {}
    config = EngineConfig("openai-compatible", server.base_url, server.model)
    return create(config, env, Retry(sleep=sleeps))


# openai-compatible


def test_openai_one_request_per_segment_with_the_glossary_terms_it_needs(
    openai: OpenAIStandIn, sleeps: Sleeps
) -> None:
    engine = openai_engine(openai, sleeps)
    texts = ["杭州市教育局召开会议。", "新增学位5.79万个。"]
    assert engine.translate(texts, GLOSSARY) == [fake_english(t) for t in texts]
    sent = openai.posts("/v1/chat/completions")
    assert len(sent) == 2
    assert sent[0].headers["authorization"] == f"Bearer {SECRET}"
    first_system = sent[0].body["messages"][0]["content"]
    assert "杭州市教育局 → Hangzhou Municipal Education Bureau" in first_system
    assert "美好教育" not in first_system  # only the terms the segment contains
    assert "杭州市教育局" not in sent[1].body["messages"][0]["content"]
    assert sent[1].body["messages"][1]["content"] == "新增学位5.79万个。"
    assert engine.model == "test-model" and engine.name == "openai-compatible"
    assert sleeps == []


def test_openai_a_local_server_needs_no_key(sleeps: Sleeps) -> None:
    with OpenAIStandIn() as server:
        engine = openai_engine(server, sleeps, key=None)
        assert engine.translate(["你好。"], {}) == ["EN<你好。>"]
        assert "authorization" not in server.requests[0].headers
        assert server.problems == []


def test_openai_needs_a_model() -> None:
    with pytest.raises(EngineError) as caught:
        create(EngineConfig("openai-compatible", "http://127.0.0.1:9/v1"), {})
    assert caught.value.render().startswith("openai-compatible: needs a model name: --model NAME")


def test_a_reasoning_models_thinking_is_not_the_translation() -> None:
    data = {"choices": [{"message": {"content": "<think>先想想</think>\n\n Hello. "}}]}
    assert answer_text(data) == "Hello."
    with pytest.raises(EngineError, match="no choices"):
        answer_text({"error": "x"})


def test_a_refused_key_stops_with_the_variable_named_never_the_key(
    sleeps: Sleeps,
) -> None:
    with OpenAIStandIn(key="the-right-key") as server:
        engine = openai_engine(server, sleeps, key=SECRET)
        with pytest.raises(EngineError) as caught:
            engine.translate(["你好。"], {})
    message = caught.value.render()
    assert message == (
        f"openai-compatible: {server.base_url} refused the key in OPENAI_API_KEY (HTTP 401); "
        "set OPENAI_API_KEY to a valid key and run again"
    )
    assert SECRET not in message and SECRET[-6:] not in message
    assert len(server.requests) == 1 and sleeps == []  # no retry of a refused key


def test_a_missing_key_is_named(sleeps: Sleeps) -> None:
    with OpenAIStandIn(key="needed") as server:
        engine = openai_engine(server, sleeps, key=None)
        with pytest.raises(EngineError, match=r"needs a key \(HTTP 401\); set the environment var"):
            engine.translate(["你好。"], {})


def test_429_is_retried_after_the_time_the_server_asks(
    openai: OpenAIStandIn, sleeps: Sleeps
) -> None:
    openai.fail_next(429, {"error": {"message": "Rate limit reached"}}, {"Retry-After": "7"})
    engine = openai_engine(openai, sleeps)
    assert engine.translate(["你好。"], {}) == ["EN<你好。>"]
    assert sleeps == [7.0]
    assert len(openai.requests) == 2


def test_server_errors_are_retried_with_exponential_backoff(
    openai: OpenAIStandIn, sleeps: Sleeps
) -> None:
    openai.fail_next(503, times=2)
    openai.fail_next(500)
    engine = openai_engine(openai, sleeps)
    assert engine.translate(["你好。"], {}) == ["EN<你好。>"]
    assert sleeps == [1.0, 2.0, 4.0]


def test_a_server_that_keeps_failing_stops_the_run(openai: OpenAIStandIn, sleeps: Sleeps) -> None:
    openai.fail_next(502, times=6)
    engine = openai_engine(openai, sleeps)
    with pytest.raises(EngineError, match=r"still answers HTTP 502 after 6 tries; run again later"):
        engine.translate(["你好。"], {})
    assert len(sleeps) == 5


def test_a_server_asking_for_a_long_pause_stops_instead_of_waiting(
    openai: OpenAIStandIn, sleeps: Sleeps
) -> None:
    openai.fail_next(429, headers={"Retry-After": "86400"})
    with pytest.raises(EngineError, match="asks to wait 86400 s"):
        openai_engine(openai, sleeps).translate(["你好。"], {})
    assert sleeps == []


def test_other_client_errors_quote_the_server_without_the_key(
    openai: OpenAIStandIn, sleeps: Sleeps
) -> None:
    openai.fail_next(404, {"error": {"message": f"model 'nope' not found (key {SECRET})"}})
    with pytest.raises(EngineError) as caught:
        openai_engine(openai, sleeps).translate(["你好。"], {})
    assert caught.value.render() == (
        f"openai-compatible: {openai.base_url} answered HTTP 404: model 'nope' not found (key ***)"
    )


def test_a_server_that_is_not_running_is_named(sleeps: Sleeps) -> None:
    with OpenAIStandIn() as server:
        base = server.base_url
    engine = create(EngineConfig("openai-compatible", base, "m"), {}, Retry(sleep=sleeps))
    with pytest.raises(EngineError, match=r"cannot connect to .*; start the server or correct"):
        engine.translate(["你好。"], {})


@pytest.mark.parametrize(
    ("base_url", "shown"),
    [
        ("localhost:11434/v1", "localhost:11434/v1"),
        ("ftp://user:secret@host/v1", "ftp://host/v1"),
        ("http://user:secret@[::1/v1?key=sk-1", "http://[::1/v1"),
        ("https:///v1", "https:///v1"),
        ("sk-secret@example.org/v1", "example.org/v1"),
    ],
)
def test_a_base_url_that_is_no_http_address_is_refused_before_any_request(
    base_url: str, shown: str
) -> None:
    with pytest.raises(EngineError) as caught:
        create(EngineConfig("openai-compatible", base_url, "m"), {})
    assert caught.value.render() == (
        f"openai-compatible: the base URL '{shown}' is not an http:// or https:// address "
        "with a host, e.g. http://127.0.0.1:11434/v1"
    )
    assert "secret" not in caught.value.render() and "sk-" not in caught.value.render()


def test_retry_after_is_seconds_or_an_http_date() -> None:
    now = datetime(2026, 1, 1, 12, 0, 0, tzinfo=UTC)
    assert retry_after_seconds("3") == 3.0
    assert retry_after_seconds("Thu, 01 Jan 2026 12:00:30 GMT", now) == 30.0
    assert retry_after_seconds("soon") is None
    assert retry_after_seconds(None) is None


def test_messages_show_a_base_url_without_credentials() -> None:
    assert shown_url("https://user:pw@example.org:8443/v1/?key=x") == "https://example.org:8443/v1"


def test_an_unknown_engine_suggests_the_nearest_name() -> None:
    with pytest.raises(EngineError) as caught:
        create(EngineConfig("deepll"), {})
    assert caught.value.render() == (
        "report-site: unknown engine 'deepll' (engines: openai-compatible, libretranslate, "
        "deepl, ctranslate2); did you mean deepl?"
    )


# libretranslate


@pytest.mark.parametrize("chinese", ["zh-Hans", "zh"])
def test_libretranslate_uses_the_servers_code_for_chinese(chinese: str, sleeps: Sleeps) -> None:
    with LibreTranslateStandIn(chinese=chinese) as server:
        engine = create(EngineConfig("libretranslate", server.url), {}, Retry(sleep=sleeps))
        assert engine.translate(["你好。", "再见。"], GLOSSARY) == ["EN<你好。>", "EN<再见。>"]
        assert [r.method for r in server.requests] == ["GET", "POST", "POST"]
        assert server.posts("/translate")[0].body == {
            "q": "你好。",
            "source": chinese,
            "target": "en",
            "format": "text",
        }
        assert server.problems == []


def test_libretranslate_sends_the_key_from_the_environment_in_the_body(sleeps: Sleeps) -> None:
    with LibreTranslateStandIn(key="lt-key") as server:
        env = {"LIBRETRANSLATE_API_KEY": "lt-key"}
        engine = create(EngineConfig("libretranslate", server.url), env, Retry(sleep=sleeps))
        assert engine.translate(["你好。"], {}) == ["EN<你好。>"]
        assert server.posts("/translate")[0].body["api_key"] == "lt-key"
        bad = create(
            EngineConfig("libretranslate", server.url),
            {"LIBRETRANSLATE_API_KEY": "wrong-key"},
            Retry(sleep=sleeps),
        )
        with pytest.raises(EngineError) as caught:
            bad.translate(["你好。"], {})
        assert server.problems == []
    assert "refused the key in LIBRETRANSLATE_API_KEY (HTTP 403)" in caught.value.render()
    assert "wrong-key" not in caught.value.render()


def test_libretranslate_without_a_chinese_model_says_so(sleeps: Sleeps) -> None:
    with LibreTranslateStandIn(chinese=None) as server:
        engine = create(EngineConfig("libretranslate", server.url), {}, Retry(sleep=sleeps))
        with pytest.raises(EngineError, match=r"no Chinese → English model \(languages: en\)"):
            engine.translate(["你好。"], {})


# deepl


def test_deepl_translates_a_batch_with_a_glossary_it_creates_once(sleeps: Sleeps) -> None:
    with DeepLStandIn() as server:
        env = {"DEEPL_AUTH_KEY": server.key}
        engine = create(EngineConfig("deepl", server.base_url), env, Retry(sleep=sleeps))
        texts = ["杭州市教育局发布报告。", "推进美好教育。"]
        assert engine.translate(texts, GLOSSARY) == [
            "EN<[Hangzhou Municipal Education Bureau]发布报告。>",
            "EN<推进[Better Education]。>",
        ]
        engine.translate(["再见。"], GLOSSARY)
        assert len(server.posts("/v2/glossaries")) == 1
        translate = server.posts("/v2/translate")
        assert translate[0].body == {
            "text": texts,
            "source_lang": "ZH",
            "target_lang": "EN-GB",
            "glossary_id": "gloss-1",
        }
        assert translate[0].headers["authorization"] == f"DeepL-Auth-Key {server.key}"
        # A later run finds the glossary by its name instead of creating another.
        again = create(EngineConfig("deepl", server.base_url), env, Retry(sleep=sleeps))
        again.translate(["你好。"], GLOSSARY)
        assert len(server.posts("/v2/glossaries")) == 1
        assert server.problems == []


def test_deepl_waits_until_a_new_glossary_is_ready(sleeps: Sleeps) -> None:
    with DeepLStandIn() as server:
        server.ready_after_checks = 2
        env = {"DEEPL_AUTH_KEY": server.key}
        engine = create(EngineConfig("deepl", server.base_url), env, Retry(sleep=sleeps))
        engine.translate(["杭州市教育局。"], GLOSSARY)
        assert sleeps == [1.0, 2.0]
        assert server.problems == []


def test_deepl_model_is_its_model_type(sleeps: Sleeps) -> None:
    with DeepLStandIn() as server:
        env = {"DEEPL_AUTH_KEY": server.key}
        config = EngineConfig("deepl", server.base_url, "quality_optimized")
        engine = create(config, env, Retry(sleep=sleeps))
        engine.translate(["你好。"], {})
        assert server.posts("/v2/translate")[0].body["model_type"] == "quality_optimized"
        assert engine.model == "quality_optimized"
        assert "glossary_id" not in server.posts("/v2/translate")[0].body


def test_deepl_quota_stops_with_what_to_do(sleeps: Sleeps) -> None:
    with DeepLStandIn() as server:
        server.fail_next(456, {"message": "Quota Exceeded"})
        env = {"DEEPL_AUTH_KEY": server.key}
        engine = create(EngineConfig("deepl", server.base_url), env, Retry(sleep=sleeps))
        with pytest.raises(EngineError) as caught:
            engine.translate(["你好。"], {})
    assert caught.value.render() == (
        "deepl: the DeepL quota is used up (HTTP 456); wait for it to renew or raise the "
        "plan's limit, then run again (translations so far are saved)"
    )


def test_deepl_refused_key_names_the_variable(sleeps: Sleeps) -> None:
    with DeepLStandIn(key="right:fx") as server:
        env = {"DEEPL_AUTH_KEY": "wrong-secret:fx"}
        engine = create(EngineConfig("deepl", server.base_url), env, Retry(sleep=sleeps))
        with pytest.raises(EngineError) as caught:
            engine.translate(["你好。"], {})
    assert "refused the key in DEEPL_AUTH_KEY (HTTP 403)" in caught.value.render()
    assert "wrong-secret" not in caught.value.render()


def test_deepl_needs_a_key_and_picks_its_address_from_it() -> None:
    with pytest.raises(EngineError, match="deepl: needs a key: set the environment variable"):
        create(EngineConfig("deepl"), {})
    assert default_base_url("abc:fx") == FREE_BASE_URL == "https://api-free.deepl.com/v2"
    assert default_base_url("abc") == PRO_BASE_URL == "https://api.deepl.com/v2"


def test_deepl_glossary_entries_are_sorted_tsv_without_unusable_lines() -> None:
    tsv = glossary_tsv({"乙": "B", "甲": "A", "坏\t词": "x", "空": " "})
    assert tsv == "乙\tB\n甲\tA"


# ctranslate2 (no real model here: configuration errors, and the wiring with stand-in modules)


def ct2(model: str | None) -> Any:
    return create(EngineConfig("ctranslate2", None, model), {})


def test_ctranslate2_needs_a_model_directory(tmp_path: Path) -> None:
    with pytest.raises(EngineError, match="ctranslate2: needs the model directory: --model PATH"):
        ct2(None)
    with pytest.raises(EngineError, match="no such model directory; check --model"):
        ct2(str(tmp_path / "nowhere"))
    with pytest.raises(EngineError, match=r"not a CTranslate2 model \(no model.bin"):
        ct2(str(tmp_path))
    (tmp_path / "model").mkdir()
    (tmp_path / "model" / "model.bin").write_bytes(b"")
    with pytest.raises(EngineError, match="no SentencePiece model"):
        ct2(str(tmp_path))


def argos_package(folder: Path) -> Path:
    (folder / "model").mkdir(parents=True)
    (folder / "model" / "model.bin").write_bytes(b"")
    (folder / "sentencepiece.model").write_bytes(b"")
    return folder


def test_ctranslate2_without_the_extra_says_how_to_install_it(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.setitem(sys.modules, "ctranslate2", None)  # as if not installed
    with pytest.raises(EngineError) as caught:
        ct2(str(argos_package(tmp_path / "zh_en")))
    assert caught.value.render() == (
        "ctranslate2: the ctranslate2 package is not installed; "
        "pip install 'report-site[ctranslate2]'"
    )


def test_ctranslate2_splits_sentences_tokenises_and_joins(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    calls: list[list[list[str]]] = []

    class Processor:
        def __init__(self, model_file: str) -> None:
            assert model_file.endswith("sentencepiece.model")

        def encode(self, text: str, out_type: type) -> list[str]:
            return ["▁" + ch for ch in text]

        def decode(self, pieces: list[str]) -> str:
            return " " + "".join(p.lstrip("▁") for p in pieces) + " "

    class Translator:
        def __init__(self, path: str, device: str) -> None:
            assert path.endswith("model") and device == "cpu"

        def translate_batch(self, batch: list[list[str]], **options: Any) -> list[Any]:
            calls.append(batch)
            return [types.SimpleNamespace(hypotheses=[["▁E", *tokens]]) for tokens in batch]

    monkeypatch.setitem(sys.modules, "ctranslate2", types.SimpleNamespace(Translator=Translator))
    monkeypatch.setitem(
        sys.modules, "sentencepiece", types.SimpleNamespace(SentencePieceProcessor=Processor)
    )
    engine = ct2(str(argos_package(tmp_path / "translate-zh_en-1_9")))
    assert engine.model == "translate-zh_en-1_9"
    assert engine.translate(["甲。乙！", "丙"], {}) == ["E甲。 E乙！", "E丙"]
    assert len(calls) == 1 and len(calls[0]) == 3  # one batch of three sentences


def test_sentences_keep_their_punctuation() -> None:
    assert sentences("一是甲；二是乙。三是丙？") == ["一是甲；", "二是乙。", "三是丙？"]
    assert sentences("没有句号") == ["没有句号"]


# context and the English variant


def test_openai_gets_the_neighbouring_segments_and_the_spelling_in_its_instructions(
    openai: OpenAIStandIn, sleeps: Sleeps
) -> None:
    config = EngineConfig("openai-compatible", openai.base_url, openai.model, "EN-US")
    engine = create(config, {"OPENAI_API_KEY": SECRET}, Retry(sleep=sleeps))
    texts = ["一、加强党的领导", "新增学位5.79万个。"]
    context = ["认真履行职能。", "一、加强党的领导\n二、打好防疫硬仗"]
    assert engine.translate(texts, GLOSSARY, context) == [fake_english(t) for t in texts]
    sent = openai.posts("/v1/chat/completions")
    system = sent[1].body["messages"][0]["content"]
    assert "Use American spelling (program, organization)." in system
    assert "do not translate it:\n一、加强党的领导\n二、打好防疫硬仗" in system
    assert sent[1].body["messages"][1]["content"] == "新增学位5.79万个。"  # the passage alone


def test_deepl_english_variant_is_its_target_and_the_neighbours_its_context(
    sleeps: Sleeps,
) -> None:
    with DeepLStandIn() as server:
        env = {"DEEPL_AUTH_KEY": server.key}
        config = EngineConfig("deepl", server.base_url, english_variant="EN-US")
        engine = create(config, env, Retry(sleep=sleeps))
        texts = ["标题", "正文。"]
        engine.translate(texts, {}, ["正文。", "标题\n下一段。"])
        body = server.posts("/v2/translate")[0].body
        assert body["target_lang"] == "EN-US"
        assert body["context"] == "标题\n下一段。"  # the batch's texts are not context
        engine_gb = create(EngineConfig("deepl", server.base_url), env, Retry(sleep=sleeps))
        engine_gb.translate(["你好。"], {})
        assert server.posts("/v2/translate")[1].body["target_lang"] == "EN-GB"
        assert "context" not in server.posts("/v2/translate")[1].body
        assert server.problems == []


def test_the_english_variant_is_a_setting_and_a_command_line_option(tmp_path: Path) -> None:
    from generator.content import read_site_config
    from generator.tm.engines.settings import resolve

    (tmp_path / "site.yml").write_text(
        "site_url: https://example.org/\ntranslate:\n  engine: deepl\n  english_variant: EN-US\n",
        encoding="utf-8",
    )
    from_file = resolve(read_site_config(tmp_path).translate, None, None, None)
    from_option = resolve(read_site_config(tmp_path).translate, None, None, None, "EN-GB")
    assert from_file is not None and from_file.english_variant == "EN-US"
    assert from_option is not None and from_option.english_variant == "EN-GB"
    (tmp_path / "site.yml").write_text(
        "site_url: https://example.org/\ntranslate:\n  engine: deepl\n  english_variant: British\n",
        encoding="utf-8",
    )
    with pytest.raises(ReportSiteError) as caught:
        resolve(read_site_config(tmp_path).translate, None, None, None)
    assert [(p.loc.line, p.message) for p in caught.value.problems] == [
        (4, "translate.english_variant must be EN-GB or EN-US, not 'British'")
    ]


def test_each_segment_gets_the_segments_before_and_after_it() -> None:
    from generator.tm.translate import neighbours

    assert neighbours(["标题", "第一段", "第二段"]) == {
        "标题": "第一段",
        "第一段": "标题\n第二段",
        "第二段": "第一段",
    }
