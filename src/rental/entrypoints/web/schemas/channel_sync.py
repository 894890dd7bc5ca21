"""Schemas of channel sync: the export feed's URL, and imported calendars."""

from __future__ import annotations

from marshmallow import fields, validate

from rental.domain.channel_sync.imports import MAX_NAME, MAX_URL, ImportStatus
from rental.entrypoints.web.schemas.common import ONE_LINE_NOT_BLANK, BaseSchema, text

# The domain's rule (domain.channel_sync.imports.check_import_fields) as a pattern, so that the
# document states it: http or https in any case, a host, a port from 0 to 65535, no user
# name or password, no spaces or control characters.
PORT = r"(6553[0-5]|655[0-2][0-9]|65[0-4][0-9]{2}|6[0-4][0-9]{3}|[1-5][0-9]{4}|[0-9]{1,4})"
IMPORT_URL = (
    r"^[Hh][Tt][Tt][Pp][Ss]?://[A-Za-z0-9]([A-Za-z0-9.-]*[A-Za-z0-9])?(:" + PORT + r")?"
    r"([/?#][^\s@\x00-\x1f\x7f-\x9f]*)?$"
)


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

    name = text(ONE_LINE_NOT_BLANK, min_length=1, max_length=MAX_NAME, required=True)
    url = fields.String(
        required=True,
        validate=[
            validate.Length(min=1, max=MAX_URL),
            validate.Regexp(IMPORT_URL, error="must be an absolute http:// or https:// URL."),
        ],
        metadata={
            "description": "An http:// or https:// iCalendar URL (a host name or IPv4 "
            "address, a port if any, no user name or password, no spaces)."
        },
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
