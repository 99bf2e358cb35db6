"""Local stand-ins for the translation services, so the engines are tested against their protocol.

Each stand-in is a real HTTP server on 127.0.0.1 (a free port, a thread) that checks every request
the way the real service would (method, path, headers, JSON fields) and answers in the service's
shape. A request of the wrong shape gets a 400 and is recorded in `problems`, which tests assert
empty: a failed check inside the server thread could not fail the test by itself.

The "English" they answer is `EN<…>` around the Chinese, so a test can see which segment an
answer belongs to; `fail_next` scripts failures (429, 5xx, 401, 456) before normal answers.
"""

from __future__ import annotations

import json
import threading
from collections.abc import Callable
from dataclasses import dataclass, field
from http.server import BaseHTTPRequestHandler, ThreadingHTTPServer
from types import TracebackType
from typing import Any, Self


def fake_english(chinese: str, glossary: dict[str, str] | None = None) -> str:
    for zh, en in (glossary or {}).items():
        chinese = chinese.replace(zh, f"[{en}]")
    return f"EN<{chinese}>"


@dataclass
class Seen:
    """One request as the stand-in received it."""

    method: str
    path: str
    headers: dict[str, str]  # lower-case names
    body: Any


@dataclass
class Reply:
    status: int
    body: Any
    headers: dict[str, str] = field(default_factory=dict)


class _Handler(BaseHTTPRequestHandler):
    server: _Server

    def _handle(self) -> None:
        length = int(self.headers.get("Content-Length") or 0)
        raw = self.rfile.read(length) if length else b""
        body: Any = None
        if raw:
            try:
                body = json.loads(raw)
            except ValueError:
                body = raw.decode("utf-8", "replace")
        headers = {k.lower(): v for k, v in self.headers.items()}
        reply = self.server.standin.dispatch(Seen(self.command, self.path, headers, body))
        data = json.dumps(reply.body).encode("utf-8")
        self.send_response(reply.status)
        self.send_header("Content-Type", "application/json")
        self.send_header("Content-Length", str(len(data)))
        for name, value in reply.headers.items():
            self.send_header(name, value)
        self.end_headers()
        self.wfile.write(data)

    do_GET = do_POST = do_DELETE = _handle

    def log_message(self, format: str, *args: Any) -> None:  # quiet test output
        return


class _Server(ThreadingHTTPServer):
    daemon_threads = True
    standin: StandIn

    def handle_error(self, request: Any, client_address: Any) -> None:
        # A client that hung up (an interrupted run) is what some scenarios test; the default
        # would print a traceback into the output under test.
        return


class StandIn:
    """Base: the server, the record of requests, scripted failures, shape checks."""

    def __init__(self) -> None:
        self.requests: list[Seen] = []
        self.problems: list[str] = []
        self.script: list[Reply] = []
        self.before_answer: Callable[[Seen], None] | None = None
        self._lock = threading.Lock()
        self._server = _Server(("127.0.0.1", 0), _Handler)
        self._server.standin = self
        self._thread = threading.Thread(
            target=self._server.serve_forever, kwargs={"poll_interval": 0.02}, daemon=True
        )

    @property
    def url(self) -> str:
        host, port = self._server.server_address[:2]
        return f"http://{host!s}:{port}"

    def __enter__(self) -> Self:
        self._thread.start()
        return self

    def __exit__(
        self,
        kind: type[BaseException] | None,
        error: BaseException | None,
        trace: TracebackType | None,
    ) -> None:
        self._server.shutdown()
        self._server.server_close()
        self._thread.join(timeout=5)

    def fail_next(
        self, status: int, body: Any = None, headers: dict[str, str] | None = None, times: int = 1
    ) -> None:
        for _ in range(times):
            self.script.append(Reply(status, body or {"error": f"HTTP {status}"}, headers or {}))

    def posts(self, path: str) -> list[Seen]:
        return [r for r in self.requests if r.method == "POST" and r.path == path]

    def check(self, condition: bool, message: str) -> bool:
        if not condition:
            self.problems.append(message)
        return condition

    def dispatch(self, seen: Seen) -> Reply:
        with self._lock:
            self.requests.append(seen)
            if self.before_answer is not None:
                self.before_answer(seen)
            if self.script:
                return self.script.pop(0)
            problems_before = len(self.problems)
            reply = self.answer(seen)
            if len(self.problems) > problems_before:
                return Reply(400, {"error": "; ".join(self.problems[problems_before:])})
            return reply

    def answer(self, seen: Seen) -> Reply:
        raise NotImplementedError

    def json_post(self, seen: Seen, path: str) -> bool:
        """Checks every JSON POST shares: the method, the path, the content type, a JSON object."""
        return (
            self.check(seen.method == "POST", f"{seen.method} {seen.path}: expected POST")
            and self.check(seen.path == path, f"POST {seen.path}: expected {path}")
            and self.check(
                seen.headers.get("content-type", "").startswith("application/json"),
                f"content-type {seen.headers.get('content-type')!r}: expected application/json",
            )
            and self.check(isinstance(seen.body, dict), "the body is not a JSON object")
        )


class OpenAIStandIn(StandIn):
    """OpenAI Chat Completions at {url}/v1/chat/completions (Ollama, llama.cpp and vLLM alike).

    With `key`, requests must carry `Authorization: Bearer <key>`; a wrong one gets the real
    service's 401, whose message quotes the key (so tests can check it is never repeated)."""

    def __init__(self, model: str = "test-model", key: str | None = None) -> None:
        super().__init__()
        self.model = model
        self.key = key

    @property
    def base_url(self) -> str:
        return self.url + "/v1"

    def answer(self, seen: Seen) -> Reply:
        if self.key is not None and seen.headers.get("authorization") != f"Bearer {self.key}":
            given = seen.headers.get("authorization", "").removeprefix("Bearer ")
            return Reply(
                401,
                {
                    "error": {
                        "message": f"Incorrect API key provided: {given}.",
                        "type": "invalid_request_error",
                        "code": "invalid_api_key",
                    }
                },
            )
        if not self.json_post(seen, "/v1/chat/completions"):
            return Reply(400, {})
        body = seen.body
        self.check(body.get("model") == self.model, f"model {body.get('model')!r}")
        self.check(body.get("temperature") == 0, "temperature must be 0")
        self.check(body.get("stream") in (None, False), "stream must be off")
        messages = body.get("messages")
        if not self.check(
            isinstance(messages, list)
            and [m.get("role") for m in messages] == ["system", "user"]
            and all(isinstance(m.get("content"), str) for m in messages),
            f"messages must be [system, user] with text content: {messages!r}",
        ):
            return Reply(400, {})
        system, user = messages[0]["content"], messages[1]["content"]
        self.check("57,900" in system, "the system prompt lacks the figure rule")
        self.check("percentage points" in system, "the system prompt lacks 个百分点")
        return Reply(
            200,
            {
                "id": f"chatcmpl-{len(self.requests)}",
                "object": "chat.completion",
                "created": 1700000000,
                "model": self.model,
                "choices": [
                    {
                        "index": 0,
                        "message": {"role": "assistant", "content": fake_english(user)},
                        "finish_reason": "stop",
                    }
                ],
                "usage": {"prompt_tokens": 10, "completion_tokens": 10, "total_tokens": 20},
            },
        )


class LibreTranslateStandIn(StandIn):
    """LibreTranslate: GET /languages, POST /translate {q, source, target, format[, api_key]}.

    `chinese` is the server's code for Chinese (`zh` in older releases, `zh-Hans` in newer);
    with `key`, /translate needs it in the body (403 "Invalid API key" otherwise)."""

    def __init__(self, chinese: str | None = "zh-Hans", key: str | None = None) -> None:
        super().__init__()
        self.chinese = chinese
        self.key = key

    def languages(self) -> list[dict[str, Any]]:
        langs = [{"code": "en", "name": "English", "targets": ["en", "fr"]}]
        if self.chinese:
            langs.append({"code": self.chinese, "name": "Chinese", "targets": ["en", "zh"]})
        return langs

    def answer(self, seen: Seen) -> Reply:
        if seen.method == "GET" and seen.path == "/languages":
            return Reply(200, self.languages())
        if not self.json_post(seen, "/translate"):
            return Reply(400, {})
        body = seen.body
        if self.key is not None and body.get("api_key") != self.key:
            return Reply(403, {"error": "Invalid API key"})
        self.check(self.key is not None or "api_key" not in body, "unexpected api_key")
        self.check(isinstance(body.get("q"), str), "q must be text")
        self.check(body.get("source") == self.chinese, f"source {body.get('source')!r}")
        self.check(body.get("target") == "en", f"target {body.get('target')!r}")
        self.check(body.get("format") == "text", f"format {body.get('format')!r}")
        return Reply(200, {"translatedText": fake_english(str(body.get("q")))})


class DeepLStandIn(StandIn):
    """DeepL API v2 at {url}/v2: /translate, and /glossaries to list, create and get glossaries.

    Every request needs `Authorization: DeepL-Auth-Key <key>` (403 otherwise, as DeepL answers).
    Translations apply the glossary named by glossary_id, so tests see it was used."""

    def __init__(self, key: str = "deepl-key:fx") -> None:
        super().__init__()
        self.key = key
        self.glossaries: dict[str, dict[str, Any]] = {}
        self.entries: dict[str, dict[str, str]] = {}
        self.ready_after_checks = 0  # how many GETs a new glossary answers ready: false

    @property
    def base_url(self) -> str:
        return self.url + "/v2"

    def answer(self, seen: Seen) -> Reply:
        if seen.headers.get("authorization") != f"DeepL-Auth-Key {self.key}":
            return Reply(403, {"message": "Wrong endpoint or authentication key"})
        if seen.method == "GET" and seen.path == "/v2/glossaries":
            return Reply(200, {"glossaries": list(self.glossaries.values())})
        if seen.method == "GET" and seen.path.startswith("/v2/glossaries/"):
            info = self.glossaries.get(seen.path.rsplit("/", 1)[1])
            if info is None:
                return Reply(404, {"message": "Glossary not found"})
            if self.ready_after_checks:
                self.ready_after_checks -= 1
            info["ready"] = self.ready_after_checks == 0
            return Reply(200, info)
        if seen.method == "POST" and seen.path == "/v2/glossaries":
            return self.create_glossary(seen)
        if not self.json_post(seen, "/v2/translate"):
            return Reply(400, {})
        body = seen.body
        texts = body.get("text")
        self.check(
            isinstance(texts, list) and all(isinstance(t, str) for t in texts) and len(texts) > 0,
            "text must be a non-empty list of texts",
        )
        self.check(isinstance(texts, list) and len(texts) <= 50, "at most 50 texts a request")
        self.check(body.get("source_lang") == "ZH", f"source_lang {body.get('source_lang')!r}")
        self.check(
            body.get("target_lang") in ("EN-GB", "EN-US"), f"target_lang {body.get('target_lang')}"
        )
        self.check(isinstance(body.get("context", ""), str), "context must be one text")
        entries: dict[str, str] = {}
        if "glossary_id" in body:
            entries = self.entries.get(body["glossary_id"], {})
            self.check(bool(entries), f"unknown glossary_id {body['glossary_id']!r}")
            self.check(
                self.glossaries.get(body["glossary_id"], {}).get("ready", False),
                "the glossary is not ready",
            )
        return Reply(
            200,
            {
                "translations": [
                    {"detected_source_language": "ZH", "text": fake_english(t, entries)}
                    for t in texts or []
                ]
            },
        )

    def create_glossary(self, seen: Seen) -> Reply:
        if not self.json_post(seen, "/v2/glossaries"):
            return Reply(400, {})
        body = seen.body
        self.check(bool(body.get("name")), "a glossary needs a name")
        self.check(body.get("source_lang") == "zh", f"source_lang {body.get('source_lang')!r}")
        self.check(body.get("target_lang") == "en", f"target_lang {body.get('target_lang')!r}")
        self.check(body.get("entries_format") == "tsv", "entries_format must be tsv")
        entries: dict[str, str] = {}
        for line in str(body.get("entries", "")).split("\n"):
            parts = line.split("\t")
            if self.check(len(parts) == 2 and all(parts), f"bad TSV entry {line!r}"):
                entries[parts[0]] = parts[1]
        glossary_id = f"gloss-{len(self.glossaries) + 1}"
        info = {
            "glossary_id": glossary_id,
            "name": body.get("name"),
            "ready": self.ready_after_checks == 0,
            "source_lang": "zh",
            "target_lang": "en",
            "creation_time": "2026-01-01T00:00:00.000Z",
            "entry_count": len(entries),
        }
        self.glossaries[glossary_id] = info
        self.entries[glossary_id] = entries
        return Reply(201, info)
