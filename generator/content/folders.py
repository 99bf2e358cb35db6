"""What content/ holds, and which of it is read:

    content/site.yml, content/glossary.yml
    content/<report>/                  a folder with report.yml; its name is the report's address
        report.yml
        figures.yml                    what each figure counts (optional; `report-site figures`)
        zh-Hans/index.md               the title and preamble
        zh-Hans/NN-name.md             one page per section
        translations/en.po             the translation memory of each translated edition

Nothing else is read by anyone, so anything else is named in a warning: a section saved as
`….md.bak` or `….md~` would otherwise vanish from every edition without a word, and a report
folder whose report.yml was renamed would vanish whole. Files that operating systems leave
behind (.DS_Store, Thumbs.db) and hidden folders are passed over in silence.
"""

from __future__ import annotations

import difflib
import re
from dataclasses import dataclass
from pathlib import Path

from generator.content.text import shown_path
from generator.edition_list import EDITIONS, SOURCE
from generator.errors import Loc, Problems
from generator.slugs import REPORT_SLUG, RESERVED_SLUGS

SITE_FILE = "site.yml"
GLOSSARY_FILE = "glossary.yml"
REPORT_FILE = "report.yml"
FIGURES_FILE = "figures.yml"
PAGES_DIR = SOURCE.code
TRANSLATIONS_DIR = "translations"
INDEX_PAGE = "index.md"
PAGE_NAME = re.compile(r"[a-z0-9][a-z0-9-]*\.md")
MEMORIES = frozenset(f"{code}.po" for code, info in EDITIONS.items() if not info.chinese)
SYSTEM_FILES = frozenset(
    {".DS_Store", "Thumbs.db", "desktop.ini", ".gitkeep", ".gitignore", ".gitattributes"}
)
# What Poedit writes beside a PO file on saving (its compiled copy): nothing of anyone's work.
COMPILED_MEMORY = ".mo"
ELSEWHERE = "delete it, or keep it outside content/"


@dataclass(frozen=True)
class ReportFolder:
    """A report's folder as found on disk: its section pages in file-name order."""

    path: Path
    shown: str  # as messages name it: content/<slug>
    sections: tuple[Path, ...]

    @property
    def slug(self) -> str:
        return self.path.name

    @property
    def index(self) -> Path:
        return self.path / PAGES_DIR / INDEX_PAGE


def report_folders(root: Path, problems: Problems) -> list[ReportFolder]:
    """Every report folder of content/ whose name can be its address; what is not read is
    warned about, a folder whose name cannot be an address is an error."""
    folders = []
    for entry in _entries(root):
        shown = shown_path(entry, root)
        if entry.is_dir() and (entry / REPORT_FILE).is_file():
            if REPORT_SLUG.fullmatch(entry.name) and entry.name not in RESERVED_SLUGS:
                folders.append(_report_folder(entry, root, problems))
            else:
                problems.add(
                    Loc(shown),
                    "a report folder's name is the report's web address, and this one cannot be",
                    "rename the folder with lower-case letters, digits and hyphens "
                    f"(not {' or '.join(sorted(RESERVED_SLUGS))}), e.g. guangdong-gov-2026",
                )
        elif entry.is_dir():
            close = _nearest(REPORT_FILE, [p.name for p in entry.iterdir()])
            problems.warn(
                Loc(shown),
                f"a folder without {REPORT_FILE} is not a report, so it is in no edition",
                f"rename {close} to {REPORT_FILE}"
                if close
                else f"if it is a report, add {REPORT_FILE} (organisation, year); if not, "
                "keep it outside content/",
            )
        elif entry.name not in (SITE_FILE, GLOSSARY_FILE):
            close = _nearest(entry.name, [SITE_FILE, GLOSSARY_FILE])
            problems.warn(
                Loc(shown),
                f"not read: content/ holds {SITE_FILE}, {GLOSSARY_FILE} and one folder per report"
                + (f" (did you mean {close}?)" if close else ""),
                f"rename it {close}" if close else ELSEWHERE,
            )
    return folders


def _report_folder(folder: Path, root: Path, problems: Problems) -> ReportFolder:
    known = {REPORT_FILE, FIGURES_FILE, PAGES_DIR, TRANSLATIONS_DIR}
    for entry in _entries(folder):
        if entry.name not in known:
            problems.warn(
                Loc(shown_path(entry, root)),
                f"not part of the report: only {REPORT_FILE}, {FIGURES_FILE}, {PAGES_DIR}/ "
                f"and {TRANSLATIONS_DIR}/ are read",
                ELSEWHERE,
            )
    sections = []
    for entry in _entries(folder / PAGES_DIR):
        shown = shown_path(entry, root)
        if entry.is_dir():
            problems.warn(
                Loc(shown),
                f"a folder in {PAGES_DIR}/: its pages are in no edition",
                f"move its pages into {PAGES_DIR}/ itself, or the folder out of content/",
            )
        elif entry.name == INDEX_PAGE:
            continue
        elif PAGE_NAME.fullmatch(entry.name):
            sections.append(entry)
        elif entry.suffix == ".md":
            problems.add(
                Loc(shown),
                "page file names are their web addresses",
                "rename it with lower-case letters, digits and hyphens, e.g. 11-xin.md",
            )
        else:
            problems.warn(
                Loc(shown),
                "not a page (a page's name ends in .md), so it is in no edition",
                "if it is a page, rename it to end in .md; if it is a copy or an editor's "
                "temporary file, delete it or keep it outside content/",
            )
    for entry in _entries(folder / TRANSLATIONS_DIR):
        if entry.name not in MEMORIES and entry.suffix != COMPILED_MEMORY:
            problems.warn(
                Loc(shown_path(entry, root)),
                f"not a translation memory: only {', '.join(sorted(MEMORIES))} is read here",
                ELSEWHERE,
            )
    index = folder / PAGES_DIR / INDEX_PAGE
    if not index.is_file():
        problems.add(
            Loc(shown_path(index, root)),
            "the report has no index page",
            "create it with the report's title as `# Title` and its preamble",
        )
    return ReportFolder(folder, shown_path(folder, root), tuple(sections))


def _entries(folder: Path) -> list[Path]:
    """A folder's entries in name order, without hidden folders and the files operating
    systems leave behind (an editor's hidden temporary files, `.x.md.swp`, are kept)."""
    if not folder.is_dir():
        return []
    return sorted(
        entry
        for entry in folder.iterdir()
        if entry.name not in SYSTEM_FILES
        and not entry.name.startswith("._")
        and not (entry.name.startswith(".") and entry.is_dir())
    )


def _nearest(name: str, names: list[str]) -> str | None:
    close = difflib.get_close_matches(name, names, n=1, cutoff=0.75)
    return close[0] if close and close[0] != name else None
