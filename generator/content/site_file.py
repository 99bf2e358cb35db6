"""content/site.yml: the site's address and name, how the Traditional edition is made, and the
translation engine `translate` uses by default.

    site_url: https://example.org/reports/
    site_name: {zh-Hans: 工作报告, zh-Hant: 工作報告, en: Reports}
    zh-Hant: {opencc: s2tw, keep: {杭州高级中学: 杭州高級中學}, quotes: 「」}
    translate: {engine: openai-compatible, base_url: http://127.0.0.1:11434/v1, model: qwen2.5}
    operator: {zh-Hans: …, en: …, url: https://…}      # who runs the site (notice.py)
    licence: {zh-Hans: …, en: …, url: https://…}       # terms of reuse (notice.py)

A new setting is one line in SITE (or in a section's schema) and a field of SiteConfig.
"""

from __future__ import annotations

import difflib
import os
from dataclasses import replace
from pathlib import Path

import opencc
import yaml

from generator.content.folders import SITE_FILE
from generator.content.notice import notice
from generator.content.schema import (
    Key,
    Schema,
    dotted,
    mapping_of,
    read_pairs,
    required_text,
    text,
)
from generator.content.yaml_file import Invalid, Reader, read_yaml, written
from generator.edition_list import CODES, HANT
from generator.errors import Located, Problems
from generator.model import HantConfig, SiteConfig, TranslateSettings

SITE_URL_ENV = "REPORT_SITE_URL"
SITE_URL_EXAMPLE = "for example https://example.org/reports/"
# OpenCC's configurations from Simplified to Traditional, the only ones the zh-Hant edition
# can be made with.
OPENCC_CONFIGS = tuple(sorted(name[:-5] for name in opencc.CONFIGS if name.startswith("s2")))
KEY_ENVS = "OPENAI_API_KEY, DEEPL_AUTH_KEY or LIBRETRANSLATE_API_KEY"
ENGLISH_VARIANTS = ("EN-GB", "EN-US")
# The quotation marks of the Traditional edition: Taiwan's and Hong Kong's corner brackets (the
# default), or the Simplified text's curly quotes, kept.
QUOTE_STYLES = {"「」": "Taiwan and Hong Kong usage, the default", "“”": "as the Simplified text"}


def site_url(reader: Reader, node: yaml.Node, path: str) -> str:
    value = text(reader, node, path)
    if not value.startswith(("http://", "https://")):
        raise Invalid(
            f"{path} must be the absolute address the site is published at", SITE_URL_EXAMPLE
        )
    return value


def opencc_config(reader: Reader, node: yaml.Node, path: str) -> str:
    value = text(reader, node, path) or HantConfig.opencc
    if value not in OPENCC_CONFIGS:
        close = difflib.get_close_matches(value, OPENCC_CONFIGS, n=1)
        suggestion = f" (did you mean {close[0]}?)" if close else ""
        choices = ", ".join(
            f"{name} (the default)" if name == HantConfig.opencc else name
            for name in OPENCC_CONFIGS
        )
        raise Invalid(
            f"{path}: OpenCC configuration {value!r} is unknown{suggestion}", f"use {choices}"
        )
    return value


KEEP = "write one `简体: 繁體` pair per line"
term_table = mapping_of(
    required_text(KEEP),
    required_text("write the term's Traditional form after it: `简体: 繁體`"),
    KEEP,
    must="map Simplified terms to their Traditional form",
)


def protected_terms(reader: Reader, node: yaml.Node, path: str) -> tuple[tuple[str, str], ...]:
    """`简体: 繁體` pairs, sorted."""
    return tuple(sorted(term_table(reader, node, path)))


def translate_section(reader: Reader, node: yaml.Node, path: str) -> TranslateSettings:
    """The engine settings; a key or token written here is refused (the file is committed)."""
    if not isinstance(node, yaml.MappingNode):
        raise Invalid(
            f"{path} must be a mapping",
            "write `engine:`, `base_url:` and `model:` indented below `translate:`",
        )
    kept = []
    for key_node, value_node in node.value:
        name = str(written(key_node) or "")
        if "key" in name.lower() or "token" in name.lower():
            # Not shown with its line: that would print the secret into a CI log.
            reader.problems.add(
                reader.file.loc(key_node),
                f"{dotted(path, name)}: keys are never read from files",
                f"remove it and set the environment variable ({KEY_ENVS}) instead",
            )
        else:
            kept.append((key_node, value_node))
    values, _ = read_pairs(reader, node, path, TRANSLATE, kept)
    return TranslateSettings(reader.file.loc(node), **values)


def located_text(reader: Reader, node: yaml.Node, path: str) -> Located[str] | None:
    value = text(reader, node, path)
    return Located(value, reader.file.loc(node), reader.file.line_of(node)) if value else None


def optional(reader: Reader, node: yaml.Node, path: str) -> str | None:
    return text(reader, node, path) or None


def english_variant(reader: Reader, node: yaml.Node, path: str) -> str | None:
    value = optional(reader, node, path)
    if value is not None and value not in ENGLISH_VARIANTS:
        raise Invalid(
            f"{path} must be {' or '.join(ENGLISH_VARIANTS)}, not {value!r}",
            "EN-GB for British spelling (the default), EN-US for American",
        )
    return value


def quote_style(reader: Reader, node: yaml.Node, path: str) -> str:
    value = text(reader, node, path) or HantConfig.quotes
    if value not in QUOTE_STYLES:
        choices = "; ".join(f"{style} ({what})" for style, what in QUOTE_STYLES.items())
        raise Invalid(f"{path} must be 「」 or “”, not {value!r}", f"use {choices}")
    return value


TRANSLATE = {
    "engine": Key(located_text),
    "base_url": Key(optional),
    "model": Key(optional),
    "english_variant": Key(english_variant),
}
HANT_SCHEMA = Schema(
    HantConfig,
    {
        "opencc": Key(opencc_config),
        "keep": Key(protected_terms, attr="protected_terms"),
        "quotes": Key(quote_style),
    },
    "write `opencc:`, `keep:` and `quotes:` indented below it",
)
SITE_NAMES: Schema[dict[str, str]] = Schema(
    dict,
    {code: Key(text) for code in CODES},
    f"write the name of each edition on a line of its own: `{CODES[0]}: …`",
)
SITE = Schema(
    SiteConfig,
    {
        "site_url": Key(site_url),
        "site_name": Key(SITE_NAMES),
        HANT.code: Key(HANT_SCHEMA, attr="hant"),
        "translate": Key(translate_section),
        "operator": Key(notice),
        "licence": Key(notice),
    },
)


def read_site_config(root: Path) -> SiteConfig:
    """site.yml alone, for a command that needs no report; a problem with it stops the run."""
    problems = Problems()
    config = load_site_config(root, problems)
    problems.raise_if_any()
    return config


def load_site_config(root: Path, problems: Problems) -> SiteConfig:
    """site.yml, checked; the address from the environment (REPORT_SITE_URL) when set."""
    file = read_yaml(root / SITE_FILE, root, problems)
    if file is None:
        return SiteConfig("")
    reader = Reader(file, problems)
    config = SITE.read_document(reader) or SiteConfig("")
    url = os.environ.get(SITE_URL_ENV) or config.site_url
    keys = (
        [written(key) for key, _ in file.root.value]
        if isinstance(file.root, yaml.MappingNode)
        else []
    )
    if keys and not url and "site_url" not in keys:
        reader.missing("site_url is missing", f"add `site_url: …`, {SITE_URL_EXAMPLE}")
    if url and not url.endswith("/"):
        url += "/"
    names = {code: name for code, name in config.site_name.items() if name}
    return replace(config, site_url=url, site_name=names)
