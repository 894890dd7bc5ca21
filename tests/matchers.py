"""Patterns for ``pytest.raises(match=...)``: an error's message is part of the API."""

from __future__ import annotations

import re


def exact(message: str) -> str:
    """A pattern that matches exactly ``message``, its punctuation taken literally."""
    return f"^{re.escape(message)}$"
