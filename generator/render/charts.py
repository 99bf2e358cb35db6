"""Bar charts as inline SVG: no script, readable without CSS, with a text alternative.

Each chart is a `<figure>` whose SVG has role="img", a <title> and a <desc> that states every
bar's label and value, so a screen reader (or a reader with images off) gets the same facts.
Colours come from the theme (currentColor and Material's primary colour), so dark mode works.
"""

from __future__ import annotations

from decimal import Decimal
from html import escape

BAR_HEIGHT = 26
GAP = 14
LABEL_WIDTH = 96
WIDTH = 340
VALUE_ROOM = 70


def bar_chart(chart_id: str, title: str, bars: list[tuple[str, str, Decimal]], lang: str) -> str:
    """`bars`: (label, value as shown, value as a number) in order."""
    top = max((value for _, _, value in bars), default=Decimal(1)) or Decimal(1)
    span = WIDTH - LABEL_WIDTH - VALUE_ROOM
    height = len(bars) * (BAR_HEIGHT + GAP) + GAP
    separator = "；" if lang.startswith("zh") else "; "
    desc = separator.join(f"{label}: {shown}" for label, shown, _ in bars)
    rows = []
    for i, (label, shown, value) in enumerate(bars):
        y = GAP + i * (BAR_HEIGHT + GAP)
        width = max(1, round(float(value / top) * span))
        middle = y + BAR_HEIGHT / 2
        rows.append(
            f'<text x="{LABEL_WIDTH - 8}" y="{middle}" text-anchor="end" '
            f'dominant-baseline="central">{escape(label)}</text>'
            f'<rect class="rs-bar" x="{LABEL_WIDTH}" y="{y}" width="{width}" '
            f'height="{BAR_HEIGHT}" rx="3"/>'
            f'<text x="{LABEL_WIDTH + width + 6}" y="{middle}" dominant-baseline="central" '
            f'class="rs-bar-value">{escape(shown)}</text>'
        )
    return (
        f'<figure class="rs-chart" id="{chart_id}">'
        f'<figcaption id="{chart_id}-title">{escape(title)}</figcaption>'
        f'<svg role="img" aria-labelledby="{chart_id}-title {chart_id}-desc" '
        f'viewBox="0 0 {WIDTH} {height}" width="100%">'
        f'<desc id="{chart_id}-desc">{escape(desc)}</desc>' + "".join(rows) + "</svg></figure>"
    )
