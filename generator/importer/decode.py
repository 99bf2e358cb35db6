"""Bytes of a report file → text, whatever encoding an editor's tools produced.

UTF-8 (with or without BOM), UTF-16 with BOM, and GB18030 (a superset of GBK and GB2312, what
Windows in mainland China writes) are accepted. Line ends are normalised to LF. Anything else is
refused with a message that says what to do, never guessed at silently.
"""

from __future__ import annotations

import codecs
from dataclasses import dataclass

from generator.errors import Loc, Problem, ReportSiteError


@dataclass(frozen=True)
class DecodedText:
    text: str
    encoding: str


def decode_report(data: bytes, path: str) -> DecodedText:
    if not data.strip():
        raise ReportSiteError(
            [_problem(path, "the file is empty", "export the report's text into this file first")]
        )
    for bom, name in (
        (codecs.BOM_UTF8, "utf-8-sig"),
        (codecs.BOM_UTF16_LE, "utf-16"),
        (codecs.BOM_UTF16_BE, "utf-16"),
    ):
        if data.startswith(bom):
            return DecodedText(_normalise_newlines(data.decode(name)), name)
    if b"\x00" in data:
        raise ReportSiteError(
            [
                _problem(
                    path,
                    "this is not a text file (it contains NUL bytes)",
                    "save the report as plain text (UTF-8) and import that file",
                )
            ]
        )
    try:
        return DecodedText(_normalise_newlines(data.decode("utf-8")), "utf-8")
    except UnicodeDecodeError as utf8_error:
        try:
            return DecodedText(_normalise_newlines(data.decode("gb18030")), "gb18030")
        except UnicodeDecodeError:
            line = data[: utf8_error.start].count(b"\n") + 1
            raise ReportSiteError(
                [
                    _problem(
                        path,
                        f"cannot read byte {utf8_error.start} (line {line}) as UTF-8 or GB18030",
                        "save the report as UTF-8 text and import it again",
                        line=line,
                    )
                ]
            ) from None


def _normalise_newlines(text: str) -> str:
    return text.replace("\r\n", "\n").replace("\r", "\n")


def _problem(path: str, message: str, hint: str, line: int = 0) -> Problem:
    return Problem(Loc(path, line), message, hint)
