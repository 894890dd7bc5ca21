"""Stripe webhook events for tests: built from the objects localstripe holds, signed the way
Stripe signs them (``t=<unix time>,v1=<HMAC-SHA256 of "t.body">``)."""

from __future__ import annotations

import hashlib
import hmac
import itertools
import json
import time
from typing import Any

from flask.testing import FlaskClient
from werkzeug.test import TestResponse

from tests.stripe_server import WEBHOOK_SECRET

URL = "/api/v1/webhooks/stripe"
_ids = itertools.count(1)


def event(kind: str, obj: dict[str, Any], event_id: str | None = None) -> bytes:
    body = {
        "id": event_id or f"evt_test_{time.time_ns()}_{next(_ids)}",
        "object": "event",
        "type": kind,
        "created": int(time.time()),
        "data": {"object": obj},
    }
    return json.dumps(body).encode()


def signature(payload: bytes, secret: str = WEBHOOK_SECRET, at: float | None = None) -> str:
    stamp = int(time.time() if at is None else at)
    signed = f"{stamp}.".encode() + payload
    digest = hmac.new(secret.encode(), signed, hashlib.sha256).hexdigest()
    return f"t={stamp},v1={digest}"


def deliver(client: FlaskClient, payload: bytes, header: str | None = None) -> TestResponse:
    headers = {"Content-Type": "application/json; charset=utf-8"}
    headers["Stripe-Signature"] = signature(payload) if header is None else header
    return client.post(URL, data=payload, headers=headers)
