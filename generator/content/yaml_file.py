"""One reader for every YAML file editors own: PyYAML's composed nodes, so that every value
knows its line and column, and a problem with it is reported where it is.

The file is composed, not loaded: a loaded YAML is a plain dict that has forgotten where its
values were (and silently keeps the last of two equal keys). Values are constructed from the
nodes one by one, by the schema that knows what each should be (`schema.py`); scalars can also
be read as the text written (`figure: 2:1` is the ratio 2:1, not YAML 1.1's sexagesimal 121).
"""

from __future__ import annotations

from dataclasses import dataclass
from pathlib import Path
from typing import Any

import yaml
from yaml.constructor import ConstructorError, SafeConstructor

from generator.content.text import read_text, shown_path
from generator.errors import Loc, Problems

NULL_TAG = "tag:yaml.org,2002:null"


class Invalid(Exception):
    """A value that is not what its key asks for: what is wrong and what to do."""

    def __init__(self, message: str, hint: str = ""):
        super().__init__(message)
        self.message = message
        self.hint = hint


@dataclass(frozen=True)
class YamlFile:
    """A composed YAML file: `root` is its document's node (None when the file is empty)."""

    shown: str
    lines: tuple[str, ...]
    root: yaml.Node | None

    def loc(self, node: yaml.Node) -> Loc:
        return Loc(self.shown, node.start_mark.line + 1, node.start_mark.column + 1)

    def line_of(self, node: yaml.Node) -> str:
        number = node.start_mark.line
        return self.lines[number] if 0 <= number < len(self.lines) else ""

    def start(self) -> Loc:
        """Where something the file lacks is reported: the first line of its mapping."""
        return Loc(self.shown, self.root.start_mark.line + 1 if self.root is not None else 1)


@dataclass
class Reader:
    """One YAML file being read: places of its nodes, and the problems found so far."""

    file: YamlFile
    problems: Problems

    def error(self, node: yaml.Node, message: str, hint: str = "") -> None:
        self.problems.add(self.file.loc(node), message, hint, self.file.line_of(node))

    def warn(self, node: yaml.Node, message: str, hint: str = "") -> None:
        self.problems.warn(self.file.loc(node), message, hint, self.file.line_of(node))

    def missing(self, message: str, hint: str) -> None:
        self.problems.add(self.file.start(), message, hint)

    def value(self, node: yaml.Node) -> Any:
        """The Python value of a scalar as YAML reads it (int, date, str, None…)."""
        try:
            return SafeConstructor().construct_object(node, deep=True)
        except ConstructorError as error:
            raise Invalid(
                f"YAML cannot read this value: {error.problem}",
                "write it as plain text, in quotes if need be",
            ) from None
        except ValueError as error:  # a date that does not exist: 2026-02-30
            raise Invalid(f"{node.value} is not a real date ({error})") from None


def is_empty(node: yaml.Node) -> bool:
    """`key:` or `key: ~`, YAML's empty value."""
    return isinstance(node, yaml.ScalarNode) and node.tag == NULL_TAG


def written(node: yaml.Node) -> str | None:
    """A scalar's text as the editor wrote it (quotes and escapes resolved); None for YAML's
    empty value (`key:` or `key: ~`) and for anything that is not a scalar."""
    if not isinstance(node, yaml.ScalarNode) or node.tag == NULL_TAG:
        return None
    return str(node.value)


_FAST_LOADER = getattr(yaml, "CSafeLoader", None)


def _compose(text: str) -> yaml.Node | None:
    """libyaml's composer, where PyYAML was built with it: the same nodes, read several times
    faster (a build reads every report.yml of an archive). PyYAML's own reads a text holding a
    character YAML does not allow, or one libyaml refuses, so that it is refused with PyYAML's
    message, as before."""
    if _FAST_LOADER is not None and not yaml.reader.Reader.NON_PRINTABLE.search(text):
        try:
            node: yaml.Node | None = yaml.compose(text, Loader=_FAST_LOADER)
            return node
        except yaml.YAMLError:
            pass
    return yaml.compose(text, Loader=yaml.SafeLoader)


def read_yaml(path: Path, root: Path, problems: Problems, required: bool = True) -> YamlFile | None:
    """The composed file; None (with a problem added) when it cannot be read. A file that is
    not there is a problem only when `required`."""
    shown = shown_path(path, root)
    try:
        text = read_text(path, shown, problems)
    except FileNotFoundError:
        if required:
            problems.add(Loc(shown), "file is missing", f"create {path.name}")
        return None
    if text is None:
        return None
    lines = tuple(text.split("\n"))
    try:
        node = _compose(text)
    except yaml.MarkedYAMLError as error:
        mark = error.problem_mark or error.context_mark
        line = mark.line + 1 if mark else 0
        problems.add(
            Loc(shown, line, mark.column + 1 if mark else 0),
            f"YAML syntax error: {error.problem or error.context}",
            "check indentation and quotes on this line",
            lines[line - 1] if 0 < line <= len(lines) else "",
        )
        return None
    except yaml.YAMLError as error:  # the reader's: a character YAML does not allow
        position = getattr(error, "position", 0)
        line = text.count("\n", 0, position) + 1
        col = position - (text.rfind("\n", 0, position) + 1) + 1
        problems.add(
            Loc(shown, line, col),
            f"YAML syntax error: {getattr(error, 'reason', error)}",
            "delete the character; if it stood for one of the text, type that one instead",
        )
        return None
    return YamlFile(shown, lines, node)
