"""JSON Schemas of the file kinds, generated from the models, for editors.

VS Code's YAML extension (and others) use them for completion, hover help in German
and red squiggles on typos. The schemas use draft-07 keywords only (`definitions`,
not `$defs`), strings with patterns for dates and times (never `format: time`, which
editors reject for 18:30), and `additionalProperties: false` like the models.
"""

from __future__ import annotations

import json
from typing import Any

from pydantic import BaseModel

from netzwerkctl.load import MODELS

# The file kinds by the names of their schema files (netzwerk.yaml's kind is "network").
KINDS: dict[str, type[BaseModel]] = {
    ("netzwerk" if kind == "network" else kind): model for kind, model in MODELS.items()
}

# Which files each schema is for (patterns for the editor's settings).
FILES: dict[str, list[str]] = {
    "netzwerk": ["netzwerk.yaml"],
    "partner": ["partners/**/*.yaml", "partners/**/*.yml"],
    "group": ["groups/**/*.yaml", "groups/**/*.yml"],
    "meeting": ["meetings/**/*.yaml", "meetings/**/*.yml"],
    "project": ["projects/**/*.yaml", "projects/**/*.yml"],
    "marketplace": ["marketplace/**/*.yaml", "marketplace/**/*.yml"],
    "report": ["reports/**/*.yaml", "reports/**/*.yml"],
}

TITLES: dict[str, str] = {
    "netzwerk": "Das Netzwerk (netzwerk.yaml)",
    "partner": "Ein Partner mit seinen Ansprechpersonen",
    "group": "Eine Gruppe: Steuerungsgruppe, Arbeitsgruppe, Werkstatt, Jury",
    "meeting": "Eine Sitzung mit Tagesordnung, Beschlüssen und Arbeitsaufträgen",
    "project": "Ein gemeinsames Projekt, eine Veranstaltung oder Kampagne",
    "marketplace": "Ein Marktplatz: Angebote, Gesuche, Vereinbarungen (alles außer Geld)",
    "report": "Texte für den Engagementbericht eines Jahres",
}

# Hover help, per model and field (German: the people editing the files).
DESCRIPTIONS: dict[str, dict[str, str]] = {
    "NetworkInfo": {
        "name": "Name des Netzwerks.",
        "city": "Stadt.",
        "founded": "Gründungsdatum.",
        "language": "Sprache der Meldungen und Dokumente: de oder en.",
        "timezone": "Zeitzone, z. B. Europe/Berlin.",
        "coordinator": "Kennung des Partners, der einlädt, protokolliert und erinnert.",
        "vision": "Die gemeinsame Vision.",
        "focus": "Thematische Schwerpunkte.",
        "rules": "Regeln des Netzwerks.",
        "checks": (
            "Prüfcodes für dieses Netzwerk einstellen: NW502: aus (Warnung nicht zeigen) "
            "oder NW406: fehler (Warnung als Fehler). Fehler lassen sich nicht abschalten."
        ),
    },
    "Rules": {
        "intro_talk_required": (
            "ja: Wer an einer Sitzung teilnimmt, hatte vorher ein Einführungsgespräch."
        ),
        "remind_days": "Wie viele Tage `netzwerkctl remind` vorausschaut (Standard 14).",
    },
    "Partner": {
        "name": "Name der Organisation.",
        "kind": "Art der Organisation.",
        "status": "prospect (möglich), approached (angesprochen), active, paused, former.",
        "cluster": "Cluster einer Liste möglicher Partner.",
        "expertise": "Stichworte zur Expertise (für `netzwerkctl match`).",
        "approached": "Datum der ersten Ansprache.",
        "joined": "Datum des Beitritts zum Netzwerk.",
        "left": "Datum des Ausscheidens.",
        "website": "Internetseite.",
        "contacts": "Ansprechpersonen.",
        "notes": "Notizen (Markdown).",
    },
    "Contact": {
        "id": "Kennung der Person, im ganzen Netzwerk eindeutig, z. B. maria-schulte.",
        "name": "Vor- und Nachname.",
        "role": "Funktion in der Organisation.",
        "email": "E-Mail-Adresse (für Erinnerungen).",
        "phone": "Telefonnummer.",
        "decision_maker": "ja: kann für die Organisation Vereinbarungen treffen.",
        "intro_talk": "Datum des Einführungsgesprächs.",
        "consent": "Datum der Einwilligung in die Speicherung (DSGVO).",
        "since": "Ansprechperson seit.",
        "until": "Ansprechperson bis.",
    },
    "Group": {
        "name": "Name der Gruppe.",
        "kind": "Art der Gruppe.",
        "topic": "Thema (für `netzwerkctl match --group`).",
        "host": "Partner, unter dessen Dach die Gruppe arbeitet.",
        "patrons": "Patinnen und Paten: Partner-Kennung, oder {partner, since, until}.",
        "lead": "Person, die die Gruppe leitet.",
        "started": "Beginn der Gruppe.",
        "ended": "Ende der Gruppe.",
        "meets_every_weeks": "Erwarteter Sitzungsrhythmus in Wochen.",
        "goals": "Ziele der Gruppe.",
        "members": "Mitglieder mit Rolle und Zeitraum.",
    },
    "Member": {
        "person": "Kennung der Person.",
        "role": "chair (Vorsitz), deputy, minutes (Protokoll), member.",
        "since": "Mitglied seit.",
        "until": "Mitglied bis.",
    },
    "Meeting": {
        "group": "Kennung der Gruppe.",
        "title": "Titel (sonst wird einer gebildet).",
        "date": "Sitzungstag.",
        "start": "Beginn, HH:MM.",
        "end": "Ende, HH:MM.",
        "location": "Ort.",
        "venue": "Partner, der den Raum stellt.",
        "status": "planned, held (hat stattgefunden) oder cancelled.",
        "chair": "Sitzungsleitung (Person).",
        "minutes_by": "Wer das Protokoll schreibt (Person).",
        "invited": "Zusätzlich eingeladene Personen.",
        "guests": "Gäste als freier Text.",
        "present": "Anwesende Personen.",
        "excused": "Entschuldigte Personen.",
        "agenda": "Tagesordnung.",
        "next": "Datum der nächsten Sitzung.",
        "approved": "Tag, an dem das Protokoll genehmigt wurde; danach ändert es sich nicht mehr.",
    },
    "AgendaItem": {
        "title": "Titel des Tagesordnungspunkts.",
        "duration": "Dauer in Minuten.",
        "kind": "info, discussion oder decision.",
        "by": "Wer den Punkt vorstellt (Person).",
        "notes": "Was besprochen wurde (Markdown, für das Protokoll).",
        "decisions": "Beschlüsse.",
        "tasks": "Arbeitsaufträge.",
    },
    "Task": {
        "id": "Eigene Kennung (sonst <sitzung>#<n>).",
        "title": "Was zu tun ist.",
        "owner": "Wer verantwortlich ist: eine Person oder eine Liste.",
        "due": "Frist.",
        "done": "Erledigt am (leer = offen).",
        "project": "Kennung eines Projekts.",
    },
    "Project": {
        "name": "Name des Projekts.",
        "kind": "Art des Projekts.",
        "group": "Verantwortliche Gruppe.",
        "lead": "Projektleitung (Person).",
        "partners": "Beteiligte Partner.",
        "status": "idea, planned, running, done oder dropped.",
        "start": "Beginn.",
        "end": "Ende.",
        "date": "Tag einer Veranstaltung.",
        "figures": "Kennzahlen für den Bericht: Name → Zahl.",
        "milestones": "Meilensteine.",
        "contributions": "Beiträge der Partner (Sachleistungen und anderes).",
        "awards": "Verliehene Preise und Siegel.",
    },
    "Milestone": {"title": "Meilenstein.", "due": "Fällig am.", "done": "Erreicht am."},
    "Contribution": {
        "partner": "Partner, der beiträgt.",
        "kind": "Art des Beitrags.",
        "what": "Was genau.",
        "value_eur": "Wert in Euro, z. B. 1140.50.",
        "hours": "Stunden.",
        "date": "Wann der Beitrag geleistet wurde (sonst zählt er im ersten Projektjahr).",
    },
    "Award": {
        "to": "Partner-Kennung oder Name der Organisation oder Person.",
        "date": "Tag der Verleihung.",
        "valid_until": "Gültig bis.",
        "criteria": "Erfüllte Kriterien.",
    },
    "Marketplace": {
        "title": "Name der Veranstaltung.",
        "date": "Datum.",
        "location": "Ort.",
        "offers": "Angebote.",
        "needs": "Gesuche.",
        "deals": "Vereinbarungen: ein Angebot und ein Gesuch.",
    },
    "Exchange": {
        "id": "Kennung, eindeutig auf diesem Marktplatz (z. B. o1, n1).",
        "partner": "Partner.",
        "what": "Was angeboten oder gesucht wird.",
        "kind": "Art – alles außer Geld.",
    },
    "Deal": {
        "offer": "Kennung des Angebots.",
        "need": "Kennung des Gesuchs.",
        "agreed": "Vereinbart am.",
        "note": "Notiz.",
    },
    "Report": {
        "title": "Titel des Berichts.",
        "recipients": "Für wen, z. B. Rat der Stadt.",
        "summary": "Zusammenfassung (Markdown).",
        "highlights": "Höhepunkte des Jahres.",
        "recommendations": "Handlungsempfehlungen.",
    },
    "Recommendation": {"title": "Empfehlung.", "text": "Begründung (Markdown)."},
}


def schema_for(kind: str) -> dict[str, Any]:
    """The draft-07 schema of one kind of file."""
    model = KINDS[kind]
    schema = model.model_json_schema(ref_template="#/definitions/{model}")
    definitions = schema.pop("$defs", {})
    for part in (schema, *definitions.values()):
        _describe(part)
    _describe_values(schema)
    _describe_values(definitions)
    return {
        "$schema": "http://json-schema.org/draft-07/schema#",
        **{k: v for k, v in schema.items() if k != "title"},
        "title": TITLES[kind],
        **({"definitions": definitions} if definitions else {}),
    }


def _describe(part: dict[str, Any]) -> None:
    """German descriptions instead of pydantic's English field titles."""
    texts = DESCRIPTIONS.get(str(part.get("title")), {})
    for name, prop in part.get("properties", {}).items():
        prop.pop("title", None)
        if name in texts:
            if "$ref" in prop:  # draft-07 ignores keywords beside $ref
                prop["allOf"] = [{"$ref": prop.pop("$ref")}]
            prop["description"] = texts[name]


def _describe_values(node: Any, lang: str = "de") -> None:
    """Every list of allowed values gets the words a person reads for them
    (`enumDescriptions`, shown by VS Code while typing): held → stattgefunden."""
    from netzwerkctl.i18n import Text
    from netzwerkctl.present.labels import context_of, label

    if isinstance(node, dict):
        values = node.get("enum")
        if isinstance(values, list) and all(isinstance(v, str) for v in values):
            context = context_of(values)
            if context:
                words = Text(lang)
                node["enumDescriptions"] = [label(words, context, v) for v in values]
        for child in node.values():
            _describe_values(child, lang)
    elif isinstance(node, list):
        for child in node:
            _describe_values(child, lang)


def schema_text(kind: str) -> str:
    return json.dumps(schema_for(kind), ensure_ascii=False, indent=2, sort_keys=True) + "\n"


def schema_file(kind: str) -> str:
    return f"{kind}.schema.json"


def vscode_settings() -> str:
    """.vscode/settings.json: the schemas mapped to the folders, UTF-8, LF, spaces."""
    settings = {
        "yaml.schemas": {f"./.schemas/{schema_file(k)}": FILES[k] for k in KINDS},
        "files.encoding": "utf8",
        "files.eol": "\n",
        "[yaml]": {
            "editor.insertSpaces": True,
            "editor.tabSize": 2,
            "editor.detectIndentation": False,
        },
    }
    return json.dumps(settings, ensure_ascii=False, indent=2) + "\n"


def vscode_extensions() -> str:
    return json.dumps({"recommendations": ["redhat.vscode-yaml"]}, indent=2) + "\n"
