"""Every change to a listing's nights goes through its calendar and its lock: a block or an
import racing a booking over the same nights has one winner, round after round, on PostgreSQL
(where the lock is a real row lock and the requests truly run at once)."""

from __future__ import annotations

import threading
from collections.abc import Callable, Iterator
from datetime import date, timedelta

import pytest

from rental.adapters.argon2_hasher import Argon2Hasher
from rental.application import commands as c
from rental.composition import Rental, bootstrap
from rental.domain.channel_sync.imports import FeedEvent
from rental.domain.errors import DatesUnavailable
from rental.domain.limits import Limits
from tests.fakes import FakeClock
from tests.integration.booking_race import Unpublished

pytestmark = pytest.mark.postgres
ROUNDS = 20
CHECK_IN = date(2030, 2, 3)
NIGHTS = (CHECK_IN, CHECK_IN + timedelta(days=3))


@pytest.fixture
def rental(postgres_url: str) -> Iterator[Rental]:
    # One guest books in every round and each booking it wins stays an unpaid hold: allowed
    # as many holds as rounds, its booking is only ever refused by the race, never by the
    # unpaid-holds limit (which would leave the other side's nights unopposed).
    rental = bootstrap(
        database_url=postgres_url, clock=FakeClock(), password_hasher=Argon2Hasher(fast=True),
        event_publisher=Unpublished(), limits=Limits(max_unpaid_holds=ROUNDS),
    )  # fmt: skip
    yield rental
    rental.close()


@pytest.fixture
def people(rental: Rental) -> tuple[c.Actor, c.Actor]:
    host = rental.handle(
        c.RegisterUser(username="hana", email="h@example.com", password="pw-secret-1", role="host")
    )
    guest = rental.handle(
        c.RegisterUser(username="gus", email="g@example.com", password="pw-secret-1")
    )
    return c.Actor(host.id, "host"), c.Actor(guest.id, "guest")


def _listing(rental: Rental, host: c.Actor) -> str:
    fields = {"title": "Loft", "city": "Lisbon", "country": "PT", "price_per_night": 100,
              "max_guests": 2}  # fmt: skip
    listing_id: str = rental.handle(c.CreateListing(actor=host, **fields)).id
    return listing_id


def _at_once(*commands: Callable[[], object]) -> list[object]:
    """Run each command in its own thread, released together; what each returned or raised."""
    start = threading.Barrier(len(commands))
    outcomes: list[object] = [None] * len(commands)

    def run(i: int) -> None:
        start.wait(timeout=30)
        try:
            outcomes[i] = commands[i]()
        except Exception as error:  # the test looks at what it was
            outcomes[i] = error

    threads = [threading.Thread(target=run, args=(i,)) for i in range(len(commands))]
    for thread in threads:
        thread.start()
    for thread in threads:
        thread.join(timeout=60)
    return outcomes


def _book(rental: Rental, guest: c.Actor, listing_id: str) -> Callable[[], object]:
    return lambda: rental.handle(
        c.RequestBooking(
            actor=guest, listing_id=listing_id, check_in=NIGHTS[0], check_out=NIGHTS[1], guests=1
        )
    )


def test_a_block_and_a_booking_of_the_same_nights_have_one_winner(
    rental: Rental, people: tuple[c.Actor, c.Actor]
) -> None:
    host, guest = people
    for _ in range(ROUNDS):
        listing_id = _listing(rental, host)
        block = c.BlockDates(actor=host, listing_id=listing_id, start=CHECK_IN + timedelta(days=1),
                             end=CHECK_IN + timedelta(days=2))  # fmt: skip
        booked, blocked = _at_once(
            _book(rental, guest, listing_id), lambda cmd=block: rental.handle(cmd)
        )
        lost = [o for o in (booked, blocked) if isinstance(o, DatesUnavailable)]
        assert len(lost) == 1, (booked, blocked)
        taken = rental.reads.availability(listing_id, NIGHTS[0], NIGHTS[1])
        assert [e.reason for e in taken] == ["booked" if lost[0] is blocked else "blocked"]


def test_an_import_and_a_booking_of_the_same_nights_have_one_winner(
    rental: Rental, people: tuple[c.Actor, c.Actor]
) -> None:
    """An import's block never refuses to be: if the booking came first, it stands and the
    import records the conflict; if the import came first, the booking is refused."""
    host, guest = people
    events = (FeedEvent("r1", "Reserved", CHECK_IN - timedelta(days=2), CHECK_IN + timedelta(1)),)
    for _ in range(ROUNDS):
        listing_id = _listing(rental, host)
        command = c.ImportCalendar(actor=host, listing_id=listing_id, name="A",
                                   url="https://calendar.example/r.ics")  # fmt: skip
        import_id = rental.handle(command).id
        sync = c.ApplyCalendarFeed(import_id=import_id, events=events)
        booked, _ = _at_once(_book(rental, guest, listing_id), lambda cmd=sync: rental.handle(cmd))
        imported = rental.channel_sync.calendar_import(host, listing_id, import_id)
        if isinstance(booked, DatesUnavailable):  # the import won: no booking, no conflict
            assert (imported.status, imported.conflicts) == ("ok", [])
        else:  # the booking won: it stands, and the import says so
            assert imported.status == "conflict"
            assert [x.booking_id for x in imported.current_conflicts] == [booked.id]  # type: ignore[attr-defined]
