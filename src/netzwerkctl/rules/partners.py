"""Partners and patrons: patrons are (or were) members of the network, and contact
data is only kept with recorded consent (DSGVO)."""

from __future__ import annotations

from collections.abc import Iterable
from datetime import date

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
    for pid, partner in net.partners.items():
        for i, contact in enumerate(partner.contacts):
            if contact.consent is None:
                yield problem(
                    "NW502", net.at("partner", pid, "contacts", i, "id"), person=contact.id
                )
