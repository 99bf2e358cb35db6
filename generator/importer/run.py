"""`report-site import`: decode, outline, write — after proving nothing of the text was lost."""

from __future__ import annotations

import re
import shutil
import tempfile
from pathlib import Path

from generator.errors import Loc, Problem, ReportSiteError, display_path
from generator.importer.decode import decode_report
from generator.importer.outline import build_outline
from generator.importer.writer import content_files
from generator.markdown_text import plain_text

_SPACE = re.compile(r"\s+")


def default_slug(source: Path) -> str:
    slug = re.sub(r"[^a-z0-9-]+", "-", source.stem.lower()).strip("-")
    return slug or "report"


def _visible(text: str) -> str:
    return _SPACE.sub("", text)


def check_nothing_lost(
    source_text: str, files: dict[str, str], source_path: str, added_title: str = ""
) -> None:
    """Every non-space character of the source must appear in the content, in order, and
    nothing else but `added_title` (the title given to a report whose text has none).

    Markdown syntax the writer added (heading marks, escapes) is removed before comparing.
    """
    sections = sorted(n for n in files if n.endswith(".md") and not n.endswith("index.md"))
    ordered = [files["zh-Hans/index.md"]] + [files[n] for n in sections]
    got = _visible("".join(plain_text(re.sub(r"(?m)^#+ ", "", f)) for f in ordered))
    want = _visible(added_title + source_text)
    if got != want:
        at = next(
            (i for i, (a, b) in enumerate(zip(got, want, strict=False)) if a != b),
            min(len(got), len(want)),
        )
        line = want[:at].count("\n") + 1
        raise ReportSiteError(
            [
                Problem(
                    Loc(source_path, line),
                    f"import would change the text near “{want[max(0, at - 10) : at + 10]}”",
                    "this is a bug in report-site's importer; please report it with the file",
                )
            ]
        )


def import_report(source: Path, out: Path, slug: str | None = None) -> Path:
    """Import `source` into `out/<slug>/`. Refuses to touch an existing report folder, since
    it belongs to editors from the moment it is imported."""
    shown = display_path(source)
    try:
        data = source.read_bytes()
    except OSError as error:
        raise ReportSiteError(
            [Problem(Loc(shown), f"cannot read the file: {error.strerror}", "check the path")]
        ) from None
    decoded = decode_report(data, shown)
    lines = decoded.text.split("\n")
    outline = build_outline(lines)
    files = content_files(outline, source.name, data)
    check_nothing_lost(decoded.text, files, shown, "" if outline.title else source.name)

    target = out / (slug or default_slug(source))
    if target.exists():
        raise ReportSiteError(
            [
                Problem(
                    Loc(display_path(target)),
                    "this report folder already exists",
                    "editors own it: move it away first, or import under another name with "
                    "--slug NAME",
                )
            ]
        )
    out.mkdir(parents=True, exist_ok=True)
    # Write everything into a temporary folder beside the target, then rename it into place:
    # an interrupted import leaves nothing half-written.
    staging = Path(tempfile.mkdtemp(prefix=f".{target.name}.", dir=out))
    try:
        for name, text in files.items():
            path = staging / name
            path.parent.mkdir(parents=True, exist_ok=True)
            path.write_text(text, encoding="utf-8")
        staging.rename(target)
    finally:
        if staging.exists():
            shutil.rmtree(staging)
    return target
