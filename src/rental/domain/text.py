"""Free text from people: what may be in it."""

from __future__ import annotations

import re
import unicodedata

LINE_BREAKS = frozenset("\n\r\t")
# Invisible and bidirectional-control characters, which hide text or reorder what a reader
# sees ("Trojan Source", a name that reads backwards): the soft hyphen, Arabic letter mark,
# Mongolian vowel separator, zero-width space, left-to-right and right-to-left marks,
# embeddings, overrides and isolates, word joiner and invisible operators, the byte order
# mark and interlinear annotations. The zero-width joiner and non-joiner stay: emoji and
# several scripts need them. As a regular-expression class, so the HTTP API's patterns can
# state it too.
INVISIBLE = "\u00ad\u061c\u180e\u200b\u200e\u200f\u202a-\u202e\u2060-\u206f\ufeff\ufff9-\ufffb"
_INVISIBLE = re.compile(f"[{INVISIBLE}]")
INVISIBLE_MESSAGE = "must not contain invisible or bidirectional control characters."


def has_invisible_characters(value: str) -> bool:
    return _INVISIBLE.search(value) is not None


def has_control_characters(value: str, *, multiline: bool) -> bool:
    """True when ``value`` holds control characters: any at all in a one-line field (a title,
    a name, which also go into email subjects), any but line breaks and tabs in a text."""
    allowed = LINE_BREAKS if multiline else frozenset()
    return any(unicodedata.category(ch) == "Cc" and ch not in allowed for ch in value)


def check_text(
    errors: dict[str, list[str]], name: str, value: str, *, limit: int, multiline: bool
) -> None:
    """Add to ``errors`` what is wrong with ``value``: too long, or control characters."""
    if len(value) > limit:
        errors[name] = [f"must be at most {limit} characters."]
    elif has_control_characters(value, multiline=multiline):
        kind = "line breaks, tabs or other" if not multiline else "other"
        errors[name] = [f"must not contain {kind} control characters."]
    elif has_invisible_characters(value):
        errors[name] = [INVISIBLE_MESSAGE]
