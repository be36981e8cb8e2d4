"""`forget`: pseudonymisation that keeps every figure, on the example and inline networks."""

from __future__ import annotations

import json
import os
import re
import shutil
import subprocess
import sys
from collections.abc import Callable
from pathlib import Path

import pytest
from typer.testing import CliRunner

from conftest import BASE
from netzwerkctl.cli import app

runner = CliRunner()
DAY = ["--today", "2026-12-07"]


def invoke(root: Path, *args: str) -> tuple[int, str, str]:
    result = runner.invoke(app, ["-C", str(root), *args])
    return result.exit_code, result.stdout, result.stderr


def snapshot(root: Path) -> dict[str, bytes]:
    return {
        p.relative_to(root).as_posix(): p.read_bytes()
        for p in sorted(root.rglob("*"))
        if p.is_file() and ".netzwerkctl" not in p.parts
    }


def reports(root: Path) -> dict[int, object]:
    """The JSON report of every year the example has data for."""
    found = {}
    for year in range(2015, 2027):
        code, out, err = invoke(root, "report", str(year), "--format", "json")
        assert code == 0, err
        found[year] = json.loads(out)
    return found


def test_dry_run_shows_every_change_and_writes_nothing(example: Path) -> None:
    before = snapshot(example)
    code, out, err = invoke(example, "forget", "maria-schulte", *DAY)
    assert code == 0, err
    assert snapshot(example) == before
    pseudonym = re.search(r"maria-schulte wird zu (ehemalig-[0-9a-f]{4})", out)
    assert pseudonym, out
    assert "  -   - id: maria-schulte" in out and "  -     email: m.schulte@" in out
    assert f"  +   - id: {pseudonym.group(1)}" in out
    assert "  +     name: ehemalige Ansprechperson" in out
    assert "meetings/2021/2021-03-15-ag-bildung.yaml:10:" in out  # chair
    assert "Nichts geändert; --write" in out
    assert "0 Fehler" in out and "Berichte aller Jahre" in out


def test_write_keeps_every_figure_of_every_report_and_check_clean(example: Path) -> None:
    figures = reports(example)
    warnings_before = invoke(example, "check", *DAY)[1].count(": warning NW")
    before = snapshot(example)

    code, out, err = invoke(example, "forget", "maria-schulte", "--write", *DAY)
    assert code == 0, out + err
    pseudonym = re.search(r"(ehemalig-[0-9a-f]{4})", out)
    assert pseudonym
    assert reports(example) == figures
    code, out, err = invoke(example, "check", *DAY)
    assert code == 0, out
    # a pseudonym is nobody's contact: check asks to end her memberships, and her
    # partner, a patron, has no current decision-maker left
    added = sorted(
        line.split(" warning ")[1][:5] for line in out.splitlines() if ": warning NW" in line
    )
    assert out.count(": warning NW") == warnings_before + 3, out
    assert [code for code in added if code in ("NW504", "NW506")] == ["NW504", "NW506", "NW506"]
    assert out.count(f"„{pseudonym.group(1)}“ ist seit") == 2

    after = snapshot(example)
    for rel, data in after.items():
        if not rel.endswith(".yaml"):
            continue  # the editor schemas use her id as an example
        text = data.decode()
        for gone in ("maria-schulte", "Maria Schulte", "m.schulte@", "2513-40"):
            assert gone not in text, (rel, gone)
    # only the lines that named her changed: every file has as many lines as before,
    # except the partner file, whose entry lost its contact data
    changed = [rel for rel in after if after[rel] != before[rel]]
    assert "partners/caritas-bocholt.yaml" in changed
    for rel in changed:
        old, new = before[rel].decode().splitlines(), after[rel].decode().splitlines()
        if rel != "partners/caritas-bocholt.yaml":
            assert len(old) == len(new)
            assert all(a == b or "maria-schulte" in a for a, b in zip(old, new, strict=True))
    entry = after["partners/caritas-bocholt.yaml"].decode()
    assert f"- id: {pseudonym.group(1)}\n    name: ehemalige Ansprechperson\n" in entry
    assert (
        "forgotten: 2026-12-07" in entry
        and "consent" not in entry.split(pseudonym.group(1))[1].split("- id:")[0]
    )
    # the Art. 15 view of the pseudonym holds nothing personal
    code, out, err = invoke(example, "person", pseudonym.group(1), "-f", "json", *DAY)
    assert code == 0, err
    data = json.loads(out)["data"]
    assert set(data) == {"id", "name", "forgotten", "decision_maker", "intro_talk", "since"}
    # and the old id is gone
    assert invoke(example, "person", "maria-schulte", *DAY)[0] == 2


FREE_TEXT = {
    "partners/fa.yaml": """\
name: Freiwilligenagentur Teststadt
kind: volunteer_agency
status: active
joined: 2016-01-01
contacts:
  # Anna kommt nur dienstags
  - id: anna
    name: Anna Albers
    salutation: ms
    role: Leitung
    email: anna@example.org
    phone: "0171 1234567"
    address:
      - Lindenweg 4
      - 12345 Teststadt
    decision_maker: ja
    intro_talk: 2016-01-01
    consent: {date: 2016-01-01, purpose: Einladungen, source: Formular}
    since: 2016-01-01

  # the next one stays
  - {id: otto, name: Otto Ohm, consent: 2016-01-01}
""",
    "meetings/2021/2021-03-15-ag.yaml": """\
group: ag
date: 2021-03-15
start: 18:00
end: "20:00"
status: held
chair: anna  # leitet
minutes_by: bernd
invited: [carla]
present: [anna, bernd, carla]
agenda:
  - title: Begrüßung
    duration: 10
    notes: Anna Albers (anna@example.org, 0171 1234567) stellt vor; Frau Albers lädt ein.
  - title: Umfrage
    duration: 30
    kind: decision
    by: anna
    decisions:
      - Die Umfrage startet im April.
    tasks:
      - title: Fragebogen entwerfen
        owner: bernd
        due: 2021-04-30
        done: 2021-04-20
        project: umfrage
      - id: porto-klaeren
        title: Porto klären
        owner: [anna, bernd]
        due: 2021-05-31
""",
}


def test_free_texts_comments_and_line_endings(make_network: Callable[..., Path]) -> None:
    patch: dict[str, str | bytes] = dict(FREE_TEXT)
    crlf = str(patch["meetings/2021/2021-03-15-ag.yaml"]).replace("\n", "\r\n")
    patch["meetings/2021/2021-03-15-ag.yaml"] = b"\xef\xbb\xbf" + crlf.encode()
    root = make_network(patch)
    code, out, err = invoke(root, "forget", "anna", "--write", *DAY)
    assert code == 0, out + err
    pseudonym = re.search(r"(ehemalig-[0-9a-f]{4})", out)
    assert pseudonym
    p = pseudonym.group(1)
    partner = (root / "partners/fa.yaml").read_text(encoding="utf-8")
    assert partner == (
        "name: Freiwilligenagentur Teststadt\n"
        "kind: volunteer_agency\n"
        "status: active\n"
        "joined: 2016-01-01\n"
        "contacts:\n"
        "  # Anna kommt nur dienstags\n"
        f"  - id: {p}\n"
        "    name: ehemalige Ansprechperson\n"
        "    forgotten: 2026-12-07\n"
        "    decision_maker: ja\n"
        "    intro_talk: 2016-01-01\n"
        "    since: 2016-01-01\n"
        "\n"
        "  # the next one stays\n"
        "  - {id: otto, name: Otto Ohm, consent: 2016-01-01}\n"
    )
    raw = (root / "meetings/2021/2021-03-15-ag.yaml").read_bytes()
    assert raw.startswith(b"\xef\xbb\xbf") and raw.count(b"\r\n") == raw.count(b"\n")
    meeting = raw.decode("utf-8-sig")
    assert f"chair: {p}  # leitet\r\n" in meeting
    assert f"owner: [{p}, bernd]" in meeting
    who = "ehemalige Ansprechperson (Freiwilligenagentur Teststadt)"
    assert (
        f"notes: {who} ((E-Mail entfernt), (Telefonnummer entfernt)) stellt vor; {who} lädt ein."
        in meeting
    )
    # lead of the group and of the project follow
    assert f"lead: {p}" in (root / "groups/ag.yaml").read_text()
    assert f"lead: {p}" in (root / "projects/umfrage.yaml").read_text()
    assert invoke(root, "check", *DAY)[0] == 0


def test_a_shared_surname_is_left_for_the_coordinator(make_network: Callable[..., Path]) -> None:
    patch = dict(FREE_TEXT)
    patch["partners/verein.yaml"] = """\
name: TV Teststadt
kind: association
status: active
joined: 2017-01-01
contacts:
  - id: carla
    name: Carla Albers
    decision_maker: yes
    intro_talk: 2017-01-01
    consent: 2017-01-01
"""
    root = make_network(patch)
    code, out, _ = invoke(root, "forget", "anna", *DAY)
    assert code == 0
    assert "gleichen Nachnamen" in out
    assert "meetings/2021/2021-03-15-ag.yaml:13:" in out.split("gleichen Nachnamen")[1]
    code, out, _ = invoke(root, "forget", "anna", "--write", *DAY)
    assert code == 1  # written, but not complete
    meeting = (root / "meetings/2021/2021-03-15-ag.yaml").read_text()
    assert "Frau Albers lädt ein" in meeting and "Anna Albers" not in meeting


def test_refused_for_a_network_with_errors(make_network: Callable[..., Path]) -> None:
    root = make_network({"groups/ag.yaml": "name: AG\nkind: nonsense\n"})
    before = snapshot(root)
    code, _out, err = invoke(root, "forget", "anna", "--write", *DAY)
    assert code == 1 and "Fehler" in err
    assert snapshot(root) == before


def test_unknown_and_missing_ids(make_network: Callable[..., Path]) -> None:
    root = make_network()
    code, _out, err = invoke(root, "forget", *DAY)
    assert code == 2 and "--expired" in err
    code, _out, err = invoke(root, "forget", "niemand", *DAY)
    assert code == 1 and "niemand" in err


def test_expired_contacts_all_at_once(make_network: Callable[..., Path]) -> None:
    root = make_network(
        {
            "netzwerk.yaml": "name: Testnetz\ncoordinator: fa\nprivacy: {retention_years: 2}\n",
            "partners/alt.yaml": """\
name: Alter Verein
kind: association
status: former
joined: 2016-01-01
left: 2019-06-30
contacts:
  - {id: ute, name: Ute Alt, email: ute@example.org, consent: 2016-01-01}
  - {id: udo, name: Udo Alt, until: 2018-01-01, consent: 2016-01-01}
""",
        }
    )
    code, out, _ = invoke(root, "check", *DAY)
    assert out.count("NW508") == 2
    code, out, err = invoke(root, "forget", "--expired", "--write", *DAY)
    assert code == 0, out + err
    assert "ute wird zu" in out and "udo wird zu" in out
    code, out, _ = invoke(root, "check", *DAY)
    assert "NW508" not in out and "NW502" not in out
    assert "ute@example.org" not in (root / "partners/alt.yaml").read_text()
    code, out, _ = invoke(root, "forget", "--expired", *DAY)
    assert code == 0 and "über die Aufbewahrungsfrist" in out


def test_expired_needs_a_retention_period(make_network: Callable[..., Path]) -> None:
    code, _out, err = invoke(make_network(), "forget", "--expired", *DAY)
    assert code == 2 and "retention_years" in err


def test_generated_files_in_the_folder_are_named(make_network: Callable[..., Path]) -> None:
    root = make_network(
        {
            "ausgaben/einladung.md": "Liebe Anna Albers,\n",
            "ausgaben/protokoll.pdf": b"%PDF-1.7",
            "ausgaben/andere.md": "nichts\n",
        }
    )
    code, out, _ = invoke(root, "forget", "anna", *DAY)
    assert code == 0
    tail = out.split("löschen Sie sie oder erzeugen Sie sie neu:")[1]
    assert "ausgaben/einladung.md" in tail and "ausgaben/protokoll.pdf" in tail
    assert "ausgaben/andere.md" not in tail


def test_sent_messages_are_searched_as_they_read_not_as_they_are_encoded(
    make_network: Callable[..., Path],
) -> None:
    """An e-mail carries the name quoted-printable or base64, in an encoded header,
    and its calendar folds lines ("Anna \\r\\n Albers"): decoded, each names her."""
    from email.message import EmailMessage

    def mail(body: str, charset: str) -> bytes:
        msg = EmailMessage()
        msg["To"] = "Jörg Jäger <joerg@example.org>"
        msg["Subject"] = "Einladung"
        msg.set_content(body, charset=charset, cte="base64" if charset else None)
        return bytes(msg)

    folded = "BEGIN:VEVENT\r\nDESCRIPTION:Leitung: Dr. Bärbel Böhm und Anna\r\n  Albers\r\nEND:VEVENT\r\n"
    root = make_network(
        {
            "postausgang/a.eml": mail("Leitung: Anna Albers, Überraschung\n", "utf-8"),
            "postausgang/b.ics": folded,
            "postausgang/c.eml": mail("Leitung: Bernd Brink, Überraschung\n", "utf-8"),
            # saved from a mail program with a charset Python does not know
            "antworten/d.eml": b"Content-Type: text/plain; charset=unknown-8bit\n\n"
            b"Gru\xdf von Anna Albers\n",
            "antworten/e.eml": b"Content-Type: text/plain; charset=unknown-8bit\n\n"
            b"Gru\xdf von Bernd Brink\n",  # read, not only listed as unreadable
        }
    )
    raw = (root / "postausgang/a.eml").read_bytes()
    assert b"Anna Albers" not in raw  # base64 on disk
    code, out, _ = invoke(root, "forget", "anna", *DAY)
    assert code == 0
    tail = out.split("löschen Sie sie oder erzeugen Sie sie neu:")[1]
    assert "postausgang/a.eml" in tail and "postausgang/b.ics" in tail
    assert "antworten/d.eml" in tail and "postausgang/c.eml" not in tail
    assert "antworten/e.eml" not in tail


def test_the_record_of_sent_messages_names_the_pseudonym(
    make_network: Callable[..., Path],
) -> None:
    """What was sent stays recorded, under the pseudonym: the next run sees who had
    the invitation (no cancellation to an id that is gone), and the server's answer,
    which may quote her address, is left out."""
    import json

    lines = [
        {"key": "k1", "person": "anna", "kind": "invitation", "meeting": "m", "method": "REQUEST"},
        {"key": "k2", "person": "anna", "status": "failed", "answer": "550 anna@example.org"},
        {"key": "k3", "person": "bernd", "kind": "invitation", "meeting": "m"},
    ]
    record = "".join(json.dumps(line) + "\n" for line in lines)
    root = make_network({"postausgang/versendet.jsonl": record})
    code, out, _ = invoke(root, "forget", "anna", *DAY)
    assert code == 0 and "versendet.jsonl" not in out.split("neu:")[-1]  # not to delete
    assert (root / "postausgang/versendet.jsonl").read_text(encoding="utf-8") == record
    code, out, _ = invoke(root, "forget", "anna", *DAY, "--write")
    assert code == 0 and "postausgang/versendet.jsonl" in out
    entries = [
        json.loads(line)
        for line in (root / "postausgang/versendet.jsonl").read_text(encoding="utf-8").splitlines()
    ]
    assert [e["person"] for e in entries][2] == "bernd"
    assert entries[0]["person"] == entries[1]["person"] != "anna"
    assert entries[0]["person"].startswith("ehemalig-") and "answer" not in entries[1]
    assert "anna" not in (root / "postausgang/versendet.jsonl").read_text(encoding="utf-8")


GIT_USER = ["-c", "user.name=T", "-c", "user.email=t@example.org"]


def _git(root: Path, *args: str) -> str:
    result = subprocess.run(["git", *args], cwd=root, capture_output=True, text=True, check=True)
    return result.stdout


def _script(out: str) -> str:
    """The commands `forget` printed, as the coordinator copies them."""
    script = out.split("(git filter-repo: https://github.com/newren/git-filter-repo):\n\n")[1]
    return script.split("\n\n")[0]


@pytest.mark.skipif(shutil.which("git") is None, reason="git is not installed")
def test_history_commands_run_as_printed_remove_the_data_from_every_commit(
    make_network: Callable[..., Path], tmp_path: Path
) -> None:
    """The printed script, run unchanged by bash against a real remote with git
    filter-repo, leaves no trace of the person in any commit, and nobody else's data
    is touched: Bernd shares the postcode line, Hanna's address contains "anna"."""
    if shutil.which("git-filter-repo") is None:
        pytest.skip("git-filter-repo is not installed (pip install git-filter-repo)")
    patch: dict[str, str] = dict(FREE_TEXT)
    patch["partners/bank.yaml"] = str(BASE["partners/bank.yaml"]).replace(
        "    phone: 0287112345\n",
        "    phone: 0287112345\n    email: hanna@example.org\n"
        "    address: [Hauptstr. 1, 12345 Teststadt]\n",
    )
    # a private number in a comment of her entry goes with the entry, and from the history
    patch["partners/fa.yaml"] = patch["partners/fa.yaml"].replace(
        "    salutation: ms\n",
        "    salutation: ms\n    # privat: Handy 0160 9876543, a.a@privat.example\n",
    )
    root = make_network(patch)
    remote = tmp_path / "remote.git"
    subprocess.run(["git", "init", "-q", "--bare", "-b", "main", str(remote)], check=True)
    _git(root, "init", "-q", "-b", "main")
    _git(root, *GIT_USER, "add", "-A")
    _git(root, *GIT_USER, "commit", "-qm", "Anna Albers, anna@example.org")
    _git(root, "remote", "add", "origin", str(remote))
    code, out, err = invoke(root, "forget", "anna", "--write", *DAY)  # --write shows it
    assert code == 0, out + err
    _git(root, *GIT_USER, "commit", "-qam", "forget")
    _git(root, "push", "-q", "origin", "main")
    script = _script(out)
    assert script.startswith(f"git clone --no-local {remote} netzwerk-neu\n")
    assert "12345 Teststadt" not in script  # Bernd's too: not rewritten
    work = tmp_path / "work"
    work.mkdir()
    env = {**os.environ, "PATH": f"{Path(sys.executable).parent}{os.pathsep}{os.environ['PATH']}"}
    env |= {"GIT_AUTHOR_NAME": "T", "GIT_COMMITTER_NAME": "T", "EMAIL": "t@example.org"}
    result = subprocess.run(
        ["bash", "-c", script], cwd=work, capture_output=True, text=True, env=env, check=False
    )
    assert result.returncode == 0, result.stdout + result.stderr
    assert "\n0\n" in f"\n{result.stdout}", result.stdout  # the search found nothing
    assert not list(work.glob("forget-*.txt"))
    fresh = tmp_path / "fresh"
    subprocess.run(["git", "clone", "-q", str(remote), str(fresh)], check=True)
    log = _git(fresh, "log", "--all", "-p")
    gone_all = ("Anna Albers", "anna@example.org", "0171 1234567", "Lindenweg 4", "0160 9876543")
    for gone in (*gone_all, "a.a@privat.example"):
        assert not re.search(rf"(?<![\w.]){re.escape(gone)}", log), gone
    assert "hanna@example.org" in log and "12345 Teststadt" in log
    code, out, err = invoke(fresh, "check", *DAY)
    assert code == 0, out + err


def test_no_one_else_is_touched(make_network: Callable[..., Path]) -> None:
    """Boundaries: an id inside an e-mail address or a longer id, a name inside a
    longer hyphenated name, an address that contains another, stay as they are; and a
    note that starts with an e-mail address stays valid YAML."""
    patch: dict[str, str] = dict(FREE_TEXT)
    patch["partners/verein.yaml"] = """\
name: TV Teststadt
kind: association
status: active
joined: 2017-01-01
contacts:
  - id: carla
    name: Carla Clemens
    email: anna@tv-teststadt.example.org
    decision_maker: yes
    intro_talk: 2017-01-01
    consent: 2017-01-01
  - id: anna-lena
    name: Lena-Anna Albers
    email: hanna@example.org
    consent: 2017-01-01
"""
    patch["meetings/2021/2021-03-15-ag.yaml"] = patch["meetings/2021/2021-03-15-ag.yaml"].replace(
        "    notes: Anna Albers (anna@example.org, 0171 1234567) stellt vor; Frau Albers lädt ein.",
        "    notes: anna@example.org schickt die Einladung an hanna@example.org und anna-lena.",
    )
    root = make_network(patch)
    verein = (root / "partners/verein.yaml").read_text()
    code, out, err = invoke(root, "forget", "anna", "--write", *DAY)
    assert code == 0, out + err
    assert (root / "partners/verein.yaml").read_text() == verein
    meeting = (root / "meetings/2021/2021-03-15-ag.yaml").read_text()
    assert (
        "    notes: (E-Mail entfernt) schickt die Einladung an hanna@example.org und anna-lena."
        in meeting
    )


def test_a_partner_named_after_the_person_is_not_repeated(
    make_network: Callable[..., Path],
) -> None:
    bank = str(BASE["partners/bank.yaml"]).replace(
        "name: Volksbank Teststadt", "name: Steuerbüro Bernd Brink"
    )
    root = make_network({"partners/bank.yaml": bank})
    code, out, err = invoke(root, "forget", "bernd", "--write", *DAY)
    assert code == 0, out + err
    text = "".join(p.read_text() for p in root.rglob("*.yaml"))
    assert "Bernd Brink" not in text and "Ansprechperson (Steuerbüro" not in text


def test_a_name_broken_across_lines_is_left_for_the_coordinator(
    make_network: Callable[..., Path],
) -> None:
    patch: dict[str, str] = dict(FREE_TEXT)
    patch["meetings/2021/2021-03-15-ag.yaml"] = patch["meetings/2021/2021-03-15-ag.yaml"].replace(
        "    notes: Anna Albers (anna@example.org, 0171 1234567) stellt vor; Frau Albers lädt ein.",
        "    notes: |\n      Es stellt Anna\n      Albers vor.",
    )
    root = make_network(patch)
    code, out, _err = invoke(root, "forget", "anna", "--write", *DAY)
    assert code == 1
    assert "meetings/2021/2021-03-15-ag.yaml:14: Anna Albers" in out


def test_everyone_of_the_example_at_once(example: Path) -> None:
    """Any person of the example can be erased: all of them together leave every
    figure of every report as it was, and the network without errors."""
    from netzwerkctl.load import load_network

    ids = sorted(load_network(example).network.persons)
    figures = reports(example)
    code, out, err = invoke(example, "forget", *ids, "--write", *DAY)
    assert code == 0, out + err
    assert out.count(" wird zu ehemalig-") == len(ids)
    assert reports(example) == figures
    assert invoke(example, "check", *DAY)[0] == 0
    assert load_network(example).network.persons.keys().isdisjoint(ids)


def test_the_guard_sees_a_changed_figure(make_network: Callable[..., Path]) -> None:
    """The comparison that stops a harmful erasure does notice a change."""
    from datetime import date

    from netzwerkctl.cli.forget import _changed_reports
    from netzwerkctl.load import load_network

    before = load_network(make_network()).network
    meeting = (
        "group: ag\ndate: 2021-03-15\nstart: 18:00\nstatus: held\nchair: anna\n"
        "minutes_by: bernd\npresent: [anna, bernd]\n"
    )
    after = load_network(make_network({"meetings/2021/2021-03-15-ag.yaml": meeting})).network
    assert _changed_reports(before, after, date(2022, 6, 1))[0] == 2021  # 2022 compares with it
    assert _changed_reports(before, before, date(2022, 6, 1)) == []


def test_an_english_network_gets_english_pseudonyms(make_network: Callable[..., Path]) -> None:
    info = "name: Testnetz\nlanguage: en\ncoordinator: fa\n"
    root = make_network({"netzwerk.yaml": info})
    code, out, err = invoke(root, "forget", "bernd", "--write", *DAY)
    assert code == 0, out + err
    assert re.search(r"bernd becomes former-[0-9a-f]{4} \(partners/bank\.yaml\)", out)
    assert "    name: former contact person\n" in (root / "partners/bank.yaml").read_text()
    assert "the reports of all years keep every figure" in out


def test_a_forgotten_person_is_nobody_to_invite_remind_or_sign(example: Path) -> None:
    """Erased, the office's contact person signs no letter (the chair does; check asks
    for a successor, NW513), and a pseudonym gets no reminder."""
    code, out, err = invoke(example, "forget", "jonas-terhorst", "--write", *DAY)
    assert code == 0, out + err
    check = invoke(example, "check", *DAY)[1]
    assert "NW513" in check
    letter = invoke(example, "agenda", "2022-10-12-ag-bildung", *DAY)[1]
    closing = letter.split("Mit freundlichen Grüßen")[1]
    assert "ehemalige Ansprechperson" not in closing, closing
    reminders = invoke(example, "remind", *DAY)[1]
    assert "ehemalige Ansprechperson" not in reminders, reminders


def test_a_surname_after_a_title_is_found_never_rewritten_in_a_firm(example: Path) -> None:
    """„Dr. Ebbing“ (no Frau/Herr) may name her: the Art. 15 answer lists the line, and
    the erasure names it to change by hand (exit 1) — a title also stands in the names
    of firms („Zahnarztpraxis Dr. Hemsing“), which it never rewrites. An office only a
    person holds („Pfarrer Vennekötter“) is replaced like „Frau Schulte“."""
    meeting = example / "meetings" / "2021" / "2021-11-17-ag-bildung.yaml"
    text = meeting.read_text(encoding="utf-8")
    decision = "      - 2022 gibt es fünf Module; neu ist „Datenschutz im Verein“.\n"
    added = decision + "      - Dr. Ebbing vertritt die AG im Programmbeirat.\n"
    meeting.write_text(text.replace(decision, added), encoding="utf-8")
    answer = invoke(example, "person", "martina-ebbing", *DAY)[1]
    assert "Dr. Ebbing vertritt die AG im Programmbeirat." in answer
    code, out, err = invoke(example, "forget", "martina-ebbing", "--write", *DAY)
    assert code == 1, out + err
    assert "2021-11-17-ag-bildung.yaml:" in out.split("bitte von Hand ändern:")[1]
    assert "Dr. Ebbing vertritt" in meeting.read_text(encoding="utf-8")  # for the person

    firm = example / "partners" / "druckerei-hemsing.yaml"
    lines = firm.read_text(encoding="utf-8").splitlines(keepends=True)
    firm.write_text("name: Zahnarztpraxis Dr. Hemsing\n" + "".join(lines[1:]), encoding="utf-8")
    invoke(example, "forget", "frank-hemsing", "--write", *DAY)
    assert firm.read_text(encoding="utf-8").startswith("name: Zahnarztpraxis Dr. Hemsing\n")
    code, out, err = invoke(example, "forget", "johannes-vennekoetter", "--write", *DAY)
    assert code == 0, out + err
    assert "Pfarrer Vennekötter" not in (
        example / "partners" / "pfarrei-st-martinus.yaml"
    ).read_text(encoding="utf-8")


def test_an_erased_chair_chairs_and_signs_nothing(example: Path) -> None:
    """Erased, the chair of the AG Bildung is not the chair of its next meeting, and
    signs no letter; a coming meeting she was to chair is named by check (NW417)."""
    code, out, err = invoke(example, "forget", "martina-ebbing", "jonas-terhorst", "--write", *DAY)
    assert code == 0, out + err
    assert invoke(example, "new", "meeting", "ag-bildung", "2027-01-20")[0] == 0
    meeting = example / "meetings" / "2027" / "2027-01-20-ag-bildung.yaml"
    assert "chair: ehemalig" not in meeting.read_text(encoding="utf-8")
    letter = invoke(example, "agenda", "2027-01-20-ag-bildung", *DAY)[1]
    assert "ehemalige Ansprechperson" not in letter.split("Mit freundlichen Grüßen")[1]
    text = meeting.read_text(encoding="utf-8")
    pseudonym = next(
        line.split(": ")[1]
        for line in (example / "groups" / "ag-bildung.yaml")
        .read_text(encoding="utf-8")
        .splitlines()
        if "person: ehemalig" in line
    )
    meeting.write_text(text.replace("# chair: person-id", f"chair: {pseudonym}"), encoding="utf-8")
    assert "NW417" in invoke(example, "check", *DAY)[1]


def test_a_private_number_from_her_entry_goes_wherever_it_stands(
    make_network: Callable[..., Path],
) -> None:
    """Noted in a comment of her entry and written again in another file: replaced
    there too (not only in the history), like her own phone number."""
    patch: dict[str, str] = dict(FREE_TEXT)
    patch["partners/fa.yaml"] = patch["partners/fa.yaml"].replace(
        "    salutation: ms\n", "    salutation: ms\n    # privat: Handy 0160 9876543\n"
    )
    patch["partners/verein.yaml"] = (
        str(BASE["partners/verein.yaml"]) + "notes: Rückruf unter 0160 9876543.\n"
    )
    root = make_network(patch)
    code, out, err = invoke(root, "forget", "anna", "--write", *DAY)
    assert code == 0, out + err
    notes = (root / "partners" / "verein.yaml").read_text(encoding="utf-8")
    assert "0160 9876543" not in notes and "Rückruf unter (Telefonnummer entfernt)." in notes


def test_a_number_of_someone_else_noted_in_her_entry_stays_theirs(
    make_network: Callable[..., Path],
) -> None:
    """„sonst übers Büro …“ in a comment of her entry is the office's number (and a
    colleague's address is theirs): it goes with her entry, nowhere else."""
    patch: dict[str, str] = dict(FREE_TEXT)
    patch["partners/fa.yaml"] = patch["partners/fa.yaml"].replace(
        "    salutation: ms\n",
        "    salutation: ms\n    # sonst übers Büro 02871 953-600 oder carla@example.org\n",
    )
    patch["netzwerk.yaml"] = str(BASE["netzwerk.yaml"]) + (
        'office:\n  name: FA Teststadt\n  phone: "02871 953-600"\n'
    )
    patch["partners/verein.yaml"] = str(BASE["partners/verein.yaml"]).replace(
        "    name: Carla Clemens\n", "    name: Carla Clemens\n    email: carla@example.org\n"
    )
    root = make_network(patch)
    code, out, err = invoke(root, "forget", "anna", "--write", *DAY)
    assert code == 0, out + err
    assert '  phone: "02871 953-600"' in (root / "netzwerk.yaml").read_text(encoding="utf-8")
    assert "carla@example.org" in (root / "partners" / "verein.yaml").read_text(encoding="utf-8")
    assert "953-600" not in (root / "partners" / "fa.yaml").read_text(encoding="utf-8")


def test_an_erasure_is_never_dated_in_the_future(example: Path) -> None:
    """`--today` of a coming day would write that day as `forgotten:` and leave the
    person a contact until then; refused. A `forgotten` in the future is an error."""
    from datetime import date, timedelta

    coming = date.today() + timedelta(days=30)
    later = coming.isoformat()
    before = snapshot(example)
    code, _out, err = invoke(example, "forget", "maria-schulte", "--write", "--today", later)
    assert code == 2 and f"nicht {coming:%d.%m.%Y}." in err and snapshot(example) == before
    caritas = example / "partners" / "caritas-bocholt.yaml"
    text = caritas.read_text(encoding="utf-8")
    caritas.write_text(
        text.replace("  - id: maria-schulte\n", f"  - id: maria-schulte\n    forgotten: {later}\n"),
        encoding="utf-8",
    )
    assert "NW303" in invoke(example, "check")[1]
