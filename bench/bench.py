"""Benchmark: build synthetic archives of real reports and print what it costs.

    python bench/bench.py [--sizes 1,10,80] [--json bench/results.json] [--plain] [--repeat N]

For each size N it makes a project with N reports (the real reports of ../shared/reports,
imported and repeated under new names and years, each with a complete synthetic English
translation memory), then measures, side by side in one run:

- pages per edition;
- a cold `report-site build` (nothing built before), the same build again with nothing
  changed, and again after one paragraph of one report was edited: wall seconds, and each
  stage's seconds and peak memory (`build --stats-json`: generate, plan, the build workers'
  MkDocs and search, publish);
- Hugo (Debian's `hugo`, if installed) on the same generated Markdown: three languages, every
  page listing every page (bench/hugo.py); the cold build's ratio to it, and one edit's ratio to
  a cold build of a 1-report archive, timed right before and right after the edit (their
  mean: a shared VM's speed drifts by a third within minutes, so a 1-report build timed
  minutes earlier made the ratio the VM's). With `--repeat N`, N cold builds and N Hugo
  builds are taken in turn and their medians compared (each run is in the JSON);
- peak memory of the whole run's processes; size of site/;
- search: each edition's index (raw, gzip), the seconds and peak memory of writing it for the
  whole edition at once, and what a reader transfers in Chromium, gzipped as served: opening a
  section page (search must cost nothing there), then a first search (a name, a common word)
  with the milliseconds to its first result (bench/search_cost.py);
- with --plain, the old reference: a plain single-language `mkdocs build` (Material defaults,
  navigation of every page) of the same zh-Hans pages.

Figures are printed as tables and written as JSON. Nothing here is a test: no threshold fails.
"""

from __future__ import annotations

import argparse
import gzip
import json
import os
import re
import resource
import shutil
import subprocess
import sys
import tempfile
import time
from collections.abc import Callable
from pathlib import Path
from typing import Any

from generator.edition_list import CODES, SOURCE

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT / "bench"))
import hugo  # noqa: E402  (bench/hugo.py: Hugo on the same generated Markdown)
import search_cost  # noqa: E402  (bench/search_cost.py: what search costs a reader)

# Where the browser measurement serves each archive (and the address it is built for).
PORT = 8766
REPORTS = ROOT.parent / "shared" / "reports"
EDITIONS = CODES
WORDS = (
    "the",
    "city",
    "education",
    "schools",
    "students",
    "teachers",
    "reform",
    "quality",
    "development",
    "services",
    "new",
    "public",
    "support",
    "system",
    "further",
    "and",
)


def run(command: list[str], cwd: Path, env: dict[str, str] | None = None) -> float:
    start = time.perf_counter()
    subprocess.run(
        command, cwd=cwd, env=env, check=True, stdout=subprocess.DEVNULL, stderr=subprocess.PIPE
    )
    return time.perf_counter() - start


def synthetic_english(chinese: str, seed: int) -> str:
    """Plausible-length English (about 2.5 characters per Chinese character), deterministic."""
    out, i = [], seed
    target = max(8, len(chinese) * 5 // 2)
    while sum(len(w) + 1 for w in out) < target:
        out.append(WORDS[i % len(WORDS)])
        i = i * 7 + 3
    return " ".join(out).capitalize() + "."


def source_reports(scratch: Path) -> list[Path]:
    """Each real report imported once (Hangzhou from the committed content)."""
    from generator.errors import ReportSiteError
    from generator.importer.run import import_report

    imported = [ROOT / "content" / "hangzhou-education-2020"]
    for source in sorted(REPORTS.glob("*.txt")):
        if source.stem == "hangzhou-education-2020":
            continue
        try:
            imported.append(import_report(source, scratch / "imported"))
        except ReportSiteError as error:  # a report the importer cannot read is skipped, said
            print(f"skipping {source.name}: {error.problems[0].message}", file=sys.stderr)
    return imported


def make_project(size: int, sources: list[Path], target: Path) -> None:
    from generator.content import load_site
    from generator.tm import store

    for name in ("templates", "overrides", "mkdocs.yml"):
        src = ROOT / name
        (shutil.copytree if src.is_dir() else shutil.copy2)(src, target / name)
    content = target / "content"
    content.mkdir()
    for name in ("site.yml", "glossary.yml"):
        if (ROOT / "content" / name).exists():
            shutil.copy2(ROOT / "content" / name, content / name)
    for n in range(size):
        source = sources[n % len(sources)]
        folder = content / f"{source.name}-{n:03d}"
        shutil.copytree(source, folder, ignore=shutil.ignore_patterns("translations"))
        meta = folder / "report.yml"
        text = re.sub(r"(?m)^year: .*$", f"year: {2000 + n % 26}", meta.read_text())
        if "organisation: ''" in text or "organisation: \n" in text:
            text = text.replace("organisation: ''", "organisation: 某机关")
        meta.write_text(text, encoding="utf-8")
    for n, report in enumerate(load_site(content).reports):
        folder = Path(report.folder)
        po = store.merge(store.new_catalog(), list(report.segments()), report.path).catalog
        for i, entry in enumerate(po):
            entry.msgstr = synthetic_english(entry.msgid, i + n)
            entry.tcomment = "machine-translated: engine=bench; model=synthetic; date=2026-01-01"
        store.save(po, folder / "translations" / "en.po")


def dir_size(path: Path) -> int:
    return sum(p.stat().st_size for p in path.rglob("*") if p.is_file())


def timed_build(project: Path, env: dict[str, str], name: str) -> dict[str, Any]:
    """`report-site build` in `project`: wall seconds and the build's own stage figures."""
    stats = project.parent / f"{project.name}-{name}.json"
    command = [sys.executable, "-m", "generator", "build", "--stats-json", str(stats)]
    seconds = run(command, project, env)
    figures = json.loads(stats.read_text(encoding="utf-8"))
    return {"s": seconds, "stages": figures["stages"], "parts_built": figures["parts_built"]}


def edit_one_paragraph(project: Path) -> str:
    """One paragraph of one report changed as an editor would correct it: a paragraph in the
    middle of a section in the middle of the archive (the first ones are also summarised on
    the home page, which an edit there rebuilds too)."""
    reports = sorted(p for p in (project / "content").iterdir() if (p / "report.yml").exists())
    report = reports[len(reports) // 2]
    sections = sorted((report / "zh-Hans").glob("0*.md"))
    page = sections[len(sections) // 2]
    text = page.read_text(encoding="utf-8")
    paragraphs = [line for line in text.split("\n") if "。" in line and not line.startswith("#")]
    paragraph = paragraphs[len(paragraphs) // 2]
    page.write_text(text.replace(paragraph, paragraph.replace("。", "，确有其事。", 1)), "utf-8")
    return f"{report.name}/zh-Hans/{page.name}"


# What a build leaves in a project besides content/: removed, the next build is a cold one.
BUILT = (".cache", "site", "site_src", ".build-site_src", ".build-site", ".build-parts")


def lower_median(values: list[Any], key: Callable[[Any], float] = float) -> Any:
    """The middle one of `values` by `key` (of an even number, the lower middle one): a run
    that was measured, not an average of two."""
    return sorted(values, key=key)[(len(values) - 1) // 2]


def set_aside(path: Path, trash: Path) -> None:
    """`path` moved out of the way by a rename, to be deleted once every run is timed. (ext4
    passes over inodes freed in the last 30 seconds when it allocates new ones: a build started
    right after deleting the last build's tens of thousands of files paid for that deletion in
    its own time, as no cold build on a fresh machine does.)"""
    if path.exists() or path.is_symlink():
        trash.mkdir(parents=True, exist_ok=True)
        path.rename(trash / f"{len(list(trash.iterdir()))}-{path.name}")


def cold_and_hugo(
    project: Path, env: dict[str, str], scratch: Path, repeat: int
) -> tuple[list[dict[str, Any]], list[float]]:
    """`repeat` cold builds and as many Hugo builds of the same pages, taken in turn, so that
    the machine's drift (a shared VM's speed varies by a third within minutes) falls on both."""
    colds: list[dict[str, Any]] = []
    hugos: list[float] = []
    trash = scratch / "trash"
    for n in range(repeat):
        for name in BUILT:
            set_aside(project / name, trash)
        colds.append(timed_build(project, env, f"cold-{n}"))
        seconds = hugo.hugo_seconds(project / "site_src", list(EDITIONS), scratch / "hugo")
        set_aside(scratch / "hugo", trash)
        if seconds is not None:
            hugos.append(seconds)
    shutil.rmtree(trash, ignore_errors=True)
    return colds, hugos


def cold_one_report(sources: list[Path], scratch: Path, env: dict[str, str]) -> float:
    """Seconds of a cold build of a 1-report archive (made the first time it is asked for)."""
    project = scratch / "one-report"
    if not project.exists():
        project.mkdir()
        make_project(1, sources, project)
    for name in BUILT:
        set_aside(project / name, scratch / "trash")
    seconds: float = timed_build(project, env, "cold")["s"]
    return seconds


def measure(
    size: int, sources: list[Path], scratch: Path, plain: bool, repeat: int = 1
) -> dict[str, Any]:
    project = scratch / f"archive-{size}"
    project.mkdir()
    make_project(size, sources, project)
    # Built for the address the browser measurement serves it at (sitemaps are fetched there).
    env = dict(os.environ, SOURCE_DATE_EPOCH="0", REPORT_SITE_URL=f"http://127.0.0.1:{PORT}/")
    result: dict[str, Any] = {"reports": size}
    colds, hugos = cold_and_hugo(project, env, scratch, repeat)
    result["cold"] = lower_median(colds, key=lambda run: run["s"])
    result["cold_runs_s"] = [run["s"] for run in colds]
    result["hugo_runs_s"] = hugos
    result["no_change"] = timed_build(project, env, "no-change")
    result["edited"] = edit_one_paragraph(project)
    before = cold_one_report(sources, scratch, env)
    result["one_edit"] = timed_build(project, env, "one-edit")
    result["cold_one_report_beside_edit_s"] = [before, cold_one_report(sources, scratch, env)]
    docs = project / "site_src" / SOURCE.code / "docs"
    result["pages_per_edition"] = sum(1 for _ in docs.rglob("*.md"))
    result["hugo_version"] = hugo.hugo_version()
    result["hugo_s"] = lower_median(hugos) if hugos else None
    site = project / "site"
    result["site_mb"] = dir_size(site) / 1e6
    result["search"] = {edition: search_stage(site / edition, edition) for edition in EDITIONS}
    first = sorted(p.name for p in (site / "zh-Hans").iterdir() if (p / "index.html").exists())
    section = next(p for p in sorted((site / "zh-Hans" / first[0]).iterdir()) if p.name[:2] == "01")
    result["reader"] = {
        "zh-Hans": search_cost.measure(
            site, PORT, f"zh-Hans/{first[0]}/{section.name}/", ["西湖大学", "教育"]
        ),
        "en": search_cost.measure(site, PORT, f"en/{first[0]}/{section.name}/", ["education"]),
    }
    if plain:
        result["reference_plain_mkdocs_s"] = reference_build(project, scratch / f"ref-{size}", env)
    shutil.rmtree(project)  # an 80-report archive is gigabytes with its store
    return result


def search_stage(edition_dir: Path, edition: str) -> dict[str, float]:
    """Write the edition's search index again, for the whole edition at once (as `mkdocs
    serve` does), alone in a process: seconds, peak MB, size. (What a build spends on it,
    from the parts' pages, is the build's `search` stage.)"""
    # VmHWM, not ru_maxrss: Linux keeps the latter across exec, so a child forked from this
    # process would report this process's memory.
    code = (
        "import re, sys, time; from pathlib import Path;"
        "from generator.search.index import write_index;"
        "t = time.perf_counter(); write_index(Path(sys.argv[1]), sys.argv[2]);"
        "status = Path('/proc/self/status').read_text();"
        "print(time.perf_counter() - t, re.search(r'VmHWM:\\s*(\\d+)', status).group(1))"
    )
    done = subprocess.run(
        [sys.executable, "-c", code, str(edition_dir), edition],
        cwd=ROOT,
        check=True,
        capture_output=True,
        text=True,
    )
    seconds, peak_kib = done.stdout.split()
    files = [p for p in (edition_dir / "search").iterdir() if p.is_file()]
    return {
        "index_s": float(seconds),
        "peak_mb": int(peak_kib) / 1024,
        "files": len(files),
        "raw_kb": sum(p.stat().st_size for p in files) / 1e3,
        "gzip_kb": sum(len(gzip.compress(p.read_bytes())) for p in files) / 1e3,
    }


def reference_build(project: Path, target: Path, env: dict[str, str]) -> float:
    """A plain single-language MkDocs + Material build of the same zh-Hans pages: defaults,
    navigation of every page (no nav given), search on."""
    docs = target / "docs"
    shutil.copytree(project / "site_src" / SOURCE.code / "docs", docs)
    (target / "mkdocs.yml").write_text(
        "site_name: reference\ntheme:\n  name: material\n  language: zh\n"
        "markdown_extensions: [attr_list, md_in_html, admonition, tables]\n",
        encoding="utf-8",
    )
    return run([sys.executable, "-m", "mkdocs", "build", "--quiet"], target, env)


def _columns(rows: list[tuple[str, ...]]) -> str:
    widths = [max(len(row[i]) for row in rows) for i in range(len(rows[0]))]
    return "\n".join(
        "  ".join(c.rjust(w) for c, w in zip(row, widths, strict=True)) for row in rows
    )


def _build_peak(result: dict[str, Any]) -> float:
    """The largest process of the three builds: the build's own (with those it forks) or a
    worker. (The run's peak, in the JSON, is Hugo's.)"""
    return max(
        max(stage["peak_mb"], stage["workers_peak_mb"])
        for key in ("cold", "no_change", "one_edit")
        for stage in result[key]["stages"]
    )


def _stage(build: dict[str, Any], name: str) -> dict[str, Any]:
    return next((s for s in build["stages"] if s["name"].strip() == name), {})


def table(results: list[dict[str, Any]]) -> str:
    """Builds side by side: cold, nothing changed, one paragraph edited, Hugo on the same
    pages; cold against Hugo, one edit against a 1-report archive's cold build timed beside it."""
    head = ("reports", "pages/ed", "cold s", "no change s", "one edit s", "hugo s")
    head += ("cold/hugo", "cold(1) s", "edit/cold(1)", "build peak MB", "site MB")
    rows = [head]
    for r in results:
        hugo_s = r["hugo_s"]
        beside = sum(r["cold_one_report_beside_edit_s"]) / 2
        rows.append(
            (
                str(r["reports"]),
                str(r["pages_per_edition"]),
                f"{r['cold']['s']:.1f}",
                f"{r['no_change']['s']:.2f}",
                f"{r['one_edit']['s']:.2f}",
                f"{hugo_s:.1f}" if hugo_s else "no hugo",
                f"{r['cold']['s'] / hugo_s:.2f}" if hugo_s else "",
                f"{beside:.2f}",
                f"{r['one_edit']['s'] / beside:.2f}",
                f"{_build_peak(r):.0f}",
                f"{r['site_mb']:.1f}",
            )
        )
    return "\n\n".join([_columns(rows), stages_table(results), search_table(results)])


def stages_table(results: list[dict[str, Any]]) -> str:
    """Each build's stages: seconds (the workers' summed, for their share) and peak MB of
    the build's process (with the processes it forked) and of its largest worker."""
    names = ("generate", "plan", "build", "mkdocs", "search", "publish")
    rows = [("reports", "build", "parts", *(f"{n} s" for n in names), "peak MB", "workers MB")]
    for r in results:
        for label, key in (("cold", "cold"), ("no change", "no_change"), ("one edit", "one_edit")):
            build = r[key]
            cells = [_stage(build, n) for n in names]
            peak = max((c.get("peak_mb", 0) for c in cells), default=0)
            workers = max((c.get("workers_peak_mb", 0) for c in cells), default=0)
            rows.append(
                (
                    str(r["reports"]),
                    label,
                    str(build["parts_built"]),
                    *(f"{c['seconds']:.2f}" if c else "-" for c in cells),
                    f"{peak:.0f}",
                    f"{workers:.0f}" if workers else "-",
                )
            )
    return _columns(rows)


def search_table(results: list[dict[str, Any]]) -> str:
    """Search per size: the index (gzipped KB, files), the seconds and peak memory of writing it
    for a whole edition at once; then what a reader transfers (KB, gzipped) to open a page (of
    which search) and for a first search, and the milliseconds to its first result."""
    head = ("reports", "edition", "index KB gz", "files", "whole index s", "index MB")
    head += ("open page KB", "of it search", "first search KB / first result ms")
    rows = [head]
    for r in results:
        for edition in EDITIONS:
            stage = r["search"][edition]
            reader = r["reader"].get(edition)
            searches = ""
            opened = ("", "")
            if reader:
                first = next(iter(reader["queries"].values()))
                opened = (f"{first['open_kb']:.0f}", f"{first['open_search_kb']:.0f}")
                searches = "  ".join(
                    f"{q}: {m['search_kb']:.0f} / {m['first_result_ms']}"
                    for q, m in reader["queries"].items()
                )
            rows.append(
                (
                    str(r["reports"]),
                    edition,
                    f"{stage['gzip_kb']:.0f}",
                    str(stage["files"]),
                    f"{stage['index_s']:.2f}",
                    f"{stage['peak_mb']:.0f}",
                    *opened,
                    searches,
                )
            )
    return _columns(rows)


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--sizes", default="1,10,80", help="report counts, comma-separated")
    parser.add_argument("--json", type=Path, help="also write the results to this file")
    parser.add_argument(
        "--plain", action="store_true", help="also time a plain single-language MkDocs build"
    )
    parser.add_argument(
        "--repeat",
        type=int,
        default=1,
        help="cold builds and Hugo builds per size, in turn; their medians are printed",
    )
    args = parser.parse_args()
    sys.path.insert(0, str(ROOT))
    results = []
    with tempfile.TemporaryDirectory(prefix="report-site-bench-") as tmp:
        scratch = Path(tmp)
        sources = source_reports(scratch)
        for size in (int(s) for s in args.sizes.split(",")):
            print(f"building an archive of {size} report(s)…", file=sys.stderr)
            peak_before = resource.getrusage(resource.RUSAGE_CHILDREN).ru_maxrss
            result = measure(size, sources, scratch, args.plain, max(1, args.repeat))
            # ru_maxrss of children is the largest single child process so far (KiB on Linux).
            result["peak_mb"] = (
                max(peak_before, resource.getrusage(resource.RUSAGE_CHILDREN).ru_maxrss) / 1024
            )
            results.append(result)
    print(table(results))
    text = json.dumps(results, indent=2)
    print(text)
    if args.json:
        args.json.write_text(text + "\n", encoding="utf-8")


if __name__ == "__main__":
    main()
