"""Data exports (issue 21) over HTTP on SQLite, PostgreSQL and MariaDB, with a real SMTP
server: one job however often (and however simultaneously) it is asked for, built by the
worker's consumer, everything about the user in it and nothing secret, a link that is
someone else's to nobody and stops after 24 hours."""

from __future__ import annotations

import json
import threading
from collections.abc import Iterator
from datetime import UTC, datetime, timedelta
from pathlib import Path
from typing import Any

import pytest
from flask import Flask
from flask.testing import FlaskClient

from rental.adapters.argon2_hasher import Argon2Hasher
from rental.adapters.media.files import FileMediaStore
from rental.composition import Rental, bootstrap
from rental.entrypoints.http import create_app
from tests.events import SmtpInbox, wait_until
from tests.fakes import FakeClock
from tests.integration.http.booking_steps import booked, day, host_with_listing, paid
from tests.integration.http.conftest import listing_fields, signup, test_settings

API = "/api/v1"


class NoPublisher:
    """Leaves committed events in the outbox until the test runs the relay: an export stays
    pending meanwhile, as it does while the worker is busy."""

    def publish(self, events: Any) -> None:
        pass


@pytest.fixture
def app(
    database_url: str, smtp_inbox: SmtpInbox, clock: FakeClock, tmp_path: Path
) -> Iterator[Flask]:
    rental = bootstrap(
        database_url=database_url, clock=clock, password_hasher=Argon2Hasher(fast=True),
        smtp_url=smtp_inbox.url, frontend_url="https://app.rental.test",
        event_publisher=NoPublisher(), media_store=FileMediaStore(tmp_path, now=clock.now),
    )  # fmt: skip
    app = create_app(test_settings(database_url=database_url), rental=rental)
    yield app
    rental.close()


def _deliver(app: Flask) -> None:
    rental: Rental = app.extensions["rental"]
    assert rental.delivery is not None
    rental.delivery.relay.run_once(datetime.now(UTC) + timedelta(hours=1))


def _ask(client: FlaskClient, headers: dict[str, str]) -> Any:
    return client.post(f"{API}/users/me/export", headers=headers)


def test_an_export_asked_twice_or_at_once_is_one_job(app: Flask) -> None:
    client = app.test_client()
    _, headers = signup(client)
    first = _ask(client, headers)
    assert first.status_code == 202, first.get_json()
    body = first.get_json()
    assert body["status"] == "pending" and body["download_url"] is None
    assert first.headers["Location"] == f"/api/v1/users/me/exports/{body['id']}"
    assert _ask(client, headers).get_json()["id"] == body["id"]

    _, other = signup(client)
    barrier, ids = threading.Barrier(4), []

    def ask() -> None:
        barrier.wait()
        answer = _ask(app.test_client(), other)
        assert answer.status_code == 202, answer.get_json()
        ids.append(answer.get_json()["id"])

    threads = [threading.Thread(target=ask) for _ in range(4)]
    for thread in threads:
        thread.start()
    for thread in threads:
        thread.join(timeout=60)
    assert len(ids) == 4 and len(set(ids)) == 1 and ids[0] != body["id"]


def test_an_export_holds_everything_about_its_user_and_its_link_expires(
    app: Flask, clock: FakeClock, smtp_inbox: SmtpInbox, tmp_path: Path
) -> None:
    client = app.test_client()
    zelda, headers = signup(client, "host")
    profile = {"full_name": "Zelda Quintana", "bio": "Keeps bees."}
    assert client.patch(f"{API}/users/me", json=profile, headers=headers).status_code == 200
    mine = client.post(f"{API}/listings", json=listing_fields(), headers=headers).get_json()
    _, _, theirs = host_with_listing(client)
    _, gus = signup(client)
    as_guest = booked(client, headers, theirs["id"], day(clock, 1), day(clock, 2))
    as_host = booked(client, gus, mine["id"], day(clock, 4), day(clock, 5))
    paid(client, headers, as_guest)
    paid(client, gus, as_host)
    asked = client.post(
        f"{API}/listings/{theirs['id']}/inquiries", json={"body": "Is there a crib?"},
        headers=headers,
    )  # fmt: skip
    assert asked.status_code == 201, asked.get_json()

    export_id = _ask(client, headers).get_json()["id"]
    path = f"{API}/users/me/exports/{export_id}"
    assert client.get(path, headers=gus).status_code == 404  # someone else's
    assert client.get(f"{API}/users/me/exports/nope", headers=headers).status_code == 404
    assert client.get(path, headers=headers).get_json()["status"] == "pending"
    _deliver(app)
    ready = client.get(path, headers=headers).get_json()
    assert ready["status"] == "ready", ready
    expires_at = datetime.fromisoformat(ready["expires_at"])
    assert expires_at - clock.now() == timedelta(hours=24)

    download = client.get(ready["download_url"])
    assert download.status_code == 200, download.get_json()
    assert download.headers["Cache-Control"] == "private, no-store"
    assert download.headers["Content-Disposition"].startswith("attachment")
    document = json.loads(download.data)
    tables = document["tables"]
    assert [u["email"] for u in tables["users"]] == [zelda["email"]]
    assert tables["users"][0]["bio"] == "Keeps bees."
    assert {b["id"] for b in tables["bookings"]} == {as_guest, as_host}
    assert {p["booking_id"] for p in tables["payments"]} == {as_guest, as_host}
    assert [x["id"] for x in tables["listings"]] == [mine["id"]]
    assert [m["body"] for m in tables["messages"]] == ["Is there a crib?"]
    assert len(tables["login_sessions"]) == 1 and len(tables["data_exports"]) == 1
    assert {e["host_id"] for e in tables.get("ledger_entries", [])} <= {zelda["id"]}
    for secret in ("password_hash", "refresh_jti", "secret_hash", "$argon2"):
        assert secret not in download.text

    _deliver(app)  # the worker's own event, DataExportReady: the email
    mail = wait_until(
        lambda: [m for m in smtp_inbox.to(zelda["email"]) if "export" in m["Subject"]],
        what="the export-ready email",
    )
    text = mail[0].get_payload(decode=True).decode()
    assert f"https://app.rental.test/account/exports/{export_id}" in text

    forged = ready["download_url"].replace("signature=", "signature=0")
    assert client.get(forged).status_code == 404
    assert client.get(ready["download_url"].split("?")[0]).status_code == 404

    clock.advance(hours=24)
    expired = client.get(path, headers=headers).get_json()
    assert (expired["status"], expired["download_url"]) == ("expired", None)
    assert client.get(ready["download_url"]).status_code == 404
    rental: Rental = app.extensions["rental"]
    assert list(tmp_path.rglob("*.json"))
    assert rental.sweep_uploads() == 1
    assert list(tmp_path.rglob("*.json")) == []
    assert _ask(client, headers).get_json()["id"] != export_id  # a new one may be asked
