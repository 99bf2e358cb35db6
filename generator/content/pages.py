"""content/ → the Site model, validating everything in one pass.

Editors write ordinary Markdown. What a report page may hold is deliberately small (headings,
paragraphs, lists, tables): anything else is reported with its file and line and what to do,
together with every other problem found, and nothing is built until all are fixed.
"""

from __future__ import annotations

import os
import re
from pathlib import Path
from typing import Any

import yaml
from markdown_it import MarkdownIt
from markdown_it.token import Token

from generator.errors import Loc, Problems, ReportSiteError, display_path
from generator.model import (
    Block,
    BlockKind,
    HantConfig,
    Page,
    Report,
    Segment,
    Site,
    SiteConfig,
)
from generator.content.headlines import read_headlines
from generator.slugs import REPORT_SLUG, RESERVED_SLUGS

SITE_FILE = "site.yml"
REPORT_FILE = "report.yml"
SOURCE_LANG = "zh-Hans"

_PARSER = MarkdownIt("commonmark", {"html": False}).enable("table")
_CJK = re.compile(r"[\u2e80-\u9fff\uf900-\ufaff\u3000-\u303f\uff00-\uffef]")
_UNSUPPORTED = {
    "blockquote_open": "block quotes",
    "code_block": "indented code blocks (a line indented by four spaces)",
    "fence": "fenced code blocks",
    "hr": "horizontal rules",
}


def join_lines(text: str) -> str:
    """A paragraph written over several lines is one paragraph. Between two Chinese characters
    the line break disappears; elsewhere it becomes one space, as a browser would show it."""
    lines = [line.strip() for line in text.split("\n")]
    out = lines[0]
    for line in lines[1:]:
        if out and line and _CJK.match(out[-1]) and _CJK.match(line[0]):
            out += line
        else:
            out += " " + line
    return out.strip()


def shown_path(path: Path, root: Path) -> str:
    """How messages and generated files name a content file: from the content folder down
    (`content/report/zh-Hans/01.md`), the same on every machine and from any working folder."""
    try:
        return (Path(root.name) / path.relative_to(root)).as_posix()
    except ValueError:
        return display_path(path)


def read_yaml(path: Path, root: Path, problems: Problems) -> dict[str, Any]:
    shown = shown_path(path, root)
    try:
        data = yaml.safe_load(path.read_text(encoding="utf-8"))
    except FileNotFoundError:
        problems.add(Loc(shown), "file is missing", f"create {path.name}")
        return {}
    except UnicodeDecodeError:
        problems.add(Loc(shown), "file is not UTF-8 text", "save it as UTF-8")
        return {}
    except yaml.YAMLError as error:
        mark = getattr(error, "problem_mark", None)
        line = mark.line + 1 if mark else 0
        col = mark.column + 1 if mark else 0
        problems.add(
            Loc(shown, line, col),
            f"YAML syntax error: {getattr(error, 'problem', error)}",
            "check indentation and quotes on this line",
        )
        return {}
    if data is None:
        return {}
    if not isinstance(data, dict):
        problems.add(Loc(shown, 1), "expected a mapping of keys to values")
        return {}
    return data


def _key_line(path: Path, key: str) -> int:
    for number, line in enumerate(path.read_text(encoding="utf-8").splitlines(), 1):
        if line.startswith(f"{key}:"):
            return number
    return 1


class _PageReader:
    """Turns one Markdown file into a Page, adding problems instead of raising."""

    def __init__(self, path: Path, root: Path, problems: Problems):
        self.path = path
        self.shown = shown_path(path, root)
        self.problems = problems
        self.lines: list[str] = []

    def loc(self, token: Token) -> Loc:
        return Loc(self.shown, (token.map[0] + 1) if token.map else 0)

    def segment(self, token: Token) -> Segment:
        return Segment(join_lines(token.content), self.loc(token))

    def read(self) -> Page | None:
        try:
            text = self.path.read_text(encoding="utf-8")
        except UnicodeDecodeError:
            self.problems.add(Loc(self.shown), "file is not UTF-8 text", "save it as UTF-8")
            return None
        self.lines = text.splitlines()
        tokens = _PARSER.parse(text)
        title: Segment | None = None
        blocks: list[Block] = []
        counters = {"h": 0, "p": 0, "l": 0, "t": 0}
        list_depth = 0
        ordered_stack: list[bool] = []
        i = 0
        while i < len(tokens):
            token = tokens[i]
            kind = token.type
            if kind in _UNSUPPORTED:
                self.report(
                    token,
                    f"{_UNSUPPORTED[kind]} are not supported in report pages",
                    "write the text as ordinary paragraphs",
                )
                i = self.skip_block(tokens, i)
                continue
            if kind == "heading_open":
                level = int(token.tag[1])
                seg = self.segment(tokens[i + 1])
                if level == 1:
                    if title is not None:
                        self.report(
                            token,
                            "a page has one title (`# …`); this is a second one",
                            "make it a section heading: `## …`",
                        )
                    elif blocks:
                        self.report(
                            token,
                            "the title (`# …`) must come first in the file",
                            "move it to the top",
                        )
                    else:
                        title = seg
                else:
                    counters["h"] += 1
                    blocks.append(Block(BlockKind.HEADING, f"h-{counters['h']}", (seg,), level))
                i += 3
                continue
            if kind in ("bullet_list_open", "ordered_list_open"):
                list_depth += 1
                ordered_stack.append(kind == "ordered_list_open")
            elif kind in ("bullet_list_close", "ordered_list_close"):
                list_depth -= 1
                ordered_stack.pop()
            elif kind == "paragraph_open":
                seg = self.segment(tokens[i + 1])
                if list_depth:
                    counters["l"] += 1
                    blocks.append(
                        Block(
                            BlockKind.LIST_ITEM,
                            f"l-{counters['l']}",
                            (seg,),
                            list_depth,
                            ordered_stack[-1],
                        )
                    )
                else:
                    counters["p"] += 1
                    blocks.append(Block(BlockKind.PARAGRAPH, f"p-{counters['p']}", (seg,)))
                i += 3
                continue
            elif kind == "table_open":
                counters["t"] += 1
                i = self.read_table(tokens, i, f"t-{counters['t']}", blocks)
                continue
            i += 1
        if title is None:
            self.problems.add(
                Loc(self.shown, 1), "the page has no title", "start the file with a line `# Title`"
            )
            return None
        return Page(self.path.stem, self.shown, title, tuple(blocks))

    def read_table(self, tokens: list[Token], i: int, anchor: str, blocks: list[Block]) -> int:
        cells: list[Segment] = []
        columns = 0
        row = 0
        while tokens[i].type != "table_close":
            token = tokens[i]
            if token.type == "tr_open":
                row = 0
            elif token.type == "inline":
                row += 1
                cells.append(self.segment(token))
            elif token.type == "tr_close":
                columns = columns or row
            i += 1
        blocks.append(Block(BlockKind.TABLE, anchor, tuple(cells), columns=columns))
        return i + 1

    def skip_block(self, tokens: list[Token], i: int) -> int:
        token = tokens[i]
        if not token.type.endswith("_open"):
            return i + 1
        depth = 0
        while i < len(tokens):
            depth += tokens[i].nesting
            i += 1
            if depth == 0:
                break
        return i

    def report(self, token: Token, message: str, hint: str) -> None:
        line = (token.map[0] + 1) if token.map else 0
        source = self.lines[line - 1] if 0 < line <= len(self.lines) else ""
        self.problems.add(Loc(self.shown, line), message, hint, source)


def load_site_config(root: Path, problems: Problems) -> SiteConfig:
    data = read_yaml(root / SITE_FILE, root, problems)
    hant = data.get("zh-Hant") or {}
    keep = hant.get("keep") or {}
    shown = shown_path(root / SITE_FILE, root)
    if not isinstance(keep, dict):
        problems.add(
            Loc(shown, _key_line(root / SITE_FILE, "zh-Hant")),
            "zh-Hant.keep must map Simplified terms to their Traditional form",
            "write one `简体: 繁體` pair per line",
        )
        keep = {}
    site_url = os.environ.get("REPORT_SITE_URL") or str(data.get("site_url") or "")
    if data and not site_url.startswith(("http://", "https://")):
        problems.add(
            Loc(shown, _key_line(root / SITE_FILE, "site_url")),
            "site_url must be the absolute address the site is published at",
            "for example https://example.org/reports/",
        )
    if site_url and not site_url.endswith("/"):
        site_url += "/"
    return SiteConfig(
        site_url=site_url,
        site_name={str(k): str(v) for k, v in (data.get("site_name") or {}).items()},
        hant=HantConfig(
            opencc=str(hant.get("opencc") or "s2tw"),
            protected_terms=tuple(sorted((str(k), str(v)) for k, v in keep.items())),
        ),
    )


def load_report(folder: Path, root: Path, problems: Problems) -> Report | None:
    meta_path = folder / REPORT_FILE
    meta = read_yaml(meta_path, root, problems)
    shown_meta = shown_path(meta_path, root)
    pages_dir = folder / SOURCE_LANG
    index_path = pages_dir / "index.md"
    if not index_path.exists():
        problems.add(
            Loc(shown_path(index_path, root)),
            "the report has no index page",
            "create it with the report's title as `# Title` and its preamble",
        )
        return None
    index = _PageReader(index_path, root, problems).read()
    sections = []
    for path in sorted(pages_dir.glob("*.md")):
        if path.name == "index.md":
            continue
        if not re.fullmatch(r"[a-z0-9][a-z0-9-]*\.md", path.name):
            problems.add(
                Loc(shown_path(path, root)),
                "page file names are their web addresses",
                "rename it with lower-case letters, digits and hyphens, e.g. 11-xin.md",
            )
            continue
        page = _PageReader(path, root, problems).read()
        if page:
            sections.append(page)
    organisation = str(meta.get("organisation") or "")
    if meta and not organisation:
        problems.add(
            Loc(shown_meta, _key_line(meta_path, "organisation")),
            "organisation is empty",
            "write the publishing organisation's name",
        )
    year = meta.get("year")
    if meta and not isinstance(year, int):
        problems.add(
            Loc(shown_meta, _key_line(meta_path, "year")),
            f"year must be a number, not {year!r}",
            "for example: year: 2020",
        )
        year = 0
    source = meta.get("source") or {}
    if index is None:
        return None
    headlines, charts = read_headlines(
        meta, meta_path, shown_meta, {p.slug: p for p in (index, *sections)}, problems
    )
    return Report(
        slug=folder.name,
        path=shown_path(folder, root),
        folder=str(folder),
        organisation=Segment(organisation, Loc(shown_meta, _key_line(meta_path, "organisation"))),
        year=int(year or 0),
        index=index,
        sections=tuple(sections),
        source_file=str(source.get("file") or ""),
        source_sha256=str(source.get("sha256") or ""),
        headlines=headlines,
        charts=charts,
    )


def report_folders(root: Path) -> list[Path]:
    return sorted(p.parent for p in root.glob(f"*/{REPORT_FILE}"))


def load_site(root: Path) -> Site:
    problems = Problems()
    if not root.is_dir():
        raise ReportSiteError(
            f"{display_path(root)}: content folder not found (run `report-site import FILE` first)"
        )
    config = load_site_config(root, problems)
    reports = []
    for folder in report_folders(root):
        if not REPORT_SLUG.fullmatch(folder.name) or folder.name in RESERVED_SLUGS:
            problems.add(
                Loc(display_path(folder)),
                "a report folder's name is the report's web address, and this one cannot be",
                "rename the folder with lower-case letters, digits and hyphens "
                "(not assets or search), e.g. guangdong-gov-2026",
            )
            continue
        report = load_report(folder, root, problems)
        if report:
            reports.append(report)
    if not reports and not problems:
        problems.add(
            Loc(display_path(root)),
            "no report found (a folder with report.yml)",
            "import one with `report-site import FILE`",
        )
    problems.raise_if_any()
    return Site(config, tuple(reports))
