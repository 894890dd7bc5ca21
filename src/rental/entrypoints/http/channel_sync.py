"""Channel sync: each listing's calendar exported as iCal, other calendars imported."""

from __future__ import annotations

from typing import Any

from flask import Response, request, url_for

from rental.application import commands as c
from rental.application.channel_sync import ChannelSync
from rental.application.queries import Page
from rental.domain.channel_sync.export import CalendarFeed
from rental.domain.channel_sync.imports import CalendarImport
from rental.entrypoints.http.auth import current_actor, jwt_required
from rental.entrypoints.http.context import (
    BEARER,
    Blueprint,
    get_rental,
    get_settings,
    location_header,
)
from rental.entrypoints.web.schemas.channel_sync import (
    CalendarExportQuerySchema,
    CalendarFeedSchema,
    CalendarImportInputSchema,
    CalendarImportSchema,
)
from rental.entrypoints.web.schemas.common import PageQuerySchema, page_of

blp = Blueprint(
    "calendar_sync",
    __name__,
    description="Channel sync by iCalendar: the listing's export feed and imported calendars.",
)
ICALENDAR = "text/calendar"
FEED_HEADERS = {
    "ETag": {"description": "Validator of the feed's content.", "schema": {"type": "string"}},
    "Last-Modified": {
        "description": "The newest change among the feed's events.",
        "schema": {"type": "string"},
    },
}


def _sync() -> ChannelSync:
    return get_rental().channel_sync


@blp.get("/listings/<listing_id>/calendar.ics")
@blp.arguments(CalendarExportQuerySchema, location="query")
@blp.response(200, {"type": "string"}, content_type=ICALENDAR, headers=FEED_HEADERS)
@blp.alt_response(304, description="Not Modified: `If-None-Match` names the current ETag.")
@blp.problems(404)
def export_calendar(query: dict[str, Any], listing_id: str) -> Response:
    """The listing's calendar as iCalendar (RFC 5545), for other platforms to import: one
    all-day event per live booking ("Reserved") and per block ("Not available") from the
    listing's today on, `DTEND` exclusive. Nothing about guests. Blocks imported from other
    calendars are left out unless `include_imported=1`, so that two platforms syncing each
    other never loop. No bearer token: the URL's secret `token` opens it, and a wrong or
    missing one is a 404. `If-None-Match` with the current `ETag` answers 304."""
    exported = _sync().export(
        listing_id, query["token"], include_imported=query["include_imported"]
    )
    # Only the ETag decides a 304: a removed block leaves no date behind that
    # If-Modified-Since could be compared with.
    not_modified = request.if_none_match.contains_weak(exported.etag)
    response = Response(b"" if not_modified else exported.body, mimetype=ICALENDAR)
    response.status_code = 304 if not_modified else 200
    response.set_etag(exported.etag)
    if exported.last_modified is not None:
        response.last_modified = exported.last_modified
    response.headers["Cache-Control"] = "private, no-cache"
    return response


def _feed_json(feed: CalendarFeed) -> dict[str, Any]:
    path = url_for("calendar_sync.export_calendar", listing_id=feed.listing_id, token=feed.token)
    return {"listing_id": feed.listing_id, "url": public_url(path), "rotated_at": feed.rotated_at}


def public_url(path: str) -> str:
    """``path`` on ``RENTAL_PUBLIC_URL``. Without it: in production the path alone (a
    ``Host`` header is whatever a client or a lax proxy sends, and a secret URL built on it
    could point elsewhere); in development and tests, on the request's own host."""
    settings = get_settings()
    if settings.public_url is not None:
        return settings.public_url + path
    if settings.env == "production":
        return path
    return request.host_url.rstrip("/") + path


@blp.get("/listings/<listing_id>/calendar-feed")
@jwt_required()
@blp.response(200, CalendarFeedSchema)
@blp.problems(401, 403, 404)
@blp.doc(security=BEARER)
def calendar_feed(listing_id: str) -> dict[str, Any]:
    """The listing's secret export URL (its host or an admin), made on the first request."""
    command = c.OpenCalendarFeed(actor=current_actor(), listing_id=listing_id)
    return _feed_json(get_rental().handle(command))


@blp.post("/listings/<listing_id>/calendar-feed/rotate")
@jwt_required()
@blp.response(200, CalendarFeedSchema)
@blp.problems(401, 403, 404)
@blp.doc(security=BEARER)
def rotate_calendar_feed(listing_id: str) -> dict[str, Any]:
    """A new secret for the export URL (its host or an admin): the old URL is a 404 at once."""
    command = c.RotateCalendarFeed(actor=current_actor(), listing_id=listing_id)
    return _feed_json(get_rental().handle(command))


def _import_url(calendar_import: CalendarImport) -> str:
    return url_for(
        "calendar_sync.get_calendar_import",
        listing_id=calendar_import.listing_id,
        import_id=calendar_import.id,
    )


@blp.post("/listings/<listing_id>/calendar-imports")
@jwt_required()
@blp.arguments(CalendarImportInputSchema)
@blp.response(201, CalendarImportSchema, headers=location_header("The import's URL."))
@blp.problems(400, 401, 403, 404, 415)
@blp.doc(security=BEARER)
def import_calendar(
    body: dict[str, Any], listing_id: str
) -> tuple[CalendarImport, int, dict[str, str]]:
    """Import another platform's calendar (its host or an admin): the worker fetches it every
    `RENTAL_ICAL_SYNC_MINUTES` (30) and its events block the listing's nights. The first
    sync happens on the worker's next pass, or within seconds after `POST …/sync`."""
    command = c.ImportCalendar(actor=current_actor(), listing_id=listing_id, **body)
    calendar_import: CalendarImport = get_rental().handle(command)
    return calendar_import, 201, {"Location": _import_url(calendar_import)}


@blp.get("/listings/<listing_id>/calendar-imports")
@jwt_required()
@blp.arguments(PageQuerySchema, location="query")
@blp.response(200, page_of(CalendarImportSchema))
@blp.problems(401, 403, 404)
@blp.doc(security=BEARER)
def calendar_imports(query: dict[str, Any], listing_id: str) -> Page[CalendarImport]:
    """The listing's imported calendars, oldest first, each with its last sync time, status,
    error and conflicts (its host or an admin)."""
    found = _sync().imports(current_actor(), listing_id)
    start = (query["page"] - 1) * query["per_page"]
    items = found[start : start + query["per_page"]]
    return Page(items=items, page=query["page"], per_page=query["per_page"], total=len(found))


@blp.get("/listings/<listing_id>/calendar-imports/<import_id>")
@jwt_required()
@blp.response(200, CalendarImportSchema)
@blp.problems(401, 403, 404)
@blp.doc(security=BEARER)
def get_calendar_import(listing_id: str, import_id: str) -> CalendarImport:
    """One imported calendar (its listing's host or an admin)."""
    return _sync().calendar_import(current_actor(), listing_id, import_id)


@blp.delete("/listings/<listing_id>/calendar-imports/<import_id>")
@jwt_required()
@blp.response(204)
@blp.problems(401, 403, 404)
@blp.doc(security=BEARER)
def delete_calendar_import(listing_id: str, import_id: str) -> Response:
    """Stop importing this calendar (its host or an admin); its blocks free their nights."""
    command = c.DeleteCalendarImport(
        actor=current_actor(), listing_id=listing_id, import_id=import_id
    )
    get_rental().handle(command)
    return Response(status=204)


@blp.post("/listings/<listing_id>/calendar-imports/<import_id>/sync")
@jwt_required()
@blp.response(202, CalendarImportSchema, headers=location_header("The import's URL."))
@blp.problems(401, 403, 404, 429)
@blp.doc(security=BEARER)
def sync_calendar_import(
    listing_id: str, import_id: str
) -> tuple[CalendarImport, int, dict[str, str]]:
    """Ask for the calendar to be fetched and applied now (its host or an admin): 202 with
    the import as it is, and the worker syncs it within seconds (a sync takes at most 10 s);
    poll the `Location` until `last_attempt_at` moves. A feed that cannot be read is not an
    error of this request: the import then reads `failed` with `last_error`, and nothing else
    changed. At most `RENTAL_ICAL_SYNC_REQUESTS` (3) syncs per listing (all its imports) in
    each 5-minute window, counted across server processes: past it, 429 with `Retry-After`."""
    calendar_import = _sync().request_sync(current_actor(), listing_id, import_id)
    return calendar_import, 202, {"Location": _import_url(calendar_import)}
