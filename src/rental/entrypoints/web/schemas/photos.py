"""Schemas of listings' photos."""

from __future__ import annotations

from marshmallow import fields, validate

from rental.domain.listings.photos import MAX_CAPTION, MAX_PHOTOS, PhotoStatus
from rental.entrypoints.web.schemas.common import ONE_LINE, BaseSchema, text

STATUSES = [s.value for s in PhotoStatus]


class PhotoUrlsSchema(BaseSchema):
    """The variants, WebP, at most 320, 720 and 1440 pixels wide (aspect kept)."""

    small = fields.String(required=True)
    medium = fields.String(required=True)
    large = fields.String(required=True)


class PhotoSchema(BaseSchema):
    """A photo of a listing. ``processing`` until the worker has made its variants, then
    ``ready`` with ``urls``, or ``failed`` with ``failure_reason``."""

    id = fields.String(required=True)
    status = fields.String(required=True, validate=validate.OneOf(STATUSES))
    caption = fields.String(required=True)
    position = fields.Integer(required=True, metadata={"description": "0 for the cover."})
    width = fields.Integer(required=True, metadata={"description": "Upright, in pixels."})
    height = fields.Integer(required=True, metadata={"description": "Upright, in pixels."})
    urls = fields.Nested(PhotoUrlsSchema, required=True, allow_none=True)
    failure_reason = fields.String(required=True, allow_none=True)


class PhotoListSchema(BaseSchema):
    """A listing's photos in order (the first is the cover)."""

    items = fields.List(fields.Nested(PhotoSchema), required=True)


class CaptionQuerySchema(BaseSchema):
    """With a raw image body, the caption goes in the query string."""

    caption = text(ONE_LINE, max_length=MAX_CAPTION)


class CaptionSchema(BaseSchema):
    caption = text(ONE_LINE, required=True, max_length=MAX_CAPTION)


class PhotoOrderSchema(BaseSchema):
    """Every photo of the listing, each once, in the new order."""

    photo_ids = fields.List(
        fields.String(validate=validate.Length(min=1, max=64)),
        required=True,
        validate=validate.Length(max=MAX_PHOTOS),
    )
