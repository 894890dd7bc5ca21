"""Disabling a host: their listings leave the market, their stays not yet begun are cancelled
with full refunds, a stay under way goes on, and their payouts wait for an admin."""

from __future__ import annotations

import pytest
from flask import Flask
from flask.testing import FlaskClient

from rental.application.administration.audit import AuditQuery
from rental.application.commands import CancelStayOfDisabledHost
from rental.application.disabling import Account
from rental.domain.errors import TransitionNotAllowed
from tests.fakes import FakeClock
from tests.integration.graphql.steps import REQUEST_BOOKING, codes, gql
from tests.integration.http.booking_steps import (
    book,
    booked,
    day,
    get,
    host_with_listing,
    paid,
    rental_of,
)
from tests.integration.http.conftest import signup


def test_a_disabled_host_sells_nothing_more_and_is_paid_only_when_released(
    rental_app: Flask, client: FlaskClient, clock: FakeClock
) -> None:
    host, _, listing = host_with_listing(client, city="Porto")
    _, guest = signup(client, "guest")
    under_way = booked(client, guest, listing["id"], day(clock, 1), day(clock, 4))
    paid(client, guest, under_way)
    upcoming = booked(client, guest, listing["id"], day(clock, 10), day(clock, 12))
    payment = paid(client, guest, upcoming)
    clock.advance(days=2)  # the first stay is under way; its payout is due tomorrow
    held = booked(client, guest, listing["id"], day(clock, 20), day(clock, 22))  # unpaid
    rental = rental_of(rental_app)

    done = rental.disable_account(Account(reason="fraud", email=host["email"]))
    assert set(done.cancelled) == {upcoming, held} and done.failed == ()

    # GraphQL too: the listing is found by no one but its host, and books nothing.
    stay = {
        "listingId": listing["id"],
        "checkIn": day(clock, 30),
        "checkOut": day(clock, 31),
        "guests": 1,
    }
    assert codes(gql(client, REQUEST_BOOKING, {"input": stay}, guest)) == ["NOT_FOUND"]
    found = gql(client, '{ listings(filter: {city: "Porto"}) { total } }')
    assert found["data"]["listings"]["total"] == 0
    search = get(client, "/listings?city=Porto").get_json()
    assert search["total"] == 0
    assert book(client, guest, listing["id"], day(clock, 30), day(clock, 31)).status_code == 404
    statuses = {
        b: get(client, f"/bookings/{b}", guest).get_json() for b in (under_way, upcoming, held)
    }
    assert statuses[under_way]["status"] == "confirmed"
    assert statuses[upcoming]["status"] == "cancelled"
    assert statuses[upcoming]["cancelled_by"] == "host"
    assert statuses[upcoming]["refund_amount"] == payment["amount"]
    refunded = get(client, f"/payments/{payment['id']}", guest).get_json()
    assert (refunded["status"], refunded["refunded_amount"]) == ("refunded", payment["amount"])
    assert statuses[held]["status"] == "cancelled"

    clock.advance(days=3)  # the stay under way is past due for its payout
    assert rental.pay_hosts() == {"paid": 0, "cancelled": 0}
    assert (
        rental.disable_account(Account(reason="fraud", email=host["email"])).cancelled == ()
    )  # again: nothing left
    assert (
        rental.release_payouts(Account(reason="cleared", email=host["email"])) == 2
    )  # the refunded one pays nothing later
    assert rental.pay_hosts() == {"paid": 1, "cancelled": 0}

    # Each step is on the audit log, in order: the scheduled payouts held and the account
    # closed (one transaction), each stay not begun cancelled (the paid one with its refund),
    # the second disabling that found nothing, the releases with their reason, the payout.
    with rental.dependencies.uow_factory() as uow:
        entries = list(reversed(uow.audit.page(AuditQuery(), 100)))
    steps = [
        (e.action, e.target_id, e.reason)
        for e in entries
        if e.action not in ("authorization", "capture")
    ]
    by_stay = "its host was disabled: fraud"
    payouts = {target for action, target, _ in steps if action == "hold_payout"}
    assert len(payouts) == 2  # the stay under way's, and the refunded stay's (it pays nothing)
    assert [action for action, _, _ in steps[:3]] == ["hold_payout", "hold_payout", "disable_user"]
    assert steps[2] == ("disable_user", host["id"], "fraud")
    cancelled = steps[3:6]
    assert {s for s in cancelled if s[0] == "cancel_booking"} == {
        ("cancel_booking", upcoming, by_stay),
        ("cancel_booking", held, by_stay),
    }
    refund = cancelled.index(("refund", payment["id"], None))
    assert cancelled[refund - 1] == ("cancel_booking", upcoming, by_stay)
    assert steps[6] == ("disable_user", host["id"], "fraud")
    assert {s for s in steps[7:9]} == {("release_payout", p, "cleared") for p in payouts}
    assert steps[9][0] == "payout" and steps[9][1] in payouts
    assert len(steps) == 10


def test_a_stay_cannot_be_cancelled_this_way_while_its_host_is_enabled(
    rental_app: Flask, client: FlaskClient, clock: FakeClock
) -> None:
    _, _, listing = host_with_listing(client)
    _, guest = signup(client, "guest")
    booking = booked(client, guest, listing["id"], day(clock, 5), day(clock, 6))
    command = CancelStayOfDisabledHost(booking_id=booking)
    with pytest.raises(TransitionNotAllowed, match="Only the stays of a disabled host"):
        rental_of(rental_app).handle(command)
    assert get(client, f"/bookings/{booking}", guest).get_json()["status"] == "pending"
