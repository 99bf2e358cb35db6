"""What report.yml says about a report, read from its text: publisher, year, subtitle, speaker,
date of publication, address.

The publisher (`organisation`), in order of trust: what the editor gives (`--organisation`), a
disclosure record's `发布机构`, a signature line at the end (`（万载县统计局）`), the speaker of a
government work report (`广东省省长 孟凡利` → 广东省人民政府; `省长 罗东川` with the region from
the subtitle, `在青海省第十四届人民代表大会…`), the region of a government work report's title
(`2026年浙江省政府工作报告`, `陕西省2026年政府工作报告` → …人民政府), the words before the year in
the title (`杭州市教育局2020年工作总结`).

The year: `--year`, else the first `NNNN年` of the title, else of the subtitle (the year a
government work report is delivered in is the one it is named after), else the year of the
page's date. Nothing else is guessed: what cannot be read is asked for (see `run`).
"""

from __future__ import annotations

import re
from dataclasses import dataclass

from generator.content.report_file import FIRST_YEAR, LAST_YEAR
from generator.importer.document import Block, Found, Outline, Paragraph

_SIGNATURE = re.compile(
    r"^[（(](\S{2,30}(?:局|委员会|委|政府|办公室|办公厅|厅|部|院|中心|协会|公司|署))[）)]$"
)
_REGION = r"\S{1,14}?(?:自治区|自治州|自治县|特别行政区|省|市|县|区|州|旗|盟)"
_SPEAKER_REGION = re.compile(
    rf"^({_REGION})(?:人民政府)?代?(?:省长|市长|县长|区长|州长|盟长|旗长|主席)[\s\u3000]"
)
_GENERIC = re.compile(r"^(?:自治区|省|市|县|区|州|旗|盟)$")
_GOVERNMENT_REPORT = re.compile(r"政府工作报告")
_YEAR_FIRST = re.compile(rf"^\d{{4}}年({_REGION})(?:人民)?政府工作报告")
_TITLE_PREFIX = re.compile(r"^(.+?)(\d{4})年")
_CONGRESS = re.compile(rf"在({_REGION})第[一二三四五六七八九十]+届人民代表大会")
_YEAR = re.compile(r"(\d{4})年")
_PLAIN = re.compile(r"^[\u4e00-\u9fff（）()]{2,30}$")


@dataclass(frozen=True)
class Metadata:
    """report.yml's fields as read (None: not found), each with the line it came from."""

    organisation: Found | None
    year: Found | None
    subtitle: Found | None = None
    speaker: Found | None = None
    published: Found | None = None
    url: Found | None = None


def read_metadata(outline: Outline, title: Found) -> Metadata:
    """The fields of `outline`'s report, whose title (a line of it, a disclosure record's
    `文件名称`, or the file name) is `title`."""
    fields = outline.fields
    subtitle = fields.get("subtitle")
    published = fields.get("published")
    return Metadata(
        organisation=_organisation(outline, title),
        year=_year(title, subtitle, published),
        subtitle=subtitle,
        speaker=fields.get("speaker"),
        published=published,
        url=fields.get("url"),
    )


def _organisation(outline: Outline, title: Found) -> Found | None:
    fields = outline.fields
    if "organisation" in fields:
        return fields["organisation"]
    signature = _last_paragraph(outline)
    if signature and (match := _SIGNATURE.match(signature.value)):
        return Found(match.group(1), signature.line)
    government = bool(_GOVERNMENT_REPORT.search(title.value))
    speaker = fields.get("speaker")
    if speaker and (match := _SPEAKER_REGION.match(speaker.value)):
        region = match.group(1)
        if not _GENERIC.match(region):
            return Found(f"{region}人民政府", speaker.line)
        government = True
    if government:
        region = _title_region(title.value)
        if region:
            return Found(f"{region}人民政府", title.line, title.how)
        subtitle = fields.get("subtitle")
        congress = _CONGRESS.search(subtitle.value) if subtitle else None
        if subtitle and congress:
            return Found(f"{congress.group(1)}人民政府", subtitle.line)
    prefix = _TITLE_PREFIX.match(title.value)
    if prefix and _PLAIN.match(prefix.group(1)):
        return Found(prefix.group(1), title.line, title.how)
    return None


def _title_region(title: str) -> str:
    """`2026年浙江省政府工作报告` → 浙江省, `陕西省2026年政府工作报告` → 陕西省; "" if none."""
    year_first = _YEAR_FIRST.match(title)
    if year_first:
        return year_first.group(1)
    prefix = _TITLE_PREFIX.match(title)
    if prefix and re.fullmatch(_REGION, prefix.group(1)):
        return prefix.group(1)
    return ""


def _year(title: Found, subtitle: Found | None, published: Found | None) -> Found | None:
    for found in (title, subtitle, published):
        if found is None:
            continue
        match = _YEAR.search(found.value) or re.match(r"(\d{4})-", found.value)
        if match and FIRST_YEAR <= int(match.group(1)) <= LAST_YEAR:
            return Found(match.group(1), found.line, found.how)
    return None


def _last_paragraph(outline: Outline) -> Found | None:
    blocks: list[Block] = outline.headings[-1].body if outline.headings else outline.preamble
    paragraphs = [b for b in blocks if isinstance(b, Paragraph)]
    if not paragraphs:
        return None
    return Found(paragraphs[-1].text, paragraphs[-1].line.number)
