"""content/glossary.yml: official English names of institutions, programmes and slogans.

A flat mapping `中文: English`. Translators and engines are given it; `report-site check`
verifies that an English segment whose Chinese contains a term uses the term's English.
"""

from __future__ import annotations

from pathlib import Path

from generator.content import read_yaml, shown_path
from generator.errors import Loc, Problems

GLOSSARY_FILE = "glossary.yml"


def load_glossary(content: Path) -> dict[str, str]:
    """Term → English, longest terms first (so a longer name is matched before a part of it)."""
    path = content / GLOSSARY_FILE
    if not path.exists():
        return {}
    problems = Problems()
    data = read_yaml(path, content, problems)
    lines = path.read_text(encoding="utf-8").splitlines()
    for number, line in enumerate(lines, 1):
        key = line.split(":", 1)[0].strip().strip("\"'")
        if key in data and not isinstance(data[key], str):
            problems.add(
                Loc(shown_path(path, content), number),
                f"the English of {key!r} must be text",
                "write `中文: English`",
                line,
            )
    problems.raise_if_any()
    return dict(
        sorted(
            ((str(k), str(v)) for k, v in data.items()), key=lambda item: (-len(item[0]), item[0])
        )
    )
