"""Imported calendars over HTTP: create, list, sync, delete, who may; and a round trip, listing
A's export imported into listing B through a real server, after which B's nights match A's."""

from __future__ import annotations

import threading
from collections.abc import Iterator
from datetime import date, timedelta

import pytest
import requests
from flask import Flask
from flask.testing import FlaskClient
from werkzeug.serving import make_server

from rental.adapters.argon2_hasher import Argon2Hasher
from rental.adapters.ical.fetcher import SafeFeedFetcher
from rental.application import commands as c
from rental.composition import MEMORY_URL, bootstrap
from rental.entrypoints.http import create_app
from tests.feeds import FeedServer, airbnb
from tests.integration.http.conftest import PASSWORD, listing_fields, signup, test_settings

LISTINGS = "/api/v1/listings"


@pytest.fixture
def app(database_url_or_memory: str, clock: object) -> Iterator[Flask]:
    rental = bootstrap(
        database_url=database_url_or_memory, clock=clock, password_hasher=Argon2Hasher(fast=True),
        calendar_fetcher=SafeFeedFetcher(allow_private_networks=True),
    )  # fmt: skip
    yield create_app(test_settings(database_url=database_url_or_memory), rental=rental)
    rental.close()


@pytest.fixture
def web(app: Flask) -> FlaskClient:
    return app.test_client()


def _listing(web: FlaskClient) -> tuple[str, dict[str, str]]:
    _, headers = signup(web, role="host")
    created = web.post(LISTINGS, json=listing_fields(timezone="Europe/Lisbon"), headers=headers)
    return created.get_json()["id"], headers


def test_a_host_imports_lists_syncs_and_deletes_a_calendar(
    web: FlaskClient, feed_server: FeedServer
) -> None:
    listing_id, headers = _listing(web)
    url = feed_server.serve("/a.ics", airbnb(("r1", date(2030, 1, 5), date(2030, 1, 8), True)))
    imports = f"{LISTINGS}/{listing_id}/calendar-imports"
    created = web.post(imports, json={"name": "Airbnb", "url": url}, headers=headers)
    assert created.status_code == 201, created.get_json()
    body = created.get_json()
    assert created.headers["Location"].endswith(f"{imports}/{body['id']}")
    assert (
        body["status"] == "pending" and body["last_synced_at"] is None and body["conflicts"] == []
    )

    queued = web.post(f"{imports}/{body['id']}/sync", headers=headers)
    # Queued: the answer is the import as it was; without Redis the server's own relay has
    # synced it by the time the answer is read (with Redis, the worker does, seconds later).
    assert queued.status_code == 202 and queued.get_json()["status"] == "pending"
    assert queued.headers["Location"].endswith(f"{imports}/{body['id']}")
    synced = web.get(f"{imports}/{body['id']}", headers=headers)
    assert synced.get_json()["status"] == "ok" and synced.get_json()["last_synced_at"]
    availability = web.get(f"{LISTINGS}/{listing_id}/availability?from=2030-01-01&to=2030-02-01")
    assert availability.get_json()["unavailable"] == [
        {"start": "2030-01-05", "end": "2030-01-08", "reason": "blocked"}
    ]
    listed = web.get(imports, headers=headers).get_json()
    assert listed["total"] == 1 and listed["items"][0]["id"] == body["id"]
    assert web.get(f"{imports}/{body['id']}", headers=headers).status_code == 200

    feed_server.serve("/a.ics", b"not a calendar")
    assert web.post(f"{imports}/{body['id']}/sync", headers=headers).status_code == 202
    failed = web.get(f"{imports}/{body['id']}", headers=headers).get_json()
    assert failed["status"] == "failed" and "not an iCalendar" in failed["last_error"]
    still = web.get(f"{LISTINGS}/{listing_id}/availability?from=2030-01-01&to=2030-02-01")
    assert still.get_json() == availability.get_json()

    assert web.delete(f"{imports}/{body['id']}", headers=headers).status_code == 204
    freed = web.get(f"{LISTINGS}/{listing_id}/availability?from=2030-01-01&to=2030-02-01")
    assert freed.get_json()["unavailable"] == []
    assert web.get(f"{imports}/{body['id']}", headers=headers).status_code == 404


def test_only_the_host_or_an_admin_may_touch_a_listings_imports(
    app: Flask, web: FlaskClient, feed_server: FeedServer
) -> None:
    listing_id, headers = _listing(web)
    imports = f"{LISTINGS}/{listing_id}/calendar-imports"
    url = feed_server.serve("/a.ics", airbnb())
    import_id = web.post(imports, json={"name": "A", "url": url}, headers=headers).get_json()["id"]
    _, other = signup(web, role="host")
    _, guest = signup(web)
    for who in (other, guest):
        assert web.get(imports, headers=who).status_code == 403
        assert web.post(imports, json={"name": "B", "url": url}, headers=who).status_code == 403
        assert web.post(f"{imports}/{import_id}/sync", headers=who).status_code == 403
        assert web.delete(f"{imports}/{import_id}", headers=who).status_code == 403
    assert web.get(imports).status_code == 401
    assert feed_server.requests == []  # nobody else's request fetched anything
    # An import is found only under its own listing.
    other_listing = web.post(LISTINGS, json=listing_fields(), headers=other).get_json()["id"]
    elsewhere = f"{LISTINGS}/{other_listing}/calendar-imports/{import_id}"
    assert web.get(elsewhere, headers=other).status_code == 404
    assert web.post(f"{elsewhere}/sync", headers=other).status_code == 404
    assert web.delete(elsewhere, headers=other).status_code == 404
    rental = app.extensions["rental"]
    admin = rental.handle(
        c.CreateAdmin(username="root", email="root@example.com", password=PASSWORD)
    )
    assert admin.role == "admin"
    token = web.post("/api/v1/auth/login", json={"email": "root@example.com", "password": PASSWORD})
    as_admin = {"Authorization": f"Bearer {token.get_json()['access_token']}"}
    assert web.get(imports, headers=as_admin).get_json()["total"] == 1


@pytest.mark.parametrize(
    "body",
    [
        {"name": "Airbnb", "url": "ftp://example.com/a.ics"},
        {"name": "Airbnb", "url": "file:///etc/passwd"},
        {"name": "", "url": "https://example.com/a.ics"},
        {"name": "Line\nbreak", "url": "https://example.com/a.ics"},
        {"name": "Airbnb"},
        {"name": "Airbnb", "url": "https://example.com/a.ics", "extra": 1},
        {"name": "Airbnb", "url": "https://example.com/" + "a" * 2000},
    ],
)
def test_bad_imports_are_422_and_record_nothing(web: FlaskClient, body: dict[str, object]) -> None:
    listing_id, headers = _listing(web)
    imports = f"{LISTINGS}/{listing_id}/calendar-imports"
    response = web.post(imports, json=body, headers=headers)
    assert response.status_code == 422 and response.mimetype == "application/problem+json"
    assert web.get(imports, headers=headers).get_json()["total"] == 0


def test_an_imported_block_cannot_be_deleted_by_hand(
    web: FlaskClient, feed_server: FeedServer
) -> None:
    listing_id, headers = _listing(web)
    url = feed_server.serve("/a.ics", airbnb(("r1", date(2030, 1, 5), date(2030, 1, 8), True)))
    imports = f"{LISTINGS}/{listing_id}/calendar-imports"
    import_id = web.post(imports, json={"name": "A", "url": url}, headers=headers).get_json()["id"]
    web.post(f"{imports}/{import_id}/sync", headers=headers)
    rental = web.application.extensions["rental"]
    [entry] = rental.reads.availability(listing_id, date(2030, 1, 1), date(2030, 2, 1))
    response = web.delete(f"{LISTINGS}/{listing_id}/blocks/{entry.holder_id}", headers=headers)
    assert response.status_code == 409 and "import" in response.get_json()["detail"]


@pytest.fixture
def served() -> Iterator[tuple[FlaskClient, str]]:
    """The app behind a real HTTP server on 127.0.0.1, so that it can fetch its own feeds."""
    rental = bootstrap(
        database_url=MEMORY_URL, password_hasher=Argon2Hasher(fast=True),
        calendar_fetcher=SafeFeedFetcher(allow_private_networks=True),
    )  # fmt: skip
    app = create_app(test_settings(), rental=rental)
    server = make_server("127.0.0.1", 0, app, threaded=True)
    thread = threading.Thread(target=server.serve_forever, daemon=True)
    thread.start()
    yield app.test_client(), f"http://127.0.0.1:{server.server_port}"
    server.shutdown()
    rental.close()


def test_round_trip_listing_as_export_imported_into_listing_b_gives_b_as_nights(
    served: tuple[FlaskClient, str],
) -> None:
    web, base = served
    a, headers = _listing(web)
    b = web.post(LISTINGS, json=listing_fields(timezone="Asia/Tokyo"), headers=headers)
    b_id = b.get_json()["id"]
    today = date.today()  # this app runs on the system clock

    def day(n: int) -> str:
        return (today + timedelta(days=n)).isoformat()

    for start, end in ((3, 6), (40, 41)):
        web.post(f"{LISTINGS}/{a}/blocks", json={"start": day(start), "end": day(end)},
                 headers=headers)  # fmt: skip
    guest, _ = signup(web)
    rental = web.application.extensions["rental"]
    rental.handle(
        c.RequestBooking(actor=c.Actor(guest["id"], "guest"), listing_id=a,
                         check_in=today + timedelta(days=20), check_out=today + timedelta(days=23),
                         guests=1)
    )  # fmt: skip
    feed = requests.get(f"{base}{LISTINGS}/{a}/calendar-feed", headers=headers, timeout=10)
    export_url = feed.json()["url"]
    assert export_url.startswith(base)
    imports = f"{LISTINGS}/{b_id}/calendar-imports"
    import_id = web.post(
        imports, json={"name": "A", "url": export_url}, headers=headers
    ).get_json()["id"]
    queued = requests.post(f"{base}{imports}/{import_id}/sync", headers=headers, timeout=30)
    assert queued.status_code == 202
    synced = requests.get(f"{base}{imports}/{import_id}", headers=headers, timeout=10)
    assert synced.json()["status"] == "ok", synced.json()

    def nights(listing_id: str) -> list[tuple[str, str]]:
        window = f"from={day(0)}&to={day(365)}"
        entries = web.get(f"{LISTINGS}/{listing_id}/availability?{window}").get_json()[
            "unavailable"
        ]
        return [(e["start"], e["end"]) for e in entries]

    assert nights(b_id) == nights(a) == [(day(3), day(6)), (day(20), day(23)), (day(40), day(41))]
    # B's export leaves out what it imported (no echo back to A), unless asked.
    b_feed = web.get(f"{LISTINGS}/{b_id}/calendar-feed", headers=headers).get_json()["url"]
    path = b_feed.removeprefix("http://localhost")
    assert "VEVENT" not in web.get(path).get_data(as_text=True)
    assert web.get(f"{path}&include_imported=1").get_data(as_text=True).count("BEGIN:VEVENT") == 3


@pytest.mark.redis
def test_syncs_asked_for_are_limited_per_listing_across_processes(
    sqlite_url: str, redis_url: str, redis_namespace: str, feed_server: FeedServer
) -> None:
    # Two apps stand for two server processes sharing one database and one Redis.
    def server() -> FlaskClient:
        rental = bootstrap(
            database_url=sqlite_url,
            password_hasher=Argon2Hasher(fast=True),
            redis_url=redis_url,
            redis_namespace=redis_namespace,
        )
        settings = test_settings(
            database_url=sqlite_url, redis_url=redis_url, redis_namespace=redis_namespace
        )
        return create_app(settings, rental=rental).test_client()

    first, second = server(), server()
    listing_id, headers = _listing(first)
    imports = f"{LISTINGS}/{listing_id}/calendar-imports"
    url = feed_server.serve("/a.ics", airbnb())
    made = [first.post(imports, json={"name": n, "url": url}, headers=headers) for n in "AB"]
    a, b = (f"{imports}/{m.get_json()['id']}/sync" for m in made)
    answers = [
        first.post(a, headers=headers),
        second.post(b, headers=headers),
        second.post(a, headers=headers),
    ]
    assert [r.status_code for r in answers] == [202, 202, 202]
    limited = first.post(b, headers=headers)
    assert limited.status_code == 429, limited.get_json()
    assert limited.headers["Content-Type"] == "application/problem+json"
    assert 1 <= int(limited.headers["Retry-After"]) <= 300
    assert (
        "At most 3 syncs of this listing's calendars every 5 minutes"
        in (limited.get_json()["detail"])
    )
    assert second.post(a, headers=headers).status_code == 429
    # Another listing of the same host has its own count.
    other = first.post(LISTINGS, json=listing_fields(), headers=headers).get_json()["id"]
    elsewhere = f"{LISTINGS}/{other}/calendar-imports"
    made_there = first.post(elsewhere, json={"name": "C", "url": url}, headers=headers)
    there = f"{elsewhere}/{made_there.get_json()['id']}/sync"
    assert second.post(there, headers=headers).status_code == 202
    assert feed_server.requests == []  # queued for the worker: no server fetched anything
