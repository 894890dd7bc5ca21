"""The README's curl walk-through, run as printed against ``rental serve`` with
``RENTAL_PAYMENT_GATEWAY=stripe`` on localstripe: only the card token (``tok_visa`` ->
``pm_card_visa``) and the server's address change. It keeps the walk-through true for Stripe."""

from __future__ import annotations

import os
import re
import shutil
import signal
import subprocess
import sys
from collections.abc import Iterator
from pathlib import Path

import pytest
import requests

from tests.e2e.test_serve import SECRET, Server, free_port, wait_until_healthy
from tests.stripe_server import SECRET_KEY, WEBHOOK_SECRET

README = Path(__file__).resolve().parents[2] / "README.md"
SECTION, END = "## Try it: a whole booking with curl", "### Housekeeping"


def walk_through(base_url: str) -> str:
    """The ``sh`` blocks of the README's walk-through in order, for Stripe at ``base_url``."""
    text = README.read_text(encoding="utf-8")
    assert SECTION in text and END in text, "README.md's curl walk-through moved"
    section = text.split(SECTION, 1)[1].split(END, 1)[0]
    blocks = re.findall(r"^```sh\n(.*?)^```", section, flags=re.MULTILINE | re.DOTALL)
    script = "\n".join(blocks)
    assert "tok_visa" in script and "http://127.0.0.1:8000" in script
    return script.replace("tok_visa", "pm_card_visa").replace("http://127.0.0.1:8000", base_url)


@pytest.fixture
def stripe_server(localstripe_url: str, sqlite_url: str, tmp_path: Path) -> Iterator[Server]:
    missing = [tool for tool in ("bash", "curl", "jq", "python3") if shutil.which(tool) is None]
    if missing:
        reason = f"the README's walk-through needs {', '.join(missing)}"
        if os.environ.get("RENTAL_REQUIRE_SERVICES") == "1":
            pytest.fail(reason)
        pytest.skip(reason)
    requests.delete(f"{localstripe_url}/_config/data", timeout=5).raise_for_status()
    env = {
        **os.environ, "RENTAL_ENV": "test", "RENTAL_SECRET_KEY": SECRET,
        "RENTAL_REQUIRE_VERIFIED_EMAIL": "false",
        "RENTAL_DATABASE_URL": sqlite_url, "RENTAL_PAYMENT_GATEWAY": "stripe",
        "RENTAL_STRIPE_SECRET_KEY": SECRET_KEY, "RENTAL_STRIPE_WEBHOOK_SECRET": WEBHOOK_SECRET,
        "RENTAL_STRIPE_API_BASE": localstripe_url,
    }  # fmt: skip
    env.pop("RENTAL_REDIS_URL", None)
    cli = [sys.executable, "-m", "rental.entrypoints.cli"]
    seeded = subprocess.run(
        [*cli, "seed-demo", "--if-empty"], env=env, capture_output=True, text=True, timeout=120
    )
    assert seeded.returncode == 0, seeded.stdout + seeded.stderr
    port = free_port()
    logs = tmp_path / "serve.log"
    with logs.open("w") as sink:
        process = subprocess.Popen(
            [*cli, "serve", "--port", str(port), "--threads", "4"],
            env=env, stdout=sink, stderr=subprocess.STDOUT, text=True,
        )  # fmt: skip
    running = Server(process, f"http://127.0.0.1:{port}", logs)
    try:
        wait_until_healthy(running)
        yield running
    finally:
        process.send_signal(signal.SIGTERM)
        try:
            process.wait(timeout=40)
        except subprocess.TimeoutExpired:
            process.kill()
            process.wait()


def test_the_readme_walk_through_works_with_stripe(
    stripe_server: Server, localstripe_url: str, tmp_path: Path
) -> None:
    script = tmp_path / "walk.sh"
    script.write_text(walk_through(stripe_server.base_url), encoding="utf-8")
    ran = subprocess.run(
        ["bash", str(script)], cwd=tmp_path, capture_output=True, text=True, timeout=300
    )
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
