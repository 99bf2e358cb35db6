"""A one-page sitemap beside every page, naming the page's alternates in the other editions.

Material's language selector fetches `sitemap.xml` relative to each `<link rel="alternate">` of
a page, expecting a site root. Our alternates are the same page in each edition (what hreflang
means), so Material would ask for `<page>/sitemap.xml`: a 404 per edition on every page view.
Answering with the page's own sitemap entry (its URL and its hreflang alternates, in the
standard sitemap form) turns those 404s into correct data, and costs one small file per page.
"""

from __future__ import annotations

from html import escape
from pathlib import Path

HEAD = (
    '<?xml version="1.0" encoding="UTF-8"?>\n'
    '<urlset xmlns="http://www.sitemaps.org/schemas/sitemap/0.9" '
    'xmlns:xhtml="http://www.w3.org/1999/xhtml">\n'
)


def page_sitemap(site_url: str, edition: str, path: str, editions: list[str]) -> str:
    links = "".join(
        f'<xhtml:link rel="alternate" hreflang="{code}" '
        f'href="{escape(f"{site_url}{code}/{path}")}"/>'
        for code in editions
    )
    return (
        f"{HEAD}<url><loc>{escape(site_url + edition + '/' + path)}</loc>{links}"
        f'<xhtml:link rel="alternate" hreflang="x-default" href="{escape(site_url)}"/>'
        "</url>\n</urlset>\n"
    )


def write_page_sitemaps(site_dir: Path, site_url: str, edition: str, editions: list[str]) -> int:
    """One sitemap.xml beside each page below the edition's root (which has MkDocs' own)."""
    count = 0
    for page in sorted(site_dir.rglob("index.html")):
        folder = page.parent
        if folder == site_dir:
            continue
        path = folder.relative_to(site_dir).as_posix() + "/"
        (folder / "sitemap.xml").write_text(
            page_sitemap(site_url, edition, path, editions), encoding="utf-8"
        )
        count += 1
    return count
