"""What `report-site check` reports: a finding names a place, a rule, a message and a severity.

Other tools (a translation pull request, CI annotations) read these objects: `loc` is the file
and line to look at, `entry` the PO line that holds the English, `severity` whether it fails
`--strict` (errors and warnings) or is a note for a reviewer to confirm.
"""

from __future__ import annotations

from dataclasses import dataclass
from enum import StrEnum

from generator.errors import Loc
from generator.severity import Severity

__all__ = ["SUMMARY", "SUMMARY_IF_ANY", "Finding", "Rule", "Severity"]


class Rule(StrEnum):
    FIGURE = "figure"
    GLOSSARY = "glossary"
    CHINESE = "chinese"
    TERMS = "terms"  # one Chinese term, two renderings
    CANDIDATE = "candidate"  # a recurring name the glossary lacks
    ENTRY = "glossary-entry"  # a glossary entry that is no name


SUMMARY = {
    Rule.FIGURE: "figures",
    Rule.GLOSSARY: "glossary",
    Rule.CHINESE: "Chinese left in the English",
}
# Rules named in the summary only when they found something (older summaries stay as they were).
SUMMARY_IF_ANY = {
    Rule.TERMS: "terms rendered two ways",
    Rule.ENTRY: "glossary entries",
    Rule.CANDIDATE: "glossary candidates",
}


@dataclass(frozen=True)
class Finding:
    """Something to fix or confirm: where, what, the passages concerned, the line of the
    English, and how much it weighs (errors and warnings fail `--strict`, notes never do)."""

    rule: Rule
    loc: Loc
    message: str
    zh: str = ""
    en: str = ""
    entry: Loc | None = None
    severity: Severity = Severity.ERROR

    @property
    def label(self) -> str:
        """The rule, with the severity unless it is an error: `figure`, `figure note`."""
        if self.severity is Severity.ERROR:
            return self.rule.value
        return f"{self.rule.value} {self.severity.value}"

    def render(self) -> str:
        lines = [f"{self.loc}: {self.label}: {self.message}"]
        lines += [
            f"    {lang}: {text}" for lang, text in (("zh", self.zh), ("en", self.en)) if text
        ]
        if self.entry is not None:
            lines.append(f"    English at {self.entry}")
        return "\n".join(lines)
