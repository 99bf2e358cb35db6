"""Talking to one HTTP translation service: retries, and errors a person can act on.

Rate limits (429) and server trouble (5xx, timeouts) are passing: the request is retried with
exponential backoff, honouring `Retry-After`. A refused key (401/403) or a used-up quota (DeepL's
456) is not: the run stops at once with one line that names the environment variable to fix.
The key lives only in the request (a header, or the JSON body for LibreTranslate); messages never
quote a refused request's answer (OpenAI's echoes part of the key) and redact the key from any
other server text they quote.
"""

from __future__ import annotations

import email.utils
import re
import time
from collections.abc import Callable, Mapping
from dataclasses import dataclass, field
from datetime import UTC, datetime
from typing import Any

import httpx

from generator.tm.engines.base import EngineError

RETRY_STATUSES = frozenset({408, 425, 429}) | frozenset(range(500, 600))
REFUSED_STATUSES = frozenset({401, 403})
QUOTED_CHARS = 200  # of a server's error text, enough to say what it objects to


@dataclass(frozen=True)
class Retry:
    """How long to keep trying a passing failure. `sleep` is injectable so tests do not wait."""

    attempts: int = 6
    first_delay: float = 1.0
    max_delay: float = 60.0
    longest_wait: float = 600.0  # a server asking for a longer pause stops the run instead
    sleep: Callable[[float], None] = field(default=time.sleep)

    def delay(self, attempt: int, retry_after: float | None) -> float:
        """Seconds to wait before attempt `attempt + 1` (attempt counts from 0)."""
        backoff = min(self.first_delay * 2**attempt, self.max_delay)
        return retry_after if retry_after is not None else backoff


def retry_after_seconds(value: str | None, now: datetime | None = None) -> float | None:
    """`Retry-After` as seconds: either a number of seconds or an HTTP date (RFC 9110)."""
    if not value:
        return None
    value = value.strip()
    try:
        return max(0.0, float(value))
    except ValueError:
        pass
    try:
        when = email.utils.parsedate_to_datetime(value)
    except (TypeError, ValueError):
        return None
    if when.tzinfo is None:
        when = when.replace(tzinfo=UTC)
    return max(0.0, (when - (now or datetime.now(UTC))).total_seconds())


def shown_url(url: str) -> str:
    """A base URL as messages show it: without user info or query (which may hold secrets)."""
    try:
        parsed = httpx.URL(url)
    except httpx.InvalidURL:
        parsed = None
    if parsed is None or parsed.scheme not in ("http", "https") or not parsed.host:
        # Not a URL httpx can use: show what was given, less anything that may be a secret.
        bare = re.sub(r"^([a-z][a-z0-9+.-]*://)?[^/@]*@", r"\1", url.strip(), flags=re.I)
        return re.split(r"[?#]", bare, maxsplit=1)[0].rstrip("/") or "the address given"
    port = f":{parsed.port}" if parsed.port else ""
    return f"{parsed.scheme}://{parsed.host}{port}{parsed.path}".rstrip("/")


def redact(text: str, secrets: tuple[str, ...]) -> str:
    for secret in secrets:
        if secret:
            text = text.replace(secret, "***")
    return text


class Service:
    """One base URL of one engine, with the headers (and key) every request carries."""

    def __init__(
        self,
        engine: str,
        base_url: str,
        *,
        retry: Retry,
        headers: Mapping[str, str] | None = None,
        key_env: str | None = None,
        key: str | None = None,
        stops: Mapping[int, str] | None = None,
        timeout: float = 300.0,
    ):
        try:
            parsed: httpx.URL | None = httpx.URL(base_url)
        except httpx.InvalidURL:
            parsed = None
        if parsed is None or parsed.scheme not in ("http", "https") or not parsed.host:
            raise EngineError(
                engine,
                f"the base URL '{shown_url(base_url)}' is not an http:// or https:// address "
                "with a host, e.g. http://127.0.0.1:11434/v1",
            )
        self.engine = engine
        self.base_url = base_url.rstrip("/")
        self.where = shown_url(self.base_url)
        self.retry = retry
        self.key_env = key_env
        self.key = key
        self.stops = dict(stops or {})
        self.client = httpx.Client(
            headers={"Accept": "application/json", **(headers or {})},
            timeout=httpx.Timeout(timeout, connect=10.0),
            follow_redirects=False,
        )

    def close(self) -> None:
        self.client.close()

    def get(self, path: str) -> Any:
        return self.request("GET", path)

    def post(self, path: str, payload: Mapping[str, Any]) -> Any:
        return self.request("POST", path, payload)

    def request(self, method: str, path: str, payload: Mapping[str, Any] | None = None) -> Any:
        """The decoded JSON answer, after retrying passing failures; EngineError otherwise."""
        url = self.base_url + path
        for attempt in range(self.retry.attempts):
            last = attempt == self.retry.attempts - 1
            try:
                response = self.client.request(method, url, json=payload)
            except httpx.ConnectError:
                raise EngineError(
                    self.engine,
                    f"cannot connect to {self.where}; start the server or correct --base-url",
                ) from None
            except (httpx.TimeoutException, httpx.RemoteProtocolError, httpx.ReadError) as error:
                if last:
                    raise EngineError(
                        self.engine,
                        f"{self.where} did not answer ({type(error).__name__}) after "
                        f"{self.retry.attempts} tries; run again later",
                    ) from None
                self.retry.sleep(self.retry.delay(attempt, None))
                continue
            except (httpx.HTTPError, httpx.InvalidURL) as error:
                raise EngineError(
                    self.engine, f"cannot talk to {self.where}: {type(error).__name__}"
                ) from None
            if response.status_code < 300:
                return self._json(response, path)
            self._stop_unless_passing(response)
            if last:
                raise EngineError(
                    self.engine,
                    f"{self.where} still answers HTTP {response.status_code} after "
                    f"{self.retry.attempts} tries; run again later (translations so far are saved)",
                )
            wait = self.retry.delay(
                attempt, retry_after_seconds(response.headers.get("retry-after"))
            )
            if wait > self.retry.longest_wait:
                raise EngineError(
                    self.engine,
                    f"{self.where} asks to wait {wait:.0f} s (HTTP {response.status_code}); "
                    "run again later (translations so far are saved)",
                )
            self.retry.sleep(wait)
        raise AssertionError("unreachable: the last attempt returns or raises")

    def _stop_unless_passing(self, response: httpx.Response) -> None:
        status = response.status_code
        if status in self.stops:
            raise EngineError(self.engine, self.stops[status])
        if status in REFUSED_STATUSES:
            raise EngineError(self.engine, self._refused(status))
        if status not in RETRY_STATUSES:
            said = redact(_error_text(response), (self.key or "",))[:QUOTED_CHARS]
            raise EngineError(
                self.engine,
                f"{self.where} answered HTTP {status}" + (f": {said}" if said else ""),
            )

    def _refused(self, status: int) -> str:
        if self.key_env and self.key:
            return (
                f"{self.where} refused the key in {self.key_env} (HTTP {status}); "
                f"set {self.key_env} to a valid key and run again"
            )
        if self.key_env:
            return (
                f"{self.where} needs a key (HTTP {status}); "
                f"set the environment variable {self.key_env} and run again"
            )
        return f"{self.where} refused the request (HTTP {status})"

    def _json(self, response: httpx.Response, path: str) -> Any:
        try:
            return response.json()
        except ValueError:
            raise EngineError(
                self.engine,
                f"{self.where}{path} did not answer with JSON; is --base-url the API's address?",
            ) from None


def _error_text(response: httpx.Response) -> str:
    """The server's own words about an error, from the JSON shapes the engines use."""
    try:
        data = response.json()
    except ValueError:
        return " ".join(response.text.split())
    if isinstance(data, dict):
        error = data.get("error", data.get("message", data.get("detail")))
        if isinstance(error, dict):
            error = error.get("message", error)
        if error is not None:
            return " ".join(str(error).split())
    return " ".join(str(data).split())
