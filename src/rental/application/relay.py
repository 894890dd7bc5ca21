"""The outbox relay: moves committed events from the outbox to where they are consumed."""

from __future__ import annotations

import logging
from collections.abc import Callable, Sequence
from datetime import datetime, timedelta

from rental.application.delivery import Outbox, OutboxEntry
from rental.application.ports import Clock
from rental.domain.events import Event

logger = logging.getLogger(__name__)

Sink = Callable[[OutboxEntry], None]
LEASE = timedelta(minutes=2)
# A published entry whose consumers have not all acted by then is published again: longer
# than Dramatiq's retries of a failing consumer take (8, from 1 s doubling: about 8.5 min).
REPUBLISH_AFTER = timedelta(minutes=10)
MAX_BACKOFF = timedelta(minutes=10)
FAILURES_PER_PASS = 3  # in a row: then whatever failed is likely down for every entry


def backoff(attempts: int) -> timedelta:
    """1 s, 2 s, 4 s… after each failed attempt, at most ten minutes."""
    return min(timedelta(seconds=2 ** min(attempts, 20)), MAX_BACKOFF)


class OutboxRelay:
    """Claims due outbox entries and hands each to ``sink``; marks what it delivered.

    The sink is the broker (``rental worker`` with Redis) or the consumers in this process.
    A failed delivery is retried later with a growing delay, never dropped, and the entries
    after it go on: one event that cannot be delivered must not hold up every other. After a
    few failures in a row the pass stops, as what failed (the broker, a mail server) is then
    likely down for all, and the entries not tried wait as long as the last failed one.
    The relay's clock is the machine's: delivery timing is operations, not business time.
    """

    def __init__(
        self,
        outbox: Outbox,
        sink: Sink,
        clock: Clock,
        *,
        batch: int = 100,
        consumers_of: Callable[[str], frozenset[str]] | None = None,
        republish_after: timedelta = REPUBLISH_AFTER,
    ) -> None:
        self._outbox = outbox
        self._sink = sink
        self._clock = clock
        self._batch = batch
        # Only when the sink is a broker, which may lose what it accepted (a Redis keeping
        # nothing on disk): in process, an entry is marked published once consumed.
        self._consumers_of = consumers_of
        self._republish_after = republish_after

    def run_once(self, now: datetime | None = None) -> int:
        """One pass over the due entries; return how many were delivered."""
        now = now or self._clock.now()
        if self._consumers_of is not None:
            again = self._outbox.republish_unconsumed(
                now - self._republish_after, self._consumers_of, now, self._batch
            )
            if again:
                logger.warning(
                    "%d published event(s) not consumed in time: publishing again", again
                )
        entries = self._outbox.claim(now, LEASE, self._batch)
        delivered: list[int] = []
        failures_in_a_row = 0
        for position, entry in enumerate(entries):
            try:
                self._sink(entry)
            except Exception as error:  # a failure postpones, it never loses the event
                retry_at = self._postpone(entry, now, error)
                failures_in_a_row += 1
                if failures_in_a_row == FAILURES_PER_PASS:
                    untried = [later.id for later in entries[position + 1 :]]
                    if untried:
                        self._outbox.retry_later(untried, retry_at)
                    break
                continue
            failures_in_a_row = 0
            delivered.append(entry.id)
        if delivered:
            self._outbox.mark_published(delivered, self._clock.now())
        return len(delivered)

    def run_until_empty(self, now: datetime | None = None, max_passes: int = 100) -> int:
        """Pass after pass while entries get delivered (tests, and catching up a backlog)."""
        total = 0
        for _ in range(max_passes):
            delivered = self.run_once(now)
            total += delivered
            if delivered < self._batch:
                break
        return total

    def _postpone(self, failed: OutboxEntry, now: datetime, error: Exception) -> datetime:
        delay = backoff(failed.attempts)
        logger.warning(
            "event %s (outbox #%d) not delivered, attempt %d: %s; next try in %ds",
            failed.event_name,
            failed.id,
            failed.attempts + 1,
            error,
            delay.total_seconds(),
        )
        self._outbox.retry_later([failed.id], now + delay)
        return now + delay


class RelayAfterCommit:
    """An ``EventPublisher`` that delivers the outbox in process; it never fails the command,
    whose change is committed: what could not be delivered waits in the outbox for a retry."""

    def __init__(self, relay: OutboxRelay) -> None:
        self._relay = relay

    def publish(self, events: Sequence[Event]) -> None:
        try:
            self._relay.run_once()
        except Exception:  # the outbox keeps the events; a later pass delivers them
            logger.exception("outbox relay pass failed after a commit")
