"""Words an editor writes once for every edition: the terms on which the texts and data may be
reused (`licence:` in site.yml, or in a report.yml for that report alone) and who runs the site
(`operator:`). Either one line, the same in every edition (a name, or an address), or a text per
edition with an address to read more at:

    operator: report-site
    licence:
      zh-Hans: 报告原文版权归发布单位所有；本站的转换、译文和数据按 CC BY 4.0 提供。
      en: The report's text belongs to its publisher; this site's conversion, … under CC BY 4.0.
      url: https://creativecommons.org/licenses/by/4.0/

The Traditional edition may have its own text (`zh-Hant:`); without one it gets the Simplified
text converted.
"""

from __future__ import annotations

import yaml

from generator.content.schema import Key, dotted, read_pairs, text, web_address
from generator.content.yaml_file import Invalid, Reader
from generator.edition_list import CODES, HANT, SOURCE
from generator.model import Notice

EXAMPLE = (
    "write one line (a name, or an address starting with https://), or one text per edition "
    f"indented below it ({', '.join(CODES)}) and `url:`"
)
KEYS = {**{code: Key(text) for code in CODES}, "url": Key(web_address)}


def notice(reader: Reader, node: yaml.Node, path: str) -> Notice | None:
    """The notice, or None for an empty value."""
    if isinstance(node, yaml.ScalarNode):
        value = text(reader, node, path)
        if not value:
            return None
        if value.startswith(("http://", "https://")):
            return Notice(url=web_address(reader, node, path) or "")
        return Notice(tuple((code, value) for code in CODES))
    if not isinstance(node, yaml.MappingNode):
        raise Invalid(f"{path} must be text or a mapping, not a list", EXAMPLE)
    values, _ = read_pairs(reader, node, path, KEYS)
    texts = tuple((code, values[code]) for code in CODES if values.get(code))
    url = values.get("url") or ""
    codes = dict(texts)
    if not texts and not url:
        raise Invalid(f"{path} has neither a text nor an address", EXAMPLE)
    lacking = [code for code in CODES if code != HANT.code and code not in codes]
    if texts and lacking:
        # The Traditional text can be converted from the Simplified; no other can be made up.
        reader.error(
            node,
            f"{dotted(path, lacking[0])} is missing",
            f"write the text of every edition: {', '.join(c for c in CODES if c != HANT.code)}"
            f" ({HANT.code} is converted from {SOURCE.code} when it is not given)",
        )
    return Notice(texts, url)
