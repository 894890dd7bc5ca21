"""The README's curl walk-through, run as printed against ``rental serve`` with
``RENTAL_PAYMENT_GATEWAY=stripe`` on localstripe: only the card token (``tok_visa`` ->
``pm_card_visa``) and the server's address change. It keeps the walk-through true for Stripe."""

from __future__ import annotations

import os
import re
from collections.abc import Iterator
from pathlib import Path

import pytest
import requests

from tests.e2e.readme_walk_through import needs, run_in, serving, walk_through
from tests.e2e.test_serve import SECRET, Server
from tests.stripe_server import SECRET_KEY, WEBHOOK_SECRET


@pytest.fixture
def stripe_server(localstripe_url: str, sqlite_url: str, tmp_path: Path) -> Iterator[Server]:
    needs("bash", "curl", "jq", "python3")
    requests.delete(f"{localstripe_url}/_config/data", timeout=5).raise_for_status()
    env = {
        **os.environ, "RENTAL_ENV": "test", "RENTAL_SECRET_KEY": SECRET,
        "RENTAL_REQUIRE_VERIFIED_EMAIL": "false",
        "RENTAL_MAIL_DIR": str(tmp_path / "var" / "mail"),  # where the shells run: 1b reads it
        "RENTAL_DATABASE_URL": sqlite_url, "RENTAL_PAYMENT_GATEWAY": "stripe",
        "RENTAL_STRIPE_SECRET_KEY": SECRET_KEY, "RENTAL_STRIPE_WEBHOOK_SECRET": WEBHOOK_SECRET,
        "RENTAL_STRIPE_API_BASE": localstripe_url,
    }  # fmt: skip
    env.pop("RENTAL_REDIS_URL", None)
    with serving(env, tmp_path) as running:
        yield running


def test_the_readme_walk_through_works_with_stripe(
    stripe_server: Server, localstripe_url: str, tmp_path: Path
) -> None:
    script = walk_through(stripe_server.base_url, replace={"tok_visa": "pm_card_visa"})
    ran = run_in("bash", script, tmp_path)
    out = ran.stdout
    assert ran.returncode == 0 and ran.stderr == "", ran.stderr + stripe_server.output()
    # Step 4: paid through Stripe and confirmed; the same nights again are a 409.
    assert re.search(r'"amount": 42900,\s+"currency": "EUR",\s+"status": "captured"', out), out
    assert '"status": "confirmed"' in out and '"title": "Dates unavailable"' in out
    # 5a: cancelled 30 days ahead under the moderate policy, refunded in full at Stripe.
    assert re.search(r'"cancelled_by": "guest",\s+"refund_amount": 42900', out), out
    assert re.search(r'"status": "refunded",\s+"refunded_amount": 42900', out), out
    # 5b and 5c: a review, its repeat refused; GraphQL pays through Stripe too.
    assert '"rating": 5' in out and "already been reviewed" in out
    assert '"status": "CAPTURED"' in out and '"code": "CONFLICT"' in out
    # 6: logged out.
    assert "204\n" in out and "The token has been revoked." in out
    assert "Traceback" not in stripe_server.output()

    # Stripe holds the two PaymentIntents, one refunded in full.
    intents = requests.get(
        f"{localstripe_url}/v1/payment_intents", auth=(SECRET_KEY, ""), timeout=10
    ).json()["data"]
    charges = [intent["charges"]["data"][0] for intent in intents]
    assert sorted((i["amount"], i["currency"], i["status"]) for i in intents) == [
        (42900, "eur", "succeeded"), (42900, "eur", "succeeded")
    ]  # fmt: skip
    assert sorted(c["amount_refunded"] for c in charges) == [0, 42900]
