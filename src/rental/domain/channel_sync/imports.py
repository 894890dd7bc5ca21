"""Another platform's calendar imported into a listing: its events become blocks here.

Each sync replaces what the import said before with what the feed says now. An event is
matched to its block by the feed's UID; feeds whose UIDs change on every fetch are matched by
their dates and summary instead, so an unchanged feed changes nothing. An event that moved
moves its block, one that disappeared frees its nights. An event over a live booking keeps
both, and is recorded as a conflict that the host hears of once.
"""

from __future__ import annotations

import hashlib
import unicodedata
from collections.abc import Callable, Iterable, Sequence
from datetime import date, datetime, time, timedelta
from enum import StrEnum
from typing import Any
from urllib.parse import urlsplit
from zoneinfo import ZoneInfo

from attrs import define, field, frozen

from rental.domain.aggregate import Aggregate
from rental.domain.calendar.nights import Block, CalendarEntry
from rental.domain.calendar.stay import Stay
from rental.domain.errors import InvalidInput
from rental.domain.events import (
    CalendarImportConflicted,
    CalendarSyncRequested,
    DatesBlocked,
    DatesUnblocked,
)
from rental.domain.text import check_text

SOURCE_PREFIX = "import:"
MAX_NAME = 100
MAX_URL = 2000
MAX_SUMMARY = 200
MAX_ERROR = 500
MAX_ETAG = 255
MAX_LAST_MODIFIED = 64
URL_SCHEMES = ("http", "https")
# Recurring events are expanded this far ahead at most: about 18 months (less when the
# listing's booking horizon, ``max_advance_days``, is shorter).
HORIZON = timedelta(days=548)


def horizon_end(today: date, max_advance_days: int) -> date:
    """The day after the last night an import may block: the listing's booking horizon's
    last night (nights past it cannot be booked anyway), at most ``HORIZON`` ahead."""
    return today + timedelta(days=min(HORIZON.days, max_advance_days) + 1)


class ImportStatus(StrEnum):
    """``pending`` until the first sync; ``ok``; ``conflict`` when an imported event overlaps a
    live booking here; ``failed`` when the last fetch or parse failed (nothing was changed)."""

    PENDING = "pending"
    OK = "ok"
    CONFLICT = "conflict"
    FAILED = "failed"


def check_import_fields(name: str, url: str) -> None:
    """A one-line name, and an absolute ``http``/``https`` URL with a host."""
    errors: dict[str, list[str]] = {}
    if not name.strip():
        errors["name"] = ["must not be blank."]
    else:
        check_text(errors, "name", name, limit=MAX_NAME, multiline=False)
    check_text(errors, "url", url, limit=MAX_URL, multiline=False)
    if "url" not in errors:
        try:
            parts = urlsplit(url)
            parts.port  # noqa: B018 - raises ValueError for a port out of range
        except ValueError:
            errors["url"] = ["is not a valid URL."]
        else:
            if parts.scheme.lower() not in URL_SCHEMES or not parts.hostname:
                errors["url"] = ["must be an absolute http:// or https:// URL."]
            elif parts.username is not None or parts.password is not None:
                errors["url"] = ["must not hold a user name or password."]
            elif any(ch.isspace() for ch in url):
                errors["url"] = ["must not contain spaces."]
    if errors:
        raise InvalidInput(errors)


def clean_text(text: str, limit: int = MAX_SUMMARY) -> str:
    """Imported text made safe to store and show as plain text: control and format
    characters (line breaks included, so it can never start a header or a line of an email)
    become spaces, runs of spaces one, at most ``limit`` characters."""
    visible = "".join(" " if unicodedata.category(ch) in ("Cc", "Cf") else ch for ch in text)
    return " ".join(visible.split())[:limit]


@frozen
class FeedEvent:
    """An event as a feed gives it, recurrences already expanded. ``start`` and ``end`` are
    dates for all-day events; for timed ones, datetimes: aware when the feed named a zone
    (``TZID``) or UTC, naive for "floating" times, which are read in the listing's zone.
    ``end`` is None when the feed gave neither an end nor a duration."""

    uid: str | None
    summary: str
    start: date | datetime
    end: date | datetime | None


def _local(moment: datetime, zone: ZoneInfo) -> datetime:
    return moment.astimezone(zone) if moment.tzinfo else moment.replace(tzinfo=zone)


def nights_of(event: FeedEvent, timezone: str) -> Stay:
    """The listing's nights an event holds. All-day: its own dates (``end`` exclusive; one
    night when missing). Timed: every date of the listing's zone that it touches, so an event
    ending at 11:00 blocks that day too, and one ending at midnight does not."""
    if not isinstance(event.start, datetime):
        first, last = event.start, event.end
        if isinstance(last, datetime):
            last = last.date()
        if last is None or last <= first:
            last = first + timedelta(days=1)
        return Stay(first, last)
    zone = ZoneInfo(timezone)
    start = _local(event.start, zone)
    end_value = event.end
    if isinstance(end_value, datetime):
        end = _local(end_value, zone)
    elif isinstance(end_value, date):
        end = datetime.combine(end_value, time(), zone)
    else:
        end = start
    last = end.date() + timedelta(days=1 if end.time() != time() else 0)
    return Stay(start.date(), max(last, start.date() + timedelta(days=1)))


@frozen
class ImportedNights:
    """An imported event as nights of the listing, with the key that finds its block again."""

    key: str
    stay: Stay
    summary: str
    fingerprint: str


def fingerprint_of(stay: Stay, summary: str) -> str:
    text = f"{stay.check_in.isoformat()}|{stay.check_out.isoformat()}|{summary}"
    return hashlib.sha256(text.encode()).hexdigest()[:32]


def imported_nights(
    events: Iterable[FeedEvent], timezone: str, today: date, until: date | None = None
) -> list[ImportedNights]:
    """The nights the events hold from ``today`` on (and before ``until``, the booking
    horizon's end, when given), as ranges: events whose nights overlap or meet are merged
    into one, keyed by its first event's key (UID, or fingerprint when it has none), so that
    however many events a feed repeats, one run of nights is one block."""
    found: dict[str, ImportedNights] = {}
    for event in events:
        stay = nights_of(event, timezone)
        if stay.check_out <= today or (until is not None and stay.check_in >= until):
            continue
        if until is not None and stay.check_out > until:
            stay = Stay(stay.check_in, until)
        summary = clean_text(event.summary)
        fingerprint = fingerprint_of(stay, summary)
        uid = clean_text(event.uid or "", 255)
        key = uid or f"fingerprint:{fingerprint}"
        if key in found and found[key].fingerprint != fingerprint:
            # The dates go in whole: cut from the UID, so a UID of 255 characters cannot
            # make this key the first one's again (and drop the event).
            dates = f"#{stay.check_in.isoformat()}/{stay.check_out.isoformat()}"
            key = f"{key[: 255 - len(dates)]}{dates}"
        found.setdefault(key, ImportedNights(key, stay, summary, fingerprint))
    return _merged(sorted(found.values(), key=lambda n: (n.stay.check_in, n.key)))


def _merged(ordered: Sequence[ImportedNights]) -> list[ImportedNights]:
    """``ordered`` (by first night) with each run of overlapping or adjacent ranges made one:
    the first's key and summary, the run's nights."""
    runs: list[ImportedNights] = []
    for nights in ordered:
        last = runs[-1] if runs else None
        if last is None or nights.stay.check_in > last.stay.check_out:
            runs.append(nights)
        elif nights.stay.check_out > last.stay.check_out:
            stay = Stay(last.stay.check_in, nights.stay.check_out)
            fingerprint = fingerprint_of(stay, last.summary)
            runs[-1] = ImportedNights(last.key, stay, last.summary, fingerprint)
    return runs


def nights_from(stay: Stay, today: date) -> int:
    """How many of ``stay``'s nights are ``today`` or later."""
    return max(0, (stay.check_out - max(stay.check_in, today)).days)


@frozen
class ImportConflict:
    """An imported event's nights that a live booking here holds too."""

    booking_id: str
    start: date
    end: date
    summary: str

    def to_dict(self) -> dict[str, str]:
        return {
            "booking_id": self.booking_id,
            "start": self.start.isoformat(),
            "end": self.end.isoformat(),
            "summary": self.summary,
        }

    @classmethod
    def from_dict(cls, data: dict[str, Any]) -> ImportConflict:
        return cls(
            booking_id=str(data["booking_id"]),
            start=date.fromisoformat(data["start"]),
            end=date.fromisoformat(data["end"]),
            summary=str(data.get("summary", "")),
        )


@frozen
class BlockChanges:
    """What a sync did to the import's blocks; ``moved`` ones are changed in place."""

    added: list[Block]
    moved: list[Block]
    removed: list[Block]

    @property
    def count(self) -> int:
        return len(self.added) + len(self.moved) + len(self.removed)


def _validator(value: str | None, limit: int) -> str | None:
    """A server's ETag or Last-Modified, kept to send back only when it is a plausible one:
    printable ASCII that fits its column. Anything else is dropped (the next fetch is then
    unconditional), never stored to be echoed into a request header."""
    if value is None or len(value) > limit or not all(" " <= ch <= "~" for ch in value):
        return None
    return value


def _match(
    incoming: Sequence[ImportedNights], existing: Sequence[Block]
) -> tuple[list[tuple[ImportedNights, Block | None]], list[Block]]:
    """Pair each incoming event with its block: by key first, then by fingerprint."""
    by_key = {block.import_key: block for block in existing}
    pairs: list[tuple[ImportedNights, Block | None]] = []
    unkeyed: list[ImportedNights] = []
    for nights in incoming:
        block = by_key.pop(nights.key, None)
        if block is None:
            unkeyed.append(nights)
        else:
            pairs.append((nights, block))
    by_fingerprint: dict[str | None, list[Block]] = {}
    for block in by_key.values():
        by_fingerprint.setdefault(block.fingerprint, []).append(block)
    for nights in unkeyed:
        candidates = by_fingerprint.get(nights.fingerprint) or []
        block = candidates.pop() if candidates else None
        if block is not None:
            del by_key[block.import_key]
        pairs.append((nights, block))
    return pairs, list(by_key.values())


@define(slots=False, eq=False)
class CalendarImport(Aggregate):
    """A calendar of another platform (Airbnb, Vrbo, Booking.com…) that blocks this listing's
    nights; its blocks have the source ``import:<id>``."""

    id: str
    listing_id: str
    name: str
    url: str = field(repr=False)  # often holds the other platform's own secret
    status: str
    created_at: datetime
    updated_at: datetime
    last_attempt_at: datetime | None = None
    last_synced_at: datetime | None = None
    last_error: str | None = None
    etag: str | None = None
    last_modified: str | None = None
    conflicts: list[dict[str, Any]] = field(factory=list)
    version: int = field(default=1, kw_only=True)

    @classmethod
    def create(
        cls, *, import_id: str, listing_id: str, name: str, url: str, now: datetime
    ) -> CalendarImport:
        check_import_fields(name, url)
        return cls(
            id=import_id,
            listing_id=listing_id,
            name=name.strip(),
            url=url,
            status=ImportStatus.PENDING.value,
            created_at=now,
            updated_at=now,
        )

    @property
    def source(self) -> str:
        return f"{SOURCE_PREFIX}{self.id}"

    @property
    def current_conflicts(self) -> list[ImportConflict]:
        return [ImportConflict.from_dict(c) for c in self.conflicts]

    def _attempted(self, now: datetime) -> None:
        self.last_attempt_at = now
        self.updated_at = now
        self.bump_version()

    def check_is_due(self, attempted_before: datetime) -> bool:
        """Whether the import waits for a sync: never tried, or last tried by then."""
        return self.last_attempt_at is None or self.last_attempt_at <= attempted_before

    def claim(self, now: datetime) -> None:
        """A worker takes this sync on: the attempt is recorded first, so that another
        worker's claim of the same import, made on the same version, is refused."""
        self._attempted(now)

    def request_sync(self, now: datetime) -> None:
        """Its host wants it synced now: the worker hears of it through the outbox."""
        self.record(
            CalendarSyncRequested(occurred_at=now, import_id=self.id, listing_id=self.listing_id)
        )

    def record_failure(self, reason: str, now: datetime) -> None:
        """The feed could not be read: say why, and change nothing else."""
        self._attempted(now)
        self.status = ImportStatus.FAILED.value
        self.last_error = clean_text(reason, MAX_ERROR) or "unknown error"

    def record_unchanged(self, now: datetime) -> None:
        """The feed answered 304 Not Modified: what it said last time still holds."""
        self._attempted(now)
        self.last_synced_at = now
        self.last_error = None
        self.status = (ImportStatus.CONFLICT if self.conflicts else ImportStatus.OK).value

    def apply_feed(
        self,
        *,
        incoming: Sequence[ImportedNights],
        blocks: Sequence[Block],
        booked: Iterable[CalendarEntry],
        now: datetime,
        new_block_id: Callable[[], str],
        etag: str | None = None,
        last_modified: str | None = None,
    ) -> BlockChanges:
        """Make the import's ``blocks`` (those still to come) say what the feed says now, and
        record its conflicts with the nights of live bookings (``booked``)."""
        pairs, gone = _match(incoming, [b for b in blocks if b.source == self.source])
        added: list[Block] = []
        moved: list[Block] = []
        for nights, block in pairs:
            if block is None:
                block = Block(
                    id=new_block_id(),
                    listing_id=self.listing_id,
                    start=nights.stay.check_in,
                    end=nights.stay.check_out,
                    created_at=now,
                    source=self.source,
                    import_key=nights.key,
                    fingerprint=nights.fingerprint,
                )
                added.append(block)
            elif (block.start, block.end) != (nights.stay.check_in, nights.stay.check_out):
                block.start, block.end = nights.stay.check_in, nights.stay.check_out
                block.modified_at = now
                moved.append(block)
            if (block.import_key, block.fingerprint) != (nights.key, nights.fingerprint):
                block.import_key, block.fingerprint = nights.key, nights.fingerprint
        for block in (*added, *moved):
            self.record(
                DatesBlocked(
                    occurred_at=now,
                    listing_id=self.listing_id,
                    block_id=block.id,
                    start=block.start,
                    end=block.end,
                )
            )
        for block in gone:
            self.record(
                DatesUnblocked(occurred_at=now, listing_id=self.listing_id, block_id=block.id)
            )
        self._record_conflicts(incoming, list(booked), now)
        self._attempted(now)
        self.last_synced_at = now
        self.last_error = None
        self.etag = _validator(etag, MAX_ETAG)
        self.last_modified = _validator(last_modified, MAX_LAST_MODIFIED)
        return BlockChanges(added, moved, gone)

    def _record_conflicts(
        self, incoming: Sequence[ImportedNights], booked: list[CalendarEntry], now: datetime
    ) -> None:
        known = {(c.booking_id, c.start, c.end) for c in self.current_conflicts}
        found: list[ImportConflict] = []
        for nights in incoming:
            for entry in booked:
                if entry.overlaps(nights.stay):
                    found.append(
                        ImportConflict(
                            entry.holder_id,
                            nights.stay.check_in,
                            nights.stay.check_out,
                            nights.summary,
                        )
                    )
        for conflict in found:
            if (conflict.booking_id, conflict.start, conflict.end) not in known:
                self.record(
                    CalendarImportConflicted(
                        occurred_at=now,
                        import_id=self.id,
                        import_name=self.name,
                        listing_id=self.listing_id,
                        booking_id=conflict.booking_id,
                        start=conflict.start,
                        end=conflict.end,
                        summary=conflict.summary,
                    )
                )
        self.conflicts = [c.to_dict() for c in found]
        self.status = (ImportStatus.CONFLICT if found else ImportStatus.OK).value

    def release(self, blocks: Iterable[Block], now: datetime) -> list[Block]:
        """The import is deleted: its blocks free their nights."""
        mine = [b for b in blocks if b.source == self.source]
        for block in mine:
            self.record(
                DatesUnblocked(occurred_at=now, listing_id=self.listing_id, block_id=block.id)
            )
        return mine
