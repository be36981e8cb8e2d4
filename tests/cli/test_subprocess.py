"""The installed command in a real process: entry points, exit codes, start-up cost."""

from __future__ import annotations

import shutil
import subprocess
import sys
from pathlib import Path

import pytest

from netzwerkctl import __version__

EXAMPLE = Path(__file__).parents[2] / "examples" / "stadt-bocholt"


def run(*args: str, cwd: Path | None = None) -> subprocess.CompletedProcess[str]:
    return subprocess.run(
        [sys.executable, "-m", "netzwerkctl", *args],
        capture_output=True,
        text=True,
        cwd=cwd,
        timeout=60,
        check=False,
    )


def test_python_m_version() -> None:
    result = run("--version")
    assert (result.returncode, result.stdout) == (0, f"netzwerkctl {__version__}\n")


def test_console_script_checks_the_example() -> None:
    exe = shutil.which("netzwerkctl", path=str(Path(sys.executable).parent))
    assert exe, "the console script is installed next to the interpreter"
    result = subprocess.run(
        [exe, "-C", str(EXAMPLE), "check", "--today", "2022-09-01", "--format", "json"],
        capture_output=True,
        text=True,
        timeout=60,
        check=False,
    )
    assert result.returncode == 0, result.stdout + result.stderr
    assert result.stdout == "[]\n"


def test_no_network_exits_2(tmp_path: Path) -> None:
    result = run("check", cwd=tmp_path)
    assert result.returncode == 2
    assert "Traceback" not in result.stderr


HEAVY = ("pydantic", "jinja2", "git", "babel", "yaml")


@pytest.mark.parametrize(
    ("arg", "allowed"),
    [
        ("--help", ()),
        ("--version", ()),
        # Typer (>= 0.29) builds pydantic adapters for a subcommand's options itself.
        ("check --help", ("pydantic",)),
    ],
)
def test_help_and_version_do_not_import_heavy_libraries(arg: str, allowed: tuple[str, ...]) -> None:
    names = tuple(m for m in HEAVY if m not in allowed)
    probe = (
        "import sys\n"
        "from netzwerkctl.cli import main\n"
        f"sys.argv = ['netzwerkctl', *{arg.split()!r}]\n"
        "try:\n"
        "    main()\n"
        "except SystemExit:\n"
        "    pass\n"
        f"heavy = sorted(m for m in {names!r} if m in sys.modules)\n"
        "sys.stderr.write('HEAVY=' + ','.join(heavy))\n"
    )
    result = subprocess.run(
        [sys.executable, "-c", probe], capture_output=True, text=True, timeout=60, check=False
    )
    assert result.stderr.endswith("HEAVY="), result.stderr
