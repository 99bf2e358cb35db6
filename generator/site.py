"""Generate and build: content → site_src/<edition>/ (Markdown + mkdocs.yml) → site/<edition>/.

First everything is gathered and rendered in memory; only when that succeeded is anything
written, and only files that changed. MkDocs then builds each edition in its own process (they
run in parallel) into a fresh folder that replaces
`site/` only when every edition built.
"""

from __future__ import annotations

import html
from dataclasses import dataclass
from pathlib import Path
from typing import Any
from urllib.parse import urlsplit

import jinja2
import yaml

from generator.content import load_report, load_site_config, report_folders
from generator.editions import EDITIONS, SourceEdition
from generator.editions.english import EnglishEdition
from generator.editions.hant import HantEdition
from generator.errors import Loc, Problem, Problems, ReportSiteError, display_path
from generator.glossary import GLOSSARY_FILE
from generator.incremental import (
    ReportOutput,
    cached_output,
    forget,
    record,
    report_fingerprint,
    shared_fingerprint,
)
from generator.key_figures import report_figures, to_csv, to_json
from generator.model import Report, SiteConfig
from generator.render.env import environment, render
from generator.render.pages import (
    BILINGUAL_DIR,
    FIGURES_PAGE,
    ReportTexts,
    render_home,
    render_report,
)
from generator.writer import WriteResult, write_tree

# Files of the site's root, beside the editions' folders.
ROOT_FILES = ("index.html", "404.html", "sitemap.xml", "robots.txt")
# Words MkDocs and Material take from the configuration rather than from a page; the MkDocs
# hook puts them in place (see overrides/hooks/report_site.py).
UI_STRINGS = (
    "permalink",
    "dark_mode",
    "light_mode",
    "not_found",
    "not_found_note",
    "to_home",
    "search_all_reports",
    "search_all_years",
    "search_filter",
    "search_more",
    "search_in_chinese",
    "search_in_english",
)
# Static files every edition serves from docs/assets/.
ASSETS = ("report-site.css", "search.js")


@dataclass(frozen=True)
class Project:
    """Where things are. Every path the generator touches derives from `root`."""

    root: Path

    @property
    def content(self) -> Path:
        return self.root / "content"

    @property
    def templates(self) -> Path:
        return self.root / "templates"

    @property
    def site_src(self) -> Path:
        return self.root / "site_src"

    @property
    def site(self) -> Path:
        return self.root / "site"

    @property
    def staging_src(self) -> Path:
        """Where a build writes site_src/ before replacing it (beside it, at the same depth,
        so the generated configurations' relative paths hold)."""
        return self.root / ".build-site_src"

    @property
    def staging_site(self) -> Path:
        return self.root / ".build-site"


def load_strings(project: Project) -> dict[str, dict[str, str]]:
    path = project.templates / "strings.yml"
    data = yaml.safe_load(path.read_text(encoding="utf-8")) or {}
    problems = []
    for code in EDITIONS:
        missing = sorted(
            set(data.get("en", {}))
            - set(data.get(code, {}))
            - {
                "mt_title",
                "mt_note",
                "mt_states",
                "state_reviewed",
                "state_machine",
                "state_outdated",
                "state_missing",
                "missing",
                "outdated",
                "outdated_original",
            }
        )
        if code not in data or missing:
            problems.append(
                Problem(
                    Loc("templates/strings.yml"),
                    f"edition {code} lacks strings: {', '.join(missing) or 'all'}",
                    "add them under its key",
                )
            )
    if problems:
        raise ReportSiteError(problems)
    return {code: {str(k): str(v) for k, v in data[code].items()} for code in EDITIONS}


def edition_config(
    code: str, config: SiteConfig, summaries: list[dict[str, Any]], strings: dict[str, str]
) -> dict[str, Any]:
    """The generated mkdocs.yml of one edition; it INHERITs the project's mkdocs.yml."""
    base = config.site_url
    # MkDocs and Material print names and titles as HTML, unescaped.
    site_name = html.escape(strings["site_name"])
    nav: list[Any] = [{site_name: "index.md"}]
    for summary in sorted(summaries, key=lambda r: (-r["year"], r["organisation"], r["slug"])):
        pages: list[Any] = list(summary["pages"])
        pages.append({html.escape(strings["figures_title"]): summary["figures"]})
        pages.append({html.escape(strings["full_report"]): summary["full"]})
        nav.append({html.escape(summary["title_plain"]): pages})
    return {
        "INHERIT": "../../mkdocs.yml",
        "site_name": site_name,
        "site_url": f"{base}{code}/",
        "docs_dir": "docs",
        "site_dir": f"../../site/{code}",
        "theme": {"language": EDITIONS[code].material_language, "custom_dir": "../../overrides"},
        "extra_css": ["assets/report-site.css"],
        # No MkDocs search plugin: the site's own index is built after MkDocs (generator/search).
        "plugins": [],
        "hooks": ["../../overrides/hooks/report_site.py"],
        # Bilingual views are reached from each page, not from the menu.
        "not_in_nav": f"/*/{BILINGUAL_DIR}/*.md",
        "extra": {
            "edition": code,
            "ui": {key: strings[key] for key in UI_STRINGS},
            "site_root": base,
            "alternate": [
                {"name": info.name, "lang": info.code, "link": f"{base}{info.code}/"}
                for info in EDITIONS.values()
            ],
        },
        "nav": nav,
    }


def render_report_output(
    env: jinja2.Environment,
    report: Report,
    hant: HantEdition,
    strings: dict[str, dict[str, str]],
    fingerprint: str,
) -> ReportOutput:
    """Every file one report contributes to site_src/, in every edition."""
    english = EnglishEdition.for_report(report)
    item = ReportTexts(
        report,
        {"zh-Hans": SourceEdition(), "zh-Hant": hant, "en": english},
        tuple(report_figures(report, english)),
    )
    files: dict[str, str] = {}
    summaries = {}
    # The figures' data files are the same in every edition: made once.
    data = {
        f"{FIGURES_PAGE}.json": to_json(report, list(item.figures)),
        f"{FIGURES_PAGE}.csv": to_csv(list(item.figures)),
    }
    for code in EDITIONS:
        common = {"edition": code, "t": strings[code]}
        report_files, summaries[code] = render_report(env, code, item, common)
        for name, text in {**report_files, **data}.items():
            files[f"{code}/docs/{report.slug}/{name}"] = text
    return ReportOutput(report.slug, fingerprint, files, summaries)


@dataclass(frozen=True)
class Rendered:
    """site_src/ in memory: `files` to write, `kept` files of unchanged reports to leave as
    they are, and the reports that were rendered (to record in the cache once written)."""

    config: SiteConfig
    files: dict[str, str | bytes]
    kept: frozenset[str]
    rendered: tuple[ReportOutput, ...]


def render_site(
    project: Project, reuse_from: tuple[Path, ...] = (), mirror: Path | None = None
) -> Rendered:
    """Everything under site_src/, in memory. Reports whose output is recorded as current and
    present in every folder of `reuse_from` are neither loaded nor rendered (and are copied
    into `mirror` if it lacks them)."""
    problems = Problems()
    content = project.content
    if not content.is_dir():
        raise ReportSiteError(
            f"{display_path(content)}: content folder not found "
            "(run `report-site import FILE` first)"
        )
    config = load_site_config(content, problems)
    strings = load_strings(project)
    problems.raise_if_any()
    env = environment(project.templates)
    shared = shared_fingerprint(
        project.root, [project.templates, content / "site.yml", content / GLOSSARY_FILE]
    )
    hant = HantEdition(config.hant)
    for code in EDITIONS:
        strings[code]["site_name"] = config.site_name.get(code) or strings[code]["site_name"]

    outputs: list[ReportOutput] = []
    rendered: list[ReportOutput] = []
    kept: set[str] = set()
    folders = report_folders(content)
    if not folders:
        problems.add(
            Loc(display_path(content)),
            "no report found (a folder with report.yml)",
            "import one with `report-site import FILE`",
        )
    for folder in folders:
        fingerprint = report_fingerprint(shared, folder)
        cached = (
            cached_output(project.root, folder.name, fingerprint, reuse_from, mirror)
            if reuse_from
            else None
        )
        if cached:
            outputs.append(cached)
            kept.update(cached.files)
            continue
        report = load_report(folder, content, problems)
        if report and not problems:
            output = render_report_output(env, report, hant, strings, fingerprint)
            outputs.append(output)
            rendered.append(output)
    problems.raise_if_any()

    files: dict[str, str | bytes] = {}
    for output in rendered:
        files.update(output.files)
    assets = {name: (project.templates / "assets" / name).read_bytes() for name in ASSETS}
    for code in EDITIONS:
        summaries = [o.summaries[code] for o in outputs]
        files[f"{code}/docs/index.md"] = render_home(env, code, summaries, strings[code])
        for name, data in assets.items():
            files[f"{code}/docs/assets/{name}"] = data
        files[f"{code}/mkdocs.yml"] = (
            "# Generated by report-site from content/ and mkdocs.yml: do not edit.\n"
            + yaml.safe_dump(
                edition_config(code, config, summaries, strings[code]),
                allow_unicode=True,
                sort_keys=False,
                width=1000,
            )
        )
    # The site's root: the edition chooser (x-default), and a sitemap index and robots.txt
    # that lead crawlers to every edition.
    for name in ROOT_FILES:
        files[name] = render(
            env,
            {"index.html": "chooser.html.j2", "404.html": "not_found.html.j2"}.get(
                name, f"{name}.j2"
            ),
            editions=list(EDITIONS.values()),
            site_url=config.site_url,
            site_path=urlsplit(config.site_url).path,
            strings=strings,
        )
    return Rendered(config, files, frozenset(kept), tuple(rendered))


def generate(project: Project) -> WriteResult:
    """Write site_src/ (only files that changed)."""
    rendered = render_site(project, reuse_from=(project.site_src,))
    forget(project.root, project.site_src, rendered.rendered)
    result = write_tree(project.site_src, rendered.files, keep=rendered.kept)
    record(project.root, project.site_src, rendered.rendered)
    return result
