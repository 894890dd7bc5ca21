"""Payouts: what hosts are paid for their bookings, and when."""

from __future__ import annotations

from typing import Any

from rental.application.queries import PageRequest, PayoutTotals
from rental.entrypoints.http.auth import current_actor, jwt_required
from rental.entrypoints.http.context import Blueprint, get_rental
from rental.entrypoints.web.schemas.common import PageQuerySchema, page_of
from rental.entrypoints.web.schemas.payouts import PayoutSchema, PayoutSummarySchema

blp = Blueprint("payouts", __name__, description="Hosts' payouts, 24 hours after check-in.")
BEARER: list[dict[str, list[str]]] = [{"bearerAuth": []}]


@blp.route("/payouts")
@jwt_required()
@blp.arguments(PageQuerySchema, location="query")
@blp.response(200, page_of(PayoutSchema))
@blp.problems(401, 403, 422)
@blp.doc(security=BEARER)
def list_payouts(query: dict[str, Any]) -> dict[str, Any]:
    """The caller's payouts, newest due first: a host's own, every host's for an admin.

    A guest gets 403. A payout is due 24 hours after the start of check-in day in the
    listing's time zone; `rental pay-hosts` pays those due, less what the host owes for
    refunds made after earlier payouts (`deducted`); `owed` is what a refund after this
    payout left the host owing, until later payouts recover it."""
    page = PageRequest(query["page"], query["per_page"])
    found = get_rental().reads.payouts(current_actor(), page)
    return {
        "items": found.items,
        "page": found.page,
        "per_page": found.per_page,
        "total": found.total,
    }


@blp.route("/payouts/summary")
@jwt_required()
@blp.response(200, PayoutSummarySchema)
@blp.problems(401, 403)
@blp.doc(security=BEARER)
def payout_summary() -> dict[str, list[PayoutTotals]]:
    """The caller's payouts summed per currency: scheduled, due, paid, deducted and still
    owed (a guest gets 403)."""
    return {"currencies": get_rental().reads.payout_totals(current_actor())}
