"""GraphQL over HTTP at ``/api/v1/graphql``: Strawberry's Flask view, with this API's
transport rules (GRAPHQL.md) and the HTTP API's bearer tokens.

Every answer but one is GraphQL-shaped (``{"errors": [...]}``): a bad, expired, revoked or
refresh token is the HTTP API's own 401 problem+json, raised before anything runs.
"""

from __future__ import annotations

import json
from typing import Any, ClassVar

from cross_web import HTTPException
from flask import Request, Response, g, request
from flask.typing import ResponseReturnValue
from flask_jwt_extended import get_jwt, get_jwt_identity, verify_jwt_in_request
from strawberry.flask.views import GraphQLView
from strawberry.http import GraphQLHTTPResponse
from strawberry.schema.exceptions import InvalidOperationTypeError
from strawberry.types import ExecutionResult

from rental.application.commands import Actor
from rental.entrypoints.graphql.context import Context
from rental.entrypoints.graphql.errors import formatted
from rental.entrypoints.web.body import BodyRefused, parse_body
from rental.entrypoints.web.context import get_rental, get_settings

JSON = "application/json"


class TransportError(Exception):
    """A request GraphQL cannot run at all: answered ``{"errors": [...]}`` with ``status``."""

    def __init__(self, status: int, message: str, headers: dict[str, str] | None = None) -> None:
        super().__init__(message)
        self.status, self.message, self.headers = status, message, headers or {}


def transport_error(error: TransportError) -> Response:
    body = json.dumps({"errors": [{"message": error.message}]})
    return Response(body, status=error.status, mimetype=JSON, headers=error.headers)


def caller() -> Actor | None:
    """No ``Authorization`` header: anonymous. Any other: it must hold a valid access token
    (flask-jwt-extended raises, and the HTTP API's handlers answer 401)."""
    if "Authorization" not in request.headers:
        return None
    verify_jwt_in_request()
    return Actor(user_id=str(get_jwt_identity()), role=str(get_jwt()["role"]))


def check_body() -> None:
    """POST needs a JSON object with a ``query``: else 415 or 400, before Strawberry."""
    if request.mimetype != JSON:
        raise TransportError(415, "POST bodies must be application/json.")
    try:
        # The HTTP API's parse, with its limits (depth, size, lone surrogates): no body is a 500.
        body = parse_body(request.get_data(cache=True) or b"null")
    except BodyRefused as refused:
        raise TransportError(400, refused.detail) from None
    if isinstance(body, list):
        raise TransportError(400, "Batched operations (a JSON array) are not accepted.")
    if not isinstance(body, dict) or not isinstance(body.get("query"), str):
        raise TransportError(400, "The body must be a JSON object with a string query.")


class RentalGraphQLView(GraphQLView[Context, None]):
    """The endpoint; ``graphiql`` serves the IDE to browsers (development only)."""

    methods: ClassVar[list[str]] = ["GET", "POST", "PUT", "PATCH", "DELETE"]

    def dispatch_request(self) -> ResponseReturnValue:
        try:
            if request.method not in ("GET", "POST"):
                raise TransportError(405, "Use POST (or GET for queries).", {"Allow": "GET, POST"})
            g.graphql_actor = caller()
            if request.method == "POST":
                check_body()
            elif self.graphql_ide is None and "query" not in request.args:
                raise TransportError(400, "A GET request needs a query parameter.")
            return self.run(request=request)
        except TransportError as error:
            return transport_error(error)
        except HTTPException as error:
            return transport_error(TransportError(error.status_code, error.reason))

    def render_graphql_ide(self, request: Request) -> Response:
        """GraphiQL from the package's own files (``entrypoints/web/pages.py``), not a CDN."""
        from rental.entrypoints.web.pages import graphiql_page

        return graphiql_page()

    def get_context(self, request: Request, response: Response) -> Context:
        return Context.of(get_rental(), g.graphql_actor, get_settings().limits.graphql_max_cost)

    def execute_single(self, *args: Any, **kwargs: Any) -> ExecutionResult:
        try:
            return super().execute_single(*args, **kwargs)
        except HTTPException as error:
            if isinstance(error.__cause__, InvalidOperationTypeError):
                raise TransportError(
                    405, "Mutations are sent with POST.", {"Allow": "POST"}
                ) from None
            raise

    def process_result(self, request: Request, result: ExecutionResult) -> GraphQLHTTPResponse:
        answer: GraphQLHTTPResponse = {"data": result.data}
        if result.errors:
            answer["errors"] = [formatted(error) for error in result.errors]
        return answer
