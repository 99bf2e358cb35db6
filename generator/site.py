"""Generate and build: content → site_src/<edition>/ (Markdown + mkdocs.yml) → site/<edition>/.

First everything is gathered and rendered in memory; only when that succeeded is anything
written, and only files that changed. MkDocs then builds each edition in its own process (they
run in parallel, and jieba's dictionary is per process) into a fresh folder that replaces
`site/` only when every edition built.
"""

from __future__ import annotations

from dataclasses import dataclass
from pathlib import Path
from typing import Any

import yaml

from generator.content import load_site
from generator.editions import EDITIONS, SourceEdition
from generator.editions.english import EnglishEdition
from generator.editions.hant import HantEdition
from generator.errors import Loc, Problem, ReportSiteError
from generator.model import Site
from generator.render.env import environment, render
from generator.render.pages import BILINGUAL_DIR, FULL_PAGE, ReportTexts, render_edition
from generator.search_dict import ensure_traditional_dictionary
from generator.writer import WriteResult, write_tree

# Derived data too costly to remake on every build (kept out of site_src/, which is output).
HANT_DICT = ".cache/jieba-zh-Hant.txt"


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


def editions_for(site: Site) -> list[ReportTexts]:
    """For each report, the edition that supplies each edition's text (OpenCC and jieba are
    loaded once; each report has its own translation memory)."""
    hant = HantEdition(site.config.hant)
    source = SourceEdition()
    return [
        ReportTexts(
            report, {"zh-Hans": source, "zh-Hant": hant, "en": EnglishEdition.for_report(report)}
        )
        for report in site.reports
    ]


def edition_config(
    code: str, site: Site, items: list[ReportTexts], strings: dict[str, str]
) -> dict[str, Any]:
    """The generated mkdocs.yml of one edition; it INHERITs the project's mkdocs.yml."""
    base = site.config.site_url
    nav: list[Any] = [{strings["site_name"]: "index.md"}]
    for item in items:
        report = item.report
        pages: list[Any] = [f"{report.slug}/index.md"]
        pages += [f"{report.slug}/{p.slug}.md" for p in report.sections]
        full: Any = {strings["full_report"]: f"{report.slug}/{FULL_PAGE}.md"}
        pages.append(full)
        nav.append({item.editions[code].text(report.title).text: pages})
    search: dict[str, Any] = {}
    if code == "zh-Hant":
        search["jieba_dict"] = f"../../{HANT_DICT}"
    return {
        "INHERIT": "../../mkdocs.yml",
        "site_name": strings["site_name"],
        "site_url": f"{base}{code}/",
        "docs_dir": "docs",
        "site_dir": f"../../site/{code}",
        "theme": {"language": EDITIONS[code].material_language, "custom_dir": "../../overrides"},
        "extra_css": ["assets/report-site.css"],
        "plugins": [{"search": search}],
        "hooks": ["../../overrides/hooks/report_site.py"],
        # Bilingual views are reached from each page, not from the menu.
        "not_in_nav": f"/*/{BILINGUAL_DIR}/*.md",
        "extra": {
            "edition": code,
            "site_root": base,
            "alternate": [
                {"name": info.name, "lang": info.code, "link": f"{base}{info.code}/"}
                for info in EDITIONS.values()
            ],
        },
        "nav": nav,
    }


def render_site(project: Project) -> tuple[Site, dict[str, str | bytes]]:
    """Everything under site_src/, in memory."""
    site = load_site(project.content)
    strings = load_strings(project)
    env = environment(project.templates)
    css = (project.templates / "assets" / "report-site.css").read_bytes()
    files: dict[str, str | bytes] = {}
    items = editions_for(site)
    for code in EDITIONS:
        site_name = site.config.site_name.get(code) or strings[code]["site_name"]
        edition_strings = dict(strings[code], site_name=site_name)
        for name, text in render_edition(env, code, items, edition_strings).items():
            files[f"{code}/docs/{name}"] = text
        files[f"{code}/docs/assets/report-site.css"] = css
        config = edition_config(code, site, items, edition_strings)
        files[f"{code}/mkdocs.yml"] = (
            "# Generated by report-site from content/ and mkdocs.yml: do not edit.\n"
            + yaml.safe_dump(config, allow_unicode=True, sort_keys=False, width=1000)
        )
    files["index.html"] = render(
        env,
        "chooser.html.j2",
        editions=list(EDITIONS.values()),
        site_url=site.config.site_url,
        strings=strings,
    )
    return site, files


def generate(project: Project) -> WriteResult:
    """Write site_src/ (only files that changed) and make sure the search dictionary exists."""
    site, files = render_site(project)
    result = write_tree(project.site_src, files)
    ensure_traditional_dictionary(project.root / HANT_DICT, site.config.hant.opencc)
    return result
