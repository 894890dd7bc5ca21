"""The audit log is append-only: PostgreSQL's trigger refuses UPDATE and DELETE of a row even
to the table's owner, and on every database the application writes none (the SQL a
representative run emits is captured and read)."""

from __future__ import annotations

from collections.abc import Iterator
from datetime import UTC, datetime
from typing import Any

import pytest
import sqlalchemy as sa
from flask import Flask
from flask.testing import FlaskClient

from rental.adapters.argon2_hasher import Argon2Hasher
from rental.adapters.sqlalchemy import make_engine
from rental.application.administration.audit import AuditQuery, entry
from rental.composition import bootstrap
from rental.domain.administration.audit import Action
from rental.entrypoints.http import create_app
from tests.databases import sql_uow_factory
from tests.fakes import FakeClock
from tests.integration.http.booking_steps import (
    API,
    admin,
    booked,
    day,
    host_with_listing,
    paid,
    post,
    rental_of,
)
from tests.integration.http.conftest import signup, test_settings


@pytest.fixture
def postgres_engine(postgres_url: str) -> Iterator[sa.Engine]:
    engine = make_engine(postgres_url)
    yield engine
    engine.dispose()


def test_postgres_refuses_to_update_or_delete_an_audit_row_even_for_its_owner(
    postgres_engine: sa.Engine,
) -> None:
    with sql_uow_factory(postgres_engine)() as uow:
        at = datetime(2030, 1, 1, tzinfo=UTC)
        uow.audit.append([entry(Action.DISABLE_USER, "user", "u-1", at=at, reason="fraud")])
        uow.commit()
    with postgres_engine.connect() as connection:
        owner = connection.execute(
            sa.text("SELECT tableowner = current_user FROM pg_tables WHERE tablename = 'audit_log'")
        ).scalar_one()
    assert owner is True  # the refusal below is not for lack of rights
    for statement in ("UPDATE audit_log SET reason = 'nothing happened'", "DELETE FROM audit_log"):
        refused = pytest.raises(sa.exc.DBAPIError, match="audit_log is append-only")
        with refused, postgres_engine.begin() as connection:
            connection.execute(sa.text(statement))
    with postgres_engine.connect() as connection:
        rows = connection.execute(sa.text("SELECT reason FROM audit_log")).all()
    assert rows == [("fraud",)]


@pytest.fixture
def app(database_url: str) -> Iterator[Flask]:
    clock = FakeClock()
    rental = bootstrap(
        database_url=database_url, clock=clock, password_hasher=Argon2Hasher(fast=True)
    )
    yield create_app(test_settings(database_url=database_url), rental=rental)
    rental.close()


@pytest.fixture
def audit_sql() -> Iterator[list[str]]:
    """Every statement the test's engines send that names the audit log (the fixtures'
    clean-up afterwards is not the application's, and is not listened to)."""
    seen: list[str] = []

    def listen(_conn: Any, _cursor: Any, statement: str, *_: Any) -> None:
        if "audit_log" in statement.lower():
            seen.append(" ".join(statement.split()))

    sa.event.listen(sa.Engine, "before_cursor_execute", listen)
    yield seen
    sa.event.remove(sa.Engine, "before_cursor_execute", listen)


def walk_money_and_admin_acts(app: Flask, client: FlaskClient) -> None:
    """A representative run: every movement of money and every admin act the API offers."""
    clock: FakeClock = rental_of(app).dependencies.clock  # type: ignore[assignment]
    host, host_headers, listing = host_with_listing(client)
    _, request_headers, request_listing = host_with_listing(client, instant_book=False)
    _, guest = signup(client, "guest")
    soon = booked(client, guest, listing["id"], day(clock, 6), day(clock, 8))
    paid(client, guest, soon)  # authorization and capture; an admin cancels it below
    later = booked(client, guest, listing["id"], day(clock, 20), day(clock, 22))
    paid(client, guest, later)
    assert post(client, f"/bookings/{later}/cancel", guest).status_code == 200  # refund
    asked = booked(client, guest, request_listing["id"], day(clock, 5), day(clock, 6))
    paid(client, guest, asked)  # authorization only
    assert post(client, f"/bookings/{asked}/decline", request_headers).status_code == 200
    staff = admin(app, client)
    why = {"reason": "a representative run"}
    acts = [
        f"/admin/listings/{request_listing['id']}/unlist",
        f"/admin/listings/{request_listing['id']}/relist",
        f"/admin/bookings/{soon}/cancel",
    ]
    for path in acts:
        body = why | ({"refund_amount": 100} if path.endswith("cancel") else {})
        assert client.post(f"{API}{path}", json=body, headers=staff).status_code == 200, path
    assert client.get(f"{API}/admin/bookings/{soon}/timeline", headers=staff).status_code == 200
    assert client.get(f"{API}/admin/audit?target_id={soon}", headers=staff).status_code == 200
    later_stay = booked(client, guest, listing["id"], day(clock, 2), day(clock, 4))
    paid(client, guest, later_stay)
    clock.advance(days=3)
    rental = rental_of(app)
    disabled = client.post(f"{API}/admin/users/{host['id']}/disable", json=why, headers=staff)
    assert disabled.status_code == 200  # holds the payout of the stay under way
    released = client.post(
        f"{API}/admin/users/{host['id']}/release-payouts", json=why, headers=staff
    )
    assert released.get_json() == {"released": 3}  # the refunded ones too
    assert (
        client.post(f"{API}/admin/users/{host['id']}/enable", json=why, headers=staff).status_code
        == 200
    )
    assert rental.pay_hosts() == {"paid": 1, "cancelled": 0}
    assert client.get(f"{API}/users/me", headers=host_headers).status_code == 401


def test_the_application_writes_audit_rows_and_never_changes_or_removes_one(
    app: Flask, audit_sql: list[str]
) -> None:
    walk_money_and_admin_acts(app, app.test_client())
    verbs = {statement.split()[0].upper() for statement in audit_sql}
    assert "INSERT" in verbs
    assert not verbs & {"UPDATE", "DELETE", "TRUNCATE", "REPLACE", "ALTER", "DROP"}, audit_sql
    with rental_of(app).dependencies.uow_factory() as uow:
        actions = [e.action for e in reversed(uow.audit.page(AuditQuery(), 100))]
    money = {"authorization", "capture", "refund", "void", "hold_payout", "release_payout"}
    acts = {"unlist_listing", "relist_listing", "cancel_booking", "disable_user", "enable_user"}
    assert money | acts | {"payout"} <= set(actions)
