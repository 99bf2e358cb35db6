"""Which engine a run uses: `--engine/--base-url/--model/--english-variant`, else the
`translate:` section of content/site.yml (engine, base_url, model, english_variant: EN-GB or
EN-US; read, checked and located by generator.content, which also refuses a key written there).
Here the engine's name is checked against the engines there are.
"""

from __future__ import annotations

from generator.errors import Problems
from generator.model import TranslateSettings
from generator.tm.engines import NAMES, EngineConfig, EngineError, unknown_engine


def from_site_file(settings: TranslateSettings | None) -> EngineConfig | None:
    """The engine site.yml names, checked; None if it has no `translate:` section."""
    if settings is None:
        return None
    problems = Problems()
    engine = settings.engine
    if engine is None:
        problems.add(
            settings.loc,
            "translate has no engine",
            f"add `engine:` ({', '.join(NAMES)}) or remove the section",
        )
    elif engine.value not in NAMES:
        problems.add(engine.loc, unknown_engine(engine.value), "", engine.line)
    problems.raise_if_any()
    assert engine is not None
    return EngineConfig(engine.value, settings.base_url, settings.model, settings.english_variant)


def resolve(
    settings: TranslateSettings | None,
    engine: str | None,
    base_url: str | None,
    model: str | None,
    english_variant: str | None = None,
) -> EngineConfig | None:
    """The engine to use: the command line's over the file's. When the command line names
    another engine than the file, the file's base_url and model (meant for its engine) are not
    used. None when no engine is configured anywhere."""
    configured = from_site_file(settings)
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
