"""The listing's iCalendar export over HTTP: read by two independent parsers, stable UIDs,
exclusive DTEND, no personal data, the secret token and its rotation, ETag and 304."""

from __future__ import annotations

from datetime import date
from urllib.parse import urlsplit

import icalendar
import ics
from flask import Flask
from flask.testing import FlaskClient

from rental.application import commands as c
from tests.integration.http.conftest import listing_fields, signup

LISTINGS = "/api/v1/listings"


def _feed_path(url: str) -> str:
    parts = urlsplit(url)
    return f"{parts.path}?{parts.query}"


def _host_listing(client: FlaskClient) -> tuple[str, dict[str, str]]:
    _, headers = signup(client, role="host")
    listing = client.post(LISTINGS, json=listing_fields(timezone="Europe/Lisbon"), headers=headers)
    return listing.get_json()["id"], headers


def _book(app: Flask, client: FlaskClient, listing_id: str, check_in: date, check_out: date):
    guest, _ = signup(client)
    return guest, app.extensions["rental"].handle(
        c.RequestBooking(actor=c.Actor(guest["id"], "guest"), listing_id=listing_id,
                         check_in=check_in, check_out=check_out, guests=1)
    )  # fmt: skip


def test_the_feed_lists_bookings_and_blocks_for_both_parsers_and_no_one_in_them(
    rental_app: Flask, client: FlaskClient
) -> None:
    listing_id, headers = _host_listing(client)
    guest, booking = _book(rental_app, client, listing_id, date(2030, 3, 1), date(2030, 3, 4))
    block = {"start": "2030-02-10", "end": "2030-02-12"}
    client.post(f"{LISTINGS}/{listing_id}/blocks", json=block, headers=headers)
    feed = client.get(f"{LISTINGS}/{listing_id}/calendar-feed", headers=headers)
    assert feed.status_code == 200
    url = feed.get_json()["url"]
    assert url.startswith("http://localhost/api/v1/listings/") and "token=" in url

    response = client.get(_feed_path(url))
    assert response.status_code == 200
    assert response.mimetype == "text/calendar"
    body = response.get_data(as_text=True)
    for secret in (guest["id"], guest["username"], guest["email"], booking.id):
        assert secret not in body

    parsed = icalendar.Calendar.from_ical(response.data)
    events = sorted(parsed.walk("VEVENT"), key=lambda e: e.start)
    assert [(e.start, e.end, str(e["SUMMARY"])) for e in events] == [
        (date(2030, 2, 10), date(2030, 2, 12), "Not available"),
        (date(2030, 3, 1), date(2030, 3, 4), "Reserved"),  # DTEND: the departure day
    ]
    assert all(e["DTSTART"].params.get("VALUE") == "DATE" for e in events)
    assert all("DTSTAMP" in e and "LAST-MODIFIED" in e for e in events)

    second = ics.Calendar(body)  # an independent parser reads the same
    by_second = sorted(second.events, key=lambda e: e.begin)
    assert [(e.begin.date(), e.end.date(), e.name, e.all_day) for e in by_second] == [
        (date(2030, 2, 10), date(2030, 2, 12), "Not available", True),
        (date(2030, 3, 1), date(2030, 3, 4), "Reserved", True),
    ]
    assert {e.uid for e in by_second} == {str(e["UID"]) for e in events}

    again = client.get(_feed_path(url))
    assert again.data == response.data  # the same UIDs (and bytes) on every call


def test_a_wrong_missing_or_rotated_token_is_404(client: FlaskClient) -> None:
    listing_id, headers = _host_listing(client)
    before = client.get(f"{LISTINGS}/{listing_id}/calendar.ics?token=anything")
    assert before.status_code == 404  # no feed yet
    url = client.get(f"{LISTINGS}/{listing_id}/calendar-feed", headers=headers).get_json()["url"]
    assert client.get(_feed_path(url)).status_code == 200
    assert client.get(f"{LISTINGS}/{listing_id}/calendar.ics").status_code == 404
    wrong = client.get(f"{LISTINGS}/{listing_id}/calendar.ics?token=wrong")
    assert wrong.status_code == 404 and wrong.mimetype == "application/problem+json"
    assert (
        client.get(f"{LISTINGS}/{listing_id}/calendar-feed", headers=headers).get_json()["url"]
        == url
    )

    rotated = client.post(f"{LISTINGS}/{listing_id}/calendar-feed/rotate", headers=headers)
    assert rotated.status_code == 200
    new_url = rotated.get_json()["url"]
    assert new_url != url
    assert client.get(_feed_path(url)).status_code == 404
    assert client.get(_feed_path(new_url)).status_code == 200


def test_only_the_host_or_an_admin_reads_or_rotates_the_feed(client: FlaskClient) -> None:
    listing_id, _ = _host_listing(client)
    _, other_host = signup(client, role="host")
    _, guest = signup(client)
    for headers in (other_host, guest):
        assert (
            client.get(f"{LISTINGS}/{listing_id}/calendar-feed", headers=headers).status_code == 403
        )
        rotate = client.post(f"{LISTINGS}/{listing_id}/calendar-feed/rotate", headers=headers)
        assert rotate.status_code == 403
    assert client.get(f"{LISTINGS}/{listing_id}/calendar-feed").status_code == 401
    assert client.get(f"{LISTINGS}/nope/calendar-feed", headers=other_host).status_code == 404


def test_etag_and_if_none_match_give_a_304_until_the_calendar_changes(
    rental_app: Flask, client: FlaskClient
) -> None:
    listing_id, headers = _host_listing(client)
    path = _feed_path(
        client.get(f"{LISTINGS}/{listing_id}/calendar-feed", headers=headers).get_json()["url"]
    )
    first = client.get(path)
    etag = first.headers["ETag"]
    assert etag.startswith('"') and "Last-Modified" not in first.headers  # nothing in it yet
    cached = client.get(path, headers={"If-None-Match": etag})
    assert cached.status_code == 304 and cached.data == b""
    _book(rental_app, client, listing_id, date(2030, 3, 1), date(2030, 3, 4))
    changed = client.get(path, headers={"If-None-Match": etag})
    assert changed.status_code == 200 and changed.headers["ETag"] != etag
    assert changed.headers["Last-Modified"]
    assert client.get(path, headers={"If-None-Match": changed.headers["ETag"]}).status_code == 304
    # The calendar's name is in the body (X-WR-CALNAME): renaming the listing changes it.
    client.patch(f"{LISTINGS}/{listing_id}", json={"title": "Renamed"}, headers=headers)
    renamed = client.get(path, headers={"If-None-Match": changed.headers["ETag"]})
    assert renamed.status_code == 200 and b"Renamed" in renamed.data


def test_past_and_dead_bookings_stay_out_and_imported_blocks_only_on_request(
    rental_app: Flask, client: FlaskClient
) -> None:
    rental = rental_app.extensions["rental"]
    listing_id, headers = _host_listing(client)
    _, booking = _book(rental_app, client, listing_id, date(2030, 3, 1), date(2030, 3, 4))
    guest_actor = c.Actor(booking.guest_id, "guest")
    rental.handle(c.CancelBooking(actor=guest_actor, booking_id=booking.id))
    path = _feed_path(
        client.get(f"{LISTINGS}/{listing_id}/calendar-feed", headers=headers).get_json()["url"]
    )
    assert "VEVENT" not in client.get(path).get_data(as_text=True)
    assert client.get(f"{path}&include_imported=1").status_code == 200
    assert client.get(f"{path}&include_imported=maybe").status_code == 422
