"""A dispute walked through on each database: the guest reports, an admin reads the thread
and the booking's timeline, cancels with a partial refund and hides a review; every act and
every movement of money is an audit row naming the admin, the reason and the request."""

from __future__ import annotations

from typing import Any

import pytest
from flask import Flask
from flask.testing import FlaskClient

from rental.composition import MEMORY_URL
from tests.fakes import FakeClock
from tests.integration.http.booking_steps import (
    API,
    admin,
    book,
    booked,
    day,
    get,
    host_with_listing,
    paid,
)
from tests.integration.http.conftest import signup


@pytest.fixture(
    params=[
        pytest.param("memory", id="memory"),
        pytest.param("sqlite_url", id="sqlite"),
        pytest.param("postgres_url", id="postgres", marks=pytest.mark.postgres),
        pytest.param("mariadb_url", id="mariadb", marks=pytest.mark.mariadb),
    ]
)
def database_url_or_memory(request: pytest.FixtureRequest) -> str:
    """The three databases here, MariaDB included, and memory."""
    if request.param == "memory":
        return MEMORY_URL
    url: str = request.getfixturevalue(request.param)
    return url


def audit(client: FlaskClient, headers: dict[str, str], **filters: str) -> list[dict[str, Any]]:
    """The matching entries, oldest first."""
    query = "&".join(f"{k}={v}" for k, v in filters.items())
    answer = client.get(f"{API}/admin/audit?{query}", headers=headers)
    assert answer.status_code == 200, answer.get_json()
    return list(reversed(answer.get_json()["items"]))


def test_a_dispute_from_report_to_refund(
    rental_app: Flask, client: FlaskClient, clock: FakeClock
) -> None:
    host, host_headers, listing = host_with_listing(client, city="Faro")
    _, guest = signup(client, "guest")
    staff = admin(rental_app, client)
    staff_id = get(client, "/users/me", staff).get_json()["id"]
    earlier = booked(client, guest, listing["id"], day(clock, 1), day(clock, 2))
    paid(client, guest, earlier)
    disputed = booked(client, guest, listing["id"], day(clock, 5), day(clock, 8))
    payment = paid(client, guest, disputed)
    clock.advance(days=2)
    subs = {"cleanliness": 1, "accuracy": 2}
    review = client.post(
        f"{API}/bookings/{earlier}/review",
        json={"rating": 2, "comment": "Dirty.", **subs},
        headers=guest,
    ).get_json()
    client.post(f"{API}/bookings/{earlier}/guest-review", json={"rating": 4}, headers=host_headers)
    shown = get(client, f"/listings/{listing['id']}").get_json()
    assert (shown["rating_average"], shown["review_count"]) == (2.0, 1)

    # The guest reports: a message to the host, which staff read.
    report = "Locked out on arrival; call me on +44 20 7946 0958"
    thread = client.post(
        f"{API}/listings/{listing['id']}/inquiries", json={"body": report}, headers=guest
    ).get_json()
    read = client.get(
        f"{API}/admin/threads/{thread['id']}/messages?reason=dispute+{disputed}",
        headers=staff | {"X-Request-ID": "req-read"},
    )
    assert read.status_code == 200, read.get_json()
    assert [(m["body"], m["redacted"]) for m in read.get_json()["items"]] == [(report, False)]
    (was_read,) = audit(client, staff, target_id=thread["id"])
    assert (was_read["action"], was_read["actor_id"], was_read["actor_role"]) == (
        "read_thread",
        staff_id,
        "admin",
    )
    assert (was_read["reason"], was_read["request_id"]) == (f"dispute {disputed}", "req-read")
    assert client.post(
        f"{API}/threads/{thread['id']}/messages", json={"body": "x"}, headers=staff
    ).status_code in (403, 404)  # read-only

    # The timeline so far: the booking's events, its ledger, its money's audit rows.
    timeline = get(client, f"/admin/bookings/{disputed}/timeline", staff).get_json()["items"]
    kinds = [(i["source"], i["kind"]) for i in timeline]
    assert kinds[0] == ("event", "BookingRequested")
    assert {
        ("event", "PaymentCaptured"),
        ("ledger", "capture"),
        ("audit", "authorization"),
        ("audit", "capture"),
    } <= set(kinds)
    assert [i["at"] for i in timeline] == sorted(i["at"] for i in timeline)
    assert all(
        set(i) == {"at", "source", "kind", "actor_id", "actor_role", "data"} for i in timeline
    )

    # A partial refund: 50.00 of what was captured.
    cancelled = client.post(
        f"{API}/admin/bookings/{disputed}/cancel",
        json={"reason": "host locked the guest out", "refund_amount": 5000},
        headers=staff | {"X-Request-ID": "req-cancel"},
    )
    assert cancelled.status_code == 200, cancelled.get_json()
    act = cancelled.get_json()
    assert (act["action"], act["target_id"], act["reason"]) == (
        "cancel_booking",
        disputed,
        "host locked the guest out",
    )
    assert act["before"]["status"] == "confirmed"
    assert act["after"] == {"status": "cancelled", "cancelled_by": "admin", "refund_amount": 5000}
    booking = get(client, f"/bookings/{disputed}", guest).get_json()
    assert (booking["status"], booking["cancelled_by"], booking["refund_amount"]) == (
        "cancelled",
        "admin",
        5000,
    )
    money = get(client, f"/payments/{payment['id']}", guest).get_json()
    assert (money["status"], money["refunded_amount"]) == ("partially_refunded", 5000)
    (refund,) = audit(client, staff, target_id=payment["id"], action="refund")
    assert (refund["actor_id"], refund["request_id"]) == (staff_id, "req-cancel")
    assert refund["after"]["refunded"] == 5000
    again = get(client, f"/admin/bookings/{disputed}/timeline", staff).get_json()["items"]
    later = [(i["source"], i["kind"]) for i in again]
    assert {
        ("event", "BookingCancelled"),
        ("ledger", "refund"),
        ("audit", "refund"),
        ("audit", "cancel_booking"),
    } <= set(later)
    payouts = get(client, "/payouts", host_headers).get_json()["items"]
    (owed,) = [p for p in payouts if p["booking_id"] == disputed]
    assert owed["amount"] < payment["amount"] - 5000  # the host's share, less its part of it

    # The review leaves the averages and the lists; its author still sees it.
    hidden = client.post(
        f"{API}/admin/reviews/{review['id']}/hide", json={"reason": "abusive"}, headers=staff
    ).get_json()
    assert (hidden["action"], hidden["before"]["hidden_at"]) == ("hide_review", None)
    assert hidden["after"]["hidden_at"] is not None
    shown = get(client, f"/listings/{listing['id']}").get_json()
    assert (shown["rating_average"], shown["review_count"]) == (None, 0)
    assert shown["sub_rating_averages"]["cleanliness"] is None
    assert get(client, f"/listings/{listing['id']}/reviews").get_json()["total"] == 0
    assert get(client, f"/bookings/{earlier}/review", guest).status_code == 200
    assert get(client, f"/bookings/{earlier}/review", host_headers).status_code == 404
    client.post(
        f"{API}/admin/reviews/{review['id']}/unhide", json={"reason": "appeal"}, headers=staff
    )
    shown = get(client, f"/listings/{listing['id']}").get_json()
    assert (shown["rating_average"], shown["review_count"]) == (2.0, 1)

    mine = audit(client, staff, actor_id=staff_id)
    assert [e["action"] for e in mine] == [
        "read_thread",
        "cancel_booking",
        "refund",
        "hide_review",
        "unhide_review",
    ]
    assert all(e["actor_role"] == "admin" for e in mine)
    assert host["id"] not in {e["actor_id"] for e in mine}


def test_an_unlisted_listing_leaves_search_takes_no_booking_and_stays_unlisted(
    rental_app: Flask, client: FlaskClient, clock: FakeClock
) -> None:
    _, host, listing = host_with_listing(client, city="Evora")
    _, guest = signup(client, "guest")
    staff = admin(rental_app, client)
    path = f"{API}/admin/listings/{listing['id']}"
    unlisted = client.post(f"{path}/unlist", json={"reason": "fake photos"}, headers=staff)
    assert unlisted.get_json()["after"] == {"listed": False, "suspended": True}
    assert get(client, "/listings?city=Evora").get_json()["total"] == 0
    assert book(client, guest, listing["id"], day(clock, 3), day(clock, 4)).status_code == 404
    relist = client.patch(f"{API}/listings/{listing['id']}", json={"listed": True}, headers=host)
    assert relist.status_code == 403, relist.get_json()
    assert client.post(f"{path}/relist", json={"reason": "fixed"}, headers=staff).status_code == 200
    assert get(client, "/listings?city=Evora").get_json()["total"] == 1
    assert book(client, guest, listing["id"], day(clock, 3), day(clock, 4)).status_code == 201
