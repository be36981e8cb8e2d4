"""`netzwerkctl init DIR`: a new network folder that works at once — in the editor,
in git, in pre-commit and in CI."""

from __future__ import annotations

from datetime import timedelta
from pathlib import Path
from typing import Annotated, Optional

import typer

from netzwerkctl.cli.common import EXIT_PROBLEMS, check_language, fail, parse_today


def init(
    directory: Annotated[Path, typer.Argument(help="New or empty folder.", show_default=False)],
    name: Annotated[
        Optional[str],  # noqa: UP045
        typer.Option(help="Name of the network [default: My network]."),
    ] = None,
    city: Annotated[Optional[str], typer.Option(help="City.")] = None,  # noqa: UP045
    today: Annotated[
        Optional[str],  # noqa: UP045  (Typer needs Optional on Python 3.10)
        typer.Option(help="Date for the example files (default: today)."),
    ] = None,
    lang: Annotated[
        Optional[str],  # noqa: UP045
        typer.Option(
            "--lang",
            callback=check_language,
            help="The new network's language (de, en or another with a catalogue); "
            "default: the language of the command line (LANGUAGE, LC_ALL, LANG), else "
            "German.",
        ),
    ] = None,
) -> None:
    """Creates a new network folder: netzwerk.yaml, an example partner, a group and a
    meeting (all pass check), editor settings and schemas for VS Code,
    .gitattributes, .editorconfig, a short guide and a CI file for GitHub – then
    git init and a first commit. If the folder is inside a git repository already,
    only the files are written (without the CI file).

    Example:

      netzwerkctl init engagierte-stadt --name "Engagierte Stadt Bocholt" --city Bocholt
    """
    from netzwerkctl.gitrepo import (
        GitFailed,
        GitUnavailable,
        enclosing_repository,
        init_repository,
    )
    from netzwerkctl.i18n import cli, set_cli_language
    from netzwerkctl.load import build_network
    from netzwerkctl.newfiles import (
        EDITORCONFIG,
        GITATTRIBUTES,
        GITIGNORE,
        init_group_yaml,
        init_partner_yaml,
        meeting_path,
        meeting_yaml,
        network_yaml,
    )
    from netzwerkctl.present.render import builtin_templates, render
    from netzwerkctl.schema import (
        KINDS,
        schema_file,
        schema_text,
        vscode_extensions,
        vscode_settings,
    )
    from netzwerkctl.writers import WriteError, write_atomic

    # the language this run speaks (the locale's, else German) unless one is given:
    # then it is also the language of this run
    language = lang or cli().lang
    if lang is not None:
        set_cli_language(language)
    _ = cli()
    name = name or _("My network")
    if directory.exists() and (not directory.is_dir() or any(directory.iterdir())):
        fail(
            _(
                "%(folder)s is not empty; netzwerkctl init makes a network only in a new or "
                "empty folder.",
                folder=directory,
            ),
            EXIT_PROBLEMS,
        )
    day = parse_today(today)
    # Inside an existing repository (a "netzwerk/" folder in the office's repository):
    # no repository in the repository, no commit in someone else's history, and no
    # workflow where GitHub would never read it.
    enclosing = enclosing_repository(directory)
    files: dict[str, str] = {
        "netzwerk.yaml": network_yaml(name, city, day, language),
        "partners/koordination.yaml": init_partner_yaml(day, language),
        "groups/steuerungsgruppe.yaml": init_group_yaml(day, language),
    }
    network = build_network([(rel, text.encode()) for rel, text in files.items()]).network
    first_meeting = day + timedelta(days=14)
    files[meeting_path("steuerungsgruppe", first_meeting)] = meeting_yaml(
        network, "steuerungsgruppe", first_meeting, None, None, None, language
    )
    files.update(
        {
            "README.md": render(
                "init-readme",
                {
                    "name": name,
                    "city": city,
                    # examples that work in the new network: a second meeting of its
                    # steering group, the report of its first year
                    "next_meeting": (first_meeting + timedelta(days=28)).isoformat(),
                    "year": str(day.year),
                },
                language,
                marker=False,
            ),
            ".gitattributes": GITATTRIBUTES,
            ".editorconfig": EDITORCONFIG,
            ".gitignore": GITIGNORE,
            ".vscode/settings.json": vscode_settings(),
            ".vscode/extensions.json": vscode_extensions(),
            **{f".schemas/{schema_file(k)}": schema_text(k, language) for k in KINDS},
        }
    )
    if enclosing is None:
        files[".github/workflows/netzwerk.yml"] = (
            builtin_templates() / "init" / "github-workflow.yml"
        ).read_text(encoding="utf-8")
    existed = directory.exists()
    for rel, text in files.items():
        try:
            write_atomic(directory / rel, text.encode("utf-8"), exclusive=True)
        except WriteError as exc:
            _undo(directory, existed)
            fail(_("%(problem)s Nothing created.", problem=exc), EXIT_PROBLEMS)
    made = _.ngettext(
        "Network created in %(folder)s (%(n)s file).",
        "Network created in %(folder)s (%(n)s files).",
        len(files),
        folder=directory,
    )
    if lang is None:  # taken from the system's language: said, so that nobody is surprised
        made += " " + _(
            "Its language: %(language)s (`language:` in netzwerk.yaml; --lang chooses).",
            language=language,
        )
    if enclosing is not None:
        typer.echo(made)
        inside = directory.resolve().relative_to(enclosing.resolve()).as_posix()
        typer.echo(
            _(
                "The folder lies in the git repository %(repository)s: no repository of its "
                "own, no commit, no CI file (GitHub reads workflows only in .github/workflows/ "
                "at the top of the repository; there `netzwerkctl -C %(inside)s …`).",
                repository=enclosing,
                inside=inside,
            )
        )
        typer.echo(_("Add it with: git add %(folder)s && git commit", folder=directory))
        return
    try:
        commit = init_repository(directory, _("New network created (netzwerkctl init)"))
    except GitUnavailable as exc:
        typer.echo(made)
        typer.echo(_("Note: %(note)s", note=exc), err=True)
        return
    except GitFailed as exc:
        _undo(directory, existed)
        fail(
            _(
                "git could not make the first commit: %(problem)s Nothing created. (Are "
                "GIT_AUTHOR_DATE, GIT_COMMITTER_DATE and the git settings right?)",
                problem=exc,
            ),
            EXIT_PROBLEMS,
        )
    typer.echo(made)
    typer.echo(_("git repository with the first commit %(commit)s.", commit=commit))
    typer.echo(_("Next: cd %(folder)s && netzwerkctl check", folder=directory))


def _undo(directory: Path, existed: bool) -> None:
    """Leave the folder as it was: init refuses any folder that is not empty, so all
    that is in it now is its own."""
    import shutil

    if existed:
        for child in directory.iterdir():
            if child.is_dir() and not child.is_symlink():
                shutil.rmtree(child, ignore_errors=True)
            else:
                child.unlink(missing_ok=True)
    else:
        shutil.rmtree(directory, ignore_errors=True)
