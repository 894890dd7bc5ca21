"""A request's time budget: once it is spent, no further read of the database starts and no
further GraphQL field runs, so that one costly request cannot hold a server thread for long.

The entrypoint starts the budget when a request arrives and ends it when it leaves; work
outside a request (the worker, the CLI) has none. A statement already running is bounded by
the database's own statement timeout (``RENTAL_DB_STATEMENT_TIMEOUT_MS``). Writes are never
cut short here: stopping between a payment provider's answer and its record would lose money.
"""

from __future__ import annotations

import time
from contextvars import ContextVar

from rental.domain.errors import TimeBudgetSpent

_DEADLINE: ContextVar[tuple[float, int] | None] = ContextVar("rental_deadline", default=None)


def now() -> float:
    """The monotonic clock (replaced in tests)."""
    return time.monotonic()


def start(budget_ms: int) -> None:
    """This request may work for ``budget_ms`` milliseconds from now."""
    _DEADLINE.set((now() + budget_ms / 1000, budget_ms))


def end() -> None:
    _DEADLINE.set(None)


def check_time_left() -> None:
    """``TimeBudgetSpent`` once the current request's budget is spent."""
    deadline = _DEADLINE.get()
    if deadline is not None and now() > deadline[0]:
        raise TimeBudgetSpent(
            f"This request ran out of its time budget ({deadline[1]:,} ms) and was stopped; "
            "ask for less (smaller pages, fewer nested lists) or try again later."
        )
