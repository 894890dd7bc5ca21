"""Reads on a real PostgreSQL streaming replica (made by ``tests.replicas``): public reads are
served by the replica, a booking's own reads see it at once, a replica that stops or lags past
the limit is skipped without an error."""

from __future__ import annotations

from collections.abc import Iterator
from datetime import timedelta
from typing import Any

import pytest
import sqlalchemy as sa
from flask.testing import FlaskClient
from sqlalchemy import event

from rental.adapters.argon2_hasher import Argon2Hasher
from rental.composition import Rental, bootstrap
from rental.entrypoints.http import create_app
from tests.integration.http.conftest import listing_fields, signup, test_settings
from tests.replicas import Clusters, wait_for

pytestmark = [pytest.mark.postgres, pytest.mark.xdist_group("replicas")]
LISTINGS_SELECT = "FROM listings"


class ServedBy:
    """For each statement that reads listings (or ``table``): was its connection a standby's?"""

    def __init__(self, table: str = "listings") -> None:
        self.answers: list[bool] = []
        self.selected = f"FROM {table}" if table != "listings" else LISTINGS_SELECT

    def __call__(self, conn: Any, cursor: Any, statement: str, *_: Any) -> None:
        if statement.lstrip().upper().startswith("SELECT") and self.selected in statement:
            # The same DBAPI connection, asked directly (no SQLAlchemy event recursion).
            with conn.connection.dbapi_connection.cursor() as probe:
                probe.execute("SELECT pg_is_in_recovery()")
                self.answers.append(bool(probe.fetchone()[0]))

    def take(self) -> list[bool]:
        answers, self.answers = self.answers, []
        return answers


@pytest.fixture
def served_by() -> Iterator[ServedBy]:
    recorder = ServedBy()
    event.listen(sa.Engine, "after_cursor_execute", recorder)
    yield recorder
    event.remove(sa.Engine, "after_cursor_execute", recorder)


def rental_over(clusters: Clusters, max_lag: float = 5.0) -> Rental:
    return bootstrap(
        database_url=clusters.primary.url(), database_replica_urls=[clusters.replica.url()],
        replica_max_lag_seconds=max_lag, replica_check_every=0.0,
        password_hasher=Argon2Hasher(fast=True),
    )  # fmt: skip


@pytest.fixture
def rental(clusters: Clusters) -> Iterator[Rental]:
    running = rental_over(clusters)
    yield running
    running.close()


def client_of(rental: Rental, clusters: Clusters) -> FlaskClient:
    settings = test_settings(database_url=clusters.primary.url())
    return create_app(settings, rental=rental).test_client()


def on_replica(clusters: Clusters, listing_id: str) -> bool:
    engine = sa.create_engine(clusters.replica.url(), poolclass=sa.NullPool)
    try:
        with engine.connect() as connection:
            query = sa.text("SELECT count(*) FROM listings WHERE id = :id")
            return bool(connection.execute(query, {"id": listing_id}).scalar())
    finally:
        engine.dispose()


def replicated_listing(client: FlaskClient, clusters: Clusters) -> str:
    _, host = signup(client, role="host")
    listing = client.post("/api/v1/listings", json=listing_fields(), headers=host).get_json()
    wait_for(lambda: on_replica(clusters, listing["id"]), what="the listing on the replica")
    return str(listing["id"])


def test_public_reads_are_served_by_the_replica(
    rental: Rental, clusters: Clusters, served_by: ServedBy
) -> None:
    client = client_of(rental, clusters)
    listing_id = replicated_listing(client, clusters)
    served_by.take()
    assert client.get(f"/api/v1/listings/{listing_id}").status_code == 200
    assert client.get("/api/v1/listings?city=lisbon").get_json()["total"] >= 1
    assert served_by.take() == [True, True]  # the detail, then the page


def test_a_host_s_payouts_are_read_on_the_primary(rental: Rental, clusters: Clusters) -> None:
    """A host's money is their own: never read from a replica that may lag behind a payout."""
    client = client_of(rental, clusters)
    replicated_listing(client, clusters)  # the replica is up and in line
    _, host = signup(client, role="host")
    payouts = ServedBy("payouts")
    event.listen(sa.Engine, "after_cursor_execute", payouts)
    try:
        assert client.get("/api/v1/payouts", headers=host).status_code == 200
        assert client.get("/api/v1/payouts/summary", headers=host).status_code == 200
    finally:
        event.remove(sa.Engine, "after_cursor_execute", payouts)
    assert payouts.take() == [False, False]


def test_a_booking_and_the_reads_after_it_see_it_at_once(
    rental: Rental, clusters: Clusters, served_by: ServedBy
) -> None:
    client = client_of(rental, clusters)
    listing_id = replicated_listing(client, clusters)
    _, guest = signup(client)
    check_in = rental.dependencies.clock.now().date() + timedelta(days=20)
    stay = {"check_in": check_in.isoformat(), "check_out": (check_in + timedelta(3)).isoformat()}
    booked = client.post(
        "/api/v1/bookings", json={"listing_id": listing_id, "guests": 1, **stay}, headers=guest
    )
    assert booked.status_code == 201, booked.get_json()
    # The guest's own booking: the primary, at once.
    mine = client.get(f"/api/v1/bookings/{booked.get_json()['id']}", headers=guest)
    assert mine.status_code == 200 and mine.get_json()["status"] == "pending"
    # In the same unit of work as a write, a public read goes to the primary too.
    from rental.application.commands import Actor, BlockDates

    served_by.take()
    rental.new_request()
    host_id = rental.reads.listing(listing_id).host_id
    block_start = check_in + timedelta(days=10)
    rental.handle(BlockDates(actor=Actor(host_id, "host"), listing_id=listing_id,
                             start=block_start, end=block_start + timedelta(2)))  # fmt: skip
    entries = rental.reads.availability(listing_id, check_in, block_start + timedelta(5))
    assert [entry.start for entry in entries] == [check_in, block_start]
    assert served_by.take()[-1] is False


def test_a_stopped_replica_sends_reads_to_the_primary_without_an_error(
    rental: Rental, clusters: Clusters, served_by: ServedBy
) -> None:
    client = client_of(rental, clusters)
    listing_id = replicated_listing(client, clusters)
    clusters.stop(clusters.replica)
    try:
        served_by.take()
        for _ in range(2):
            assert client.get(f"/api/v1/listings/{listing_id}").status_code == 200
        assert served_by.take() == [False, False]
    finally:
        clusters.start(clusters.replica)
    wait_for(lambda: on_replica(clusters, listing_id), what="the replica back")
    served_by.take()
    client.get(f"/api/v1/listings/{listing_id}")
    assert served_by.take() == [True]


def test_a_replica_paused_past_the_lag_limit_is_skipped(
    clusters: Clusters, served_by: ServedBy
) -> None:
    rental = rental_over(clusters, max_lag=0.2)
    client = client_of(rental, clusters)
    listing_id = replicated_listing(client, clusters)
    replica = sa.create_engine(clusters.replica.url(), isolation_level="AUTOCOMMIT")
    try:
        with replica.connect() as connection:
            connection.exec_driver_sql("SELECT pg_wal_replay_pause()")
            signup(client, role="host")  # a write the replica receives but does not replay
            lagging = sa.text(
                "SELECT pg_last_wal_receive_lsn() > pg_last_wal_replay_lsn() AND"
                " now() - pg_last_xact_replay_timestamp() > interval '0.3 seconds'"
            )
            wait_for(lambda: connection.execute(lagging).scalar(), what="the replica to lag")
            served_by.take()
            assert client.get(f"/api/v1/listings/{listing_id}").status_code == 200
            assert served_by.take() == [False]
            connection.exec_driver_sql("SELECT pg_wal_replay_resume()")
    finally:
        replica.dispose()
        rental.close()


def test_a_replica_that_dies_under_a_read_costs_no_request(
    clusters: Clusters, served_by: ServedBy, caplog: pytest.LogCaptureFixture
) -> None:
    """The replica is known usable (checked an hour ago, as far as the set knows) when it
    stops: the next search fails on it for a connection reason and is answered by the primary
    in the same request, and the searches after it skip the replica without trying it."""
    rental = bootstrap(
        database_url=clusters.primary.url(), database_replica_urls=[clusters.replica.url()],
        replica_max_lag_seconds=5.0, replica_check_every=3600.0,
        password_hasher=Argon2Hasher(fast=True),
    )  # fmt: skip
    client = client_of(rental, clusters)
    try:
        listing_id = replicated_listing(client, clusters)
        served_by.take()
        search = "/api/v1/listings?city=lisbon&per_page=5"
        for path in (search, f"/api/v1/listings/{listing_id}"):
            assert client.get(path).status_code == 200
        assert served_by.take() == [True, True]  # pooled connections to the replica now
        clusters.stop(clusters.replica)
        caplog.set_level("WARNING", logger="rental.adapters.sqlalchemy.replicas")
        try:
            answers = [client.get(search) for _ in range(3)]
            answers.append(client.get(f"/api/v1/listings/{listing_id}"))
            assert [answer.status_code for answer in answers] == [200] * 4, answers[0].get_json()
            assert all(answer.get_json()["total"] >= 1 for answer in answers[:3])
            assert served_by.take() == [False] * 4
            # Only the first read tried the replica; the others skipped it.
            failed = [r for r in caplog.records if "failed a read" in r.getMessage()]
            assert len(failed) == 1
        finally:
            clusters.start(clusters.replica)
    finally:
        rental.close()
