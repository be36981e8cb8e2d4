"""Data that passes `check` never crashes a command.

Every slot of the base network gets values at the edges of its type — the smallest and
largest number and date check accepts, names with commas, angle brackets, quotes,
formulas, Markdown, right-to-left marks and emoji, e-mail addresses with umlauts in the
domain, long texts — and every command, in every format, runs on each network that
check passes. Either check refuses a value with a message, or every command handles it.
"""

from __future__ import annotations

import json
from collections.abc import Iterator
from datetime import date
from pathlib import Path

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st
from typer.testing import CliRunner

from conftest import BASE, write_network
from netzwerkctl.check import check_network
from netzwerkctl.cli import app

MEETING = "meetings/2021/2021-03-15-ag.yaml"
TODAY = "2022-01-01"

STRINGS = [
    "x",
    "Maria Schulte, Spy <spy@attacker.example>",
    '=HYPERLINK("https://attacker.example")',
    "<script>alert(1)</script>",
    "| a | b |\n",
    "**fett** _kursiv_ # Titel [Link](javascript:alert(1)) ![](https://t.example/p.gif)",
    "{{ 7*7 }} {% raw %}",
    "Ä Ö Ü ß é 😀 \u202e\u200f טקסט",
    "'\"\\;",
    "a" * 5_000,
    "Wort " * 2_000,
]
EMAILS = [
    "a@b.de",
    "anna.albers+netz@müller-bäcker.de",
    "x" * 64 + "@example.org",
    "anna@" + "sub." * 40 + "example.org",
    "anna@example..org",  # once aborted all of remind --mail
    "anna,albers@example.org",  # a comma once broke the default sender
    "anna@xn--mller-kva.de",
]
PHONES = ["0", "+49 (0) 2871 123-45", "1" * 40]
DATES = ["1900-01-01", "2999-12-31", "2000-02-29", "2021-12-31", "2022-01-01"]
NUMBERS = ["0", "0.01", "-1000000000000", "1000000000000", "999999999999.999999", "-0.5"]
INTS = ["0", "1", "520", "1440", "1000000000", "-1000000000"]
TIMES = ["00:00", "23:59", "12:00"]


def quoted(value: str) -> str:
    """A YAML scalar for `value`, always a string (JSON's quoting is YAML's)."""
    return json.dumps(value, ensure_ascii=False)


# (file, the text to replace, the values to try, how to write one)
SLOTS: list[tuple[str, str, list[str], bool]] = [
    ("netzwerk.yaml", "name: Testnetz", STRINGS, True),
    ("netzwerk.yaml", "city: Teststadt", STRINGS, True),
    ("netzwerk.yaml", "founded: 2016-01-01", DATES, False),
    ("netzwerk.yaml", "remind_days: 14", INTS, False),
    ("partners/fa.yaml", "name: Freiwilligenagentur Teststadt", STRINGS, True),
    ("partners/fa.yaml", "name: Anna Albers", STRINGS, True),
    ("partners/fa.yaml", "email: anna@example.org", EMAILS, True),
    ("partners/fa.yaml", "intro_talk: 2016-01-01", DATES, False),
    ("partners/bank.yaml", "phone: 0287112345", PHONES, True),
    ("partners/bank.yaml", "expertise: [Finanzen, Vereinsbuchhaltung]", STRINGS, True),
    ("partners/bank.yaml", "joined: 2016-01-01", DATES, False),
    ("partners/kirche.yaml", "approached: 2021-01-10", DATES, False),
    ("groups/ag.yaml", "name: AG Bildung", STRINGS, True),
    ("groups/ag.yaml", "topic: Bildung", STRINGS, True),
    ("groups/ag.yaml", "meets_every_weeks: 8", INTS, False),
    ("groups/ag.yaml", "started: 2016-01-01", DATES, False),
    (MEETING, "start: 18:00", TIMES, False),
    (MEETING, "title: Begrüßung", STRINGS, True),
    (MEETING, "duration: 10", INTS, False),
    (MEETING, "- Die Umfrage startet im April.", STRINGS, True),
    (MEETING, "title: Porto klären", STRINGS, True),
    (MEETING, "due: 2021-05-31", DATES, False),
    ("projects/umfrage.yaml", "name: Umfrage zum Ehrenamt", STRINGS, True),
    ("projects/umfrage.yaml", "value_eur: 1140.00", NUMBERS, False),
    ("projects/umfrage.yaml", "fragebögen: 2000", NUMBERS, False),
    ("projects/umfrage.yaml", "quote: 0.31", NUMBERS, False),
    ("projects/umfrage.yaml", "end: 2021-09-30", DATES, False),
    ("projects/umfrage.yaml", "valid_until: 2023-11-04", DATES, False),
    ("projects/umfrage.yaml", "what: Porto", STRINGS, True),
    ("marketplace/markt.yaml", "what: Beratung Vereinsbuchhaltung", STRINGS, True),
    ("marketplace/markt.yaml", "agreed: 2021-06-12", DATES, False),
    ("reports/2021.yaml", "highlights: [Alle Paten sind geblieben.]", STRINGS, True),
    ("reports/2021.yaml", "title: Koordinierung absichern", STRINGS, True),
]


def edit(files: dict[str, str], slot: int, value: str) -> None:
    """Put `value` into one slot: the key stays, only the value changes."""
    rel, old, _, is_text = SLOTS[slot]
    key, _, _ = old.partition(": ")
    if old.startswith("- "):  # a list item
        new = "- " + quoted(value)
    elif old.endswith("]"):  # a flow list: one item
        new = f"{key}: [{quoted(value)}]"
    else:
        new = f"{key}: {quoted(value) if is_text else value}"
    assert old in files[rel], (rel, old)
    files[rel] = files[rel].replace(old, new, 1)


def planned_meeting(day: str, title: str) -> tuple[str, str]:
    """A planned meeting of the group on `day` (an edge date), for agenda and calendar."""
    text = (
        f'group: ag\ndate: {day}\nstart: 23:30\nend: "23:59"\nplace: {quoted(title)}\n'
        f"agenda:\n  - title: {quoted(title)}\n    duration: 29\n"
    )
    return f"meetings/{day[:4]}/{day}-ag.yaml", text


def commands(meetings: list[str]) -> Iterator[list[str]]:
    """Every command a coordinator runs, in every format, with a fixed day."""
    today = ["--today", TODAY]
    yield ["check", *today]
    for fmt in ("table", "md", "json", "ics"):
        yield ["remind", "-f", fmt, *today]
    yield ["remind", "--days", "3650", "-f", "json", "--today", "1900-01-01"]
    yield ["remind", "--days", "3650", "--today", "2999-12-31"]
    for fmt in ("md", "html", "json"):
        yield ["report", "2021", "-f", fmt]
    for fmt in ("table", "md", "json", "csv"):
        yield ["partners", "-f", fmt, "--cluster", *today]
    for fmt in ("md", "json"):
        yield ["match", "Finanzen", "-f", fmt, *today]
        yield ["market", "-f", fmt]
        yield ["person", "anna", "-f", fmt, *today]
    yield ["calendar", "--tasks", *today]
    for meeting in meetings:
        for lang in ("de", "en"):
            yield ["agenda", meeting, "--lang", lang, *today]
            yield ["agenda", meeting, "-f", "html", "--lang", lang, *today]
    yield ["minutes", "2021-03-15-ag", "--lang", "en"]
    yield ["minutes", "2021-03-15-ag", "-f", "html"]


def run_everything(root: Path, meetings: list[str]) -> None:
    runner = CliRunner()
    outbox = root.parent / f"{root.name}-postausgang"
    for args in [
        *commands(meetings),
        ["remind", "--mail", "--outbox", str(outbox), "--today", TODAY],
    ]:
        result = runner.invoke(app, ["-C", str(root), *args])
        shown = " ".join(a[:40] for a in args)
        assert result.exception is None or isinstance(result.exception, SystemExit), (
            f"{shown}: {result.exception!r}\n{result.output[-2000:]}"
        )
        # report stops (exit 2) for a year before the network's first year, which an
        # edge value may put at 2999; the year's figures are made below all the same
        refused = args[0] == "report" and "gibt es keinen Bericht" in result.output
        assert result.exit_code in (0, 1) or (result.exit_code == 2 and refused), (
            f"{shown}: exit {result.exit_code}\n{result.output[-2000:]}"
        )
        assert "Traceback" not in result.output, shown
    last_year_report(root)


def last_year_report(root: Path) -> None:
    """The report of 2999, the last year a date can name, made through the library:
    the command refuses a year that has not begun, but the web view and the programme
    report compute any year they are asked for."""
    from netzwerkctl.cli.common import document_data
    from netzwerkctl.gitrepo import provenance
    from netzwerkctl.load import load_network
    from netzwerkctl.present.report import report_charts, report_context

    network = load_network(root).network
    for year in (2021, 2999):
        context = report_context(network, year, provenance(root), None, "de")
        charts = report_charts(network, year, "de")
        html = document_data("report", context, "de", "html", root, None, None, charts)
        assert str(year) in (html.decode() if isinstance(html, bytes) else html)


def network(
    choices: list[tuple[int, str]], extra_day: str | None
) -> tuple[dict[str, str], list[str]]:
    files = dict(BASE)
    for slot, value in choices:
        edit(files, slot, value)
    meetings = []
    if extra_day is not None:
        rel, text = planned_meeting(extra_day, choices[0][1] if choices else "Treffen")
        files[rel] = text
        meetings.append(Path(rel).stem)
    return files, meetings


def passes_check(root: Path) -> bool:
    result = check_network(root, date.fromisoformat(TODAY))
    return not [p for p in result.problems if p.severity == "error"]


@st.composite
def edge_networks(draw: st.DrawFn) -> tuple[list[tuple[int, str]], str | None]:
    chosen = draw(st.lists(st.integers(0, len(SLOTS) - 1), min_size=1, max_size=6, unique=True))
    choices = [(slot, draw(st.sampled_from(SLOTS[slot][2]))) for slot in chosen]
    extra = draw(st.none() | st.sampled_from(DATES))
    return choices, extra


WIDEST = max(len(values) for _, _, values, _ in SLOTS)


@pytest.mark.parametrize("k", range(WIDEST))
def test_every_edge_value_is_refused_by_check_or_handled_by_every_command(
    k: int, tmp_path: Path
) -> None:
    """Network k puts the k-th edge value of its type into every slot, one slot after
    the other, keeping each that check accepts: over all k, every value meets every
    slot, and every command runs on the result."""
    files = dict(BASE)
    kept = 0
    for slot, (_, _, values, _) in enumerate(SLOTS):
        trial = dict(files)
        edit(trial, slot, values[k % len(values)])
        if passes_check(write_network(tmp_path / f"try-{slot}", trial, base=False)):
            files, kept = trial, kept + 1
    rel, text = planned_meeting(DATES[k % len(DATES)], STRINGS[k % len(STRINGS)])
    meetings = []
    if passes_check(write_network(tmp_path / "try-meeting", {**files, rel: text}, base=False)):
        files, meetings = {**files, rel: text}, [Path(rel).stem]
    root = write_network(tmp_path / "netz", files, base=False)
    assert passes_check(root)
    assert kept >= len(SLOTS) // 2, f"only {kept} of {len(SLOTS)} slots took an edge value"
    run_everything(root, meetings)


@settings(max_examples=12, deadline=None, derandomize=True, suppress_health_check=list(HealthCheck))
@given(edge_networks())
def test_edge_values_together_are_refused_by_check_or_handled_by_every_command(
    case: tuple[list[tuple[int, str]], str | None],
) -> None:
    import tempfile

    choices, extra = case
    files, meetings = network(choices, extra)
    with tempfile.TemporaryDirectory() as folder:
        root = write_network(Path(folder) / "netz", files, base=False)
        if passes_check(root):
            run_everything(root, meetings)
