"""The reader's experience in a real browser (Debian's Chromium driven by Playwright): search in
Chinese finds the right section in both scripts, and the language switch stays on the page.

CI installs chromium (.ci/run); on a machine without it these tests are skipped, except in CI,
where a missing browser is a failure."""

from __future__ import annotations

import contextlib
import functools
import http.server
import json
import os
import shutil
import threading
from collections.abc import Iterator
from pathlib import Path

import pytest

from generator.build import build
from tests.conftest import copy_project

CHROMIUM = shutil.which("chromium") or "/usr/bin/chromium"
CHROMIUM_FLAGS = [
    "--no-sandbox",
    "--disable-gpu",
    "--disable-quic",
    "--no-first-run",
    "--disable-background-networking",
    "--disable-component-update",
    "--disable-sync",
]

if not Path(CHROMIUM).exists():
    if os.environ.get("CI"):
        pytest.fail("chromium is not installed; .ci/run installs it", pytrace=False)
    pytest.skip("chromium is not installed (apt-get install chromium)", allow_module_level=True)

playwright_sync = pytest.importorskip("playwright.sync_api")


class _Quiet(http.server.SimpleHTTPRequestHandler):
    def log_message(self, format: str, *args: object) -> None:
        pass


@pytest.fixture(scope="module")
def base_url(tmp_path_factory: pytest.TempPathFactory) -> Iterator[str]:
    """The site built for, and served at, a local address: the address a site is built for is
    where Material's language selector looks for sitemaps, so a site built for its production
    address would (rightly) fetch from there."""
    project = copy_project(tmp_path_factory.mktemp("served"))
    server = http.server.ThreadingHTTPServer(
        ("127.0.0.1", 0), functools.partial(_Quiet, directory=str(project.site))
    )
    url = f"http://127.0.0.1:{server.server_address[1]}/"
    previous = os.environ.get("REPORT_SITE_URL")
    os.environ["REPORT_SITE_URL"] = url
    try:
        build(project)
    finally:
        if previous is None:
            del os.environ["REPORT_SITE_URL"]
        else:
            os.environ["REPORT_SITE_URL"] = previous
    thread = threading.Thread(target=server.serve_forever, daemon=True)
    thread.start()
    yield url
    server.shutdown()


@pytest.fixture(scope="module")
def browser() -> Iterator[object]:
    with playwright_sync.sync_playwright() as playwright:
        browser = playwright.chromium.launch(executable_path=CHROMIUM, args=CHROMIUM_FLAGS)
        yield browser
        browser.close()


@pytest.fixture()
def page(browser: object, base_url: str) -> Iterator[object]:
    context = browser.new_context(locale="en-US")  # type: ignore[attr-defined]
    offsite: list[str] = []

    def guard(route: object) -> None:
        url = route.request.url  # type: ignore[attr-defined]
        if url.startswith(base_url):
            route.continue_()  # type: ignore[attr-defined]
        else:
            offsite.append(url)
            route.abort()  # type: ignore[attr-defined]

    context.route("**/*", guard)
    page = context.new_page()
    yield page
    context.close()
    assert offsite == [], f"requests left the site: {offsite}"


def search(page: object, query: str, expect: str) -> list[str]:
    """Type `query` into the search box and wait for a result whose link contains `expect`;
    return every result link (so a failure shows what was found instead)."""
    box = page.locator("input.md-search__input")  # type: ignore[attr-defined]
    box.click()
    box.fill(query)
    box.press("End")  # Material searches on key events
    results = page.locator("li.md-search-result__item a")  # type: ignore[attr-defined]
    wanted = page.locator(f'li.md-search-result__item a[href*="{expect}"]')  # type: ignore[attr-defined]
    with contextlib.suppress(playwright_sync.TimeoutError):
        wanted.first.wait_for(timeout=20000)
    return [results.nth(i).get_attribute("href") for i in range(results.count())]


@pytest.mark.parametrize(
    ("edition", "query"),
    [
        ("zh-Hans", "校外培训"),
        ("zh-Hant", "校外培訓"),
        # Across scripts: a Simplified query in the Traditional edition and the other way round.
        ("zh-Hant", "校外培训"),
        ("zh-Hans", "校外培訓"),
    ],
)
def test_chinese_search_finds_the_section_on_after_school_training(
    page: object, base_url: str, edition: str, query: str
) -> None:
    page.goto(f"{base_url}{edition}/")  # type: ignore[attr-defined]
    hrefs = search(page, query, "hangzhou-education-2020/06-")
    assert any("hangzhou-education-2020/06-" in href for href in hrefs), hrefs


def test_english_search_works_in_the_english_edition(page: object, base_url: str) -> None:
    page.goto(f"{base_url}en/")  # type: ignore[attr-defined]
    hrefs = search(page, "off-campus training", "hangzhou-education-2020/06-")
    assert any("hangzhou-education-2020/06-" in href for href in hrefs), hrefs


@pytest.mark.parametrize("target", ["zh-Hant", "en"])
def test_switcher_lands_on_the_same_page(page: object, base_url: str, target: str) -> None:
    path = "hangzhou-education-2020/06-ruiyigaige-chuangxin/"
    page.goto(f"{base_url}zh-Hans/{path}")  # type: ignore[attr-defined]
    page.locator(".md-header__option .md-select button").hover()  # type: ignore[attr-defined]
    page.locator(f'a.md-select__link[hreflang="{target}"]').click()  # type: ignore[attr-defined]
    page.wait_for_url(f"{base_url}{target}/{path}")  # type: ignore[attr-defined]
    assert page.locator("html").get_attribute("lang") == target  # type: ignore[attr-defined]


@pytest.mark.parametrize(
    ("locale", "edition"),
    [("zh-CN", "zh-Hans"), ("zh-TW", "zh-Hant"), ("zh-HK", "zh-Hant"), ("fr-FR", "en")],
)
def test_chooser_sends_visitors_to_their_browsers_edition(
    browser: object, base_url: str, locale: str, edition: str
) -> None:
    context = browser.new_context(locale=locale)  # type: ignore[attr-defined]
    page = context.new_page()
    page.goto(base_url)
    page.wait_for_url(f"{base_url}{edition}/")
    context.close()


ARTIFACTS = Path(__file__).resolve().parent / ".artifacts"


@pytest.mark.parametrize("edition", ["zh-Hans", "zh-Hant", "en"])
def test_a_360px_phone_never_scrolls_sideways(browser: object, base_url: str, edition: str) -> None:
    context = browser.new_context(viewport={"width": 360, "height": 740}, device_scale_factor=2)  # type: ignore[attr-defined]
    page = context.new_page()
    ARTIFACTS.mkdir(exist_ok=True)
    for path in (
        "",
        "hangzhou-education-2020/",
        "hangzhou-education-2020/06-ruiyigaige-chuangxin/",
        "hangzhou-education-2020/bilingual/06-ruiyigaige-chuangxin/",
        "hangzhou-education-2020/full/",
    ):
        page.goto(f"{base_url}{edition}/{path}")
        width = page.evaluate("document.documentElement.scrollWidth")
        assert width <= 360, f"{edition}/{path} is {width}px wide"
    page.goto(f"{base_url}{edition}/hangzhou-education-2020/06-ruiyigaige-chuangxin/")
    page.screenshot(path=str(ARTIFACTS / f"360px-{edition}.png"))
    context.close()


@pytest.mark.parametrize(("width", "side_by_side"), [(1280, True), (360, False)])
def test_bilingual_view_aligns_each_paragraph_with_its_english(
    browser: object, base_url: str, width: int, side_by_side: bool
) -> None:
    context = browser.new_context(viewport={"width": width, "height": 800})  # type: ignore[attr-defined]
    page = context.new_page()
    page.goto(f"{base_url}en/hangzhou-education-2020/bilingual/03-puxie-yuren-xinpian/")
    pairs = page.locator(".rs-pair")
    assert pairs.count() == 8  # four run-in headings, four paragraphs
    for i in range(pairs.count()):
        zh = pairs.nth(i).locator(".rs-zh").bounding_box()
        en = pairs.nth(i).locator(".rs-en").bounding_box()
        assert zh and en
        if side_by_side:
            assert abs(zh["y"] - en["y"]) < 2 and zh["x"] < en["x"]
        else:
            assert en["y"] >= zh["y"] + zh["height"] - 1
    assert pairs.nth(1).get_attribute("id") == "p-1"
    assert pairs.nth(1).locator(".rs-zh").get_attribute("lang") == "zh-Hans"
    assert pairs.nth(1).locator(".rs-en").get_attribute("lang") == "en"
    context.close()


def test_a_paragraph_link_works_in_every_edition(page: object, base_url: str) -> None:
    for edition in ("zh-Hans", "zh-Hant", "en"):
        page.goto(f"{base_url}{edition}/hangzhou-education-2020/06-ruiyigaige-chuangxin/#p-2")  # type: ignore[attr-defined]
        assert page.locator("#p-2").count() == 1  # type: ignore[attr-defined]
        top = page.evaluate("document.getElementById('p-2').getBoundingClientRect().top")  # type: ignore[attr-defined]
        assert page.evaluate("window.scrollY") > 0 and 0 <= top < 300, (edition, top)  # type: ignore[attr-defined]


@pytest.mark.parametrize("kind", ["csv", "json"])
def test_figures_downloads_from_the_figures_page(browser: object, base_url: str, kind: str) -> None:
    context = browser.new_context(accept_downloads=True)  # type: ignore[attr-defined]
    page = context.new_page()
    page.goto(f"{base_url}zh-Hant/hangzhou-education-2020/figures/")
    name = f"hangzhou-education-2020.zh-Hant.figures.{kind}"
    with page.expect_download() as info:
        page.locator(f'a[href="../{name}"]').click()
    download = info.value
    assert download.suggested_filename == name
    text = Path(download.path()).read_text(encoding="utf-8-sig")
    if kind == "json":
        assert json.loads(text)["count"] >= 80
    else:
        assert text.splitlines()[0].startswith("id,label,value,multiplier,value_base,unit")
    context.close()
