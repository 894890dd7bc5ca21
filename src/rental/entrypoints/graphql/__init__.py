"""The GraphQL API (GRAPHQL.md), served by the HTTP API's Flask app at ``/api/v1/graphql``."""

from __future__ import annotations

from flask import Flask

from rental.entrypoints.graphql.schema import build_schema, sdl
from rental.entrypoints.graphql.view import RentalGraphQLView
from rental.entrypoints.web.problems import OWN_ERRORS
from rental.settings import Settings

PATH = "/api/v1/graphql"
ENDPOINT = "graphql"

__all__ = ["ENDPOINT", "PATH", "init_app", "sdl"]


def init_app(app: Flask, settings: Settings) -> None:
    """Mount the endpoint; GraphiQL answers browsers only with ``RENTAL_ENV=development``."""
    view = RentalGraphQLView.as_view(
        ENDPOINT,
        schema=build_schema(),
        graphql_ide="graphiql" if settings.is_development else None,
        allow_queries_via_get=True,
    )
    app.add_url_rule(PATH, view_func=view)
    app.extensions.setdefault(OWN_ERRORS, set()).add(ENDPOINT)
