"""Prices and rules by date: a listing's calendar night by night, its changes, and quotes."""

from __future__ import annotations

from typing import Any

from marshmallow import fields

from rental.application import commands as c
from rental.application.rate_reads import CalendarView, Quote
from rental.entrypoints.http.auth import current_actor, jwt_required
from rental.entrypoints.http.context import BEARER, Blueprint, get_rental
from rental.entrypoints.web.schemas.bookings import PriceSchema
from rental.entrypoints.web.schemas.common import BaseSchema
from rental.entrypoints.web.schemas.pricing import (
    CalendarChangeSchema,
    CalendarQuerySchema,
    CalendarSchema,
    QuoteQuerySchema,
    QuoteReasonSchema,
)

blp = Blueprint("rates", __name__, description="Prices and stay rules by date, and quotes.")


class QuoteSchema(BaseSchema):
    """What the stay would cost now; ``available`` only when it could be booked now."""

    available = fields.Boolean(required=True)
    price = fields.Nested(PriceSchema, required=True)
    reasons = fields.List(fields.Nested(QuoteReasonSchema), required=True)


@blp.get("/listings/<listing_id>/calendar")
@blp.doc(operationId="getCalendar")
@blp.arguments(CalendarQuerySchema, location="query")
@blp.response(200, CalendarSchema)
@blp.problems(404)
def calendar(query: dict[str, Any], listing_id: str) -> CalendarView:
    """One entry per night of ``[from, to)`` (at most 731), with the price and rules in force
    that night and whether a booking or block holds it. Public."""
    return get_rental().reads.rate_calendar(listing_id, query["from_"], query["to"])


@blp.put("/listings/<listing_id>/calendar")
@blp.doc(operationId="updateCalendar")
@jwt_required()
@blp.arguments(CalendarChangeSchema)
@blp.response(200, CalendarSchema)
@blp.problems(400, 401, 403, 404, 415)
@blp.doc(security=BEARER)
def update_calendar(body: dict[str, Any], listing_id: str) -> CalendarView:
    """Set or clear prices and rules over ranges (its host or an admin): at most 100 ranges,
    each ``[start, end)`` from today to at most 731 days ahead, applied in order so that a
    later range wins where ranges overlap; a field sent as ``null`` removes that override, a
    field left out stays as it is. Answers the calendar of the window the ranges touch."""
    command = c.UpdateCalendar(
        actor=current_actor(), listing_id=listing_id, ranges=tuple(body["ranges"])
    )
    start, end = get_rental().handle(command)
    return get_rental().reads.rate_calendar(listing_id, start, end)


@blp.get("/listings/<listing_id>/quote")
@blp.doc(operationId="getQuote")
@blp.arguments(QuoteQuerySchema, location="query")
@blp.response(200, QuoteSchema)
@blp.problems(404)
def quote(query: dict[str, Any], listing_id: str) -> Quote:
    """The price ``POST /bookings`` would charge now, night by night, and in ``reasons`` each
    rule that would refuse the stay (``dates_unavailable``, ``check_in_past``, ``max_guests``,
    ``max_advance_days``, ``min_nights``, ``max_nights``, ``closed_to_arrival``,
    ``closed_to_departure``). Public; nothing is held."""
    reads = get_rental().reads
    return reads.quote_listing(listing_id, query["check_in"], query["check_out"], query["guests"])
