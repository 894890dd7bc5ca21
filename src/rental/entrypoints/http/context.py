"""Where a view finds the running ``Rental``, and the blueprint class every resource uses."""

from __future__ import annotations

from collections.abc import Callable
from http import HTTPStatus
from typing import Any, Protocol, TypeVar, cast

import flask_smorest
from flask import current_app
from marshmallow import missing
from webargs.flaskparser import FlaskParser

from rental.composition import Rental
from rental.entrypoints.http.body import parsed_body
from rental.settings import Settings

F = TypeVar("F", bound=Callable[..., Any])


class Decorator(Protocol):
    """A decorator that gives back a view of the same type."""

    def __call__(self, view: F, /) -> F: ...


def get_rental() -> Rental:
    """The application this Flask app serves (set by ``create_app``)."""
    rental: Rental = current_app.extensions["rental"]
    return rental


def get_settings() -> Settings:
    settings: Settings = current_app.extensions["rental.settings"]
    return settings


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
        return cast(Decorator, super().route(rule, **options))

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
        # Given a class, webargs builds a new schema (a deep copy of every field) on every
        # request; one instance, built here, parses them all (it keeps no request's state).
        if isinstance(schema, type):
            schema = schema()
        return cast(Decorator, super().arguments(schema, **options))

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


BEARER: list[dict[str, list[str]]] = [{"bearerAuth": []}]
"""``@blp.doc(security=BEARER)``: the endpoint needs ``Authorization: Bearer <access token>``."""


def location_header(description: str) -> dict[str, Any]:
    """The OpenAPI description of a 201's ``Location`` header."""
    return {"Location": {"description": description, "schema": {"type": "string"}}}
