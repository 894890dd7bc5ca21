"""Property-based tests of the whole API against its own OpenAPI document (schemathesis):
no 500 for anything generated, and every response conforms to the documented schema.

One test per operation. The app runs in memory (storage does not change the HTTP shapes) and is
built when the module loads: schemathesis collects operations from it, and its lazy fixture
loader does not work with this pytest.
"""

from __future__ import annotations

import itertools
from typing import Any

import pytest
import schemathesis
from hypothesis import HealthCheck, given, settings
from hypothesis.errors import Unsatisfiable
from schemathesis.checks import not_a_server_error
from schemathesis.specs.openapi.checks import response_schema_conformance

from rental.adapters.argon2_hasher import Argon2Hasher
from rental.composition import bootstrap
from rental.entrypoints.http import create_app
from tests.integration.http.conftest import listing_fields, signup, test_settings

MAX_EXAMPLES = 25
TURNS = itertools.count()
APP = create_app(test_settings(), rental=bootstrap(password_hasher=Argon2Hasher(fast=True)))
schema = schemathesis.openapi.from_wsgi("/api/v1/openapi.json", APP)
# Valid and invalid inputs alike (MODES below): what a client gets wrong must not be a 500.
schema.config.generation.update(deterministic=True)


@pytest.fixture
def seeded() -> dict[str, Any]:
    """A signed-in host owning one listing, so that authenticated endpoints and real ids get
    exercised, not only 401s and 404s."""
    client = APP.test_client()
    _, headers = signup(client, role="host")
    listing = client.post("/api/v1/listings", json=listing_fields(), headers=headers).get_json()
    return {"headers": headers, "listing_id": listing["id"]}


OPERATIONS = [result.ok() for result in schema.get_all_operations()]


# Parametrized by hand, one test id per operation: schemathesis's own parametrize gives every
# operation the same node id under this pytest, and pytest-xdist then ran only some of them.
@pytest.mark.parametrize("operation", OPERATIONS, ids=[op.label for op in OPERATIONS])
def test_api_conforms_to_its_openapi_document(operation: Any, seeded: dict[str, Any]) -> None:
    def check(case: Any) -> None:
        # Every other case aims at the real listing (except to delete it), the rest at random ids.
        aimed = "listing_id" in (case.path_parameters or {}) and case.method != "DELETE"
        if aimed and next(TURNS) % 2 == 0:
            case.path_parameters["listing_id"] = seeded["listing_id"]
        case.call_and_validate(
            headers=seeded["headers"], checks=[not_a_server_error, response_schema_conformance]
        )

    for mode in (schemathesis.GenerationMode.POSITIVE, schemathesis.GenerationMode.NEGATIVE):
        run = settings(
            max_examples=MAX_EXAMPLES, deadline=None, suppress_health_check=list(HealthCheck)
        )(given(case=operation.as_strategy(generation_mode=mode))(check))
        try:
            run()
        except Unsatisfiable:
            # Nothing about this operation can be made invalid (no parameters, or free-form
            # strings only); schemathesis's own runner passes over such a mode the same way.
            assert mode is schemathesis.GenerationMode.NEGATIVE, operation.label
