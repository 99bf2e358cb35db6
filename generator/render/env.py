"""The Jinja2 environment for generated pages: templates from `templates/`, missing variables fail
loudly (StrictUndefined), and a template error names the template file and line.

HTML and XML templates (`*.html.j2`, `*.xml.j2`) escape every value. Markdown templates do not
(their values are inline Markdown already made safe), and offer two filters for plain text:
`md_text` (text in Markdown) and `html_text` (a page title: MkDocs and Material print titles
as HTML, unescaped, in the page head, header, menu and search results; quotes are escaped too,
as the MkDocs hook marks titles safe for attributes). `paragraph_html` is a paragraph's
HTML when the generator knows it already (see generator.render.inline)."""

from __future__ import annotations

import html
import json
from pathlib import Path
from typing import Any

import jinja2

from generator.errors import Loc, Problem, ReportSiteError, display_path
from generator.markdown_text import escape
from generator.render.inline import paragraph_html


def environment(templates: Path, compiled: Path | None = None) -> jinja2.Environment:
    """One generate's environment (each makes its own): its templates do not change while it
    renders, so Jinja need not look at each file's time again for every page it renders. The
    templates as compiled are kept in `compiled` (if given) for the next generate (Jinja
    checks each against its template's source): compiling them cost an edit's generate as much
    as rendering its report."""
    cache = None
    if compiled is not None:
        folder = compiled / f"generate-jinja-{jinja2.__version__}"
        folder.mkdir(parents=True, exist_ok=True)
        cache = jinja2.FileSystemBytecodeCache(str(folder))
    env = jinja2.Environment(
        loader=jinja2.FileSystemLoader(str(templates)),
        bytecode_cache=cache,
        auto_reload=False,
        undefined=jinja2.StrictUndefined,
        keep_trailing_newline=True,
        trim_blocks=True,
        lstrip_blocks=True,
        autoescape=_is_markup,
    )
    env.filters["yaml_string"] = lambda value: json.dumps(str(value), ensure_ascii=False)
    env.filters["md_text"] = lambda value: escape(str(value))
    env.filters["html_text"] = lambda value: html.escape(str(value))
    env.filters["paragraph_html"] = paragraph_html
    return env


def _is_markup(name: str | None) -> bool:
    return (name or "").removesuffix(".j2").endswith((".html", ".xml"))


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
