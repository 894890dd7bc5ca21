"""A listing's calendar as other platforms read it: a secret feed URL, and the events in it.

The feed shows when the listing is taken, never by whom: one all-day event per live booking
("Reserved") and per block ("Not available") from the listing's today on. Blocks that came
from an imported calendar stay out unless asked for, so that two platforms importing each
other's feeds never echo a booking back and forth.
"""

from __future__ import annotations

import hmac
import uuid
from collections.abc import Iterable
from datetime import date, datetime
from enum import StrEnum

from attrs import define, field, frozen

from rental.domain.aggregate import Aggregate
from rental.domain.bookings.booking import Booking
from rental.domain.calendar.nights import Block
from rental.domain.errors import CalendarFeedNotFound
from rental.domain.events import CalendarFeedRotated

# UIDs are derived from ids, not made of them: a UID reveals no booking id, and stays the same
# for as long as the booking or block lives (RFC 5545 3.8.4.7 wants it globally unique).
UID_NAMESPACE = uuid.UUID("6f0c7f4e-4a57-4c36-9d7b-1b6f3c1d2e90")
UID_DOMAIN = "rental"


class FeedSummary(StrEnum):
    """The only words the feed says about a night."""

    RESERVED = "Reserved"
    NOT_AVAILABLE = "Not available"


@define(slots=False, eq=False)
class CalendarFeed(Aggregate):
    """The secret that opens a listing's exported calendar. Rotating it closes the old URL
    at once."""

    listing_id: str
    token: str = field(repr=False)
    created_at: datetime
    rotated_at: datetime
    version: int = field(default=1, kw_only=True)

    @classmethod
    def open(cls, *, listing_id: str, token: str, now: datetime) -> CalendarFeed:
        return cls(listing_id=listing_id, token=token, created_at=now, rotated_at=now)

    def rotate(self, *, token: str, now: datetime) -> None:
        self.token = token
        self.rotated_at = now
        self.bump_version()
        self.record(CalendarFeedRotated(occurred_at=now, listing_id=self.listing_id))

    def check_token(self, token: str | None) -> None:
        """A wrong or missing token reads as no feed at all (404), compared in constant time."""
        if not token or not hmac.compare_digest(token.encode(), self.token.encode()):
            raise CalendarFeedNotFound(f"No calendar feed for listing {self.listing_id}.")


@frozen
class ExportedEvent:
    """One all-day event of the feed: nights ``[start, end)``, the end exclusive as in RFC 5545."""

    uid: str
    start: date
    end: date
    summary: FeedSummary
    modified_at: datetime


def export_uid(kind: str, entity_id: str) -> str:
    return f"{uuid.uuid5(UID_NAMESPACE, f'{kind}:{entity_id}')}@{UID_DOMAIN}"


def exported_events(
    *,
    bookings: Iterable[Booking],
    blocks: Iterable[Block],
    today: date,
    now: datetime,
    include_imported: bool = False,
) -> list[ExportedEvent]:
    """The feed's events: live bookings and blocks with a night from ``today`` on (the
    listing's today), imported blocks only with ``include_imported``, by start date."""
    events = [
        ExportedEvent(
            export_uid("booking", b.id),
            b.check_in,
            b.check_out,
            FeedSummary.RESERVED,
            b.updated_at,
        )
        for b in bookings
        if b.is_live(now) and b.check_out > today
    ]
    events += [
        ExportedEvent(
            export_uid("block", b.id),
            b.start,
            b.end,
            FeedSummary.NOT_AVAILABLE,
            b.modified_at or b.created_at,
        )
        for b in blocks
        if b.end > today and (include_imported or not b.is_imported)
    ]
    return sorted(events, key=lambda e: (e.start, e.end, e.uid))
