"""A part's MkDocs configuration, as MkDocs would read it from the part's mkdocs.yml.

Every part's mkdocs.yml INHERITs the project's and adds its own few keys (generator/parts/
plan.py). MkDocs reads both files anew for each part, with PyYAML's Python reader: about a
third of a small part's configuration time, for the same project file every time. A worker is
sent the part's keys with the job (the data its mkdocs.yml was written from), reads the
project's file once, with MkDocs' own reader, and merges them as MkDocs merges INHERIT. The
configuration is then validated as MkDocs validates any.

A project file whose data is not plain (a `!relative` tag, which MkDocs resolves for each
configuration) is left to MkDocs to read, part by part.
"""

from __future__ import annotations

import copy
import io
import os
from pathlib import Path
from typing import Any

import mergedeep  # MkDocs' own merge of INHERIT
from mkdocs.config import load_config
from mkdocs.config.defaults import MkDocsConfig
from mkdocs.exceptions import ConfigurationError
from mkdocs.utils.yaml import yaml_load

CONFIG_FILE = "mkdocs.yml"

# The files parts inherit, as read: by path, modification time and size.
_READ: dict[tuple[str, int, int], dict[str, Any] | None] = {}


def _plain(data: object) -> bool:
    if isinstance(data, dict):
        return all(isinstance(k, str) and _plain(v) for k, v in data.items())
    if isinstance(data, list):
        return all(_plain(item) for item in data)
    return data is None or isinstance(data, str | int | float | bool)


def inherited(path: Path) -> dict[str, Any] | None:
    """The configuration in `path` (with what it inherits in turn) as MkDocs reads it, if it is
    plain data; None if it is not (or cannot be read: MkDocs then says why)."""
    stat = path.stat()
    key = (str(path), stat.st_mtime_ns, stat.st_size)
    if key not in _READ:
        try:
            with path.open("rb") as file:
                data: Any = yaml_load(file)
        except ConfigurationError:
            data = None
        _READ[key] = data if isinstance(data, dict) and _plain(data) else None
    found = _READ[key]
    return copy.deepcopy(found) if found is not None else None  # merging changes it


def merged(project: Path, keys: dict[str, Any]) -> dict[str, Any] | None:
    """What MkDocs reads from `project`'s mkdocs.yml, written from `keys`; None when only
    MkDocs can tell."""
    own = dict(keys)
    parent = own.pop("INHERIT", None)
    if parent is None:
        return own
    found = inherited(Path(os.path.normpath(project / parent)))
    if found is None:
        return None
    result: dict[str, Any] = mergedeep.merge(found, own)
    return result


def part_config(project: Path, keys: dict[str, Any] | None, **options: Any) -> MkDocsConfig:
    """The configuration of the part in `project`, whose mkdocs.yml was written from `keys`
    (if given), with `options` (site_dir, strict) as MkDocs' command line gives them."""
    path = project / CONFIG_FILE
    data = merged(project, keys) if keys is not None else None
    # (MkDocs drops an option given as None, where a file's None is the option's own.)
    if data is None or any(value is None for value in data.values()):
        return load_config(str(path), **options)
    # MkDocs reads an empty file, then the data as if given on its command line: the same
    # configuration, with the part's mkdocs.yml as the file relative paths start from.
    return load_config(io.BytesIO(b""), config_file_path=str(path), **{**data, **options})
