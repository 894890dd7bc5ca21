"""The short path for plain fields answers exactly what graphql-core's full path answers."""

from __future__ import annotations

from flask import Flask
from flask.testing import FlaskClient
from strawberry.schema.schema import StrawberryGraphQLCoreExecutionContext

from rental.entrypoints.graphql.context import Context
from rental.entrypoints.graphql.schema import build_schema
from tests.integration.graphql.steps import created_listing
from tests.integration.http.booking_steps import rental_of
from tests.integration.http.conftest import signup

EVERY_FIELD = """{ listings { total page perPage items { id title description address city
  country latitude longitude timezone pricePerNight currency cleaningFee weeklyDiscountPercent
  monthlyDiscountPercent maxGuests minNights maxNights instantBook cancellationPolicy
  amenities ratingAverage reviewCount createdAt updatedAt host { id username role fullName
  bio createdAt email } } } }"""


def test_short_path_answers_as_the_full_path(memory_app: Flask, memory_client: FlaskClient) -> None:
    _, host = signup(memory_client, "host")
    created_listing(memory_client, host, latitude=38.5, amenities=["wifi", "pool"],
                    cancellationPolicy="STRICT")  # fmt: skip
    created_listing(memory_client, host, description="", address="Rua 1")
    rental = rental_of(memory_app)
    short = build_schema()
    full = build_schema()
    full.execution_context_class = StrawberryGraphQLCoreExecutionContext

    answers = [
        schema.execute_sync(EVERY_FIELD, context_value=Context.of(rental, None))
        for schema in (short, full)
    ]

    assert answers[0].errors is None and answers[1].errors is None
    assert answers[0].data == answers[1].data
    items = answers[0].data["listings"]["items"]  # type: ignore[index]
    assert {item["cancellationPolicy"] for item in items} == {"STRICT", "FLEXIBLE"}
    assert sorted(len(item["amenities"]) for item in items) == [0, 2]
