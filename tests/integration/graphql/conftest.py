"""Fixtures of the GraphQL tests: the HTTP tests' apps over memory, SQLite and PostgreSQL."""

from tests.integration.http.conftest import (  # noqa: F401 - fixtures used by these tests
    client,
    clock,
    database_url_or_memory,
    memory_app,
    memory_client,
    rental_app,
)
