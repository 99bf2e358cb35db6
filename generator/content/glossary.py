"""content/glossary.yml: official English names of institutions, programmes and slogans.

Each entry is `中文: English`, or, to say where the English comes from, a mapping:

    西湖大学: Westlake University
    亲清在线: {en: Qinqing Online, source: https://…, note: the platform's own English name}

Translators and engines are given it; `report-site check` verifies that an English segment
whose Chinese contains a term uses the term's English.
"""

from __future__ import annotations

from pathlib import Path

import yaml

from generator.content.folders import GLOSSARY_FILE
from generator.content.schema import Key, Reported, Schema, required_text, text
from generator.content.yaml_file import Invalid, Reader, read_yaml, written
from generator.errors import Problems
from generator.model import Glossary, GlossaryEntry

ENGLISH = "write `中文: English` (in quotes if YAML would read it otherwise)"


def _details(en: str, source: str = "", note: str = "") -> tuple[str, str, str]:
    return en, source, note


DETAILS = Schema(
    _details,
    {
        "en": Key(required_text(ENGLISH), required="add `en: English`, the term's English"),
        "source": Key(text),
        "note": Key(text),
    },
)


def _english(reader: Reader, node: yaml.Node, path: str) -> tuple[str, str, str]:
    """(English, source, note) of one entry, written either way."""
    if isinstance(node, yaml.MappingNode):
        return DETAILS(reader, node, path)
    value = reader.value(node) if isinstance(node, yaml.ScalarNode) else None
    if not isinstance(value, str) or not value.strip():
        raise Invalid(f"the English of {path!r} must be text", ENGLISH)
    return value.strip(), "", ""


def read_glossary(content: Path, problems: Problems) -> Glossary:
    """The glossary, longest terms first (a longer name is matched before a part of it);
    empty when there is no glossary.yml."""
    file = read_yaml(content / GLOSSARY_FILE, content, problems, required=False)
    if file is None or file.root is None:
        return Glossary()
    reader = Reader(file, problems)
    if not isinstance(file.root, yaml.MappingNode):
        problems.add(file.start(), "expected a mapping of keys to values", ENGLISH)
        return Glossary()
    entries: list[GlossaryEntry] = []
    first_line: dict[str, int] = {}
    for key_node, value_node in file.root.value:
        term = _term(reader, key_node)
        if term is None:
            continue
        if term in first_line:
            reader.error(
                key_node,
                f"{term!r} is already in the glossary (line {first_line[term]})",
                "keep one English for each term: delete one of the two lines",
            )
            continue
        try:
            en, source, note = _english(reader, value_node, term)
        except Invalid as invalid:
            reader.error(key_node, invalid.message, invalid.hint)
            continue
        except Reported:
            continue
        first_line[term] = key_node.start_mark.line + 1
        entries.append(GlossaryEntry(term, en, source, note, file.loc(key_node)))
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


def load_glossary(content: Path) -> dict[str, str]:
    """Term → English, longest terms first; a problem with the file stops the run."""
    problems = Problems()
    glossary = read_glossary(content, problems)
    problems.raise_if_any()
    return glossary.terms
