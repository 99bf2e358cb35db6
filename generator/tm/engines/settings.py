"""Which engine a run uses: `--engine/--base-url/--model/--english-variant`, else the
`translate:` mapping of content/site.yml (engine, base_url, model, english_variant: EN-GB or
EN-US). Keys are never read from that file (it is committed); a key written there is an
error that says which environment variable to use instead.
"""

from __future__ import annotations

from pathlib import Path

from generator.content import SITE_FILE, read_yaml, shown_path
from generator.errors import Loc, Problems
from generator.tm.engines import NAMES, EngineConfig, EngineError, unknown_engine

SECTION = "translate"
FIELDS = ("engine", "base_url", "model", "english_variant")
VARIANTS = ("EN-GB", "EN-US")
KEY_ENVS = "OPENAI_API_KEY, DEEPL_AUTH_KEY or LIBRETRANSLATE_API_KEY"


def _line_of(path: Path, key: str, indented: bool) -> int:
    """The line a key is on (top level, or indented under `translate:`), for messages."""
    lines = path.read_text(encoding="utf-8").splitlines() if path.exists() else []
    in_section = False
    for number, line in enumerate(lines, 1):
        if line.startswith(f"{SECTION}:"):
            in_section = True
            if not indented:
                return number
        elif in_section and indented and line.lstrip().startswith(f"{key}:"):
            return number
        elif line and not line[0].isspace() and not line.startswith("#"):
            in_section = False
    return 1


def from_site_file(content: Path) -> EngineConfig | None:
    """The `translate:` section of content/site.yml, validated; None if there is none."""
    path = content / SITE_FILE
    problems = Problems()
    data = read_yaml(path, content, problems) if path.exists() else {}
    problems.raise_if_any()
    section = data.get(SECTION)
    if section is None:
        return None
    shown = shown_path(path, content)
    if not isinstance(section, dict):
        problems.add(
            Loc(shown, _line_of(path, SECTION, False)),
            "translate must be a mapping",
            "write `engine:`, `base_url:` and `model:` indented below `translate:`",
        )
        problems.raise_if_any()
    values: dict[str, str | None] = {}
    for key, value in section.items():
        loc = Loc(shown, _line_of(path, str(key), True))
        if "key" in str(key).lower() or "token" in str(key).lower():
            problems.add(
                loc,
                f"translate.{key}: keys are never read from files",
                f"remove it and set the environment variable ({KEY_ENVS}) instead",
            )
        elif key not in FIELDS:
            problems.add(loc, f"unknown setting translate.{key}", f"use {', '.join(FIELDS)}")
        elif value is not None and not isinstance(value, str | int | float):
            problems.add(loc, f"translate.{key} must be text", f"write `{key}: …` on one line")
        else:
            values[str(key)] = None if value is None else str(value)
    variant = values.get("english_variant")
    if variant is not None and variant not in VARIANTS:
        problems.add(
            Loc(shown, _line_of(path, "english_variant", True)),
            f"translate.english_variant must be {' or '.join(VARIANTS)}, not {variant!r}",
        )
    engine = values.get("engine")
    if engine is not None and engine not in NAMES:
        problems.add(Loc(shown, _line_of(path, "engine", True)), unknown_engine(engine))
    if engine is None and not problems:
        problems.add(
            Loc(shown, _line_of(path, SECTION, False)),
            "translate has no engine",
            f"add `engine:` ({', '.join(NAMES)}) or remove the section",
        )
    problems.raise_if_any()
    assert engine is not None
    return EngineConfig(engine, values.get("base_url"), values.get("model"), variant)


def resolve(
    content: Path,
    engine: str | None,
    base_url: str | None,
    model: str | None,
    english_variant: str | None = None,
) -> EngineConfig | None:
    """The engine to use: the command line's over the file's. When the command line names
    another engine than the file, the file's base_url and model (meant for its engine) are not
    used. None when no engine is configured anywhere."""
    configured = from_site_file(content)
    if engine is None:
        if configured is None:
            if base_url or model:
                raise EngineError("report-site", "--base-url and --model need --engine NAME")
            return None
        engine = configured.name
    if engine not in NAMES:
        raise EngineError("report-site", unknown_engine(engine))
    same = configured is not None and configured.name == engine
    return EngineConfig(
        engine,
        base_url or (configured.base_url if same and configured else None),
        model or (configured.model if same and configured else None),
        english_variant or (configured.english_variant if configured else None),
    )
