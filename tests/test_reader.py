"""What a reader, a journalist and a data user get, in a real browser (Debian's Chromium through
Playwright), in all three editions, on a desktop (1280 px) and a phone (360 px): where a report
comes from and how to cite it, the home page's ways of reading, a menu without repeats, the
bilingual view, an honest translation note, the Traditional edition's quotation marks, English
typography, the language switcher, the figures table, and print. No request leaves the site."""

from __future__ import annotations

import datetime
import functools
import http.server
import os
import re
import shutil
import threading
from collections.abc import Iterator
from pathlib import Path
from typing import Any

import pytest

from generator.build import build
from tests.conftest import copy_project

CHROMIUM = shutil.which("chromium") or "/usr/bin/chromium"
if not Path(CHROMIUM).exists():
    if os.environ.get("CI"):
        pytest.fail("chromium is not installed; .ci/run installs it", pytrace=False)
    pytest.skip("chromium is not installed (apt-get install chromium)", allow_module_level=True)
playwright_sync = pytest.importorskip("playwright.sync_api")

EDITIONS = ("zh-Hans", "zh-Hant", "en")
WIDTHS = (1280, 360)
REPORT = "hangzhou-education-2020"
SECTION = f"{REPORT}/06-ruiyigaige-chuangxin/"
HAN = re.compile(r"[\u4e00-\u9fff]")


class _Quiet(http.server.SimpleHTTPRequestHandler):
    def log_message(self, format: str, *args: object) -> None:
        pass


@pytest.fixture(scope="module")
def site(tmp_path_factory: pytest.TempPathFactory) -> Iterator[str]:
    """The site built for, and served at, a local address; its URL."""
    project = copy_project(tmp_path_factory.mktemp("reader"))
    server = http.server.ThreadingHTTPServer(
        ("127.0.0.1", 0), functools.partial(_Quiet, directory=str(project.site))
    )
    url = f"http://127.0.0.1:{server.server_address[1]}/"
    with pytest.MonkeyPatch.context() as patch:
        patch.setenv("REPORT_SITE_URL", url)
        build(project)
    threading.Thread(target=server.serve_forever, daemon=True).start()
    yield url
    server.shutdown()


@pytest.fixture(scope="module")
def chromium() -> Iterator[Any]:
    with playwright_sync.sync_playwright() as playwright:
        browser = playwright.chromium.launch(
            executable_path=CHROMIUM, args=["--no-sandbox", "--disable-gpu"]
        )
        yield browser
        browser.close()


@pytest.fixture(params=WIDTHS, ids=lambda w: f"{w}px")
def width(request: pytest.FixtureRequest) -> int:
    return int(request.param)


def open_page(chromium: Any, site: str, path: str, width: int = 1280, **options: Any) -> Any:
    """A page at `path` in a fresh context `width` px wide; requests to other hosts fail the
    test (see `leaving`)."""
    context = chromium.new_context(viewport={"width": width, "height": 740}, **options)
    offsite: list[str] = []

    def guard(route: Any) -> None:
        if route.request.url.startswith(site):
            route.continue_()
        else:
            offsite.append(route.request.url)
            route.abort()

    context.route("**/*", guard)
    page = context.new_page()
    page.offsite = offsite
    page.goto(f"{site}{path}")
    return page


def close(page: Any) -> None:
    offsite = page.offsite
    page.context.close()
    assert offsite == [], f"requests left the site: {offsite}"


def no_sideways_scroll(page: Any) -> None:
    width = page.evaluate("document.documentElement.scrollWidth")
    assert width <= page.viewport_size["width"], f"{page.url} is {width}px wide"


# --- trust: where a report comes from, and how to cite it ---------------------------------


@pytest.mark.parametrize("edition", EDITIONS)
def test_first_page_says_where_the_report_comes_from_and_how_to_cite_it(
    chromium: Any, site: str, edition: str, width: int
) -> None:
    page = open_page(chromium, site, f"{edition}/{REPORT}/", width)
    about = page.locator("#about + ul").inner_text()
    organisation = {"en": "Hangzhou Municipal Bureau of Education"}.get(edition, "杭州市教育局")
    assert organisation in about and "2020" in about
    assert {"en": "not stated", "zh-Hans": "未注明", "zh-Hant": "未註明"}[edition] in about
    assert "SHA-256" in about and "CC BY 4.0" in about
    citation = page.locator(".rs-citation").inner_text()
    assert citation.startswith(organisation)
    assert f"{site}{edition}/{REPORT}/" in citation
    if edition != "en":
        # GB/T 7714: the date of citing is the reader's, today's.
        assert f"[EB/OL]. [{datetime.date.today().isoformat()}]." in citation
    for kind, suffix in (("BibTeX", ".bib"), ("CSL-JSON", ".csl.json")):
        link = page.get_by_role("link", name=kind, exact=True)
        assert link.get_attribute("href") == f"{REPORT}.{edition}{suffix}"
        assert page.request.get(f"{site}{edition}/{REPORT}/{REPORT}.{edition}{suffix}").ok
    footer = page.locator(".md-footer").inner_text()
    assert "report-site" in footer and "CC BY 4.0" in footer
    no_sideways_scroll(page)
    close(page)


# --- reading paths ------------------------------------------------------------------------


@pytest.mark.parametrize("edition", EDITIONS)
def test_home_leads_with_the_newest_report_and_its_four_ways_of_reading(
    chromium: Any, site: str, edition: str, width: int
) -> None:
    page = open_page(chromium, site, f"{edition}/", width)
    first = page.locator(".md-content h2").first
    assert first.locator("a:not(.headerlink)").get_attribute("href") == f"{REPORT}/"
    ways = page.locator("nav.rs-ways a")
    assert [ways.nth(i).get_attribute("href") for i in range(ways.count())] == [
        f"{REPORT}/",
        f"{REPORT}/bilingual/",
        f"{REPORT}/full/",
        f"{REPORT}/figures/",
    ]
    # On a phone as on a desktop, the title and the ways come before anything else.
    assert first.bounding_box()["y"] < ways.first.bounding_box()["y"] < 740
    note = page.locator(".rs-mt-line")
    if edition == "en":
        assert first.bounding_box()["y"] < note.bounding_box()["y"]
    else:
        assert note.count() == 0
    no_sideways_scroll(page)
    close(page)


@pytest.mark.parametrize("edition", EDITIONS)
def test_the_menu_lists_every_page_once(chromium: Any, site: str, edition: str) -> None:
    page = open_page(chromium, site, f"{edition}/{REPORT}/", 1280)
    links = page.locator(".md-sidebar--primary a.md-nav__link")
    names = [
        links.nth(i).inner_text().strip() for i in range(links.count()) if links.nth(i).is_visible()
    ]
    assert len(names) >= 13  # home, the report, ten sections, key figures, full report
    assert len(names) == len(set(names)), names
    close(page)


# --- the bilingual view -------------------------------------------------------------------


@pytest.mark.parametrize("edition", EDITIONS)
def test_the_bilingual_view_leads_in_the_editions_language(
    chromium: Any, site: str, edition: str, width: int
) -> None:
    page = open_page(
        chromium, site, f"{edition}/{REPORT}/bilingual/{SECTION.split('/')[1]}/", width
    )
    title = page.locator("h1").inner_text()
    contents = page.locator(".md-sidebar--secondary .md-nav__link")
    entries = [contents.nth(i).inner_text() for i in range(contents.count())]
    if edition == "en":
        assert title.startswith("VI. ") and not HAN.search(title)
        assert entries and not any(HAN.search(entry) for entry in entries), entries
    else:
        assert title.startswith("六、")
        assert entries and all(HAN.search(entry) for entry in entries)
    # Headings of equal weight in both languages.
    pair = page.locator(".rs-pair").first
    sizes = [
        pair.locator(f"{side} :is(h2, h3, h4, .rs-pair-h)").evaluate(
            "e => [getComputedStyle(e).fontSize, getComputedStyle(e).fontWeight]"
        )
        for side in (".rs-zh", ".rs-en")
    ]
    assert sizes[0] == sizes[1], sizes
    intro = page.locator(".md-content .rs-meta").first.inner_text()
    assert {"en": "on a phone", "zh-Hans": "手机上", "zh-Hant": "手機上"}[edition] in intro
    no_sideways_scroll(page)
    close(page)


@pytest.mark.parametrize("edition", EDITIONS)
def test_bilingual_columns_leave_no_large_gaps(chromium: Any, site: str, edition: str) -> None:
    page = open_page(chromium, site, f"{edition}/{REPORT}/bilingual/{SECTION.split('/')[1]}/")
    # The height of each column's text (the columns themselves stretch to the row's).
    heights = page.evaluate(
        """() => [...document.querySelectorAll('.rs-pair')].map(p => ['.rs-zh', '.rs-en'].map(
            side => { const r = document.createRange();
                      r.selectNodeContents(p.querySelector(side));
                      return r.getBoundingClientRect().height; }))"""
    )
    gap = sum(abs(zh - en) for zh, en in heights) / sum(max(zh, en) for zh, en in heights)
    # 50/50 columns left half the view blank beside the Chinese (0.52 of it here).
    assert gap < 0.3, gap
    close(page)


@pytest.mark.parametrize("edition", EDITIONS)
def test_on_a_phone_the_two_languages_are_told_apart(
    chromium: Any, site: str, edition: str
) -> None:
    page = open_page(chromium, site, f"{edition}/{REPORT}/bilingual/{SECTION.split('/')[1]}/", 360)
    zh = page.locator(".rs-pair .rs-zh").nth(1)
    en = page.locator(".rs-pair .rs-en").nth(1)
    style = "e => [getComputedStyle(e).backgroundColor, getComputedStyle(e).borderLeftWidth]"
    assert zh.evaluate(style) != en.evaluate(style)
    assert en.bounding_box()["x"] > zh.bounding_box()["x"]  # indented
    assert en.bounding_box()["y"] >= zh.bounding_box()["y"] + zh.bounding_box()["height"] - 1
    close(page)


# --- what the English is ------------------------------------------------------------------


def test_the_translation_note_is_in_full_once_and_a_quiet_line_elsewhere(
    chromium: Any, site: str, width: int
) -> None:
    first = open_page(chromium, site, f"en/{REPORT}/", width)
    assert first.locator(".admonition").count() == 1
    note = first.locator("#translation").inner_text()
    assert "machine translation" in note and "No person has reviewed it yet" in note
    assert re.search(r"Of its \d+ passages: \d+ machine-translated, not reviewed by a person", note)
    assert "people review" not in note and "review it" not in note.replace("reviewed it", "")
    close(first)
    for path in (SECTION, f"{REPORT}/full/", f"{REPORT}/figures/", f"{REPORT}/bilingual/"):
        page = open_page(chromium, site, f"en/{path}", width)
        assert page.locator(".admonition").count() == 0, path
        line = page.locator(".rs-mt-line")
        assert line.count() == 1
        assert line.inner_text().startswith("Machine translation from the Chinese, not reviewed")
        assert line.locator("a").get_attribute("href").endswith("#translation")
        close(page)


@pytest.mark.parametrize("edition", ["zh-Hans", "zh-Hant"])
def test_chinese_pages_say_what_the_english_is_only_beside_it(
    chromium: Any, site: str, edition: str
) -> None:
    page = open_page(chromium, site, f"{edition}/{SECTION}")
    assert page.locator(".rs-mt-line, .admonition").count() == 0
    close(page)
    page = open_page(chromium, site, f"{edition}/{REPORT}/bilingual/")
    line = page.locator(".rs-mt-line").inner_text()
    assert line.startswith({"zh-Hans": "英文为机器翻译", "zh-Hant": "英文為機器翻譯"}[edition])
    close(page)


# --- the Traditional edition --------------------------------------------------------------


def test_the_traditional_edition_quotes_with_corner_brackets_and_says_it_is_converted(
    chromium: Any, site: str, width: int
) -> None:
    page = open_page(chromium, site, f"zh-Hant/{SECTION}", width)
    text = page.locator(".md-content").inner_text()
    assert "「掐尖」" in text and "“" not in text and "”" not in text
    footer = page.locator(".md-footer").inner_text()
    assert "繁體版由簡體中文原文自動轉換（OpenCC s2tw）" in footer
    close(page)
    page = open_page(chromium, site, f"zh-Hant/{REPORT}/", width)
    assert "本版由簡體中文原文以 OpenCC 自動轉換" in page.locator("#about + ul").inner_text()
    close(page)


# --- typography ---------------------------------------------------------------------------


def test_english_is_set_in_latin_fonts_at_a_readable_measure_with_typographic_quotes(
    chromium: Any, site: str, width: int
) -> None:
    page = open_page(chromium, site, f"en/{SECTION}", width)
    paragraph = page.locator(".md-content article > p").nth(1)
    family = paragraph.evaluate("e => getComputedStyle(e).fontFamily")
    assert family.startswith("-apple-system"), family
    if width == 1280:
        assert 55 <= first_line_length(paragraph) <= 80
    else:  # a phone's screen is the measure
        assert first_line_length(paragraph) < 55
    text = page.locator(".md-content article").inner_text()
    assert "“skimming off the top students”" in text and '"' not in text
    close(page)


def first_line_length(element: Any) -> int:
    """How many characters the element's first line of text holds, as laid out."""
    return int(
        element.evaluate(
            """e => { const t = e.firstChild, r = document.createRange(); let top = null, n = 0;
                for (let i = 0; i < t.length; i++) { r.setStart(t, i); r.setEnd(t, i + 1);
                  const y = Math.round(r.getBoundingClientRect().top);
                  if (top === null) top = y; if (y !== top) break; n++; }
                return n; }"""
        )
    )


@pytest.mark.parametrize("edition", EDITIONS)
def test_headings_are_balanced_and_leave_no_character_alone(
    chromium: Any, site: str, edition: str, width: int
) -> None:
    page = open_page(chromium, site, f"{edition}/{REPORT}/03-puxie-yuren-xinpian/", width)
    headings = page.locator(".md-content :is(h1, h2, h3)")
    for i in range(headings.count()):
        heading = headings.nth(i)
        assert heading.evaluate("e => getComputedStyle(e).textWrapStyle") == "balance"
        # Characters (or words) on the heading's last line.
        last = heading.evaluate(
            """e => { const r = document.createRange(); const t = e.firstChild;
                if (!t || t.nodeType !== 3) return 99;
                const tops = [];
                for (let i = 0; i < t.length; i++) { r.setStart(t, i); r.setEnd(t, i + 1);
                  const b = r.getBoundingClientRect(); if (b.width) tops.push(Math.round(b.top)); }
                const end = Math.max(...tops); return tops.filter(y => y === end).length; }"""
        )
        assert last > 2, (edition, width, heading.inner_text())
    close(page)


def test_the_header_shows_the_whole_site_name_on_a_phone(chromium: Any, site: str) -> None:
    for edition in EDITIONS:
        page = open_page(chromium, site, f"{edition}/", 360)
        name = page.locator(".md-header__topic:first-child .md-ellipsis")
        clipped = name.evaluate(
            "e => e.scrollHeight > e.clientHeight + 1 || e.scrollWidth > e.clientWidth + 1"
        )
        assert not clipped, edition
        close(page)


# --- the language switcher ----------------------------------------------------------------


@pytest.mark.parametrize(("start", "target"), [("zh-Hans", "en"), ("en", "zh-Hant")])
def test_the_switcher_keeps_the_passage_and_marks_the_current_edition(
    chromium: Any, site: str, start: str, target: str, width: int
) -> None:
    page = open_page(chromium, site, f"{start}/{SECTION}#p-2", width)
    current = page.locator(f'a.md-select__link[hreflang="{start}"]')
    assert current.get_attribute("aria-current") == "page"
    assert current.evaluate("e => getComputedStyle(e).fontWeight") == "700"
    page.locator(".md-header__option .md-select button").hover()
    page.locator(f'a.md-select__link[hreflang="{target}"]').click()
    page.wait_for_url(f"{site}{target}/{SECTION}#p-2")
    top = page.evaluate("document.getElementById('p-2').getBoundingClientRect().top")
    assert 0 <= top < 300
    close(page)


# --- the figures table --------------------------------------------------------------------


@pytest.mark.parametrize("edition", EDITIONS)
def test_the_figures_table_names_each_figure_and_filters_and_sorts_by_keyboard(
    chromium: Any, site: str, edition: str, width: int
) -> None:
    page = open_page(chromium, site, f"{edition}/{REPORT}/figures/", width)
    rows = page.locator(".rs-figures tbody tr")
    total = rows.count()
    assert total >= 80
    label = {"en": "New school places", "zh-Hans": "新增学位", "zh-Hant": "新增學位"}[edition]
    assert rows.nth(0).locator("td").nth(0).inner_text().strip()  # a name, not a bare number
    box = page.get_by_label(
        {"en": "Filter the figures", "zh-Hans": "筛选数据", "zh-Hant": "篩選數據"}[edition]
    )
    box.fill(label)
    visible = page.locator(".rs-figures tbody tr:not([hidden])")
    assert visible.count() == 1
    assert visible.first.locator("td").nth(0).inner_text() == label
    count = page.locator(".rs-filter-count")
    assert count.get_attribute("aria-live") == "polite"
    assert f"{total}" in count.inner_text() and "1" in count.inner_text()
    box.fill("")
    assert visible.count() == total
    # Sort by value from the keyboard: focus the column's button and press Enter, twice.
    button = page.locator(".rs-figures th").nth(1).locator("button")
    button.focus()
    page.keyboard.press("Enter")
    header = page.locator(".rs-figures th").nth(1)
    assert header.get_attribute("aria-sort") == "ascending"
    values = page.locator(".rs-figures tbody td[data-value]").evaluate_all(
        "cells => cells.map(c => parseFloat(c.dataset.value))"
    )
    assert values == sorted(values)
    page.keyboard.press("Enter")
    assert header.get_attribute("aria-sort") == "descending"
    values = page.locator(".rs-figures tbody td[data-value]").evaluate_all(
        "cells => cells.map(c => parseFloat(c.dataset.value))"
    )
    assert values == sorted(values, reverse=True)
    no_sideways_scroll(page)
    close(page)


# --- print --------------------------------------------------------------------------------


def test_print_flows_sections_on_and_keeps_headings_with_their_text(
    chromium: Any, site: str
) -> None:
    page = open_page(chromium, site, f"zh-Hans/{REPORT}/full/")
    page.emulate_media(media="print")
    breaks = page.locator(".md-content h2").evaluate_all(
        "hs => hs.map(h => [getComputedStyle(h).breakBefore, getComputedStyle(h).breakAfter])"
    )
    assert breaks and all(before != "page" and after == "avoid" for before, after in breaks)
    pdf = page.pdf(format="A4")
    pages = len(re.findall(rb"/Type\s*/Page[^s]", pdf))
    # Every section on a page of its own took 12 A4 pages; flowing on, the text fills 9.
    assert pages <= 10, pages
    close(page)
