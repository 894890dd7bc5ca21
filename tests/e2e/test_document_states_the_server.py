"""What a stock ``schemathesis run --checks all`` (no hooks) against ``rental serve`` (gunicorn,
as deployed) holds against the document: 414 for a long request line and the webhook's rules
must be stated, and the rules JSON Schema cannot say must be marked.

The one thing allowed beyond the document is what JSON Schema cannot say: a rule between two
fields (``check_out`` after ``check_in``, ``to`` after ``from``), marked ``x-rental-after``, and
a rule on who asks and what exists (an inquiry to one's own listing, a one-time token the server
never emailed, an address no account may have), marked ``x-rental-state-rule`` on the
operation. An operation with such a rule may answer 422 (400 for a token) to data the schema
allows, and no other operation may; a stock run, with no hooks, checks exactly that.
"""

from __future__ import annotations

import shutil
import subprocess
import sys
from pathlib import Path
from typing import Any
from xml.etree import ElementTree

import pytest
import requests

from tests.e2e.test_serve_hardening import serving

SCHEMATHESIS = str(Path(sys.executable).with_name("schemathesis"))


def _resolve(document: dict[str, Any], schema: dict[str, Any]) -> dict[str, Any]:
    while "$ref" in schema or "allOf" in schema:
        if "$ref" in schema:
            schema = document["components"]["schemas"][schema["$ref"].rsplit("/", 1)[1]]
        else:
            merged = {k: v for k, v in schema.items() if k != "allOf"}
            for part in schema["allOf"]:
                merged = {**_resolve(document, part), **merged}
            schema = merged
    return schema


def cross_field_operations(document: dict[str, Any]) -> list[str]:
    """The operations with a rule between two of their fields (``x-rental-after``) or on the
    state of things (``x-rental-state-rule``)."""
    found = []
    for item in document["paths"].values():
        for operation in item.values():
            if not isinstance(operation, dict) or "operationId" not in operation:
                continue
            schemas = [p.get("schema", {}) for p in operation.get("parameters", [])]
            body = operation.get("requestBody", {}).get("content", {}).get("application/json")
            if body:
                schemas += _resolve(document, body["schema"]).get("properties", {}).values()
            if "x-rental-state-rule" in operation or any(
                "x-rental-after" in _resolve(document, s) for s in schemas
            ):
                found.append(operation["operationId"])
    return sorted(found)


@pytest.fixture(scope="module")
def server(sqlite_template: Path, tmp_path_factory: pytest.TempPathFactory) -> Any:
    folder = tmp_path_factory.mktemp("stock")
    database = folder / "rental.sqlite3"
    shutil.copyfile(sqlite_template, database)
    with serving(
        f"sqlite:///{database}", folder, RENTAL_AUTH_RATE_LIMIT="1000000/minute"
    ) as running:
        yield running


def test_the_document_marks_exactly_the_date_order_rules(server: Any) -> None:
    document = requests.get(server.url("/api/v1/openapi.json"), timeout=30).json()
    # A booking's, a quote's and a search's stay, an availability or rates window, a block's
    # nights; an inquiry to one's own listing.
    # A one-time token or an address refused for what it is, not for its shape.
    expected = [
        "blockDates", "changeEmail", "confirmPasswordReset", "createBooking", "getAvailability",
        "getCalendar", "getQuote", "listListings", "registerUser", "requestPasswordReset",
        "sendInquiry", "verifyEmail",
    ]  # fmt: skip
    assert cross_field_operations(document) == expected


def test_what_schemathesis_may_not_reach_is_stated_too(server: Any) -> None:
    """A request line over gunicorn's limit, and the webhook's body judged only after its
    signature: what the server does is what the document says, on every operation."""
    document = requests.get(server.url("/api/v1/openapi.json"), timeout=30).json()
    operations = [
        operation
        for item in document["paths"].values()
        for operation in item.values()
        if isinstance(operation, dict) and "operationId" in operation
    ]
    assert all("414" in operation["responses"] for operation in operations)
    long = requests.get(server.url("/api/v1/listings?city=" + "a" * 5000), timeout=30)
    assert long.status_code == 414
    assert long.headers["Content-Type"] == "application/problem+json"
    # A key with a NUL, which every other endpoint refuses with 422: the webhook judges its
    # body only after the signature, so with webhooks off (the sandbox) it is the 404.
    webhook = requests.post(
        server.url("/api/v1/webhooks/stripe"), json={"a\u0000b": 1},
        headers={"Stripe-Signature": "t=1,v1=00"}, timeout=30,
    )  # fmt: skip
    assert webhook.status_code == 404, webhook.text
    declared = document["paths"]["/webhooks/stripe"]["post"]["responses"]
    assert {"400", "404", "413", "414", "415"} <= set(declared)


def test_stock_schemathesis_finds_only_the_rules_the_document_marks(
    server: Any, tmp_path: Path
) -> None:
    """``schemathesis run --checks all`` as it comes: no hooks, no configuration, every phase.
    Whatever it reports must be a marked rule (``x-rental-after`` or ``x-rental-state-rule``)
    refused as the mark says, never anything else."""
    document = requests.get(server.url("/api/v1/openapi.json"), timeout=30).json()
    marked = set(cross_field_operations(document))
    by_route = {
        f"{method.upper()} {path}": operation["operationId"]
        for path, item in document["paths"].items()
        for method, operation in item.items()
        if isinstance(operation, dict) and "operationId" in operation
    }
    report = tmp_path / "junit.xml"
    run = subprocess.run(
        [
            SCHEMATHESIS,
            "run",
            server.url("/api/v1/openapi.json"),
            "--checks",
            "all",
            "--max-examples",
            "3",
            "--seed",
            "1",
            "--workers",
            "1",
            "--report",
            "junit",
            "--report-junit-path",
            str(report),
        ],
        cwd=tmp_path,
        capture_output=True,
        text=True,
        timeout=600,
        check=False,
    )
    assert report.exists(), run.stdout[-3000:] + run.stderr[-3000:]
    failures = {
        by_route.get(case.attrib["name"], case.attrib["name"]): failure
        for case in ElementTree.parse(report).iter("testcase")
        if (failure := case.find("failure")) is not None or (failure := case.find("error"))
    }
    unmarked = sorted(set(failures) - marked)
    assert not unmarked, "\n\n".join(failures[name].text or name for name in unmarked)
    for failure in failures.values():
        # Only "schema-valid request rejected", with the status the mark states.
        assert failure.attrib.get("message") == "ST202", failure.text
        assert "[422]" in (failure.text or "") or "[400]" in (failure.text or ""), failure.text
