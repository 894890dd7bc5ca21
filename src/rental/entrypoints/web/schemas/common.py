"""Schemas shared by every resource: strictness, pages, problem details."""

from __future__ import annotations

from typing import Any

from marshmallow import RAISE, Schema, fields, validate

from rental.application.queries import MAX_PER_PAGE
from rental.domain.text import INVISIBLE

# What the server refuses in text, said as patterns so that the document states it (the domain's
# ``text.check_text`` says the same in Python). Control characters are Unicode's Cc:
# U+0000-U+001F and U+007F-U+009F; ``text.INVISIBLE`` are the invisible and bidirectional
# control characters.
NO_NUL = r"^[^\x00]*$"
_LINE = r"\x00-\x1f\x7f-\x9f" + INVISIBLE
_TEXT = r"\x00-\x08\x0b\x0c\x0e-\x1f\x7f-\x9f" + INVISIBLE
ONE_LINE = rf"^[^{_LINE}]*$"
ONE_LINE_NOT_BLANK = rf"^[^{_LINE}]*[^\s{_LINE}][^{_LINE}]*$"
MULTILINE = rf"^[^{_TEXT}]*$"
TEXT_RULES = {
    NO_NUL: "must not contain NUL characters.",
    ONE_LINE: "must not contain line breaks, tabs, other control characters, or invisible or "
    "bidirectional control characters.",
    ONE_LINE_NOT_BLANK: "must not be blank, nor contain line breaks, tabs, other control "
    "characters, or invisible or bidirectional control characters.",
    MULTILINE: "must not contain control characters other than line breaks and tabs, nor "
    "invisible or bidirectional control characters.",
}


def text(
    pattern: str, *, min_length: int | None = None, max_length: int | None = None, **kwargs: Any
) -> fields.String:
    """A string field refusing what ``pattern`` refuses (one of ``TEXT_RULES``), with the rule
    in the OpenAPI document as ``pattern`` and enforced here with the same expression."""
    rules: list[Any] = [validate.Regexp(pattern, error=TEXT_RULES[pattern])]
    if min_length is not None or max_length is not None:
        rules.append(validate.Length(min=min_length, max=max_length))
    return fields.String(validate=rules, **kwargs)


def one_of(choices: Any, error: str, **kwargs: Any) -> fields.String:
    """A string that is one of ``choices``: an ``enum`` in the document, one short message
    here (marshmallow's own lists every choice, which for countries is 249 of them)."""
    return fields.String(validate=validate.OneOf(sorted(choices), error=error), **kwargs)


class StrictBoolean(fields.Boolean):
    """JSON ``true`` or ``false`` only: marshmallow's own also takes 0, 1, "yes"..., which
    the document (``type: boolean``) calls invalid."""

    def _deserialize(self, value: Any, attr: str | None, data: Any, **kwargs: Any) -> bool:
        if not isinstance(value, bool):
            raise self.make_error("invalid", input=value)
        return value


class BaseSchema(Schema):
    """Unknown fields are refused (422 naming each), never silently dropped."""

    class Meta:
        unknown = RAISE

    def get_attribute(self, obj: Any, attr: str, default: Any) -> Any:
        """Marshmallow's hook for reading a field's value when dumping, made direct: our
        fields name plain attributes (or keys, of a dict), never dotted paths or list
        indexes, and the general lookup was a fifth of a search page's CPU."""
        if type(obj) is dict:
            return obj.get(attr, default)
        return getattr(obj, attr, default)


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
