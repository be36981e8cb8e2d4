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
from netzwerkctl.present.labels import did_you_mean, labelled

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


# `_c` is also an extraction keyword (scripts/catalogues.py): the message, the 4th
# argument, goes into the catalogue with the code as its context.
_c = Code


_ALL: tuple[Code, ...] = (
    # -- NW0xx: reading a file -------------------------------------------------
    _c(
        "NW001",
        ERROR,
        "Datei ist nicht UTF-8",
        "The file is not UTF-8 encoded (byte %(byte)s, which is '%(char)s' in "
        "Windows-1252). Save it as UTF-8 in your editor.",
    ),
    _c(
        "NW002",
        ERROR,
        "Datei ist leer",
        "The file is empty. %(advice)s",
    ),
    _c(
        "NW003",
        ERROR,
        "Tabulator zum Einrücken",
        "A tab is used for indentation here; YAML allows only spaces. Replace the tab with spaces.",
    ),
    _c(
        "NW004",
        ERROR,
        "YAML-Syntaxfehler",
        "YAML syntax error (%(detail)s). %(hint)s",
    ),
    _c(
        "NW005",
        ERROR,
        "Schlüssel doppelt",
        "The key '%(key)s' appears twice (first on line %(first_line)s). Delete one of them.",
    ),
    _c(
        "NW006",
        ERROR,
        "YAML-Tag nicht erlaubt",
        "Tags such as '%(tag)s' are not allowed. Write the value without the '!' part.",
    ),
    _c(
        "NW007",
        ERROR,
        "Anker und Verweise nicht erlaubt",
        "Anchors and aliases (&name, *name) are not supported. Write the value out.",
    ),
    _c(
        "NW008",
        ERROR,
        "Datei ist keine Zuordnung",
        "The file must consist of keys with values (for example 'name: …'), found %(t_found)s.",
    ),
    _c(
        "NW009",
        ERROR,
        "Datei zu groß",
        "The file is %(size)s MB large; at most %(limit)s MB are read.",
    ),
    _c(
        "NW010",
        ERROR,
        "Zu tief verschachtelt",
        "The file is nested deeper than %(limit)s levels.",
    ),
    _c(
        "NW011",
        ERROR,
        "Schlüssel ist kein Text",
        "Keys must be plain text (for example 'name').",
    ),
    _c(
        "NW012",
        ERROR,
        "Dateiname taugt nicht als Kennung",
        "The file name '%(name)s' is not a valid id: use lowercase letters, digits "
        "and hyphens only, for example '%(slug)s.yaml'.",
    ),
    _c(
        "NW013",
        ERROR,
        "Berichtsdatei ist kein Jahr",
        "Files in reports/ are named after the report's year, for example "
        "'2021.yaml' (found: '%(name)s').",
    ),
    _c(
        "NW014",
        ERROR,
        "Datei nicht lesbar",
        "The file cannot be read (%(t_reason)s). Check permissions and links.",
    ),
    _c(
        "NW015",
        WARNING,
        "Ordner wird nicht gelesen",
        "The folder '%(folder)s' is not read; its YAML files are ignored.",
    ),
    _c(
        "NW016",
        ERROR,
        "Unsichtbares Steuerzeichen",
        "There is an invisible character here (%(char)s), usually pasted from a "
        "word processor. Delete it or replace it with a normal line break.",
    ),
    _c(
        "NW017",
        ERROR,
        "Datei ist UTF-16",
        "The file is saved as UTF-16 (Notepad's 'Unicode'). Save it as UTF-8.",
    ),
    _c(
        "NW018",
        ERROR,
        "Datei endet auf .txt",
        "The file '%(name)s' is not read: its name ends in '.txt' (Notepad saves "
        "it so when the file type is 'Text Documents'). Rename it to '%(fixed)s'.",
    ),
    _c(
        "NW019",
        ERROR,
        "Weitere Probleme in der Datei",
        "… and %(count)s more problems in this file that are not shown one by one. "
        "Fix those shown and check again.",
    ),
    _c(
        "NW020",
        WARNING,
        "Dateiname mit umgekehrter Schreibrichtung",
        "The file name contains a character that reverses the writing direction "
        "(like U+202E): it looks different from what it is. Rename the file.",
    ),
    _c(
        "NW021",
        ERROR,
        "Ordner nicht lesbar",
        "The folder '%(folder)s' cannot be read (%(t_reason)s): its files are missing "
        "from every figure. Check permissions and links.",
    ),
    _c(
        "NW022",
        WARNING,
        "Datei neben netzwerk.yaml wird nicht gelesen",
        "The file '%(name)s' is not read: at the top of the folder netzwerkctl reads "
        "only netzwerk.yaml; entries belong in partners/, groups/, meetings/, projects/, "
        "marketplace/ or reports/, one file each.",
    ),
    _c(
        "NW023",
        WARNING,
        "Kommentar schneidet einen Wert ab",
        "In YAML, ' #' starts a comment: '%(comment)s' is not part of the value. If it "
        "belongs to it, put the whole value in quotes: %(fix)s",
    ),
    _c(
        "NW024",
        WARNING,
        "Eintrag im Text eines Schlüssels",
        "'%(line)s' stands in the text of %(key)s (every line indented below it belongs "
        "to the text) and is not read as an entry. If it is one, move it above %(key)s, "
        "to where it belongs.",
    ),
    # -- NW1xx: the shape of an entry --------------------------------------------
    _c(
        "NW101",
        ERROR,
        "Unbekannter Schlüssel",
        "Unknown key '%(key)s'%(where)s.",
    ),
    _c(
        "NW102",
        ERROR,
        "Pflichtfeld fehlt",
        "The required key '%(key)s' is missing%(where)s.",
    ),
    _c(
        "NW103",
        ERROR,
        "Falsche Art von Wert",
        "%(key)s: expected %(t_expected)s, found %(t_found)s.",
    ),
    _c(
        "NW104",
        ERROR,
        "Ungültiges Datum",
        "'%(value)s' is not a valid date (%(key)s). Write 2021-03-15 or 15.03.2021 "
        "(years 1900 to 2999).",
    ),
    _c(
        "NW105",
        ERROR,
        "Ungültige Uhrzeit",
        "'%(value)s' is not a valid time (%(key)s). Write it like 18:30.",
    ),
    _c(
        "NW106",
        ERROR,
        "Wert nicht erlaubt",
        "'%(value)s' is not allowed for %(key)s. Allowed: %(allowed)s.",
    ),
    _c(
        "NW107",
        ERROR,
        "Ja oder nein erwartet",
        "'%(value)s' for %(key)s: write yes or no.",
    ),
    _c(
        "NW108",
        ERROR,
        "Ungültige Kennung",
        "'%(value)s' is not a valid id (%(key)s): use lowercase letters, digits "
        "and hyphens only, for example '%(slug)s'.",
    ),
    _c(
        "NW109",
        ERROR,
        "Ungültige Zahl",
        "'%(value)s' is %(t_number)s (%(key)s). Write it like %(example)s.",
    ),
    _c(
        "NW110",
        ERROR,
        "Zahl außerhalb des Bereichs",
        "%(key)s: the number must be %(t_bound)s %(limit)s (found: %(value)s).",
    ),
    _c(
        "NW111",
        ERROR,
        "Ungültige E-Mail-Adresse",
        "'%(value)s' is not a valid e-mail address (%(key)s).",
    ),
    _c(
        "NW112",
        ERROR,
        "Ungültige Zeitzone",
        "'%(value)s' is not a known time zone (%(key)s), for example Europe/Berlin.",
    ),
    _c(
        "NW113",
        ERROR,
        "Leerer Wert",
        "%(key)s is empty. Enter a value or delete the line.",
    ),
    _c(
        "NW114",
        ERROR,
        "Zahl in deutscher Schreibweise",
        "'%(value)s' (%(key)s): write numbers without thousands separators and "
        "with a decimal point, for example 2000 or 1140.50.",
    ),
    _c(
        "NW115",
        ERROR,
        "Mehrere Werte als Text",
        "'%(value)s' (%(key)s): write several persons as a list.",
    ),
    _c(
        "NW116",
        ERROR,
        "Dauer in ganzen Minuten",
        "'%(value)s' is not a duration (%(key)s): write whole minutes, for example 90.",
    ),
    _c(
        "NW120",
        ERROR,
        "Unbekannter Prüfcode",
        "There is no check code '%(value)s' (checks). The codes are listed in docs/check-codes.md.",
    ),
    _c(
        "NW121",
        ERROR,
        "Fehler lässt sich nicht abschalten",
        "%(value)s is an error and cannot be switched off or made a warning "
        "(checks): while it stands, netzwerkctl makes no documents. Fix it.",
    ),
    _c(
        "NW117",
        ERROR,
        "Name über mehrere Zeilen",
        "A name (%(key)s) is one line, without line breaks or tabs: it stands in "
        "e-mails, calendars and tables.",
    ),
    _c(
        "NW119",
        ERROR,
        "Ungültiger Wert",
        "%(key)s: %(detail)s",
    ),
    # -- NW2xx: references and ids ------------------------------------------------
    _c(
        "NW201",
        ERROR,
        "Unbekannter Partner",
        "There is no partner '%(ref)s' (%(key)s) in partners/.",
    ),
    _c(
        "NW202",
        ERROR,
        "Unbekannte Person",
        "No partner file lists a person '%(ref)s' (%(key)s) under contacts.",
    ),
    _c(
        "NW203",
        ERROR,
        "Unbekannte Gruppe",
        "There is no group '%(ref)s' (%(key)s) in groups/.",
    ),
    _c(
        "NW204",
        ERROR,
        "Unbekanntes Projekt",
        "There is no project '%(ref)s' (%(key)s) in projects/.",
    ),
    _c(
        "NW205",
        ERROR,
        "Unbekanntes Angebot",
        "There is no offer '%(ref)s' (%(key)s) on this marketplace.",
    ),
    _c(
        "NW206",
        ERROR,
        "Unbekanntes Gesuch",
        "There is no need '%(ref)s' (%(key)s) on this marketplace.",
    ),
    _c(
        "NW207",
        ERROR,
        "Kennung doppelt vergeben",
        "The id '%(id)s' is used twice: also %(other)s.",
    ),
    _c(
        "NW208",
        ERROR,
        "Person doppelt angelegt",
        "The person '%(id)s' is already declared in %(other)s:%(other_line)s. "
        "Person ids must be unique across the whole network.",
    ),
    _c(
        "NW209",
        ERROR,
        "Kennung in der Datei doppelt",
        "The id '%(id)s' appears twice in this file (first on line %(first_line)s).",
    ),
    # -- NW3xx: dates ---------------------------------------------------------------
    _c(
        "NW301",
        ERROR,
        "Daten in falscher Reihenfolge",
        "%(first_key)s (%(first)s) is after %(second_key)s (%(second)s).",
    ),
    _c(
        "NW302",
        ERROR,
        "Frist vor der Sitzung",
        "The due date %(due)s is before the meeting of %(date)s that raised the task.",
    ),
    _c(
        "NW303",
        ERROR,
        "Datum in der Zukunft",
        "The date %(key)s: %(value)s is in the future (today is %(today)s).",
    ),
    _c(
        "NW304",
        ERROR,
        "Ende nicht nach Beginn",
        "The end (%(end)s) is not after the start (%(start)s).",
    ),
    _c(
        "NW305",
        ERROR,
        "Gültigkeit endet vor der Verleihung",
        "valid_until (%(valid_until)s) must be after the award's date (%(date)s).",
    ),
    _c(
        "NW306",
        WARNING,
        "Angesprochen in der Zukunft",
        "approached: %(value)s is in the future (today is %(today)s). A typo in "
        "the year? Enter a first contact once it has taken place.",
    ),
    # -- NW4xx: meetings ------------------------------------------------------------
    _c(
        "NW401",
        ERROR,
        "Gruppe bestand am Sitzungstag nicht",
        "The group '%(group)s' did not exist on %(date)s (started: %(started)s, ended: %(ended)s).",
    ),
    _c(
        "NW402",
        ERROR,
        "Teilnehmer ist weder Mitglied noch eingeladen",
        "'%(person)s' (%(key)s) is not a member of the group '%(group)s' on "
        "%(date)s and is not listed under invited.",
    ),
    _c(
        "NW403",
        ERROR,
        "Anwesend und entschuldigt zugleich",
        "'%(person)s' is listed both under present and under excused.",
    ),
    _c(
        "NW404",
        ERROR,
        "Kein Einführungsgespräch vor der Teilnahme",
        "'%(person)s' attended on %(date)s without an introductory talk before "
        "(intro_talk: %(intro)s). The network requires one (rules.intro_talk_required).",
    ),
    _c(
        "NW405",
        WARNING,
        "Stattgefundene Sitzung ohne Anwesenheit",
        "The meeting is held but has no present list. Enter who attended.",
    ),
    _c(
        "NW406",
        WARNING,
        "Vergangene Sitzung noch geplant (Protokoll fehlt)",
        "The meeting of %(date)s is over but still planned: add the minutes "
        "(status: held and present) or cancel it (status: cancelled).",
    ),
    _c(
        "NW407",
        ERROR,
        "Abgesagte Sitzung mit Anwesenheit",
        "The meeting is cancelled but has %(key)s. Remove the list.",
    ),
    _c(
        "NW408",
        WARNING,
        "Dateiname passt nicht zur Sitzung",
        "Meeting files are named <date>-<group>, here '%(expected)s.yaml' (for "
        "several meetings on one day '%(expected)s-2.yaml'); a meeting moved to another "
        "day keeps its name.",
    ),
    _c(
        "NW409",
        ERROR,
        "Person doppelt in der Liste",
        "'%(person)s' is listed twice under %(key)s (first on line %(first_line)s).",
    ),
    _c(
        "NW410",
        WARNING,
        "Sitzung in der Zukunft schon stattgefunden",
        "The meeting of %(date)s is in the future (today is %(today)s) but already "
        "held. Is the date right?",
    ),
    _c(
        "NW411",
        ERROR,
        "Protokoll vor der Sitzung genehmigt",
        "approved: %(approved)s is before the meeting of %(date)s; minutes are "
        "approved after the meeting, usually at the next one.",
    ),
    _c(
        "NW412",
        ERROR,
        "Genehmigtes Protokoll ohne stattgefundene Sitzung",
        "The meeting has approved: %(approved)s but is %(status)s: only the "
        "minutes of a held meeting (status: held) are approved.",
    ),
    _c(
        "NW413",
        WARNING,
        "Abgesagt und doch anwesend",
        "%(person)s declined the invitation but is listed as present. Which is right: "
        "take them out of declined or out of present.",
    ),
    _c(
        "NW414",
        WARNING,
        "Zugesagt und abgesagt zugleich",
        "%(person)s is listed under accepted and under declined; keep the latest reply.",
    ),
    _c(
        "NW415",
        ERROR,
        "Rückmeldung erst nach der Sitzung",
        "rsvp_by: %(rsvp)s is not before the planned meeting of %(date)s; the invitation "
        "would ask for replies after it.",
    ),
    _c(
        "NW416",
        WARNING,
        "Nächste Sitzung vor dieser",
        "next: %(next)s is before the meeting of %(date)s; the minutes would name it as "
        "the next meeting.",
    ),
    _c(
        "NW417",
        WARNING,
        "Sitzungsrolle nicht mehr besetzt",
        "'%(person)s' (%(key)s) no longer speaks for %(partner)s on %(date)s, the day of "
        "the meeting: enter who %(t_role)s instead.",
    ),
    # -- NW5xx: partners and groups --------------------------------------------------
    _c(
        "NW501",
        ERROR,
        "Pate ist kein Partner des Netzwerks",
        "Patron '%(partner)s' has the status %(status)s. Patrons must be or have "
        "been partners of the network (active, paused or former).",
    ),
    _c(
        "NW502",
        WARNING,
        "Kontakt ohne Einwilligung (DSGVO)",
        "No consent to storing the contact data of '%(person)s' is recorded "
        "(consent). Enter the date of consent.",
    ),
    _c(
        "NW503",
        WARNING,
        "Aktiver Partner ohne Entscheidungsperson",
        "No person of '%(partner)s' has decision_maker: yes. Without a "
        "decision-maker at the table no agreements can be made.",
    ),
    _c(
        "NW504",
        WARNING,
        "Pate ohne Entscheidungsperson",
        "'%(partner)s' is patron of %(groups)s, but none of its persons has decision_maker: yes.",
    ),
    _c(
        "NW505",
        WARNING,
        "Ehemaliger Partner ohne Austrittsdatum",
        "'%(partner)s' has the status former but no left date. Enter when it left; "
        "until then the report does not count it.",
    ),
    _c(
        "NW506",
        WARNING,
        "Mitglied ohne aktuelle Ansprechperson",
        "'%(person)s' no longer speaks for %(partner)s since %(since)s but is "
        "still a member of the group. End the membership (until) or extend the contact.",
    ),
    _c(
        "NW507",
        WARNING,
        "Auszeichnung an einen Partner als Name",
        "'%(value)s' is the name of the partner '%(partner)s'. Write to: "
        "%(partner)s so that the award counts for this partner (report, reminders).",
    ),
    _c(
        "NW508",
        WARNING,
        "Kontaktdaten über die Aufbewahrungsfrist hinaus",
        "'%(person)s' left on %(left)s, more than %(years)s years ago "
        "(privacy.retention_years): `netzwerkctl forget --expired` pseudonymises the "
        "contact data of everyone it concerns.",
    ),
    _c(
        "NW509",
        WARNING,
        "Einwilligung abgelaufen",
        "The consent of '%(person)s' ran until %(until)s. Ask for it again or erase "
        "the contact data.",
    ),
    _c(
        "NW510",
        WARNING,
        "Kontaktdaten in einem freien Text",
        "An e-mail address or phone number stands in %(key)s: everyone who gets the "
        "document reads it, and the published report masks it. Take it out and refer to "
        "the person's entry instead.",
    ),
    _c(
        "NW511",
        WARNING,
        "Einwilligung deckt einen Zweck nicht ab",
        "'%(person)s' has not consented to '%(purpose)s', a purpose that needs consent "
        "(privacy.purposes, consent: yes). Ask for it and add the purpose to the "
        "consent record, or switch the warning off (checks: NW511: off).",
    ),
    _c(
        "NW512",
        WARNING,
        "Einwilligung für einen unbekannten Zweck",
        "The consent names the purpose '%(value)s', which privacy.purposes does not "
        "list. Known purposes: %(known)s.",
    ),
    _c(
        "NW513",
        WARNING,
        "Ansprechperson des Büros nicht mehr dabei",
        "'%(person)s' (office.contact) no longer speaks for %(partner)s since %(since)s: "
        "letters are signed by the meeting's chair, and replies go to the office. Enter "
        "who signs for the office now.",
    ),
    # -- NW6xx: marketplace and projects ----------------------------------------------
    _c(
        "NW601",
        ERROR,
        "Geld auf dem Marktplatz",
        "'%(value)s' (%(key)s): a marketplace exchanges anything but money. Allowed: %(allowed)s.",
    ),
    _c(
        "NW602",
        ERROR,
        "Geschäft mit sich selbst",
        "Offer '%(offer)s' and need '%(need)s' both belong to '%(partner)s'; a "
        "deal needs two different partners.",
    ),
    _c(
        "NW603",
        WARNING,
        "Geld im Text eines Angebots oder Gesuchs",
        "'%(value)s' (%(key)s) sounds like money ('%(word)s'). A marketplace "
        "exchanges anything but money: time, know-how, rooms, material, contacts.",
    ),
    # -- NW7xx: the programme's registry (programm.yaml) ---------------------------------
    _c(
        "NW701",
        ERROR,
        "Netzwerk ohne eindeutige Quelle",
        "The network '%(id)s' needs exactly one source: url (its git repository) or "
        "export (where it publishes its public exports).",
    ),
    _c(
        "NW702",
        ERROR,
        "Netzwerk doppelt eingetragen",
        "The id '%(id)s' is already used by the network in line %(line)s; each network "
        "needs an id of its own.",
    ),
    _c(
        "NW703",
        ERROR,
        "Adresse, die netzwerkctl nicht liest",
        "'%(value)s' (%(key)s) is not an address netzwerkctl reads. Allowed: https://…, "
        "ssh://…, git@host:path, file://… or a folder (./…, ../…, /…); an export only "
        "https://…, file://… or a folder.",
    ),
    _c(
        "NW704",
        ERROR,
        "Zweig oder Ordner mit ungewöhnlichen Zeichen",
        "'%(value)s' (%(key)s) may hold letters, digits and / . _ + - only, must not "
        "begin with - and must not contain '..'.",
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
    N_("term", "chairs it"),
    N_("term", "takes the minutes"),
    N_("term", "not a number"),
    N_("term", "not a whole number"),
    N_("term", "nothing"),
    N_("term", "at least"),
    N_("term", "at most"),
    N_("term", "greater than"),
    N_("term", "less than"),
    N_("term", "a link out of the network"),
    N_("term", "not a regular file"),
    N_("term", "not found"),
    N_("term", "no permission"),
    N_("term", "a folder"),
    N_("term", "the disk is full"),
    N_("term", "the name is too long"),
    N_("term", "already in use"),
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
# The slips recognised on the faulty line itself, with that line corrected (`fix`).
_FIX_HINTS = {
    "colon-in-value": N_(
        "yaml hint",
        "There is a colon followed by a space inside the value: put the value in quotes, %(fix)s",
    ),
    "no-space": N_("yaml hint", "After the key's colon comes a space: %(fix)s"),
}


def syntax_hint(detail: str, lang: Lang, cause: str = "", fix: str = "") -> str:
    """The advice shown with a YAML syntax error: the person's line corrected where the
    slip is recognised on it, else chosen by libyaml's message."""
    _ = Text(lang)
    if cause in _FIX_HINTS and fix:
        return _.pgettext(*_FIX_HINTS[cause], fix=fix)
    context, hint = next((h for needle, h in _SYNTAX_HINTS if needle in detail), _NO_HINT)
    return _.pgettext(context, hint)


# What to do with an empty file (NW002, argument `empty`): an entry in a data folder
# may go; the network's own file may not — without it the folder is no network — nor
# a file named on the command line (a programme's programm.yaml).
_EMPTY_ADVICE = {
    "entry": N_("empty file", "Fill in at least the required keys or delete it."),
    "file": N_("empty file", "Fill in at least the required keys."),
    "settings": N_(
        "empty file",
        "Enter at least the network's name (name: …); without this file the folder is "
        "not a network.",
    ),
}

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
        elif len(value) > MAX_QUOTED and name not in ("allowed", "unread"):  # 50 KB named
            values[name] = value[: MAX_QUOTED - 1] + "…"
        else:
            values[name] = value
    context = values.pop("labels", "")
    if context:  # stored values with their words: held (stattgefunden)
        values["allowed"] = " | ".join(
            labelled(_, context, v) for v in values.get("allowed", "").split(" | ")
        )
    where = values.get("where", "")
    values["where"] = _(" in %(place)s", place=where) if where else ""
    if code == "NW004":
        values["hint"] = syntax_hint(
            values.get("detail", ""), lang, values.pop("cause", ""), values.pop("fix", "")
        )
    if code == "NW002":
        values["advice"] = _.pgettext(*_EMPTY_ADVICE[values.pop("empty", "entry")])
    text = _.pgettext(code, CODES[code].message) % values
    suggestion = values.get("suggestion")
    if suggestion:
        text += " " + did_you_mean(_, suggestion, context)
    if values.get("unread"):  # NW202: where the person may be listed
        text += " " + _.ngettext(
            "It may be listed in %(files)s, which was not read.",
            "It may be listed in one of %(files)s, which were not read.",
            int(values.get("unread_count", "1")),
            files=values["unread"],
        )
    return text
