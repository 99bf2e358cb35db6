"""Writing generated trees: only files whose content changed, stale files removed.

Writing only what changed keeps a no-edit regeneration from touching anything (MkDocs' live
reload and `make` stay quiet) and is what makes regeneration of a large archive cheap.
"""

from __future__ import annotations

import os
from collections.abc import Collection
from dataclasses import dataclass
from pathlib import Path


@dataclass(frozen=True)
class WriteResult:
    written: tuple[str, ...]
    removed: tuple[str, ...]
    unchanged: int


def write_tree(
    root: Path, files: dict[str, str | bytes], keep: Collection[str] = ()
) -> WriteResult:
    """Make `root` hold exactly `files` (relative path → content), leaving the files named in
    `keep` as they are."""
    written: list[str] = []
    unchanged = 0
    made: set[Path] = set()
    for name in sorted(files):
        content = files[name]
        data = content.encode("utf-8") if isinstance(content, str) else content
        path = root / name
        if path.is_file():
            if path.stat().st_size == len(data) and path.read_bytes() == data:
                unchanged += 1
                continue
            # Replace by rename, so a reader (MkDocs' live reload) never sees half a file.
            tmp = path.with_name(f".{path.name}.tmp")
            tmp.write_bytes(data)
            os.replace(tmp, path)
        else:
            if path.parent not in made:
                path.parent.mkdir(parents=True, exist_ok=True)
                made.add(path.parent)
            path.write_bytes(data)
        written.append(name)
    removed: list[str] = []
    # os.walk, not Path.rglob: an archive's tree has thousands of files, and walking it is what
    # a build that changed little spends its time on.
    emptied: set[str] = set()  # folders removed, children before their parents
    for folder, dirs, names in os.walk(root, topdown=False):
        relative = os.path.relpath(folder, root).replace(os.sep, "/")
        prefix = "" if relative == "." else f"{relative}/"
        left = sum(1 for name in dirs if prefix + name not in emptied)
        for name in names:
            kept = prefix + name
            if kept in files or kept in keep:
                left += 1
            else:
                os.unlink(os.path.join(folder, name))
                removed.append(kept)
        if not left and prefix:
            os.rmdir(folder)
            emptied.add(relative)
    removed.sort()
    return WriteResult(tuple(written), tuple(removed), unchanged)
