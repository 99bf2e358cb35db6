"""MkDocs hooks of every edition (listed in the generated site_src/<edition>/mkdocs.yml).

Only what must happen inside MkDocs' build lives here; the work is done by the generator
package, so `mkdocs build` and `mkdocs serve` on a generated edition behave like `make build`.
"""

from __future__ import annotations

from pathlib import Path
from typing import Any

from generator.search_index import add_other_script


def on_post_build(config: Any) -> None:
    """Make the Chinese editions' search find words written in the other script."""
    edition = config["extra"].get("edition", "")
    add_other_script(Path(config["site_dir"]) / "search" / "search_index.json", edition)
