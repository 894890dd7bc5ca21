"""What an import records, and what the export publishes: the events other services act on,
the times shown to the host, and the UIDs other platforms remember our events by."""

from __future__ import annotations

from datetime import datetime, time, timedelta
from zoneinfo import ZoneInfo

import pytest

from rental.domain.accounts.users import Role
from rental.domain.calendar.nights import Block, CalendarEntry, HeldNights
from rental.domain.calendar.stay import Stay
from rental.domain.channel_sync.export import (
    CalendarFeed,
    ExportedEvent,
    FeedSummary,
    exported_events,
)
from rental.domain.channel_sync.imports import (
    CalendarImport,
    FeedEvent,
    ImportConflict,
    fingerprint_of,
    imported_nights,
    nights_of,
)
from rental.domain.events import (
    CalendarFeedRotated,
    CalendarImportConflicted,
    DatesBlocked,
    DatesUnblocked,
)
from tests.contracts.builders import (
    NOW,
    TODAY,
    a_block,
    a_booking,
    a_listing,
    a_user,
    confirmed,
)

LATER = NOW + timedelta(hours=2)
D = timedelta(days=1)


def an_import(now: datetime = NOW) -> CalendarImport:
    return CalendarImport.create(
        import_id="imp-1", listing_id="l-1", name=" Vrbo  ", url="https://v.example/x.ics",
        now=now,
    )  # fmt: skip


def sync(imp: CalendarImport, events: list[FeedEvent], blocks: list[Block], bookings=(), now=NOW):  # type: ignore[no-untyped-def]
    ids = iter(f"block-{i}" for i in range(100))
    return imp.apply_feed(
        incoming=imported_nights(events, "UTC", TODAY), blocks=blocks,
        booked=[CalendarEntry.of_booking(b) for b in bookings if b.is_live(now)], now=now,
        new_block_id=lambda: next(ids),
    )  # fmt: skip


def test_a_new_import_is_pending_under_its_trimmed_name() -> None:
    imp = an_import()
    assert (imp.name, imp.status, imp.created_at, imp.updated_at) == ("Vrbo", "pending", NOW, NOW)
    assert (imp.last_attempt_at, imp.last_synced_at, imp.source) == (None, None, "import:imp-1")


def test_a_sync_announces_each_block_it_makes_moves_and_frees() -> None:
    imp = an_import()
    first = [FeedEvent("a", "Booked", TODAY + 2 * D, TODAY + 4 * D)]
    changes = sync(imp, first, [])
    (block,) = changes.added
    nights = imported_nights(first, "UTC", TODAY)[0]
    assert (block.created_at, block.import_key, block.fingerprint) == (NOW, "a", nights.fingerprint)
    assert imp.pull_events() == [
        DatesBlocked(
            occurred_at=NOW, listing_id="l-1", block_id="block-0", start=TODAY + 2 * D,
            end=TODAY + 4 * D,
        )
    ]  # fmt: skip
    moved = [FeedEvent("a", "Booked", TODAY + 3 * D, TODAY + 5 * D)]
    sync(imp, moved, [block], now=LATER)
    assert imp.pull_events() == [
        DatesBlocked(
            occurred_at=LATER, listing_id="l-1", block_id="block-0", start=TODAY + 3 * D,
            end=TODAY + 5 * D,
        )
    ]  # fmt: skip
    assert block.modified_at == LATER
    sync(imp, [], [block], now=LATER)
    assert imp.pull_events() == [
        DatesUnblocked(occurred_at=LATER, listing_id="l-1", block_id="block-0")
    ]


def test_a_sync_records_when_it_ran_and_clears_the_last_error() -> None:
    imp = an_import()
    imp.record_failure("timed out", NOW)
    sync(imp, [], [], now=LATER)
    assert (imp.last_attempt_at, imp.updated_at, imp.last_synced_at) == (LATER, LATER, LATER)
    assert (imp.last_error, imp.status) == (None, "ok")


def test_a_conflict_names_the_booking_the_nights_and_the_feeds_summary() -> None:
    host, guest = a_user(Role.HOST), a_user()
    listing = a_listing(host)
    booking = a_booking(listing, guest, TODAY + 4 * D, nights=3)
    cancelled = a_booking(listing, guest, TODAY + 20 * D, nights=3)
    cancelled.cancel("guest", NOW)
    imp = CalendarImport.create(
        import_id="imp-2", listing_id=listing.id, name="Vrbo", url="https://v.example/x.ics",
        now=NOW,
    )  # fmt: skip
    over = [
        FeedEvent("x", "Owner stay", TODAY + 5 * D, TODAY + 8 * D),
        FeedEvent("y", "Owner stay", TODAY + 21 * D, TODAY + 22 * D),  # a cancelled booking's
    ]
    sync(imp, over, [], [booking, cancelled])
    conflicts = [e for e in imp.pull_events() if isinstance(e, CalendarImportConflicted)]
    assert conflicts == [
        CalendarImportConflicted(
            occurred_at=NOW, import_id="imp-2", import_name="Vrbo", listing_id=listing.id,
            booking_id=booking.id, start=TODAY + 5 * D, end=TODAY + 8 * D, summary="Owner stay",
        )
    ]  # fmt: skip
    assert imp.current_conflicts == [
        ImportConflict(booking.id, TODAY + 5 * D, TODAY + 8 * D, "Owner stay")
    ]


def test_a_conflict_keeps_its_summary_when_stored_and_reads_one_stored_without() -> None:
    conflict = ImportConflict("b-1", TODAY, TODAY + D, "Owner stay")
    assert ImportConflict.from_dict(conflict.to_dict()) == conflict
    stored = {"booking_id": "b-1", "start": TODAY.isoformat(), "end": (TODAY + D).isoformat()}
    assert ImportConflict.from_dict(stored).summary == ""


def test_an_unchanged_feed_is_synced_now_and_keeps_its_conflicts() -> None:
    host, guest = a_user(Role.HOST), a_user()
    listing = a_listing(host)
    booking = a_booking(listing, guest, TODAY + 4 * D, nights=3)
    imp = an_import()
    sync(imp, [FeedEvent("x", "Booked", TODAY + 5 * D, TODAY + 6 * D)], [], [booking])
    imp.record_failure("HTTP 502", NOW)
    imp.record_unchanged(LATER)
    assert (imp.status, imp.last_error, imp.last_synced_at) == ("conflict", None, LATER)
    plain = an_import()
    plain.record_unchanged(LATER)
    assert (plain.status, plain.last_synced_at, plain.updated_at) == ("ok", LATER, LATER)


def test_a_failure_keeps_500_characters_of_its_reason_or_says_unknown_error() -> None:
    imp = an_import()
    imp.record_failure("x" * 600, LATER)
    assert (imp.last_error, imp.status, imp.last_attempt_at) == ("x" * 500, "failed", LATER)
    imp.record_failure(" \r\n ", LATER)
    assert imp.last_error == "unknown error"


def test_validators_of_up_to_their_column_width_in_printable_ascii_are_kept() -> None:
    imp = an_import()
    sync_with = dict(incoming=[], blocks=[], booked=[], now=NOW, new_block_id=lambda: "b")
    imp.apply_feed(**sync_with, etag='"' + "~" * 253 + '"', last_modified="x" * 64)  # type: ignore[arg-type]
    assert (imp.etag, imp.last_modified) == ('"' + "~" * 253 + '"', "x" * 64)
    imp.apply_feed(**sync_with, etag="x" * 256, last_modified="\x7f")  # type: ignore[arg-type]
    assert (imp.etag, imp.last_modified) == (None, None)


def test_timed_events_are_read_in_the_listings_zone_and_floating_times_are_local() -> None:
    tokyo = ZoneInfo("Asia/Tokyo")
    day = TODAY + 10 * D
    # 23:00 UTC is 08:00 the next morning in Tokyo: the night before that is not held.
    utc = FeedEvent("u", "x", datetime.combine(day, time(23), ZoneInfo("UTC")), None)
    assert nights_of(utc, "Asia/Tokyo") == Stay(day + D, day + 2 * D)
    floating = FeedEvent(
        "f", "x", datetime.combine(day, time(23)), datetime.combine(day + D, time(1))
    )
    assert nights_of(floating, "Asia/Tokyo") == Stay(day, day + 2 * D)
    # A timed start with an all-day end: midnight of that date in the listing's zone.
    mixed = FeedEvent("m", "x", datetime.combine(day, time(15), tokyo), day + 2 * D)
    assert nights_of(mixed, "Asia/Tokyo") == Stay(day, day + 2 * D)
    # An end before the start still holds the start's night.
    backwards = FeedEvent("b", "x", datetime.combine(day, time(15), tokyo), day - 3 * D)
    assert nights_of(backwards, "Asia/Tokyo") == Stay(day, day + D)
    # All day, ending on its start date or given with a timed end: one night, or its dates.
    assert nights_of(FeedEvent("s", "x", day, day), "UTC") == Stay(day, day + D)
    timed_end = FeedEvent("t", "x", day, datetime.combine(day + 3 * D, time(9), tokyo))
    assert nights_of(timed_end, "UTC") == Stay(day, day + 3 * D)
    # Through imported_nights too, in the listing's zone.
    (nights,) = imported_nights([utc], "Asia/Tokyo", TODAY)
    assert nights.stay == Stay(day + D, day + 2 * D)


def test_an_imported_event_keeps_its_cleaned_summary_and_a_uid_of_at_most_255() -> None:
    start = TODAY + 3 * D
    (nights,) = imported_nights(
        [FeedEvent("u" * 300, "Booked\r\nBcc: x", start, None)], "UTC", TODAY
    )
    assert (nights.key, nights.summary) == ("u" * 255, "Booked Bcc: x")
    assert nights.fingerprint == fingerprint_of(Stay(start, start + D), "Booked Bcc: x")
    assert len(nights.fingerprint) == 32
    # One UID for two different events (a recurrence): the second is keyed by its dates too,
    # within the 255 characters of the key, even when the UID alone fills them.
    twice = [
        FeedEvent("r" * 255, "Booked", start, None),
        FeedEvent("r" * 255, "Booked", start + 7 * D, None),
    ]
    first, second = imported_nights(twice, "UTC", TODAY)
    dates = f"#{(start + 7 * D).isoformat()}/{(start + 8 * D).isoformat()}"
    assert (first.key, second.key) == ("r" * 255, "r" * (255 - len(dates)) + dates)
    assert second.stay == Stay(start + 7 * D, start + 8 * D)


def test_exported_uids_never_change_and_carry_when_each_event_last_changed() -> None:
    host, guest = a_user(Role.HOST), a_user()
    listing = a_listing(host)
    booking = a_booking(listing, guest, TODAY + 2 * D, nights=2)
    booking.id = "b-1"
    block = a_block(listing, TODAY + 9 * D, 1)
    block.id = "k-1"
    moved = a_block(listing, TODAY + 12 * D, 1)
    moved.modified_at = LATER
    # A confirmed stay that checks out today holds no night from today on.
    leaving = confirmed(a_booking(listing, guest, TODAY - 2 * D, 2, NOW - 3 * D), NOW - 3 * D)
    events = exported_events(
        bookings=[booking, leaving], blocks=[block, moved], today=TODAY, now=NOW
    )
    # Other platforms remember our events by UID: a new scheme would duplicate every event.
    assert events[:2] == [
        ExportedEvent(
            "58cd94a5-dbb4-56f2-a948-9b4cb82ecfc7@rental", booking.check_in, booking.check_out,
            FeedSummary.RESERVED, booking.updated_at,
        ),
        ExportedEvent(
            "c6891121-21ee-50a7-b47c-3538e3a2631a@rental", block.start, block.end,
            FeedSummary.NOT_AVAILABLE, NOW,
        ),
    ]  # fmt: skip
    assert [e.modified_at for e in events[2:]] == [LATER]


def test_a_feed_records_when_it_opened_and_announces_each_rotation() -> None:
    feed = CalendarFeed.open(listing_id="l-1", token="t1", now=NOW)
    assert (feed.created_at, feed.rotated_at) == (NOW, NOW)
    feed.rotate(token="t2", now=LATER)
    assert (feed.token, feed.rotated_at, feed.created_at) == ("t2", LATER, NOW)
    assert feed.pull_events() == [CalendarFeedRotated(occurred_at=LATER, listing_id="l-1")]


def test_a_hosts_calendar_names_each_block_it_shows() -> None:
    listing = a_listing(a_user(Role.HOST))
    block = a_block(listing, TODAY + 3 * D, 2)
    calendar = HeldNights.of([], [block], NOW)
    assert [entry.holder_id for entry in calendar.entries] == [block.id]


@pytest.mark.parametrize("hours", [0, 11])
def test_a_timed_event_ending_in_the_morning_blocks_that_day_and_at_midnight_does_not(
    hours: int,
) -> None:
    day = TODAY + 4 * D
    zone = ZoneInfo("UTC")
    event = FeedEvent(
        "e", "x", datetime.combine(day, time(9), zone), datetime.combine(day + D, time(hours), zone)
    )
    expected = day + (2 * D if hours else D)
    assert nights_of(event, "UTC") == Stay(day, expected)
