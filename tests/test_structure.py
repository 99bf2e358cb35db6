"""The package's structure, read from its imports: every module sits in a layer, and imports
only from its own layer and those below it. Nothing imports upwards, so there is no cycle
between layers (the translation memory never reads the editions, content never reads the
importer), and no module takes a private name from another package.

The layers, bottom to top: a module belongs to the layer with the longest prefix of its name
(`generator.tm.pull_request` is the translate-pr command, which reads the check: it sits above
the rest of `generator.tm`). A new module must be placed here.
"""

from __future__ import annotations

import ast
from pathlib import Path

import pytest

PACKAGE = Path(__file__).resolve().parent.parent / "generator"

LAYERS: tuple[tuple[str, tuple[str, ...]], ...] = (
    (
        "foundations: text, errors, the list of editions; nothing of reports",
        (
            "generator",
            "generator.errors",
            "generator.severity",
            "generator.findings",
            "generator.cjk",
            "generator.typography",
            "generator.edition_list",
            "generator.markdown_text",
            "generator.html_safety",
            "generator.html_whitespace",
            "generator.raw_html",
            "generator.chinese_words",
            "generator.template_memo",
            "generator.writer",
            "generator.alternates",
            "generator.slugs",
            "generator.figures",
        ),
    ),
    ("the model every stage shares", ("generator.model",)),
    ("content/: the one reader of editor-owned files", ("generator.content",)),
    ("the translation memory: units, states, PO files, engines", ("generator.tm",)),
    (
        "editions, and what is derived from them",
        (
            "generator.editions",
            "generator.key_figures",
            "generator.table_headers",
            "generator.table_data",
            "generator.figure_data",
            "generator.renderings",
            "generator.terms",
            "generator.search",
        ),
    ),
    ("rendering: views and templates", ("generator.render",)),
    (
        "stages that use all of the above",
        (
            "generator.incremental",
            "generator.site",
            "generator.parts",
            "generator.build",
            "generator.build_stats",
            "generator.serve",
            "generator.check",
            "generator.figure_labels",
            "generator.importer",
            "generator.tm.changes",
            "generator.tm.pr_body",
            "generator.tm.pull_request",
        ),
    ),
    ("the command line", ("generator.cli", "generator.__main__")),
)


def module_name(path: Path) -> str:
    parts = path.relative_to(PACKAGE.parent).with_suffix("").parts
    return ".".join(parts[:-1] if parts[-1] == "__init__" else parts)


def layer_of(module: str) -> int | None:
    best: tuple[int, int] | None = None  # (prefix length, layer)
    for number, (_, prefixes) in enumerate(LAYERS):
        for prefix in prefixes:
            # The package itself is a prefix of every module: it stands for its __init__ only.
            nested = prefix != "generator" and module.startswith(prefix + ".")
            matches = module == prefix or nested
            if matches and (best is None or len(prefix) > best[0]):
                best = (len(prefix), number)
    return best[1] if best else None


def imports(path: Path) -> list[tuple[int, str, list[str]]]:
    """(line, module, names) of every import of a generator module, lazy ones included."""
    found = []
    for node in ast.walk(ast.parse(path.read_text(encoding="utf-8"))):
        if isinstance(node, ast.ImportFrom) and node.module and node.module.startswith("generator"):
            found.append((node.lineno, node.module, [alias.name for alias in node.names]))
        elif isinstance(node, ast.Import):
            for alias in node.names:
                if alias.name.startswith("generator"):
                    found.append((node.lineno, alias.name, []))
    return found


MODULES = sorted(PACKAGE.rglob("*.py"))


def test_every_module_has_a_layer() -> None:
    assert [module_name(p) for p in MODULES if layer_of(module_name(p)) is None] == []


@pytest.mark.parametrize("path", MODULES, ids=module_name)
def test_nothing_imports_upwards(path: Path) -> None:
    here = module_name(path)
    mine = layer_of(here)
    assert mine is not None
    upwards = [
        f"{path.relative_to(PACKAGE.parent)}:{line}: {here} ({LAYERS[mine][0]}) imports "
        f"{target} ({LAYERS[theirs][0]})"
        for line, target, _ in imports(path)
        if (theirs := layer_of(target)) is not None and theirs > mine
    ]
    assert upwards == []


@pytest.mark.parametrize("path", MODULES, ids=module_name)
def test_no_private_name_is_taken_from_another_package(path: Path) -> None:
    here = module_name(path)
    package = here if path.name == "__init__.py" else here.rsplit(".", 1)[0]
    taken = [
        f"{path.relative_to(PACKAGE.parent)}:{line}: {target}.{name}"
        for line, target, names in imports(path)
        for name in names
        if name.startswith("_") and not (target + ".").startswith(package + ".")
    ]
    assert taken == []
