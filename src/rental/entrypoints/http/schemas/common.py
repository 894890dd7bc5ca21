"""Schemas shared by every resource: strictness, pages, problem details."""

from __future__ import annotations

from typing import Any

from marshmallow import RAISE, Schema, fields, validate

from rental.application.queries import MAX_PER_PAGE


class BaseSchema(Schema):
    """Unknown fields are refused (422 naming each), never silently dropped."""

    class Meta:
        unknown = RAISE


class PageQuerySchema(BaseSchema):
    """``?page=1&per_page=20``; ``per_page`` is at most 100."""

    page = fields.Integer(load_default=1, validate=validate.Range(min=1, max=1_000_000))
    per_page = fields.Integer(load_default=20, validate=validate.Range(min=1, max=MAX_PER_PAGE))


_PAGE_SCHEMAS: dict[type[Schema], type[Schema]] = {}


def page_of(item_schema: type[Schema]) -> type[Schema]:
    """The schema of ``{items, page, per_page, total}`` for ``item_schema`` (one class each, so
    that the OpenAPI document names it once)."""
    if item_schema not in _PAGE_SCHEMAS:
        name = item_schema.__name__.removesuffix("Schema") + "PageSchema"
        attributes: dict[str, Any] = {
            "__doc__": f"One page of {item_schema.__name__.removesuffix('Schema')} items.",
            "items": fields.List(fields.Nested(item_schema), required=True),
            "page": fields.Integer(required=True),
            "per_page": fields.Integer(required=True),
            "total": fields.Integer(required=True),
        }
        _PAGE_SCHEMAS[item_schema] = type(name, (BaseSchema,), attributes)
    return _PAGE_SCHEMAS[item_schema]


class ProblemSchema(Schema):
    """RFC 9457 problem details; ``errors`` on 422, ``payment_id`` and ``failure_reason`` on 402."""

    type = fields.String(required=True, metadata={"example": "about:blank"})
    title = fields.String(required=True)
    status = fields.Integer(required=True)
    detail = fields.String(required=True)
    errors = fields.Dict(
        keys=fields.String(),
        values=fields.List(fields.String()),
        metadata={"description": "On 422: the messages of each field that failed."},
    )
    payment_id = fields.String(
        allow_none=True, metadata={"description": "On 402: the failed payment recorded."}
    )
    failure_reason = fields.String(metadata={"description": "On 402: why it was declined."})
    checks = fields.Dict(
        keys=fields.String(),
        values=fields.String(),
        metadata={"description": "On 503 from /readyz: each dependency and its state."},
    )
