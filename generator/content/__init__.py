"""content/ → the Site model: the one reader of everything editors own."""

from generator.content.pages import (
    _PARSER,
    REPORT_FILE,
    SITE_FILE,
    SOURCE_LANG,
    join_lines,
    load_report,
    load_site,
    load_site_config,
    read_yaml,
    report_folders,
    shown_path,
)

__all__ = [
    "REPORT_FILE",
    "SITE_FILE",
    "SOURCE_LANG",
    "_PARSER",
    "join_lines",
    "load_report",
    "load_site",
    "load_site_config",
    "read_yaml",
    "report_folders",
    "shown_path",
]
