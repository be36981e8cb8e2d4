"""The catalogue of problem codes: one place for each code's severity and wording.

Codes are stable (scripts and CI filter on them); the wording exists in German and
English and is filled from a problem's arguments when it is shown. Keeping the text
out of the rules means a rule only says *what* is wrong, and the docs page of all
codes (docs/check-codes.md) is generated from this table.
"""

from __future__ import annotations

from collections.abc import Mapping
from dataclasses import dataclass
from datetime import date
from typing import Final, Literal

Lang = Literal["de", "en"]
Severity = Literal["error", "warning"]
LANGS: tuple[Lang, ...] = ("de", "en")
ERROR: Final = "error"
WARNING: Final = "warning"


@dataclass(frozen=True)
class Code:
    """A problem code: its severity, a short title and the message templates."""

    code: str
    severity: Severity
    title: str  # German, for the docs
    de: str
    en: str


def _c(code: str, severity: Severity, title: str, de: str, en: str) -> Code:
    return Code(code, severity, title, de, en)


_ALL: tuple[Code, ...] = (
    # -- NW0xx: reading a file -------------------------------------------------
    _c(
        "NW001",
        ERROR,
        "Datei ist nicht UTF-8",
        "Die Datei ist nicht UTF-8-kodiert (Byte {byte}, in Windows-1252 wäre das „{char}“). "
        "Bitte im Editor als UTF-8 speichern.",
        "The file is not UTF-8 encoded (byte {byte}, which is '{char}' in Windows-1252). "
        "Save it as UTF-8 in your editor.",
    ),
    _c(
        "NW002",
        ERROR,
        "Datei ist leer",
        "Die Datei ist leer. Tragen Sie mindestens die Pflichtfelder ein oder löschen Sie sie.",
        "The file is empty. Fill in at least the required keys or delete it.",
    ),
    _c(
        "NW003",
        ERROR,
        "Tabulator zum Einrücken",
        "Hier wird mit einem Tabulator eingerückt; YAML erlaubt nur Leerzeichen. "
        "Ersetzen Sie den Tabulator durch Leerzeichen.",
        "A tab is used for indentation here; YAML allows only spaces. Replace the tab with spaces.",
    ),
    _c(
        "NW004",
        ERROR,
        "YAML-Syntaxfehler",
        "YAML-Syntaxfehler ({detail}). {hint}",
        "YAML syntax error ({detail}). {hint}",
    ),
    _c(
        "NW005",
        ERROR,
        "Schlüssel doppelt",
        "Der Schlüssel „{key}“ steht doppelt (zuerst in Zeile {first_line}). "
        "Löschen Sie einen der beiden Einträge.",
        "The key '{key}' appears twice (first on line {first_line}). Delete one of them.",
    ),
    _c(
        "NW006",
        ERROR,
        "YAML-Tag nicht erlaubt",
        "Tags wie „{tag}“ sind nicht erlaubt. Schreiben Sie den Wert ohne die „!“-Angabe.",
        "Tags such as '{tag}' are not allowed. Write the value without the '!' part.",
    ),
    _c(
        "NW007",
        ERROR,
        "Anker und Verweise nicht erlaubt",
        "Anker und Verweise (&name, *name) werden nicht unterstützt. Schreiben Sie den Wert aus.",
        "Anchors and aliases (&name, *name) are not supported. Write the value out.",
    ),
    _c(
        "NW008",
        ERROR,
        "Datei ist keine Zuordnung",
        "Die Datei muss aus Schlüsseln mit Werten bestehen (zum Beispiel „name: …“), "
        "gefunden wurde {t_found}.",
        "The file must consist of keys with values (for example 'name: …'), found {t_found}.",
    ),
    _c(
        "NW009",
        ERROR,
        "Datei zu groß",
        "Die Datei ist {size} MB groß; gelesen werden höchstens {limit} MB.",
        "The file is {size} MB large; at most {limit} MB are read.",
    ),
    _c(
        "NW010",
        ERROR,
        "Zu tief verschachtelt",
        "Die Datei ist tiefer als {limit} Ebenen verschachtelt.",
        "The file is nested deeper than {limit} levels.",
    ),
    _c(
        "NW011",
        ERROR,
        "Schlüssel ist kein Text",
        "Schlüssel müssen einfacher Text sein (zum Beispiel „name“).",
        "Keys must be plain text (for example 'name').",
    ),
    _c(
        "NW012",
        ERROR,
        "Dateiname taugt nicht als Kennung",
        "Der Dateiname „{name}“ taugt nicht als Kennung: nur Kleinbuchstaben, Ziffern und "
        "Bindestriche, zum Beispiel „{slug}.yaml“.",
        "The file name '{name}' is not a valid id: use lowercase letters, digits and "
        "hyphens only, for example '{slug}.yaml'.",
    ),
    _c(
        "NW013",
        ERROR,
        "Berichtsdatei ist kein Jahr",
        "Dateien in reports/ heißen nach dem Berichtsjahr, zum Beispiel „2021.yaml“ "
        "(gefunden: „{name}“).",
        "Files in reports/ are named after the report's year, for example '2021.yaml' "
        "(found: '{name}').",
    ),
    _c(
        "NW014",
        ERROR,
        "Datei nicht lesbar",
        "Die Datei lässt sich nicht lesen ({reason}). Prüfen Sie Zugriffsrechte und Verknüpfungen.",
        "The file cannot be read ({reason}). Check permissions and links.",
    ),
    _c(
        "NW015",
        WARNING,
        "Ordner wird nicht gelesen",
        "Der Ordner „{folder}“ wird nicht gelesen; seine YAML-Dateien bleiben unbeachtet.",
        "The folder '{folder}' is not read; its YAML files are ignored.",
    ),
    _c(
        "NW016",
        ERROR,
        "Unsichtbares Steuerzeichen",
        "Hier steht ein unsichtbares Zeichen ({char}), meist aus einem Textprogramm "
        "eingefügt. Löschen Sie es oder ersetzen Sie es durch einen normalen Zeilenumbruch.",
        "There is an invisible character here ({char}), usually pasted from a word "
        "processor. Delete it or replace it with a normal line break.",
    ),
    _c(
        "NW017",
        ERROR,
        "Datei ist UTF-16",
        "Die Datei ist in UTF-16 gespeichert (in Notepad „Unicode“). Bitte als UTF-8 speichern.",
        "The file is saved as UTF-16 (Notepad's 'Unicode'). Save it as UTF-8.",
    ),
    _c(
        "NW018",
        WARNING,
        "Datei endet auf .txt",
        "Die Datei „{name}“ wird nicht gelesen: Ihr Name endet auf „.txt“ (so speichert "
        "Notepad, wenn der Dateityp auf „Textdateien“ steht). Benennen Sie sie in "
        "„{fixed}“ um.",
        "The file '{name}' is not read: its name ends in '.txt' (Notepad saves it so when "
        "the file type is 'Text Documents'). Rename it to '{fixed}'.",
    ),
    _c(
        "NW019",
        ERROR,
        "Weitere Probleme in der Datei",
        "… und {count} weitere Probleme in dieser Datei, die nicht einzeln gezeigt werden. "
        "Beheben Sie die gezeigten und prüfen Sie erneut.",
        "… and {count} more problems in this file that are not shown one by one. Fix those "
        "shown and check again.",
    ),
    _c(
        "NW020",
        WARNING,
        "Dateiname mit umgekehrter Schreibrichtung",
        "Der Dateiname enthält ein Zeichen, das die Schreibrichtung umkehrt (wie U+202E): "
        "Er sieht anders aus, als er heißt. Benennen Sie die Datei um.",
        "The file name contains a character that reverses the writing direction (like "
        "U+202E): it looks different from what it is. Rename the file.",
    ),
    # -- NW1xx: the shape of an entry --------------------------------------------
    _c(
        "NW101",
        ERROR,
        "Unbekannter Schlüssel",
        "Unbekannter Schlüssel „{key}“{where}.",
        "Unknown key '{key}'{where}.",
    ),
    _c(
        "NW102",
        ERROR,
        "Pflichtfeld fehlt",
        "Das Pflichtfeld „{key}“ fehlt{where}.",
        "The required key '{key}' is missing{where}.",
    ),
    _c(
        "NW103",
        ERROR,
        "Falsche Art von Wert",
        "{key}: {t_expected} erwartet, gefunden: {t_found}.",
        "{key}: expected {t_expected}, found {t_found}.",
    ),
    _c(
        "NW104",
        ERROR,
        "Ungültiges Datum",
        "„{value}“ ist kein gültiges Datum ({key}). Schreiben Sie 2021-03-15 oder 15.03.2021 "
        "(Jahre 1900 bis 2999).",
        "'{value}' is not a valid date ({key}). Write 2021-03-15 or 15.03.2021 (years 1900 "
        "to 2999).",
    ),
    _c(
        "NW105",
        ERROR,
        "Ungültige Uhrzeit",
        "„{value}“ ist keine gültige Uhrzeit ({key}). Schreiben Sie zum Beispiel 18:30.",
        "'{value}' is not a valid time ({key}). Write it like 18:30.",
    ),
    _c(
        "NW106",
        ERROR,
        "Wert nicht erlaubt",
        "„{value}“ ist für {key} nicht erlaubt. Erlaubt: {allowed}.",
        "'{value}' is not allowed for {key}. Allowed: {allowed}.",
    ),
    _c(
        "NW107",
        ERROR,
        "Ja oder nein erwartet",
        "„{value}“ für {key}: Schreiben Sie ja oder nein.",
        "'{value}' for {key}: write yes or no.",
    ),
    _c(
        "NW108",
        ERROR,
        "Ungültige Kennung",
        "„{value}“ taugt nicht als Kennung ({key}): nur Kleinbuchstaben, Ziffern und "
        "Bindestriche, zum Beispiel „{slug}“.",
        "'{value}' is not a valid id ({key}): use lowercase letters, digits and hyphens "
        "only, for example '{slug}'.",
    ),
    _c(
        "NW109",
        ERROR,
        "Ungültige Zahl",
        "„{value}“ ist keine gültige Zahl ({key}). Schreiben Sie zum Beispiel 1140.50.",
        "'{value}' is not a valid number ({key}). Write it like 1140.50.",
    ),
    _c(
        "NW110",
        ERROR,
        "Zahl außerhalb des Bereichs",
        "{key}: Die Zahl muss {t_bound} {limit} sein (gefunden: {value}).",
        "{key}: the number must be {t_bound} {limit} (found: {value}).",
    ),
    _c(
        "NW111",
        ERROR,
        "Ungültige E-Mail-Adresse",
        "„{value}“ ist keine gültige E-Mail-Adresse ({key}).",
        "'{value}' is not a valid e-mail address ({key}).",
    ),
    _c(
        "NW112",
        ERROR,
        "Ungültige Zeitzone",
        "„{value}“ ist keine bekannte Zeitzone ({key}), zum Beispiel Europe/Berlin.",
        "'{value}' is not a known time zone ({key}), for example Europe/Berlin.",
    ),
    _c(
        "NW113",
        ERROR,
        "Leerer Wert",
        "{key} ist leer. Tragen Sie einen Wert ein oder löschen Sie die Zeile.",
        "{key} is empty. Enter a value or delete the line.",
    ),
    _c(
        "NW114",
        ERROR,
        "Zahl in deutscher Schreibweise",
        "„{value}“ ({key}): Schreiben Sie Zahlen ohne Tausenderpunkt und mit Dezimalpunkt, "
        "zum Beispiel 2000 oder 1140.50.",
        "'{value}' ({key}): write numbers without thousands separators and with a decimal "
        "point, for example 2000 or 1140.50.",
    ),
    _c(
        "NW115",
        ERROR,
        "Mehrere Werte als Text",
        "„{value}“ ({key}): Mehrere Personen schreiben Sie als Liste.",
        "'{value}' ({key}): write several persons as a list.",
    ),
    _c(
        "NW116",
        ERROR,
        "Dauer in ganzen Minuten",
        "„{value}“ ist keine Dauer ({key}): Schreiben Sie ganze Minuten, zum Beispiel 90.",
        "'{value}' is not a duration ({key}): write whole minutes, for example 90.",
    ),
    _c(
        "NW120",
        ERROR,
        "Unbekannter Prüfcode",
        "Einen Prüfcode „{value}“ gibt es nicht (checks). Die Codes stehen in docs/check-codes.md.",
        "There is no check code '{value}' (checks). The codes are listed in docs/check-codes.md.",
    ),
    _c(
        "NW121",
        ERROR,
        "Fehler lässt sich nicht abschalten",
        "{value} ist ein Fehler und lässt sich nicht abschalten oder zur Warnung machen "
        "(checks): Solange er besteht, erzeugt netzwerkctl keine Dokumente. Beheben Sie ihn.",
        "{value} is an error and cannot be switched off or made a warning (checks): while "
        "it stands, netzwerkctl makes no documents. Fix it.",
    ),
    _c(
        "NW117",
        ERROR,
        "Name über mehrere Zeilen",
        "Ein Name ({key}) steht in einer Zeile: ohne Zeilenumbruch und Tabulator. Er steht "
        "in E-Mails, Kalendern und Tabellen.",
        "A name ({key}) is one line, without line breaks or tabs: it stands in e-mails, "
        "calendars and tables.",
    ),
    _c(
        "NW119",
        ERROR,
        "Ungültiger Wert",
        "{key}: {detail}",
        "{key}: {detail}",
    ),
    # -- NW2xx: references and ids ------------------------------------------------
    _c(
        "NW201",
        ERROR,
        "Unbekannter Partner",
        "Einen Partner „{ref}“ ({key}) gibt es nicht in partners/.",
        "There is no partner '{ref}' ({key}) in partners/.",
    ),
    _c(
        "NW202",
        ERROR,
        "Unbekannte Person",
        "Eine Person „{ref}“ ({key}) steht in keiner Partnerdatei unter contacts.",
        "No partner file lists a person '{ref}' ({key}) under contacts.",
    ),
    _c(
        "NW203",
        ERROR,
        "Unbekannte Gruppe",
        "Eine Gruppe „{ref}“ ({key}) gibt es nicht in groups/.",
        "There is no group '{ref}' ({key}) in groups/.",
    ),
    _c(
        "NW204",
        ERROR,
        "Unbekanntes Projekt",
        "Ein Projekt „{ref}“ ({key}) gibt es nicht in projects/.",
        "There is no project '{ref}' ({key}) in projects/.",
    ),
    _c(
        "NW205",
        ERROR,
        "Unbekanntes Angebot",
        "Ein Angebot „{ref}“ ({key}) gibt es auf diesem Marktplatz nicht.",
        "There is no offer '{ref}' ({key}) on this marketplace.",
    ),
    _c(
        "NW206",
        ERROR,
        "Unbekanntes Gesuch",
        "Ein Gesuch „{ref}“ ({key}) gibt es auf diesem Marktplatz nicht.",
        "There is no need '{ref}' ({key}) on this marketplace.",
    ),
    _c(
        "NW207",
        ERROR,
        "Kennung doppelt vergeben",
        "Die Kennung „{id}“ ist doppelt vergeben: auch {other}.",
        "The id '{id}' is used twice: also {other}.",
    ),
    _c(
        "NW208",
        ERROR,
        "Person doppelt angelegt",
        "Die Person „{id}“ ist schon in {other}:{other_line} angelegt. Personen-Kennungen "
        "müssen im ganzen Netzwerk eindeutig sein.",
        "The person '{id}' is already declared in {other}:{other_line}. Person ids must be "
        "unique across the whole network.",
    ),
    _c(
        "NW209",
        ERROR,
        "Kennung in der Datei doppelt",
        "Die Kennung „{id}“ steht in dieser Datei doppelt (zuerst in Zeile {first_line}).",
        "The id '{id}' appears twice in this file (first on line {first_line}).",
    ),
    # -- NW3xx: dates ---------------------------------------------------------------
    _c(
        "NW301",
        ERROR,
        "Daten in falscher Reihenfolge",
        "{first_key} ({first}) liegt nach {second_key} ({second}).",
        "{first_key} ({first}) is after {second_key} ({second}).",
    ),
    _c(
        "NW302",
        ERROR,
        "Frist vor der Sitzung",
        "Die Frist {due} liegt vor der Sitzung vom {date}, in der die Aufgabe vergeben wurde.",
        "The due date {due} is before the meeting of {date} that raised the task.",
    ),
    _c(
        "NW303",
        ERROR,
        "Erledigt-Datum in der Zukunft",
        "Das Datum {key}: {value} liegt in der Zukunft (heute ist {today}).",
        "The date {key}: {value} is in the future (today is {today}).",
    ),
    _c(
        "NW304",
        ERROR,
        "Ende nicht nach Beginn",
        "Das Ende ({end}) liegt nicht nach dem Beginn ({start}).",
        "The end ({end}) is not after the start ({start}).",
    ),
    _c(
        "NW305",
        ERROR,
        "Gültigkeit endet vor der Verleihung",
        "valid_until ({valid_until}) muss nach dem Verleihungsdatum ({date}) liegen.",
        "valid_until ({valid_until}) must be after the award's date ({date}).",
    ),
    _c(
        "NW306",
        WARNING,
        "Angesprochen in der Zukunft",
        "approached: {value} liegt in der Zukunft (heute ist {today}). Tippfehler im Jahr? "
        "Einen geplanten ersten Kontakt tragen Sie erst ein, wenn er stattgefunden hat.",
        "approached: {value} is in the future (today is {today}). A typo in the year? "
        "Enter a first contact once it has taken place.",
    ),
    # -- NW4xx: meetings ------------------------------------------------------------
    _c(
        "NW401",
        ERROR,
        "Gruppe bestand am Sitzungstag nicht",
        "Die Gruppe „{group}“ bestand am {date} nicht (started: {started}, ended: {ended}).",
        "The group '{group}' did not exist on {date} (started: {started}, ended: {ended}).",
    ),
    _c(
        "NW402",
        ERROR,
        "Teilnehmer ist weder Mitglied noch eingeladen",
        "„{person}“ ({key}) ist am {date} kein Mitglied der Gruppe „{group}“ und steht "
        "nicht unter invited.",
        "'{person}' ({key}) is not a member of the group '{group}' on {date} and is not "
        "listed under invited.",
    ),
    _c(
        "NW403",
        ERROR,
        "Anwesend und entschuldigt zugleich",
        "„{person}“ steht unter present und unter excused.",
        "'{person}' is listed both under present and under excused.",
    ),
    _c(
        "NW404",
        ERROR,
        "Kein Einführungsgespräch vor der Teilnahme",
        "„{person}“ war am {date} anwesend, hatte aber vorher kein Einführungsgespräch "
        "(intro_talk: {intro}). Das Netzwerk verlangt es (rules.intro_talk_required).",
        "'{person}' attended on {date} without an introductory talk before "
        "(intro_talk: {intro}). The network requires one (rules.intro_talk_required).",
    ),
    _c(
        "NW405",
        WARNING,
        "Stattgefundene Sitzung ohne Anwesenheit",
        "Die Sitzung steht auf held, aber present fehlt. Tragen Sie ein, wer da war.",
        "The meeting is held but has no present list. Enter who attended.",
    ),
    _c(
        "NW406",
        WARNING,
        "Vergangene Sitzung noch geplant (Protokoll fehlt)",
        "Die Sitzung vom {date} ist vorbei, steht aber noch auf planned: Protokoll nachtragen "
        "(status: held und present) oder absagen (status: cancelled).",
        "The meeting of {date} is over but still planned: add the minutes "
        "(status: held and present) or cancel it (status: cancelled).",
    ),
    _c(
        "NW407",
        ERROR,
        "Abgesagte Sitzung mit Anwesenheit",
        "Die Sitzung ist abgesagt (cancelled), hat aber {key}. Entfernen Sie die Liste.",
        "The meeting is cancelled but has {key}. Remove the list.",
    ),
    _c(
        "NW408",
        WARNING,
        "Dateiname passt nicht zur Sitzung",
        "Sitzungsdateien heißen <Datum>-<Gruppe>, hier also „{expected}.yaml“ (bei mehreren "
        "Sitzungen am Tag „{expected}-2.yaml“).",
        "Meeting files are named <date>-<group>, here '{expected}.yaml' (for several "
        "meetings on one day '{expected}-2.yaml').",
    ),
    _c(
        "NW409",
        ERROR,
        "Person doppelt in der Liste",
        "„{person}“ steht zweimal unter {key} (zuerst in Zeile {first_line}).",
        "'{person}' is listed twice under {key} (first on line {first_line}).",
    ),
    _c(
        "NW410",
        WARNING,
        "Sitzung in der Zukunft schon stattgefunden",
        "Die Sitzung vom {date} liegt in der Zukunft (heute ist {today}), steht aber schon "
        "auf held. Ist das Datum richtig?",
        "The meeting of {date} is in the future (today is {today}) but already held. "
        "Is the date right?",
    ),
    _c(
        "NW411",
        ERROR,
        "Protokoll vor der Sitzung genehmigt",
        "approved: {approved} liegt vor der Sitzung vom {date}; ein Protokoll wird erst "
        "nach der Sitzung genehmigt, meist in der nächsten.",
        "approved: {approved} is before the meeting of {date}; minutes are approved after "
        "the meeting, usually at the next one.",
    ),
    _c(
        "NW412",
        ERROR,
        "Genehmigtes Protokoll ohne stattgefundene Sitzung",
        "Die Sitzung hat approved: {approved}, steht aber auf {status}: Nur das Protokoll "
        "einer stattgefundenen Sitzung (status: held) wird genehmigt.",
        "The meeting has approved: {approved} but is {status}: only the minutes of a held "
        "meeting (status: held) are approved.",
    ),
    # -- NW5xx: partners and groups --------------------------------------------------
    _c(
        "NW501",
        ERROR,
        "Pate ist kein Partner des Netzwerks",
        "Pate „{partner}“ hat den Status {status}. Paten müssen Partner des Netzwerks sein "
        "oder gewesen sein (active, paused oder former).",
        "Patron '{partner}' has the status {status}. Patrons must be or have been partners "
        "of the network (active, paused or former).",
    ),
    _c(
        "NW502",
        WARNING,
        "Kontakt ohne Einwilligung (DSGVO)",
        "Für „{person}“ ist keine Einwilligung zur Speicherung eingetragen (consent). "
        "Tragen Sie das Datum der Einwilligung ein.",
        "No consent to storing the contact data of '{person}' is recorded (consent). "
        "Enter the date of consent.",
    ),
    _c(
        "NW503",
        WARNING,
        "Aktiver Partner ohne Entscheidungsperson",
        "Bei „{partner}“ ist keine Person mit decision_maker: ja eingetragen. Ohne "
        "Entscheiderin oder Entscheider am Tisch lassen sich keine Vereinbarungen treffen.",
        "No person of '{partner}' has decision_maker: yes. Without a decision-maker at "
        "the table no agreements can be made.",
    ),
    _c(
        "NW504",
        WARNING,
        "Pate ohne Entscheidungsperson",
        "„{partner}“ ist Pate von {groups}, aber keine seiner Personen hat decision_maker: ja.",
        "'{partner}' is patron of {groups}, but none of its persons has decision_maker: yes.",
    ),
    _c(
        "NW505",
        WARNING,
        "Ehemaliger Partner ohne Austrittsdatum",
        "„{partner}“ hat den Status former, aber kein left-Datum. Tragen Sie ein, wann der "
        "Partner ausgeschieden ist; bis dahin zählt der Bericht ihn nicht mit.",
        "'{partner}' has the status former but no left date. Enter when it left; until "
        "then the report does not count it.",
    ),
    _c(
        "NW506",
        WARNING,
        "Mitglied ohne aktuelle Ansprechperson",
        "„{person}“ ist seit {since} nicht mehr für {partner} da, ist aber noch Mitglied der "
        "Gruppe (bis: –). Mitgliedschaft beenden (until) oder die Ansprechperson verlängern.",
        "'{person}' no longer speaks for {partner} since {since} but is still a member of "
        "the group. End the membership (until) or extend the contact.",
    ),
    _c(
        "NW507",
        WARNING,
        "Auszeichnung an einen Partner als Name",
        "„{value}“ ist der Name des Partners „{partner}“. Schreiben Sie to: {partner}, "
        "dann zählt die Auszeichnung für diesen Partner (Bericht, Erinnerungen).",
        "'{value}' is the name of the partner '{partner}'. Write to: {partner} so that the "
        "award counts for this partner (report, reminders).",
    ),
    # -- NW6xx: marketplace and projects ----------------------------------------------
    _c(
        "NW601",
        ERROR,
        "Geld auf dem Marktplatz",
        "„{value}“ ({key}): Auf dem Marktplatz wird alles außer Geld getauscht. "
        "Erlaubt: {allowed}.",
        "'{value}' ({key}): a marketplace exchanges anything but money. Allowed: {allowed}.",
    ),
    _c(
        "NW602",
        ERROR,
        "Geschäft mit sich selbst",
        "Angebot „{offer}“ und Gesuch „{need}“ stammen beide von „{partner}“; ein Geschäft "
        "braucht zwei verschiedene Partner.",
        "Offer '{offer}' and need '{need}' both belong to '{partner}'; a deal needs two "
        "different partners.",
    ),
    _c(
        "NW603",
        WARNING,
        "Geld im Text eines Angebots oder Gesuchs",
        "„{value}“ ({key}) klingt nach Geld („{word}“). Auf dem Marktplatz wird alles außer "
        "Geld getauscht: Zeit, Wissen, Räume, Material, Kontakte.",
        "'{value}' ({key}) sounds like money ('{word}'). A marketplace exchanges anything "
        "but money: time, know-how, rooms, material, contacts.",
    ),
)

CODES: dict[str, Code] = {c.code: c for c in _ALL}

# Small words that appear inside messages, per language (arguments named t_*).
TERMS: dict[Lang, dict[str, str]] = {
    "de": {
        "text": "Text",
        "list": "eine Liste",
        "mapping": "Schlüssel mit Werten",
        "number": "eine Zahl",
        "whole number": "eine ganze Zahl",
        "nothing": "nichts",
        "at least": "mindestens",
        "at most": "höchstens",
        "greater than": "größer als",
        "less than": "kleiner als",
    },
    "en": {
        "text": "text",
        "list": "a list",
        "mapping": "keys with values",
        "number": "a number",
        "whole number": "a whole number",
        "nothing": "nothing",
        "at least": "at least",
        "at most": "at most",
        "greater than": "greater than",
        "less than": "less than",
    },
}

_DID_YOU_MEAN: dict[Lang, str] = {"de": " Meinten Sie „{0}“?", "en": " Did you mean '{0}'?"}
_IN: dict[Lang, str] = {"de": " in {0}", "en": " in {0}"}

# What to do about the YAML syntax errors people make most; keyed by libyaml's wording.
_SYNTAX_HINTS: tuple[tuple[str, dict[Lang, str]], ...] = (
    (
        "mapping values are not allowed",
        {
            "de": "Steht ein Doppelpunkt mit Leerzeichen im Wert? Dann setzen Sie den Wert "
            'in Anführungszeichen: titel: "Bericht: 2021".',
            "en": "Is there a colon followed by a space inside the value? Then put the "
            'value in quotes: title: "Report: 2021".',
        },
    ),
    (
        "could not find expected ':'",
        {
            "de": "Nach dem Schlüssel fehlt ein Doppelpunkt, oder die Einrückung stimmt nicht.",
            "en": "A colon is missing after the key, or the indentation is off.",
        },
    ),
    (
        "did not find expected key",
        {
            "de": "Die Einrückung passt nicht zu den Zeilen darüber.",
            "en": "The indentation does not match the lines above.",
        },
    ),
    (
        "did not find expected '-' indicator",
        {
            "de": "Einträge einer Liste beginnen alle mit „- “ und sind gleich eingerückt.",
            "en": "Items of a list all start with '- ' and are indented alike.",
        },
    ),
    (
        "found character that cannot start any token",
        {
            "de": "Ein Wert beginnt mit einem Sonderzeichen wie @ oder `: "
            "setzen Sie ihn in Anführungszeichen.",
            "en": "A value starts with a special character such as @ or `: put it in quotes.",
        },
    ),
    (
        "found unexpected end of stream",
        {
            "de": "Die Datei endet mitten in einem Wert. Fehlt ein schließendes Anführungszeichen?",
            "en": "The file ends in the middle of a value. Is a closing quote missing?",
        },
    ),
    (
        "expected a single document",
        {
            "de": "Die Datei enthält mehrere Dokumente (---); eine Datei beschreibt genau "
            "einen Eintrag.",
            "en": "The file holds several documents (---); one file describes one entry.",
        },
    ),
)
_NO_HINT: dict[Lang, str] = {
    "de": "Prüfen Sie Einrückung, Doppelpunkte und Anführungszeichen in dieser Zeile.",
    "en": "Check indentation, colons and quotes on this line.",
}


def syntax_hint(detail: str, lang: Lang) -> str:
    """The advice shown with a YAML syntax error, chosen by libyaml's message."""
    for needle, hints in _SYNTAX_HINTS:
        if needle in detail:
            return hints[lang]
    return _NO_HINT[lang]


MAX_QUOTED = 120  # characters of a value a message quotes


def format_message(code: str, args: Mapping[str, str | date], lang: Lang = "de") -> str:
    """The message of a problem in the given language, filled from its arguments.

    Arguments named ``t_*`` are terms translated through TERMS; ``suggestion`` adds a
    "did you mean" sentence and ``where`` a location phrase, both only when present.
    Dates (date objects, never text a person wrote) are shown the German way in German.
    """
    entry = CODES[code]
    values: dict[str, str] = {}
    for name, value in args.items():
        if isinstance(value, date):
            values[name] = value.strftime("%d.%m.%Y") if lang == "de" else value.isoformat()
        elif name.startswith("t_"):
            values[name] = TERMS[lang].get(value, value)
        elif len(value) > MAX_QUOTED:  # a 50 KB value is named, not printed
            values[name] = value[: MAX_QUOTED - 1] + "…"
        else:
            values[name] = value
    where = values.get("where", "")
    values["where"] = _IN[lang].format(where) if where else ""
    if code == "NW004":
        values["hint"] = syntax_hint(values.get("detail", ""), lang)
    text = (entry.de if lang == "de" else entry.en).format(**values)
    suggestion = values.get("suggestion")
    if suggestion:
        text += _DID_YOU_MEAN[lang].format(suggestion)
    return text
