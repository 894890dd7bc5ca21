"""What browsers and caches are told: ``Cache-Control`` on every response, and CORS.

- Public reads (a listing, search, availability, reviews, the OpenAPI document) answer
  ``Cache-Control: public, max-age=RENTAL_PUBLIC_MAX_AGE``. Everything else, token answers
  first of all (RFC 6749 section 5.1), any authenticated or private answer and every error, is
  ``no-store``: a shared cache must never hand one user's data to another. An answer to a
  request that carries credentials (``Authorization``), and an answer carrying tokens, is
  ``private, no-store`` whatever the endpoint: no cache, shared or the browser's, keeps it.
- CORS (flask-cors) only for the origins in ``RENTAL_CORS_ORIGINS``; none by default, so a
  browser on another origin gets no ``Access-Control-Allow-Origin`` and refuses to read.
"""

from __future__ import annotations

from collections.abc import Callable

from flask import Flask, Response, request
from flask_cors import CORS

from rental.settings import Settings

PUBLIC_READS = frozenset(
    {
        "listings.search_listings",
        "listings.get_listing",
        "listings.availability",
        "reviews.listing_reviews",
        "api-docs.openapi_json",
    }
)
# Answers that carry tokens, though their request carries no credentials.
TOKEN_ANSWERS = frozenset({"auth.login", "auth.register", "auth.refresh"})
PRIVATE = "private, no-store"
CORS_METHODS = ["GET", "POST", "PATCH", "PUT", "DELETE", "OPTIONS"]
CORS_REQUEST_HEADERS = [
    "Authorization",
    "Content-Type",
    "Idempotency-Key",
    "If-Match",
    "If-None-Match",
    "X-Request-ID",  # a browser app's own id for the request, in every log line of it
]
CORS_EXPOSED_HEADERS = [
    "ETag",
    "Last-Modified",
    "Location",
    "Retry-After",
    "RateLimit-Limit",
    "RateLimit-Remaining",
    "RateLimit-Reset",
    "X-Request-ID",  # what to quote when reporting a problem
]
PREFLIGHT_MAX_AGE = 600


def cache_control(settings: Settings) -> str:
    """The ``Cache-Control`` of public reads."""
    return f"public, max-age={settings.public_max_age}"


HSTS = "max-age=31536000"  # a year; subdomains and preload are the operator's choice


def _privacy_headers(settings: Settings) -> Callable[[Response], Response]:
    """``Referrer-Policy: no-referrer`` everywhere: a page showing a secret URL (the
    calendar feed's) must not hand it to the next site in ``Referer``. HSTS only when
    ``RENTAL_PUBLIC_URL`` is https: a browser must first have reached us over TLS."""
    https = (settings.public_url or "").startswith("https://")

    def add(response: Response) -> Response:
        response.headers.setdefault("Referrer-Policy", "no-referrer")
        if https:
            response.headers.setdefault("Strict-Transport-Security", HSTS)
        return response

    return add


def init_app(app: Flask, settings: Settings) -> None:
    public = cache_control(settings)

    def set_cache_control(response: Response) -> Response:
        if settings.cors_origins:
            # Whether CORS headers are there depends on Origin: a shared cache must know it.
            response.vary.add("Origin")
        if "Authorization" in request.headers or request.endpoint in TOKEN_ANSWERS:
            response.headers["Cache-Control"] = PRIVATE
            return response
        if "Cache-Control" in response.headers:
            return response
        is_public = (
            request.method in ("GET", "HEAD")
            and request.endpoint in PUBLIC_READS
            and response.status_code in (200, 304)
        )
        response.headers["Cache-Control"] = public if is_public else "no-store"
        return response

    app.after_request(set_cache_control)
    app.after_request(_privacy_headers(settings))
    if settings.cors_origins:
        CORS(
            app,
            origins=list(settings.cors_origins),
            methods=CORS_METHODS,
            allow_headers=CORS_REQUEST_HEADERS,
            expose_headers=CORS_EXPOSED_HEADERS,
            supports_credentials=settings.cors_credentials,
            max_age=PREFLIGHT_MAX_AGE,
            vary_header=True,
        )
