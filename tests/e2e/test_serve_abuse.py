"""Limits against abuse on a live ``rental serve`` over PostgreSQL: the attack's nested
GraphQL query is refused before it runs, and a host cannot feed it more than its listings.

How fast the refusal is, is measured by ``bench/abuse_bench.py``, not asserted here.
"""

from __future__ import annotations

from pathlib import Path

import pytest

from tests.e2e.test_serve import call, sign_up
from tests.e2e.test_serve_hardening import serving

NESTED = """{ listings(perPage: 50) { items { host { listings(perPage: 50) { items {
  host { listings(perPage: 50) { items { id } } } } } } } } }"""
LISTING = {"title": "Loft", "city": "Lisbon", "country": "PT", "price_per_night": 100,
           "max_guests": 1}  # fmt: skip


@pytest.mark.postgres
def test_the_nested_query_is_refused_and_listings_per_host_are_capped(
    postgres_url: str, tmp_path: Path
) -> None:
    with serving(postgres_url, tmp_path, RENTAL_MAX_LISTINGS_PER_HOST="3") as server:
        host = sign_up(server, "hoarder", "host")
        made = [call(server, "POST", "/listings", host, json=LISTING) for _ in range(4)]
        assert [r.status_code for r in made] == [201, 201, 201, 409]
        assert made[-1].json()["type"].endswith("/too-many-listings")

        answer = call(server, "POST", "/graphql", json={"query": NESTED})
        assert answer.status_code == 200
        body = answer.json()
        assert body["data"] is None
        assert [e["extensions"]["code"] for e in body["errors"]] == ["GRAPHQL_VALIDATION_FAILED"]
        assert "budget of 5,000" in body["errors"][0]["message"]
        small = "{ listings(perPage: 5) { items { host { listings { items { id } } } } } }"
        answered = call(server, "POST", "/graphql", json={"query": small}).json()
        assert len(answered["data"]["listings"]["items"]) == 3
