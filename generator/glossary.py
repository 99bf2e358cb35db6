"""content/glossary.yml: official English names of institutions, programmes and slogans.

A mapping of entries, each `中文: English` or, to say where the name comes from,
`中文: {en: English, source: URL or note, note: free text}`. Translators and engines are given
it; `report-site check` verifies that an English segment whose Chinese contains a term uses the
term's English.
"""

from __future__ import annotations

from dataclasses import dataclass
from pathlib import Path
from typing import Any

import yaml

from generator.content import read_yaml, shown_path
from generator.errors import Loc, Problems

GLOSSARY_FILE = "glossary.yml"
ENTRY_FIELDS = ("en", "source", "note")


@dataclass(frozen=True)
class GlossaryEntry:
    """One term: its English, where that English comes from (`source`: a URL or a note such as
    "the university's own name"), a free `note`, and the line it is on."""

    term: str
    en: str
    source: str = ""
    note: str = ""
    line: int = 0


def load_glossary(content: Path) -> dict[str, str]:
    """Term → English, longest terms first (so a longer name is matched before a part of it)."""
    return {term: entry.en for term, entry in load_glossary_entries(content).items()}


def load_glossary_entries(content: Path) -> dict[str, GlossaryEntry]:
    """Term → entry, longest terms first; errors name the line and say what to write."""
    path = content / GLOSSARY_FILE
    if not path.exists():
        return {}
    problems = Problems()
    data = read_yaml(path, content, problems)
    problems.raise_if_any()
    shown = shown_path(path, content)
    lines = path.read_text(encoding="utf-8").splitlines()
    terms: dict[str, GlossaryEntry] = {}
    first_line: dict[str, int] = {}
    for line, key, value in _entries(path) if data else []:
        source = lines[line - 1] if 0 < line <= len(lines) else ""
        fields = _fields(value)
        if not isinstance(key, str) or not key.strip():
            problems.add(
                Loc(shown, line),
                f"the term {key!r} is not Chinese text",
                "write the Chinese term, in quotes if YAML would read it as a number or a "
                'date: "2020年": …',
                source,
            )
        elif isinstance(fields, str):
            problems.add(Loc(shown, line), fields.format(term=key), _ENTRY_HINT, source)
        elif key.strip() in first_line:
            problems.add(
                Loc(shown, line),
                f"{key!r} is already in the glossary (line {first_line[key.strip()]})",
                "keep one English for each term: delete one of the two lines",
                source,
            )
        else:
            terms[key.strip()] = GlossaryEntry(key.strip(), **fields, line=line)
            first_line[key.strip()] = line
    problems.raise_if_any()
    return dict(sorted(terms.items(), key=lambda item: (-len(item[0]), item[0])))


_ENTRY_HINT = (
    "write `中文: English`, or `中文: {en: English, source: URL or note, note: text}` "
    "(in quotes if YAML would read a value otherwise)"
)


def _fields(value: Any) -> dict[str, str] | str:
    """An entry's fields, or the message for a value that is not an entry."""
    if isinstance(value, str):
        return {"en": value.strip()} if value.strip() else "the English of {term!r} must be text"
    if not isinstance(value, dict):
        return "the English of {term!r} must be text"
    unknown = [str(k) for k in value if k not in ENTRY_FIELDS]
    if unknown:
        return f"unknown field {unknown[0]!r} in the entry of {{term!r}}"
    if not all(isinstance(v, str) for v in value.values()):
        return "the fields of {term!r} must be text"
    if not str(value.get("en", "")).strip():
        return "the entry of {term!r} has no English (en:)"
    return {k: str(value.get(k, "")).strip() for k in ENTRY_FIELDS}


def _entries(path: Path) -> list[tuple[int, Any, Any]]:
    """(line, key, value) for each entry of the file's top mapping, duplicates included, which
    a plain YAML load would silently merge."""
    loader = yaml.SafeLoader(path.read_text(encoding="utf-8"))
    try:
        node = loader.get_single_node()
        if not isinstance(node, yaml.MappingNode):
            return []
        return [
            (k.start_mark.line + 1, loader.construct_object(k), loader.construct_object(v, True))
            for k, v in node.value
        ]
    finally:
        loader.dispose()
