"""Every third-party module the package imports is a declared dependency: a module
that is only installed by accident on a developer's machine fails on a fresh one."""

from __future__ import annotations

import ast
import re
import sys
from importlib.metadata import packages_distributions, requires
from pathlib import Path

TOP = Path(__file__).parents[1]
# Parts of a declared package that it guarantees (pydantic ships pydantic_core,
# Jinja2 requires MarkupSafe).
PROVIDED = {"pydantic_core": "pydantic", "markupsafe": "jinja2"}


def _imported_modules() -> set[str]:
    found = set()
    for path in (TOP / "src" / "netzwerkctl").rglob("*.py"):
        for node in ast.walk(ast.parse(path.read_text(encoding="utf-8"))):
            if isinstance(node, ast.Import):
                found |= {alias.name.split(".")[0] for alias in node.names}
            elif isinstance(node, ast.ImportFrom) and node.level == 0 and node.module:
                found.add(node.module.split(".")[0])
    return found - set(sys.stdlib_module_names) - {"netzwerkctl"}


def _declared() -> set[str]:
    """The runtime requirements of the installed package (its extras left out)."""
    return {
        re.split(r"[<>=!~;\[ (]", dep)[0].lower()
        for dep in requires("netzwerkctl") or []
        if "extra ==" not in dep
    }


def test_imported_modules_are_declared_dependencies() -> None:
    owners = packages_distributions()
    declared = _declared()
    for module in sorted(_imported_modules()):
        if module in PROVIDED:
            assert PROVIDED[module] in declared, module
            continue
        distributions = {d.lower() for d in owners.get(module, [])}
        assert distributions & declared, (
            f"{module} (from {distributions}) is not in pyproject's dependencies"
        )
