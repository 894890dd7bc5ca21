"""Contact details in messages: what is hidden until a guest and a host have a confirmed booking.

Email addresses, phone numbers (international ``+44 20 7946 0958`` / ``0044 …`` and local
``(415) 555-2671``, ``06 12 34 56 78``, ``415.555.2671``) and links (``https://…``, ``www.…``,
``airbnb.com/rooms/1``) become ``[hidden]``. Dates, prices, times, street numbers and other
short numbers stay: a run of digits is a phone number only with 7 to 15 digits, and never when
it has the shape of a date or sits beside a currency.
"""

from __future__ import annotations

import re

HIDDEN = "[hidden]"
MIN_PHONE_DIGITS = 7
MAX_PHONE_DIGITS = 15  # E.164's longest

_EMAIL = r"[\w.+%-]+\s?(?:@|\(at\)|\[at\])\s?[\w-]+(?:\.[\w-]+)*\.[A-Za-z]{2,}"
_TLDS = "com|net|org|io|co|me|app|info|biz|ly|gl|to|uk|de|fr|es|it|nl|eu|us|ca|au|ch|at|be"
_LINK = (
    r"(?:https?://|www\.)[^\s<>\"]*[^\s<>\".,;:!?)\]]"
    rf"|\b[a-z0-9-]+(?:\.[a-z0-9-]+)*\.(?:{_TLDS})\b(?:/[^\s<>\"]*[^\s<>\".,;:!?)\]])?"
)
# Digit groups joined by one space, dot or dash, or by parentheses around an area code. The
# separator between two groups is never optional, so matching stays linear in the text.
_SEPARATOR = r"(?:[ .\-]|\)[ .\-]?|[ .\-]?\()"
_PHONE = rf"(?:\+|\()?\d+(?:{_SEPARATOR}\d+)*\)?"
# Dates, matched first so that their digits are never read as a phone number.
_DATE = r"\d{4}[-./]\d{1,2}[-./]\d{1,2}|\d{1,2}[-./]\d{1,2}[-./]\d{2,4}"
_CONTACT = re.compile(
    rf"(?P<date>(?<![\d.\-/])(?:{_DATE})(?![\d]|[-./]\d))|(?P<email>{_EMAIL})|(?P<link>{_LINK})"
    rf"|(?P<phone>(?<![\w@/+]){_PHONE}(?![\w@]))",
    re.IGNORECASE,
)
_CURRENCY_BEFORE = re.compile(r"[$€£¥₹]\s?$|\b(?:usd|eur|gbp|chf)\s?$", re.IGNORECASE)
_CURRENCY_AFTER = re.compile(
    r"^\s?(?:[$€£¥₹]|(?:usd|eur|gbp|chf|dollars?|euros?|pounds?)\b)", re.IGNORECASE
)


def _is_phone(match: re.Match[str]) -> bool:
    digits = sum(ch.isdigit() for ch in match.group())
    if not MIN_PHONE_DIGITS <= digits <= MAX_PHONE_DIGITS:
        return False
    text = match.string
    before = text[max(0, match.start() - 5) : match.start()]
    after = text[match.end() : match.end() + 9]
    return not (_CURRENCY_BEFORE.search(before) or _CURRENCY_AFTER.search(after))


def _replace(match: re.Match[str]) -> str:
    if match.lastgroup == "date" or (match.lastgroup == "phone" and not _is_phone(match)):
        return match.group()
    return HIDDEN


def redact_contact_details(text: str) -> tuple[str, bool]:
    """``text`` with every email address, phone number and link replaced by ``[hidden]``, and
    whether anything was replaced."""
    redacted = _CONTACT.sub(_replace, text)
    return redacted, redacted != text
