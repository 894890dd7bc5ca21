"""Request bodies, parsed once and with limits, before any view or schema sees them.

A hostile body must cost little and answer a 4xx: its declared size is checked before a byte
is read (413), and the JSON is parsed once by ``parse_body``, which refuses what Python's
``json`` accepts but the rest of the stack cannot take: nesting deeper than ``MAX_DEPTH``
(recursion in every later walk), unpaired UTF-16 surrogates such as ``"\\ud800"`` (no codec
encodes them, so they fail in the database driver or the password hasher), duplicate keys
(which of the two would win is a guess), more than ``MAX_ITEMS`` members and elements in all,
and non-finite numbers. Views and schemas get the
parsed value through ``parsed_body()``; nothing parses the bytes a second time.
"""

from __future__ import annotations

import json
import math
from typing import Any

from flask import g

MAX_DEPTH = 32  # our deepest schema is 3 levels; 32 leaves room and stops recursion bombs
# Members and elements in all: the largest real body (a listing) has a few dozen, while each one
# costs the schema work and, when wrong, an error message (60,000 unknown keys took 1.6 s).
MAX_ITEMS = 2000
NUL_MESSAGE = "must not contain NUL characters."
_PARSED = "rental_parsed_body"


class BodyRefused(ValueError):
    """The body is not JSON we accept; ``detail`` says why, safe to show the client."""

    def __init__(self, detail: str) -> None:
        super().__init__(detail)
        self.detail = detail


def _unique_members(pairs: list[tuple[str, Any]]) -> dict[str, Any]:
    members = dict(pairs)
    if len(members) != len(pairs):
        raise BodyRefused("The request body has a duplicate key in an object.")
    return members


def _finite(text: str) -> float:
    number = float(text)
    if not math.isfinite(number):
        raise BodyRefused("The request body has a number too large to represent.")
    return number


def _no_constants(text: str) -> Any:
    raise BodyRefused(f"The request body has {text}, which is not JSON.")


def _check_text(text: str) -> None:
    if text.isascii():
        return
    try:
        text.encode("utf-8")
    except UnicodeEncodeError:
        raise BodyRefused("The request body has an unpaired UTF-16 surrogate.") from None


def _check_structure(value: Any) -> None:
    """Depth, size and surrogates, iteratively: a recursive walk is what a deep body attacks."""
    stack: list[tuple[Any, int]] = [(value, 1)]
    items = 0
    while stack:
        item, depth = stack.pop()
        if isinstance(item, str):
            _check_text(item)
        elif isinstance(item, dict | list):
            if depth > MAX_DEPTH:
                raise BodyRefused(f"The request body is nested deeper than {MAX_DEPTH} levels.")
            items += len(item)
            if items > MAX_ITEMS:
                raise BodyRefused(f"The request body has more than {MAX_ITEMS} values.")
            if isinstance(item, dict):
                for key, member in item.items():
                    _check_text(key)
                    stack.append((member, depth + 1))
            else:
                stack.extend((member, depth + 1) for member in item)


def parse_body(raw: bytes) -> Any:
    """The JSON value of ``raw``, or ``BodyRefused`` (a 400) saying what is wrong with it."""
    try:
        value = json.loads(
            raw,
            object_pairs_hook=_unique_members,
            parse_float=_finite,
            parse_constant=_no_constants,
        )
    except BodyRefused:
        raise
    except RecursionError:
        raise BodyRefused(f"The request body is nested deeper than {MAX_DEPTH} levels.") from None
    except ValueError:  # JSONDecodeError, UnicodeDecodeError, an integer of 4,300+ digits
        raise BodyRefused("The request body is not valid JSON.") from None
    _check_structure(value)
    return value


def fields_with_nul(body: dict[str, Any]) -> list[str]:
    """Top-level fields whose text, at any depth, holds a NUL (no database column stores it)."""

    def has_nul(value: Any) -> bool:
        stack = [value]
        while stack:
            item = stack.pop()
            if isinstance(item, str) and "\x00" in item:
                return True
            if isinstance(item, dict):
                stack.extend(item.keys())
                stack.extend(item.values())
            elif isinstance(item, list):
                stack.extend(item)
        return False

    return sorted(str(k) for k, v in body.items() if has_nul(k) or has_nul(v))


def keep_parsed(body: Any) -> None:
    """Remember the request's parsed body for ``parsed_body()``."""
    setattr(g, _PARSED, body)


def parsed_body(default: Any = None) -> Any:
    """The body ``parse_body`` made of this request, or ``default`` when it had none."""
    return getattr(g, _PARSED, default)
