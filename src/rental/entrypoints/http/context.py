"""Where a view finds the running ``Rental``, and the blueprint class every resource uses."""

from __future__ import annotations

import functools
from collections.abc import Callable
from http import HTTPStatus
from types import FunctionType
from typing import Any, Protocol, TypeVar, cast

import flask_smorest
from marshmallow import Schema, missing
from webargs.flaskparser import FlaskParser

from rental.entrypoints.http.errors import problem
from rental.entrypoints.web.body import parsed_body
from rental.entrypoints.web.context import get_rental as get_rental
from rental.entrypoints.web.context import get_settings as get_settings

F = TypeVar("F", bound=Callable[..., Any])


class Decorator(Protocol):
    """A decorator that gives back a view of the same type."""

    def __call__(self, view: F, /) -> F: ...


class StrictParser(FlaskParser):
    """Unknown fields are an error everywhere, query strings included (API.md: 422)."""

    DEFAULT_UNKNOWN_BY_LOCATION: dict[str, str | None] = {
        location: None for location in FlaskParser.DEFAULT_UNKNOWN_BY_LOCATION
    } | {"headers": "exclude", "cookies": "exclude"}

    def _raw_load_json(self, req: Any) -> Any:
        # The body was parsed once, with limits, before the view (``errors.check_request``).
        return parsed_body(missing)


class Blueprint(flask_smorest.Blueprint):  # type: ignore[misc]
    """A flask-smorest blueprint whose schemas refuse unknown fields, query strings included.

    ``problems(404, 409)`` documents the problem+json error responses a view can answer.
    """

    ARGUMENTS_PARSER = StrictParser()

    # flask-smorest is untyped: these say what its decorators are, so mypy stays strict.
    def route(self, rule: str, **options: Any) -> Decorator:
        """flask-smorest's ``route``; each operation without an ``operationId`` gets one from
        its view (``create_listing`` -> ``createListing``; ``get`` of the class ``Bookings``
        -> ``getBookings``), so that generated clients have names people would write."""
        register = cast(Decorator, super().route(rule, **options))

        def decorate(view: F) -> F:
            registered = register(view)
            endpoint = options.get("endpoint") or view.__name__
            for method, doc in self._docs[endpoint].items():
                if method != "parameters":
                    name = (
                        view.__name__ if isinstance(view, FunctionType) else method + view.__name__
                    )
                    manual = doc.setdefault("manual_doc", {})
                    manual.setdefault("operationId", camel_case(name))
            return registered

        return decorate

    def get(self, rule: str, **options: Any) -> Decorator:
        return self.route(rule, methods=["GET"], **options)

    def post(self, rule: str, **options: Any) -> Decorator:
        return self.route(rule, methods=["POST"], **options)

    def patch(self, rule: str, **options: Any) -> Decorator:
        return self.route(rule, methods=["PATCH"], **options)

    def put(self, rule: str, **options: Any) -> Decorator:
        return self.route(rule, methods=["PUT"], **options)

    def delete(self, rule: str, **options: Any) -> Decorator:
        return self.route(rule, methods=["DELETE"], **options)

    def arguments(self, schema: Any, **options: Any) -> Decorator:
        """flask-smorest's ``arguments``; a JSON body whose schema has no required field (a
        PATCH) is still required, as the document says: no body at all is a 422."""
        # Given a class, webargs builds a new schema (a deep copy of every field) on every
        # request; one instance, built here, parses them all (it keeps no request's state).
        if isinstance(schema, type):
            schema = schema()
        parse = cast(Decorator, super().arguments(schema, **options))
        if options.get("location", "json") != "json" or _has_required_field(schema):
            return parse
        return _requiring_body(parse)

    def response(self, status_code: int, schema: Any = None, **options: Any) -> Decorator:
        return cast(Decorator, super().response(status_code, schema, **options))

    def alt_response(self, status_code: int, *args: Any, **options: Any) -> Decorator:
        return cast(Decorator, super().alt_response(status_code, *args, **options))

    def doc(self, **options: Any) -> Decorator:
        return cast(Decorator, super().doc(**options))

    def problems(self, *codes: int) -> Decorator:
        """Document the problem+json responses ``codes`` (e.g. 401, 404, 409)."""

        def decorate(view: F) -> F:
            for code in codes:
                view = self.alt_response(code, response=HTTPStatus(code).name)(view)
            return view

        return decorate


def camel_case(name: str) -> str:
    """``create_listing`` -> ``createListing``; ``getBookings`` stays as it is."""
    head, *rest = name.split("_")
    return head[:1].lower() + head[1:] + "".join(part[:1].upper() + part[1:] for part in rest)


BODY_REQUIRED = "A JSON object is required: send the fields to change."


def _has_required_field(schema: Any) -> bool:
    instance: Schema = schema() if isinstance(schema, type) else schema
    return any(field.required for field in instance.fields.values())


def _requiring_body(parse: Decorator) -> Decorator:
    def decorate(view: F) -> F:
        parsed = parse(view)

        @functools.wraps(parsed)
        def wrapper(*args: Any, **kwargs: Any) -> Any:
            # Without this, webargs reads a missing body as {} and a PATCH answers 200.
            if parsed_body(None) is None:
                detail = "Some fields are not valid; see errors."
                return problem(422, detail, errors={"body": [BODY_REQUIRED]})
            return parsed(*args, **kwargs)

        return cast(F, wrapper)

    return decorate


BEARER: list[dict[str, list[str]]] = [{"bearerAuth": []}]
"""``@blp.doc(security=BEARER)``: the endpoint needs ``Authorization: Bearer <access token>``."""


def location_header(description: str) -> dict[str, Any]:
    """The OpenAPI description of a 201's ``Location`` header."""
    return {"Location": {"description": description, "schema": {"type": "string"}}}
