"""What a build worker changes in MkDocs to build one part after another (generator/parts/
in_process.py) and what templates make once per configuration (generator/template_memo.py)
change nothing on a page. (tests/test_parts.py builds the same pages whole and in parts.)"""

from __future__ import annotations

from pathlib import Path

import jinja2
import markdown
import mkdocs.structure.pages
import mkdocs.utils
import pytest
from hypothesis import given, settings
from hypothesis import strategies as st
from mkdocs.structure.files import Files

from generator import template_memo
from generator.parts import in_process
from generator.raw_html import CLOSE, OPEN

ROOT = Path(__file__).resolve().parent.parent
MATERIAL = Path(mkdocs.utils.get_theme_dir("material"))

EXTENSIONS = [
    "admonition",
    "attr_list",
    "md_in_html",
    "tables",
    "toc",
    "generator.raw_html",
    "pymdownx.escapeall",
]
CONFIGS = {"toc": {"permalink": True}, "pymdownx.escapeall": {"hardbreak": False}}

# Pieces of pages whose conversion leaves state in a converter: headings (their ids must not
# be taken as used on the next page), raw and fenced HTML (the stash), reference links,
# abbreviations of ids (attr_list), admonitions.
PIECES = [
    "# 标题",
    "## 小节 { #h-1 }",
    "## 小节",
    "正文*强调*。",
    '<div class="rs-views" markdown>\n[全文](full.md)\n</div>',
    f'{OPEN}\n<p id="p-1">甲。</p>\n{CLOSE}',
    "[引用][a]\n\n[a]: https://example.org/",
    '!!! note "注"\n    乙。',
    "| 甲 | 乙 |\n|---|---|\n| 1 | 2 |",
    "<div>raw</div>",
]
pages = st.lists(st.sampled_from(PIECES), min_size=1, max_size=6).map("\n\n".join)


def fresh(text: str) -> tuple[str, list[object]]:
    md = markdown.Markdown(extensions=EXTENSIONS, extension_configs=CONFIGS)
    return md.convert(text), md.toc_tokens


@settings(max_examples=60, deadline=None)
@given(st.lists(pages, min_size=2, max_size=5))
def test_a_reused_converter_converts_each_page_as_a_new_one_would(texts: list[str]) -> None:
    converters = in_process._Converters(markdown)
    made = set()
    for text in texts:
        md = converters.Markdown(extensions=EXTENSIONS, extension_configs=CONFIGS)
        made.add(id(md))
        assert (md.convert(text), md.toc_tokens) == fresh(text)
    assert len(made) == 1


def test_another_configuration_gets_a_converter_of_its_own() -> None:
    converters = in_process._Converters(markdown)
    one = converters.Markdown(extensions=EXTENSIONS, extension_configs=CONFIGS)
    other = converters.Markdown(extensions=list(EXTENSIONS), extension_configs=CONFIGS)
    assert one is not other
    assert other.convert("# 甲") == fresh("# 甲")[0]


def test_a_mkdocs_without_what_a_worker_changes_is_named(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.delattr(Files, "add_files_from_theme")
    with pytest.raises(RuntimeError, match=r"Files\.add_files_from_theme .*in_process\.py"):
        in_process.prepare_mkdocs()


def test_prepared_mkdocs_reads_the_themes_once_and_keeps_converters(
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    # (Put back after the test: this process builds other sites the way MkDocs does.)
    monkeypatch.setattr(Files, "add_files_from_theme", Files.add_files_from_theme)
    monkeypatch.setattr(mkdocs.structure.pages, "markdown", markdown)
    monkeypatch.setattr(mkdocs.utils, "get_themes", mkdocs.utils.get_themes)
    in_process.prepare_mkdocs()
    in_process.prepare_mkdocs()  # twice: the same as once
    converters = mkdocs.structure.pages.markdown  # type: ignore[attr-defined]
    assert isinstance(converters, in_process._Converters)
    assert converters._module is markdown
    themes = mkdocs.utils.get_themes()
    mkdocs.utils.get_themes.cache_clear()  # what MkDocs calls for each configuration
    assert mkdocs.utils.get_themes() is themes
    assert "material" in mkdocs.utils.get_theme_names()


def material_keys(language: str) -> list[str]:
    text = (MATERIAL / "partials" / "languages" / f"{language}.html").read_text("utf-8")
    return [line.split('"')[1] for line in text.splitlines() if line.startswith('  "')]


@pytest.mark.parametrize("language", ["en", "zh", "zh-Hans", "zh-Hant", "zh-TW"])
def test_each_interface_word_is_the_one_material_looks_up(language: str) -> None:
    """overrides/partials/language.html against Material's own, with the site's own word lists
    (overrides/partials/languages/), for every word Material has (and a word it has not)."""
    words = {
        f"partials/languages/{path.name}": path.read_text(encoding="utf-8")
        for path in (ROOT / "overrides" / "partials" / "languages").glob("*.html")
    }
    material = jinja2.FileSystemLoader([str(MATERIAL)])
    ours = jinja2.Environment(
        loader=jinja2.FileSystemLoader([str(ROOT / "overrides"), str(MATERIAL)])
    )
    materials = jinja2.Environment(loader=jinja2.ChoiceLoader([jinja2.DictLoader(words), material]))
    keys = [*material_keys("en"), "no.such.word"]
    page = "".join(f'{{{{ lang.t("{key}") }}}}\n' for key in keys)
    source = '{% import "partials/language.html" as lang with context %}' + page
    config = {"theme": {"language": language}}
    template_memo.forget()
    for _ in range(2):  # looked up, then kept
        expected = materials.from_string(source).render(config=config)
        assert ours.from_string(source).render(config=config, **template_memo.GLOBALS) == expected
    template_memo.forget()


def test_a_fragment_is_made_once_per_key_until_the_configuration_is_read_again() -> None:
    env = jinja2.Environment()
    template = env.from_string('{% call rs_fragment("f", base) %}{{ made() }}{% endcall %}')
    count = iter(range(100))

    def made() -> int:
        return next(count)

    def render(base: str) -> str:
        return template.render(base=base, made=made, **template_memo.GLOBALS)

    template_memo.forget()
    assert [render(".."), render(".."), render("../.."), render("..")] == ["0", "0", "1", "0"]
    template_memo.forget()
    assert render("..") == "2"
    template_memo.forget()
