"""Putting the built parts in site/, once every part has built.

A first build assembles site/ whole in `.build-site/` and renames it into place. After that,
site/ is changed where its parts changed: each changed part's files are assembled beside it and
take the place of the old ones by rename, a folder at a time; the old ones are removed last.
An edit to one report replaces that report's folder in each edition, the search index and the
sitemap, not the thousands of folders of an archive (removing folders is what costs most on a
disk). What site/ holds is recorded (`.cache/site/parts.json`); the record is removed while
site/ changes, so that a build interrupted there is followed by one that replaces every
edition whole.
"""

from __future__ import annotations

import json
import shutil
from collections.abc import Mapping, Sequence
from dataclasses import dataclass
from pathlib import Path

from generator.parts.assemble import assemble_edition, link_tree, write_sitemaps
from generator.parts.store import HOME, SEARCH, Store

RECORD = ".cache/site/parts.json"
SEARCH_FOLDER = "search"  # generator/search/index.py's SEARCH_DIR
SITEMAPS = ("sitemap.xml", "sitemap.xml.gz")


@dataclass(frozen=True)
class EditionParts:
    code: str
    reports: tuple[str, ...]  # report folders, in order
    fingerprints: Mapping[str, str]  # part → fingerprint (home, reports, search)


class Publisher:
    def __init__(self, site: Path, root: Path, store: Store, epoch: str) -> None:
        self.site = site
        self.record_path = root / RECORD
        self.staging = root / ".build-site"
        self.trash = root / ".build-site.old"
        self.store = store
        self.epoch = epoch

    def _record(self) -> dict[str, dict[str, str]]:
        try:
            data = json.loads(self.record_path.read_text(encoding="utf-8"))
        except (OSError, ValueError):
            return {}
        return data if isinstance(data, dict) else {}

    def holds(self, editions: Sequence[EditionParts], root_files: Mapping[str, bytes]) -> bool:
        """site/ holds these very parts and files already."""
        if not self.site.is_dir():
            return False
        record = self._record()
        return all(
            record.get(e.code) == dict(e.fingerprints) and (self.site / e.code).is_dir()
            for e in editions
        ) and all(
            (self.site / name).is_file() and (self.site / name).read_bytes() == data
            for name, data in root_files.items()
        )

    def publish(
        self,
        editions: Sequence[EditionParts],
        kept: Sequence[str],
        root_files: Mapping[str, bytes],
    ) -> None:
        """site/ becomes `editions`, the editions in `kept` as they are, and `root_files`."""
        record = self._record() if self.site.is_dir() else {}
        self.record_path.unlink(missing_ok=True)
        for path in (self.staging, self.trash):
            shutil.rmtree(path, ignore_errors=True)
        self.staging.mkdir(parents=True)
        self.trash.mkdir(parents=True)
        if not self.site.is_dir():
            for edition in editions:
                self._assemble(edition, self.staging / edition.code)
            for name, data in root_files.items():
                (self.staging / name).write_bytes(data)
            self.staging.rename(self.site)
        else:
            for edition in editions:
                self._update(edition, record.get(edition.code))
            for name, data in root_files.items():
                self._replace_file(name, data)
        new = {code: record[code] for code in kept if code in record}
        new.update({e.code: dict(e.fingerprints) for e in editions})
        shutil.rmtree(self.trash, ignore_errors=True)
        shutil.rmtree(self.staging, ignore_errors=True)
        self.record_path.parent.mkdir(parents=True, exist_ok=True)
        self.record_path.write_text(json.dumps(new, sort_keys=True), encoding="utf-8")

    def _assemble(self, edition: EditionParts, target: Path) -> None:
        assemble_edition(self.store, edition.code, edition.reports, target, self.epoch)

    def _discard(self, live: Path, trash: Path) -> None:
        if live.exists():
            trash.parent.mkdir(parents=True, exist_ok=True)
            live.rename(trash)

    def _swap(self, new: Path, live: Path, trash: Path) -> None:
        """`new` takes the place of `live` (which, if there, goes to `trash`)."""
        self._discard(live, trash)
        new.rename(live)

    def _replace_file(self, name: str, data: bytes) -> None:
        live = self.site / name
        if live.is_file() and live.read_bytes() == data:
            return
        new = self.staging / name
        new.write_bytes(data)
        self._swap(new, live, self.trash / name)

    def _update(self, edition: EditionParts, old: dict[str, str] | None) -> None:
        code = edition.code
        live = self.site / code
        stage = self.staging / code
        trash = self.trash / code
        if old is None or not live.is_dir():
            self._assemble(edition, stage)
            self._swap(stage, live, trash)
            return
        new = edition.fingerprints
        changed = [name for name in new if old.get(name) != new[name]]
        removed = [name for name in old if name not in new]
        if not changed and not removed:
            return
        stage.mkdir(parents=True)
        for name in changed:
            link_tree(self.store.entry(code, name) / "site", stage / name)
        write_sitemaps(self.store, code, edition.reports, stage / "sitemaps", self.epoch)
        for name in removed:
            if name not in (HOME, SEARCH):
                self._discard(live / name, trash / name)
        for name in changed:
            if name == HOME:
                self._swap_home(stage / name, live, trash, set(old) - {HOME, SEARCH})
            elif name == SEARCH:
                self._swap(
                    stage / name / SEARCH_FOLDER, live / SEARCH_FOLDER, trash / SEARCH_FOLDER
                )
            else:
                self._swap(stage / name / name, live / name, trash / name)
        for sitemap in SITEMAPS:
            self._swap(stage / "sitemaps" / sitemap, live / sitemap, trash / sitemap)

    def _swap_home(self, new: Path, live: Path, trash: Path, reports: set[str]) -> None:
        """The home part's entries (home page, 404 page, the theme's files) replace the old
        ones: whatever in the edition's folder is not a report's, the index or a sitemap."""
        others = reports | {SEARCH_FOLDER, *SITEMAPS}
        for entry in sorted(live.iterdir()):
            if entry.name not in others:
                self._discard(entry, trash / entry.name)
        for entry in sorted(new.iterdir()):
            entry.rename(live / entry.name)
