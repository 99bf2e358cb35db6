"""Reading an editor's text file (YAML or Markdown): what it says, or a located refusal.

Files in content/ are UTF-8. Editors' tools sometimes save otherwise (Windows Notepad and WPS:
GB18030 or UTF-16; some editors: UTF-8 with a byte-order mark). What can be read without
guessing is read, with a warning: UTF-8 with a byte-order mark, and UTF-16 or UTF-32 with one.
Anything else that is not UTF-8 is refused at the first byte that is not, with the line as
GB18030 reads it when it does (that is what a Chinese Windows saves), since guessing an
encoding wrongly would publish garbled names. Line ends are made `\\n`.
"""

from __future__ import annotations

import codecs
from pathlib import Path

from generator.errors import Loc, Problems, display_path

# Byte-order marks, longest first (UTF-32-LE's starts with UTF-16-LE's).
_BOMS = (
    (codecs.BOM_UTF32_LE, "utf-32-le", "UTF-32"),
    (codecs.BOM_UTF32_BE, "utf-32-be", "UTF-32"),
    (codecs.BOM_UTF8, "utf-8", "UTF-8 with a byte-order mark"),
    (codecs.BOM_UTF16_LE, "utf-16-le", "UTF-16"),
    (codecs.BOM_UTF16_BE, "utf-16-be", "UTF-16"),
)
SAVE_AS_UTF8 = "save it as UTF-8 (in Notepad or WPS: Save as, Encoding: UTF-8)"


def shown_path(path: Path, root: Path) -> str:
    """How messages and generated files name a content file: from the content folder down
    (`content/report/zh-Hans/01.md`), the same on every machine and from any working folder."""
    try:
        return (Path(root.name) / path.relative_to(root)).as_posix()
    except ValueError:
        return display_path(path)


def read_text(path: Path, shown: str, problems: Problems) -> str | None:
    """The text of `path`, or None with a problem added. A missing file is the caller's
    business (FileNotFoundError is raised)."""
    try:
        data = path.read_bytes()
    except FileNotFoundError:
        raise
    except OSError as error:
        problems.add(Loc(shown), f"cannot read the file: {error.strerror}", "check its permissions")
        return None
    for bom, codec, name in _BOMS:
        if data.startswith(bom):
            return _decode_marked(data[len(bom) :], codec, name, shown, problems)
    try:
        text = data.decode("utf-8")
    except UnicodeDecodeError as error:
        _refuse(data, error.start, shown, problems)
        return None
    if "\0" in text:
        line = text.count("\n", 0, text.index("\0")) + 1
        problems.add(
            Loc(shown, line),
            "the file holds NUL characters: it is UTF-16 without a byte-order mark, or not text",
            SAVE_AS_UTF8,
        )
        return None
    return _newlines(text)


def _decode_marked(
    data: bytes, codec: str, name: str, shown: str, problems: Problems
) -> str | None:
    try:
        text = data.decode(codec)
    except UnicodeDecodeError:
        problems.add(Loc(shown), f"the file starts as {name} but is not", SAVE_AS_UTF8)
        return None
    problems.warn(Loc(shown), f"the file is saved as {name}; it was read as such", SAVE_AS_UTF8)
    return _newlines(text)


def _refuse(data: bytes, at: int, shown: str, problems: Problems) -> None:
    """A located refusal: the line and column of the first byte that is not UTF-8, and the
    line as GB18030 reads it if the whole file is GB18030."""
    try:
        data.decode("gb18030")
        encoding, message = (
            "gb18030",
            ("the file is not UTF-8 text: it looks like GB18030 (what Chinese Windows saves)"),
        )
    except UnicodeDecodeError:
        encoding, message = "utf-8", f"the file is not UTF-8 text (byte 0x{data[at]:02X})"
    start = data.rfind(b"\n", 0, at) + 1
    end = data.find(b"\n", at)
    source = data[start : end if end >= 0 else len(data)].decode(encoding, "replace")
    col = len(data[start:at].decode(encoding, "replace")) + 1
    line = data.count(b"\n", 0, at) + 1
    problems.add(Loc(shown, line, col), message, SAVE_AS_UTF8, source.rstrip("\r"))


def _newlines(text: str) -> str:
    return text.replace("\r\n", "\n").replace("\r", "\n")
