"""No double booking under concurrency: many bookings of one listing at the same moment,
through the application, from threads and from separate processes."""

from __future__ import annotations

import multiprocessing
import threading
from collections import Counter
from collections.abc import Iterator
from concurrent.futures import ThreadPoolExecutor
from datetime import date, timedelta
from typing import Any

import pytest
import sqlalchemy as sa

from rental.adapters.sqlalchemy import SqlUnitOfWork, make_engine, make_session_factory
from rental.composition import Rental, bootstrap
from rental.domain.accounts.users import Role
from tests.contracts.builders import a_listing, a_user, save
from tests.events import RecordingNotifier
from tests.integration.booking_race import Unpublished, attempt, attempt_in_process

THREADS = 20
PROCESSES = 4
CHECK_IN = date.today() + timedelta(days=60)


@pytest.fixture
def app(database_url: str) -> Iterator[Rental]:
    app = bootstrap(database_url=database_url, event_publisher=Unpublished())
    yield app
    app.close()


@pytest.fixture
def scene(database_url: str) -> Iterator[dict[str, Any]]:
    """A listing with a long max stay and enough guests for every racer."""
    engine = make_engine(database_url)
    session_factory = make_session_factory(engine)
    host = a_user(Role.HOST)
    guests = [a_user() for _ in range(THREADS)]
    listing = a_listing(host, max_nights=30, max_guests=4)
    save(lambda: SqlUnitOfWork(session_factory), host, *guests, listing)
    yield {"engine": engine, "listing": listing, "guests": guests}
    engine.dispose()


def _booked(engine: sa.Engine, listing_id: str) -> int:
    with engine.connect() as connection:
        query = sa.text("SELECT count(*) FROM bookings WHERE listing_id = :id")
        return int(connection.execute(query, {"id": listing_id}).scalar_one())


def _race(app: Rental, scene: dict[str, Any], stays: list[tuple[date, date]]) -> Counter[str]:
    start = threading.Barrier(len(stays))
    listing_id = scene["listing"].id

    def run(i: int) -> str:
        start.wait(timeout=30)
        return attempt(app, scene["guests"][i].id, listing_id, *stays[i])

    with ThreadPoolExecutor(max_workers=len(stays)) as pool:
        return Counter(pool.map(run, range(len(stays))))


def test_overlapping_stays_from_twenty_threads_one_wins(app: Rental, scene: dict[str, Any]) -> None:
    stays = [
        (CHECK_IN + timedelta(days=i % 3), CHECK_IN + timedelta(days=4 + i % 3))
        for i in range(THREADS)
    ]
    outcomes = _race(app, scene, stays)

    assert outcomes == Counter({"booked": 1, "DatesUnavailable": THREADS - 1})
    assert _booked(scene["engine"], scene["listing"].id) == 1


@pytest.fixture
def without_the_database_guard(postgres_url: str) -> Iterator[None]:
    """PostgreSQL's exclusion constraint dropped for one test, and put back after it."""
    engine = make_engine(postgres_url)
    with engine.begin() as connection:
        connection.exec_driver_sql("ALTER TABLE bookings DROP CONSTRAINT bookings_no_overlap")
    yield
    with engine.begin() as connection:
        connection.exec_driver_sql("DELETE FROM bookings")  # a double booking would block it
        connection.exec_driver_sql(
            "ALTER TABLE bookings ADD CONSTRAINT bookings_no_overlap EXCLUDE USING gist "
            "(listing_id WITH =, daterange(check_in, check_out, '[)') WITH &&) "
            "WHERE (status IN ('pending', 'confirmed'))"
        )
    engine.dispose()


@pytest.mark.postgres
@pytest.mark.parametrize("database_url", ["postgres_url"], indirect=True)
def test_on_postgres_the_row_lock_alone_keeps_one_winner(
    without_the_database_guard: None, app: Rental, scene: dict[str, Any]
) -> None:
    """The calendar is read in the same round trip as the lock: each read must still see
    what the lock waited for (its snapshot taken after the lock), with no constraint behind."""
    stays = [
        (CHECK_IN + timedelta(days=i % 3), CHECK_IN + timedelta(days=4 + i % 3))
        for i in range(THREADS)
    ]
    outcomes = _race(app, scene, stays)

    assert outcomes == Counter({"booked": 1, "DatesUnavailable": THREADS - 1})
    assert _booked(scene["engine"], scene["listing"].id) == 1


def test_disjoint_stays_from_twenty_threads_all_win(app: Rental, scene: dict[str, Any]) -> None:
    stays = [
        (CHECK_IN + timedelta(days=2 * i), CHECK_IN + timedelta(days=2 * i + 2))
        for i in range(THREADS)
    ]
    outcomes = _race(app, scene, stays)

    assert outcomes == Counter({"booked": THREADS})
    assert _booked(scene["engine"], scene["listing"].id) == THREADS


def test_twenty_threads_booking_with_emails_sent_in_process_never_run_out_of_connections(
    database_url: str, scene: dict[str, Any]
) -> None:
    """The embedded default: each commit is followed, in the same thread, by the consumers
    (a ledger row held open while the email goes, and the reads it needs)."""
    notifier = RecordingNotifier()
    app = bootstrap(database_url=database_url, notifier=notifier)
    try:
        stays = [
            (CHECK_IN + timedelta(days=2 * i), CHECK_IN + timedelta(days=2 * i + 2))
            for i in range(THREADS)
        ]
        outcomes = _race(app, scene, stays)
    finally:
        app.close()

    assert outcomes == Counter({"booked": THREADS})
    requested = [m for m in notifier.sent if "request" in m["subject"].lower()]
    guests = {guest.email for guest in scene["guests"]}
    assert {m["to"] for m in requested} >= guests


def test_overlapping_stays_from_separate_processes_one_wins(
    database_url: str, scene: dict[str, Any]
) -> None:
    context = multiprocessing.get_context("spawn")
    start, results = context.Barrier(PROCESSES), context.Queue()
    listing_id = scene["listing"].id
    check_out = CHECK_IN + timedelta(days=5)
    processes = [
        context.Process(
            target=attempt_in_process,
            args=(database_url, guest.id, listing_id, CHECK_IN, check_out, start, results),
        )
        for guest in scene["guests"][:PROCESSES]
    ]
    for process in processes:
        process.start()
    outcomes = Counter(results.get(timeout=120) for _ in processes)
    for process in processes:
        process.join(timeout=30)

    assert outcomes == Counter({"booked": 1, "DatesUnavailable": PROCESSES - 1})
    assert _booked(scene["engine"], listing_id) == 1
