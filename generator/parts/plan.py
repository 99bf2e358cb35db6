"""Which parts make the site, what each is made from, and the MkDocs project that builds it.

Each edition has a home part (its home page, 404 page and the theme's files) and one part per
report (the report's pages). A part's fingerprint covers everything its output depends on:
the theme (mkdocs.yml, overrides/, the generator, the versions of MkDocs and its libraries,
SOURCE_DATE_EPOCH), its generated mkdocs.yml (address, words, menu) and its pages, which for a
report are what the report's own fingerprint already vouches for (generator/incremental.py).

A part's project lives in `.build-parts/<edition>/<part>/`: its mkdocs.yml and a docs/ folder
of links into the staged site_src/. A report's part has a placeholder home page, excluded
from its build (MkDocs keeps an excluded page in the menu, its first entry, and only says so);
the home part sees every report's folder, excluded likewise, so that the home page's links to
them resolve as they do in a whole edition.
"""

from __future__ import annotations

import hashlib
import json
import os
import shutil
import sys
from collections import defaultdict
from collections.abc import Iterable
from dataclasses import dataclass
from importlib import metadata
from pathlib import Path
from typing import Any

from generator.edition_list import EDITIONS
from generator.incremental import shared_fingerprint
from generator.parts.store import HOME
from generator.site import Project, Rendered, config_text, report_nav

PARTS_DIR = ".build-parts"
# What MkDocs renders with, besides what generate renders with (incremental.py).
MKDOCS_LIBRARIES = ("mkdocs", "mkdocs-material", "markdown", "pymdown-extensions", "markupsafe")
PLACEHOLDER = "<!-- The home page: a part of its own builds it; here it is in the menu only. -->\n"
# From a part's docs/ (or its project folder) back to the project's root.
_UP_FROM_DOCS = "../../../../"
_UP = "../../../"


@dataclass(frozen=True)
class Part:
    edition: str
    name: str  # a report's folder, or HOME
    fingerprint: str
    config: dict[str, Any]  # its mkdocs.yml
    links: tuple[str, ...]  # what its docs/ links to in the staged docs/ (files, folders)
    pages: int  # how much there is to build (to start the largest first)

    @property
    def home(self) -> bool:
        return self.name == HOME


def _version(library: str) -> str:
    try:
        return metadata.version(library)
    except metadata.PackageNotFoundError:
        return "none"


def theme_stamp(project: Project, epoch: str) -> str:
    """What every part's output depends on besides its own configuration and pages."""
    digest = hashlib.sha256()
    digest.update(
        shared_fingerprint(
            project.root, [project.root / "mkdocs.yml", project.root / "overrides"]
        ).encode()
    )
    for library in MKDOCS_LIBRARIES:
        digest.update(f"\0{library}=={_version(library)}".encode())
    digest.update(f"\0python {sys.version_info.major}.{sys.version_info.minor}\0{epoch}".encode())
    return digest.hexdigest()


def _fingerprint(*pieces: str | bytes) -> str:
    digest = hashlib.sha256()
    for piece in pieces:
        digest.update(piece.encode() if isinstance(piece, str) else piece)
        digest.update(b"\0")
    return digest.hexdigest()


def _part_config(
    config: dict[str, Any], name: str, nav: list[Any], excluded: Iterable[str]
) -> dict[str, Any]:
    """A whole edition's configuration, made that of one part: its menu, and paths from its
    own folder."""
    data = dict(config)
    data["nav"] = nav
    data["INHERIT"] = f"{_UP}mkdocs.yml"
    data["site_dir"] = "site"
    data["theme"] = {**data["theme"], "custom_dir": f"{_UP}overrides"}
    data["hooks"] = [f"{_UP}overrides/hooks/report_site.py"]
    data["extra"] = {**data["extra"], "part": name}
    data["exclude_docs"] = "".join(f"{path}\n" for path in excluded)
    return data


def _canonical(config: dict[str, Any]) -> str:
    """The configuration as its fingerprint reads it (YAML is written only for the parts that
    are built: writing it for every part of an archive would cost more than the rest)."""
    return json.dumps(config, ensure_ascii=False, sort_keys=True)


def plan(project: Project, rendered: Rendered, epoch: str) -> list[Part]:
    """Every part of every edition: the home part first, then the reports in folder order."""
    stamp = theme_stamp(project, epoch)
    parts = []
    for info in EDITIONS.values():
        code = info.code
        strings = rendered.strings[code]
        whole = rendered.configs[code]
        home_entry = whole["nav"][0]
        slugs = sorted(o.slug for o in rendered.outputs)
        home = _part_config(whole, HOME, [home_entry], [f"/{slug}/" for slug in slugs])
        docs = f"{code}/docs/"
        # What the edition's docs/ holds, by its first folder (a report's, or the site's own).
        held: dict[str, list[str]] = defaultdict(list)
        for name in rendered.files:
            if name.startswith(docs):
                held[name[len(docs) :].split("/")[0]].append(name)
        # The home part's own files: whatever docs/ holds outside the reports' folders (its
        # page, the assets, anything else made for the whole edition).
        own = sorted(top for top in held if top not in slugs)
        site_wide = sorted(name for top in own for name in held[top])
        reports = sorted(n for o in rendered.outputs for n in o.files if n.startswith(docs))
        source = _contents(rendered, site_wide) + "\0".join(reports).encode()
        fingerprint = _fingerprint(stamp, _canonical(home), source)
        parts.append(Part(code, HOME, fingerprint, home, (*own, *slugs), 1))
        for output in sorted(rendered.outputs, key=lambda o: o.slug):
            # The home page is the menu's first entry, not built: its own part builds it.
            nav = [home_entry, report_nav(output.summaries[code], strings)]
            data = _part_config(whole, output.slug, nav, ["/index.md"])
            # Files the site writes into the report's folder besides the report's own.
            extra = sorted(n for n in held[output.slug] if n not in output.files)
            source = output.fingerprint.encode() + _contents(rendered, extra)
            fingerprint = _fingerprint(stamp, _canonical(data), source)
            pages = sum(
                1 for name in output.files if name.startswith(docs) and name.endswith(".md")
            )
            parts.append(Part(code, output.slug, fingerprint, data, (output.slug,), pages))
    return parts


def _contents(rendered: Rendered, names: Iterable[str]) -> bytes:
    pieces: list[bytes] = []
    for name in names:
        content = rendered.files[name]
        pieces += [name.encode(), content.encode() if isinstance(content, str) else content]
    return b"\0".join(pieces)


def search_fingerprint(parts: Iterable[Part]) -> str:
    """An edition's search index is made from its parts' pages (and the generator's code, in
    every part's fingerprint)."""
    return _fingerprint(*sorted(p.fingerprint for p in parts))


def write_project(project: Project, part: Part) -> Path:
    """The part's MkDocs project, its docs/ linking into the staged site_src/."""
    folder = project.root / PARTS_DIR / part.edition / part.name
    docs = folder / "docs"
    shutil.rmtree(folder, ignore_errors=True)  # links are removed, not followed
    docs.mkdir(parents=True)
    staged = f"{_UP_FROM_DOCS}{project.staging_src.name}/{part.edition}/docs"
    if not part.home:
        (docs / "index.md").write_text(PLACEHOLDER, encoding="utf-8")
    for name in part.links:
        os.symlink(f"{staged}/{name}", docs / name)
    (folder / "mkdocs.yml").write_text(config_text(part.config), encoding="utf-8")
    return folder
