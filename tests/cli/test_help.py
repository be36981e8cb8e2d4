"""The list of commands in `netzwerkctl --help` shows whole first sentences."""

from __future__ import annotations

import typer.main
from typer.testing import CliRunner

from netzwerkctl.cli import app, first_sentence

runner = CliRunner()


def test_first_sentence_does_not_end_at_an_abbreviation() -> None:
    assert first_sentence("Auskunft nach Art. 15 DSGVO: alles. Danach mehr.") == (
        "Auskunft nach Art. 15 DSGVO: alles."
    )
    assert first_sentence("Zeigt z. B. Partner. Mehr.") == "Zeigt z. B. Partner."
    assert first_sentence("Ein Satz\nüber zwei Zeilen.\n\nBeispiel: x") == (
        "Ein Satz über zwei Zeilen."
    )


def test_every_command_lists_its_whole_first_sentence() -> None:
    group = typer.main.get_command(app)
    assert isinstance(group, typer.core.TyperGroup)
    listing = " ".join(runner.invoke(app, ["--help"]).stdout.split())
    for name, command in group.commands.items():
        short = command.get_short_help_str()
        assert not short.endswith("..."), name
        assert short.endswith("."), (name, short)
        paragraph = " ".join((command.help or "").split("\n\n")[0].split())
        assert paragraph.startswith(short), name
        assert f"{name} {short}" in listing, name
    assert "person Auskunft nach Art. 15 DSGVO: alles, was über eine Person" in listing
