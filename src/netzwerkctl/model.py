"""Pydantic models of data format v1: the shape of every kind of file.

The reader hands over scalars as the text that was written; the types here decide
what that text means for each field (a date in ISO or German form, a time `18:30`,
`ja`/`nein` for yes/no, an id slug). Every model forbids unknown keys so that typos
cannot pass silently, and is frozen: the loaded network is a value, not a workspace.
Ids of files are their file names and so are not fields here (see `network.py`).
"""

from __future__ import annotations

import datetime as _dt  # for methods of models that have a field named `date`
import re
from datetime import date, time
from decimal import Decimal
from typing import Annotated, Any, Literal

from pydantic import AfterValidator, BaseModel, BeforeValidator, ConfigDict, Field, WithJsonSchema
from pydantic_core import PydanticCustomError

from netzwerkctl.dates import read_date
from netzwerkctl.i18n import N_

# -- scalar types ------------------------------------------------------------------

_SLUG = re.compile(r"[a-z0-9][a-z0-9-]*\Z")
_TIME = re.compile(r"([0-9]{1,2}):([0-9]{2})\Z")  # ASCII digits, as the schemas
# An address is at most 254 characters (RFC 5321); longer text is refused before any
# pattern looks at it, so no value costs more than linear time.
MAX_EMAIL = 254
_UMLAUTS = str.maketrans({"ä": "ae", "ö": "oe", "ü": "ue", "ß": "ss"})


def slugify(text: str) -> str:
    """A valid id close to `text`: the suggestion shown for an invalid one."""
    slug = re.sub(r"[^a-z0-9]+", "-", text.lower().translate(_UMLAUTS)).strip("-")
    return slug or "beispiel"


def _slug(value: str) -> str:
    if not _SLUG.match(value):
        raise PydanticCustomError("nw_slug", "invalid id", {"slug": slugify(value)})
    return value


def parse_day(value: Any) -> Any:
    """A date written as 2021-03-15 or 15.03.2021 (also with one-digit day/month)."""
    if isinstance(value, date) or value is None:
        return value
    if isinstance(value, str) and (day := read_date(value)) is not None:
        return day
    raise PydanticCustomError("nw_date", "invalid date")


def parse_clock(value: Any) -> Any:
    """A time written as 18:30 (or 9:05)."""
    if isinstance(value, time) or value is None:
        return value
    if isinstance(value, str):
        match = _TIME.match(value.strip())
        if match and int(match[1]) < 24 and int(match[2]) < 60:
            return time(int(match[1]), int(match[2]))
    raise PydanticCustomError("nw_time", "invalid time")


_YES = {"ja", "yes", "true", "j", "y"}
_NO = {"nein", "no", "false", "n"}


def _parse_yes_no(value: Any) -> Any:
    if isinstance(value, bool) or value is None:
        return value
    if isinstance(value, str):
        word = value.strip().lower()
        if word in _YES:
            return True
        if word in _NO:
            return False
    raise PydanticCustomError("nw_bool", "yes or no expected")


def _plausible_email(value: str) -> bool:
    """name@domain.tld: one @, no spaces, something before it, a dot inside the domain."""
    if len(value) > MAX_EMAIL or value.count("@") != 1 or any(c.isspace() for c in value):
        return False
    local, _, domain = value.partition("@")
    dot = domain.rfind(".")
    return bool(local) and 0 < dot < len(domain) - 1


def _email(value: str) -> str:
    from netzwerkctl.addresses import ascii_domain

    # the part before @ must be ASCII: most mail servers cannot deliver anything else
    local, _, domain = value.partition("@")
    if not _plausible_email(value) or not local.isascii():
        raise PydanticCustomError("nw_email", "invalid e-mail address")
    try:
        ascii_domain(domain)
    except ValueError:
        raise PydanticCustomError("nw_email", "invalid e-mail address") from None
    return value


def _timezone(value: str) -> str:
    from zoneinfo import ZoneInfo, ZoneInfoNotFoundError, available_timezones

    try:
        ZoneInfo(value)
    except (ZoneInfoNotFoundError, ValueError):
        # Without a time zone database (Windows without tzdata) nothing can be checked.
        if available_timezones():
            raise PydanticCustomError("nw_timezone", "unknown time zone") from None
    return value


def _language(value: str) -> str:
    """A language with a catalogue: one file in locale/ makes a language (i18n.py)."""
    from netzwerkctl.i18n import languages

    known = languages()
    if value not in known:
        expected = " or ".join(", ".join(f"'{k}'" for k in known).rsplit(", ", 1))
        raise PydanticCustomError("literal_error", "one of the languages", {"expected": expected})
    return value


def _languages_in_schema(schema: dict[str, Any]) -> None:
    from netzwerkctl.i18n import languages

    schema["enum"] = languages()


def _one_or_many(value: Any) -> Any:
    if isinstance(value, str):
        if "," in value:  # `owner: anna, bernd` means a list
            items = ", ".join(part.strip() for part in value.split(","))
            raise PydanticCustomError("nw_comma_list", "a list", {"suggestion": f"[{items}]"})
        return [value]
    return value


# ASCII digits only, as in the editor schemas ("١٢" is not read as 12)
_DECIMAL = re.compile(r"-?[0-9]+(\.[0-9]+)?\Z")
_INTEGER = re.compile(r"-?[0-9]+\Z")
_THOUSANDS = re.compile(r"-?[1-9][0-9]{0,2}([.,][0-9]{3})+\Z")  # 2.000 or 1.140,00


def _number(pattern: re.Pattern[str]) -> Any:
    """Numbers exactly as people mean them: `1140.50` and `12`, never `1.140` (a German
    thousands separator that would silently become 1.14), `1,5`, `1e3`, `nan` or `1_000`."""

    def check(value: Any) -> Any:
        if not isinstance(value, str):
            return value
        text = value.strip()
        if _THOUSANDS.match(text) or "," in text:  # ambiguous: 2.000 is not 2
            raise PydanticCustomError("nw_german_number", "German number format")
        if pattern.match(text):
            return text
        whole = "yes" if pattern is _INTEGER else ""  # its message shows 12, not 1140.50
        raise PydanticCustomError("nw_number", "not a number", {"whole": whole})

    return check


# What editors see (JSON Schema, YAML 1.2): each type says how to write it, in the
# network's language (schema.py translates the marked messages when it writes a schema).
ID_SCHEMA: dict[str, Any] = {
    "type": "string",
    "pattern": "^[a-z0-9][a-z0-9-]*$",
    "patternErrorMessage": N_(
        "schema", "Id: only lower-case letters, digits and hyphens, e.g. caritas-bocholt"
    ),
}
DAY_SCHEMA: dict[str, Any] = {
    "type": "string",
    # months 1–12 and days 1–31 (a 30 February is left to check, which names it)
    "pattern": "^([0-9]{4}-(0?[1-9]|1[0-2])-(0?[1-9]|[12][0-9]|3[01])"
    "|(0?[1-9]|[12][0-9]|3[01])\\.(0?[1-9]|1[0-2])\\.[0-9]{4})$",
    "patternErrorMessage": N_("schema", "Date as 2021-03-15 or 15.03.2021"),
}
CLOCK_SCHEMA: dict[str, Any] = {
    "type": "string",
    "pattern": "^([01]?[0-9]|2[0-3]):[0-5][0-9]$",
    "patternErrorMessage": N_("schema", "Time as HH:MM, e.g. 18:30"),
}


def _any_case(word: str) -> str:
    """A JSON Schema pattern (no flags there) for `word` in any case: [Jj][Aa]."""
    return "".join(f"[{c.upper()}{c.lower()}]" for c in word)


YES_NO_SCHEMA: dict[str, Any] = {
    "anyOf": [
        {"type": "boolean"},
        {
            # exactly what _parse_yes_no accepts: any case, spaces around
            "type": "string",
            "pattern": "^\\s*(" + "|".join(_any_case(w) for w in sorted(_YES | _NO)) + ")\\s*$",
            "patternErrorMessage": N_("schema", "yes or no"),
        },
    ]
}
# Numbers may be written in quotes ("12"), as _number accepts them: never a German
# thousands form ("1.000" is refused, not read as 1).
_NOT_THOUSANDS = "(?!\\s*-?[1-9][0-9]{0,2}([.,][0-9]{3})+\\s*$)"
INT_SCHEMA: dict[str, Any] = {
    "anyOf": [{"type": "integer"}, {"type": "string", "pattern": "^\\s*-?[0-9]+\\s*$"}]
}
NUM_SCHEMA: dict[str, Any] = {
    "anyOf": [
        {"type": "number"},
        {"type": "string", "pattern": "^" + _NOT_THOUSANDS + "\\s*-?[0-9]+(\\.[0-9]+)?\\s*$"},
    ]
}

Id = Annotated[str, AfterValidator(_slug), WithJsonSchema(ID_SCHEMA)]
Day = Annotated[date, BeforeValidator(parse_day), WithJsonSchema(DAY_SCHEMA)]
Clock = Annotated[time, BeforeValidator(parse_clock), WithJsonSchema(CLOCK_SCHEMA)]
YesNo = Annotated[bool, BeforeValidator(_parse_yes_no), WithJsonSchema(YES_NO_SCHEMA)]
Email = Annotated[
    str,
    AfterValidator(_email),
    WithJsonSchema({"type": "string", "pattern": "^[^@\\s]+@[^@\\s]+\\.[^@\\s]+$"}),
]
Text = Annotated[str, Field(min_length=1)]


def _one_line(value: str) -> str:
    if any(c in value for c in "\n\r\t\x0b\x0c\x85\u2028\u2029"):
        raise PydanticCustomError("nw_one_line", "a name is one line")
    return value


# A name stands in headers, calendar entries and table cells: one line of text.
Name = Annotated[str, Field(min_length=1), AfterValidator(_one_line)]
Ids = Annotated[
    tuple[Id, ...],
    BeforeValidator(_one_or_many),
    Field(min_length=1),
    WithJsonSchema({"anyOf": [ID_SCHEMA, {"type": "array", "items": ID_SCHEMA, "minItems": 1}]}),
]
# Bounded so that no number that passes check can overflow a sum, a date or a format
# later (a `value_eur` of 10^27 once broke the report).
Int = Annotated[
    int,
    BeforeValidator(_number(_INTEGER)),
    Field(ge=-(10**9), le=10**9),
    WithJsonSchema(INT_SCHEMA),
]
Num = Annotated[
    Decimal,
    BeforeValidator(_number(_DECIMAL)),
    Field(ge=-(10**12), le=10**12),
    WithJsonSchema(NUM_SCHEMA),
]
# An unquoted phone number is an integer to a YAML 1.2 editor; netzwerkctl keeps the text.
Phone = Annotated[str, WithJsonSchema({"type": ["string", "integer"]})]


class Entry(BaseModel):
    """Shared settings: unknown keys are errors, values are immutable."""

    model_config = ConfigDict(extra="forbid", frozen=True, str_strip_whitespace=True)


# -- netzwerk.yaml -------------------------------------------------------------------


class Rules(Entry):
    intro_talk_required: YesNo = False
    remind_days: Annotated[Int, Field(ge=0, le=366)] = 14


def _lower_word(value: Any) -> Any:
    """`Fehler` as `fehler`: a German noun is written with a capital."""
    return value.strip().lower() if isinstance(value, str) else value


CheckSetting = Annotated[
    Literal["off", "aus", "error", "fehler", "warning", "warnung"], BeforeValidator(_lower_word)
]


class Office(Entry):
    """The coordinating office that signs letters: the sender of every invitation."""

    name: Name
    address: tuple[Annotated[str, AfterValidator(_one_line)], ...] = ()  # lines
    phone: str | None = None
    email: Email | None = None
    website: str | None = None
    contact: Id | None = None  # the person who signs and answers


class Purpose(Entry):
    purpose: Text  # what the data is used for
    legal_basis: Text  # e.g. "Art. 6 Abs. 1 lit. a DSGVO (Einwilligung)"
    # the short name a consent record gives the purpose: `consent: {purpose: fotos}`
    id: Id | None = None
    # whether it needs every current contact's consent (check warns, NW511)
    consent: YesNo = False

    @property
    def key(self) -> str:
        """How messages name the purpose: its id, else its words."""
        return self.id or self.purpose

    @property
    def names(self) -> tuple[str, ...]:
        """How a consent record may name the purpose: its id or its words."""
        return (self.id, self.purpose) if self.id else (self.purpose,)


class Privacy(Entry):
    """What an access request (Art. 15 GDPR) must tell besides the data; where a key is
    missing, the answer gives netzwerkctl's wording for a typical network."""

    controller: str | None = None  # who is responsible; default: the office
    contact: str | None = None  # how to reach the data protection officer
    purposes: tuple[Purpose, ...] = ()
    recipients: tuple[str, ...] = ()
    storage: str | None = None  # how long, in words
    retention_years: Annotated[Int, Field(ge=0, le=100)] | None = None
    source: str | None = None


class NetworkInfo(Entry):
    name: Name
    city: str | None = None
    founded: Day | None = None
    language: Annotated[
        str, AfterValidator(_language), Field(json_schema_extra=_languages_in_schema)
    ] = "de"
    timezone: Annotated[str, AfterValidator(_timezone)] = "Europe/Berlin"
    coordinator: Id | None = None
    office: Office | None = None
    privacy: Privacy = Privacy()
    vision: str | None = None
    focus: tuple[str, ...] = ()
    rules: Rules = Rules()
    # per check code: off/aus (a warning not shown), error/fehler (a warning that fails)
    checks: dict[str, CheckSetting] = Field(default_factory=dict)


# -- partners/<id>.yaml ----------------------------------------------------------------

PartnerKind = Literal[
    "association",
    "welfare",
    "business",
    "bank",
    "administration",
    "politics",
    "school",
    "education",
    "church",
    "foundation",
    "initiative",
    "volunteer_agency",
    "media",
    "individual",
    "other",
]
PartnerStatus = Literal["prospect", "approached", "active", "paused", "former"]
MEMBER_STATUSES: frozenset[str] = frozenset({"active", "paused", "former"})


Salutation = Literal["ms", "mr"]  # Frau, Herr; without one a letter greets by full name


def _one_or_list(value: Any) -> Any:
    return (value,) if isinstance(value, str) else value


class Consent(Entry):
    """A contact's consent to storing their data: written as its date, or as a record
    with what for, how it was given and until when."""

    date: Day
    # what it was given for: a purpose's id (privacy.purposes) or words; one or a list
    purpose: Annotated[tuple[str, ...], BeforeValidator(_one_or_list)] = ()
    source: str | None = None  # how it was given: a form, an e-mail, in person
    until: Day | None = None


def _consent_entry(value: Any) -> Any:
    return {"date": value} if isinstance(value, (str, _dt.date)) else value


CONSENT_SCHEMA: dict[str, Any] = {
    "anyOf": [
        DAY_SCHEMA,
        {
            "title": "Consent",  # the key of its descriptions in schema.py
            "type": "object",
            "properties": {
                "date": DAY_SCHEMA,
                "purpose": {
                    "anyOf": [{"type": "string"}, {"type": "array", "items": {"type": "string"}}]
                },
                "source": {"type": "string"},
                "until": {"anyOf": [DAY_SCHEMA, {"type": "null"}]},
            },
            "required": ["date"],
            "additionalProperties": False,
        },
    ]
}


class Contact(Entry):
    id: Id
    name: Name
    salutation: Salutation | None = None
    title: Name | None = None  # academic title in the salutation: Dr.
    role: str | None = None
    email: Email | None = None
    phone: Phone | None = None
    address: tuple[Annotated[str, AfterValidator(_one_line)], ...] = ()  # for letters
    decision_maker: YesNo = False
    intro_talk: Day | None = None
    consent: (
        Annotated[Consent, BeforeValidator(_consent_entry), WithJsonSchema(CONSENT_SCHEMA)] | None
    ) = None
    since: Day | None = None
    until: Day | None = None
    # the day `netzwerkctl forget` pseudonymised the entry (Art. 17 GDPR): id and name
    # are a pseudonym, contact data and consent are gone, the dates that count remain
    forgotten: Day | None = None


class Partner(Entry):
    name: Name
    kind: PartnerKind
    status: PartnerStatus
    cluster: str | None = None
    expertise: tuple[str, ...] = ()
    approached: Day | None = None
    joined: Day | None = None
    left: Day | None = None
    website: str | None = None
    contacts: tuple[Contact, ...] = ()
    notes: str | None = None

    @property
    def named_in_public(self) -> bool:
        """Whether what is published (the report, the public export) may name it: an
        organisation may be named, a private person (kind individual) is counted."""
        return self.kind != "individual"

    def approached_on(self, day: date) -> bool:
        """Approached by `day` and not (yet, or any longer) a partner on it: in talks."""
        return (
            self.approached is not None
            and self.approached <= day
            and not self.member_on(day)
            and (self.joined is None or self.joined > day)
            and (self.left is None or self.left > day)
        )

    def member_on(self, day: date) -> bool:
        """An active partner of the network on `day`: status active, paused or former,
        joined on or before the day (an unknown join date counts as before), not left
        before it. A former partner without a `left` date is not counted (check warns
        about it). The one definition every command uses."""
        return self.member_between(day, day)

    def status_on(self, day: date) -> PartnerStatus:
        """The status as of `day`: a former partner who was still a partner then (as
        `member_on` defines it) was `active`, whatever the file says today."""
        if self.status == "former" and self.member_on(day):
            return "active"
        return self.status

    def member_between(self, first: date, last: date) -> bool:
        """A partner of the network on at least one day from `first` to `last` (as
        `member_on` defines it): e.g. a partner during a year."""
        if self.status == "former" and self.left is None:
            return False
        return (
            self.status in MEMBER_STATUSES
            and (self.joined is None or self.joined <= last)
            and (self.left is None or self.left >= first)
        )


# -- groups/<id>.yaml ---------------------------------------------------------------------

GroupKind = Literal["steering", "working", "workshop", "jury", "network", "other"]
MemberRole = Literal["chair", "deputy", "minutes", "member"]


class Member(Entry):
    person: Id
    role: MemberRole = "member"
    since: Day | None = None
    until: Day | None = None


def _patron_entry(value: Any) -> Any:
    return {"partner": value} if isinstance(value, str) else value


class Patron(Entry):
    """A patron partner; written as a plain id (patron since the group started) or
    as a mapping with dates."""

    partner: Id
    since: Day | None = None
    until: Day | None = None


PATRON_SCHEMA: dict[str, Any] = {
    "anyOf": [
        ID_SCHEMA,
        {
            "title": "Patron",  # the key of its descriptions in schema.py
            "type": "object",
            "properties": {
                "partner": ID_SCHEMA,
                "since": {"anyOf": [DAY_SCHEMA, {"type": "null"}]},
                "until": {"anyOf": [DAY_SCHEMA, {"type": "null"}]},
            },
            "required": ["partner"],
            "additionalProperties": False,
        },
    ]
}


class Group(Entry):
    name: Name
    kind: GroupKind
    topic: str | None = None
    host: Id | None = None
    patrons: tuple[
        Annotated[Patron, BeforeValidator(_patron_entry), WithJsonSchema(PATRON_SCHEMA)], ...
    ] = ()
    lead: Id | None = None
    started: Day | None = None
    ended: Day | None = None
    meets_every_weeks: Annotated[Int, Field(ge=1, le=520)] | None = None
    goals: tuple[str, ...] = ()
    members: tuple[Member, ...] = ()
    salutation: Name | None = None  # of letters to the group: "Liebe AG Bildung,"

    def exists_between(self, first: date, last: date) -> bool:
        """The group existed on at least one day from `first` to `last` (an unknown
        start counts as before, no end as after)."""
        return (self.started is None or self.started <= last) and (
            self.ended is None or self.ended >= first
        )


# -- meetings/<year>/<date>-<group>.yaml -------------------------------------------------

MeetingStatus = Literal["planned", "held", "cancelled"]
ItemKind = Literal["info", "discussion", "decision"]
ItemStatus = Literal["postponed"]  # an item moved to the group's next meeting


class Votes(Entry):
    yes: Annotated[Int, Field(ge=0, le=100000)] = 0
    no: Annotated[Int, Field(ge=0, le=100000)] = 0
    abstain: Annotated[Int, Field(ge=0, le=100000)] = 0


def _decision_entry(value: Any) -> Any:
    return {"text": value} if isinstance(value, str) else value


class Decision(Entry):
    """A decision; written as its text, or as a mapping with the vote."""

    text: Text
    votes: Votes | None = None

    @property
    def carried(self) -> bool:
        return self.votes is None or self.votes.yes > self.votes.no


DECISION_SCHEMA: dict[str, Any] = {
    "anyOf": [
        {"type": "string", "minLength": 1},
        {
            "title": "Decision",  # the key of its descriptions in schema.py
            "type": "object",
            "properties": {
                "text": {"type": "string", "minLength": 1},
                "votes": {
                    "title": "Votes",
                    "type": "object",
                    "properties": {
                        k: {"type": "integer", "minimum": 0} for k in ("yes", "no", "abstain")
                    },
                    "additionalProperties": False,
                },
            },
            "required": ["text"],
            "additionalProperties": False,
        },
    ]
}


class Task(Entry):
    id: Id | None = None
    title: Text
    owner: Ids
    due: Day | None = None
    done: Day | None = None
    project: Id | None = None

    def open_on(self, day: date) -> bool:
        """Not done on `day`: one done later was still open then."""
        return self.done is None or self.done > day


class AgendaItem(Entry):
    title: Text
    duration: Annotated[Int, Field(ge=0, le=1440)] | None = None
    kind: ItemKind = "info"
    by: Id | None = None
    status: ItemStatus | None = None
    notes: str | None = None
    decisions: tuple[
        Annotated[Decision, BeforeValidator(_decision_entry), WithJsonSchema(DECISION_SCHEMA)],
        ...,
    ] = ()
    tasks: tuple[Task, ...] = ()


class Meeting(Entry):
    group: Id
    title: str | None = None
    date: Day
    start: Clock | None = None
    end: Clock | None = None
    location: str | None = None
    venue: Id | None = None
    status: MeetingStatus = "planned"
    chair: Id | None = None
    minutes_by: Id | None = None
    invited: tuple[Id, ...] = ()
    guests: tuple[str, ...] = ()
    present: tuple[Id, ...] | None = None
    excused: tuple[Id, ...] = ()
    agenda: tuple[AgendaItem, ...] = ()
    next: Day | None = None
    approved: Day | None = None  # the day the Protokoll was approved: its text is frozen
    rsvp_by: Day | None = None  # reply by; the invitation says a week before if not set
    accepted: tuple[Id, ...] = ()  # replies to the invitation, as they came back
    declined: tuple[Id, ...] = ()
    distribution: tuple[str, ...] = ()  # who gets the Protokoll besides the invitees

    @property
    def reply_by(self) -> _dt.date:
        """The day replies are due: `rsvp_by`, else a week before the meeting."""
        return self.rsvp_by or self.date - _dt.timedelta(days=7)

    @property
    def recorded(self) -> bool:
        """Held, with the attendance recorded: a meeting that has minutes."""
        return self.status == "held" and bool(self.present)

    def has_document(self, document: str) -> bool:
        """Which documents the meeting has: an invitation always (for a cancelled one
        it says so), minutes once recorded, an attendance list to sign unless it is
        cancelled. The CLI and the web view ask here."""
        if document == "minutes":
            return self.recorded
        if document == "attendance":
            return self.status != "cancelled"
        return True

    @property
    def record_date(self) -> _dt.date:
        """The day a Protokoll describes the state of: its approval, else the meeting."""
        return self.approved or self.date


# -- projects/<id>.yaml ------------------------------------------------------------------

ProjectKind = Literal[
    "event", "award", "campaign", "certification", "survey", "report", "academy", "other"
]
ProjectStatus = Literal["idea", "planned", "running", "done", "dropped"]
ContributionKind = Literal[
    "postage",
    "printing",
    "mailing",
    "rooms",
    "staff",
    "catering",
    "expertise",
    "material",
    "money",
    "other",
]
Amount = Annotated[Num, Field(ge=0)]


class Milestone(Entry):
    title: Text
    due: Day | None = None
    done: Day | None = None

    def open_on(self, day: date) -> bool:
        """Not met on `day`: one met later was still open then."""
        return self.done is None or self.done > day


class Contribution(Entry):
    partner: Id
    kind: ContributionKind
    what: str | None = None
    value_eur: Amount | None = None
    hours: Amount | None = None
    date: Day | None = None  # when it was given; without: the project's first year


class Award(Entry):
    to: Text  # a partner id, or the free-text name of an organisation or person
    date: Day
    valid_until: Day | None = None
    criteria: tuple[str, ...] = ()


class Signatory(Entry):
    """Who signs a certificate (Urkunde) of the project."""

    name: Name
    role: Name | None = None  # "Bürgermeister der Stadt Bocholt"


class Project(Entry):
    name: Name
    kind: ProjectKind
    group: Id | None = None
    lead: Id | None = None
    partners: tuple[Id, ...] = ()
    status: ProjectStatus
    start: Day | None = None
    end: Day | None = None
    date: Day | None = None
    figures: dict[str, Num] = Field(default_factory=dict)
    milestones: tuple[Milestone, ...] = ()
    contributions: tuple[Contribution, ...] = ()
    awards: tuple[Award, ...] = ()
    signatories: tuple[Signatory, ...] = ()  # of its certificates; else mayor and network

    def status_on(self, day: _dt.date) -> ProjectStatus:
        """The status as of `day`: a project done or dropped after it was still running."""
        if self.status in ("done", "dropped") and self.end is not None and self.end > day:
            return "running"
        return self.status


# -- marketplace/<id>.yaml ---------------------------------------------------------------

MarketKind = Literal["expertise", "staff", "rooms", "material", "transport", "publicity", "other"]
MONEY_WORDS: frozenset[str] = frozenset(
    {
        "money",
        "geld",
        "bargeld",
        "cash",
        "euro",
        "eur",
        "spende",
        "spenden",
        "geldspende",
        "donation",
        "finanzen",
        "finanziell",
        "finanzierung",
        "funding",
        "zuschuss",
        "sponsoring",
        "sponsorship",
    }
)


def _no_money(value: Any) -> Any:
    if isinstance(value, str) and value.strip().lower() in MONEY_WORDS:
        raise PydanticCustomError("nw_money", "money is not traded on a marketplace")
    return value


class Exchange(Entry):
    """An offer or a need at a marketplace event."""

    id: Id
    partner: Id
    what: Text
    kind: Annotated[MarketKind, BeforeValidator(_no_money)]


class Deal(Entry):
    offer: Id
    need: Id
    agreed: Day | None = None
    note: str | None = None


class Marketplace(Entry):
    title: Text
    date: Day
    location: str | None = None
    offers: tuple[Exchange, ...] = ()
    needs: tuple[Exchange, ...] = ()
    deals: tuple[Deal, ...] = ()


# -- reports/<year>.yaml ---------------------------------------------------------------------


class Recommendation(Entry):
    title: Text
    text: str | None = None


class Report(Entry):
    title: str | None = None
    recipients: str | None = None  # the committee addressed: "Rat der Stadt Bocholt"
    subject: str | None = None  # Betreff of the council submission
    proposal: str | None = None  # Beschlussvorschlag; default: the council takes note
    author: str | None = None  # who submits it; default: the coordinating office
    date: Day | None = None  # of the submission; default: SOURCE_DATE_EPOCH, else none
    summary: str | None = None
    highlights: tuple[str, ...] = ()
    recommendations: tuple[Recommendation, ...] = ()
