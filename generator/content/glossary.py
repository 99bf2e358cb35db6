"""content/glossary.yml: official English names of institutions, programmes and slogans.

A mapping of entries, each `中文: English` or, to say where the name comes from,
`中文: {en: English, source: URL or note, note: free text}`:

    西湖大学: Westlake University
    良渚遗址: {en: Archaeological Ruins of Liangzhu City, source: https://whc.unesco.org/en/list/1592}

Translators and engines are given it; `report-site check` verifies that an English segment
whose Chinese contains a term uses the term's English. Unlike other files, a field the entry
form does not know is an error: a misnamed `source:` would lose where a name comes from.
"""

from __future__ import annotations

from pathlib import Path

import yaml

from generator.content.folders import GLOSSARY_FILE
from generator.content.yaml_file import Invalid, Reader, read_yaml, written
from generator.errors import Problems
from generator.model import Glossary, GlossaryEntry

ENTRY_FIELDS = ("en", "source", "note")
ENTRY_HINT = (
    "write `中文: English`, or `中文: {en: English, source: URL or note, note: text}` "
    "(in quotes if YAML would read a value otherwise)"
)


def _fields(reader: Reader, node: yaml.Node, term: str) -> dict[str, str]:
    """The entry's English, source and note, written either way."""
    if isinstance(node, yaml.ScalarNode):
        value = reader.value(node)
        if not isinstance(value, str) or not value.strip():
            raise Invalid(f"the English of {term!r} must be text", ENTRY_HINT)
        return {"en": value.strip()}
    if not isinstance(node, yaml.MappingNode):
        raise Invalid(f"the English of {term!r} must be text", ENTRY_HINT)
    fields: dict[str, str] = {}
    for key_node, value_node in node.value:
        name = written(key_node)
        if name not in ENTRY_FIELDS:
            raise Invalid(f"unknown field {name!r} in the entry of {term!r}", ENTRY_HINT)
        value = reader.value(value_node) if isinstance(value_node, yaml.ScalarNode) else None
        if not isinstance(value, str):
            raise Invalid(f"the fields of {term!r} must be text", ENTRY_HINT)
        fields[name] = value.strip()
    if not fields.get("en"):
        raise Invalid(f"the entry of {term!r} has no English (en:)", ENTRY_HINT)
    return fields


def read_glossary(content: Path, problems: Problems) -> Glossary:
    """The glossary, longest terms first (a longer name is matched before a part of it);
    empty when there is no glossary.yml. Problems are added at the entry's line."""
    file = read_yaml(content / GLOSSARY_FILE, content, problems, required=False)
    if file is None or file.root is None:
        return Glossary()
    reader = Reader(file, problems)
    if not isinstance(file.root, yaml.MappingNode):
        problems.add(file.start(), "expected a mapping of keys to values", ENTRY_HINT)
        return Glossary()
    entries: list[GlossaryEntry] = []
    first_line: dict[str, int] = {}
    for key_node, value_node in file.root.value:
        line = key_node.start_mark.line + 1
        term = _term(reader, key_node)
        if term is None:
            continue
        try:
            fields = _fields(reader, value_node, term)
        except Invalid as invalid:
            reader.error(key_node, invalid.message, invalid.hint)
            continue
        if term in first_line:
            reader.error(
                key_node,
                f"{term!r} is already in the glossary (line {first_line[term]})",
                "keep one English for each term: delete one of the two lines",
            )
            continue
        first_line[term] = line
        entries.append(GlossaryEntry(term, **fields, line=line))
    entries.sort(key=lambda entry: (-len(entry.term), entry.term))
    return Glossary(tuple(entries))


def _term(reader: Reader, node: yaml.Node) -> str | None:
    try:
        value = reader.value(node) if isinstance(node, yaml.ScalarNode) else None
    except Invalid:
        value = None
    if not isinstance(value, str) or not value.strip():
        shown = repr(value) if isinstance(value, str) else written(node)
        reader.error(
            node,
            f"the term {shown} is not Chinese text",
            "write the Chinese term, in quotes if YAML would read it as a number or a "
            'date: "2020年": …',
        )
        return None
    return value.strip()


def load_glossary_entries(content: Path) -> dict[str, GlossaryEntry]:
    """Term → entry, longest terms first; a problem with the file stops the run."""
    problems = Problems()
    glossary = read_glossary(content, problems)
    problems.raise_if_any()
    return glossary.by_term()


def load_glossary(content: Path) -> dict[str, str]:
    """Term → English, longest terms first; a problem with the file stops the run."""
    return {term: entry.en for term, entry in load_glossary_entries(content).items()}
