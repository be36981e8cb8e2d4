"""The domain of an e-mail address in the form mail servers accept.

Internationalised domains (`fußball.de`, `bürgerstiftung-süd.de`) travel as ASCII
("xn--…"). Python's built-in "idna" codec implements IDNA 2003, which maps `ß` to `ss`
and so addresses a different domain (`fussball.de`); IDNA 2008 (the `idna` package)
keeps it. `check` uses the same function, so an address that cannot be encoded is a
located problem in the data, never a failure while sending.
"""

from __future__ import annotations

import re

_LABEL = re.compile(r"(?!-)[A-Za-z0-9-]{1,63}(?<!-)\Z")


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
