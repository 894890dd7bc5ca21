"""The API's JSON goes through orjson and reads exactly as Flask's own provider wrote it."""

from __future__ import annotations

import json
import uuid
from datetime import UTC, date, datetime
from decimal import Decimal

from flask import Flask
from flask.json.provider import DefaultJSONProvider

from rental.entrypoints.http.json_provider import OrjsonProvider

DOCUMENT = {
    "zeta": 1,
    "alpha": [1.5, None, True, "Lisboa, São Bento — 東京"],
    "when": datetime(2026, 12, 1, 22, 5, 7, tzinfo=UTC),
    "day": date(2026, 12, 24),
    "rating": Decimal("4.67"),
    "id": uuid.UUID("12345678-1234-5678-1234-567812345678"),
    "nested": {"b": {"c": []}, "a": {}},
    7: "a key that is not a string",
}


def _flask_default(app: Flask) -> DefaultJSONProvider:
    provider = DefaultJSONProvider(app)
    provider.sort_keys = False
    return provider


def test_responses_read_as_flask_wrote_them_keys_in_order() -> None:
    app = Flask("json")
    ours, flask = OrjsonProvider(app), _flask_default(app)
    with app.app_context():
        mine, theirs = ours.response(DOCUMENT), flask.response(DOCUMENT)
    assert mine.mimetype == theirs.mimetype == "application/json"
    assert mine.get_data().endswith(b"\n")
    assert json.loads(mine.get_data()) == json.loads(theirs.get_data())
    assert list(json.loads(mine.get_data())) == [str(key) for key in DOCUMENT]
    assert json.loads(mine.get_data())["when"] == "Tue, 01 Dec 2026 22:05:07 GMT"
    assert ours.loads(ours.dumps(DOCUMENT)) == flask.loads(flask.dumps(DOCUMENT))


def test_what_orjson_cannot_encode_is_written_by_the_standard_library() -> None:
    app = Flask("json")
    huge = {"guests": 2**70, "ok": [1]}
    with app.app_context():
        assert json.loads(OrjsonProvider(app).response(huge).get_data()) == huge
    assert json.loads(OrjsonProvider(app).dumps(huge)) == huge


def test_the_api_answers_through_orjson(memory_app: Flask) -> None:
    assert isinstance(memory_app.json, OrjsonProvider)
    response = memory_app.test_client().get("/api/v1/openapi.json")
    assert response.status_code == 200
    assert response.get_json()["info"]["title"] == "rental"
