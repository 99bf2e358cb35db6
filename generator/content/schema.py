"""Declarative schemas for editors' YAML: each key, how its value is read, whether it must be
there. A schema reads a mapping node into a model object and reports every problem of it at
its line and column (in the style of MkDocs' config_options, which collects every error before
stopping). A key the schema does not know is a warning with the nearest known key, since a
misspelt key would otherwise be ignored without a word.

A converter takes (reader, node, path), path being the key as messages name it
(`translate.engine`), and returns the value or raises `Invalid`. Adding a key to a file is one
line in its schema (and a field of the model object it fills).
"""

from __future__ import annotations

import difflib
from collections.abc import Callable, Mapping
from dataclasses import dataclass
from datetime import date, datetime
from typing import Any, Generic, TypeVar
from urllib.parse import urlsplit

import yaml

from generator.content.yaml_file import Invalid, Reader, is_empty, written
from generator.errors import Loc, Located
from generator.model import Segment

T = TypeVar("T")
Convert = Callable[[Reader, yaml.Node, str], Any]


class Reported(Exception):
    """Raised by a nested schema whose problems are already reported."""


@dataclass(frozen=True)
class Key:
    """One key of a mapping. `attr` is the model's field when it is not the key's name;
    `required`, when given, makes the key required and is the hint when it is missing."""

    convert: Convert
    attr: str = ""
    required: str = ""


def dotted(path: str, key: str) -> str:
    return f"{path}.{key}" if path else key


def read_pairs(
    reader: Reader,
    node: yaml.MappingNode | None,
    path: str,
    keys: Mapping[str, Key],
    pairs: list[tuple[yaml.Node, yaml.Node]] | None = None,
) -> tuple[dict[str, Any], bool]:
    """The values of the keys of `keys` found in the mapping `node` (or among `pairs` of it),
    by attribute name, and whether every required key was there and readable. Unknown keys are
    warned about; keys given twice are errors (YAML would keep the last one without a word).
    A missing key is reported at the mapping (at the file's first line for the whole file)."""
    if pairs is None:
        pairs = node.value if node is not None else []
    values: dict[str, Any] = {}
    seen: dict[str, int] = {}
    complete = True
    for key_node, value_node in pairs:
        name = written(key_node)
        if name is None:
            reader.error(key_node, "a key must be a word", "write `key: value`")
            continue
        if name in seen:
            reader.error(
                key_node,
                f"{dotted(path, name)} is already given on line {seen[name]}",
                "keep one of the two",
            )
            continue
        seen[name] = key_node.start_mark.line + 1
        key = keys.get(name)
        if key is None:
            reader.warn(key_node, *unknown_key(dotted(path, name), list(keys)))
            continue
        try:
            values[key.attr or name] = key.convert(reader, value_node, dotted(path, name))
        except Invalid as invalid:
            # An empty value has no place of its own: its key's is shown.
            where = key_node if is_empty(value_node) else value_node
            reader.error(where, invalid.message, invalid.hint)
            complete = complete and not key.required
        except Reported:
            complete = complete and not key.required
    for name, key in keys.items():
        if key.required and name not in seen:
            if path and node is not None:
                reader.error(node, f"{dotted(path, name)} is missing", key.required)
            else:
                reader.missing(f"{dotted(path, name)} is missing", key.required)
            complete = False
    return values, complete


def unknown_key(name: str, known: list[str]) -> tuple[str, str]:
    """The message and hint for a key no schema reads, with the nearest known one."""
    key = name.rsplit(".", 1)[-1]
    close = difflib.get_close_matches(key, known, n=1) or [
        k for k in known if k.casefold() == key.casefold()
    ]
    suggestion = f" (did you mean {close[0]}?)" if close else ""
    return (
        f"unknown key {name}{suggestion}",
        f"known keys here: {', '.join(known)}; anything else is not read",
    )


@dataclass(frozen=True)
class Schema(Generic[T]):
    """A mapping read into `target(**values)`; a converter itself, so schemas nest."""

    target: Callable[..., T]
    keys: Mapping[str, Key]
    example: str = ""  # how the mapping is written, for the hint when it is something else
    where: str = ""  # if given, `target` gets the mapping's own place (its path) as this

    def __call__(self, reader: Reader, node: yaml.Node, path: str) -> T:
        if not isinstance(node, yaml.MappingNode):
            raise Invalid(f"{path} must be a mapping", self.example)
        values, complete = read_pairs(reader, node, path, self.keys)
        if not complete:
            raise Reported
        if self.where:
            values[self.where] = Located(path, reader.file.loc(node), reader.file.line_of(node))
        return self.target(**values)

    def read_document(self, reader: Reader) -> T | None:
        """The whole file as this schema; None if it could not be read (problems added). An
        empty file is an empty mapping."""
        root = reader.file.root
        if root is not None and not isinstance(root, yaml.MappingNode):
            reader.problems.add(Loc(reader.file.shown, 1), "expected a mapping of keys to values")
            return None
        values, complete = read_pairs(reader, root, "", self.keys)
        return self.target(**values) if complete else None


# --- converters --------------------------------------------------------------------------


def text(reader: Reader, node: yaml.Node, path: str) -> str:
    """Text as written, stripped; "" for an empty value."""
    if not isinstance(node, yaml.ScalarNode):
        what = "a list" if isinstance(node, yaml.SequenceNode) else "a mapping"
        key = path.rsplit(".", 1)[-1]
        raise Invalid(f"{path} must be text, not {what}", f"write it on one line after `{key}:`")
    return (written(node) or "").strip()


def verbatim(reader: Reader, node: yaml.Node, path: str) -> str:
    """Text exactly as written, spaces included (`colon: ": "`)."""
    text(reader, node, path)
    return written(node) or ""


def required_text(hint: str) -> Convert:
    """Text that must not be empty; `hint` says what to write."""

    def convert(reader: Reader, node: yaml.Node, path: str) -> str:
        value = text(reader, node, path)
        if not value:
            raise Invalid(f"{path} is empty", hint)
        return value

    return convert


def optional_text(reader: Reader, node: yaml.Node, path: str) -> str | None:
    return text(reader, node, path) or None


def segment(convert: Convert) -> Convert:
    """Text that is translated like the report's: a Segment where the value is written."""

    def read(reader: Reader, node: yaml.Node, path: str) -> Segment | None:
        value = convert(reader, node, path)
        return Segment(value, Loc(reader.file.shown, node.start_mark.line + 1)) if value else None

    return read


def integer_between(low: int, high: int, what: str, hint: str) -> Convert:
    """A whole number from `low` to `high` (`what` it then is, e.g. a year)."""

    def convert(reader: Reader, node: yaml.Node, path: str) -> int:
        if is_empty(node):
            raise Invalid(f"{path} is empty", hint)
        shown = written(node)
        value = reader.value(node)
        if isinstance(value, bool) or not isinstance(value, int):
            raise Invalid(f"{path} must be a number, not {shown or 'a list or mapping'!r}", hint)
        if not low <= value <= high:
            raise Invalid(f"{path} {value} is not {what} ({low}–{high})", hint)
        return value

    return convert


def a_date(reader: Reader, node: yaml.Node, path: str) -> date | None:
    if is_empty(node):
        return None
    hint = f"write the date as year-month-day, e.g. {path}: 2026-01-31"
    try:
        value = reader.value(node)
    except Invalid as invalid:
        raise Invalid(f"{path}: {invalid.message}", hint) from None
    if isinstance(value, datetime):
        return value.date()
    if isinstance(value, date):
        return value
    raise Invalid(f"{path} must be a date, not {written(node)!r}", hint)


def web_address(reader: Reader, node: yaml.Node, path: str) -> str | None:
    """An http(s) address with a host, or nothing."""
    value = text(reader, node, path)
    if not value:
        return None
    parts = urlsplit(value)
    if parts.scheme not in ("http", "https") or not parts.netloc:
        raise Invalid(
            f"{path} must be a web address starting with http:// or https://",
            "copy the address from the browser's address bar",
        )
    return value


def mapping_of(key: Convert, value: Convert, hint: str, must: str = "be a mapping") -> Convert:
    """Any number of `key: value` pairs, as a tuple of (key, value) in the file's order; a pair
    that cannot be read is reported and left out."""

    def convert(reader: Reader, node: yaml.Node, path: str) -> tuple[tuple[Any, Any], ...]:
        if is_empty(node):
            return ()
        if not isinstance(node, yaml.MappingNode):
            raise Invalid(f"{path} must {must}", hint)
        pairs = []
        for key_node, value_node in node.value:
            try:
                pairs.append((key(reader, key_node, path), value(reader, value_node, path)))
            except Invalid as invalid:
                reader.error(value_node, invalid.message, invalid.hint)
        return tuple(pairs)

    return convert


def list_of(item: Convert, example: str) -> Convert:
    """A list, each item read by `item`; an item that cannot be read is reported and left out."""

    def convert(reader: Reader, node: yaml.Node, path: str) -> tuple[Any, ...]:
        if is_empty(node):
            return ()
        if not isinstance(node, yaml.SequenceNode):
            raise Invalid(f"{path} must be a list", example)
        items = []
        for number, entry in enumerate(node.value, 1):
            try:
                items.append(item(reader, entry, f"{path}[{number}]"))
            except Invalid as invalid:
                reader.error(entry, invalid.message, invalid.hint)
            except Reported:
                pass
        return tuple(items)

    return convert
