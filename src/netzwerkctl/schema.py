"""JSON Schemas of the file kinds, generated from the models, for editors.

VS Code's YAML extension (and others) use them for completion, hover help in the
network's language (catalogue context `schema`) and red squiggles on typos. The
schemas use draft-07 keywords only (`definitions`, not `$defs`), strings with
patterns for dates and times (never `format: time`, which editors reject for 18:30),
and `additionalProperties: false` like the models.
"""

from __future__ import annotations

import json
from collections.abc import Iterator
from typing import TYPE_CHECKING, Any

from pydantic import BaseModel

from netzwerkctl.i18n import N_
from netzwerkctl.load import MODELS

if TYPE_CHECKING:
    from netzwerkctl.i18n import Text

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

TITLES: dict[str, tuple[str, str]] = {
    "netzwerk": N_("schema", "The network (netzwerk.yaml)"),
    "partner": N_("schema", "A partner with its contact persons"),
    "group": N_("schema", "A group: steering group, working group, workshop, jury"),
    "meeting": N_("schema", "A meeting with agenda, decisions and tasks"),
    "project": N_("schema", "A joint project, event or campaign"),
    "marketplace": N_("schema", "A marketplace: offers, requests, agreements (anything but money)"),
    "report": N_("schema", "Texts for the engagement report of a year"),
    "programm": N_("schema", "The networks of a programme (programm.yaml)"),
}

# Hover help, per model and field, in the language of the people editing the files.
DESCRIPTIONS: dict[str, dict[str, tuple[str, str]]] = {
    "NetworkInfo": {
        "name": N_("schema", "Name of the network."),
        "city": N_("schema", "City."),
        "founded": N_("schema", "Date of founding."),
        "language": N_(
            "schema", "Language of messages and documents: de, en or another with a catalogue."
        ),
        "timezone": N_("schema", "Time zone, e.g. Europe/Berlin."),
        "coordinator": N_(
            "schema", "Id of the partner who invites, takes the minutes and reminds."
        ),
        "office": N_("schema", "The coordinating office: the sender of invitations."),
        "privacy": N_("schema", "What an access request (Art. 15 GDPR) tells besides the data."),
        "vision": N_("schema", "The shared vision."),
        "focus": N_("schema", "Main topics."),
        "rules": N_("schema", "Rules of the network."),
        "checks": N_(
            "schema",
            "Check codes for this network: NW502: off (do not show the warning) "
            "or NW406: error (the warning as an error). Errors cannot be turned "
            "off.",
        ),
    },
    "Office": {
        "name": N_("schema", "Name of the office, e.g. Freiwilligenagentur Bocholt."),
        "address": N_("schema", "The lines of the address, one per item."),
        "phone": N_("schema", "Phone number for replies."),
        "email": N_("schema", "E-mail address for replies."),
        "website": N_("schema", "Website."),
        "contact": N_("schema", "The person who signs invitations and answers (id)."),
    },
    "Privacy": {
        "controller": N_("schema", "Who is responsible for the data; default: the office."),
        "contact": N_("schema", "How to reach the data protection officer."),
        "purposes": N_("schema", "Purposes with their legal bases: {purpose, legal_basis}."),
        "recipients": N_("schema", "Who receives the data."),
        "storage": N_("schema", "How long the data is kept, in words."),
        "retention_years": N_("schema", "Years the data is kept after a person left."),
        "source": N_("schema", "Where the data comes from."),
    },
    "Purpose": {
        "purpose": N_("schema", "What the data is used for."),
        "legal_basis": N_("schema", "The legal basis, e.g. Art. 6 Abs. 1 lit. a DSGVO."),
        "id": N_("schema", "Short name that consent records use for the purpose, e.g. fotos."),
        "consent": N_("schema", "yes: every current contact needs to consent to it (NW511)."),
    },
    "Rules": {
        "intro_talk_required": (
            N_("schema", "yes: whoever takes part in a meeting had an introductory talk before.")
        ),
        "remind_days": N_("schema", "How many days `netzwerkctl remind` looks ahead (default 14)."),
    },
    "Partner": {
        "name": N_("schema", "Name of the organisation."),
        "kind": N_("schema", "Kind of organisation."),
        "status": N_("schema", "prospect, approached, active, paused, former."),
        "cluster": N_("schema", "Cluster of a list of possible partners."),
        "expertise": N_("schema", "Keywords of the expertise (for `netzwerkctl match`)."),
        "approached": N_("schema", "Date of the first approach."),
        "joined": N_("schema", "Date of joining the network."),
        "left": N_("schema", "Date of leaving."),
        "website": N_("schema", "Website."),
        "contacts": N_("schema", "Contact persons."),
        "notes": N_("schema", "Notes (Markdown)."),
    },
    "Consent": {
        "date": N_("schema", "Date of the consent."),
        "purpose": N_("schema", "What the consent is for: a purpose's id, or a list of them."),
        "source": N_("schema", "How it was given, e.g. a form or an e-mail."),
        "until": N_("schema", "Until when it holds."),
    },
    "Contact": {
        "id": N_("schema", "The person's id, unique in the whole network, e.g. maria-schulte."),
        "name": N_("schema", "First and last name."),
        "salutation": N_("schema", "ms or mr, for letters (Liebe Frau …, Lieber Herr …)."),
        "title": N_("schema", "Title used in the salutation, e.g. Dr."),
        "role": N_("schema", "Role in the organisation."),
        "email": N_("schema", "E-mail address (for reminders)."),
        "phone": N_("schema", "Phone number."),
        "address": N_("schema", "Postal address, one line per item (for letters)."),
        "decision_maker": N_("schema", "yes: can make agreements for the organisation."),
        "intro_talk": N_("schema", "Date of the introductory talk."),
        "consent": N_(
            "schema",
            "Consent to storing the data (GDPR): its date, or {date, purpose, source, until}.",
        ),
        "since": N_("schema", "Contact person since."),
        "until": N_("schema", "Contact person until."),
        "forgotten": N_(
            "schema", "Day `netzwerkctl forget` pseudonymised the entry (Art. 17 GDPR)."
        ),
    },
    "Group": {
        "name": N_("schema", "Name of the group."),
        "kind": N_("schema", "Kind of group."),
        "topic": N_("schema", "Topic (for `netzwerkctl match --group`)."),
        "host": N_("schema", "Partner under whose roof the group works."),
        "patrons": N_("schema", "Patrons: a partner's id, or {partner, since, until}."),
        "lead": N_("schema", "Person who leads the group."),
        "started": N_("schema", "Start of the group."),
        "ended": N_("schema", "End of the group."),
        "meets_every_weeks": N_("schema", "Expected rhythm of meetings in weeks."),
        "goals": N_("schema", "Goals of the group."),
        "members": N_("schema", "Members with role and period."),
        "salutation": N_("schema", 'Salutation of letters to the group, e.g. "Liebe AG Bildung,".'),
    },
    "Patron": {
        "partner": N_("schema", "The patron partner's id."),
        "since": N_("schema", "Patron since (empty: since the group started)."),
        "until": N_("schema", "Patron until."),
    },
    "Member": {
        "person": N_("schema", "The person's id."),
        "role": N_("schema", "chair, deputy, minutes, member."),
        "since": N_("schema", "Member since."),
        "until": N_("schema", "Member until."),
    },
    "Meeting": {
        "group": N_("schema", "The group's id."),
        "title": N_("schema", "Title (else one is made)."),
        "date": N_("schema", "Day of the meeting."),
        "start": N_("schema", "Start, HH:MM."),
        "end": N_("schema", "End, HH:MM."),
        "location": N_("schema", "Place."),
        "venue": N_("schema", "Partner who provides the room."),
        "status": N_("schema", "planned, held or cancelled."),
        "chair": N_("schema", "Chair of the meeting (person)."),
        "minutes_by": N_("schema", "Who takes the minutes (person)."),
        "invited": N_("schema", "People invited in addition."),
        "guests": N_("schema", "Guests as free text."),
        "present": N_("schema", "People present."),
        "excused": N_("schema", "People excused."),
        "agenda": N_("schema", "Agenda."),
        "next": N_("schema", "Date of the next meeting."),
        "approved": N_(
            "schema", "Day the minutes were approved; after it they do not change any more."
        ),
        "rsvp_by": N_("schema", "Reply by this day (default: a week before the meeting)."),
        "accepted": N_("schema", "Invitees who accepted (person ids)."),
        "declined": N_("schema", "Invitees who declined (person ids)."),
        "distribution": N_(
            "schema", "Who gets the minutes besides the invitees: person ids or names."
        ),
    },
    "AgendaItem": {
        "title": N_("schema", "Title of the agenda item."),
        "duration": N_("schema", "Duration in minutes."),
        "kind": N_("schema", "info, discussion or decision."),
        "status": N_("schema", "postponed: moved to the group's next meeting."),
        "by": N_("schema", "Who presents the item (person)."),
        "notes": N_("schema", "What was discussed (Markdown, for the minutes)."),
        "decisions": N_("schema", "Decisions: the text, or {text, votes: {yes, no, abstain}}."),
        "tasks": N_("schema", "Tasks."),
    },
    "Decision": {
        "text": N_("schema", "What was decided."),
        "votes": N_("schema", "The vote: {yes, no, abstain}."),
    },
    "Votes": {
        "yes": N_("schema", "Votes in favour."),
        "no": N_("schema", "Votes against."),
        "abstain": N_("schema", "Abstentions."),
    },
    "Task": {
        "id": N_("schema", "Own id (else <meeting>#<n>)."),
        "title": N_("schema", "What is to be done."),
        "owner": N_("schema", "Who is responsible: a person or a list."),
        "due": N_("schema", "Due date."),
        "done": N_("schema", "Done on (empty = open)."),
        "project": N_("schema", "A project's id."),
    },
    "Project": {
        "name": N_("schema", "Name of the project."),
        "kind": N_("schema", "Kind of project."),
        "group": N_("schema", "Group responsible."),
        "lead": N_("schema", "Project lead (person)."),
        "partners": N_("schema", "Partners taking part."),
        "status": N_("schema", "idea, planned, running, done or dropped."),
        "start": N_("schema", "Start."),
        "end": N_("schema", "End."),
        "date": N_("schema", "Day of an event."),
        "figures": N_("schema", "Figures for the report: name → number."),
        "milestones": N_("schema", "Milestones."),
        "contributions": N_("schema", "Contributions of partners (in kind and other)."),
        "awards": N_("schema", "Awards and seals given."),
        "signatories": N_(
            "schema", "Who signs its certificates: {name, role}; else the mayor and the network."
        ),
    },
    "Signatory": {
        "name": N_("schema", "Name of the person who signs."),
        "role": N_("schema", "Their office, e.g. mayor of the city."),
    },
    "Milestone": {
        "title": N_("schema", "Milestone."),
        "due": N_("schema", "Due on."),
        "done": N_("schema", "Reached on."),
    },
    "Contribution": {
        "partner": N_("schema", "Partner who contributes."),
        "kind": N_("schema", "Kind of contribution."),
        "what": N_("schema", "What exactly."),
        "value_eur": N_("schema", "Value in euros, e.g. 1140.50."),
        "hours": N_("schema", "Hours."),
        "date": N_(
            "schema", "When the contribution was made (else it counts in the project's first year)."
        ),
    },
    "Award": {
        "to": N_("schema", "A partner's id or the name of the organisation or person."),
        "date": N_("schema", "Day of the award."),
        "valid_until": N_("schema", "Valid until."),
        "criteria": N_("schema", "Criteria met."),
    },
    "Marketplace": {
        "title": N_("schema", "Name of the event."),
        "date": N_("schema", "Date."),
        "location": N_("schema", "Place."),
        "offers": N_("schema", "Offers."),
        "needs": N_("schema", "Requests."),
        "deals": N_("schema", "Agreements: an offer and a request."),
    },
    "Exchange": {
        "id": N_("schema", "Id, unique on this marketplace (e.g. o1, n1)."),
        "partner": N_("schema", "Partner."),
        "what": N_("schema", "What is offered or requested."),
        "kind": N_("schema", "Kind – anything but money."),
    },
    "Deal": {
        "offer": N_("schema", "The offer's id."),
        "need": N_("schema", "The request's id."),
        "agreed": N_("schema", "Agreed on."),
        "note": N_("schema", "Note."),
    },
    "Report": {
        "title": N_("schema", "Title of the report."),
        "recipients": N_("schema", "For whom, e.g. the city council."),
        "subject": N_("schema", "Subject of the council submission (Betreff)."),
        "proposal": N_(
            "schema", "Proposed resolution; default: the council takes note of the report."
        ),
        "author": N_("schema", "Who submits it; default: the coordinating office."),
        "date": N_("schema", "Date of the submission."),
        "summary": N_("schema", "Summary (Markdown)."),
        "highlights": N_("schema", "Highlights of the year."),
        "recommendations": N_("schema", "Recommendations for action."),
    },
    "Recommendation": {
        "title": N_("schema", "Recommendation."),
        "text": N_("schema", "Reasons (Markdown)."),
    },
    "Registry": {
        "name": N_("schema", "Name of the programme."),
        "networks": N_("schema", "The networks of the programme, one entry each."),
    },
    "RegisteredNetwork": {
        "id": N_("schema", "Id of the network: lower case, digits and hyphens; unique."),
        "name": N_("schema", "Name of the network, as the report shows it."),
        "city": N_("schema", "City."),
        "url": N_(
            "schema",
            "The network's git repository: https://…, ssh://…, git@host:path, file://… "
            "or a folder (./…, ../…, /…). Instead: export.",
        ),
        "ref": N_("schema", "Branch or tag; default: the repository's default branch."),
        "folder": N_("schema", "Folder inside the repository that holds netzwerk.yaml."),
        "export": N_(
            "schema",
            "Instead of url: where the network publishes its public exports (https://…, "
            "file://… or a folder); {year} stands for the year.",
        ),
    },
}


def schema_for(kind: str, lang: str = "de") -> dict[str, Any]:
    """The draft-07 schema of one kind of file, its words in `lang`."""
    return model_schema(KINDS[kind], TITLES[kind], lang)


def model_schema(model: type[BaseModel], heading: tuple[str, str], lang: str) -> dict[str, Any]:
    """The draft-07 schema of a model for editors: descriptions (DESCRIPTIONS) and
    the words for allowed values in `lang`."""
    from netzwerkctl.i18n import Text

    words = Text(lang)
    schema = model.model_json_schema(ref_template="#/definitions/{model}")
    definitions = schema.pop("$defs", {})
    parts = [(part, str(part.get("title"))) for part in _objects([schema, definitions])]
    for part, _title in parts:
        part.pop("description", None)  # a class's docstring, for programmers
        part.pop("title", None)  # a class name (Rules), not a word for people
    for part, title in parts:
        _describe(part, DESCRIPTIONS.get(title, {}), words)
    _describe_values(schema, words)
    _describe_values(definitions, words)
    return {
        "$schema": "http://json-schema.org/draft-07/schema#",
        **{k: v for k, v in schema.items() if k != "title"},
        "title": words.pgettext(*heading),
        **({"definitions": definitions} if definitions else {}),
    }


def _objects(node: Any) -> Iterator[dict[str, Any]]:
    """Every object in a schema (one with properties), outermost first."""
    if isinstance(node, dict):
        if isinstance(node.get("properties"), dict):
            yield node
        for value in node.values():
            yield from _objects(value)
    elif isinstance(node, list):
        for child in node:
            yield from _objects(child)


def _describe(part: dict[str, Any], texts: dict[str, tuple[str, str]], words: Text) -> None:
    """Descriptions in the network's language instead of pydantic's field titles."""
    for name, prop in part.get("properties", {}).items():
        prop.pop("title", None)
        if name in texts:
            if "$ref" in prop:  # draft-07 ignores keywords beside $ref
                prop["allOf"] = [{"$ref": prop.pop("$ref")}]
            prop["description"] = words.pgettext(*texts[name])


def _describe_values(node: Any, words: Text) -> None:
    """Every list of allowed values gets the words a person reads for them
    (`enumDescriptions`, shown by VS Code while typing): held → stattgefunden; every
    pattern its message (marked in model.py as a (context, message) pair)."""
    from netzwerkctl.present.labels import context_of, label

    if isinstance(node, dict):
        values = node.get("enum")
        if isinstance(values, list) and all(isinstance(v, str) for v in values):
            context = context_of(values)
            if context:
                node["enumDescriptions"] = [label(words, context, v) for v in values]
        message = node.get("patternErrorMessage")
        if isinstance(message, (tuple, list)):
            node["patternErrorMessage"] = words.pgettext(*message)
        for child in node.values():
            _describe_values(child, words)
    elif isinstance(node, list):
        for child in node:
            _describe_values(child, words)


def schema_text(kind: str, lang: str = "de") -> str:
    return json.dumps(schema_for(kind, lang), ensure_ascii=False, indent=2, sort_keys=True) + "\n"


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
