"""content/ → the Site model: the one reader of everything editors own, and the one gate every
command goes through (see gate.py).

Every file is read the same way (text.py: encodings; yaml_file.py: YAML as nodes that know
their line and column) and checked against a declarative schema (schema.py; site_file.py,
report_file.py, headlines.py, glossary.py), pages by pages.py, folders by folders.py. Every
problem of a run is collected before it stops, each at its file, line and column, with what to
do.
"""

from generator.content.folders import (
    GLOSSARY_FILE,
    PAGES_DIR,
    REPORT_FILE,
    SITE_FILE,
    TRANSLATIONS_DIR,
)
from generator.content.gate import Content, ReportEntry, load_report, load_site, open_content
from generator.content.glossary import load_glossary, load_glossary_entries, read_glossary
from generator.content.pages import PARSER, join_lines
from generator.content.site_file import read_site_config
from generator.content.text import shown_path

__all__ = [
    "GLOSSARY_FILE",
    "PAGES_DIR",
    "PARSER",
    "REPORT_FILE",
    "SITE_FILE",
    "TRANSLATIONS_DIR",
    "Content",
    "ReportEntry",
    "join_lines",
    "load_glossary",
    "load_glossary_entries",
    "load_report",
    "load_site",
    "open_content",
    "read_glossary",
    "read_site_config",
    "shown_path",
]
