"""Schemas of channel sync: the export feed's URL, and imported calendars."""

from __future__ import annotations

from marshmallow import fields, validate

from rental.domain.calendar_import import MAX_NAME, MAX_URL, ImportStatus
from rental.entrypoints.http.schemas.common import BaseSchema


class CalendarExportQuerySchema(BaseSchema):
    """``token`` is the feed's secret (a wrong or missing one is a 404, like no feed at all);
    ``include_imported=1`` also exports the blocks that came from imported calendars."""

    token = fields.String(load_default=None, validate=validate.Length(max=200))
    include_imported = fields.Boolean(load_default=False)


class CalendarFeedSchema(BaseSchema):
    """The listing's secret export URL, to paste into another platform."""

    listing_id = fields.String(required=True)
    url = fields.String(
        required=True,
        metadata={"description": "Absolute URL of the iCalendar feed, its token included."},
    )
    rotated_at = fields.DateTime(
        required=True, metadata={"description": "When the current token was made."}
    )


class CalendarImportInputSchema(BaseSchema):
    """Another platform's export URL (Airbnb, Vrbo, Booking.com…) and a name for it."""

    name = fields.String(required=True, validate=validate.Length(min=1, max=MAX_NAME))
    url = fields.String(
        required=True,
        validate=validate.Length(min=1, max=MAX_URL),
        metadata={"description": "An http:// or https:// iCalendar URL."},
    )


class ImportConflictSchema(BaseSchema):
    """An imported event over nights that a live booking here holds too (both are kept)."""

    booking_id = fields.String(required=True)
    start = fields.Date(required=True)
    end = fields.Date(required=True)
    summary = fields.String(
        required=True, metadata={"description": "The imported event's summary, as plain text."}
    )


class CalendarImportSchema(BaseSchema):
    """An imported calendar and how its last sync went."""

    id = fields.String(required=True)
    listing_id = fields.String(required=True)
    name = fields.String(required=True)
    url = fields.String(required=True)
    status = fields.String(
        required=True,
        validate=validate.OneOf([s.value for s in ImportStatus]),
        metadata={
            "description": "pending (never synced), ok, conflict (see conflicts) or failed "
            "(see last_error; the last good sync's blocks stay)."
        },
    )
    last_synced_at = fields.DateTime(
        allow_none=True, metadata={"description": "The last sync that read the feed."}
    )
    last_attempt_at = fields.DateTime(allow_none=True)
    last_error = fields.String(allow_none=True)
    conflicts = fields.List(
        fields.Nested(ImportConflictSchema), required=True, attribute="current_conflicts"
    )
    created_at = fields.DateTime(required=True)
