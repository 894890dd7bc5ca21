"""Pytest fixtures of a Stripe-compatible server: localstripe, started on a free port.

``localstripe_url`` is the base address of one localstripe process per test session (and
pytest-xdist worker); ``stripe_gateway`` a ``StripeGateway`` on it, with its store emptied
first. When localstripe is not installed or does not start, its tests skip with the reason,
unless ``RENTAL_REQUIRE_SERVICES=1`` makes that a failure (CI), as with the databases.
"""

from __future__ import annotations

import importlib.util
import os
import socket
import subprocess
import sys
import time
from collections.abc import Iterator
from pathlib import Path

import pytest
import requests
import stripe

from rental.adapters.stripe import StripeGateway
from rental.settings import PaymentSettings, Settings

SECRET_KEY = "sk_test_localstripe_0123456789"  # localstripe takes any sk_ key
WEBHOOK_SECRET = "whsec_test_0123456789abcdef"
MAIN = Path(__file__).with_name("localstripe_main.py")


def _unavailable(message: str) -> None:
    if os.environ.get("RENTAL_REQUIRE_SERVICES") == "1":
        pytest.fail(message)
    pytest.skip(message)


def _free_port() -> int:
    with socket.socket() as probe:
        probe.bind(("127.0.0.1", 0))
        port: int = probe.getsockname()[1]
        return port


def _wait_until_up(url: str, process: subprocess.Popen[bytes]) -> bool:
    for _ in range(150):
        if process.poll() is not None:
            return False
        try:
            requests.get(f"{url}/v1/balance", auth=(SECRET_KEY, ""), timeout=1)
            return True
        except requests.ConnectionError:
            time.sleep(0.1)
    return False


@pytest.fixture(scope="session")
def localstripe_url(tmp_path_factory: pytest.TempPathFactory) -> Iterator[str]:
    if importlib.util.find_spec("localstripe") is None:
        _unavailable("localstripe is not installed (pip install -e '.[dev]')")
    port = _free_port()
    url = f"http://127.0.0.1:{port}"
    log = (tmp_path_factory.mktemp("localstripe") / "server.log").open("wb")
    process = subprocess.Popen(
        [sys.executable, str(MAIN), str(port)], stdout=log, stderr=subprocess.STDOUT
    )
    try:
        if not _wait_until_up(url, process):
            _unavailable(f"localstripe did not start on {url} (see {log.name})")
        yield url
    finally:
        process.terminate()
        process.wait(timeout=10)
        log.close()


@pytest.fixture
def stripe_gateway(localstripe_url: str) -> StripeGateway:
    """A gateway on localstripe, whose store is emptied first (ids never repeat anyway)."""
    requests.delete(f"{localstripe_url}/_config/data", timeout=5).raise_for_status()
    return StripeGateway(SECRET_KEY, api_base=localstripe_url, timeout=5, max_network_retries=0)


def stripe_settings(api_base: str, database_url: str = "memory://") -> Settings:
    """Test settings with ``RENTAL_PAYMENT_GATEWAY=stripe`` on ``api_base``."""
    from tests.integration.http.conftest import test_settings

    payments = PaymentSettings(
        gateway="stripe", stripe_secret_key=SECRET_KEY, stripe_webhook_secret=WEBHOOK_SECRET,
        stripe_api_base=api_base,
    )  # fmt: skip
    return test_settings(database_url=database_url, payments=payments)


def stripe_client(api_base: str) -> stripe.StripeClient:
    """A client of our own, to act on the provider's side as its dashboard would."""
    return stripe.StripeClient(SECRET_KEY, base_addresses={"api": api_base}, max_network_retries=0)
