"""The cost budget of one operation: nested pages multiply, aliases and fragments count, and
an operation over the budget is refused before any field runs."""

from __future__ import annotations

from flask.testing import FlaskClient

from rental.adapters.argon2_hasher import Argon2Hasher
from rental.composition import bootstrap
from rental.entrypoints.http import create_app
from rental.settings import AbuseLimits, Settings
from tests.fakes import FakeClock
from tests.integration.graphql.steps import codes, created_listing, gql
from tests.integration.http.conftest import signup, test_settings

# The attack's query: 50 listings, each host's 50 listings, each of their hosts' 50 listings.
NESTED = """{ listings(perPage: 50) { items { host { listings(perPage: 50) { items {
  host { listings(perPage: 50) { items { id } } } } } } } } }"""
NESTED_BY_VARIABLE = """query($n: Int) { listings(perPage: $n) { items { host {
  listings(perPage: $n) { items { id } } } } } }"""


def refused_for_cost(answer: dict[str, object]) -> bool:
    errors = answer.get("errors")
    assert isinstance(errors, list)
    return (
        codes(answer) == ["GRAPHQL_VALIDATION_FAILED"]
        and answer["data"] is None
        and "budget of 5,000" in errors[0]["message"]
    )


def test_nested_pages_multiply_and_are_refused_over_the_budget(
    memory_client: FlaskClient,
) -> None:
    assert refused_for_cost(gql(memory_client, NESTED))
    answer = gql(memory_client, NESTED)
    # 1 + 50 items + 50 hosts + 50 pages + 2,500 items + 2,500 hosts + 2,500 pages + 125,000.
    assert answer["errors"][0]["extensions"]["cost"] == 132_651
    # The same pages as variables: 1 + 70 + 70 + 70 + 4,900 over; 1 + 50 + 50 + 50 + 2,500 under.
    assert refused_for_cost(gql(memory_client, NESTED_BY_VARIABLE, {"n": 70}))
    assert "errors" not in gql(memory_client, NESTED_BY_VARIABLE, {"n": 50})
    # A variable left out takes the argument's default (20): 1 + 20 + 20 + 20 + 400.
    assert "errors" not in gql(memory_client, NESTED_BY_VARIABLE)


def test_aliases_and_fragments_count_each_time_they_are_used(memory_client: FlaskClient) -> None:
    page = "listings(perPage: 100) { items { host { id } } }"  # 201 each
    under = "{ " + " ".join(f"a{i}: {page}" for i in range(24)) + " }"  # 4,824
    over = "{ " + " ".join(f"a{i}: {page}" for i in range(25)) + " }"  # 5,025
    assert "errors" not in gql(memory_client, under)
    assert refused_for_cost(gql(memory_client, over))

    fragment = "fragment F on Listing { host { listings(perPage: 100) { items { id } } } }"
    once = "{ listings(perPage: 20) { items { ...F } } } " + fragment  # 1 + 20 x 102
    spread_inside_list = "{ listings(perPage: 50) { items { ...F } } } " + fragment
    assert "errors" not in gql(memory_client, once)
    assert refused_for_cost(gql(memory_client, spread_inside_list))
    inline = "{ listings(perPage: 50) { items { ... on Listing { host { listings(perPage: 100) { items { id } } } } } } }"  # noqa: E501
    assert refused_for_cost(gql(memory_client, inline))


def test_introspection_and_scalars_cost_nothing(memory_client: FlaskClient) -> None:
    introspection = """{ __schema { types { name fields { name args { name type { name
      ofType { name ofType { name ofType { name } } } } } } } } }"""
    assert "errors" not in gql(memory_client, introspection)
    flat = "{ listings(perPage: 100) { total items { id title city amenities pricePerNight } } }"
    assert "errors" not in gql(memory_client, flat)


def test_a_refused_mutation_changes_nothing(memory_client: FlaskClient) -> None:
    _, host = signup(memory_client, "host")
    costly = """mutation { createListing(input: {title: "T", city: "Lisbon", country: "PT",
      pricePerNight: 100, maxGuests: 1}) { host { listings(perPage: 100) { items {
      host { listings(perPage: 100) { items { id } } } } } } } }"""
    assert refused_for_cost(gql(memory_client, costly, headers=host))
    mine = "{ me { listings { total } } }"
    assert gql(memory_client, mine, headers=host)["data"]["me"]["listings"]["total"] == 0


def test_the_budget_is_a_setting(clock: FakeClock) -> None:
    assert Settings.from_env({"RENTAL_ENV": "test"}).limits.graphql_max_cost == 5000
    settings = Settings.from_env({"RENTAL_ENV": "test", "RENTAL_GRAPHQL_MAX_COST": "100"})
    assert settings.limits == AbuseLimits(graphql_max_cost=100)

    rental = bootstrap(clock=clock, password_hasher=Argon2Hasher(fast=True))
    app = create_app(test_settings(limits=AbuseLimits(graphql_max_cost=100)), rental=rental)
    client = app.test_client()
    _, host = signup(client, "host")
    created_listing(client, host)
    small = "{ listings(perPage: 40) { items { host { id } } } }"  # 81
    large = "{ listings(perPage: 60) { items { host { id } } } }"  # 121
    assert gql(client, small)["data"]["listings"]["items"]
    answer = gql(client, large)
    assert codes(answer) == ["GRAPHQL_VALIDATION_FAILED"] and "budget of 100" in str(answer)
