"""``schemathesis run --checks all`` against the server, as an integrator would run it: every
check (positive and negative data, status codes, headers, auth, resources after create and
delete, unsupported methods), every phase, the stateful one walking the document's links
(register -> login, listing -> booking -> payment -> cancel or review). It must report nothing.

The server is the real WSGI app on a real socket over a migrated SQLite file, with a relaxed
sign-in rate limit and a cheap password hash (the only two things changed, both for speed).
The hooks in ``schemathesis_hooks.py`` give each side of the marketplace its token and apply
the document's ``x-rental-*`` rules to positive cases. Two outcomes that depend on state, not
on the request, are expected as such per operation: 412 for ``updateListing`` (a random
If-Match names an old version), 402 for ``createPayment`` (the sandbox's decline tokens) and
422 for ``createReview`` and ``createGuestReview`` (the stay must be completed first, which no
request can make so).
"""

from __future__ import annotations

import json
import os
import subprocess
import sys
import threading
from collections.abc import Iterator
from pathlib import Path

import pytest
import requests
from werkzeug.serving import make_server

from rental.adapters.argon2_hasher import Argon2Hasher
from rental.composition import bootstrap_from
from rental.entrypoints.http import create_app
from rental.settings import RateLimit
from tests.integration.http.conftest import PASSWORD, test_settings

ROOT = Path(__file__).resolve().parents[3]
SCHEMATHESIS = str(Path(sys.executable).with_name("schemathesis"))
MAX_EXAMPLES = 6
ACCEPTED = ["2xx", "3xx", "401", "403", "404", "409", "429"]
# Messages: a cursor or an up_to is opaque (any string fits its schema, only the server's own
# are accepted), a body is checked after trimming, and the host (whose token these run with)
# may not write an inquiry to their own listing nor block themselves: 422s a schema cannot say.
MESSAGING = [
    "listThreads", "listThreadMessages", "getThreadUpdates", "sendInquiry", "sendMessage",
    "markThreadRead", "blockUser",
]  # fmt: skip
CONFIG = f"""
[generation]
max-examples = {MAX_EXAMPLES}

[phases.stateful]
max-steps = 12
# Only the document's own links: inferred ones took GET /bookings/{id}/review for the place
# of a new booking (it is the place of its review, which a new stay does not have yet).
inference.algorithms = []

[[operations]]
include-operation-id = "updateListing"
checks.positive_data_acceptance.expected-statuses = {json.dumps([*ACCEPTED, "412"])}

[[operations]]
include-operation-id = "createPayment"
checks.positive_data_acceptance.expected-statuses = {json.dumps([*ACCEPTED, "402"])}

[[operations]]
include-operation-id = "createReview"
checks.positive_data_acceptance.expected-statuses = {json.dumps([*ACCEPTED, "422"])}

# An address the `email` format admits may still be refused by the server's own address rules
# (no invisible or control characters, a deliverable domain): a 422 no JSON Schema format says.
[[operations]]
include-operation-id = "registerUser"
checks.positive_data_acceptance.expected-statuses = {json.dumps([*ACCEPTED, "422"])}

[[operations]]
include-operation-id = "requestPasswordReset"
checks.positive_data_acceptance.expected-statuses = {json.dumps([*ACCEPTED, "422"])}

# A one-time token no email carried is well formed and still unknown: 400 invalid-token.
[[operations]]
include-operation-id = "confirmPasswordReset"
checks.positive_data_acceptance.expected-statuses = {json.dumps([*ACCEPTED, "400"])}

[[operations]]
include-operation-id = "verifyEmail"
checks.positive_data_acceptance.expected-statuses = {json.dumps([*ACCEPTED, "400"])}
""" + "".join(
    f"""
[[operations]]
include-operation-id = "{operation}"
checks.positive_data_acceptance.expected-statuses = {json.dumps([*ACCEPTED, "422"])}
"""
    for operation in (*MESSAGING, "createGuestReview")
)


@pytest.fixture
def server(sqlite_url: str) -> Iterator[str]:
    settings = test_settings(database_url=sqlite_url, auth_rate_limit=RateLimit(1_000_000, 60))
    rental = bootstrap_from(settings, password_hasher=Argon2Hasher(fast=True))
    app = create_app(settings, rental=rental)
    http = make_server("127.0.0.1", 0, app, threaded=True)
    thread = threading.Thread(target=http.serve_forever, daemon=True)
    thread.start()
    try:
        yield f"http://127.0.0.1:{http.server_port}"
    finally:
        http.shutdown()
        thread.join(timeout=10)
        rental.close()


def _tokens(base: str) -> dict[str, str]:
    tokens = {}
    for role in ("host", "guest"):
        email = f"schemathesis-{role}@example.com"
        body = {"username": f"st-{role}", "email": email, "password": PASSWORD, "role": role}
        requests.post(f"{base}/api/v1/auth/register", json=body, timeout=30).raise_for_status()
        login = requests.post(
            f"{base}/api/v1/auth/login", json={"email": email, "password": PASSWORD}, timeout=30
        )
        login.raise_for_status()
        tokens[role] = login.json()["access_token"]
        tokens["refresh"] = login.json()["refresh_token"]
    return tokens


@pytest.mark.parametrize("phases", ["examples,coverage,fuzzing", "stateful"])
def test_schemathesis_reports_no_failure_of_any_check(
    server: str, phases: str, tmp_path: Path
) -> None:
    config = tmp_path / "schemathesis.toml"
    config.write_text(CONFIG)
    env = {
        **os.environ,
        "PYTHONPATH": str(ROOT),
        "SCHEMATHESIS_HOOKS": "tests.integration.http.schemathesis_hooks",
        "RENTAL_ST_BASE": server,
        "RENTAL_ST_TOKENS": json.dumps(_tokens(server)),
    }
    # One worker: with two, the coverage phase's threads both had Hypothesis parse a lambda's
    # source at once, and CPython 3.11's ast.parse failed ("AST constructor recursion depth
    # mismatch"), a runtime error of the tool, once the admin operations were in the document.
    # One worker took no longer here (40 s against 43 to 58 s).
    run = subprocess.run(
        [
            SCHEMATHESIS, "--config-file", str(config), "run", f"{server}/api/v1/openapi.json",
            "--checks", "all", "--phases", phases, "--workers", "1", "--seed", "1",
            "--no-color", "--suppress-health-check", "all",
        ],
        cwd=tmp_path, env=env, capture_output=True, text=True, timeout=900, check=False,
    )  # fmt: skip
    report = run.stdout + run.stderr
    assert run.returncode == 0, report[-20_000:]
    assert "Failures:" not in report, report[-20_000:]
    assert "Tested: " in report
