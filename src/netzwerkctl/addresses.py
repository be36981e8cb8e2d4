"""E-mail addresses in the form mail servers accept, and headers that cannot be forged.

Internationalised domains (`fußball.de`, `bürgerstiftung-süd.de`) travel as ASCII
("xn--…"). Python's built-in "idna" codec implements IDNA 2003, which maps `ß` to `ss`
and so addresses a different domain (`fussball.de`); IDNA 2008 (the `idna` package)
keeps it. `check` uses the same function, so an address that cannot be encoded is a
located problem in the data, never a failure while sending.
"""

from __future__ import annotations

import re
from email.headerregistry import Address

_LABEL = re.compile(r"(?!-)[A-Za-z0-9-]{1,63}(?<!-)\Z")
# Characters with a meaning in an address header. Python's folding of a long header
# drops the quotes around a display name, so a name like `Maria Schulte, Spy
# <spy@attacker.example>` would become a second recipient; without these characters
# there is nothing to quote, and folding cannot change the header's meaning.
_SPECIALS = re.compile(r'[\x00-\x1f\x7f-\x9f"<>,;:@\\()\[\]\u2028\u2029]+')
MAX_NAME = 100


def ascii_domain(domain: str) -> str:
    """The domain in ASCII; ValueError if it is not a domain a mail server can reach."""
    if domain.isascii():
        # the common case needs no IDNA tables: only letters, digits and inner hyphens
        if len(domain) > 253 or not all(_LABEL.match(label) for label in domain.split(".")):
            raise ValueError(domain)
        return domain
    import idna  # imported only for the rare non-ASCII domain

    try:
        return idna.encode(domain, uts46=True).decode("ascii")
    except (idna.IDNAError, UnicodeError) as exc:
        raise ValueError(domain) from exc


def ascii_address(email: str) -> str:
    """An address as mail servers and calendars know it: the domain in ASCII
    (`vorsitz@xn--fuball-bocholt-1fb.example`), the same as the envelope; an address
    whose domain cannot be so written stays as it is."""
    local, at, domain = email.rpartition("@")
    if not at:
        return email
    try:
        return f"{local}@{ascii_domain(domain)}"
    except ValueError:
        return email


def display_name(name: str) -> str:
    """A person's or organisation's name as it may stand in an address header: no
    characters with a meaning there, no line breaks, at most MAX_NAME characters
    (the greeting in the text keeps the name as written)."""
    safe = " ".join(_SPECIALS.sub(" ", name).split())
    return safe if len(safe) <= MAX_NAME else safe[: MAX_NAME - 1] + "…"


def header_address(name: str, email: str) -> Address:
    """One address for a To or From header: the display name made safe, the domain in
    ASCII (ValueError if it cannot be)."""
    local, _, domain = email.strip().partition("@")
    if not local or not domain:
        raise ValueError(email)
    return Address(display_name=display_name(name), username=local, domain=ascii_domain(domain))
