"""The pages a browser gets, all served by the app from the installed package (no CDN):

- ``GET /``: a landing page linking the reference, GraphiQL (development), the OpenAPI
  document and the health endpoints;
- ``GET /api/v1/docs``: the API reference, Swagger UI (from the ``swagger-ui-bundle`` package)
  on the live OpenAPI document, in every environment;
- GraphiQL at ``GET /api/v1/graphql`` for browsers, in development only, with GraphiQL's and
  React's builds copied into ``static/graphiql/`` by ``scripts/vendor_graphiql.py``.

Every HTML answer carries a strict ``Content-Security-Policy`` (scripts and styles from this
origin only, nothing inline, no framing); every answer ``X-Content-Type-Options: nosniff``.
"""

from __future__ import annotations

from html import escape
from pathlib import Path

import swagger_ui_bundle
from flask import Blueprint, Flask, Response, abort, send_from_directory

from rental.settings import Settings

STATIC = Path(__file__).resolve().parent / "static"
PAGES = STATIC / "pages"
GRAPHIQL = STATIC / "graphiql"
SWAGGER_UI = Path(swagger_ui_bundle.swagger_ui_path)
# Swagger UI's files the reference loads; nothing else of the bundle's folder is served.
SWAGGER_UI_FILES = frozenset({"swagger-ui.css", "swagger-ui-bundle.js"})
PAGE_FILES = frozenset({"page.css", "reference.js", "graphiql.js"})
GRAPHIQL_FILES = frozenset(
    {
        "graphiql.min.css",
        "graphiql.min.js",
        "react.production.min.js",
        "react-dom.production.min.js",
    }
)
# Images and fonts come as data: URIs inside the stylesheets; fetches only to this origin.
CONTENT_SECURITY_POLICY = "; ".join(
    [
        "default-src 'none'",
        "script-src 'self'",
        "style-src 'self'",
        "img-src 'self' data:",
        "font-src 'self' data:",
        "connect-src 'self'",
        "base-uri 'none'",
        "form-action 'none'",
        "frame-ancestors 'none'",
    ]
)
ASSET_MAX_AGE = 3600

blp = Blueprint("pages", __name__)


def _html(text: str) -> Response:
    return Response(text, mimetype="text/html")


def landing(settings: Settings) -> Response:
    links = [
        ("/api/v1/docs", "API reference", "every operation of the HTTP API; try one from the page"),
        ("/api/v1/openapi.json", "OpenAPI document", "the same, as JSON, for generators"),
    ]
    if settings.is_development:
        links.append(("/api/v1/graphql", "GraphiQL", "the GraphQL API, interactively"))
    links += [
        ("/healthz", "/healthz", "liveness: the process answers"),
        ("/readyz", "/readyz", "readiness: the database (and Redis) answer"),
    ]
    items = "\n".join(
        f'    <li><a href="{escape(href)}">{escape(name)}</a>: {escape(what)}</li>'
        for href, name, what in links
    )
    return _html(
        f"""<!doctype html>
<html lang="en">
<head>
  <meta charset="utf-8">
  <title>rental</title>
  <meta name="viewport" content="width=device-width, initial-scale=1">
  <link rel="stylesheet" href="/pages/page.css">
</head>
<body>
<main class="landing">
  <h1>rental</h1>
  <p>The backend of a short-stay rental marketplace. The HTTP API is under
  <code>/api/v1</code>; the GraphQL API answers <code>POST /api/v1/graphql</code>.</p>
  <ul>
{items}
  </ul>
</main>
</body>
</html>
"""
    )


def graphiql_page() -> Response:
    return _html((PAGES / "graphiql.html").read_text(encoding="utf-8"))


def _asset(folder: Path, allowed: frozenset[str], name: str) -> Response:
    if name not in allowed:
        abort(404)
    response = send_from_directory(folder, name, max_age=ASSET_MAX_AGE)
    response.headers["Cache-Control"] = f"public, max-age={ASSET_MAX_AGE}"
    return response


@blp.get("/api/v1/docs")
def reference() -> Response:
    return _html((PAGES / "reference.html").read_text(encoding="utf-8"))


@blp.get("/api/v1/docs/assets/<name>")
def reference_asset(name: str) -> Response:
    return _asset(SWAGGER_UI, SWAGGER_UI_FILES, name)


@blp.get("/pages/<name>")
def page_asset(name: str) -> Response:
    return _asset(PAGES, PAGE_FILES, name)


def init_app(app: Flask, settings: Settings) -> None:
    app.add_url_rule("/", "pages.landing", lambda: landing(settings), methods=["GET"])
    if settings.is_development:
        app.add_url_rule(
            "/api/v1/graphiql/<name>",
            "pages.graphiql_asset",
            lambda name: _asset(GRAPHIQL, GRAPHIQL_FILES, name),
            methods=["GET"],
        )
    app.register_blueprint(blp)

    def protect(response: Response) -> Response:
        response.headers["X-Content-Type-Options"] = "nosniff"
        if response.mimetype == "text/html":
            response.headers["Content-Security-Policy"] = CONTENT_SECURITY_POLICY
        return response

    app.after_request(protect)
