"""Generate and build: content → site_src/<edition>/ (Markdown + mkdocs.yml) → site/<edition>/.

First everything is gathered and rendered in memory; only when that succeeded is anything
written, and only files that changed. MkDocs then builds each edition in its own process (they
run in parallel) into a fresh folder that replaces
`site/` only when every edition built.
"""

from __future__ import annotations

import html
import multiprocessing
from collections.abc import Callable
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any
from urllib.parse import urlsplit

import jinja2
import yaml

from generator.content import (
    GLOSSARY_FILE,
    SITE_FILE,
    ReportEntry,
    load_report,
    open_content,
    schema,
)
from generator.content.yaml_file import Reader, read_yaml, written
from generator.edition_list import EDITIONS, HANT, EditionInfo
from generator.editions import Edition, SourceEdition
from generator.editions.english import EnglishEdition
from generator.editions.hant import HantEdition
from generator.errors import Problem, Problems, to_stderr, warning_messages
from generator.incremental import (
    ReportOutput,
    cached_output,
    forget,
    record,
    report_fingerprint,
    shared_fingerprint,
)
from generator.key_figures import report_figures
from generator.model import Report, SiteConfig
from generator.render.about import conversion_note, notice_text
from generator.render.env import environment, render
from generator.render.pages import (
    BILINGUAL_DIR,
    ReportTexts,
    SiteFacts,
    common_context,
    render_home,
    render_report,
)
from generator.render.views import ReportSummary
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
    "colon",
    "search_all_reports",
    "search_all_years",
    "search_filter",
    "search_more",
    "search_in_chinese",
    "search_in_english",
    "search_loose",
)
# Static files every edition serves from docs/assets/.
ASSETS = ("report-site.css", "report-site.js", "search.js")
# Where generate keeps its templates compiled (beside the build workers' compiled theme,
# generator/parts/store.py's TEMPLATES_DIR).
COMPILED_TEMPLATES = ".cache/templates"


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


# Words only the translated edition uses (its translation note, passage states, citation).
TRANSLATION_STRINGS = frozenset(
    {
        "mt_title",
        "mt_states",
        "mt_full_none",
        "mt_full_machine",
        "mt_full_mixed",
        "mt_full_reviewed",
        "state_reviewed",
        "state_machine",
        "state_outdated",
        "state_missing",
        "missing",
        "outdated",
        "outdated_original",
        "no_date",
        "cite_none",
        "cite_machine",
        "cite_mixed",
        "cite_reviewed",
    }
)
# Words only the converted edition uses (its conversion note).
CONVERSION_STRINGS = frozenset(
    {
        "converted_note",
        "converted_quotes",
        "converted_footer",
        "convert_s2tw",
        "convert_s2twp",
        "convert_s2hk",
        "convert_s2t",
    }
)


WORDS = schema.mapping_of(schema.text, schema.verbatim, "write one `key: words` per line")
STRINGS: schema.Schema[dict[str, tuple[tuple[str, str], ...]]] = schema.Schema(
    dict, {code: schema.Key(WORDS) for code in EDITIONS}
)


def load_strings(project: Project) -> dict[str, dict[str, str]]:
    """templates/strings.yml: the words around the report's text, per edition; every edition
    must have every word (the Chinese ones, all but the translation's own)."""
    problems = Problems()
    file = read_yaml(project.templates / "strings.yml", project.templates, problems)
    sections = STRINGS.read_document(Reader(file, problems)) if file else None
    problems.raise_if_any()
    assert file is not None and sections is not None
    data = {code: dict(pairs) for code, pairs in sections.items()}
    keys = file.root.value if isinstance(file.root, yaml.MappingNode) else []
    places = {written(key): (file.loc(key), file.line_of(key)) for key, _ in keys}
    words = {word for section in data.values() for word in section}
    for info in EDITIONS.values():
        wanted = words if not info.chinese else words - TRANSLATION_STRINGS
        if info is not HANT:
            wanted = wanted - CONVERSION_STRINGS
        missing = sorted(wanted - set(data.get(info.code, {})))
        if info.code not in data or missing:
            loc, line = places.get(info.code, (file.start(), ""))
            problems.add(
                loc,
                f"edition {info.code} lacks strings: {', '.join(missing) or 'all'}",
                "add them under its key",
                line,
            )
    problems.raise_if_any()
    return {code: data[code] for code in EDITIONS}


# While an archive has no more reports than this, every page's menu names each of them (a link
# to its index); beyond, the home page lists them and a page's menu holds its own report only.
FEW_REPORTS = 10


def report_nav(summary: ReportSummary, strings: dict[str, str]) -> dict[str, list[Any]]:
    """One report's entry in the menu: its pages, key figures and full text."""
    pages: list[Any] = list(summary.pages)
    pages.append({html.escape(strings["figures_title"]): summary.figures})
    pages.append({html.escape(strings["full_report"]): summary.full})
    return {html.escape(summary.title_plain): pages}


def edition_config(
    info: EditionInfo,
    config: SiteConfig,
    summaries: list[ReportSummary],
    strings: dict[str, str],
    to_hant: Callable[[str], str] = str,
) -> dict[str, Any]:
    """The generated mkdocs.yml of one edition; it INHERITs the project's mkdocs.yml. (A build
    of one report's pages, generator/parts, has it with a menu of that report alone.)"""
    base = config.site_url
    ordered = sorted(summaries, key=ReportSummary.order)
    # MkDocs and Material print names and titles as HTML, unescaped.
    site_name = html.escape(strings["site_name"])
    # The home page is "Home" in the menu: the menu's own title already names the site.
    nav: list[Any] = [{html.escape(strings["home"]): "index.md"}]
    nav += [report_nav(summary, strings) for summary in ordered]
    extra: dict[str, Any] = {
        "edition": info.code,
        "ui": {key: strings[key] for key in UI_STRINGS},
        "footer": footer_lines(info, config, strings, to_hant),
        "site_root": base,
        "alternate": [
            {"name": other.name, "lang": other.code, "link": f"{base}{other.code}/"}
            for other in EDITIONS.values()
        ],
    }
    if len(ordered) <= FEW_REPORTS:
        # Every report, for the menu's links to the others (overrides/partials/nav.html).
        extra["reports"] = [
            {"title": html.escape(s.title_plain), "url": f"{s.slug}/"} for s in ordered
        ]
    return {
        "INHERIT": "../../mkdocs.yml",
        "site_name": site_name,
        "site_url": f"{base}{info.code}/",
        "docs_dir": "docs",
        "site_dir": f"../../site/{info.code}",
        "theme": {"language": info.material_language, "custom_dir": "../../overrides"},
        "extra_css": ["assets/report-site.css"],
        "extra_javascript": [{"path": "assets/report-site.js", "defer": True}],
        # No MkDocs search plugin: the site's own index is built after MkDocs (generator/search).
        "plugins": [],
        "hooks": ["../../overrides/hooks/report_site.py"],
        # Bilingual views are reached from each page, not from the menu.
        "not_in_nav": f"/*/{BILINGUAL_DIR}/*.md",
        "extra": extra,
        "nav": nav,
    }


def config_text(data: dict[str, Any]) -> str:
    """A generated mkdocs.yml (with libyaml's emitter where PyYAML has it: the same text,
    faster; a whole edition's menu is long)."""
    dumper = getattr(yaml, "CSafeDumper", yaml.SafeDumper)
    text = yaml.dump(data, Dumper=dumper, allow_unicode=True, sort_keys=False, width=1000)
    return "# Generated by report-site from content/ and mkdocs.yml: do not edit.\n" + text


def footer_lines(
    info: EditionInfo, config: SiteConfig, strings: dict[str, str], to_hant: Callable[[str], str]
) -> list[dict[str, str]]:
    """Every page's footer: who runs the site and on what terms, and for the Traditional
    edition that it is converted (label, text, and the address it links to)."""
    lines = []
    for key, notice in (("operator", config.operator), ("licence", config.licence)):
        if notice is not None:
            text = notice_text(notice, info.code, to_hant) or notice.url
            lines.append({"label": strings[key], "text": text, "url": notice.url})
    if "converted_footer" in strings:
        text = strings["converted_footer"].format(config=config.hant.opencc)
        lines.append({"label": "", "text": text, "url": ""})
    return lines


def render_report_output(
    env: jinja2.Environment,
    report: Report,
    hant: HantEdition,
    strings: dict[str, dict[str, str]],
    fingerprint: str,
    config: SiteConfig,
) -> ReportOutput:
    """Every file one report contributes to site_src/, in every edition."""
    english = EnglishEdition.for_report(report, typeset=True)
    editions: list[Edition] = [SourceEdition(), hant, english]
    item = ReportTexts(
        report,
        {edition.info.code: edition for edition in editions},
        tuple(report_figures(report, english)),
    )
    files: dict[str, str] = {}
    summaries = {}
    for edition in editions:
        code = edition.info.code
        common = common_context(edition.info, strings[code])
        site = SiteFacts(
            url=config.site_url,
            name=strings[code]["site_name"],
            licence=config.licence,
            operator=config.operator,
            converted=conversion_note(
                config.hant.opencc, config.hant.quotes == "「」", strings[code]
            ),
        )
        report_files, summaries[code] = render_report(env, item, edition, common, site)
        for name, text in report_files.items():
            files[f"{code}/docs/{report.slug}/{name}"] = text
    return ReportOutput(report.slug, fingerprint, files, summaries)


@dataclass(frozen=True)
class Rendered:
    """site_src/ in memory: `files` to write, `kept` files of unchanged reports to leave as
    they are, the reports that were rendered (to record in the cache once written), and the
    warnings about content/ to show."""

    config: SiteConfig
    files: dict[str, str | bytes]
    kept: frozenset[str]
    rendered: tuple[ReportOutput, ...]
    warnings: tuple[Problem, ...] = ()
    # Every report, rendered now or kept, the words and the configuration of each edition:
    # what a build of the site from parts (generator/parts) needs to know.
    outputs: tuple[ReportOutput, ...] = ()
    strings: dict[str, dict[str, str]] = field(default_factory=dict)
    configs: dict[str, dict[str, Any]] = field(default_factory=dict)


@dataclass(frozen=True)
class _Renderer:
    """What rendering one report takes (a forked process inherits it)."""

    env: jinja2.Environment
    hant: HantEdition
    strings: dict[str, dict[str, str]]
    content: Path
    config: SiteConfig

    def render(self, job: tuple[ReportEntry, str]) -> tuple[ReportOutput | None, Problems]:
        entry, fingerprint = job
        problems = Problems()
        report = load_report(entry, self.content, problems)
        if report is None or problems:
            return None, problems
        output = render_report_output(
            self.env, report, self.hant, self.strings, fingerprint, self.config
        )
        return output, problems


_FORKED: _Renderer | None = None


def _render_forked(job: tuple[ReportEntry, str]) -> tuple[ReportOutput | None, Problems]:
    assert _FORKED is not None
    return _FORKED.render(job)


def _render_reports(
    renderer: _Renderer, todo: list[tuple[ReportEntry, str]], processes: int
) -> list[tuple[ReportOutput | None, Problems]]:
    """Each report of `todo` rendered, in order: by `processes` forked processes (they
    inherit the loaded templates and converters) when there is more than one report."""
    global _FORKED
    if processes < 2 or len(todo) < 2 or "fork" not in multiprocessing.get_all_start_methods():
        return [renderer.render(job) for job in todo]
    _FORKED = renderer
    try:
        with multiprocessing.get_context("fork").Pool(min(processes, len(todo))) as pool:
            return pool.map(_render_forked, todo, chunksize=1)
    finally:
        _FORKED = None


def render_site(
    project: Project,
    reuse_from: tuple[Path, ...] = (),
    mirror: Path | None = None,
    processes: int = 1,
) -> Rendered:
    """Everything under site_src/, in memory. Reports whose output is recorded as current and
    present in every folder of `reuse_from` are neither loaded nor rendered (and are copied
    into `mirror` if it lacks them); every report.yml and folder is checked all the same. The
    others are rendered by `processes` processes (forked: only from a single-threaded
    caller)."""
    content = open_content(project.content)
    config = content.config
    strings = load_strings(project)
    env = environment(project.templates, project.root / COMPILED_TEMPLATES)
    shared = shared_fingerprint(
        project.root,
        [project.templates, project.content / SITE_FILE, project.content / GLOSSARY_FILE],
    )
    hant = HantEdition(config.hant)
    for code in EDITIONS:
        strings[code]["site_name"] = config.site_name.get(code) or strings[code]["site_name"]

    problems = Problems(warnings=list(content.warnings))
    found: list[ReportOutput | tuple[ReportEntry, str]] = []
    kept: set[str] = set()
    for entry in content.reports:
        fingerprint = report_fingerprint(shared, entry.folder.path)
        cached = (
            cached_output(project.root, entry.slug, fingerprint, reuse_from, mirror)
            if reuse_from
            else None
        )
        if cached:
            kept.update(cached.files)
        found.append(cached or (entry, fingerprint))
    todo = [item for item in found if isinstance(item, tuple)]
    renderer = _Renderer(env, hant, strings, project.content, config)
    new = iter(_render_reports(renderer, todo, processes))
    outputs: list[ReportOutput] = []
    rendered: list[ReportOutput] = []
    for item in found:
        if isinstance(item, ReportOutput):
            outputs.append(item)
            continue
        output, report_problems = next(new)
        problems.extend(report_problems.items)
        problems.warnings.extend(report_problems.warnings)
        if output is not None:
            outputs.append(output)
            rendered.append(output)
    problems.raise_if_any()

    files: dict[str, str | bytes] = {}
    configs: dict[str, dict[str, Any]] = {}
    for output in rendered:
        files.update(output.files)
    assets = {name: (project.templates / "assets" / name).read_bytes() for name in ASSETS}
    for info in EDITIONS.values():
        code = info.code
        summaries = [o.summaries[code] for o in outputs]
        files[f"{code}/docs/index.md"] = render_home(env, info, summaries, strings[code])
        for name, data in assets.items():
            files[f"{code}/docs/assets/{name}"] = data
        configs[code] = edition_config(info, config, summaries, strings[code], hant.convert)
        files[f"{code}/mkdocs.yml"] = config_text(configs[code])
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
    return Rendered(
        config,
        files,
        frozenset(kept),
        tuple(rendered),
        tuple(problems.warnings),
        tuple(outputs),
        strings,
        configs,
    )


def generate(
    project: Project, warn: Callable[[str], None] = to_stderr, processes: int = 1
) -> WriteResult:
    """Write site_src/ (only files that changed). Warnings about content/ go to `warn`."""
    rendered = render_site(project, reuse_from=(project.site_src,), processes=processes)
    for message in warning_messages(rendered.warnings):
        warn(message)
    forget(project.root, project.site_src, rendered.rendered)
    result = write_tree(project.site_src, rendered.files, keep=rendered.kept)
    record(project.root, project.site_src, rendered.rendered)
    return result
