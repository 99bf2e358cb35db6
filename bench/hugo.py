"""The yardstick: Hugo (Debian's `hugo`) building the same generated Markdown as one site in
three languages, every page listing every page of its language (as the site's menu would,
were it not per report), with its table of contents.

    python bench/hugo.py SITE_SRC [TARGET]   # prints Hugo's seconds (and its version)

Hugo renders what MkDocs renders: each edition's docs/ is a language's content folder (an
`index.md` becomes `_index.md`, a section, so that the pages beside it stay pages), every page
through one small template. Its links between pages stay `.md` (Hugo does not rewrite them):
what is measured is the work, not a site to publish.
"""

from __future__ import annotations

import shutil
import subprocess
import sys
import time
from pathlib import Path

CONFIG = """baseURL = "http://127.0.0.1/"
title = "reference"
defaultContentLanguage = "{first}"
disableKinds = ["taxonomy", "term", "RSS"]
[markup.goldmark.renderer]
unsafe = true
[markup.goldmark.parser.attribute]
block = true
title = true
[languages]
"""
LANGUAGE = '[languages.{key}]\ncontentDir = "content/{code}"\nweight = {weight}\n'
PAGE = """<!doctype html>
<html lang="{{ .Language.Lang }}">
<head><meta charset="utf-8"><title>{{ .Title }} - {{ .Site.Title }}</title>
<meta name="description" content="{{ .Description }}"></head>
<body>
<nav><ul>{{ range .Site.RegularPages }}
<li><a href="{{ .RelPermalink }}">{{ .Title }}</a></li>{{ end }}</ul></nav>
<aside>{{ .TableOfContents }}</aside>
<main>{{ .Content }}</main>
</body>
</html>
"""


def hugo_version() -> str | None:
    hugo = shutil.which("hugo")
    if hugo is None:
        return None
    done = subprocess.run([hugo, "version"], capture_output=True, text=True, check=False)
    return done.stdout.split()[1] if done.returncode == 0 and done.stdout else None


def make_site(site_src: Path, editions: list[str], target: Path) -> None:
    shutil.rmtree(target, ignore_errors=True)
    (target / "layouts" / "_default").mkdir(parents=True)
    for name in ("single.html", "list.html"):
        (target / "layouts" / "_default" / name).write_text(PAGE, encoding="utf-8")
    config = CONFIG.format(first=editions[0].lower())
    for weight, code in enumerate(editions, 1):
        config += LANGUAGE.format(key=code.lower(), code=code, weight=weight)
        docs = site_src / code / "docs"
        content = target / "content" / code
        for page in docs.rglob("*.md"):
            relative = page.relative_to(docs)
            if relative.name == "index.md":
                relative = relative.with_name("_index.md")
            (content / relative).parent.mkdir(parents=True, exist_ok=True)
            shutil.copyfile(page, content / relative)
    (target / "hugo.toml").write_text(config, encoding="utf-8")


def hugo_seconds(site_src: Path, editions: list[str], target: Path) -> float | None:
    """Seconds of a cold `hugo` build of `site_src`'s editions (None without hugo)."""
    hugo = shutil.which("hugo")
    if hugo is None:
        return None
    make_site(site_src, editions, target)
    start = time.perf_counter()
    subprocess.run(
        [hugo, "--quiet", "--destination", str(target / "public")],
        cwd=target,
        check=True,
        stdout=subprocess.DEVNULL,
        stderr=subprocess.PIPE,
    )
    return time.perf_counter() - start


def main() -> None:
    site_src = Path(sys.argv[1])
    target = Path(sys.argv[2]) if len(sys.argv) > 2 else site_src.parent / ".hugo-reference"
    editions = sorted(p.name for p in site_src.iterdir() if (p / "docs").is_dir())
    seconds = hugo_seconds(site_src, editions, target)
    print("hugo is not installed" if seconds is None else f"hugo {hugo_version()}: {seconds:.1f} s")


if __name__ == "__main__":
    main()
