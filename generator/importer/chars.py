"""Characters a reader cannot see: removed, listed and pointed out, never refused.

Web pages, word processors and PDF exports leave characters in copied text that carry nothing of
the report: zero-width spaces, byte-order marks in mid-text, soft hyphens, direction marks and
overrides (which can make text display differently from what it is), a bell or a backspace, a
page break. They are removed, each with a located warning, and listed under `dropped:` in
report.yml, so none of them ever reaches a page and none goes silently.

Full-width digits and Latin letters are the report's text and are kept as written; so is U+FFFD,
with a warning, since it means characters were already lost before the file was saved. A file
made mostly of control characters is not text at all, whatever it decoded as, and is refused.
"""

from __future__ import annotations

import unicodedata

from generator.importer.findings import MAX_PER_KIND, Findings, Removal, char_name

# Invisible characters with no meaning in a Chinese report.
REMOVABLE = frozenset("\u200b\u200c\u200d\u2060\ufeff\u00ad\u200e\u200f\u180e")
# Embeddings, overrides and isolates: text shown in another order than it is stored.
BIDI = frozenset("\u202a\u202b\u202c\u202d\u202e\u2066\u2067\u2068\u2069\u061c")
# More than this share of control characters: the file is not text, whatever it decoded as.
_GARBAGE_SHARE = 0.01
_GARBAGE_MIN = 20

# Radicals that PDF copies give for the characters they look like (⼈ U+2F08 for 人, ⻓ U+2ED3
# for 长): read as those characters, or searching for 人 would never find them. Kangxi radicals
# have Unicode's compatibility mapping; CJK Radicals Supplement ones are read as the Simplified
# characters they stand for (the source is zh-Hans).
LOOKALIKES = {
    **{chr(c): unicodedata.normalize("NFKC", chr(c)) for c in range(0x2F00, 0x2FD6)},
    "⼾": "户",
    **dict(
        zip(
            "⺟⺠⻅⻆⻉⻋⻓⻔⻘⻙⻚⻛⻜⻝⻢⻥⻦⻧⻨⻩⻪⻬⻮⻰⻳",
            "母民见角贝车长门青韦页风飞食马鱼鸟卤麦黄黾齐齿龙龟",
            strict=True,
        )
    ),
}
REMOVED_KINDS = ("invisible", "bidi", "control", "page-break", "separator")
_REASONS = {
    "invisible": "invisible character",
    "bidi": "bidirectional control",
    "control": "control character",
    "page-break": "page break",
    "separator": "line separator",
}


def check_characters(text: str, findings: Findings) -> str:
    """`text` without the characters removed here (each listed in `findings`), warnings for
    the ones kept."""
    lines = text.split("\n")
    controls = sum(1 for ch in text if _is_control(ch))
    if controls > max(_GARBAGE_MIN, len(text) * _GARBAGE_SHARE):
        raise findings.fail(
            f"this does not look like a text file ({controls} control characters)",
            "save the report as plain text (UTF-8) and import that file",
        )
    counts: dict[str, int] = {}
    cleaned = []
    for number, line in enumerate(lines, 1):
        kept = []
        for col, ch in enumerate(line, 1):
            kind = character_kind(ch)
            if kind == "lookalike":
                replacement = LOOKALIKES[ch]
                reason = f"radical read as {replacement} ({_name(ch)})"
                findings.remove(Removal(number, col, ch, reason, replacement=replacement))
                kept.append(replacement)
            elif kind in REMOVED_KINDS:
                findings.remove(Removal(number, col, ch, f"{_REASONS[kind]} ({_name(ch)})"))
            else:
                kept.append(ch)
            if kind is None:
                continue
            counts[kind] = counts.get(kind, 0) + 1
            if counts[kind] <= MAX_PER_KIND:
                _report(kind, ch, number, col, findings)
        cleaned.append("".join(kept))
    for removal in findings.removals:
        if not removal.replacement:
            findings.removed_cols.setdefault(removal.line, []).append(removal.col)
    for kind, count in sorted(counts.items()):
        if count > MAX_PER_KIND:
            more = count - MAX_PER_KIND
            findings.warn(
                0, 0, f"… and {more} more {_MORE[kind]} (only the first {MAX_PER_KIND} are listed)"
            )
    return "\n".join(cleaned)


def character_kind(ch: str) -> str | None:
    """What the importer does with `ch`: one of REMOVED_KINDS (removed), `replacement` and
    `private` (kept with a warning), or None (an ordinary character)."""
    if ch in "\t\n" or " " <= ch <= "~":
        return None
    if ch in REMOVABLE:
        return "invisible"
    if ch in LOOKALIKES:
        return "lookalike"
    if ch in BIDI:
        return "bidi"
    if ch == "\ufffd":
        return "replacement"
    if ch == "\f":
        return "page-break"
    category = unicodedata.category(ch)
    if category == "Cc":
        return "control"
    if category == "Cf":
        return "invisible"
    if category in ("Zl", "Zp"):
        return "separator"
    if category == "Co":
        return "private"
    return None


def _name(ch: str) -> str:
    return char_name(ch).split(" ", 1)[1].lower()


def _is_control(ch: str) -> bool:
    return unicodedata.category(ch) == "Cc" and ch not in "\t\n\f"


_LISTED = "report.yml lists it under `dropped:`"
_MESSAGES = {
    "invisible": (
        "removed an invisible character, {name}",
        f"nothing to do: it carried no text ({_LISTED})",
    ),
    "bidi": (
        "removed a bidirectional control character, {name}: it can make text display in "
        "another order than it is written",
        f"nothing to do: it carried no text ({_LISTED})",
    ),
    "control": (
        "removed control character {name}",
        f"if it stood for a character of the report, type that character into the imported "
        f"page ({_LISTED})",
    ),
    "page-break": (
        "removed a page break ({name})",
        f"look around it for a page header or page number left from a PDF ({_LISTED})",
    ),
    "separator": (
        "removed {name}",
        f"if a paragraph ends here, start a new paragraph in the imported page ({_LISTED})",
    ),
    "lookalike": (
        "read {name} as {replacement}: a radical that looks like the character (PDF copies "
        "give them), which search would not find",
        f"nothing to do ({_LISTED})",
    ),
    "replacement": (
        "{name}: a character was lost before this file was saved",
        "compare this line with the published report and type the missing character",
    ),
    "private": (
        "private-use character {name}: readers will see a blank or a box",
        "replace it with the character it stands for in the published report",
    ),
}
_MORE = {
    "invisible": "invisible characters removed",
    "bidi": "bidirectional control characters removed",
    "control": "control characters removed",
    "page-break": "page breaks removed",
    "separator": "line separators removed",
    "lookalike": "radicals read as the characters they look like",
    "replacement": "U+FFFD replacement characters",
    "private": "private-use characters",
}


def _report(kind: str, ch: str, line: int, col: int, findings: Findings) -> None:
    message, hint = _MESSAGES[kind]
    replacement = LOOKALIKES.get(ch, "")
    findings.warn(line, col, message.format(name=char_name(ch), replacement=replacement), hint)
