"""The nights of a listing that are taken: by live bookings and by blocks (``HeldNights``)."""

from __future__ import annotations

from collections.abc import Iterable
from datetime import date, datetime
from enum import StrEnum
from typing import Protocol

from attrs import define, frozen

from rental.domain.calendar.stay import Stay
from rental.domain.errors import BlockManagedByImport, DatesUnavailable


class Reason(StrEnum):
    """Why a night is unavailable; never who holds it."""

    BOOKED = "booked"
    BLOCKED = "blocked"


class Reservation(Protocol):
    """What the calendar needs of a booking."""

    id: str
    check_in: date
    check_out: date

    def is_live(self, now: datetime) -> bool: ...


@frozen
class CalendarEntry:
    """Nights ``[start, end)`` held by a booking or a block."""

    start: date
    end: date
    reason: Reason
    holder_id: str

    @classmethod
    def of_booking(cls, booking: Reservation) -> CalendarEntry:
        return cls(booking.check_in, booking.check_out, Reason.BOOKED, booking.id)

    @classmethod
    def of_block(cls, block: Block) -> CalendarEntry:
        return cls(block.start, block.end, Reason.BLOCKED, block.id)

    @property
    def stay(self) -> Stay:
        return Stay(self.start, self.end)

    def overlaps(self, stay: Stay) -> bool:
        return self.stay.overlaps(stay)


HOST_SOURCE = "host"


@define(slots=False, eq=False)
class Block:
    """Nights taken off the market, ``[start, end)``: by the host (``source`` "host"), or by
    an imported calendar (``source`` "import:<import id>", see ``calendar_import.py``), which
    also keys the block by the feed's event (``import_key``, ``fingerprint``)."""

    id: str
    listing_id: str
    start: date
    end: date
    created_at: datetime
    source: str = HOST_SOURCE
    import_key: str | None = None
    fingerprint: str | None = None
    modified_at: datetime | None = None

    @property
    def stay(self) -> Stay:
        return Stay(self.start, self.end)

    @property
    def is_imported(self) -> bool:
        return self.source != HOST_SOURCE

    def check_is_hosts_own(self) -> None:
        """Imported blocks follow their feed: removing one here would only last until the next
        sync, so it is refused; deleting the import frees its nights."""
        if self.is_imported:
            raise BlockManagedByImport(
                f"Block {self.id} comes from an imported calendar; delete that import (or change "
                "the other calendar) to free its nights."
            )


@frozen
class HeldNights:
    """The entries that can still collide with a new stay (ending today or later)."""

    entries: tuple[CalendarEntry, ...]

    @classmethod
    def of(
        cls, reservations: Iterable[Reservation], blocks: Iterable[Block], now: datetime
    ) -> HeldNights:
        """Only live reservations count: declined, cancelled, expired or overdue ones do not."""
        entries = [
            CalendarEntry(r.check_in, r.check_out, Reason.BOOKED, r.id)
            for r in reservations
            if r.is_live(now)
        ]
        entries += [CalendarEntry(b.start, b.end, Reason.BLOCKED, b.id) for b in blocks]
        entries.sort(key=lambda e: (e.start, e.end))
        return cls(tuple(entries))

    @classmethod
    def of_entries(cls, entries: Iterable[CalendarEntry]) -> HeldNights:
        return cls(tuple(sorted(entries, key=lambda e: (e.start, e.end))))

    def with_entry(self, entry: CalendarEntry) -> HeldNights:
        return HeldNights.of_entries([*self.entries, entry])

    def without(self, holder_id: str) -> HeldNights:
        return HeldNights(tuple(e for e in self.entries if e.holder_id != holder_id))

    def collisions(self, stay: Stay) -> list[CalendarEntry]:
        return [entry for entry in self.entries if entry.overlaps(stay)]

    def check_free(self, stay: Stay) -> None:
        if self.collisions(stay):
            raise DatesUnavailable(
                f"Some nights from {stay.check_in} to {stay.check_out} are already booked "
                "or blocked."
            )
