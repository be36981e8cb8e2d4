"""Partners and patrons: patrons are (or were) members of the network, and contact
data is only kept with recorded consent (DSGVO)."""

from __future__ import annotations

from collections.abc import Iterable
from datetime import date, timedelta

from netzwerkctl.model import MEMBER_STATUSES
from netzwerkctl.network import Network
from netzwerkctl.problems import Problem, problem


def patrons(net: Network, today: date) -> Iterable[Problem]:
    for gid, group in net.groups.items():
        for i, patron in enumerate(group.patrons):
            partner = net.partners.get(patron.partner)
            if partner is not None and partner.status not in MEMBER_STATUSES:
                yield problem(
                    "NW501",
                    net.at("group", gid, "patrons", i),
                    partner=patron.partner,
                    status=partner.status,
                )


def consent(net: Network, today: date) -> Iterable[Problem]:
    """Consent recorded (NW502), not ended (NW509), covering every purpose that needs
    it (NW511), naming purposes the network knows (NW512)."""
    declared = net.info.privacy.purposes if net.info else ()
    purposes = {name.casefold(): p.key for p in declared for name in p.names}
    for pid, partner in net.partners.items():
        for i, contact in enumerate(partner.contacts):
            if contact.forgotten is not None:
                continue  # pseudonymised: no personal data left to consent to
            if contact.consent is None:
                yield problem(
                    "NW502", net.at("partner", pid, "contacts", i, "id"), person=contact.id
                )
            elif contact.consent.until is not None and contact.consent.until < today:
                at = net.at("partner", pid, "contacts", i, "consent")
                yield problem("NW509", at, person=contact.id, until=contact.consent.until)
            elif net.contact_current(partner, contact, today):
                at = net.at("partner", pid, "contacts", i, "consent")
                for purpose in uncovered(net, contact.consent.purpose):
                    yield problem("NW511", at, person=contact.id, purpose=purpose)
            if contact.consent is not None and purposes:
                for named in contact.consent.purpose:
                    if named.casefold() not in purposes:
                        at = net.at("partner", pid, "contacts", i, "consent", "purpose")
                        known = ", ".join(sorted(set(purposes.values())))
                        yield problem("NW512", at, value=named, known=known)


def uncovered(net: Network, given: tuple[str, ...]) -> list[str]:
    """The purposes that need consent (`privacy.purposes` with `consent: ja`) which a
    consent given for `given` does not cover."""
    named = {g.casefold() for g in given}
    purposes = net.info.privacy.purposes if net.info else ()
    return [
        p.key for p in purposes if p.consent and not any(n.casefold() in named for n in p.names)
    ]


def decision_makers(net: Network, today: date) -> Iterable[Problem]:
    """Seed 000: decision-makers are often missing at the table."""
    patron_of: dict[str, list[str]] = {}
    for gid in net.groups:
        for partner_id in net.patrons_on(gid, today):
            patron_of.setdefault(partner_id, []).append(gid)
    for pid, partner in net.partners.items():
        if any(c.decision_maker for c in net.current_contacts(partner, today)):
            continue
        at = net.where("partner", pid, "contacts" if partner.contacts else "name")
        if pid in patron_of:
            yield problem("NW504", at(), partner=pid, groups=", ".join(sorted(patron_of[pid])))
        elif partner.status == "active" and partner.member_on(today):
            yield problem("NW503", at(), partner=pid)


def former_without_left(net: Network, today: date) -> Iterable[Problem]:
    for pid, partner in net.partners.items():
        if partner.status == "former" and partner.left is None:
            yield problem("NW505", net.at("partner", pid, "status"), partner=pid)


def members_who_left(net: Network, today: date) -> Iterable[Problem]:
    """A membership still open for a person who no longer speaks for their partner."""
    for gid, group in net.groups.items():
        for i, member in enumerate(group.members):
            if member.until is not None and member.until < today:
                continue
            if member.since is not None and member.since > today:
                continue  # a membership that has not begun
            person = net.persons.get(member.person)
            if person is None or net.person_active(member.person, today):
                continue
            partner = net.partners.get(person.partner)
            ended = net.contact_ended(partner, person.contact) if partner else None
            if ended is None or ended >= today:
                continue  # not current for another reason (not yet begun, paused): not left
            yield problem(
                "NW506",
                net.at("group", gid, "members", i),
                person=member.person,
                partner=person.partner,
                since=ended + timedelta(days=1),  # the first day without them
            )


def office_contact_left(net: Network, today: date) -> Iterable[Problem]:
    """The office's contact person (who signs letters) has left: letters fall back to
    the chair (present/documents.py), and the coordinator should name a successor."""
    office = net.info.office if net.info else None
    person = net.persons.get(office.contact) if office and office.contact else None
    if person is None or net.office_signer(today) is not None:
        return
    partner = net.partners.get(person.partner)
    ended = net.contact_ended(partner, person.contact) if partner else None
    if ended is not None and ended < today:  # left (or erased), not merely not yet begun
        at = net.at("network", "netzwerk", "office", "contact")
        since = ended + timedelta(days=1)  # the first day without them
        yield problem("NW513", at, person=person.contact.id, partner=person.partner, since=since)


def retention(net: Network, today: date) -> Iterable[Problem]:
    """Contact data kept longer than `privacy.retention_years` after the person left —
    their own `until`, or the day their partner left the network."""
    years = net.info.privacy.retention_years if net.info else None
    for pid, partner in net.partners.items():
        for i, contact in enumerate(partner.contacts):
            left = net.retention_over(partner, contact, today)
            if left is not None:
                at = net.at("partner", pid, "contacts", i, "id")
                yield problem("NW508", at, person=contact.id, left=left, years=str(years))
