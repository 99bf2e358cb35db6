"""Plain-text report → editor-owned content folder.

Stages: `decode` (bytes → lines), `outline` (lines → numbered structure), `writer` (structure →
Markdown files and report.yml). The result is checked against the source before anything is
written: every non-space character of the report must be in the content, in order.
"""
