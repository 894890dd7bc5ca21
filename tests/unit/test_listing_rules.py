"""Listings in the domain: what an edit may change and what each refusal says, when a listing
may go, the events blocks announce, and the events every other service reads back."""

from __future__ import annotations

from datetime import date, datetime, timedelta
from typing import Any

import pytest

from rental.domain.accounts.users import Role
from rental.domain.bookings.booking import Booking
from rental.domain.calendar.calendar import Calendar
from rental.domain.calendar.nights import Block
from rental.domain.calendar.stay import Stay
from rental.domain.errors import (
    BlockNotFound,
    InvalidInput,
    ListingChanged,
    ListingHasLiveBookings,
    StayTooFarAhead,
    TransitionNotAllowed,
)
from rental.domain.events import (
    DatesBlocked,
    DatesUnblocked,
    Event,
    ListingDeleted,
    ListingUpdated,
)
from rental.domain.listings.listing import Listing
from tests.contracts.builders import NOW, TODAY, a_booking, a_listing, a_user, confirmed
from tests.matchers import exact

LATER = NOW + timedelta(hours=3)
D = timedelta(days=1)


def listing() -> Listing:
    made = a_listing(a_user(Role.HOST))
    made.pull_events()
    return made


def refusal(error: pytest.ExceptionInfo[InvalidInput]) -> dict[str, list[str]]:
    return error.value.errors


def test_an_edit_is_announced_and_stamped_with_its_time() -> None:
    home = listing()
    home.update(now=LATER, title="Sunny loft")
    assert (home.title, home.updated_at) == ("Sunny loft", LATER)
    assert home.pull_events() == [
        ListingUpdated(occurred_at=LATER, listing_id=home.id, host_id=home.host_id)
    ]


def test_an_edit_made_on_a_version_the_caller_never_saw_is_refused() -> None:
    home = listing()
    home.update(now=LATER, seen_versions=frozenset({home.version}), title="Seen")
    stale = frozenset({home.version - 1})
    with pytest.raises(
        ListingChanged,
        match=exact(f"The listing is at version {home.version}, not one you saw; read it again."),
    ):
        home.update(now=LATER, seen_versions=stale, title="Not seen")
    assert home.title == "Seen"


@pytest.mark.parametrize(
    ("changes", "errors"),
    [
        (dict(colour="red", size=3),
         {"colour": ["is not a listing field."], "size": ["is not a listing field."]}),
        (dict(title=None), {"title": ["may not be null."]}),
        (dict(city=7), {"city": ["must be a string."]}),
        (dict(title="   "), {"title": ["must not be blank."]}),
    ],
    ids=["unknown fields", "null", "not a string", "blank"],
)  # fmt: skip
def test_a_refused_edit_names_each_field_and_changes_nothing(
    changes: dict[str, Any], errors: dict[str, list[str]]
) -> None:
    home = listing()
    before = (home.title, home.city, home.version)
    with pytest.raises(InvalidInput) as error:
        home.update(now=LATER, **changes)
    assert refusal(error) == errors
    assert (home.title, home.city, home.version) == before


def test_a_listing_goes_only_once_its_last_live_stay_has_ended() -> None:
    home = listing()
    guest = a_user()
    # Checked out today: ended. Checking out tomorrow: not yet.
    ended = confirmed(a_booking(home, guest, TODAY - 2 * D, 2, NOW - 3 * D), NOW - 3 * D)
    staying = confirmed(a_booking(home, guest, TODAY - 1 * D, 2, NOW - 3 * D), NOW - 3 * D)
    with pytest.raises(
        ListingHasLiveBookings,
        match=exact("The listing has a pending or confirmed booking that has not ended."),
    ):
        home.delete(now=NOW, live_bookings=[ended, staying])
    home.delete(now=LATER, live_bookings=[ended])
    assert (home.deleted_at, home.updated_at) == (LATER, LATER)
    assert home.pull_events() == [
        ListingDeleted(occurred_at=LATER, listing_id=home.id, host_id=home.host_id)
    ]


def calendar_of(home: Listing, *blocks: Block) -> Calendar:
    return Calendar.of(
        listing_id=home.id, host_id=home.host_id, listed=not home.is_deleted, terms=home.terms,
        blocks=blocks,
    )  # fmt: skip


def test_blocking_dates_announces_the_block_and_stamps_when_it_was_made() -> None:
    home = listing()
    stay = Stay(TODAY + 3 * D, TODAY + 5 * D)
    calendar = calendar_of(home)
    block = calendar.block(block_id="k-1", stay=stay, now=LATER)
    assert (block.id, block.listing_id, block.start, block.end, block.created_at) == (
        "k-1", home.id, stay.check_in, stay.check_out, LATER,
    )  # fmt: skip
    assert calendar.pull_changes().added_blocks == (block,)
    assert calendar.pull_events() == [
        DatesBlocked(
            occurred_at=LATER, listing_id=home.id, block_id="k-1", start=stay.check_in,
            end=stay.check_out,
        )
    ]  # fmt: skip


def test_unblocking_is_announced_and_only_for_a_block_of_this_listing() -> None:
    home, other = listing(), listing()
    block = Block(id="k-1", listing_id=home.id, start=TODAY, end=TODAY + D, created_at=NOW)
    with pytest.raises(BlockNotFound, match=exact(f"No block k-1 on listing {other.id}.")):
        calendar_of(other).unblock(block.id, LATER)
    calendar = calendar_of(home, block)
    calendar.unblock(block.id, LATER)
    assert calendar.pull_changes().removed_blocks == (block,)
    assert calendar.pull_events() == [
        DatesUnblocked(occurred_at=LATER, listing_id=home.id, block_id="k-1")
    ]


def test_the_last_night_may_be_exactly_the_horizon_away_and_no_further() -> None:
    home = listing()
    terms = home.terms
    horizon = TODAY + timedelta(days=terms.max_advance_days)
    terms.check_within_horizon(Stay(horizon - D, horizon + D), NOW)  # last night: horizon
    with pytest.raises(StayTooFarAhead) as error:
        terms.check_within_horizon(Stay(horizon, horizon + 2 * D), NOW)
    assert refusal(error) == {
        "check_out": [
            f"the last night must be at most {terms.max_advance_days} days ahead "
            f"({horizon.isoformat()} for this listing)."
        ]
    }


def test_a_quote_applies_the_monthly_discount() -> None:
    home = a_listing(a_user(Role.HOST), monthly_discount_percent=20, weekly_discount_percent=0)
    price = home.terms.quote(Stay(TODAY + D, TODAY + 31 * D))
    assert price.discount == price.nightly_subtotal * 20 // 100


def booking_of(home: Listing) -> Booking:
    return a_booking(home, a_user(), TODAY + 5 * D, 2)


def test_each_refused_booking_step_says_what_cannot_be_done_and_why() -> None:
    home = listing()
    unpaid = booking_of(home)
    with pytest.raises(
        TransitionNotAllowed,
        match=exact("An unpaid booking cannot be confirmed; it awaits payment."),
    ):
        unpaid.confirm(NOW)
    paid = confirmed(booking_of(home), NOW)
    with pytest.raises(TransitionNotAllowed, match=exact("A confirmed booking cannot be paid.")):
        paid.record_payment_authorized(NOW)
    with pytest.raises(
        TransitionNotAllowed, match=exact("A confirmed booking cannot be confirmed.")
    ):
        paid.confirm(NOW)


def test_a_declined_or_completed_booking_is_stamped_when_it_happened() -> None:
    home = a_listing(a_user(Role.HOST), instant_book=False)
    request = booking_of(home)
    request.record_payment_authorized(NOW)
    request.decline(LATER)
    assert (request.status, request.updated_at) == ("declined", LATER)
    stay = confirmed(booking_of(home), NOW)
    after = datetime.combine(stay.check_out, NOW.timetz())
    stay.pull_events()
    stay.complete(after)
    assert stay.updated_at == after
    assert [e.occurred_at for e in stay.pull_events()] == [after]


def sample(kind: str) -> Any:
    return {"str": "x", "int": 7, "datetime": NOW, "date": TODAY}[kind]


@pytest.mark.parametrize("name", sorted(Event.registry))
def test_every_event_reads_back_as_it_was_written(name: str) -> None:
    event_type = Event.registry[name]
    event = event_type(**{a.name: sample(a.type) for a in event_type.__attrs_attrs__})
    data = event.to_dict()
    assert all(not isinstance(v, date | datetime) for v in data.values())  # JSON-ready
    assert Event.from_dict(name, data) == event


def test_an_event_reads_back_a_field_written_as_null() -> None:
    written = DatesBlocked(occurred_at=NOW, listing_id="l", block_id="b", start=TODAY, end=TODAY)
    data = {**written.to_dict(), "start": None, "occurred_at": None}
    back = Event.from_dict("DatesBlocked", data)
    assert (back.occurred_at, back.start, back.end) == (None, None, TODAY)  # type: ignore[attr-defined]
