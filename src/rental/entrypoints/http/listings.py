"""Listings: create, read, search, change, delete; their availability and host blocks."""

from __future__ import annotations

import re
from typing import Any

from flask import Response, request, url_for
from marshmallow import fields
from werkzeug.http import http_date

from rental.application import commands as c
from rental.application.queries import ListingSearch, ListingSort, Page, PageRequest
from rental.domain.calendar.nights import Block
from rental.domain.listings.listing import Listing
from rental.entrypoints.http.auth import current_actor, jwt_required, optional_actor
from rental.entrypoints.http.context import BEARER, Blueprint, get_rental, location_header
from rental.entrypoints.http.photos import shown, shown_page
from rental.entrypoints.web.schemas.common import BaseSchema, page_of
from rental.entrypoints.web.schemas.listings import (
    AvailabilityQuerySchema,
    AvailabilitySchema,
    BlockInputSchema,
    BlockSchema,
    ListingCreateSchema,
    ListingQuerySchema,
    ListingSchema,
    ListingUpdateSchema,
)

blp = Blueprint("listings", __name__, description="Homes, their calendars and blocks.")
VERSION_TAG = re.compile(r"^v(\d{1,18})$")
VALIDATORS = {
    "ETag": {
        "description": "Strong, from the listing's version: send it back in If-None-Match "
        "(304 while unchanged) or If-Match on PATCH (412 once it changed).",
        "schema": {"type": "string", "example": '"v3"'},
    },
    "Last-Modified": {
        "description": "When the listing's fields last changed (HTTP date).",
        "schema": {"type": "string"},
    },
}


class IfNoneMatchSchema(BaseSchema):
    """The ETags a client already has (``GET /listings/{id}``)."""

    class Meta:
        unknown = "exclude"

    if_none_match = fields.String(
        data_key="If-None-Match",
        metadata={"description": "ETags you hold; 304 without a body while one still matches."},
    )


class IfMatchSchema(BaseSchema):
    """The ETag a client read before changing the listing (``PATCH /listings/{id}``)."""

    class Meta:
        unknown = "exclude"

    if_match = fields.String(
        data_key="If-Match",
        metadata={
            "description": "The ETag you read; 412 when the listing has changed since "
            "(two devices editing at once). Weak tags never match; `*` matches any version."
        },
    )


def etag(listing: Listing) -> str:
    """The listing's strong ETag: its version changes with every change a client can see."""
    return f'"v{listing.version}"'


def _validators(listing: Listing) -> dict[str, str]:
    return {"ETag": etag(listing), "Last-Modified": http_date(listing.updated_at)}


def _seen_versions() -> frozenset[int] | None:
    """The versions If-Match names (None without the header, or for ``*``)."""
    if "If-Match" not in request.headers or request.if_match.star_tag:
        return None
    # Werkzeug can read a malformed header as a None tag: it matches nothing.
    tags = [tag for tag in request.if_match.as_set(include_weak=False) if tag]
    return frozenset(int(m.group(1)) for tag in tags if (m := VERSION_TAG.match(tag)))


@blp.post("/listings")
@jwt_required()
@blp.arguments(ListingCreateSchema)
@blp.response(201, ListingSchema, headers=location_header("The listing's URL."))
@blp.problems(400, 401, 403, 409, 415)
@blp.doc(security=BEARER)
def create_listing(fields: dict[str, Any]) -> tuple[Listing, int, dict[str, str]]:
    """List a home (hosts and admins; a guest gets 403); 409 `too-many-listings` when the host
    already has `RENTAL_MAX_LISTINGS_PER_HOST` listings (100 by default)."""
    listing = get_rental().handle(c.CreateListing(actor=current_actor(), **fields))
    location = url_for("listings.get_listing", listing_id=listing.id)
    return shown(listing, None), 201, {"Location": location}  # type: ignore[return-value]


@blp.get("/listings")
@blp.doc(operationId="listListings")
@blp.arguments(ListingQuerySchema, location="query")
@blp.response(200, page_of(ListingSchema))
def search_listings(query: dict[str, Any]) -> Page[Listing]:
    """Active listings, newest first unless ``sort`` says otherwise.

    ``check_in`` and ``check_out`` go together (one alone is a 422); they keep only the
    listings free for the whole stay whose minimum and maximum nights allow it. Sorting by
    rating puts unrated listings last; ties are broken by id so that pages are stable.

    A map search keeps the listings with coordinates inside ``bbox`` and within ``radius_km``
    of ``near`` (both may be given); with ``near``, each item carries ``distance_km`` and
    ``sort=distance`` orders them nearest first.
    """
    amenities = query.pop("amenities", "").split(",")  # ListingSearch normalizes them
    page = PageRequest(query.pop("page"), query.pop("per_page"))
    sort = ListingSort(query.pop("sort"))
    search = ListingSearch(**query, amenities=tuple(amenities), sort=sort, page=page)
    found = get_rental().reads.search_listings(search)
    distance = search.distance_km if search.near is not None else None
    return shown_page(found, distance)  # type: ignore[return-value]


@blp.get("/listings/<listing_id>")
@blp.arguments(IfNoneMatchSchema, location="headers", as_kwargs=True)
@blp.response(200, ListingSchema, headers=VALIDATORS)
@blp.alt_response(304, description="Not modified: the ETag sent still matches.")
@blp.problems(401, 404)
@blp.doc(security=[{}, *BEARER])
def get_listing(listing_id: str, **_headers: str) -> Listing | tuple[Listing, int, dict[str, str]]:
    """One listing; a deleted one is 404, and an unlisted one is 404 but to its host and admins
    (send the bearer token). With `ETag` and `Last-Modified`; `If-None-Match` with the current
    ETag answers 304."""
    viewer = optional_actor()
    listing = get_rental().reads.listing(listing_id, viewer)
    validators = _validators(listing)
    if request.if_none_match.contains_weak(validators["ETag"].strip('"')):
        return Response(status=304, headers=validators)  # type: ignore[return-value]
    return shown(listing, viewer), 200, validators  # type: ignore[return-value]


@blp.patch("/listings/<listing_id>")
@jwt_required()
@blp.arguments(ListingUpdateSchema)
@blp.arguments(IfMatchSchema, location="headers", as_kwargs=True)
@blp.response(200, ListingSchema, headers=VALIDATORS)
@blp.problems(400, 401, 403, 404, 409, 412, 415)
@blp.doc(security=BEARER)
def update_listing(
    changes: dict[str, Any], listing_id: str, **_headers: str
) -> tuple[Listing, int, dict[str, str]]:
    """Change some fields (its host or an admin); the result is validated as a whole.

    With `If-Match` (the ETag read before), a listing changed since answers 412 and nothing
    is written: two devices editing one listing cannot overwrite each other unseen."""
    command = c.UpdateListing(
        actor=current_actor(), listing_id=listing_id, seen_versions=_seen_versions(), **changes
    )
    listing: Listing = get_rental().handle(command)
    return shown(listing, command.actor), 200, _validators(listing)  # type: ignore[return-value]


@blp.delete("/listings/<listing_id>")
@jwt_required()
@blp.response(204)
@blp.problems(401, 403, 404, 409)
@blp.doc(security=BEARER)
def delete_listing(listing_id: str) -> Response:
    """Delete (its host or an admin); 409 while a pending or confirmed booking has not ended."""
    get_rental().handle(c.DeleteListing(actor=current_actor(), listing_id=listing_id))
    return Response(status=204)


@blp.get("/listings/<listing_id>/availability")
@blp.doc(operationId="getAvailability")
@blp.arguments(AvailabilityQuerySchema, location="query")
@blp.response(200, AvailabilitySchema)
@blp.problems(404)
def availability(query: dict[str, Any], listing_id: str) -> dict[str, Any]:
    """Each live booking or block overlapping ``[from, to)``, with its own dates and reason
    ``booked`` or ``blocked`` (never who booked). ``to`` must be after ``from``, at most 731
    days later."""
    start, end = query["from_"], query["to"]
    entries = get_rental().reads.availability(listing_id, start, end)
    return {"listing_id": listing_id, "from_": start, "to": end, "unavailable": entries}


@blp.post("/listings/<listing_id>/blocks")
@jwt_required()
@blp.arguments(BlockInputSchema)
@blp.response(201, BlockSchema, headers=location_header("The block's URL."))
@blp.problems(400, 401, 403, 404, 409, 415)
@blp.doc(security=BEARER)
def block_dates(body: dict[str, Any], listing_id: str) -> tuple[Block, int, dict[str, str]]:
    """Take nights ``[start, end)`` off the market (its host or an admin); 409 over a pending or
    confirmed booking or another block."""
    command = c.BlockDates(actor=current_actor(), listing_id=listing_id, **body)
    block: Block = get_rental().handle(command)
    # API.md names this URL for the Location; only DELETE is served there.
    location = f"{url_for('listings.get_listing', listing_id=listing_id)}/blocks/{block.id}"
    return block, 201, {"Location": location}


@blp.delete("/listings/<listing_id>/blocks/<block_id>")
@jwt_required()
@blp.response(204)
@blp.problems(401, 403, 404)
@blp.doc(security=BEARER)
def unblock_dates(listing_id: str, block_id: str) -> Response:
    """Put the nights of a block back on the market (its host or an admin)."""
    command = c.UnblockDates(actor=current_actor(), listing_id=listing_id, block_id=block_id)
    get_rental().handle(command)
    return Response(status=204)
