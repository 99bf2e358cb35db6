"""The built site/: three editions of every page, the whole report, switchers that land on the
same page, honest language tags, absolute hreflang alternates, nothing fetched from elsewhere."""

from __future__ import annotations

import json
import re
from pathlib import Path
from urllib.parse import urljoin, urlparse

import pytest

from generator.content import load_site
from generator.render.pages import first_sentence, shorten
from generator.site import Project
from tests.html_text import read_page

EDITIONS = ("zh-Hans", "zh-Hant", "en")
SITE_URL = "https://report-site.github.io/report-site/"


def pages_of(site: Path, edition: str) -> list[Path]:
    return sorted((site / edition).rglob("index.html"))


def page_paths(site: Path, edition: str) -> set[str]:
    return {p.relative_to(site / edition).as_posix() for p in pages_of(site, edition)}


def test_three_editions_with_every_section(built_project: Project) -> None:
    site = built_project.site
    report = load_site(built_project.content).reports[0]
    slugs = [p.slug for p in report.sections]
    want = {
        "index.html",
        "hangzhou-education-2020/index.html",
        "hangzhou-education-2020/full/index.html",
    }
    want |= {f"hangzhou-education-2020/{slug}/index.html" for slug in slugs}
    want |= {
        "hangzhou-education-2020/bilingual/index.html",
        "hangzhou-education-2020/figures/index.html",
    }
    want |= {f"hangzhou-education-2020/bilingual/{slug}/index.html" for slug in slugs}
    assert len(want) == 25
    for edition in EDITIONS:
        assert page_paths(site, edition) == want, edition


def test_zh_hans_edition_holds_every_line_of_the_report(
    built_project: Project, hangzhou_text: str
) -> None:
    folder = built_project.site / "zh-Hans" / "hangzhou-education-2020"
    # The report's own pages (its index and sections), not the full or bilingual views.
    pages = [folder / "index.html", *sorted(folder.glob("[0-9]*/index.html"))]
    assert len(pages) == 11
    text = re.sub(r"\s", "", "".join(read_page(str(p)).text for p in pages))
    missing = [
        line.strip()
        for line in hangzhou_text.splitlines()
        if line.strip() and re.sub(r"\s", "", line) not in text
    ]
    assert missing == []


def test_html_lang_is_true_to_each_edition(built_project: Project) -> None:
    for edition in EDITIONS:
        for page in pages_of(built_project.site, edition):
            assert read_page(str(page)).html_lang == edition, page


def test_material_speaks_the_editions_language(built_project: Project) -> None:
    skip = {"zh-Hans": "跳转至", "zh-Hant": "跳轉到", "en": "Skip to content"}
    for edition, words in skip.items():
        html = (built_project.site / edition / "index.html").read_text(encoding="utf-8")
        assert words in html, edition


def test_every_word_around_the_text_is_in_the_editions_language(built_project: Project) -> None:
    # Words MkDocs and Material take from the configuration, not the language: the colour
    # scheme switch and the headings' link titles; and Material's own zh-Hant slip (頁脚).
    words = {
        "zh-Hans": ("切换到深色模式", "本段链接", "页脚"),
        "zh-Hant": ("切換到深色模式", "本段連結", "頁腳"),
        "en": ("Switch to dark mode", "Link to this passage", "Footer"),
    }
    for edition, expected in words.items():
        page = built_project.site / edition / "hangzhou-education-2020" / "index.html"
        html = page.read_text(encoding="utf-8")
        assert all(word in html for word in expected), edition
        assert "Dark mode" not in html and "Permanent link" not in html and "頁脚" not in html
        missing = (built_project.site / edition / "404.html").read_text(encoding="utf-8")
        assert "404 - Not found" not in missing


def test_an_address_that_leads_nowhere_gets_a_page_in_every_language(
    built_project: Project,
) -> None:
    html = (built_project.site / "404.html").read_text(encoding="utf-8")
    path = urlparse(SITE_URL).path
    for edition in EDITIONS:
        assert f'href="{path}{edition}/"' in html  # absolute: it is served at any address
    assert "页面不存在" in html and "頁面不存在" in html and "Page not found" in html


def test_switcher_leads_to_the_same_page_in_every_edition(built_project: Project) -> None:
    site = built_project.site
    for edition in EDITIONS:
        for page in pages_of(site, edition):
            relative = page.relative_to(site / edition).as_posix()
            html = page.read_text(encoding="utf-8")
            links = re.findall(
                r'<a href="([^"]+)"\s+hreflang="([^"]+)"[^>]*class="md-select__link"', html
            )
            assert sorted(lang for _, lang in links) == sorted(EDITIONS), page
            for href, lang in links:
                target = (page.parent / href / "index.html").resolve()
                assert target == (site / lang / relative).resolve(), (page, href)
                assert target.exists()


def test_hreflang_alternates_are_absolute_with_x_default(built_project: Project) -> None:
    page = (
        built_project.site
        / "en"
        / "hangzhou-education-2020"
        / "03-puxie-yuren-xinpian"
        / "index.html"
    )
    html = page.read_text(encoding="utf-8")
    alternates = dict(
        (lang, href)
        for lang, href in re.findall(
            r'<link rel="alternate" hreflang="([^"]+)" href="([^"]+)">', html
        )
    )
    path = "hangzhou-education-2020/03-puxie-yuren-xinpian/"
    assert alternates == {
        "zh-Hans": f"{SITE_URL}zh-Hans/{path}",
        "zh-Hant": f"{SITE_URL}zh-Hant/{path}",
        "en": f"{SITE_URL}en/{path}",
        "x-default": SITE_URL,
    }


def test_no_page_references_another_host(built_project: Project) -> None:
    """Nothing is loaded from another host; the only links that leave the site are the
    addresses editors give (the original of a report, the terms of reuse, who runs the site)."""
    site = built_project.site
    own = urlparse(SITE_URL).netloc
    config = load_site(built_project.content).config
    given = {notice.url for notice in (config.licence, config.operator) if notice and notice.url}
    given |= {r.source.url for r in load_site(built_project.content).reports if r.source.url}
    assert given  # the site's terms of reuse
    offenders = []
    for page in sorted(site.rglob("*.html")):
        for tag, attributes in read_page(str(page)).links:
            for key in ("href", "src"):
                url = attributes.get(key)
                elsewhere = url and urlparse(urljoin("https://this.site/", url)).netloc not in (
                    "this.site",
                    own,
                )
                if elsewhere and not (tag == "a" and key == "href" and url in given):
                    offenders.append(f"{page.relative_to(site)}: <{tag} {key}={url}>")
    assert offenders == []
    for path in site.rglob("*"):
        if path.suffix in (".html", ".css", ".js"):
            assert "fonts.googleapis" not in path.read_text(encoding="utf-8", errors="replace"), (
                path
            )


def test_chooser_lists_all_editions_without_javascript(built_project: Project) -> None:
    html = (built_project.site / "index.html").read_text(encoding="utf-8")
    body = html.split("<body>")[1]
    for edition, name in (("zh-Hans", "简体中文"), ("zh-Hant", "繁體中文"), ("en", "English")):
        assert f'<a href="{edition}/" hreflang="{edition}" lang="{edition}">{name}</a>' in body
    assert f'<link rel="alternate" hreflang="x-default" href="{SITE_URL}">' in html


def test_traditional_edition_keeps_protected_names(built_project: Project) -> None:
    page = built_project.site / "zh-Hant" / "hangzhou-education-2020" / "10-banhao-guanjian-xiaoshi"
    text = read_page(str(page / "index.html")).text
    assert "親清在線" in text
    assert "对" not in text  # no Simplified character left


def test_figures_downloads_sit_beside_the_figures_page_in_every_edition(
    built_project: Project,
) -> None:
    report = "hangzhou-education-2020"
    folders = {e: built_project.site / e / report for e in EDITIONS}
    data = {
        e: json.loads((f / f"{report}.{e}.figures.json").read_text(encoding="utf-8"))
        for e, f in folders.items()
    }
    # The same figures, each in its edition's words.
    assert data["zh-Hans"]["count"] == data["zh-Hant"]["count"] == data["en"]["count"] >= 80
    assert [r["value_base"] for r in data["zh-Hans"]["figures"]] == [
        r["value_base"] for r in data["en"]["figures"]
    ]
    assert data["zh-Hans"]["figures"] != data["zh-Hant"]["figures"]
    for edition, folder in folders.items():
        page = (folder / "figures" / "index.html").read_text(encoding="utf-8")
        name = f"{report}.{edition}.figures.csv"
        assert f'<a download="{name}" href="../{name}" type="text/csv">CSV</a>' in page
        assert page.count('role="img"') == 2  # the two charts editors chose


def test_home_page_leads_with_the_headline_figures(built_project: Project) -> None:
    text = read_page(str(built_project.site / "en" / "index.html")).text
    for value, label in (
        ("78,900", "New school places"),
        ("59.19%", "Overall myopia rate"),
        ("CNY 37.7155 million", "Home childcare subsidies"),
    ):
        assert value in text and label in text
    zh = read_page(str(built_project.site / "zh-Hant" / "index.html")).text
    assert "7.89萬個" in zh and "新增學位" in zh


@pytest.mark.parametrize("page", ["index.html", "hangzhou-education-2020/index.html"])
def test_each_headline_card_is_its_own_link_to_its_sentence(
    built_project: Project, page: str
) -> None:
    for edition in ("zh-Hans", "zh-Hant", "en"):
        path = built_project.site / edition / page
        html = path.read_text(encoding="utf-8")
        grid = html[html.index('<div class="rs-headlines"') :]
        grid = grid[: grid.index("</div>")]
        assert "<p>" not in grid  # each card a grid item, not one paragraph of links
        links = re.findall(r'class="rs-headline" href="([^"]+)"', grid)
        assert len(links) >= 3
        for link in links:
            url = urlparse(urljoin(f"https://x/{edition}/{page}", link))
            target = built_project.site / url.path.lstrip("/")
            target = target / "index.html" if url.path.endswith("/") else target
            assert f'id="{url.fragment}"' in target.read_text(encoding="utf-8"), link


def test_the_bilingual_view_reads_on_from_page_to_page(built_project: Project) -> None:
    # From the report's bilingual page a reader reaches every section's, and from each of
    # those the next and previous ones and the page itself: no dead end.
    folder = built_project.site / "en" / "hangzhou-education-2020" / "bilingual"
    slugs = [p.slug for p in load_site(built_project.content).reports[0].sections]
    start = (folder / "index.html").read_text(encoding="utf-8")
    assert all(f'href="{slug}/"' in start for slug in slugs)
    middle = (folder / slugs[4] / "index.html").read_text(encoding="utf-8")
    for target in (f"../{slugs[3]}/", f"../{slugs[5]}/", f"../../{slugs[4]}/"):
        assert f'href="{target}"' in middle, target


def test_summaries_end_at_a_word_and_never_on_a_semicolon() -> None:
    english = (
        "We earnestly performed the functions of the secretariat of the Education Work Leading "
        "Group of the CPC Hangzhou Municipal Committee, took the lead in drafting the points."
    )
    summary = first_sentence(english, 60)
    assert summary.endswith("…") and english.startswith(summary[:-1])
    assert english[len(summary) - 1] == " "  # cut where a word ends
    assert first_sentence("认真履行秘书组职能；牵头制定要点。", 60) == "认真履行秘书组职能…"
    assert shorten("一、二、三、四", 4) == "一、二…"


def test_writing_a_tree_removes_what_it_no_longer_holds_and_keeps_what_it_is_told(
    tmp_path: Path,
) -> None:
    from generator.writer import write_tree

    write_tree(tmp_path, {"a/b/old.md": "x", "a/keep.md": "k", "a/c/d/gone.md": "g", "top.md": "t"})
    result = write_tree(tmp_path, {"a/b/new.md": "y", "top.md": "t"}, keep={"a/keep.md"})
    assert result.written == ("a/b/new.md",) and result.unchanged == 1
    assert result.removed == ("a/b/old.md", "a/c/d/gone.md")
    left = sorted(p.relative_to(tmp_path).as_posix() for p in tmp_path.rglob("*"))
    assert left == ["a", "a/b", "a/b/new.md", "a/keep.md", "top.md"]  # emptied folders gone
