"""What a build worker changes in MkDocs, which builds every project as if it were the only one
of its process, for the many small projects (parts) a worker builds one after another.

A worker is a process that runs nothing but these builds, for one `report-site build`: what is
kept here is kept for the parts of that one build. Each change checks, when the worker starts,
that this MkDocs still has what it changes (another version says so, instead of building
differently), and each is tested by building the same pages in parts and whole
(tests/test_parts.py, tests/test_in_process.py).

- The theme's static files (its scripts, styles, fonts) are the home part's: a report's part
  neither lists nor copies them. MkDocs walks the theme's folders, its thousands of icons
  included, for each project; it has no event early enough to stop it (it lists them before its
  `files` event), so `Files.add_files_from_theme` is wrapped.
- Each page is converted by one Python-Markdown converter per configuration, reset between
  pages, as Python-Markdown means a converter to be reused (`Markdown.reset`), instead of a new
  one: making one (loading and ordering a dozen extensions) cost as much as converting a
  typical page whose text is written as HTML.
- The installed themes (entry points, read from every installed package's metadata) are read
  once: MkDocs reads them again for each configuration.
"""

from __future__ import annotations

from collections.abc import Callable
from typing import Any

import jinja2
import markdown
import mkdocs.structure.pages
import mkdocs.utils
from mkdocs.config.defaults import MkDocsConfig
from mkdocs.structure.files import Files

from generator.parts.store import HOME


def prepare_mkdocs() -> None:
    """Make this process's MkDocs build one part after another (see the module's text)."""
    _theme_files_for_home_only()
    _one_converter_per_configuration()
    _themes_read_once()


def _needs(owner: object, name: str) -> Any:
    found = getattr(owner, name, None)
    if found is None:  # a MkDocs other than the one requirements.lock pins
        where = getattr(owner, "__name__", type(owner).__name__)
        raise RuntimeError(f"MkDocs has no {where}.{name} (generator/parts/in_process.py)")
    return found


def _theme_files_for_home_only() -> None:
    add_theme_files = _needs(Files, "add_files_from_theme")

    def theme_files(files: Files, env: jinja2.Environment, config: MkDocsConfig) -> None:
        if config.extra.get("part", HOME) == HOME:
            add_theme_files(files, env, config)

    Files.add_files_from_theme = theme_files  # type: ignore[method-assign, assignment]


class _Converters:
    """`markdown` as mkdocs.structure.pages sees it: the module, but for `Markdown`, which gives
    the converter made last if it was made for the same extensions and their settings (the same
    objects: a configuration's, which MkDocs passes for each of its pages), reset."""

    def __init__(self, module: Any) -> None:
        self._module = module
        self._made: tuple[object, object, markdown.Markdown] | None = None

    def __getattr__(self, name: str) -> Any:
        return getattr(self._module, name)

    def Markdown(  # the name MkDocs calls
        self, *, extensions: object, extension_configs: object
    ) -> markdown.Markdown:
        made = self._made
        # Identity, not equality: the objects are kept with the converter, so a match is the
        # same configuration's, and settings no one compares (functions) are the same too.
        if made is not None and made[0] is extensions and made[1] is extension_configs:
            return made[2].reset()
        converter = self._module.Markdown(
            extensions=extensions, extension_configs=extension_configs
        )
        self._made = (extensions, extension_configs, converter)
        return converter


def _one_converter_per_configuration() -> None:
    module = _needs(mkdocs.structure.pages, "markdown")
    if isinstance(module, _Converters):
        return
    _needs(_needs(module, "Markdown"), "reset")
    mkdocs.structure.pages.markdown = _Converters(module)  # type: ignore[attr-defined]


def _themes_read_once() -> None:
    read: Callable[[], Any] = _needs(mkdocs.utils, "get_themes")
    _needs(read, "cache_clear")  # what MkDocs calls to read them again
    themes = read()

    def installed_themes() -> Any:
        return themes

    installed_themes.cache_clear = lambda: None  # type: ignore[attr-defined]
    mkdocs.utils.get_themes = installed_themes  # type: ignore[assignment]
