"""Free text from people: what may be in it."""

from __future__ import annotations

import unicodedata

LINE_BREAKS = frozenset("\n\r\t")


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
