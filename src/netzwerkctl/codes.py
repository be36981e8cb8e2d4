"""The catalogue of problem codes: one place for each code's severity and wording.

Codes are stable (scripts and CI filter on them); the wording is an English message
with named placeholders whose translations are in the catalogues (context: the code),
filled from a problem's arguments when it is shown. Keeping the text out of the rules
means a rule only says *what* is wrong, and the docs page of all codes
(docs/check-codes.md) is generated from this table.
"""

from __future__ import annotations

from collections.abc import Mapping
from dataclasses import dataclass
from datetime import date
from typing import Final, Literal

from netzwerkctl.i18n import N_, Text, short_date

# A language code with a catalogue in locale/ (i18n.languages()): de, en, or any added.
Lang = str
Severity = Literal["error", "warning"]
ERROR: Final = "error"
WARNING: Final = "warning"


@dataclass(frozen=True)
class Code:
    """A problem code: its severity, a short title and the message templates."""

    code: str
    severity: Severity
    title: str  # German, for the docs
    message: str  # English, with %(name)s placeholders; translated in context `code`


def _c(code: str, severity: Severity, title: str, message: tuple[str, str]) -> Code:
    context, text = message
    assert context == code
    return Code(code, severity, title, text)


_ALL: tuple[Code, ...] = (
    # -- NW0xx: reading a file -------------------------------------------------
    _c(
        "NW001",
        ERROR,
        "Datei ist nicht UTF-8",
        N_(
            "NW001",
            "The file is not UTF-8 encoded (byte %(byte)s, which is '%(char)s' in "
            "Windows-1252). Save it as UTF-8 in your editor.",
        ),
    ),
    _c(
        "NW002",
        ERROR,
        "Datei ist leer",
        N_(
            "NW002",
            "The file is empty. Fill in at least the required keys or delete it.",
        ),
    ),
    _c(
        "NW003",
        ERROR,
        "Tabulator zum Einrücken",
        N_(
            "NW003",
            "A tab is used for indentation here; YAML allows only spaces. Replace the "
            "tab with spaces.",
        ),
    ),
    _c(
        "NW004",
        ERROR,
        "YAML-Syntaxfehler",
        N_(
            "NW004",
            "YAML syntax error (%(detail)s). %(hint)s",
        ),
    ),
    _c(
        "NW005",
        ERROR,
        "Schlüssel doppelt",
        N_(
            "NW005",
            "The key '%(key)s' appears twice (first on line %(first_line)s). Delete one of them.",
        ),
    ),
    _c(
        "NW006",
        ERROR,
        "YAML-Tag nicht erlaubt",
        N_(
            "NW006",
            "Tags such as '%(tag)s' are not allowed. Write the value without the '!' part.",
        ),
    ),
    _c(
        "NW007",
        ERROR,
        "Anker und Verweise nicht erlaubt",
        N_(
            "NW007",
            "Anchors and aliases (&name, *name) are not supported. Write the value out.",
        ),
    ),
    _c(
        "NW008",
        ERROR,
        "Datei ist keine Zuordnung",
        N_(
            "NW008",
            "The file must consist of keys with values (for example 'name: …'), found %(t_found)s.",
        ),
    ),
    _c(
        "NW009",
        ERROR,
        "Datei zu groß",
        N_(
            "NW009",
            "The file is %(size)s MB large; at most %(limit)s MB are read.",
        ),
    ),
    _c(
        "NW010",
        ERROR,
        "Zu tief verschachtelt",
        N_(
            "NW010",
            "The file is nested deeper than %(limit)s levels.",
        ),
    ),
    _c(
        "NW011",
        ERROR,
        "Schlüssel ist kein Text",
        N_(
            "NW011",
            "Keys must be plain text (for example 'name').",
        ),
    ),
    _c(
        "NW012",
        ERROR,
        "Dateiname taugt nicht als Kennung",
        N_(
            "NW012",
            "The file name '%(name)s' is not a valid id: use lowercase letters, digits "
            "and hyphens only, for example '%(slug)s.yaml'.",
        ),
    ),
    _c(
        "NW013",
        ERROR,
        "Berichtsdatei ist kein Jahr",
        N_(
            "NW013",
            "Files in reports/ are named after the report's year, for example "
            "'2021.yaml' (found: '%(name)s').",
        ),
    ),
    _c(
        "NW014",
        ERROR,
        "Datei nicht lesbar",
        N_(
            "NW014",
            "The file cannot be read (%(t_reason)s). Check permissions and links.",
        ),
    ),
    _c(
        "NW015",
        WARNING,
        "Ordner wird nicht gelesen",
        N_(
            "NW015",
            "The folder '%(folder)s' is not read; its YAML files are ignored.",
        ),
    ),
    _c(
        "NW016",
        ERROR,
        "Unsichtbares Steuerzeichen",
        N_(
            "NW016",
            "There is an invisible character here (%(char)s), usually pasted from a "
            "word processor. Delete it or replace it with a normal line break.",
        ),
    ),
    _c(
        "NW017",
        ERROR,
        "Datei ist UTF-16",
        N_(
            "NW017",
            "The file is saved as UTF-16 (Notepad's 'Unicode'). Save it as UTF-8.",
        ),
    ),
    _c(
        "NW018",
        WARNING,
        "Datei endet auf .txt",
        N_(
            "NW018",
            "The file '%(name)s' is not read: its name ends in '.txt' (Notepad saves "
            "it so when the file type is 'Text Documents'). Rename it to '%(fixed)s'.",
        ),
    ),
    _c(
        "NW019",
        ERROR,
        "Weitere Probleme in der Datei",
        N_(
            "NW019",
            "… and %(count)s more problems in this file that are not shown one by one. "
            "Fix those shown and check again.",
        ),
    ),
    _c(
        "NW020",
        WARNING,
        "Dateiname mit umgekehrter Schreibrichtung",
        N_(
            "NW020",
            "The file name contains a character that reverses the writing direction "
            "(like U+202E): it looks different from what it is. Rename the file.",
        ),
    ),
    # -- NW1xx: the shape of an entry --------------------------------------------
    _c(
        "NW101",
        ERROR,
        "Unbekannter Schlüssel",
        N_(
            "NW101",
            "Unknown key '%(key)s'%(where)s.",
        ),
    ),
    _c(
        "NW102",
        ERROR,
        "Pflichtfeld fehlt",
        N_(
            "NW102",
            "The required key '%(key)s' is missing%(where)s.",
        ),
    ),
    _c(
        "NW103",
        ERROR,
        "Falsche Art von Wert",
        N_(
            "NW103",
            "%(key)s: expected %(t_expected)s, found %(t_found)s.",
        ),
    ),
    _c(
        "NW104",
        ERROR,
        "Ungültiges Datum",
        N_(
            "NW104",
            "'%(value)s' is not a valid date (%(key)s). Write 2021-03-15 or 15.03.2021 "
            "(years 1900 to 2999).",
        ),
    ),
    _c(
        "NW105",
        ERROR,
        "Ungültige Uhrzeit",
        N_(
            "NW105",
            "'%(value)s' is not a valid time (%(key)s). Write it like 18:30.",
        ),
    ),
    _c(
        "NW106",
        ERROR,
        "Wert nicht erlaubt",
        N_(
            "NW106",
            "'%(value)s' is not allowed for %(key)s. Allowed: %(allowed)s.",
        ),
    ),
    _c(
        "NW107",
        ERROR,
        "Ja oder nein erwartet",
        N_(
            "NW107",
            "'%(value)s' for %(key)s: write yes or no.",
        ),
    ),
    _c(
        "NW108",
        ERROR,
        "Ungültige Kennung",
        N_(
            "NW108",
            "'%(value)s' is not a valid id (%(key)s): use lowercase letters, digits "
            "and hyphens only, for example '%(slug)s'.",
        ),
    ),
    _c(
        "NW109",
        ERROR,
        "Ungültige Zahl",
        N_(
            "NW109",
            "'%(value)s' is not a valid number (%(key)s). Write it like 1140.50.",
        ),
    ),
    _c(
        "NW110",
        ERROR,
        "Zahl außerhalb des Bereichs",
        N_(
            "NW110",
            "%(key)s: the number must be %(t_bound)s %(limit)s (found: %(value)s).",
        ),
    ),
    _c(
        "NW111",
        ERROR,
        "Ungültige E-Mail-Adresse",
        N_(
            "NW111",
            "'%(value)s' is not a valid e-mail address (%(key)s).",
        ),
    ),
    _c(
        "NW112",
        ERROR,
        "Ungültige Zeitzone",
        N_(
            "NW112",
            "'%(value)s' is not a known time zone (%(key)s), for example Europe/Berlin.",
        ),
    ),
    _c(
        "NW113",
        ERROR,
        "Leerer Wert",
        N_(
            "NW113",
            "%(key)s is empty. Enter a value or delete the line.",
        ),
    ),
    _c(
        "NW114",
        ERROR,
        "Zahl in deutscher Schreibweise",
        N_(
            "NW114",
            "'%(value)s' (%(key)s): write numbers without thousands separators and "
            "with a decimal point, for example 2000 or 1140.50.",
        ),
    ),
    _c(
        "NW115",
        ERROR,
        "Mehrere Werte als Text",
        N_(
            "NW115",
            "'%(value)s' (%(key)s): write several persons as a list.",
        ),
    ),
    _c(
        "NW116",
        ERROR,
        "Dauer in ganzen Minuten",
        N_(
            "NW116",
            "'%(value)s' is not a duration (%(key)s): write whole minutes, for example 90.",
        ),
    ),
    _c(
        "NW120",
        ERROR,
        "Unbekannter Prüfcode",
        N_(
            "NW120",
            "There is no check code '%(value)s' (checks). The codes are listed in "
            "docs/check-codes.md.",
        ),
    ),
    _c(
        "NW121",
        ERROR,
        "Fehler lässt sich nicht abschalten",
        N_(
            "NW121",
            "%(value)s is an error and cannot be switched off or made a warning "
            "(checks): while it stands, netzwerkctl makes no documents. Fix it.",
        ),
    ),
    _c(
        "NW117",
        ERROR,
        "Name über mehrere Zeilen",
        N_(
            "NW117",
            "A name (%(key)s) is one line, without line breaks or tabs: it stands in "
            "e-mails, calendars and tables.",
        ),
    ),
    _c(
        "NW119",
        ERROR,
        "Ungültiger Wert",
        N_(
            "NW119",
            "%(key)s: %(detail)s",
        ),
    ),
    # -- NW2xx: references and ids ------------------------------------------------
    _c(
        "NW201",
        ERROR,
        "Unbekannter Partner",
        N_(
            "NW201",
            "There is no partner '%(ref)s' (%(key)s) in partners/.",
        ),
    ),
    _c(
        "NW202",
        ERROR,
        "Unbekannte Person",
        N_(
            "NW202",
            "No partner file lists a person '%(ref)s' (%(key)s) under contacts.",
        ),
    ),
    _c(
        "NW203",
        ERROR,
        "Unbekannte Gruppe",
        N_(
            "NW203",
            "There is no group '%(ref)s' (%(key)s) in groups/.",
        ),
    ),
    _c(
        "NW204",
        ERROR,
        "Unbekanntes Projekt",
        N_(
            "NW204",
            "There is no project '%(ref)s' (%(key)s) in projects/.",
        ),
    ),
    _c(
        "NW205",
        ERROR,
        "Unbekanntes Angebot",
        N_(
            "NW205",
            "There is no offer '%(ref)s' (%(key)s) on this marketplace.",
        ),
    ),
    _c(
        "NW206",
        ERROR,
        "Unbekanntes Gesuch",
        N_(
            "NW206",
            "There is no need '%(ref)s' (%(key)s) on this marketplace.",
        ),
    ),
    _c(
        "NW207",
        ERROR,
        "Kennung doppelt vergeben",
        N_(
            "NW207",
            "The id '%(id)s' is used twice: also %(other)s.",
        ),
    ),
    _c(
        "NW208",
        ERROR,
        "Person doppelt angelegt",
        N_(
            "NW208",
            "The person '%(id)s' is already declared in %(other)s:%(other_line)s. "
            "Person ids must be unique across the whole network.",
        ),
    ),
    _c(
        "NW209",
        ERROR,
        "Kennung in der Datei doppelt",
        N_(
            "NW209",
            "The id '%(id)s' appears twice in this file (first on line %(first_line)s).",
        ),
    ),
    # -- NW3xx: dates ---------------------------------------------------------------
    _c(
        "NW301",
        ERROR,
        "Daten in falscher Reihenfolge",
        N_(
            "NW301",
            "%(first_key)s (%(first)s) is after %(second_key)s (%(second)s).",
        ),
    ),
    _c(
        "NW302",
        ERROR,
        "Frist vor der Sitzung",
        N_(
            "NW302",
            "The due date %(due)s is before the meeting of %(date)s that raised the task.",
        ),
    ),
    _c(
        "NW303",
        ERROR,
        "Erledigt-Datum in der Zukunft",
        N_(
            "NW303",
            "The date %(key)s: %(value)s is in the future (today is %(today)s).",
        ),
    ),
    _c(
        "NW304",
        ERROR,
        "Ende nicht nach Beginn",
        N_(
            "NW304",
            "The end (%(end)s) is not after the start (%(start)s).",
        ),
    ),
    _c(
        "NW305",
        ERROR,
        "Gültigkeit endet vor der Verleihung",
        N_(
            "NW305",
            "valid_until (%(valid_until)s) must be after the award's date (%(date)s).",
        ),
    ),
    _c(
        "NW306",
        WARNING,
        "Angesprochen in der Zukunft",
        N_(
            "NW306",
            "approached: %(value)s is in the future (today is %(today)s). A typo in "
            "the year? Enter a first contact once it has taken place.",
        ),
    ),
    # -- NW4xx: meetings ------------------------------------------------------------
    _c(
        "NW401",
        ERROR,
        "Gruppe bestand am Sitzungstag nicht",
        N_(
            "NW401",
            "The group '%(group)s' did not exist on %(date)s (started: %(started)s, "
            "ended: %(ended)s).",
        ),
    ),
    _c(
        "NW402",
        ERROR,
        "Teilnehmer ist weder Mitglied noch eingeladen",
        N_(
            "NW402",
            "'%(person)s' (%(key)s) is not a member of the group '%(group)s' on "
            "%(date)s and is not listed under invited.",
        ),
    ),
    _c(
        "NW403",
        ERROR,
        "Anwesend und entschuldigt zugleich",
        N_(
            "NW403",
            "'%(person)s' is listed both under present and under excused.",
        ),
    ),
    _c(
        "NW404",
        ERROR,
        "Kein Einführungsgespräch vor der Teilnahme",
        N_(
            "NW404",
            "'%(person)s' attended on %(date)s without an introductory talk before "
            "(intro_talk: %(intro)s). The network requires one (rules.intro_talk_required).",
        ),
    ),
    _c(
        "NW405",
        WARNING,
        "Stattgefundene Sitzung ohne Anwesenheit",
        N_(
            "NW405",
            "The meeting is held but has no present list. Enter who attended.",
        ),
    ),
    _c(
        "NW406",
        WARNING,
        "Vergangene Sitzung noch geplant (Protokoll fehlt)",
        N_(
            "NW406",
            "The meeting of %(date)s is over but still planned: add the minutes "
            "(status: held and present) or cancel it (status: cancelled).",
        ),
    ),
    _c(
        "NW407",
        ERROR,
        "Abgesagte Sitzung mit Anwesenheit",
        N_(
            "NW407",
            "The meeting is cancelled but has %(key)s. Remove the list.",
        ),
    ),
    _c(
        "NW408",
        WARNING,
        "Dateiname passt nicht zur Sitzung",
        N_(
            "NW408",
            "Meeting files are named <date>-<group>, here '%(expected)s.yaml' (for "
            "several meetings on one day '%(expected)s-2.yaml').",
        ),
    ),
    _c(
        "NW409",
        ERROR,
        "Person doppelt in der Liste",
        N_(
            "NW409",
            "'%(person)s' is listed twice under %(key)s (first on line %(first_line)s).",
        ),
    ),
    _c(
        "NW410",
        WARNING,
        "Sitzung in der Zukunft schon stattgefunden",
        N_(
            "NW410",
            "The meeting of %(date)s is in the future (today is %(today)s) but already "
            "held. Is the date right?",
        ),
    ),
    _c(
        "NW411",
        ERROR,
        "Protokoll vor der Sitzung genehmigt",
        N_(
            "NW411",
            "approved: %(approved)s is before the meeting of %(date)s; minutes are "
            "approved after the meeting, usually at the next one.",
        ),
    ),
    _c(
        "NW412",
        ERROR,
        "Genehmigtes Protokoll ohne stattgefundene Sitzung",
        N_(
            "NW412",
            "The meeting has approved: %(approved)s but is %(status)s: only the "
            "minutes of a held meeting (status: held) are approved.",
        ),
    ),
    # -- NW5xx: partners and groups --------------------------------------------------
    _c(
        "NW501",
        ERROR,
        "Pate ist kein Partner des Netzwerks",
        N_(
            "NW501",
            "Patron '%(partner)s' has the status %(status)s. Patrons must be or have "
            "been partners of the network (active, paused or former).",
        ),
    ),
    _c(
        "NW502",
        WARNING,
        "Kontakt ohne Einwilligung (DSGVO)",
        N_(
            "NW502",
            "No consent to storing the contact data of '%(person)s' is recorded "
            "(consent). Enter the date of consent.",
        ),
    ),
    _c(
        "NW503",
        WARNING,
        "Aktiver Partner ohne Entscheidungsperson",
        N_(
            "NW503",
            "No person of '%(partner)s' has decision_maker: yes. Without a "
            "decision-maker at the table no agreements can be made.",
        ),
    ),
    _c(
        "NW504",
        WARNING,
        "Pate ohne Entscheidungsperson",
        N_(
            "NW504",
            "'%(partner)s' is patron of %(groups)s, but none of its persons has "
            "decision_maker: yes.",
        ),
    ),
    _c(
        "NW505",
        WARNING,
        "Ehemaliger Partner ohne Austrittsdatum",
        N_(
            "NW505",
            "'%(partner)s' has the status former but no left date. Enter when it left; "
            "until then the report does not count it.",
        ),
    ),
    _c(
        "NW506",
        WARNING,
        "Mitglied ohne aktuelle Ansprechperson",
        N_(
            "NW506",
            "'%(person)s' no longer speaks for %(partner)s since %(since)s but is "
            "still a member of the group. End the membership (until) or extend the contact.",
        ),
    ),
    _c(
        "NW507",
        WARNING,
        "Auszeichnung an einen Partner als Name",
        N_(
            "NW507",
            "'%(value)s' is the name of the partner '%(partner)s'. Write to: "
            "%(partner)s so that the award counts for this partner (report, reminders).",
        ),
    ),
    # -- NW6xx: marketplace and projects ----------------------------------------------
    _c(
        "NW601",
        ERROR,
        "Geld auf dem Marktplatz",
        N_(
            "NW601",
            "'%(value)s' (%(key)s): a marketplace exchanges anything but money. "
            "Allowed: %(allowed)s.",
        ),
    ),
    _c(
        "NW602",
        ERROR,
        "Geschäft mit sich selbst",
        N_(
            "NW602",
            "Offer '%(offer)s' and need '%(need)s' both belong to '%(partner)s'; a "
            "deal needs two different partners.",
        ),
    ),
    _c(
        "NW603",
        WARNING,
        "Geld im Text eines Angebots oder Gesuchs",
        N_(
            "NW603",
            "'%(value)s' (%(key)s) sounds like money ('%(word)s'). A marketplace "
            "exchanges anything but money: time, know-how, rooms, material, contacts.",
        ),
    ),
)

CODES: dict[str, Code] = {c.code: c for c in _ALL}

# Small words that appear inside messages (arguments named t_*).
TERMS: tuple[tuple[str, str], ...] = (
    N_("term", "text"),
    N_("term", "list"),
    N_("term", "mapping"),
    N_("term", "number"),
    N_("term", "whole number"),
    N_("term", "nothing"),
    N_("term", "at least"),
    N_("term", "at most"),
    N_("term", "greater than"),
    N_("term", "less than"),
    N_("term", "a link out of the network"),
    N_("term", "not a regular file"),
)

# What to do about the YAML syntax errors people make most; keyed by libyaml's wording
# (when a new libyaml words it differently, the general hint is shown).
_SYNTAX_HINTS: tuple[tuple[str, tuple[str, str]], ...] = (
    (
        "mapping values are not allowed",
        N_(
            "yaml hint",
            "Is there a colon followed by a space inside the value? Then put the "
            'value in quotes: title: "Report: 2021".',
        ),
    ),
    (
        "could not find expected ':'",
        N_("yaml hint", "A colon is missing after the key, or the indentation is off."),
    ),
    (
        "did not find expected key",
        N_("yaml hint", "The indentation does not match the lines above."),
    ),
    (
        "did not find expected '-' indicator",
        N_("yaml hint", "Items of a list all start with '- ' and are indented alike."),
    ),
    (
        "found character that cannot start any token",
        N_(
            "yaml hint",
            "A value starts with a special character such as @ or `: put it in quotes.",
        ),
    ),
    (
        "found unexpected end of stream",
        N_(
            "yaml hint",
            "The file ends in the middle of a value. Is a closing quote missing?",
        ),
    ),
    (
        "expected a single document",
        N_("yaml hint", "The file holds several documents (---); one file describes one entry."),
    ),
)
_NO_HINT = N_("yaml hint", "Check indentation, colons and quotes on this line.")


def syntax_hint(detail: str, lang: Lang) -> str:
    """The advice shown with a YAML syntax error, chosen by libyaml's message."""
    context, hint = next((h for needle, h in _SYNTAX_HINTS if needle in detail), _NO_HINT)
    return Text(lang).pgettext(context, hint)


MAX_QUOTED = 120  # characters of a value a message quotes


def format_message(code: str, args: Mapping[str, str | date], lang: Lang = "de") -> str:
    """The message of a problem in the given language, filled from its arguments.

    Arguments named ``t_*`` are terms translated in the context "term";
    ``suggestion`` adds a "did you mean" sentence and ``where`` a location phrase, both
    only when present. Dates (date objects, never text a person wrote) are shown as the
    language writes them.
    """
    _ = Text(lang)
    values: dict[str, str] = {}
    for name, value in args.items():
        if isinstance(value, date):
            values[name] = short_date(value, lang)
        elif name.startswith("t_"):
            values[name] = _.pgettext("term", value)
        elif len(value) > MAX_QUOTED and name != "allowed":  # a 50 KB value is named
            values[name] = value[: MAX_QUOTED - 1] + "…"
        else:
            values[name] = value
    context = values.pop("labels", "")
    if context:  # stored values with their words: held (stattgefunden)
        values["allowed"] = " | ".join(
            _labelled(_, context, v) for v in values.get("allowed", "").split(" | ")
        )
        if values.get("suggestion"):
            values["suggestion"] = _labelled(_, context, values["suggestion"])
    where = values.get("where", "")
    values["where"] = _(" in %(place)s", place=where) if where else ""
    if code == "NW004":
        values["hint"] = syntax_hint(values.get("detail", ""), lang)
    text = _.pgettext(code, CODES[code].message) % values
    suggestion = values.get("suggestion")
    if suggestion:
        text += " " + _("Did you mean '%(suggestion)s'?", suggestion=suggestion)
    return text


def _labelled(_: Text, context: str, value: str) -> str:
    """`held (stattgefunden)`; just `bank` where the word is the value itself."""
    word = _.pgettext(context, value)
    same = word.casefold() == value.replace("_", " ").casefold()
    return value if same else f"{value} ({word})"
