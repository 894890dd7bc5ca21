"""Fakes written once, shared by every test: a clock the test moves, predictable ids."""

from __future__ import annotations

import itertools

from rental.adapters.system import SettableClock

# The tests' clock is the one the demo seed uses too (``rental.adapters.system``).
FakeClock = SettableClock


class SequentialIds:
    """Ids a test can predict: ``prefix-1``, ``prefix-2``…"""

    def __init__(self, prefix: str = "id") -> None:
        self._counter = itertools.count(1)
        self._prefix = prefix

    def new_id(self) -> str:
        return f"{self._prefix}-{next(self._counter)}"
