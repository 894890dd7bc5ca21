"""The pages served from the package: the landing page, the API reference and GraphiQL's files
(what a browser makes of them is in tests/e2e/test_pages_browser.py)."""

from __future__ import annotations

import re

import pytest
from flask.testing import FlaskClient

from rental.composition import bootstrap
from rental.entrypoints.http import create_app
from rental.entrypoints.web.pages import GRAPHIQL, GRAPHIQL_FILES
from tests.integration.http.conftest import test_settings


def _client(env: str) -> FlaskClient:
    return create_app(test_settings(env=env), rental=bootstrap()).test_client()


@pytest.mark.parametrize("env", ["test", "production", "development"])
def test_the_landing_page_and_the_reference_are_served_in_every_environment(env: str) -> None:
    client = _client(env)
    landing = client.get("/")
    assert landing.status_code == 200 and landing.mimetype == "text/html"
    links = set(re.findall(r'href="([^"]+)"', landing.get_data(as_text=True)))
    assert {"/api/v1/docs", "/api/v1/openapi.json", "/healthz", "/readyz"} <= links
    assert ("/api/v1/graphql" in links) == (env == "development")
    reference = client.get("/api/v1/docs")
    assert reference.status_code == 200
    # Every file the page loads comes from this server.
    sources = re.findall(r'(?:src|href)="([^"]+)"', reference.get_data(as_text=True))
    assert sources and all(source.startswith("/") for source in sources), sources
    for source in sources:
        assert client.get(source).status_code == 200, source


def test_graphiql_and_its_files_only_in_development() -> None:
    development, production = _client("development"), _client("production")
    page = development.get("/api/v1/graphql", headers={"Accept": "text/html"})
    assert page.status_code == 200 and page.mimetype == "text/html"
    sources = re.findall(r'(?:src|href)="([^"]+)"', page.get_data(as_text=True))
    assert sources and all(source.startswith("/") for source in sources), sources
    for source in sources:
        assert development.get(source).status_code == 200, source
    assert production.get("/api/v1/graphiql/graphiql.min.js").status_code == 404
    # The package holds every file the page names.
    assert all((GRAPHIQL / name).is_file() for name in GRAPHIQL_FILES)


def test_only_the_named_files_are_served() -> None:
    client = _client("development")
    for path in (
        "/api/v1/docs/assets/index.html",
        "/api/v1/docs/assets/swagger-initializer.js",
        "/api/v1/graphiql/LICENSE.react",
        "/pages/graphiql.html",
        "/pages/..%2f..%2fpages.py",
    ):
        assert client.get(path).status_code == 404, path
