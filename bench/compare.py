"""The search engines the site's own search was chosen against, at archive scale: Material's
built-in lunr search (as an earlier version of report-site built it) and Pagefind over the
same pages. Prints, per size, build time and memory of the search step, the index size, and
what a reader transfers (gzipped) to open a page and for a first search, with the time to its
first result (bench/search_cost.py). bench/bench.py gives the same figures for the site's own.

    git archive <commit with Material's search> | tar -x -C /tmp/base   # e.g. cd2bc8f
    python bench/compare.py --baseline /tmp/base [--sizes 1,80] [--pagefind BINARY ...]

`--pagefind python` runs `python -m pagefind` (PyPI `pagefind[extended]`, if installed); any
other value is the path of a pagefind_extended binary (npm `pagefind`). Nothing here is a test.
"""

from __future__ import annotations

import argparse
import gzip
import importlib.util
import json
import os
import shutil
import sys
import tempfile
from pathlib import Path
from typing import Any

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT / "bench"))
import search_cost  # noqa: E402

PORT = 8767


def baseline_bench(baseline: Path) -> Any:
    """The baseline's own bench module: its make_project copies its templates and theme."""
    spec = importlib.util.spec_from_file_location("baseline_bench", baseline / "bench/bench.py")
    assert spec and spec.loader
    module = importlib.util.module_from_spec(spec)
    sys.path.insert(0, str(baseline))
    spec.loader.exec_module(module)
    module.REPORTS = ROOT.parent / "shared" / "reports"
    return module


def reader(site: Path, page: str, engine: str) -> dict[str, Any]:
    zh = search_cost.measure(site, PORT, f"zh-Hans/{page}", ["西湖大学", "教育"], engine)
    en = search_cost.measure(site, PORT, f"en/{page}", ["education"], engine)
    return {**zh["queries"], **en["queries"]}


def lunr(project: Path, env: dict[str, str], scratch: Path) -> dict[str, Any]:
    """Material's search: one edition's MkDocs build with and without the search plugin."""
    edition = project / "site_src" / "zh-Hans"
    config = (edition / "mkdocs.yml").read_text(encoding="utf-8")
    plain = config.replace("plugins:\n- search: {}", "plugins: []")
    assert plain != config, "the baseline's generated mkdocs.yml lists no search plugin"
    (edition / "mkdocs-no-search.yml").write_text(plain, encoding="utf-8")
    out: dict[str, Any] = {}
    for name, file in (("with", "mkdocs.yml"), ("without", "mkdocs-no-search.yml")):
        target = scratch / f"mkdocs-{name}"
        out[f"mkdocs_{name}_s"], out[f"mkdocs_{name}_mb"] = search_cost.timed(
            [sys.executable, "-m", "mkdocs", "build", "--quiet", "-f", file, "-d", str(target)],
            edition,
            env,
        )
        shutil.rmtree(target)
    index = project / "site" / "zh-Hans" / "search" / "search_index.json"
    out["index_gzip_kb"] = len(gzip.compress(index.read_bytes())) / 1e3
    return out


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--baseline", type=Path, required=True)
    parser.add_argument("--sizes", default="1,80")
    parser.add_argument("--pagefind", nargs="*", default=[], metavar="BINARY")
    parser.add_argument("--json", type=Path)
    args = parser.parse_args()
    old = baseline_bench(args.baseline.resolve())
    results: dict[str, Any] = {}
    with tempfile.TemporaryDirectory(prefix="report-site-compare-") as tmp:
        scratch = Path(tmp)
        sources = old.source_reports(scratch)
        for size in (int(s) for s in args.sizes.split(",")):
            print(f"building an archive of {size} report(s) with the baseline…", file=sys.stderr)
            project = scratch / f"archive-{size}"
            project.mkdir()
            old.make_project(size, sources, project)
            env = dict(
                os.environ,
                SOURCE_DATE_EPOCH="0",
                PYTHONPATH=str(args.baseline.resolve()),
                REPORT_SITE_URL=f"http://127.0.0.1:{PORT}/",
            )
            row: dict[str, Any] = {}
            row["build_s"], row["build_mb"] = search_cost.timed(
                [sys.executable, "-m", "generator", "build"], project, env
            )
            row["lunr"] = lunr(project, env, scratch)
            site = project / "site"
            report = sorted(
                p.name for p in (site / "zh-Hans").iterdir() if (p / "index.html").exists()
            )[0]
            section = next(
                p.name for p in sorted((site / "zh-Hans" / report).iterdir()) if p.name[:2] == "01"
            )
            page = f"{report}/{section}/"
            row["lunr"]["reader"] = reader(site, page, "lunr")
            for n, binary in enumerate(args.pagefind):
                copy = scratch / f"pagefind-{size}-{n}"
                row[f"pagefind:{binary}"] = {
                    **search_cost.pagefind_site(site, binary, copy, env),
                    "reader": reader(copy, page, "pagefind"),
                }
                shutil.rmtree(copy)
            results[str(size)] = row
            shutil.rmtree(project)
            print(json.dumps({size: row}, ensure_ascii=False), flush=True)
    if args.json:
        args.json.write_text(json.dumps(results, ensure_ascii=False, indent=1) + "\n", "utf-8")


if __name__ == "__main__":
    main()
