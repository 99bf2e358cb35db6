"""Doing no work for reports that did not change.

A report's output depends on its own folder and on what every report shares (templates, site
settings, glossary, the generator itself, the versions of the libraries it renders with). Their
fingerprint is recorded, with the list of files the report produced and the little the site
needs to know about it (title, year, navigation), in `.cache/generate/<folder>/<report>.json`:
one record per folder written (removed before the folder is written), because `generate`
writes site_src/ alone while `build` writes a staging folder too, and a record shared by both
would let a build reuse a staging copy that `generate` never updated. When every folder's
record matches and the files are still in place, the report is neither loaded nor rendered,
and its files are left alone.
"""

from __future__ import annotations

import hashlib
import json
import shutil
from collections.abc import Iterable
from dataclasses import asdict, dataclass
from importlib import metadata
from pathlib import Path
from typing import Any

from generator.render.views import ReportSummary

CACHE_DIR = ".cache/generate"
GENERATOR_DIR = Path(__file__).resolve().parent
RENDERING_LIBRARIES = ("opencc", "jinja2", "markdown-it-py", "polib", "pyyaml", "jieba")


def _version(library: str) -> str:
    try:
        return metadata.version(library)
    except metadata.PackageNotFoundError:
        return "none"


@dataclass(frozen=True)
class ReportOutput:
    """What rendering one report produced: its files (path under site_src/ → text) and, per
    edition, the summary the site's home page and navigation need."""

    slug: str
    fingerprint: str
    files: dict[str, str]
    summaries: dict[str, ReportSummary]


def _digest_files(digest: Any, root: Path, paths: Iterable[Path]) -> None:
    for path in sorted(paths):
        if path.is_file():
            digest.update(path.relative_to(root).as_posix().encode())
            digest.update(b"\0")
            digest.update(path.read_bytes())
            digest.update(b"\0")


def shared_fingerprint(root: Path, shared: Iterable[Path]) -> str:
    """Everything every report's output depends on, besides its own folder."""
    digest = hashlib.sha256()
    _digest_files(digest, GENERATOR_DIR.parent, GENERATOR_DIR.rglob("*.py"))
    # The output may change with the libraries' versions (OpenCC's dictionaries above all).
    for library in RENDERING_LIBRARIES:
        digest.update(f"{library}=={_version(library)}\0".encode())
    for item in shared:
        _digest_files(digest, root, item.rglob("*") if item.is_dir() else [item])
    return digest.hexdigest()


def report_fingerprint(shared: str, folder: Path) -> str:
    digest = hashlib.sha256(shared.encode())
    _digest_files(digest, folder, folder.rglob("*"))
    return digest.hexdigest()


def _cache_path(root: Path, folder: Path, slug: str) -> Path:
    return root / CACHE_DIR / folder.name / f"{slug}.json"


def _recorded(root: Path, folder: Path, slug: str, fingerprint: str) -> dict[str, Any] | None:
    try:
        data = json.loads(_cache_path(root, folder, slug).read_text(encoding="utf-8"))
    except (OSError, ValueError):
        return None
    if not isinstance(data, dict) or data.get("fingerprint") != fingerprint:
        return None
    if not all((folder / name).is_file() for name in data.get("files", [])):
        return None
    return data


def cached_output(
    root: Path, slug: str, fingerprint: str, folders: Iterable[Path], mirror: Path | None = None
) -> ReportOutput | None:
    """The recorded output of a report, if every folder in `folders` holds it as rendered
    from this fingerprint (the report's files are then not part of the new output). When
    `mirror` (the build's staging folder) does not hold it too, it gets a copy: copying files
    costs a fraction of rendering them (a build after `generate` or `serve`)."""
    folders = list(folders)
    records = [_recorded(root, folder, slug, fingerprint) for folder in folders]
    if not records or any(data is None for data in records):
        return None
    data = records[0]
    assert data is not None
    try:
        summaries = {code: ReportSummary.from_json(s) for code, s in data["summaries"].items()}
    except (KeyError, TypeError, AttributeError):  # a record of another version: render again
        return None
    names = data.get("files", [])
    if mirror is not None and _recorded(root, mirror, slug, fingerprint) is None:
        for name in names:
            target = mirror / name
            target.parent.mkdir(parents=True, exist_ok=True)
            shutil.copyfile(folders[0] / name, target)
        path = _cache_path(root, mirror, slug)
        path.parent.mkdir(parents=True, exist_ok=True)
        path.write_text(json.dumps(data, ensure_ascii=False, sort_keys=True), encoding="utf-8")
    return ReportOutput(slug, fingerprint, dict.fromkeys(names, ""), summaries)


def forget(root: Path, folder: Path, outputs: Iterable[ReportOutput]) -> None:
    """Before `folder` is written: a write cut short must not leave a record that vouches for
    files half replaced."""
    for output in outputs:
        _cache_path(root, folder, output.slug).unlink(missing_ok=True)


def record(root: Path, folder: Path, outputs: Iterable[ReportOutput]) -> None:
    """Note that `folder` now holds these reports' output."""
    for output in outputs:
        path = _cache_path(root, folder, output.slug)
        path.parent.mkdir(parents=True, exist_ok=True)
        data = asdict(output)
        data["files"] = sorted(output.files)
        path.write_text(json.dumps(data, ensure_ascii=False, sort_keys=True), encoding="utf-8")
