"""`make lighthouse`: Lighthouse (mobile settings) on the built site, served as GitHub Pages
serves it (gzip), in Debian's chromium; prints the four scores of each page.

    python tools/lighthouse/run.py [--site site] [--min-performance 98]

Exits non-zero when a page scores below 98 for performance or below 100 for accessibility,
best practices or SEO, so it can gate a release; the scores are printed either way.
"""

from __future__ import annotations

import argparse
import functools
import gzip
import http.server
import io
import json
import os
import shutil
import subprocess
import sys
import threading
from pathlib import Path

from generator.edition_list import CODES

HERE = Path(__file__).resolve().parent
LIGHTHOUSE = HERE / "node_modules" / ".bin" / "lighthouse"
CATEGORIES = ("performance", "accessibility", "best-practices", "seo")
CHROME_FLAGS = (
    "--headless=new --no-sandbox --disable-gpu --disable-quic --no-first-run "
    "--disable-background-networking --disable-component-update --disable-sync"
)
PAGES = ("", "hangzhou-education-2020/06-ruiyigaige-chuangxin/", "hangzhou-education-2020/figures/")


class GzipHandler(http.server.SimpleHTTPRequestHandler):
    """Static files, gzip-compressed when the browser accepts it (as GitHub Pages does)."""

    def log_message(self, format: str, *args: object) -> None:
        pass

    def send_head(self):  # type: ignore[no-untyped-def]
        path = Path(self.translate_path(self.path))
        if path.is_dir():
            if not self.path.split("?")[0].endswith("/"):
                return super().send_head()  # the base class redirects to the URL with a slash
            path = path / "index.html"
        accepts = "gzip" in self.headers.get("Accept-Encoding", "")
        if (
            not accepts
            or not path.is_file()
            or path.suffix not in (".html", ".css", ".js", ".json", ".svg", ".xml")
        ):
            return super().send_head()
        body = gzip.compress(path.read_bytes(), mtime=0)
        self.send_response(200)
        self.send_header("Content-Type", self.guess_type(str(path)))
        self.send_header("Content-Encoding", "gzip")
        self.send_header("Content-Length", str(len(body)))
        self.send_header("Cache-Control", "max-age=600")
        self.end_headers()
        return io.BytesIO(body)


def _lighthouse(url: str, chromium: str) -> subprocess.CompletedProcess[str]:
    return subprocess.run(
        [
            str(LIGHTHOUSE),
            url,
            "--output=json",
            "--output-path=stdout",
            "--quiet",
            f"--chrome-flags={CHROME_FLAGS}",
            f"--only-categories={','.join(CATEGORIES)}",
        ],
        capture_output=True,
        text=True,
        env=dict(os.environ, CHROME_PATH=chromium),
    )


def main() -> int:
    parser = argparse.ArgumentParser()
    parser.add_argument("--site", type=Path, default=Path("site"))
    parser.add_argument("--min-performance", type=int, default=98)
    parser.add_argument("--runs", type=int, default=3, help="runs per page; the median is shown")
    parser.add_argument(
        "--port",
        type=int,
        default=8757,
        help="serve here: the address the site was built for (REPORT_SITE_URL)",
    )
    args = parser.parse_args()
    if args.runs < 1:
        parser.error("--runs must be at least 1")
    if not LIGHTHOUSE.exists():
        print("lighthouse is not installed: run `npm ci` in tools/lighthouse", file=sys.stderr)
        return 2
    chromium = shutil.which("chromium") or "/usr/bin/chromium"
    server = http.server.ThreadingHTTPServer(
        ("127.0.0.1", args.port), functools.partial(GzipHandler, directory=str(args.site))
    )
    threading.Thread(target=server.serve_forever, daemon=True).start()
    base = f"http://127.0.0.1:{server.server_address[1]}/"
    failed = False
    print(f"{'page':62} {'perf':>5} {'a11y':>5} {'best':>5} {'seo':>5}")
    for edition in CODES:
        for page in PAGES:
            url = f"{base}{edition}/{page}"
            reports = []
            for _ in range(args.runs):
                result = _lighthouse(url, chromium)
                if result.returncode:
                    print(f"{edition}/{page}: lighthouse failed\n{result.stderr[-2000:]}")
                    failed = True
                    break
                reports.append(json.loads(result.stdout))
            if len(reports) < args.runs:
                continue
            # The median run by performance, as Lighthouse CI reports it: one run's score
            # moves by a few points with the machine's load.
            reports.sort(key=lambda r: r["categories"]["performance"]["score"] or 0)
            report = reports[len(reports) // 2]
            spread = [round(100 * (r["categories"]["performance"]["score"] or 0)) for r in reports]
            scores = {c: round(100 * (report["categories"][c]["score"] or 0)) for c in CATEGORIES}
            print(
                f"{edition + '/' + page:62} "
                + " ".join(f"{scores[c]:>5}" for c in CATEGORIES)
                + (f"   (runs: {', '.join(map(str, spread))})" if args.runs > 1 else "")
            )
            low = [
                c
                for c in CATEGORIES
                if scores[c] < (args.min_performance if c == "performance" else 100)
            ]
            for category in low:
                failed = True
                for audit_ref in report["categories"][category]["auditRefs"]:
                    audit = report["audits"][audit_ref["id"]]
                    if (
                        audit.get("score") is not None
                        and audit["score"] < 1
                        and audit_ref["weight"]
                    ):
                        print(
                            f"    {category}: {audit['id']}: {audit.get('title')}"
                            f" ({audit.get('displayValue', '')})"
                        )
                        for item in (audit.get("details") or {}).get("items", [])[:5]:
                            detail = item.get("description") or item.get("url") or item
                            print(f"        {str(detail)[:160]}")
    server.shutdown()
    return 1 if failed else 0


if __name__ == "__main__":
    sys.exit(main())
