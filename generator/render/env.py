"""The Jinja2 environment for generated pages: templates from `templates/`, missing variables fail
loudly (StrictUndefined), and a template error names the template file and line."""

from __future__ import annotations

import json
from pathlib import Path
from typing import Any

import jinja2

from generator.errors import Loc, Problem, ReportSiteError, display_path


def environment(templates: Path) -> jinja2.Environment:
    env = jinja2.Environment(
        loader=jinja2.FileSystemLoader(str(templates)),
        undefined=jinja2.StrictUndefined,
        keep_trailing_newline=True,
        trim_blocks=True,
        lstrip_blocks=True,
        autoescape=jinja2.select_autoescape(enabled_extensions=("html",), default=False),
    )
    env.filters["yaml_string"] = lambda value: json.dumps(str(value), ensure_ascii=False)
    return env


def render(env: jinja2.Environment, name: str, **context: Any) -> str:
    try:
        return env.get_template(name).render(**context)
    except jinja2.TemplateSyntaxError as error:
        path = display_path(error.filename or name)
        raise ReportSiteError(
            [
                Problem(
                    Loc(path, error.lineno or 0),
                    error.message or "syntax error",
                    "fix the template syntax on this line",
                )
            ]
        ) from None
    except jinja2.TemplateNotFound as error:
        raise ReportSiteError(
            [Problem(Loc(f"templates/{error.name}"), "template not found", "restore it from git")]
        ) from None
    except jinja2.UndefinedError as error:
        raise ReportSiteError(
            [
                Problem(
                    Loc(f"templates/{name}"),
                    str(error),
                    "the template uses a variable the generator does not "
                    "provide; check its spelling",
                )
            ]
        ) from None
