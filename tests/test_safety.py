"""Guarantees against losing files and leaking secrets (see docs/security.md)."""

from __future__ import annotations

import os
import signal
import subprocess
import sys
import textwrap
import time
from collections.abc import Callable
from pathlib import Path

import pytest
from typer.testing import CliRunner

from netzwerkctl.cli import app

runner = CliRunner()
EXAMPLE = Path(__file__).parents[1] / "examples" / "stadt-bocholt"


@pytest.mark.parametrize(
    ("args", "suffix"),
    [
        (["minutes", "2021-03-15-ag-bildung"], ".md"),
        (["minutes", "2021-03-15-ag-bildung"], ".html"),
        (["report", "2021"], ".md"),
        (["report", "2021"], ".html"),
        (["report", "2021"], ".json"),
        (["calendar"], ".ics"),
    ],
)
def test_output_never_replaces_a_file_a_person_wrote(
    tmp_path: Path, example: Path, args: list[str], suffix: str
) -> None:
    target = tmp_path / f"dokument{suffix}"
    target.write_text("Meine Notizen, von Hand geschrieben.\n", encoding="utf-8")
    result = runner.invoke(app, ["-C", str(example), *args, "-o", str(target)])
    assert result.exit_code == 2 and "--force" in result.stderr
    assert target.read_text(encoding="utf-8") == "Meine Notizen, von Hand geschrieben.\n"
    forced = runner.invoke(app, ["-C", str(example), *args, "-o", str(target), "--force"])
    assert forced.exit_code == 0 and "netzwerkctl" in target.read_text(encoding="utf-8")
    again = runner.invoke(app, ["-C", str(example), *args, "-o", str(target)])  # ours now
    assert again.exit_code == 0


@pytest.mark.parametrize(
    "args",
    [
        ["partners", "--format", "csv"],
        ["partners", "--format", "json"],
        ["remind", "--today", "2022-09-01", "--format", "json"],
        ["market", "--format", "json"],
    ],
)
def test_outputs_without_a_marker_are_replaced_until_a_person_edits_them(
    make_network: Callable[..., Path], tmp_path: Path, args: list[str]
) -> None:
    root = make_network()
    target = tmp_path / "liste.out"

    def write(*extra: str) -> int:
        return runner.invoke(app, ["-C", str(root), *args, "-o", str(target), *extra]).exit_code

    assert write() == 0
    assert write() == 0  # what netzwerkctl wrote, it may write again
    target.write_bytes(target.read_bytes() + b"meine Ergaenzung\n")
    assert write() == 2  # edited by a person since: not without --force
    assert target.read_bytes().endswith(b"meine Ergaenzung\n")
    assert write("--force") == 0 and write() == 0
    assert (root / ".netzwerkctl" / ".gitignore").is_file()  # the list stays out of git


def test_the_list_of_written_files_is_never_followed_through_a_link(
    make_network: Callable[..., Path], tmp_path: Path
) -> None:
    root, elsewhere = make_network(), tmp_path / "anderswo"
    elsewhere.mkdir()
    (root / ".netzwerkctl").symlink_to(elsewhere, target_is_directory=True)
    target = tmp_path / "partner.csv"
    args = ["-C", str(root), "partners", "-f", "csv", "-o", str(target)]
    assert runner.invoke(app, args).exit_code == 0
    assert list(elsewhere.iterdir()) == []  # nothing written through the link
    assert runner.invoke(app, args).exit_code == 2  # so the file is not known as ours


def test_an_unwritable_target_is_a_clear_error(tmp_path: Path) -> None:
    (tmp_path / "datei").write_text("x", encoding="utf-8")
    result = runner.invoke(
        app, ["-C", str(EXAMPLE), "report", "2021", "-o", str(tmp_path / "datei" / "bericht.md")]
    )
    assert result.exit_code == 2 and "kann nicht geschrieben werden" in result.stderr
    assert result.exception is None or isinstance(result.exception, SystemExit)


def test_a_run_killed_while_writing_leaves_the_old_file(tmp_path: Path) -> None:
    target = tmp_path / "bericht.md"
    target.write_bytes(b"alter Bericht\n")
    ready = tmp_path / "bereit"
    script = textwrap.dedent(
        f"""
        import os, time
        from pathlib import Path
        import netzwerkctl.writers as w
        real_fsync = os.fsync
        def slow(fd):
            Path({str(ready)!r}).write_text("1")
            time.sleep(60)  # killed in here: data written, not yet renamed
        w.os.fsync = slow
        w.write_atomic(Path({str(target)!r}), b"neuer Bericht\\n" * 100000)
        """
    )
    proc = subprocess.Popen([sys.executable, "-c", script])
    for _ in range(600):
        if ready.exists():
            break
        time.sleep(0.05)
    assert ready.exists(), "the writer did not start"
    os.kill(proc.pid, signal.SIGKILL)
    proc.wait()
    assert target.read_bytes() == b"alter Bericht\n"  # the old file, whole
    leftovers = [p.name for p in tmp_path.iterdir() if p.name not in ("bericht.md", "bereit")]
    assert all(name.startswith(".bericht.md.") for name in leftovers)  # hidden, never read


@pytest.mark.parametrize(
    "template",
    [
        "{% include '/etc/passwd' %}",
        "{% include '../../../etc/passwd' %}",
        "{% import 'os' as os %}{{ os.system('echo pwned') }}",
        "{{ self.__init__.__globals__ }}",
        "{{ lipsum.__globals__['os'].environ }}",
        "{{ ''.__class__.__mro__[1].__subclasses__() }}",
        "{{ environ['HOME'] }}",
    ],
)
def test_a_network_template_cannot_reach_out_and_nothing_is_written(
    make_network: Callable[..., Path], tmp_path: Path, template: str
) -> None:
    root = make_network()
    (root / "templates" / "de").mkdir(parents=True)
    (root / "templates" / "de" / "minutes.md.j2").write_text(
        "Protokoll\n" + template + "\n", encoding="utf-8"
    )
    target = tmp_path / "protokoll.md"
    result = runner.invoke(app, ["-C", str(root), "minutes", "2021-03-15-ag", "-o", str(target)])
    assert result.exit_code == 1 and "Vorlage" in result.stderr and "minutes.md.j2" in result.stderr
    assert not target.exists()
    assert "pwned" not in result.stdout + result.stderr and "root:" not in result.stderr


def test_tracebacks_show_no_local_variables(make_network: Callable[..., Path]) -> None:
    script = textwrap.dedent(
        """
        import sys
        import netzwerkctl.check as check
        def broken(root, today, use_cache=False):
            secret = "GEHEIM-4711"  # a local variable, as contact data would be
            raise RuntimeError("kaputt")
        check.check_network = broken
        from netzwerkctl.cli import main
        sys.argv = ["netzwerkctl", "-C", sys.argv[1], "check"]
        main()
        """
    )
    result = subprocess.run(
        [sys.executable, "-c", script, str(make_network())],
        capture_output=True,
        text=True,
        timeout=60,
        check=False,
    )
    assert result.returncode != 0 and "kaputt" in result.stderr
    assert "GEHEIM-4711" not in result.stderr + result.stdout


def test_the_smtp_password_is_not_in_the_settings_repr() -> None:
    from netzwerkctl.mail import smtp_config

    config = smtp_config(
        {
            "NETZWERKCTL_SMTP_HOST": "localhost",
            "NETZWERKCTL_SMTP_FROM": "a@example.org",
            "NETZWERKCTL_SMTP_PASSWORD": "geheim-123",
        }
    )
    assert config.password == "geheim-123" and "geheim-123" not in repr(config)


def test_links_cannot_lead_a_template_out_of_its_folder(
    make_network: Callable[..., Path], tmp_path: Path
) -> None:
    secret = tmp_path / "geheim.txt"
    secret.write_text("PASSWORT-4711\n", encoding="utf-8")
    root = make_network()
    folder = root / "templates" / "de"
    folder.mkdir(parents=True)
    (folder / "geheim.txt").symlink_to(secret)
    (folder / "minutes.md.j2").write_text(
        'Protokoll\n{% include "geheim.txt" %}\n', encoding="utf-8"
    )
    result = runner.invoke(app, ["-C", str(root), "minutes", "2021-03-15-ag"])
    assert result.exit_code == 1 and "PASSWORT-4711" not in result.stdout + result.stderr
    (folder / "minutes.md.j2").unlink()
    (folder / "minutes.md.j2").symlink_to(secret)  # the template itself a link out
    result = runner.invoke(app, ["-C", str(root), "minutes", "2021-03-15-ag"])
    assert "PASSWORT-4711" not in result.stdout + result.stderr  # the built-in one is used
    assert result.exit_code == 0 and "# Protokoll" in result.stdout


def test_a_netzwerk_yaml_that_links_out_puts_no_secret_into_the_log(
    make_network: Callable[..., Path], tmp_path: Path
) -> None:
    """A committed `netzwerk.yaml -> /proc/self/environ` would quote the environment
    (SMTP password, CI token) in check's snippet."""
    secret = tmp_path / "environ"
    secret.write_text("NETZWERKCTL_SMTP_PASSWORD=geheim\nname: [\n", encoding="utf-8")
    root = make_network()
    (root / "netzwerk.yaml").unlink()
    (root / "netzwerk.yaml").symlink_to(secret)
    result = CliRunner().invoke(app, ["-C", str(root), "check", "--no-cache"])
    assert result.exit_code == 1
    assert "geheim" not in result.stdout + result.stderr
    assert "netzwerk.yaml: error NW014" in result.stdout and "außerhalb" in result.stdout


def test_writes_never_go_through_a_folder_link_planted_in_the_repository(
    make_network: Callable[..., Path], tmp_path: Path
) -> None:
    elsewhere = tmp_path / "anderswo"
    elsewhere.mkdir()
    root = make_network()
    (root / ".schemas").symlink_to(elsewhere)
    result = CliRunner().invoke(app, ["-C", str(root), "schema", "--write"])
    assert result.exit_code == 2 and "kein gewöhnlicher Ordner" in result.stderr
    (root / "meetings" / "2023").symlink_to(elsewhere)
    result = CliRunner().invoke(app, ["-C", str(root), "new", "meeting", "ag", "2023-03-01"])
    assert result.exit_code == 1 and "kein gewöhnlicher Ordner" in result.stderr
    assert list(elsewhere.iterdir()) == []


def test_o_never_waits_on_a_pipe_nor_replaces_a_device(
    make_network: Callable[..., Path], tmp_path: Path
) -> None:
    import os

    root = make_network()
    fifo = tmp_path / "bericht.md"
    os.mkfifo(fifo)
    result = CliRunner().invoke(app, ["-C", str(root), "report", "2021", "-o", str(fifo)])
    assert result.exit_code == 2 and "keine gewöhnliche Datei" in result.stderr
    linked = tmp_path / "link.md"
    linked.symlink_to(fifo)  # a link to the pipe: not opened either
    result = CliRunner().invoke(app, ["-C", str(root), "report", "2021", "-o", str(linked)])
    assert result.exit_code == 2
    result = CliRunner().invoke(
        app, ["-C", str(root), "report", "2021", "-f", "md", "-o", "/dev/null"]
    )
    assert result.exit_code == 2 and "keine gewöhnliche Datei" in result.stderr


def test_a_data_file_that_is_a_pipe_is_reported_not_waited_on(
    make_network: Callable[..., Path],
) -> None:
    import os

    root = make_network()
    os.mkfifo(root / "partners" / "pipe-ziel")
    (root / "partners" / "rohr.yaml").symlink_to(root / "partners" / "pipe-ziel")
    result = CliRunner().invoke(app, ["-C", str(root), "check", "--no-cache"])
    assert result.exit_code == 1 and "partners/rohr.yaml: error NW014" in result.stdout
