"""content/glossary.yml: official English names of institutions, programmes and slogans.

A flat mapping `中文: English`. Translators and engines are given it; `report-site check`
verifies that an English segment whose Chinese contains a term uses the term's English.
"""

from __future__ import annotations

from pathlib import Path
from typing import Any

import yaml

from generator.content.pages import read_yaml, shown_path
from generator.errors import Loc, Problems

GLOSSARY_FILE = "glossary.yml"


def load_glossary(content: Path) -> dict[str, str]:
    """Term → English, longest terms first (so a longer name is matched before a part of it)."""
    path = content / GLOSSARY_FILE
    if not path.exists():
        return {}
    problems = Problems()
    data = read_yaml(path, content, problems)
    problems.raise_if_any()
    shown = shown_path(path, content)
    lines = path.read_text(encoding="utf-8").splitlines()
    terms: dict[str, str] = {}
    first_line: dict[str, int] = {}
    for line, key, value in _entries(path) if data else []:
        source = lines[line - 1] if 0 < line <= len(lines) else ""
        if not isinstance(key, str) or not key.strip():
            problems.add(
                Loc(shown, line),
                f"the term {key!r} is not Chinese text",
                "write the Chinese term, in quotes if YAML would read it as a number or a "
                'date: "2020年": …',
                source,
            )
        elif not isinstance(value, str) or not value.strip():
            problems.add(
                Loc(shown, line),
                f"the English of {key!r} must be text",
                "write `中文: English` (in quotes if YAML would read it otherwise)",
                source,
            )
        elif key.strip() in first_line:
            problems.add(
                Loc(shown, line),
                f"{key!r} is already in the glossary (line {first_line[key.strip()]})",
                "keep one English for each term: delete one of the two lines",
                source,
            )
        else:
            terms[key.strip()] = value.strip()
            first_line[key.strip()] = line
    problems.raise_if_any()
    return dict(sorted(terms.items(), key=lambda item: (-len(item[0]), item[0])))


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
