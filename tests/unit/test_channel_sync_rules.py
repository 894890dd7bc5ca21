"""The rules of channel sync in the domain: nights of imported events, matching them to
blocks, conflicts, and what the export shows."""

from __future__ import annotations

from datetime import UTC, date, datetime, timedelta
from zoneinfo import ZoneInfo

import pytest

from rental.domain.accounts.users import Role
from rental.domain.calendar.calendar import Calendar
from rental.domain.calendar.nights import Block, CalendarEntry
from rental.domain.calendar.stay import Stay
from rental.domain.channel_sync.export import CalendarFeed, FeedSummary, exported_events
from rental.domain.channel_sync.imports import (
    CalendarImport,
    FeedEvent,
    ImportStatus,
    check_import_fields,
    clean_text,
    imported_nights,
    nights_of,
)
from rental.domain.errors import BlockManagedByImport, CalendarFeedNotFound, InvalidInput
from rental.domain.events import CalendarImportConflicted, DatesBlocked, DatesUnblocked
from rental.domain.listings.listing import Listing
from tests.contracts.builders import NOW, TODAY, a_block, a_booking, a_listing, a_user
from tests.matchers import exact

D = date


def test_all_day_events_keep_their_dates_and_an_exclusive_end() -> None:
    assert nights_of(FeedEvent("u", "x", D(2030, 2, 1), D(2030, 2, 4)), "Asia/Tokyo") == Stay(
        D(2030, 2, 1), D(2030, 2, 4)
    )
    # No DTEND (or one not after DTSTART): the one day of DTSTART.
    assert nights_of(FeedEvent("u", "x", D(2030, 2, 1), None), "UTC") == Stay(
        D(2030, 2, 1), D(2030, 2, 2)
    )


def test_timed_events_block_every_date_they_touch_in_the_listings_zone() -> None:
    new_york = ZoneInfo("America/New_York")
    # In January 22:00 in New York on the 10th is 03:00 on the 11th in Lisbon, and 10:00 on
    # the 12th is 15:00 there.
    event = FeedEvent(
        "u",
        "x",
        datetime(2030, 1, 10, 22, tzinfo=new_york),
        datetime(2030, 1, 12, 10, tzinfo=new_york),
    )
    assert nights_of(event, "Europe/Lisbon") == Stay(D(2030, 1, 11), D(2030, 1, 13))
    assert nights_of(event, "America/New_York") == Stay(D(2030, 1, 10), D(2030, 1, 13))
    # Ending at midnight does not touch the next day; a short event holds its one day.
    midnight = FeedEvent(
        "u", "x", datetime(2030, 1, 10, 15, tzinfo=UTC), datetime(2030, 1, 12, 0, tzinfo=UTC)
    )
    assert nights_of(midnight, "UTC") == Stay(D(2030, 1, 10), D(2030, 1, 12))
    short = FeedEvent(
        "u", "x", datetime(2030, 1, 10, 9, tzinfo=UTC), datetime(2030, 1, 10, 10, tzinfo=UTC)
    )
    assert nights_of(short, "UTC") == Stay(D(2030, 1, 10), D(2030, 1, 11))
    # Floating times (no zone) are the listing's own.
    floating = FeedEvent("u", "x", datetime(2030, 1, 10, 23), datetime(2030, 1, 11, 1))
    assert nights_of(floating, "Asia/Tokyo") == Stay(D(2030, 1, 10), D(2030, 1, 12))


def test_imported_nights_drop_the_past_and_key_by_uid_or_fingerprint() -> None:
    today = D(2030, 1, 10)
    events = [
        FeedEvent("past@x", "Reserved", D(2030, 1, 1), D(2030, 1, 10)),
        FeedEvent("now@x", "Reserved", D(2030, 1, 9), D(2030, 1, 11)),
        FeedEvent(None, "No uid", D(2030, 2, 1), D(2030, 2, 3)),
        FeedEvent(None, "No uid", D(2030, 2, 1), D(2030, 2, 3)),  # an exact repeat
    ]
    found = imported_nights(events, "UTC", today)
    assert found[0].key == "now@x"
    assert found[1].key.startswith("fingerprint:")
    assert len(found) == 2


def test_clean_text_removes_line_breaks_and_control_characters() -> None:
    text = "Reserved\r\nBcc: victim@example.com\x00\u202e <b>x</b>" + "y" * 500
    cleaned = clean_text(text)
    assert "\r" not in cleaned and "\n" not in cleaned and "\x00" not in cleaned
    assert "\u202e" not in cleaned
    assert cleaned.startswith("Reserved Bcc: victim@example.com <b>x</b>")
    assert len(cleaned) == 200


ABSOLUTE = "must be an absolute http:// or https:// URL."


@pytest.mark.parametrize(
    ("url", "message"),
    [
        ("ftp://example.com/a.ics", ABSOLUTE), ("file:///etc/passwd", ABSOLUTE),
        ("javascript:alert(1)", ABSOLUTE), ("/relative.ics", ABSOLUTE), ("https://", ABSOLUTE),
        ("gopher://x", ABSOLUTE),
        ("https://user:pw@example.com/a.ics", "must not hold a user name or password."),
        ("https://user@example.com/a.ics", "must not hold a user name or password."),
        ("https://:pw@example.com/a.ics", "must not hold a user name or password."),
        ("http://exa mple.com/", "must not contain spaces."),
        ("https://example.com:99999/a.ics", "is not a valid URL."),
        ("https://example.com/a.ics\n", "must not contain line breaks, tabs or other control "
                                         "characters."),
        ("https://example.com/" + "a" * 1981, "must be at most 2000 characters."),
    ],
)  # fmt: skip
def test_only_absolute_http_urls_can_be_imported(url: str, message: str) -> None:
    with pytest.raises(InvalidInput) as raised:
        check_import_fields("Airbnb", url)
    assert raised.value.errors == {"url": [message]}
    check_import_fields("Airbnb", "https://example.com/" + "a" * 1980)


@pytest.mark.parametrize(
    ("name", "message"),
    [(" \t ", "must not be blank."), ("A" * 101, "must be at most 100 characters.")],
)
def test_an_import_name_is_neither_blank_nor_longer_than_100_characters(
    name: str, message: str
) -> None:
    with pytest.raises(InvalidInput) as raised:
        check_import_fields(name, "ftp://wrong-too")
    assert raised.value.errors == {"name": [message], "url": [ABSOLUTE]}  # both said at once


def test_import_names_are_one_line() -> None:
    with pytest.raises(
        InvalidInput,
        match=exact("name: must not contain line breaks, tabs or other control characters."),
    ) as raised:
        check_import_fields("Air\nbnb", "https://example.com/a.ics")
    assert "name" in raised.value.errors
    check_import_fields("Airbnb", "https://www.airbnb.com/calendar/ical/1.ics?s=abc")


def _import(listing_id: str) -> CalendarImport:
    return CalendarImport.create(
        import_id="imp-1", listing_id=listing_id, name="Airbnb", url="https://a.example/x.ics",
        now=NOW,
    )  # fmt: skip


def _apply(
    calendar_import: CalendarImport, events: list[FeedEvent], blocks: list[Block], bookings=()
) -> tuple[list[Block], object]:
    ids = iter(f"block-{i}" for i in range(100))
    changes = calendar_import.apply_feed(
        incoming=imported_nights(events, "UTC", TODAY), blocks=blocks,
        booked=[CalendarEntry.of_booking(b) for b in bookings if b.is_live(NOW)],
        now=NOW, new_block_id=lambda: next(ids),
    )  # fmt: skip
    kept = [b for b in blocks if b not in changes.removed] + changes.added
    return kept, changes


def test_a_sync_adds_moves_keeps_and_frees_blocks_by_uid() -> None:
    listing = a_listing(a_user(Role.HOST))
    imp = _import(listing.id)
    start = TODAY + timedelta(days=5)
    first = [
        FeedEvent("a@x", "Reserved", start, start + timedelta(days=2)),
        FeedEvent("b@x", "Reserved", start + timedelta(days=10), start + timedelta(days=12)),
    ]
    blocks, changes = _apply(imp, first, [])
    assert [(b.start, b.end, b.source) for b in blocks] == [
        (start, start + timedelta(days=2), "import:imp-1"),
        (start + timedelta(days=10), start + timedelta(days=12), "import:imp-1"),
    ]
    assert imp.status == ImportStatus.OK
    imp.pull_events()

    _, unchanged = _apply(imp, first, blocks)
    assert unchanged.count == 0
    assert not [e for e in imp.pull_events() if isinstance(e, DatesBlocked | DatesUnblocked)]

    moved = [FeedEvent("a@x", "Reserved", start + timedelta(days=1), start + timedelta(days=4))]
    kept, changes = _apply(imp, moved, blocks)
    assert [b.id for b in changes.moved] == ["block-0"] and [b.id for b in changes.removed] == [
        "block-1"
    ]
    assert [(b.id, b.start, b.end) for b in kept] == [
        ("block-0", start + timedelta(days=1), start + timedelta(days=4))
    ]


def test_feeds_whose_uids_change_are_matched_by_dates_and_summary() -> None:
    listing = a_listing(a_user(Role.HOST))
    imp = _import(listing.id)
    start = TODAY + timedelta(days=3)
    blocks, _ = _apply(imp, [FeedEvent("one@x", "Booked", start, start + timedelta(days=2))], [])
    _, changes = _apply(
        imp, [FeedEvent("two@x", "Booked", start, start + timedelta(days=2))], blocks
    )
    assert changes.count == 0
    assert blocks[0].import_key == "two@x"


def test_an_event_over_a_live_booking_is_a_conflict_recorded_once() -> None:
    host, guest = a_user(Role.HOST), a_user()
    listing = a_listing(host)
    booking = a_booking(listing, guest, TODAY + timedelta(days=4), nights=3)
    imp = _import(listing.id)
    over = [FeedEvent("x@x", "Reserved", TODAY + timedelta(days=5), TODAY + timedelta(days=8))]
    blocks, changes = _apply(imp, over, [], [booking])
    assert len(changes.added) == 1  # both kept: the block and the booking
    assert imp.status == ImportStatus.CONFLICT
    assert [(c.booking_id, c.start) for c in imp.current_conflicts] == [
        (booking.id, TODAY + timedelta(days=5))
    ]
    conflicts = [e for e in imp.pull_events() if isinstance(e, CalendarImportConflicted)]
    assert len(conflicts) == 1 and conflicts[0].booking_id == booking.id
    _apply(imp, over, blocks, [booking])
    assert not [e for e in imp.pull_events() if isinstance(e, CalendarImportConflicted)]
    assert imp.status == ImportStatus.CONFLICT
    _apply(imp, [], blocks, [booking])
    assert imp.status == ImportStatus.OK and imp.conflicts == []


def test_a_failure_changes_nothing_but_the_status() -> None:
    imp = _import("listing-1")
    imp.record_failure("the server answered HTTP 500\r\nX-Injected: 1", NOW)
    assert imp.status == ImportStatus.FAILED
    assert imp.last_error == "the server answered HTTP 500 X-Injected: 1"
    assert imp.last_synced_at is None


def calendar_of(listing: Listing, *blocks: Block) -> Calendar:
    return Calendar.of(
        listing_id=listing.id, host_id=listing.host_id, listed=True, terms=listing.terms,
        blocks=blocks,
    )  # fmt: skip


def test_imported_blocks_follow_their_feed_and_cannot_be_removed_by_hand() -> None:
    listing = a_listing(a_user(Role.HOST))
    block = Block(
        id="b", listing_id=listing.id, start=TODAY, end=TODAY + timedelta(days=1), created_at=NOW,
        source="import:imp-1",
    )  # fmt: skip
    with pytest.raises(
        BlockManagedByImport,
        match=exact(
            "Block b comes from an imported calendar; delete that import (or change the other "
            "calendar) to free its nights."
        ),
    ):
        calendar_of(listing, block).unblock(block.id, NOW)
    own = a_block(listing, TODAY, 1)
    calendar_of(listing, own).unblock(own.id, NOW)


def test_the_export_shows_live_bookings_and_host_blocks_from_today_never_who() -> None:
    host, guest = a_user(Role.HOST), a_user()
    listing = a_listing(host)
    live = a_booking(listing, guest, TODAY + timedelta(days=2), nights=3)
    cancelled = a_booking(listing, guest, TODAY + timedelta(days=9))
    cancelled.cancel("guest", NOW)
    ended = a_block(listing, TODAY - timedelta(days=3), 3)
    own = a_block(listing, TODAY + timedelta(days=20), 2)
    imported = a_block(listing, TODAY + timedelta(days=30), 2)
    imported.source = "import:imp-1"
    args = {
        "bookings": [live, cancelled],
        "blocks": [ended, own, imported],
        "today": TODAY,
        "now": NOW,
    }
    events = exported_events(**args)
    assert [(e.start, e.end, e.summary) for e in events] == [
        (live.check_in, live.check_out, FeedSummary.RESERVED),
        (own.start, own.end, FeedSummary.NOT_AVAILABLE),
    ]
    assert all(live.id not in e.uid and guest.id not in e.uid for e in events)
    assert exported_events(**args) == events  # stable UIDs
    with_imported = exported_events(**args, include_imported=True)
    assert [e.start for e in with_imported][-1] == imported.start


def test_a_feed_opens_only_with_its_current_token() -> None:
    feed = CalendarFeed.open(listing_id="l", token="first-token", now=NOW)
    feed.check_token("first-token")
    for wrong in (None, "", "first-toke", "first-token2"):
        with pytest.raises(CalendarFeedNotFound, match=exact("No calendar feed for listing l.")):
            feed.check_token(wrong)
    feed.rotate(token="second-token", now=NOW)
    with pytest.raises(CalendarFeedNotFound, match=exact("No calendar feed for listing l.")):
        feed.check_token("first-token")
    feed.check_token("second-token")


def test_only_plausible_validators_are_kept_to_send_back() -> None:
    imp = _import("listing-1")
    ids = iter(["b1"])
    imp.apply_feed(
        incoming=[], blocks=[], booked=[], now=NOW, new_block_id=lambda: next(ids),
        etag='"abc"', last_modified="Tue, 01 Jan 2030 10:00:00 GMT",
    )  # fmt: skip
    assert (imp.etag, imp.last_modified) == ('"abc"', "Tue, 01 Jan 2030 10:00:00 GMT")
    imp.apply_feed(
        incoming=[], blocks=[], booked=[], now=NOW, new_block_id=lambda: next(ids),
        etag='"a"\r\nX-Injected: 1', last_modified="x" * 65,
    )  # fmt: skip
    assert (imp.etag, imp.last_modified) == (None, None)
