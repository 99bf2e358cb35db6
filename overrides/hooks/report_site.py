"""MkDocs hooks of every edition (listed in the generated site_src/<edition>/mkdocs.yml).

Only what must happen inside MkDocs' build lives here; the work is done by the generator
package, so `mkdocs build` and `mkdocs serve` on a generated edition behave like `make build`.
"""

from __future__ import annotations

from pathlib import Path
from typing import Any

from markupsafe import Markup
from mkdocs.exceptions import PluginError

from generator.alternates import write_page_sitemaps
from generator.html_safety import unsafe_markup
from generator.html_whitespace import strip_indentation
from generator.raw_html import anchor_ids
from generator.search.index import write_index
from generator.template_memo import GLOBALS, forget


def on_config(config: Any) -> Any:
    """The edition's words where MkDocs and Material take them from the configuration: the
    headings' link titles and the colour scheme switch (the generated mkdocs.yml cannot set
    them: its lists would replace the project's, not merge with them). What templates made
    for the last configuration read is not used again (generator/template_memo.py)."""
    forget()
    # The generator escapes the site's name and pages' titles as HTML (MkDocs and Material print
    # them unescaped); marking them safe keeps Material's own `| e` from escaping them twice.
    config["site_name"] = Markup(config["site_name"])
    ui = config["extra"].get("ui", {})
    if "permalink" in ui:
        config["mdx_configs"].setdefault("toc", {})["permalink_title"] = ui["permalink"]
    toggle_names = {"default": ui.get("dark_mode"), "slate": ui.get("light_mode")}
    palette = config["theme"]["palette"] or []
    for scheme in [palette] if isinstance(palette, dict) else palette:
        name = toggle_names.get(scheme.get("scheme"))
        if name and "toggle" in scheme:
            scheme["toggle"]["name"] = name
    return config


def on_page_context(context: Any, **_: Any) -> Any:
    """Templates' lookups made once per configuration (generator/template_memo.py). (Given with
    each page, not as the environment's globals: a build worker keeps one environment for all
    its parts while no plugin's `env` event changes it, generator/parts/worker.py.)"""
    context.update(GLOBALS)
    return context


def on_template_context(context: Any, **_: Any) -> Any:
    """As on_page_context, for the theme's pages that are no page of the site (404.html)."""
    context.update(GLOBALS)
    return context


def on_post_build(config: Any) -> None:
    """The edition's search index (a stage of its own over the built pages, run here so that
    `mkdocs serve` and `mkdocs build` search too; a part of an edition, generator/parts, is
    indexed with the others once built), and every page's sitemap Material's language selector
    asks for."""
    extra = config["extra"]
    edition = extra.get("edition", "")
    site_dir = Path(config["site_dir"])
    if not extra.get("part"):
        write_index(site_dir, edition)
    editions = [alt["lang"] for alt in extra.get("alternate", [])]
    write_page_sitemaps(site_dir, extra.get("site_root", ""), edition, editions)


def on_page_markdown(markdown: str, page: Any, **_: Any) -> str:
    """A page's title, as generated, is HTML: see on_config."""
    if isinstance(page.meta.get("title"), str):
        page.meta["title"] = Markup(page.meta["title"])
    return markdown


def on_page_content(html: str, page: Any, **_: Any) -> str:
    """Refuse a page that would run script (the generator escapes content; this is the net).
    Count the ids of HTML the generator wrote whole (generator/raw_html.py) as the page's
    anchors, as MkDocs counts those of the raw HTML it parses."""
    if page.present_anchor_ids is not None:
        page.present_anchor_ids |= anchor_ids(html)
    findings = unsafe_markup(html)
    if findings:
        raise PluginError(
            f"docs/{page.file.src_uri}: the page would run script in a reader's browser "
            f"({'; '.join(sorted(set(findings)))}). The content it was made from holds markup "
            "the generator failed to escape: remove it from the content or translation file, "
            "and report it."
        )
    return html


def on_post_page(output: str, **_: Any) -> str:
    """Built pages without Material's indentation (a fifth of their size)."""
    return strip_indentation(output)
