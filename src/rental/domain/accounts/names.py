"""What an email address or a username may be, so that one person cannot pass for another.

Both are read in Unicode's NFKC form (fullwidth a, U+FF41, is ``a``), refuse invisible and control
characters (zero-width spaces, bidi overrides, the BOM), and an email refuses quoted local
parts; a trailing dot on its domain is dropped (``example.com.`` is ``example.com``). Mixing
scripts and resembling an existing account are decided with TR39's confusables data, behind
the ``LookAlikes`` port of the application. Some usernames are reserved for the staff.
"""

from __future__ import annotations

import re
import unicodedata

from rental.domain.errors import InvalidInput

EMAIL_PATTERN = re.compile(r"^[^@\s]{1,64}@[^@\s]+\.[^@\s]+$")
USERNAME_PATTERN = re.compile(r"^[A-Za-z0-9_.-]{3,30}$")
# Unicode's invisible and control categories: format (Cf: zero-width, bidi controls, BOM),
# control, surrogate, private use, unassigned, and separators other than the plain space.
INVISIBLE = frozenset({"Cf", "Cc", "Cs", "Co", "Cn", "Zl", "Zp", "Zs"})
RESERVED_USERNAMES = frozenset(
    """
    abuse admin administrator api billing help helpdesk host hostmaster info mail
    moderator noreply no-reply null owner postmaster rental root security staff support
    sysadmin system team undefined webmaster www
    """.split()
)


def has_invisible(text: str) -> bool:
    return any(unicodedata.category(char) in INVISIBLE for char in text)


def normalize_email(email: str) -> str:
    """The address as stored and compared: NFKC, lower-cased, without a trailing dot on the
    domain; ``InvalidInput`` for anything that could hide who it is."""
    text = unicodedata.normalize("NFKC", email.strip())
    if has_invisible(text):
        raise InvalidInput.field("email", "must not contain invisible or control characters.")
    local, at, domain = text.lower().rpartition("@")
    if '"' in local or "\\" in local:
        raise InvalidInput.field("email", "quoted local parts are not accepted.")
    if local.startswith(".") or local.endswith(".") or ".." in local:
        raise InvalidInput.field("email", "is not a valid email address.")
    domain = domain.rstrip(".")
    normalized = f"{local}{at}{domain}"
    if len(normalized) > 254 or not EMAIL_PATTERN.match(normalized) or ".." in domain:
        raise InvalidInput.field("email", "is not a valid email address.")
    return normalized


def check_username(username: str) -> str:
    """The username as stored (NFKC; its case kept). Reserved names are refused by
    ``User.register`` for everyone but the staff."""
    name = unicodedata.normalize("NFKC", username)
    if not USERNAME_PATTERN.match(name):
        raise InvalidInput.field(
            "username", "must be 3 to 30 letters, digits, dots, dashes or underscores."
        )
    return name
