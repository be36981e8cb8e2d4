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


# The modules that may import what the extra `serve` brings: the web view and its command.
SERVE = ("web/", "cli/serve.py")


def _imported_modules(serve: bool = False) -> set[str]:
    """Third-party modules imported by the package (with `serve`: only by the web view,
    without: by everything else)."""
    found = set()
    package = TOP / "src" / "netzwerkctl"
    for path in package.rglob("*.py"):
        if path.relative_to(package).as_posix().startswith(SERVE) != serve:
            continue
        for node in ast.walk(ast.parse(path.read_text(encoding="utf-8"))):
            if isinstance(node, ast.Import):
                found |= {alias.name.split(".")[0] for alias in node.names}
            elif isinstance(node, ast.ImportFrom) and node.level == 0 and node.module:
                found.add(node.module.split(".")[0])
    return found - set(sys.stdlib_module_names) - {"netzwerkctl"}


def _declared(extra: str | None = None) -> set[str]:
    """The runtime requirements of the installed package, and those of `extra`."""
    names = set()
    for dep in requires("netzwerkctl") or []:
        marker = re.search(r"""extra\s*==\s*["']([\w-]+)["']""", dep)
        if marker is None or marker.group(1) == extra:
            names.add(re.split(r"[<>=!~;\[ (]", dep)[0].lower())
    return names


def test_imported_modules_are_declared_dependencies() -> None:
    owners = packages_distributions()
    for serve in (False, True):
        declared = _declared("serve" if serve else None)
        for module in sorted(_imported_modules(serve)):
            if module in PROVIDED:
                assert PROVIDED[module] in declared, module
                continue
            distributions = {d.lower() for d in owners.get(module, [])}
            assert distributions & declared, (
                f"{module} (from {distributions}) is not in pyproject's dependencies"
                + (" (extra serve)" if serve else "")
            )


def test_the_web_view_is_the_only_user_of_the_extra() -> None:
    """Nothing outside the web view imports what only `serve` installs: every other
    command works after a plain `pip install netzwerkctl`."""
    only_serve = _declared("serve") - _declared()
    owners = packages_distributions()
    for module in _imported_modules(serve=False):
        assert not {d.lower() for d in owners.get(module, [])} & only_serve, module
