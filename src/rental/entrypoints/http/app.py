"""``create_app``: the Flask application over one ``Rental``."""

from __future__ import annotations

import http
from typing import Any

from flask import Flask, Response, json
from flask_smorest import Api
from flask_smorest.utils import prepare_response

from rental.composition import MEMORY_URL, Rental, bootstrap_from
from rental.entrypoints import graphql
from rental.entrypoints.http import (
    auth,
    document,
    errors,
    headers,
    observability,
    ratelimit,
    time_budget,
)
from rental.entrypoints.http.json_provider import OrjsonProvider
from rental.entrypoints.web.schemas.common import ProblemSchema
from rental.settings import Settings

API_PREFIX = document.API_PREFIX
API_DESCRIPTION = """The HTTP API of the rental marketplace.

Errors are RFC 9457 problem details (`application/problem+json`); `type` is `about:blank` for
plain HTTP errors, else a stable `https://rental.example/problems/...` URI. Authenticated
endpoints take `Authorization: Bearer <access token>`; every token failure is a 401.

Readings taken where the API's rules are silent (see also docs/http.md):
- `role` on register is optional and defaults to `guest`.
- Logout revokes the token it is called with, access or refresh; call it with each to end both.
- Refresh does not rotate the refresh token; the new access token keeps the role of the login.
- 415 is for a body that is not JSON; a missing body on an endpoint that needs one is a 422
  naming the required fields. Unknown query parameters are a 422 like unknown body fields.
- `null` for a required listing field on PATCH is a 422; `null` for latitude/longitude clears
  them; `null` for a profile field on PATCH /users/me leaves it as it is.
- Availability windows must have `from` < `to` and span at most 731 days.
- The Location of a new block names `/listings/{id}/blocks/{block_id}`, which only answers DELETE.
- The sign-in rate limit is a fixed window counting every attempt, per peer address
  (X-Forwarded-For is not trusted).

Channel sync by iCalendar (docs/channel_sync.md):
- `GET /listings/{id}/calendar-feed` makes the listing's feed on the first request; the feed
  URL's token is the only key to `calendar.ics`, and only `If-None-Match` decides its 304.
- A timed imported event blocks every date of the listing's time zone it touches; recurring
  events count over the next 18 months.
- Imported blocks follow their feed: `DELETE /listings/{id}/blocks/{block_id}` on one is a 409;
  deleting the import frees its nights.
- `POST …/calendar-imports/{id}/sync` answers 200 even when the feed could not be read: the
  import then has status `failed` and `last_error`, and nothing else changed.
"""


class RentalApi(Api):  # type: ignore[misc]
    """flask-smorest's ``Api`` whose documented error responses are problem details."""

    def _register_responses(self) -> None:
        for status in http.HTTPStatus:
            response: dict[str, Any] = {"description": status.phrase}
            if not (100 <= status < 200) and status not in (204, 304):
                response["schema"] = ProblemSchema
            prepare_response(response, self.spec, errors.PROBLEM_JSON)
            self.spec.components.response(status.name, response, lazy=True)
        response = {"description": "A problem (RFC 9457).", "schema": ProblemSchema}
        prepare_response(response, self.spec, errors.PROBLEM_JSON)
        self.spec.components.response("DEFAULT_ERROR", response, lazy=True)

    def openapi_document(self) -> dict[str, Any]:
        """The document as served (see ``document.finish``)."""
        return document.finish(self.spec.to_dict())

    def _openapi_json(self) -> Response:
        return Response(
            json.dumps(self.openapi_document(), indent=2, sort_keys=False),
            mimetype="application/json",
        )


def create_app(settings: Settings | None = None, *, rental: Rental | None = None) -> Flask:
    """The Flask app serving ``rental`` (by default built from ``settings.database_url``)."""
    settings = settings or Settings.from_env()
    rental = rental or bootstrap_from(settings)
    app = Flask("rental")
    app.config.update(
        API_TITLE="rental",
        API_VERSION="v1",
        OPENAPI_VERSION="3.0.3",
        OPENAPI_URL_PREFIX=API_PREFIX,
        OPENAPI_JSON_PATH="openapi.json",
        TESTING=settings.env == "test",
        MAX_CONTENT_LENGTH=settings.max_body_bytes,
    )
    app.json = OrjsonProvider(app)  # keys in their order, as before
    app.extensions["rental"] = rental
    app.extensions["rental.settings"] = settings
    api = RentalApi(
        app,
        spec_kwargs={
            "info": {"description": API_DESCRIPTION},
            "components": {
                "securitySchemes": {
                    "bearerAuth": {"type": "http", "scheme": "bearer", "bearerFormat": "JWT"}
                }
            },
        },
    )
    # Before the other hooks: their lines carry the request id (operations: logs, metrics).
    observability.init_app(app)
    time_budget.init_app(app, settings)
    # The rate limit next: a limited address must not get its body read and parsed.
    ratelimit.init_app(app, settings)
    app.extensions["rental.api"] = api
    # After the Api, so that problem+json replaces flask-smorest's own error bodies.
    errors.init_app(app)
    auth.init_app(app)
    headers.init_app(app, settings)
    _register_blueprints(api)
    from rental.entrypoints.http import photos

    photos.init_app(app)
    _mount_graphql(app, settings)
    _mount_pages(app, settings)
    return app


def _register_blueprints(api: Api) -> None:
    from rental.entrypoints.http import bookings, health, listings, payments, reviews, users

    api.register_blueprint(health.blp)
    from rental.entrypoints.http import media, photos

    api.register_blueprint(media.blp)
    api.register_blueprint(photos.blp, url_prefix=API_PREFIX)
    for blp in (users.blp, users.me_blp, listings.blp, bookings.blp, payments.blp, reviews.blp):
        api.register_blueprint(blp, url_prefix=API_PREFIX)
    from rental.entrypoints.http import channel_sync

    api.register_blueprint(channel_sync.blp, url_prefix=API_PREFIX)
    _register_money_blueprints(api)
    from rental.entrypoints.http import accounts

    api.register_blueprint(accounts.blp, url_prefix=API_PREFIX)
    from rental.entrypoints.http import rates

    api.register_blueprint(rates.blp, url_prefix=API_PREFIX)
    from rental.entrypoints.http import messaging

    api.register_blueprint(messaging.blp, url_prefix=API_PREFIX)
    from rental.entrypoints.http import admin

    api.register_blueprint(admin.blp, url_prefix=API_PREFIX)
    from rental.entrypoints.http import wishlists

    api.register_blueprint(wishlists.blp, url_prefix=API_PREFIX)


def _mount_graphql(app: Flask, settings: Settings) -> None:
    graphql.init_app(app, settings)


def openapi_document() -> dict[str, Any]:
    """The OpenAPI document of a server with the default settings (what ``rental openapi``
    prints and ``make client`` generates the Python client from)."""
    settings = Settings(env="test", database_url=MEMORY_URL)
    app = create_app(settings, rental=bootstrap_from(settings))
    try:
        api: RentalApi = app.extensions["rental.api"]
        return api.openapi_document()
    finally:
        app.extensions["rental"].close()


def _register_money_blueprints(api: Api) -> None:
    """Payouts, and the payment provider's webhooks."""
    from rental.entrypoints.http import payouts, webhooks

    for blp in (payouts.blp, webhooks.blp):
        api.register_blueprint(blp, url_prefix=API_PREFIX)


def _mount_pages(app: Flask, settings: Settings) -> None:
    """The landing page, the API reference and GraphiQL's files; security headers."""
    from rental.entrypoints.web import pages

    pages.init_app(app, settings)
