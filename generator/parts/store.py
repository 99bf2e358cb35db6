"""Built parts, kept for the fingerprint of what they were made from.

    .cache/parts/<edition>/<part>/fingerprint   what the part was built from (written last)
                                  site/          the files it adds to site/<edition>/
                                  sitemap.xml    MkDocs' sitemap of its pages
                                  pages.marshal  its pages as search reads them

A part is built into `<part>.new/` and takes the place of the old one only once it is whole;
an entry whose fingerprint does not match is built again. Entries hold no absolute path, so
a CI job can build some and another job use them.
"""

from __future__ import annotations

import shutil
from pathlib import Path

STORE_DIR = ".cache/parts"
FINGERPRINT = "fingerprint"
# The parts of an edition besides its reports' (whose folders never start with "_").
HOME = "_home"
SEARCH = "_search"
SITEMAP = "sitemap.xml"
PAGES = "pages.marshal"
STATE = "index.state"
# The theme's templates as Jinja compiles them, kept between builds (Jinja checks each against
# its template's source).
TEMPLATES_DIR = ".cache/templates"


class Store:
    def __init__(self, root: Path) -> None:
        self.root = root.resolve() / STORE_DIR

    def entry(self, edition: str, name: str) -> Path:
        return self.root / edition / name

    def holds(self, edition: str, name: str, fingerprint: str) -> bool:
        try:
            recorded = (self.entry(edition, name) / FINGERPRINT).read_text(encoding="utf-8")
        except OSError:
            return False
        return recorded == fingerprint

    def staging(self, edition: str, name: str) -> Path:
        """Where the part is built (emptied first)."""
        path = self.entry(edition, name).with_name(f"{name}.new")
        shutil.rmtree(path, ignore_errors=True)
        return path

    def commit(self, edition: str, name: str, fingerprint: str) -> None:
        """The part built in its staging folder replaces the entry."""
        staged = self.staging_path(edition, name)
        (staged / FINGERPRINT).write_text(fingerprint, encoding="utf-8")
        entry = self.entry(edition, name)
        shutil.rmtree(entry, ignore_errors=True)
        staged.rename(entry)

    def staging_path(self, edition: str, name: str) -> Path:
        return self.entry(edition, name).with_name(f"{name}.new")

    def prune(self, wanted: set[tuple[str, str]]) -> None:
        """Remove every entry but the `wanted` (edition, part) ones: the store holds the parts
        of the last build, not every version ever built."""
        if not self.root.is_dir():
            return
        for edition in self.root.iterdir():
            for entry in edition.iterdir() if edition.is_dir() else []:
                if (edition.name, entry.name) not in wanted:
                    shutil.rmtree(entry, ignore_errors=True)
