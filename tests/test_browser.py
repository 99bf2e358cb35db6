"""The reader's experience in a real browser (Debian's Chromium driven by Playwright): search in
Chinese finds the right section in both scripts, and the language switch stays on the page.

CI installs chromium (.ci/run); on a machine without it these tests are skipped, except in CI,
where a missing browser is a failure."""

from __future__ import annotations

import functools
import http.server
import json
import os
import re
import shutil
import threading
from collections.abc import Iterator
from pathlib import Path
from typing import Any
from urllib.parse import quote

import pytest
import yaml

from generator.importer.run import import_report
from generator.search.text import fold, joined, shard_of, stem
from generator.site import Project
from tests.conftest import SHARED_REPORTS, build_for, copy_project

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


def _served(project: Project) -> Iterator[str]:
    """The site built for, and served at, a local address: the address a site is built for is
    where Material's language selector looks for sitemaps, so a site built for its production
    address would (rightly) fetch from there."""
    server = http.server.ThreadingHTTPServer(
        ("127.0.0.1", 0), functools.partial(_Quiet, directory=str(project.site))
    )
    url = f"http://127.0.0.1:{server.server_address[1]}/"
    build_for(project, url)
    thread = threading.Thread(target=server.serve_forever, daemon=True)
    thread.start()
    yield url
    server.shutdown()


@pytest.fixture(scope="module")
def base_url(tmp_path_factory: pytest.TempPathFactory) -> Iterator[str]:
    yield from _served(copy_project(tmp_path_factory.mktemp("served")))


@pytest.fixture(scope="module")
def archive_url(tmp_path_factory: pytest.TempPathFactory) -> Iterator[str]:
    """A site of two reports of different years (the Hangzhou report and a statistical one)."""
    project = copy_project(tmp_path_factory.mktemp("archive"))
    import_report(SHARED_REPORTS / "wanzai-stats-2015.txt", project.content)
    yield from _served(project)


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


QUERIES = yaml.safe_load((Path(__file__).parent / "search_queries.yml").read_text("utf-8"))
HANGZHOU = "hangzhou-education-2020/"


def search(page: object, query: str) -> list[str]:
    """Type `query` into the header's search box as a reader does; the result links, in order
    (relative to the edition)."""
    box = page.locator("input.md-search__input")  # type: ignore[attr-defined]
    if not page.locator("#__search").is_checked():  # type: ignore[attr-defined]
        box.click()
    box.fill(query)
    # The answer is in when search.js has run this query (the status line says so).
    page.wait_for_function(  # type: ignore[attr-defined]
        "() => window.reportSiteSearch && window.reportSiteSearch.answered ==="
        " document.querySelector('input.md-search__input').value"
    )
    hrefs = page.locator(".md-search-result__list a")  # type: ignore[attr-defined]
    return [re.sub(r"^.*?/(zh-Hans|zh-Hant|en)/", "", h.get_attribute("href")) for h in hrefs.all()]


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
    hrefs = search(page, query)
    assert any("hangzhou-education-2020/06-" in href for href in hrefs), hrefs


def test_english_search_works_in_the_english_edition(page: object, base_url: str) -> None:
    page.goto(f"{base_url}en/")  # type: ignore[attr-defined]
    hrefs = search(page, "off-campus training")
    assert any("hangzhou-education-2020/06-" in href for href in hrefs), hrefs


HARD = [q for q in QUERIES if q.get("browser") and q["right"] is not None]


@pytest.mark.parametrize("case", HARD, ids=[f"{q['edition']}:{q['query']}" for q in HARD])
def test_the_hardest_queries_find_exactly_the_passages_that_hold_them(
    page: object, base_url: str, case: dict[str, Any]
) -> None:
    right = [p for p in case["right"] if p.startswith(HANGZHOU)]
    page.goto(f"{base_url}{case['edition']}/")  # type: ignore[attr-defined]
    found = search(page, case["query"])
    pages = [href.split("#")[0] for href in found]
    # Every result holds the query, every page that holds it is found, no view repeats one.
    assert set(pages) == set(right), found
    if right and case["edition"] != "en":
        # The whole term (or the whole phrase) is highlighted, never a part of it.
        marks = page.locator(".md-search-result__list mark").all_inner_texts()  # type: ignore[attr-defined]
        terms = case["query"].split()
        assert {fold(m) for m in marks} <= {fold(t) for t in [*terms, "".join(terms)]}, marks
    if case.get("elsewhere"):
        link = page.locator(".rs-search-elsewhere")  # type: ignore[attr-defined]
        target = f"{case['elsewhere']}/?q={quote(case['query'])}"
        assert link.get_attribute("href").endswith(target)


def test_a_passage_holding_the_whole_phrase_comes_before_one_holding_its_words_apart(
    page: object, base_url: str
) -> None:
    page.goto(f"{base_url}zh-Hans/")  # type: ignore[attr-defined]
    found = search(page, "中小学 教师")  # three passages say 中小学教师, one says both apart
    assert len(found) == 4, found
    items = page.locator(".md-search-result__list a")  # type: ignore[attr-defined]
    marks = [items.nth(i).locator("mark").all_inner_texts() for i in range(4)]
    # The phrase is highlighted whole in the three, the words one by one in the last.
    assert all("中小学教师" in m for m in marks[:3]), marks
    assert "中小学教师" not in marks[3] and {"中小学", "教师"} <= set(marks[3]), marks


BLIND = yaml.safe_load((Path(__file__).parent / "search_queries_blind.yml").read_text("utf-8"))
BLIND_HARD = [q for q in BLIND if q.get("browser")]
LOOSE = {  # the start of what the status line says when no passage holds the query as typed
    "zh-Hans": "没有段落含有完整的",
    "zh-Hant": "沒有段落含有完整的",
    "en": "No passage holds",
}


@pytest.mark.parametrize(
    "case", BLIND_HARD, ids=[f"{q['edition']}:{q['query']}" for q in BLIND_HARD]
)
def test_blind_queries_as_readers_type_them_are_answered_first_by_a_right_passage(
    page: object, base_url: str, case: dict[str, Any]
) -> None:
    """The blind set's hardest queries (written without reading the engine): names typed short,
    questions not worded as the text, Taiwan's words, British spellings, hyphens, numbers."""
    right = [p for p in case["right"] if p.startswith(HANGZHOU)]
    page.goto(f"{base_url}{case['edition']}/")  # type: ignore[attr-defined]
    found = [href.split("#")[0] for href in search(page, case["query"])]
    assert found and found[0] in right, found
    status = page.locator(".md-search-result__meta").inner_text()  # type: ignore[attr-defined]
    marks = page.locator(".md-search-result__list mark").all_inner_texts()  # type: ignore[attr-defined]
    if status.startswith(LOOSE[case["edition"]]):
        # Said plainly, and what is marked is the query's own words, never other text.
        assert case["query"] in status
        typed = fold(case["query"])
        assert marks and all(fold(m) in typed or fold(m) in typed.replace("-", "") for m in marks)


@pytest.mark.parametrize(
    ("edition", "query", "loose"),
    [
        ("zh-Hans", "疫情期间停课不停学怎么做", True),
        ("zh-Hans", "停课不停学", False),
        ("zh-Hant", "網路學習空間", False),  # Taiwan's word for the text's 網絡: an exact match
        ("en", "teacher recruitment", False),  # recruited: the same stem
        ("en", "recruitment of civil servants", True),
    ],
)
def test_a_query_the_text_does_not_hold_as_typed_is_said_so(
    page: object, base_url: str, edition: str, query: str, loose: bool
) -> None:
    page.goto(f"{base_url}{edition}/")  # type: ignore[attr-defined]
    assert search(page, query)
    status = page.locator(".md-search-result__meta").inner_text()  # type: ignore[attr-defined]
    assert status.startswith(LOOSE[edition]) is loose, status


@pytest.mark.parametrize("edition", ["zh-Hans", "en"])
def test_a_query_sharing_only_a_stray_word_with_the_text_finds_nothing(
    page: object, base_url: str, edition: str
) -> None:
    # Half a query's words are not enough: 北京 and 天安门 are nowhere, 爱 alone is no answer.
    page.goto(f"{base_url}{edition}/")  # type: ignore[attr-defined]
    query = "我爱北京天安门" if edition == "zh-Hans" else "zebra giraffe education"
    assert search(page, query) == []


HOSTILE = sorted({q["query"] for q in QUERIES if q["kind"] == "hostile"})


@pytest.mark.parametrize("edition", ["zh-Hans", "zh-Hant", "en"])
def test_hostile_queries_get_a_clean_answer_shown_as_text(
    page: object, base_url: str, edition: str
) -> None:
    errors: list[str] = []
    page.on("pageerror", lambda error: errors.append(str(error)))  # type: ignore[attr-defined]
    page.goto(f"{base_url}{edition}/")  # type: ignore[attr-defined]
    for query in HOSTILE:
        search(page, query)
        results = page.locator(".md-search-result")  # type: ignore[attr-defined]
        assert results.locator("script, img, iframe").count() == 0
        assert results.locator(".md-search-result__meta").inner_text()
    assert errors == []


def test_a_chinese_query_in_the_english_edition_leads_to_the_chinese_search(
    page: object, base_url: str
) -> None:
    page.goto(f"{base_url}en/")  # type: ignore[attr-defined]
    assert search(page, "民办学校") == []
    page.locator(".rs-search-elsewhere").focus()  # type: ignore[attr-defined]
    page.keyboard.press("Enter")  # type: ignore[attr-defined]
    page.wait_for_url(re.compile(r"/zh-Hans/\?q="), wait_until="commit")  # type: ignore[attr-defined]
    wanted = page.locator(f'.md-search-result__list a[href*="{HANGZHOU}06-"]')  # type: ignore[attr-defined]
    wanted.first.wait_for(timeout=20000)
    assert page.locator("input.md-search__input").input_value() == "民办学校"  # type: ignore[attr-defined]


def test_a_query_typed_while_the_index_loads_is_answered_once(page: object, base_url: str) -> None:
    """The index arrives while search waits for the reader to stop typing: the query is run
    once, not built again under a reader who has already moved into the results."""
    held: list[object] = []

    def hold(route: object) -> None:
        held.append(route)

    page.route("**/search/index.json", hold)  # type: ignore[attr-defined]
    page.goto(f"{base_url}en/")  # type: ignore[attr-defined]
    page.locator("input.md-search__input").click()  # type: ignore[attr-defined]
    for _ in range(400):  # until search.js has asked for the index, and the request is held
        if held:
            break
        page.wait_for_timeout(25)  # type: ignore[attr-defined]
    assert len(held) == 1
    page.evaluate(  # type: ignore[attr-defined]
        """() => { window.builtLinks = 0; new MutationObserver(changes => changes.forEach(c =>
             c.addedNodes.forEach(n => { if (n.classList &&
               n.classList.contains('rs-search-elsewhere')) window.builtLinks++; })))
           .observe(document.querySelector('.md-search'), {childList: true, subtree: true}); }"""
    )
    page.locator("input.md-search__input").fill("民办学校")  # type: ignore[attr-defined]
    held[0].continue_()  # type: ignore[attr-defined]
    page.wait_for_function(  # type: ignore[attr-defined]
        "() => window.reportSiteSearch.answered === '民办学校'"
    )
    page.wait_for_timeout(300)  # type: ignore[attr-defined]  # (longer than typing's pause)
    assert page.evaluate("() => window.builtLinks") == 1  # type: ignore[attr-defined]


def test_opening_a_page_loads_nothing_for_search(page: object, base_url: str) -> None:
    requests: list[str] = []
    page.on("request", lambda r: requests.append(r.url))  # type: ignore[attr-defined]
    page.goto(f"{base_url}zh-Hans/{HANGZHOU}06-ruiyigaige-chuangxin/")  # type: ignore[attr-defined]
    page.wait_for_load_state("networkidle")  # type: ignore[attr-defined]
    assert [u for u in requests if "/search" in u] == []
    search(page, "校外培训")
    assert any(u.endswith("/search/index.json") for u in requests)


def test_search_by_keyboard_and_screen_reader(page: object, base_url: str) -> None:
    page.goto(f"{base_url}zh-Hant/{HANGZHOU}")  # type: ignore[attr-defined]
    box = page.locator("input.md-search__input")  # type: ignore[attr-defined]
    page.keyboard.press("/")  # type: ignore[attr-defined]
    assert box.evaluate("b => b === document.activeElement")
    assert page.locator("#__search").is_checked()  # type: ignore[attr-defined]
    page.keyboard.type("西湖大學")  # type: ignore[attr-defined]
    # search.js loads on the first focus: until it has, there is no answer to wait for.
    answered = "() => window.reportSiteSearch && window.reportSiteSearch.answered === '西湖大學'"
    page.wait_for_function(answered)  # type: ignore[attr-defined]
    link = page.locator(".md-search-result__list a").first  # type: ignore[attr-defined]
    page.keyboard.press("ArrowDown")  # type: ignore[attr-defined]
    assert link.evaluate("a => a === document.activeElement")
    page.keyboard.press("ArrowUp")  # type: ignore[attr-defined]
    assert box.evaluate("b => b === document.activeElement")
    page.keyboard.press("Escape")  # type: ignore[attr-defined]
    assert not page.locator("#__search").is_checked()  # type: ignore[attr-defined]
    page.keyboard.press("s")  # type: ignore[attr-defined]
    assert box.evaluate("b => b === document.activeElement")
    page.keyboard.press("Enter")  # type: ignore[attr-defined]
    page.wait_for_url(re.compile(r"08-zhuzhong-fuwudaju/#p-1$"))  # type: ignore[attr-defined]
    # Screen readers: the box is a named combobox; the count is a status message.
    assert box.get_attribute("role") == "combobox" and box.get_attribute("aria-label") == "搜尋"
    status = page.locator(".md-search-result__meta")  # type: ignore[attr-defined]
    assert status.get_attribute("role") == "status"


@pytest.mark.parametrize("scheme", ["light", "dark"])
def test_search_on_a_phone_fits_the_screen_in_either_scheme(
    browser: object, base_url: str, scheme: str
) -> None:
    context = browser.new_context(  # type: ignore[attr-defined]
        viewport={"width": 360, "height": 740}, device_scale_factor=2, color_scheme=scheme
    )
    page = context.new_page()
    page.goto(f"{base_url}zh-Hans/{HANGZHOU}")
    page.locator('label.md-header__button[for="__search"]').click()
    assert search(page, "校外培训")
    page.wait_for_timeout(600)  # Material's overlay grows from the button for 0.4 s
    assert page.evaluate("document.documentElement.scrollWidth") <= 360
    box = page.locator(".md-search-result__list a").first.bounding_box()
    assert box and box["x"] >= 0 and box["x"] + box["width"] <= 360
    ARTIFACTS.mkdir(exist_ok=True)
    page.screenshot(path=str(ARTIFACTS / f"search-360px-{scheme}.png"))
    context.close()


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


def test_in_an_archive_results_can_be_narrowed_to_a_year_or_a_report(
    browser: object, archive_url: str
) -> None:
    context = browser.new_context(locale="en-US")  # type: ignore[attr-defined]
    page = context.new_page()
    page.goto(f"{archive_url}zh-Hans/")
    both = search(page, "发展")
    where = page.locator(".rs-search-where").all_inner_texts()
    assert {"2015", "2020"} <= {w.split(" · ")[1] for w in where}, both
    page.locator(".rs-search-filters select[name=year]").select_option("2015")
    page.wait_for_function(
        "() => window.reportSiteSearch && window.reportSiteSearch.answered === '发展'"
    )
    page.wait_for_timeout(300)
    where = page.locator(".rs-search-where").all_inner_texts()
    assert where and all(w.split(" · ")[1] == "2015" for w in where), where
    reports = page.locator(".rs-search-filters select[name=report] option").all_inner_texts()
    assert reports[0] == "全部报告" and len(reports) == 2  # only 2015's report is offered
    context.close()


def test_the_browser_reads_text_as_the_index_does(page: object, base_url: str) -> None:
    """search.js mirrors generator/search/text.py: fold, stem and shard must agree, or a query
    looks for tokens the index never wrote."""
    page.goto(f"{base_url}zh-Hant/")  # type: ignore[attr-defined]
    search(page, "學校")
    words = ["schools", "training", "cities", "services", "running", "reformed", "passes", "is"]
    words += ["enrolment", "enrollment", "labour", "centres", "programmes", "organisations"]
    words += ["computerised", "recruitment", "teachers", "conditioners", "honour", "four"]
    # (The index ships the fold of characters that fold into its text: these all do.)
    text = "為爲發後ＡＢＣ１２３㎡İ校外培訓學"
    compounds = ["well-being", "co-operation", "covid-19", "78,900", "1,234,567"]
    got = page.evaluate(  # type: ignore[attr-defined]
        "([words, text, compounds]) => { const s = window.reportSiteSearch; return {"
        " stems: words.map(s.stem), fold: s.fold(text), joined: compounds.map(s.joined),"
        " shards: [...words, '校外', '培', '2020'].map(w => s.shardOf(w, 7)) }; }",
        [words, text, compounds],
    )
    assert got["stems"] == [stem(w) for w in words]
    assert got["fold"] == fold(text)
    assert got["joined"] == [joined(c) for c in compounds]
    assert got["shards"] == [shard_of(w, 7) for w in [*words, "校外", "培", "2020"]]
