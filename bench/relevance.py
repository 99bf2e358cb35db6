"""Relevance of search on a query set (tests/search_queries.yml), measured in Chromium.

    python bench/relevance.py [--queries FILE] [--site DIR] [--lunr-site DIR] [--pagefind [BINARY]]
                              [--per-query] [--json FILE]

Builds the query set's archive (the Hangzhou report and the other real reports of
../shared/reports) with the current code, or takes a built one (--site), and asks each engine
every query the way a reader does:

- site: the site's own search (type into the header box, read the result links in order);
- lunr: Material's built-in search, on a site built by an earlier version (--lunr-site);
- pagefind: Pagefind over the same built pages (--pagefind: `python -m pagefind`, or the path
  of another pagefind binary), searched through its JavaScript API.

Per engine and edition it prints P@1 (the first result is a right page), P@5 (share of right
pages among the first five results), R@10 (share of the right pages found in the first ten)
and, for hostile queries, whether the answer was clean; `--queries tests/search_queries_blind.yml`
scores the blind set (written by someone else than the engine's author), `--per-query` prints
each query's first results. Nothing here is a test.
"""

from __future__ import annotations

import argparse
import json
import os
import re
import shutil
import sys
import tempfile
from collections.abc import Callable
from pathlib import Path
from typing import Any

import yaml

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT / "bench"))
import search_cost  # noqa: E402  (bench/search_cost.py: serving a site, Pagefind over it)

QUERIES = ROOT / "tests" / "search_queries.yml"
REPORTS = ROOT.parent / "shared" / "reports"
EDITIONS = ("zh-Hans", "zh-Hant", "en")
CHROMIUM = shutil.which("chromium") or "/usr/bin/chromium"


def load_queries(path: Path = QUERIES) -> list[dict[str, Any]]:
    return list(yaml.safe_load(path.read_text(encoding="utf-8")))


def build_archive(target: Path, url: str) -> Path:
    """The query set's archive, built for `url`; returns its site/."""
    sys.path.insert(0, str(ROOT))
    from generator.importer.run import import_report
    from tests.conftest import build_for, copy_project

    project = copy_project(target)
    for source in sorted(REPORTS.glob("*.txt")):
        if source.stem == "hangzhou-education-2020":
            continue
        folder = import_report(source, project.content)
        meta = folder / "report.yml"
        text = meta.read_text(encoding="utf-8").replace("organisation: ''", "organisation: 某机关")
        meta.write_text(text, encoding="utf-8")
    build_for(project, url)
    return project.site


def page_of(href: str, edition: str) -> str:
    """A result link as the page it leads to, relative to the edition ("report/page/")."""
    path = re.sub(r"[?#].*$", "", href)
    path = path.split(f"/{edition}/", 1)[-1] if f"/{edition}/" in path else path.lstrip("./")
    return path.removesuffix("index.html")


def ui_results(page: Any, query: str, settle_ms: int = 0) -> list[str]:
    """Type into the header search box (the site's or Material's) and read the result links:
    the site's once it says the query is answered, Material's after `settle_ms`."""
    box = page.locator("input.md-search__input")
    box.click()
    box.fill(query)
    box.press("End")
    if settle_ms:
        page.wait_for_timeout(settle_ms)
    else:
        page.wait_for_function(
            "() => window.reportSiteSearch && window.reportSiteSearch.answered ==="
            " document.querySelector('input.md-search__input').value"
        )
    return [a.get_attribute("href") or "" for a in page.locator(".md-search-result__list a").all()]


PAGEFIND_JS = """async ([bundle, q]) => {
  const pf = await import(bundle);
  const found = await pf.search(q);
  const urls = [];
  for (const r of found.results.slice(0, 10)) {
    const d = await r.data();
    for (const s of d.sub_results.length ? d.sub_results : [d]) urls.push(s.url);
  }
  return urls;
}"""


def run_engine(
    name: str, base: str, queries: list[dict[str, Any]], ask: Callable[[Any, str, str], list[str]]
) -> list[dict[str, Any]]:
    from playwright.sync_api import sync_playwright

    rows = []
    with sync_playwright() as playwright:
        browser = playwright.chromium.launch(executable_path=CHROMIUM, args=["--no-sandbox"])
        for edition in EDITIONS:
            context = browser.new_context(locale="en-US")
            page = context.new_page()
            errors: list[str] = []
            page.on("pageerror", lambda e, errors=errors: errors.append(str(e)))
            page.goto(f"{base}{edition}/")
            for q in (q for q in queries if q["edition"] == edition):
                errors.clear()
                hrefs = ask(page, edition, q["query"])
                marks = page.locator(".md-search-result__list script").count()
                pages = [page_of(h, edition) for h in hrefs]
                row = score(name, q, pages, clean=not errors and not marks)
                if q.get("elsewhere"):
                    row["elsewhere"] = page.locator(".rs-search-elsewhere").count() > 0
                rows.append(row)
            context.close()
        browser.close()
    return rows


def score(engine: str, q: dict[str, Any], pages: list[str], clean: bool) -> dict[str, Any]:
    right = q["right"]
    row = {"engine": engine, "edition": q["edition"], "query": q["query"], "kind": q["kind"]}
    row["top"] = pages[:10]
    row["right"] = right
    if right is None:
        return {**row, "clean": clean}
    right_set = set(right)
    top5 = pages[:5]
    row["p1"] = float(bool(pages) and pages[0] in right_set) if right else float(not pages)
    row["p5"] = (sum(p in right_set for p in top5) / len(top5)) if top5 else float(not right)
    row["r10"] = len(right_set & set(pages[:10])) / min(10, len(right_set)) if right_set else 1.0
    row["clean"] = clean
    return row


def summary(rows: list[dict[str, Any]]) -> str:
    lines = [f"{'engine':10} {'edition':8} {'queries':>7} {'P@1':>6} {'P@5':>6} {'R@10':>6} clean"]
    engines = list(dict.fromkeys(r["engine"] for r in rows))
    for engine in engines:
        for edition in (*EDITIONS, "all"):
            mine = [r for r in rows if r["engine"] == engine and edition in (r["edition"], "all")]
            graded = [r for r in mine if "p1" in r]
            if not graded:
                continue

            def mean(key: str, graded: list[dict[str, Any]] = graded) -> str:
                return f"{sum(r[key] for r in graded) / len(graded):.2f}"

            clean = sum(r["clean"] for r in mine)
            lines.append(
                f"{engine:10} {edition:8} {len(graded):>7} {mean('p1'):>6} {mean('p5'):>6} "
                f"{mean('r10'):>6} {clean}/{len(mine)}"
            )
    return "\n".join(lines)


def per_query(rows: list[dict[str, Any]]) -> str:
    """One line per engine and query: its scores, and its first results marked right (+) or not."""
    lines = []
    for r in rows:
        scores = " ".join(f"{k}={r[k]:.2f}" for k in ("p1", "p5", "r10") if k in r)
        extra = f" elsewhere={r['elsewhere']}" if "elsewhere" in r else ""
        lines.append(f"{r['engine']:9} {r['edition']:7} {r['query'][:40]!r:42} {scores}{extra}")
        for p in r["top"][:5]:
            lines.append(f"{'':20}{'+' if p in (r['right'] or ()) else '-'} {p}")
    return "\n".join(lines)


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--site", type=Path, help="a built archive (default: build one)")
    parser.add_argument("--port", type=int, default=8765, help="the address it is built for")
    parser.add_argument("--lunr-site", type=Path, help="the archive built with Material's search")
    parser.add_argument(
        "--pagefind",
        nargs="*",
        metavar="BINARY",
        help="also measure Pagefind ('python' for python -m pagefind, or binaries' paths)",
    )
    parser.add_argument("--queries", type=Path, default=QUERIES, help="the query set (YAML)")
    parser.add_argument("--only", help="query substring: run only matching queries")
    parser.add_argument("--per-query", action="store_true", help="print each query's results")
    parser.add_argument("--json", type=Path)
    args = parser.parse_args()
    queries = load_queries(args.queries)
    if args.only:
        queries = [q for q in queries if args.only in q["query"]]
    rows: list[dict[str, Any]] = []
    with tempfile.TemporaryDirectory(prefix="report-site-relevance-") as tmp:
        scratch = Path(tmp)
        site = args.site or build_archive(scratch / "archive", f"http://127.0.0.1:{args.port}/")
        with search_cost.serve(site, args.port) as base:
            rows += run_engine("site", base, queries, lambda p, e, q: ui_results(p, q))
        if args.lunr_site:
            with search_cost.serve(args.lunr_site, args.port) as base:
                rows += run_engine(
                    "lunr", base, queries, lambda p, e, q: ui_results(p, q, settle_ms=2500)
                )
        for n, binary in enumerate(args.pagefind or []):
            name = "pagefind" if binary == "python" else f"pagefind-{n}"
            copy = scratch / f"pagefind-{n}"
            search_cost.pagefind_site(site, binary, copy, dict(os.environ))
            with search_cost.serve(copy, args.port) as base:
                rows += run_engine(
                    name,
                    base,
                    queries,
                    lambda p, e, q, base=base: p.evaluate(
                        PAGEFIND_JS, [f"{base}pagefind/pagefind.js", q]
                    ),
                )
    if args.per_query:
        print(per_query(rows))
    print(summary(rows))
    if args.json:
        args.json.write_text(json.dumps(rows, ensure_ascii=False, indent=1) + "\n", "utf-8")


if __name__ == "__main__":
    main()
