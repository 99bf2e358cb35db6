"""What the theme's templates print alike on every page of a build, made once per configuration.

Material looks up each of its interface words (`lang.t("search")`) by building the dictionary of
all of them, about thirty times a page. The site's search box (overrides/partials/search.html) and
Material's styles, scripts and settings blocks (overrides/main.html) are the same on every page
at the same depth. All of these are made once and then kept until MkDocs reads a configuration
again (overrides/hooks/report_site.py calls `forget` from `on_config`): for one part of an
edition (generator/parts) or one edition built whole, never longer.
"""

from __future__ import annotations

from collections.abc import Callable, Hashable
from typing import Any

_KEPT: dict[tuple[Hashable, ...], Any] = {}


def forget() -> None:
    """A configuration was read: nothing made for the last one is used again."""
    _KEPT.clear()


def ui_string(language: str, key: str, theme: Any, fallback: Any) -> Any:
    """Material's `t(key)` (partials/language.html): the word in the theme's language (`theme`,
    its partials/languages/ module), else in English (`fallback`), else the key."""
    kept = ("ui", language, key)
    if kept not in _KEPT:
        _KEPT[kept] = theme.t(key) or fallback.t(key) or key
    return _KEPT[kept]


def fragment(*key: Hashable, caller: Callable[[], Any]) -> Any:
    """`{% call fragment(name, …) %}…{% endcall %}`: the block's output, made once for its key,
    which names everything the block's output depends on besides the configuration."""
    kept = ("fragment", *key)
    if kept not in _KEPT:
        _KEPT[kept] = caller()
    return _KEPT[kept]


GLOBALS: dict[str, Callable[..., Any]] = {"rs_ui_string": ui_string, "rs_fragment": fragment}
