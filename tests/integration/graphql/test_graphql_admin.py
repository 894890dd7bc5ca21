"""Administration in GraphQL: the same commands as over HTTP, FORBIDDEN to anyone but an
admin before anything is read, and each act in the audit log."""

from __future__ import annotations

from flask import Flask
from flask.testing import FlaskClient

from tests.integration.graphql.steps import codes, gql
from tests.integration.http.booking_steps import admin, host_with_listing
from tests.integration.http.conftest import signup

UNLIST = """mutation ($id: ID!, $reason: String!) {
  unlistListing(input: {id: $id, reason: $reason}) { action targetId reason after actorRole }
}"""
HIDE = 'mutation { hideReview(input: {id: "r-1", reason: "x"}) { id } }'
CANCEL = """mutation { cancelBookingAsAdmin(input: {bookingId: "b-1", reason: "x",
  refundAmount: 0}) { id } }"""
AUDIT = """query ($target: String) {
  auditLog(targetId: $target, perPage: 5) { items { action targetId reason } nextCursor }
}"""


def test_only_admins_moderate_and_read_the_audit_log(
    memory_app: Flask, memory_client: FlaskClient
) -> None:
    client = memory_client
    _, guest = signup(client, "guest")
    _, _, listing = host_with_listing(client)
    for document, variables in ((UNLIST, {"id": listing["id"], "reason": "x"}), (HIDE, None),
                                (CANCEL, None), (AUDIT, {"target": listing["id"]})):  # fmt: skip
        assert codes(gql(client, document, variables, guest)) == ["FORBIDDEN"], document
        assert codes(gql(client, document, variables)) == ["UNAUTHENTICATED"], document
    staff = admin(memory_app, client)
    too_long = gql(client, UNLIST, {"id": listing["id"], "reason": "x" * 501}, staff)
    assert codes(too_long) == ["BAD_USER_INPUT"]
    done = gql(client, UNLIST, {"id": listing["id"], "reason": "fake"}, staff)["data"]
    assert done["unlistListing"] == {
        "action": "unlist_listing",
        "targetId": listing["id"],
        "reason": "fake",
        "after": {"listed": False, "suspended": True},
        "actorRole": "admin",
    }  # fmt: skip - the expected entry's fields grouped
    page = gql(client, AUDIT, {"target": listing["id"]}, staff)["data"]["auditLog"]
    assert page == {
        "items": [{"action": "unlist_listing", "targetId": listing["id"], "reason": "fake"}],
        "nextCursor": None,
    }
