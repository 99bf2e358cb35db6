"""What report.yml says about a report, guessed from its text: organisation and year.

Guesses, in order of trust: a signature line at the end (`（万载县统计局）`), the speaker of a
government work report (`广东省省长 孟凡利` → 广东省人民政府), the words before the year in the
title (`杭州市教育局2020年工作总结`), a government work report's title
(`2026年浙江省政府工作报告` → 浙江省人民政府). The year is the first `NNNN年` of the title, or
else of the title block and preamble. Editors correct report.yml if a guess is wrong.
"""

from __future__ import annotations

import re

from generator.importer.document import Block, Outline, Paragraph

_SIGNATURE = re.compile(
    r"^[（(](\S{2,30}(?:局|委员会|委|政府|办公室|办公厅|厅|部|院|中心|协会|公司|署))[）)]$"
)
_SPEAKER = re.compile(r"^(\S{2,20}?[省市县区州])(?:省长|市长|县长|区长|州长)\s+\S{2,5}$")
_TITLE_PREFIX = re.compile(r"^(.+?)(\d{4})年")
_GOVERNMENT_TITLE = re.compile(r"^\d{4}年(\S{2,20}?[省市县区州])(?:人民)?政府工作报告$")
_YEAR = re.compile(r"(\d{4})年")


def guess_metadata(outline: Outline, title: str) -> tuple[str, int]:
    """(organisation, year) of the report; "" and 0 for what cannot be told."""
    prefix = _TITLE_PREFIX.match(title)
    organisation = prefix.group(1) if prefix else ""
    first_year = _YEAR.search(title) or _YEAR.search("\n".join(_texts(outline.preamble)))
    year = int(first_year.group(1)) if first_year else 0
    last = _last_paragraph(outline)
    signature = _SIGNATURE.match(last) if last else None
    speaker = next(
        (m for m in (_SPEAKER.match(t) for t in _texts(outline.preamble)) if m is not None), None
    )
    government = _GOVERNMENT_TITLE.match(title)
    if signature:
        organisation = signature.group(1)
    elif speaker:
        organisation = f"{speaker.group(1)}人民政府"
    elif not organisation and government:
        organisation = f"{government.group(1)}人民政府"
    return organisation, year


def _texts(blocks: list[Block]) -> list[str]:
    return [b.text for b in blocks if isinstance(b, Paragraph)]


def _last_paragraph(outline: Outline) -> str:
    blocks = outline.headings[-1].body if outline.headings else outline.preamble
    texts = _texts(blocks)
    return texts[-1] if texts else ""
