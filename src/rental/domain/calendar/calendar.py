"""A listing's calendar: the aggregate that decides its nights.

Every change to which of a listing's nights are taken is made here: a guest's booking request,
a host's block and unblock, and the blocks a channel-sync import brings. Each loads the
calendar through one port (``uow.calendars.lock``), which holds the listing's row lock until
commit (on PostgreSQL an exclusion constraint backs it for bookings), so the calendar stays true
while the decision is made and written: that lock, not a version number, is its concurrency
control.

A calendar is loaded over the nights a decision needs (``window``; ``None``: every night from
yesterday on, which covers every time zone's today), never the listing's history. It holds the
listing's booking terms, the live bookings and blocks over the window, and the blocks
themselves, so that it can change them; what it changes it keeps (``pull_changes``) for the
storage to write with the commit.

Prices and stay rules by date belong here too, next to the nights they price: loaded over the
same window, consulted by ``request_booking`` (the quote and the stay rules) and changed by
methods of their own, under the same lock.
"""

from __future__ import annotations

from collections.abc import Callable, Iterable, Mapping, Sequence
from datetime import date, datetime, timedelta
from typing import Any

from attrs import define, field, frozen

from rental.domain.aggregate import Aggregate
from rental.domain.bookings.booking import Booking, BookingStatus
from rental.domain.bookings.policies import PriceBreakdown
from rental.domain.calendar.booking_terms import BookingTerms
from rental.domain.calendar.nights import Block, CalendarEntry, HeldNights, Reason
from rental.domain.calendar.rates import (
    NO_OVERRIDES,
    RateCalendar,
    RateOverride,
    check_rate_changes,
)
from rental.domain.calendar.stay import Stay
from rental.domain.channel_sync.imports import (
    SOURCE_PREFIX,
    BlockChanges,
    CalendarImport,
    ImportedNights,
    nights_from,
)
from rental.domain.errors import (
    BlockNotFound,
    InvalidInput,
    ListingNotFound,
    PermissionDenied,
    PriceChanged,
)
from rental.domain.events import BookingRequested, DatesBlocked, DatesUnblocked

OPEN_END = date(9999, 12, 31)  # the last date every database stores


def nights_to_load(window: Stay | None, now: datetime) -> tuple[date, date]:
    """``(since, until)``: the nights a calendar over ``window`` is loaded with at ``now``.

    The listing's time zone is not known before its row is read: a day before UTC's date is no
    later than any zone's today, so the reads start there (or at check-in, if later) and never
    load a listing's history. Without a window, they run to the end of time."""
    since = now.date() - timedelta(days=1)
    if window is None:
        return since, OPEN_END
    return max(window.check_in, since), window.check_out


@frozen
class CalendarChanges:
    """What a calendar decided since it was loaded, for its storage to write: new bookings,
    new blocks, blocks removed. Blocks moved in place are the loaded objects themselves."""

    bookings: tuple[Booking, ...] = ()
    added_blocks: tuple[Block, ...] = ()
    removed_blocks: tuple[Block, ...] = ()
    rates: RateCalendar | None = None  # every override over the window, when they changed


@define(slots=False, eq=False)
class Calendar(Aggregate):
    """One listing's nights over ``window``, and what they are booked under.

    ``held`` are the live bookings and blocks over the window; ``blocks`` the blocks there, by
    id; ``overdue`` the ids of pending bookings there whose hold has run out, which the caller
    expires (they no longer hold their nights, but their rows still say pending).
    """

    listing_id: str
    host_id: str
    listed: bool
    terms: BookingTerms
    held: HeldNights
    blocks: dict[str, Block] = field(factory=dict)
    overdue: tuple[str, ...] = ()
    window: Stay | None = None
    rates: RateCalendar = NO_OVERRIDES  # the overrides over the window and its last day
    # False while its host has unlisted it: the host still blocks nights, nobody books.
    for_sale: bool = True
    _bookings: list[Booking] = field(factory=list, init=False)
    _rates_changed: bool = field(default=False, init=False)
    _added: list[Block] = field(factory=list, init=False)
    _removed: list[Block] = field(factory=list, init=False)

    @classmethod
    def of(
        cls,
        *,
        listing_id: str,
        host_id: str,
        listed: bool,
        terms: BookingTerms,
        booked: Iterable[CalendarEntry] = (),
        blocks: Iterable[Block] = (),
        overdue: Iterable[str] = (),
        window: Stay | None = None,
        overrides: Iterable[RateOverride] = (),
        for_sale: bool = True,
    ) -> Calendar:
        """The calendar of a listing from what its storage read: the live bookings' nights
        (``booked``), the blocks over ``window`` and the rate overrides over it (its
        check-out day included: it may be closed to departure)."""
        blocks = list(blocks)
        entries = [*booked, *(CalendarEntry.of_block(b) for b in blocks)]
        return cls(
            listing_id,
            host_id,
            listed,
            terms,
            HeldNights.of_entries(entries),
            {b.id: b for b in blocks},
            tuple(overdue),
            window,
            RateCalendar(tuple(overrides)),
            for_sale,
        )

    # -- guards -------------------------------------------------------------------------
    def check_is_listed(self) -> None:
        if not self.listed:
            raise ListingNotFound(f"No listing {self.listing_id}.")

    def check_is_for_sale(self) -> None:
        """An unlisted listing cannot be booked; to guests it does not exist."""
        if not self.for_sale:
            raise ListingNotFound(f"No listing {self.listing_id}.")

    def check_guest_is_not_host(self, guest_id: str) -> None:
        if guest_id == self.host_id:
            raise PermissionDenied("Hosts cannot book their own listing.")

    def check_nights_free(self, stay: Stay) -> None:
        self.held.check_free(stay)

    @staticmethod
    def check_price_expected(price: PriceBreakdown, expected_total: int | None) -> None:
        """A client that quoted the stay may say which total it agreed to: any other is a
        conflict, and nothing is held."""
        if expected_total is not None and expected_total != price.total:
            raise PriceChanged(
                f"The stay now costs {price.total} {price.currency} (minor units), not the "
                f"{expected_total} expected; quote it again."
            )

    def check_block_not_past(self, stay: Stay, now: datetime) -> None:
        """Nights already past cannot be sold any more, so there is nothing to block."""
        if stay.check_in < self.terms.today(now):
            raise InvalidInput({"start": ["must not be before today in the listing's time zone."]})

    # -- bookings ---------------------------------------------------------------------------
    def request_booking(
        self,
        *,
        booking_id: str,
        guest_id: str,
        stay: Stay,
        guests: int,
        now: datetime,
        expected_total: int | None = None,
    ) -> Booking:
        """Hold ``stay`` for ``guest_id``: the booking starts pending, its nights taken at once
        (in this calendar too, so a second request over them fails). It is priced night by
        night from the rates read under the same lock, and keeps that price."""
        self.check_is_listed()
        self.check_is_for_sale()
        self.check_guest_is_not_host(guest_id)
        self.terms.check_stay_rules(stay, guests, now, self.rates)
        self.check_nights_free(stay)
        terms, price = self.terms, self.terms.quote(stay, guests, self.rates)
        self.check_price_expected(price, expected_total)
        booking = Booking(
            id=booking_id,
            listing_id=self.listing_id,
            guest_id=guest_id,
            host_id=self.host_id,
            check_in=stay.check_in,
            check_out=stay.check_out,
            guests=guests,
            status=BookingStatus.PENDING.value,
            price=price,
            cancellation_policy=terms.cancellation_policy,
            instant_book=terms.instant_book,
            timezone=terms.timezone,
            created_at=now,
            updated_at=now,
        )
        booking.record(
            BookingRequested(
                occurred_at=now,
                booking_id=booking.id,
                listing_id=self.listing_id,
                guest_id=guest_id,
                host_id=self.host_id,
                check_in=stay.check_in,
                check_out=stay.check_out,
                total=price.total,
                currency=price.currency,
            )
        )
        self.held = self.held.with_entry(
            CalendarEntry(stay.check_in, stay.check_out, Reason.BOOKED, booking.id)
        )
        self._bookings.append(booking)
        return booking

    @property
    def booked(self) -> list[CalendarEntry]:
        """The live bookings' nights over the window."""
        return [entry for entry in self.held.entries if entry.reason == Reason.BOOKED]

    # -- blocks -----------------------------------------------------------------------------
    def block(self, *, block_id: str, stay: Stay, now: datetime) -> Block:
        """Take nights off the market; refused over a live booking or another block, and for
        nights already past."""
        self.check_is_listed()
        self.check_block_not_past(stay, now)
        self.check_nights_free(stay)
        block = Block(
            id=block_id,
            listing_id=self.listing_id,
            start=stay.check_in,
            end=stay.check_out,
            created_at=now,
        )
        self._add_block(block)
        self.record(
            DatesBlocked(
                occurred_at=now,
                listing_id=self.listing_id,
                block_id=block_id,
                start=block.start,
                end=block.end,
            )
        )
        return block

    def unblock(self, block_id: str, now: datetime) -> Block:
        """Give a host's block's nights back; an imported block follows its feed instead."""
        self.check_is_listed()
        block = self.blocks.get(block_id)
        if block is None:
            raise BlockNotFound(f"No block {block_id} on listing {self.listing_id}.")
        block.check_is_hosts_own()
        self._remove_block(block)
        self.record(DatesUnblocked(occurred_at=now, listing_id=self.listing_id, block_id=block.id))
        return block

    # -- channel sync -----------------------------------------------------------------------
    def blocks_of(self, source: str, now: datetime) -> list[Block]:
        """The blocks of ``source`` (an import's) that end after the listing's today, by start
        (those past are left as they are)."""
        today = self.terms.today(now)
        mine = [b for b in self.blocks.values() if b.source == source and b.end > today]
        return sorted(mine, key=lambda b: (b.start, b.id))

    def sync_import(
        self,
        calendar_import: CalendarImport,
        *,
        incoming: Sequence[ImportedNights],
        now: datetime,
        new_block_id: Callable[[], str],
        etag: str | None = None,
        last_modified: str | None = None,
        max_nights: int | None = None,
    ) -> BlockChanges:
        """Make the import's blocks say what its feed says now (``CalendarImport.apply_feed``):
        an event over a live booking keeps both, and is a conflict the host hears of. With
        ``max_nights``, a feed that would bring the nights the listing's imports block from
        today on (its own and the other imports') past it fails instead, changing nothing."""
        self.check_is_listed()
        if max_nights is not None:
            too_many = self._imported_nights_past(calendar_import, incoming, now, max_nights)
            if too_many is not None:
                calendar_import.record_failure(too_many, now)
                return BlockChanges([], [], [])
        changes = calendar_import.apply_feed(
            incoming=incoming,
            blocks=self.blocks_of(calendar_import.source, now),
            booked=self.booked,
            now=now,
            new_block_id=new_block_id,
            etag=etag,
            last_modified=last_modified,
        )
        for block in changes.removed:
            self._remove_block(block)
        for block in changes.added:
            self._add_block(block)
        self.held = HeldNights.of_entries(
            [*self.booked, *(CalendarEntry.of_block(b) for b in self.blocks.values())]
        )
        return changes

    def _imported_nights_past(
        self,
        calendar_import: CalendarImport,
        incoming: Sequence[ImportedNights],
        now: datetime,
        most: int,
    ) -> str | None:
        """Why the feed is refused, when it would make the imports block more than ``most``
        nights from today on; else ``None``."""
        today = self.terms.today(now)
        own = sum(nights_from(n.stay, today) for n in incoming)
        others = sum(
            nights_from(Stay(b.start, b.end), today)
            for b in self.blocks.values()
            if b.source.startswith(SOURCE_PREFIX) and b.source != calendar_import.source
        )
        if own + others <= most:
            return None
        return (
            f"the feed blocks {own:,} nights and the listing's other imported calendars "
            f"{others:,}: more than the {most:,} its imported calendars may block together"
        )

    def release_import(self, calendar_import: CalendarImport, now: datetime) -> list[Block]:
        """The import is deleted: its blocks free their nights."""
        released = calendar_import.release(self.blocks_of(calendar_import.source, now), now)
        for block in released:
            self._remove_block(block)
        return released

    # -- prices and rules by date -------------------------------------------------------------
    def change_rates(self, ranges: Sequence[Mapping[str, Any]], now: datetime) -> tuple[date, date]:
        """Set or clear prices and rules over ``ranges`` (``rates.check_rate_changes``, today
        in the listing's time zone), the later winning; the window loaded must cover them.
        Returns the nights ``[start, end)`` touched."""
        self.check_is_listed()
        changes = check_rate_changes(ranges, self.terms.today(now))
        self.rates = self.rates.applied(changes)
        self._rates_changed = True
        return min(c.start for c in changes), max(c.end for c in changes)

    # -- what changed -------------------------------------------------------------------------
    def _add_block(self, block: Block) -> None:
        self.blocks[block.id] = block
        self._added.append(block)
        self.held = self.held.with_entry(CalendarEntry.of_block(block))

    def _remove_block(self, block: Block) -> None:
        del self.blocks[block.id]
        if block in self._added:
            self._added.remove(block)
        else:
            self._removed.append(block)
        self.held = self.held.without(block.id)

    def pull_changes(self) -> CalendarChanges:
        """Return and forget what was decided since the last pull."""
        changes = CalendarChanges(
            tuple(self._bookings),
            tuple(self._added),
            tuple(self._removed),
            self.rates if self._rates_changed else None,
        )
        self._bookings, self._added, self._removed = [], [], []
        self._rates_changed = False
        return changes
