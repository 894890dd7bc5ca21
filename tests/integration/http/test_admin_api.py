"""Administration over HTTP: only admins, a reason on every act, refunds within what was
captured, one refund however many cancellations race, and each act in the audit log."""

from __future__ import annotations

import threading
from typing import Any

import pytest
from flask import Flask
from flask.testing import FlaskClient

from tests.fakes import FakeClock
from tests.integration.http.booking_steps import (
    API,
    admin,
    booked,
    day,
    get,
    host_with_listing,
    paid,
    rental_of,
)
from tests.integration.http.conftest import signup

REASON = {"reason": "reported by the guest"}
# Every admin endpoint, with a body an admin could send; the ids need not exist.
ENDPOINTS: list[tuple[str, str, dict[str, Any] | None]] = [
    ("GET", "/admin/users?q=a", None),
    ("POST", "/admin/users/u-1/disable", REASON),
    ("POST", "/admin/users/u-1/enable", REASON),
    ("POST", "/admin/users/u-1/release-payouts", REASON),
    ("POST", "/admin/listings/l-1/unlist", REASON),
    ("POST", "/admin/listings/l-1/relist", REASON),
    ("POST", "/admin/reviews/r-1/hide", REASON),
    ("POST", "/admin/reviews/r-1/unhide", REASON),
    ("POST", "/admin/bookings/b-1/cancel", REASON | {"refund_amount": 0}),
    ("GET", "/admin/bookings/b-1/timeline", None),
    ("GET", "/admin/threads/t-1/messages?reason=dispute", None),
    ("GET", "/admin/audit", None),
]
ACTS = [(path, body) for method, path, body in ENDPOINTS if method == "POST"]


def call(
    client: FlaskClient, method: str, path: str, headers: dict[str, str], body: Any = None
) -> Any:
    return client.open(f"{API}{path}", method=method, json=body, headers=headers)


def test_the_admin_endpoints_are_in_the_document_with_their_errors(
    memory_client: FlaskClient,
) -> None:
    document = memory_client.get(f"{API}/openapi.json").get_json()
    for method, path, _ in ENDPOINTS:
        template = path.split("?")[0]
        for name, value in (("u-1", "{user_id}"), ("b-1", "{booking_id}"), ("t-1", "{thread_id}"),
                            ("l-1", "{target_id}"), ("r-1", "{target_id}")):  # fmt: skip
            template = template.replace(name, value)
        operation = document["paths"][template][method.lower()]
        assert {"401", "403"} <= set(operation["responses"]), template


def test_anyone_but_an_admin_gets_403_on_every_admin_endpoint_and_nobody_401(
    memory_app: Flask, memory_client: FlaskClient
) -> None:
    client = memory_client
    _, guest = signup(client, "guest")
    _, host = signup(client, "host")
    for method, path, body in ENDPOINTS:
        for headers in (guest, host):
            answer = call(client, method, path, headers, body)
            assert answer.status_code == 403, (path, answer.get_json())
            assert answer.content_type == "application/problem+json"
        assert call(client, method, path, {}, body).status_code == 401, path
    # The same with ids that exist: the answer tells nothing more.
    _, _, listing = host_with_listing(client)
    answer = call(client, "POST", f"/admin/listings/{listing['id']}/unlist", guest, REASON)
    assert answer.status_code == 403
    assert get(client, f"/listings/{listing['id']}").get_json()["listed"] is True


@pytest.mark.parametrize(("path", "body"), ACTS)
def test_a_reason_is_required_and_at_most_500_characters(
    memory_app: Flask, memory_client: FlaskClient, path: str, body: dict[str, Any]
) -> None:
    headers = admin(memory_app, memory_client)
    for reason in (None, "", "   ", "x" * 501):
        sent = {k: v for k, v in body.items() if k != "reason"}
        if reason is not None:
            sent["reason"] = reason
        answer = call(memory_client, "POST", path, headers, sent)
        assert answer.status_code == 422, (path, reason, answer.get_json())
        assert "reason" in answer.get_json()["errors"]
    with_longest = body | {"reason": "x" * 500}
    assert call(memory_client, "POST", path, headers, with_longest).status_code == 404


def test_a_thread_read_for_a_dispute_needs_its_reason_too(
    memory_app: Flask, memory_client: FlaskClient
) -> None:
    headers = admin(memory_app, memory_client)
    for query in ("", "?reason=", f"?reason={'x' * 501}"):
        answer = call(memory_client, "GET", f"/admin/threads/t-1/messages{query}", headers)
        assert answer.status_code == 422, query
    assert (
        call(memory_client, "GET", "/admin/threads/t-1/messages?reason=x", headers).status_code
        == 404
    )


def paid_stay(client: FlaskClient, clock: FakeClock, start: int = 10) -> tuple[str, dict[str, Any]]:
    _, _, listing = host_with_listing(client)
    _, guest = signup(client, "guest")
    booking = booked(client, guest, listing["id"], day(clock, start), day(clock, start + 2))
    return booking, paid(client, guest, booking)


def test_a_refund_above_what_was_captured_or_below_0_is_refused_and_changes_nothing(
    rental_app: Flask, client: FlaskClient, clock: FakeClock
) -> None:
    headers = admin(rental_app, client)
    booking, payment = paid_stay(client, clock)
    path = f"/admin/bookings/{booking}/cancel"
    for refund in (payment["amount"] + 1, -1, 1.5, "10", True):
        answer = call(client, "POST", path, headers, REASON | {"refund_amount": refund})
        assert answer.status_code == 422, (refund, answer.get_json())
        assert "refund_amount" in answer.get_json()["errors"]
    assert get(client, f"/bookings/{booking}", headers).get_json()["status"] == "confirmed"
    entries = call(client, "GET", f"/admin/audit?target_id={booking}", headers).get_json()
    assert entries["items"] == []


def test_a_full_refund_is_allowed_and_a_second_cancellation_is_409(
    rental_app: Flask, client: FlaskClient, clock: FakeClock
) -> None:
    headers = admin(rental_app, client)
    booking, payment = paid_stay(client, clock)
    path = f"/admin/bookings/{booking}/cancel"
    body = REASON | {"refund_amount": payment["amount"]}
    assert call(client, "POST", path, headers, body).status_code == 200
    assert call(client, "POST", path, headers, body).status_code == 409
    refunded = get(client, f"/payments/{payment['id']}", headers).get_json()
    assert (refunded["status"], refunded["refunded_amount"]) == ("refunded", payment["amount"])


def test_the_same_idempotency_key_answers_the_first_cancellation_and_refunds_once(
    rental_app: Flask, client: FlaskClient, clock: FakeClock
) -> None:
    headers = admin(rental_app, client) | {"Idempotency-Key": "cancel-1"}
    booking, payment = paid_stay(client, clock)
    path = f"/admin/bookings/{booking}/cancel"
    body = REASON | {"refund_amount": 1000}
    first = call(client, "POST", path, headers, body)
    again = call(client, "POST", path, headers, body)
    assert first.status_code == again.status_code == 200
    assert first.get_json() == again.get_json()
    assert call(client, "POST", path, headers, body | {"refund_amount": 5}).status_code == 409
    refunded = get(client, f"/payments/{payment['id']}", headers).get_json()
    assert refunded["refunded_amount"] == 1000


def test_two_admins_cancelling_at_once_refund_once(
    rental_app: Flask, client: FlaskClient, clock: FakeClock
) -> None:
    """On PostgreSQL the two requests run at once; the booking's row lock lets one cancel
    and the other find it cancelled."""
    admins = [admin(rental_app, client) for _ in range(2)]
    booking, payment = paid_stay(client, clock)
    path = f"{API}/admin/bookings/{booking}/cancel"
    body = REASON | {"refund_amount": 3000}
    start = threading.Barrier(2)
    answers: list[int] = []

    def cancel(headers: dict[str, str]) -> None:
        own = rental_app.test_client()
        start.wait()
        answers.append(own.post(path, json=body, headers=headers).status_code)

    threads = [threading.Thread(target=cancel, args=(h,)) for h in admins]
    for thread in threads:
        thread.start()
    for thread in threads:
        thread.join()
    assert sorted(answers) == [200, 409]
    refunded = get(client, f"/payments/{payment['id']}", admins[0]).get_json()
    assert refunded["refunded_amount"] == 3000
    refunds = call(
        client, "GET", f"/admin/audit?target_id={payment['id']}&action=refund", admins[0]
    )
    assert len(refunds.get_json()["items"]) == 1
    with rental_of(rental_app).dependencies.uow_factory() as uow:
        reasons = [e.reason for e in uow.ledger.for_booking(booking)]
    assert reasons.count("refund") == 2  # the host's and the platform's share, once


def test_admins_find_accounts_disable_and_enable_them(
    rental_app: Flask, client: FlaskClient
) -> None:
    headers = admin(rental_app, client)
    user, own = signup(client, "guest")
    found = call(client, "GET", f"/admin/users?q={user['username'].upper()}", headers).get_json()
    assert [u["id"] for u in found["items"]] == [user["id"]] and found["total"] == 1
    assert "password_hash" not in found["items"][0]
    assert call(client, "GET", "/admin/users?q=%25", headers).get_json()["total"] == 0
    disabled = call(client, "POST", f"/admin/users/{user['id']}/disable", headers, REASON)
    assert disabled.status_code == 200, disabled.get_json()
    assert disabled.get_json()["after"]["disabled_at"] is not None
    assert get(client, "/users/me", own).status_code == 401
    enabled = call(client, "POST", f"/admin/users/{user['id']}/enable", headers, REASON)
    assert enabled.get_json()["before"]["disabled_at"] is not None
    assert enabled.get_json()["after"]["disabled_at"] is None
    assert get(client, "/users/me", own).status_code == 401  # old tokens stay void
    login = {"email": user["email"], "password": "correct horse battery"}
    assert client.post(f"{API}/auth/login", json=login).status_code == 200
    missing = call(client, "POST", "/admin/users/nobody/disable", headers, REASON)
    assert missing.status_code == 404


def test_the_audit_log_pages_by_cursor_and_filters(rental_app: Flask, client: FlaskClient) -> None:
    headers = admin(rental_app, client)
    user, _ = signup(client, "guest")
    for act in ("disable", "enable", "disable"):
        call(client, "POST", f"/admin/users/{user['id']}/{act}", headers, REASON)
    path = f"/admin/audit?target_id={user['id']}&per_page=2"
    first = call(client, "GET", path, headers).get_json()
    assert [e["action"] for e in first["items"]] == ["disable_user", "enable_user"]
    second = call(client, "GET", f"{path}&cursor={first['next_cursor']}", headers).get_json()
    assert [e["action"] for e in second["items"]] == ["disable_user"]
    assert second["next_cursor"] is None
    only = call(client, "GET", f"/admin/audit?target_id={user['id']}&action=enable_user", headers)
    assert len(only.get_json()["items"]) == 1
    assert call(client, "GET", "/admin/audit?cursor=nonsense", headers).status_code == 422
    assert call(client, "GET", "/admin/audit?action=nonsense", headers).status_code == 422


def test_an_admin_cannot_act_on_a_deleted_account(rental_app: Flask, client: FlaskClient) -> None:
    headers = admin(rental_app, client)
    user, own = signup(client, "host")
    gone = client.delete(
        f"{API}/users/me", json={"current_password": "correct horse battery"}, headers=own
    )
    assert gone.status_code == 204, gone.get_json()
    for act in ("disable", "enable", "release-payouts"):
        answer = call(client, "POST", f"/admin/users/{user['id']}/{act}", headers, REASON)
        assert answer.status_code == 409, (act, answer.get_json())
        assert "deleted" in answer.get_json()["detail"]
    assert call(client, "GET", f"/admin/audit?target_id={user['id']}", headers).get_json() == {
        "items": [],
        "next_cursor": None,
    }
