"""Bytes of a report file → text, whatever encoding an editor's tools produced.

UTF-8 (with or without BOM), UTF-16 and UTF-32 (with BOM, and UTF-16 without one, which some
Windows tools write), and GB18030 (a superset of GBK and GB2312, what Windows in mainland China
writes) are accepted. Line ends (CRLF, CR) become LF. Files that are not plain text at all (a
PDF, a Word document, a saved web page, an image) are refused with a message that says what to do
instead: nothing is guessed at silently.
"""

from __future__ import annotations

import codecs
import re
from dataclasses import dataclass

from generator.errors import ReportSiteError
from generator.importer.findings import Findings

MAX_BYTES = 50_000_000  # a long report's text is a few hundred kilobytes

_BOMS = (
    (codecs.BOM_UTF32_LE, "utf-32"),  # before UTF-16 LE: its BOM starts with UTF-16 LE's
    (codecs.BOM_UTF32_BE, "utf-32"),
    (codecs.BOM_UTF8, "utf-8-sig"),
    (codecs.BOM_UTF16_LE, "utf-16"),
    (codecs.BOM_UTF16_BE, "utf-16"),
)

# Signatures of files people try to import instead of their text: (magic, what, what to do).
_NOT_TEXT = (
    (b"%PDF-", "a PDF file", "copy the report's text out of the PDF (or run pdftotext)"),
    (b"PK\x03\x04", "a Word (.docx) or other zip file", "open it and save it as plain text"),
    (b"\xd0\xcf\x11\xe0", "a Word (.doc) or other Office file", "open it and save as plain text"),
    (b"{\\rtf", "an RTF document", "open it and save it as plain text"),
    (b"\x89PNG", "a PNG image", "the importer needs the report's text, not a picture of it"),
    (b"\xff\xd8\xff", "a JPEG image", "the importer needs the report's text, not a picture of it"),
    (b"GIF8", "a GIF image", "the importer needs the report's text, not a picture of it"),
)
_HTML = re.compile(rb"^\s*<(!doctype\s+html|html[\s>])", re.IGNORECASE)
_SAVE_AS_TEXT = "save the report as plain text (UTF-8) and import that file"


@dataclass(frozen=True)
class DecodedText:
    text: str
    encoding: str


def decode_report(data: bytes, findings: Findings) -> DecodedText:
    """The text of `data`; raises ReportSiteError (through `findings`) when there is none."""
    if len(data) > MAX_BYTES:
        raise findings.fail(
            f"the file is {len(data) // 1_000_000} MB, too large to be a report's text",
            "check that this is the report's plain text",
        )
    for magic, what, todo in _NOT_TEXT:
        if data.startswith(magic):
            raise findings.fail(f"this is {what}, not plain text", f"{todo}; {_SAVE_AS_TEXT}")
    for bom, name in _BOMS:
        if data.startswith(bom):
            return _checked(DecodedText(_decode(data, name, findings), name), findings)
    if _HTML.match(data):
        raise findings.fail(
            "this is a web page (HTML), not plain text",
            "copy the report's text from the browser into a text editor; " + _SAVE_AS_TEXT,
        )
    if b"\x00" in data:
        utf16 = _utf16_without_bom(data)
        if utf16:
            findings.warn(
                0,
                0,
                f"the file is {utf16.upper()} without a byte-order mark; it was read as such",
                "save it as UTF-8 to be sure every tool reads it the same way",
            )
            return _checked(DecodedText(_decode(data, utf16, findings), utf16), findings)
        raise findings.fail("this is not a text file (it contains NUL bytes)", _SAVE_AS_TEXT)
    try:
        return _checked(DecodedText(_newlines(data.decode("utf-8")), "utf-8"), findings)
    except UnicodeDecodeError as utf8_error:
        try:
            return _checked(DecodedText(_newlines(data.decode("gb18030")), "gb18030"), findings)
        except UnicodeDecodeError:
            raise _undecodable(data, utf8_error.start, findings) from None


def _undecodable(data: bytes, at: int, findings: Findings) -> ReportSiteError:
    """Name the line and column of the first byte neither encoding reads, and show the line
    (as UTF-8, the unreadable bytes as �)."""
    start = data.rfind(b"\n", 0, at) + 1
    end = data.find(b"\n", at)
    line = data.count(b"\n", 0, at) + 1
    col = len(data[start:at].decode("utf-8", "replace")) + 1
    shown = data[start : end if end >= 0 else len(data)].decode("utf-8", "replace")
    findings.lines = [""] * (line - 1) + [shown.rstrip("\r")]
    return findings.fail(
        f"byte 0x{data[at]:02X} (byte {at} of the file) is neither UTF-8 nor GB18030",
        "save the report as UTF-8 text and import it again",
        line=line,
        col=col,
    )


def _decode(data: bytes, encoding: str, findings: Findings) -> str:
    try:
        return _newlines(data.decode(encoding))
    except UnicodeDecodeError as error:
        raise findings.fail(
            f"cannot read byte {error.start} as {encoding.upper()}: the file is damaged",
            "save the report as UTF-8 text and import it again",
        ) from None


def _checked(decoded: DecodedText, findings: Findings) -> DecodedText:
    if not decoded.text.strip():
        raise findings.fail("the file is empty", "export the report's text into this file first")
    return decoded


def _utf16_without_bom(data: bytes) -> str | None:
    """`utf-16-le`/`utf-16-be` when the bytes read as plausible text in that byte order (UTF-16
    written without a byte-order mark has NUL in every ASCII character and line end)."""
    if len(data) % 2:
        return None
    best: tuple[float, str | None] = (0.9, None)
    for encoding in ("utf-16-le", "utf-16-be"):
        try:
            text = data.decode(encoding)
        except UnicodeDecodeError:
            continue
        share = sum(1 for ch in text if _plausible(ch)) / max(len(text), 1)
        if share > best[0]:
            best = (share, encoding)
    return best[1]


def _plausible(ch: str) -> bool:
    """Characters a Chinese report is made of: CJK, its punctuation, ASCII text, line ends."""
    code = ord(ch)
    return (
        0x20 <= code < 0x7F
        or ch in "\n\r\t"
        or 0x4E00 <= code <= 0x9FFF
        or 0x3000 <= code <= 0x303F
        or 0xFF00 <= code <= 0xFFEF
        or 0x2010 <= code <= 0x2027
    )


def _newlines(text: str) -> str:
    return text.replace("\r\n", "\n").replace("\r", "\n")
