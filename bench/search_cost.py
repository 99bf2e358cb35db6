"""What search costs a reader: bytes transferred (gzipped, as GitHub Pages serves them) to open
a page and to answer a first search, and the time to the first result, in headless Chromium.

    python bench/search_cost.py SITE [--engine site|lunr|pagefind] [--page PATH] [--query Q]

`site` is the site's own search, `lunr` Material's built-in search (a site built by an earlier
version), `pagefind` Pagefind's JavaScript API over a Pagefind bundle at the site's root. The
site must have been built for the address it is served at (--port). bench.py calls `measure`.
"""

from __future__ import annotations

import argparse
import functools
import http.server
import importlib.util
import json
import shutil
import subprocess
import sys
import threading
import time
from collections.abc import Iterator
from contextlib import contextmanager
from pathlib import Path
from typing import Any

ROOT = Path(__file__).resolve().parent.parent
CHROMIUM = shutil.which("chromium") or "/usr/bin/chromium"
EDITIONS = ("zh-Hans", "zh-Hant", "en")
# Views of the same text (full report, bilingual, figures): the site's index leaves them out.
VIEWS = ("bilingual", "full", "figures")


def _gzip_handler() -> type[http.server.SimpleHTTPRequestHandler]:
    """tools/lighthouse's server: gzip as GitHub Pages serves it (one way to serve, not two)."""
    spec = importlib.util.spec_from_file_location(
        "lighthouse_run", ROOT / "tools/lighthouse/run.py"
    )
    assert spec and spec.loader
    module = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(module)
    handler: type[http.server.SimpleHTTPRequestHandler] = module.GzipHandler
    return handler


@contextmanager
def serve(site: Path, port: int) -> Iterator[str]:
    server = http.server.ThreadingHTTPServer(
        ("127.0.0.1", port), functools.partial(_gzip_handler(), directory=str(site))
    )
    threading.Thread(target=server.serve_forever, daemon=True).start()
    try:
        yield f"http://127.0.0.1:{server.server_address[1]}/"
    finally:
        server.shutdown()


PAGEFIND = """async ([bundle, q]) => {
  const pf = await import(bundle);
  const found = await pf.search(q);
  await Promise.all(found.results.slice(0, 5).map(r => r.data()));
  return found.results.length;
}"""


def _wait_for_answer(page: Any, engine: str, query: str) -> int:
    """Type the query (or call Pagefind) and wait for the first result; the results shown."""
    if engine == "pagefind":
        base = page.url.split("/", 3)
        count: int = page.evaluate(PAGEFIND, [f"{base[0]}//{base[2]}/pagefind/pagefind.js", query])
        return count
    box = page.locator("input.md-search__input")
    button = page.locator('label.md-header__button[for="__search"]')
    if button.is_visible():  # a phone: the header's search button opens the box
        button.click()
    else:
        box.click()
    box.fill(query)
    if engine == "lunr":
        box.press("End")
    page.locator(".md-search-result__list a").first.wait_for(timeout=60000)
    return page.locator(".md-search-result__list a").count()


def measure(
    site: Path, port: int, page_path: str, queries: list[str], engine: str = "site"
) -> dict[str, Any]:
    """Per query, in a fresh browser (nothing cached): bytes to open `page_path`, bytes and
    milliseconds from typing to the first result shown."""
    from playwright.sync_api import sync_playwright

    out: dict[str, Any] = {"page": page_path, "engine": engine, "queries": {}}
    with serve(site, port) as base, sync_playwright() as playwright:
        browser = playwright.chromium.launch(executable_path=CHROMIUM, args=["--no-sandbox"])
        for query in queries:
            context = browser.new_context(viewport={"width": 360, "height": 740})
            page = context.new_page()
            received: list[tuple[float, str, int]] = []

            def done(request: Any, received: list[tuple[float, str, int]] = received) -> None:
                sizes = request.sizes()
                size = sizes["responseBodySize"] + sizes["responseHeadersSize"]
                received.append((time.perf_counter(), request.url, size))

            page.on("requestfinished", done)
            page.goto(f"{base}{page_path}", wait_until="networkidle")
            opened = sum(size for _, _, size in received)
            opened_search = sum(s for _, u, s in received if _is_search(u, engine))
            start = time.perf_counter()
            shown = _wait_for_answer(page, engine, query)
            first_ms = (time.perf_counter() - start) * 1000
            page.wait_for_load_state("networkidle")
            searched = sum(size for t, _, size in received if t >= start)
            out["queries"][query] = {
                "open_kb": opened / 1e3,
                "open_search_kb": opened_search / 1e3,
                "search_kb": searched / 1e3,
                "first_result_ms": round(first_ms),
                "results": shown,
            }
            context.close()
        browser.close()
    return out


def _is_search(url: str, engine: str) -> bool:
    return any(part in url for part in ("/search/", "search.js", "/pagefind/", "workers/search"))


def timed(command: list[str], cwd: Path, env: dict[str, str]) -> tuple[float, float]:
    """Seconds and peak MB of one command (GNU time's maximum resident set size)."""
    start = time.perf_counter()
    done = subprocess.run(
        ["/usr/bin/time", "-f", "%M", *command], cwd=cwd, env=env, capture_output=True, text=True
    )
    if done.returncode:
        raise SystemExit(f"{' '.join(command)} failed:\n{done.stderr[-3000:]}")
    return time.perf_counter() - start, int(done.stderr.strip().splitlines()[-1]) / 1024


def pagefind_site(site: Path, binary: str, target: Path, env: dict[str, str]) -> dict[str, Any]:
    """A copy of `site` at `target` with a Pagefind bundle over its pages' text (views left
    out, as the site's own index leaves them out): seconds, peak MB and size of the bundle.
    `binary` "python" runs `python -m pagefind`."""
    shutil.copytree(site, target)
    for edition in EDITIONS:
        shutil.rmtree(target / edition / "search", ignore_errors=True)
        for report in (target / edition).iterdir():
            for view in VIEWS:
                shutil.rmtree(report / view, ignore_errors=True)
    command = [sys.executable, "-m", "pagefind"] if binary == "python" else [binary]
    seconds, mb = timed(
        [
            *command,
            "--site",
            str(target),
            "--root-selector",
            "article",
            "--exclude-selectors",
            "[data-search-exclude], .headerlink, nav",
            "--quiet",
        ],
        target,
        env,
    )
    files = [p for p in (target / "pagefind").rglob("*") if p.is_file()]
    return {
        "index_s": seconds,
        "index_mb": mb,
        "bundle_kb": sum(p.stat().st_size for p in files) / 1e3,
    }


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("site", type=Path)
    parser.add_argument("--engine", choices=("site", "lunr", "pagefind"), default="site")
    parser.add_argument("--port", type=int, default=8765)
    parser.add_argument("--page", default="zh-Hans/")
    parser.add_argument("--query", action="append", help="repeatable (default: 西湖大学, 教育)")
    args = parser.parse_args()
    result = measure(
        args.site, args.port, args.page, args.query or ["西湖大学", "教育"], args.engine
    )
    json.dump(result, sys.stdout, ensure_ascii=False, indent=1)
    print()


if __name__ == "__main__":
    main()
