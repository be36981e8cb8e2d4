"""`partners`, `match`, `market` and `person` on inline networks."""

from __future__ import annotations

import csv
import io
import json
from collections.abc import Callable
from pathlib import Path

import pytest
from typer.testing import CliRunner

from conftest import BASE, Files
from netzwerkctl.cli import app

runner = CliRunner()
TODAY = ["--today", "2022-01-10"]

PARTNERS: Files = {
    "partners/vhs.yaml": """\
name: Volkshochschule
kind: education
status: active
expertise: [Erwachsenenbildung, Qualifizierung, Räume]
joined: 2017-01-01
contacts:
  - {id: vera, name: Vera Volk, decision_maker: ja, consent: 2017-01-01}
  - {id: viktor, name: Viktor Volk, consent: 2017-01-01}
""",
    "partners/jugendring.yaml": """\
name: Jugendring
kind: association
status: prospect
cluster: Jugend
expertise: [Jugendarbeit, Ferienfreizeiten]
contacts:
  - {id: jana, name: Jana Jung, consent: 2021-12-01}
""",
    "partners/presse.yaml": """\
name: Stadtanzeiger
kind: media
status: approached
cluster: Medien
expertise: [Öffentlichkeitsarbeit]
approached: 2021-11-02
contacts:
  - {id: paul, name: Paul Presse, decision_maker: ja, consent: 2021-11-02}
""",
    "partners/alt.yaml": """\
name: Alter Bildungsträger
kind: education
status: former
expertise: [Bildung]
joined: 2015-01-01
left: 2019-12-31
""",
}


def invoke(root: Path, *args: str) -> tuple[int, str, str]:
    result = runner.invoke(app, ["-C", str(root), *args])
    return result.exit_code, result.stdout, result.stderr


def test_partners_json_with_pipeline_groups_and_patronage(
    make_network: Callable[..., Path],
) -> None:
    code, out, _ = invoke(make_network(PARTNERS), "partners", *TODAY, "--format", "json")
    assert code == 0
    rows = {r["id"]: r for r in json.loads(out)}
    assert list(rows) == [
        "alt",
        "fa",
        "jugendring",
        "kirche",
        "presse",
        "verein",
        "bank",
        "vhs",
    ]  # by name
    bank = rows["bank"]
    assert bank["decision_makers"] == ["Bernd Brink"] and bank["groups"] == ["AG Bildung"]
    assert bank["patron_of"] == ["AG Bildung"] and bank["contacts"] == 1
    assert (rows["presse"]["status"], rows["presse"]["approached"]) == ("approached", "2021-11-02")
    assert rows["jugendring"]["decision_makers"] == []


def test_partners_filters_and_csv(make_network: Callable[..., Path]) -> None:
    root = make_network(PARTNERS)
    raw = runner.invoke(
        app, ["-C", str(root), "partners", *TODAY, "--status", "prospect", "-f", "csv"]
    ).stdout_bytes
    assert raw.startswith("\ufeffKennung;Name;Art;Status;".encode()) and raw.count(b"\r\n") == 3
    code, out, _ = invoke(root, "partners", *TODAY, "--status", "prospect", "--format", "csv")
    assert code == 0
    rows = list(csv.DictReader(io.StringIO(out.removeprefix("\ufeff")), delimiter=";"))
    assert [r["Kennung"] for r in rows] == ["jugendring", "kirche"]
    assert rows[0]["Expertise"] == "Jugendarbeit, Ferienfreizeiten"
    # kinds, statuses and dates as a German reader writes them, never the stored ids
    assert (rows[1]["Art"], rows[1]["Status"], rows[1]["angesprochen"]) == (
        "Kirche",
        "möglich",
        "10.01.2021",
    )
    code, out, _ = invoke(root, "partners", *TODAY, "--expertise", "bildung", "--format", "json")
    assert [r["id"] for r in json.loads(out)] == ["alt", "vhs"]  # Erwachsenenbildung counts
    assert invoke(root, "partners", "--status", "aktiv")[0] == 2


def test_csv_cells_that_look_like_formulas_stay_text(make_network: Callable[..., Path]) -> None:
    odd = (
        str(PARTNERS["partners/jugendring.yaml"])
        .replace("name: Jugendring", 'name: "=HYPERLINK(\\"http://x\\")"')
        .replace("cluster: Jugend", "cluster: '@Jugend'")
    )
    root = make_network({**PARTNERS, "partners/jugendring.yaml": odd})
    code, out, _ = invoke(root, "partners", *TODAY, "--status", "prospect", "--format", "csv")
    reader = csv.DictReader(io.StringIO(out.lstrip("\ufeff")), delimiter=";")
    rows = {r["Kennung"]: r for r in reader}
    assert code == 0
    assert rows["jugendring"]["Name"] == '\'=HYPERLINK("http://x")'
    assert rows["jugendring"]["Cluster"] == "'@Jugend"


def test_partners_by_cluster(make_network: Callable[..., Path]) -> None:
    code, out, _ = invoke(make_network(PARTNERS), "partners", *TODAY, "--cluster")
    assert code == 0
    assert (
        out.index("## Jugend\n") < out.index("### Ferienfreizeiten") < out.index("### Jugendarbeit")
    )
    assert out.count("**Jugendring**") == 2  # under each of its tags
    assert "## Ohne Cluster" in out and "**keine Entscheidungsperson**" in out


def test_match_ranks_by_fit_with_reasons_and_decision_makers(
    make_network: Callable[..., Path],
) -> None:
    code, out, _ = invoke(
        make_network(PARTNERS), "match", "Bildung", "Jugend", *TODAY, "--format", "json"
    )
    assert code == 0
    matches = json.loads(out)["matches"]
    assert [m["id"] for m in matches] == ["jugendring", "vhs"]  # the former partner is left out
    vhs = matches[1]
    assert vhs["reasons"] == [{"query": "Bildung", "tag": "Erwachsenenbildung", "how": "part"}]
    assert vhs["decision_makers"] == ["Vera Volk"] and vhs["persons"] == ["Viktor Volk"]
    assert matches[0]["status"] == "prospect" and matches[0]["decision_makers"] == []


def test_match_finds_umlaut_free_spelling(make_network: Callable[..., Path]) -> None:
    code, out, _ = invoke(make_network(PARTNERS), "match", "oeffentlichkeitsarbeit", *TODAY)
    assert code == 0
    assert (
        "1. **Stadtanzeiger** (angesprochen) – passt: „oeffentlichkeitsarbeit“ ~ Öffentlichkeitsarbeit (gleiches Wort)"
        in out
    )
    assert "   Ansprechen: Paul Presse (entscheidet)" in out


def test_match_reads_a_phrase_by_its_meaningful_words(make_network: Callable[..., Path]) -> None:
    code, out, _ = invoke(
        make_network(PARTNERS), "match", "Raum für die Arbeit mit Jugend", *TODAY, "-f", "json"
    )
    assert code == 0
    reasons = {m["id"]: m["reasons"] for m in json.loads(out)["matches"]}
    assert reasons["vhs"] == [{"query": "raum", "tag": "Räume", "how": "stem"}]
    assert reasons["jugendring"] == [
        {"query": "arbeit", "tag": "Jugendarbeit", "how": "part"},
        {"query": "jugend", "tag": "Jugend", "how": "same"},
    ]
    # "für", "die" and "mit" are not searched for
    assert all(r["query"] in {"raum", "arbeit", "jugend"} for rs in reasons.values() for r in rs)


def test_match_short_words_in_a_phrase_meet_whole_tags_only(
    make_network: Callable[..., Path],
) -> None:
    presse = str(PARTNERS["partners/presse.yaml"]).replace(
        "expertise: [Öffentlichkeitsarbeit]", "expertise: [EDV, IT, Arbeit im Verein]"
    )
    root = make_network({**PARTNERS, "partners/presse.yaml": presse})
    code, out, _ = invoke(root, "match", "Hilfe bei EDV und IT", *TODAY, "-f", "json")
    assert code == 0
    assert [(m["id"], [r["tag"] for r in m["reasons"]]) for m in json.loads(out)["matches"]] == [
        ("presse", ["EDV", "IT"])
    ]
    code, out, _ = invoke(root, "match", "Räume im Zentrum", *TODAY, "-f", "json")
    assert "presse" not in [m["id"] for m in json.loads(out)["matches"]]  # "im" alone


def test_match_a_short_word_alone_finds_compound_tags(make_network: Callable[..., Path]) -> None:
    presse = str(PARTNERS["partners/presse.yaml"]).replace(
        "expertise: [Öffentlichkeitsarbeit]", "expertise: [IT-Sicherheit, EDV Schulung]"
    )
    root = make_network({**PARTNERS, "partners/presse.yaml": presse})
    for query in ("IT", "EDV", "Hilfe bei IT"):
        code, out, _ = invoke(root, "match", query, *TODAY, "-f", "json")
        assert code == 0 and [m["id"] for m in json.loads(out)["matches"]] == ["presse"], query


def test_match_for_a_group_leaves_out_who_is_involved(make_network: Callable[..., Path]) -> None:
    bank = BASE["partners/bank.yaml"].replace(
        "expertise: [Finanzen, Vereinsbuchhaltung]", "expertise: [Bildung]"
    )
    code, out, _ = invoke(
        make_network({**PARTNERS, "partners/bank.yaml": bank}),
        "match",
        "--group",
        "ag",
        *TODAY,
        "--format",
        "json",
    )
    assert code == 0
    data = json.loads(out)
    assert data["topics"] == ["Bildung"]  # the group's topic
    assert [m["id"] for m in data["matches"]] == ["vhs"]  # bank is patron and member already


def test_match_needs_a_topic(make_network: Callable[..., Path]) -> None:
    assert invoke(make_network(), "match")[0] == 2


MARKET = """\
title: Markt
date: 2021-06-12
offers:
  - {id: o1, partner: bank, what: Beratung Vereinsbuchhaltung, kind: expertise}
  - {id: o2, partner: fa, what: Druck von Flyern, kind: material}
  - {id: o3, partner: verein, what: Flyer verteilen, kind: material}
  - {id: o4, partner: bank, what: Räume für Kurse, kind: rooms}
needs:
  - {id: n1, partner: verein, what: Hilfe bei der Buchhaltung, kind: expertise}
  - {id: n2, partner: verein, what: Flyer für das Sommerfest, kind: material}
  - {id: n3, partner: bank, what: Kursräume, kind: staff}
deals:
  - {offer: o1, need: n1, agreed: 2021-06-12}
"""


def test_match_for_a_group_names_it_and_says_when_all_who_fit_are_in_it(
    make_network: Callable[..., Path],
) -> None:
    bank = BASE["partners/bank.yaml"].replace(
        "expertise: [Finanzen, Vereinsbuchhaltung]", "expertise: [Bildung]"
    )
    root = make_network({"partners/bank.yaml": bank})  # no VHS: only the bank fits
    code, out, _ = invoke(root, "match", "--group", "ag", *TODAY)
    assert code == 0
    assert "# Wer kann helfen bei: Bildung (für AG Bildung, noch nicht beteiligt)" in out
    assert (
        "Alle Partner, die dazu passen, sind in der Gruppe schon beteiligt: Volksbank Teststadt."
        in out
    )


def test_partner_table_and_market_speak_german(make_network: Callable[..., Path]) -> None:
    result = runner.invoke(
        app, ["-C", str(make_network(PARTNERS)), "partners", *TODAY], env={"COLUMNS": "200"}
    )
    assert "angesprochen" in result.stdout and "Bildungseinrichtung" in result.stdout
    assert "approached" not in result.stdout and "education" not in result.stdout
    code, out, _ = invoke(make_network({"marketplace/markt.yaml": MARKET}), "market", "markt")
    assert code == 0 and "(Material)" in out and "(material)" not in out


def test_market_event_deals_open_items_and_suggestions(make_network: Callable[..., Path]) -> None:
    code, out, _ = invoke(
        make_network({"marketplace/markt.yaml": MARKET}), "market", "markt", "--format", "json"
    )
    assert code == 0
    event = json.loads(out)["event"]
    assert [(d["offer"]["id"], d["need"]["id"]) for d in event["deals"]] == [("o1", "n1")]
    assert [o["id"] for o in event["open_offers"]] == ["o2", "o3", "o4"]
    assert [n["id"] for n in event["open_needs"]] == ["n2", "n3"]
    pairs = [(s["offer"]["id"], s["need"]["id"], s["shared"]) for s in event["suggestions"]]
    assert pairs == [("o2", "n2", ["Flyern"])]  # o3 is verein's own offer; n3 is another kind


def test_a_deal_whose_offer_is_not_in_the_data_says_which(
    make_network: Callable[..., Path],
) -> None:
    """A deal naming an offer that is not there (NW205), with --allow-errors: the line
    names the missing offer instead of a bare „?“."""
    markt = BASE["marketplace/markt.yaml"].replace("  - offer: o1\n", "  - offer: o9\n")
    root = make_network({"marketplace/markt.yaml": markt})
    assert invoke(root, "market", "markt")[0] == 1
    code, out, _err = invoke(root, "market", "markt", "--allow-errors")
    assert code == 0
    assert "- „o9“ (fehlt in den Daten) → TV Teststadt: Hilfe bei der Buchhaltung" in out, out


def test_market_balance_across_events(make_network: Callable[..., Path]) -> None:
    later = "title: Markt 2\ndate: 2022-06-01\noffers:\n  - {id: a, partner: verein, what: Helfende, kind: staff}\nneeds:\n  - {id: b, partner: fa, what: Helfende, kind: staff}\ndeals:\n  - {offer: a, need: b}\n"
    root = make_network({"marketplace/markt.yaml": MARKET, "marketplace/markt-2.yaml": later})
    code, out, _ = invoke(root, "market")
    assert code == 0
    assert "| Markt (markt) | 12.06.2021 | 4 | 3 | 1 |" in out
    assert (
        "| TV Teststadt | 2 | 2 | 1 | 1 |" in out
        and "| Volksbank Teststadt | 2 | 1 | 1 | 0 |" in out
    )
    assert invoke(root, "market", "makrt")[2].count("Meinten Sie „markt“?") == 1


def test_person_lists_data_and_every_mention(make_network: Callable[..., Path]) -> None:
    notes = (
        BASE["partners/verein.yaml"]
        + "notes: |\n  Ansprechpartnerin im Vorstand: Anna Albers (Vorsitz).\n"
    )
    root = make_network({"partners/verein.yaml": notes})
    code, out, _ = invoke(root, "person", "anna", *TODAY, "--format", "json")
    assert code == 0
    data = json.loads(out)
    assert data["data"]["email"] == "anna@example.org" and data["data"]["decision_maker"] is True
    mentions = [(m["file"], m["line"], m["what"]) for m in data["mentions"]]
    assert mentions == [
        ("groups/ag.yaml", 6, "group_lead"),
        ("groups/ag.yaml", 10, "member"),
        ("meetings/2021/2021-03-15-ag.yaml", 6, "chair"),
        ("meetings/2021/2021-03-15-ag.yaml", 9, "present"),
        ("meetings/2021/2021-03-15-ag.yaml", 16, "presenter"),
        ("meetings/2021/2021-03-15-ag.yaml", 27, "task_owner"),
        ("partners/fa.yaml", 6, "contact"),
        ("partners/verein.yaml", 12, "text"),
        ("projects/umfrage.yaml", 4, "project_lead"),
    ]
    assert data["mentions"][7]["text"] == "Ansprechpartnerin im Vorstand: Anna Albers (Vorsitz)."


def test_person_markdown_says_what_erasure_changes(make_network: Callable[..., Path]) -> None:
    code, out, err = invoke(make_network(), "person", "bernd", *TODAY)
    assert code == 0
    assert "\n# Gespeicherte Daten über Bernd Brink\n" in out
    assert "| Telefon | 0287112345 |" in out and "| entscheidet für die Organisation | ja |" in out
    assert "decision_maker" not in out.split("## Wo")[0]  # German field names only
    assert "| meetings/2021/2021-03-15-ag.yaml:7 | 2021-03-15-ag | Protokoll |" in out
    for heading in ("Zwecke und Rechtsgrundlagen", "Empfänger", "Speicherdauer", "Herkunft"):
        assert f"\n## {heading}\n" in out, heading
    assert "Guten Tag Bernd Brink," in out and "Ihre Rechte" in out
    # what erasure changes is for the coordinator, not in the answer to the person
    assert "Zeile löschen" not in out and "Nicht durchsucht" not in out
    assert "  meetings/2021/2021-03-15-ag.yaml:7: andere Person eintragen oder Zeile löschen" in err


def test_person_found_by_email_phone_and_possibly_by_surname(
    make_network: Callable[..., Path],
) -> None:
    notes = BASE["partners/verein.yaml"] + (
        "notes: |\n"
        "  Rückfragen an anna@example.org.\n"
        "  Zusage kam telefonisch von 0287112345.\n"
        "  Frau Albers hat zugesagt.\n"
        "  Albersloh ist ein Ort.\n"
    )
    root = make_network({"partners/verein.yaml": notes})
    code, out, _ = invoke(root, "person", "anna", *TODAY, "--format", "json")
    texts = [(m["what"], m["text"]) for m in json.loads(out)["mentions"] if m["text"]]
    assert code == 0 and texts == [
        ("text", "Rückfragen an anna@example.org."),
        ("maybe", "Frau Albers hat zugesagt."),
    ]
    code, out, _ = invoke(root, "person", "bernd", *TODAY, "--format", "json")
    texts = [(m["what"], m["text"]) for m in json.loads(out)["mentions"] if m["text"]]
    assert texts == [("text", "Zusage kam telefonisch von 0287112345.")]


def test_the_answer_to_a_person_discloses_nobody_else(make_network: Callable[..., Path]) -> None:
    """Art. 15 (4): a line that names the person is quoted, but another contact's
    name, id, e-mail address and phone number, and any number or address that is not
    the person's own, read […] — in the letter as in JSON."""
    notes = BASE["partners/verein.yaml"] + (
        "notes: |\n"
        "  Anna Albers und Bernd Brink (privat 0171 5550101, bernd@example.org) am 15.03.2021.\n"
        "  Frau Albers fragt Carla, Tel. 0287 99 88 77, x@y.example.\n"
        "  Anna Albers: Rückruf am 19.05. 0171 1234567.\n"
    )
    fa = BASE["partners/fa.yaml"].replace(
        "    consent: 2016-01-01\n",
        "    consent: 2016-01-01\n    # Vorgespräch mit Bernd Brink am 2021-02-01\n",
    )
    root = make_network({"partners/verein.yaml": notes, "partners/fa.yaml": fa})
    code, out, _ = invoke(root, "person", "anna", *TODAY, "--format", "json")
    texts = [(m["what"], m["text"]) for m in json.loads(out)["mentions"] if m["text"]]
    assert code == 0 and texts == [
        ("text", "# Vorgespräch mit […] am 2021-02-01"),  # a comment in her entry
        ("text", "Anna Albers und […] (privat […], […]) am 15.03.2021."),
        ("maybe", "Frau Albers fragt […], Tel. […], […]."),
        ("text", "Anna Albers: Rückruf am […]."),  # a date beside it hides no number
    ], texts
    code, letter, _ = invoke(root, "person", "anna", *TODAY)
    assert code == 0 and "Bernd" not in letter and "0171" not in letter and "x@y" not in letter


def test_the_answer_keeps_the_persons_own_data_dates_times_and_amounts(
    make_network: Callable[..., Path],
) -> None:
    """An address Anna shares with a colleague is still hers; dates, times, amounts and
    years are no phone numbers; a colleague whose name is part of hers is still hidden."""
    fa = BASE["partners/fa.yaml"].replace(
        "    name: Anna Albers\n", "    name: Anna Albers-Meyer\n"
    ) + (
        "  - id: anna-albers\n    name: Anna Albers\n    email: anna@example.org\n"
        "    consent: 2016-01-01\n"
    )
    notes = BASE["partners/verein.yaml"] + (
        "notes: |\n"
        "  Anna Albers-Meyer (anna@example.org) am 2021-03-15 18.30-20.00, 10.000 EUR, 2020 / 2021.\n"
        "  Anna Albers vertritt anna.\n"
    )
    root = make_network({"partners/fa.yaml": fa, "partners/verein.yaml": notes})
    code, out, _ = invoke(root, "person", "anna", *TODAY, "--format", "json")
    mentions = json.loads(out)["mentions"]
    texts = [m["text"] for m in mentions if m["file"] == "partners/verein.yaml"]
    assert code == 0 and texts == [
        "Anna Albers-Meyer (anna@example.org) am 2021-03-15 18.30-20.00, 10.000 EUR, 2020 / 2021.",
        "[…] vertritt anna.",
    ], texts


def test_person_in_a_partner_file_with_errors_is_still_found(
    make_network: Callable[..., Path],
) -> None:
    broken = BASE["partners/fa.yaml"].replace("status: active", "status: aktive")
    root = make_network({"partners/fa.yaml": broken})
    code, out, err = invoke(root, "person", "anna", *TODAY)
    assert code == 1 and out == "" and "partners/fa.yaml:3" in err and "--allow-errors" in err
    code, out, err = invoke(root, "person", "anna", *TODAY, "--allow-errors")
    assert code == 0 and "Fehler" in err
    assert "**Unvollständig:**" in out
    assert "| groups/ag.yaml:6 | ag | Leitung der Gruppe |" in out  # references still listed
    assert "Nicht durchsucht: die git-Geschichte" in err


@pytest.mark.parametrize(("args", "hint"), [(["person", "ana"], "„anna“"), (["market", "x"], None)])
def test_unknown_ids_exit_2(
    make_network: Callable[..., Path], args: list[str], hint: str | None
) -> None:
    code, _, err = invoke(make_network(), *args)
    assert code == 2
    if hint:
        assert hint in err


def test_rich_markup_in_data_is_shown_as_text(make_network: Callable[..., Path]) -> None:
    odd = BASE["partners/verein.yaml"].replace(
        "name: TV Teststadt", 'name: "TV [bold]Teststadt[/bold] [/]"'
    )
    result = runner.invoke(
        app,
        ["-C", str(make_network({"partners/verein.yaml": odd})), "partners", *TODAY],
        env={"COLUMNS": "250"},
    )
    assert (
        result.exit_code == 0 and "TV [bold]Teststadt[/bold] [/]" in result.stdout
    )  # shown, not interpreted


@pytest.mark.parametrize(
    ("name", "args"),
    [
        ("partners", ["partners", "-f", "md"]),
        ("match", ["match", "Bildung"]),
        ("market", ["market"]),
        ("person", ["person", "anna"]),
    ],
)
def test_partner_documents_use_the_networks_own_templates(
    make_network: Callable[..., Path], name: str, args: list[str]
) -> None:
    root = make_network({f"templates/de/{name}.md.j2": "Eigene Vorlage für {{ 'x' }}\n"})
    dated = [*args] if name == "market" else [*args, *TODAY]
    code, out, err = invoke(root, *dated)
    assert code == 0, err
    assert "Eigene Vorlage für x" in out
    (root / f"templates/de/{name}.md.j2").write_text("{{ gibt_es_nicht.x }}\n", encoding="utf-8")
    code, out, err = invoke(root, *dated)
    assert code == 1 and f"Vorlage: {name}.md.j2:1" in err and "Traceback" not in err


PRIVACY = """\
privacy:
  controller: Freiwilligenagentur Teststadt, Marktplatz 1
  contact: datenschutz@fa.example.org
  purposes:
    - purpose: Einladungen und Protokolle
      legal_basis: Art. 6 Abs. 1 lit. a DSGVO
  recipients: [die Mitglieder der AG Bildung]
  retention_years: 2
  source: die Person selbst
"""


def test_the_access_answer_tells_purpose_recipients_storage_and_source(
    make_network: Callable[..., Path], tmp_path: Path
) -> None:
    root = make_network({"netzwerk.yaml": BASE["netzwerk.yaml"] + PRIVACY})
    code, out, _ = invoke(root, "person", "bernd", *TODAY)
    assert code == 0
    assert (
        "## Zwecke und Rechtsgrundlagen\n\n- Einladungen und Protokolle — Art. 6 Abs. 1 lit. a DSGVO\n"
        in out
    )
    assert "## Empfänger\n\n- die Mitglieder der AG Bildung\n" in out
    assert "danach noch 2 Jahre." in out and "## Herkunft\n\ndie Person selbst\n" in out
    assert "Kontakt für den Datenschutz: datenschutz@fa.example.org." in out
    data = json.loads(invoke(root, "person", "bernd", "-f", "json", *TODAY)[1])
    assert data["privacy"]["retention_years"] == 2 and data["data"]["phone"] == "0287112345"


def test_a_network_from_init_answers_with_german_defaults(tmp_path: Path) -> None:
    root = tmp_path / "neu"
    assert runner.invoke(app, ["init", str(root), "--today", "2026-01-15"]).exit_code == 0
    text = (root / "netzwerk.yaml").read_text(encoding="utf-8")
    assert "privacy:\n  purposes:\n" in text and "Art. 6 Abs. 1 lit. a DSGVO" in text
    person = runner.invoke(
        app, ["-C", str(root), "person", "vorname-nachname", "--today", "2026-01-15"]
    )
    assert person.exit_code == 0, person.output
    assert "- Koordination des Netzwerks: Einladungen, Protokolle, Erinnerungen — " in person.stdout
    assert "danach noch 2 Jahre." in person.stdout  # the scaffold's retention_years


@pytest.mark.parametrize(
    ("lang", "words"),
    [
        ("de", ["Koordinierungsstelle", "Öffentlichkeitsarbeit", "Steuerungsgruppe"]),
        ("en", ["Coordinating office", "Public relations", "Steering group"]),
    ],
)
def test_the_files_init_writes_speak_the_networks_language(
    tmp_path: Path, lang: str, words: list[str]
) -> None:
    root = tmp_path / "neu"
    args = ["init", str(root), "--lang", lang, "--today", "2026-01-15"]
    assert runner.invoke(app, args).exit_code == 0
    data = "".join(
        (root / name).read_text(encoding="utf-8")
        for name in ("partners/koordination.yaml", "groups/steuerungsgruppe.yaml")
    )
    assert all(word in data for word in words), data
    other = ["Coordinating office", "Steering group"] if lang == "de" else ["Steuerungsgruppe"]
    assert not any(word in data for word in other), data


def test_consent_with_purpose_is_shown_warned_about_and_reminded(
    make_network: Callable[..., Path],
) -> None:
    record = "    consent: {date: 2016-01-01, purpose: Einladungen, source: Formular, until: 2022-01-20}\n"
    fa = BASE["partners/fa.yaml"].replace("    consent: 2016-01-01\n", record)
    root = make_network({"partners/fa.yaml": fa})
    out = invoke(root, "person", "anna", *TODAY)[1]
    assert (
        "| Einwilligung am | Datum: 01.01.2016; Zweck: Einladungen; Herkunft: Formular; "
        "gültig bis: 20.01.2022 |" in out
    )
    plain = invoke(root, "person", "bernd", *TODAY)[1]
    assert "| Einwilligung am | 01.02.2016 |" in plain  # a date stays a date
    reminded = runner.invoke(
        app, ["-C", str(root), "remind", "-f", "json", "--today", "2022-01-10"]
    )
    assert '"kind": "consent_expiring"' in reminded.stdout
    assert (
        "Die Einwilligung von Anna Albers (Freiwilligenagentur Teststadt) in die Speicherung der Daten endet am 20.01.2022"
        in reminded.stdout
    )
    later = runner.invoke(app, ["-C", str(root), "check", "--today", "2022-01-21"])
    assert "NW509" in later.stdout and "galt bis 20.01.2022" in later.stdout


PHOTOS = """\
name: Testnetz
coordinator: fa
privacy:
  purposes:
    - purpose: Einladungen und Protokolle
      legal_basis: Art. 6 Abs. 1 lit. f DSGVO
    - purpose: Fotos auf der Website
      legal_basis: Art. 6 Abs. 1 lit. a DSGVO
      id: fotos
      consent: ja
"""


def test_consent_must_cover_every_purpose_that_needs_it(
    make_network: Callable[..., Path],
) -> None:
    fa = BASE["partners/fa.yaml"].replace(
        "    consent: 2016-01-01\n", "    consent: {date: 2016-01-01, purpose: [Fotos]}\n"
    )
    bank = BASE["partners/bank.yaml"].replace(
        "    consent: 01.02.2016\n", "    consent: 01.02.2016\n    until: 2020-12-31\n"
    )
    root = make_network(
        {"netzwerk.yaml": PHOTOS, "partners/fa.yaml": fa, "partners/bank.yaml": bank}
    )
    out = runner.invoke(app, ["-C", str(root), "check", "--today", "2022-01-10"]).stdout
    warned = [line for line in out.splitlines() if "NW511" in line]
    # anna consented to the photos (the id in any case); bernd left; carla did not
    assert len(warned) == 1 and warned[0].startswith("partners/verein.yaml:")
    assert "„carla“ hat in „fotos“ nicht eingewilligt" in warned[0]
    off = PHOTOS + "checks:\n  NW511: aus\n"
    root = make_network({"netzwerk.yaml": off, "partners/fa.yaml": fa})
    out = runner.invoke(app, ["-C", str(root), "check", "--today", "2022-01-10"]).stdout
    assert "NW511" not in out
    data = json.loads(invoke(root, "person", "anna", "-f", "json", *TODAY)[1])["data"]
    assert data["consent"] == {"date": "2016-01-01", "purpose": "Fotos"}
    # the purpose's words count as much as its id
    words = fa.replace("purpose: [Fotos]", "purpose: Fotos auf der Website")
    root = make_network({"netzwerk.yaml": PHOTOS, "partners/fa.yaml": words})
    out = runner.invoke(app, ["-C", str(root), "check", "--today", "2022-01-10"]).stdout
    assert "partners/fa.yaml" not in out


def test_match_without_a_topic_is_a_usage_error(make_network: Callable[..., Path]) -> None:
    """`match ""` or only filler words name no topic: asked for one (exit 2), not a
    document „Wer kann helfen bei:“ with nothing after it."""
    root = make_network()
    for topic in ("", "der die das"):
        code, out, err = invoke(root, "match", topic, *TODAY)
        assert code == 2 and "Bitte ein Thema angeben" in err and out == "", (topic, out)
