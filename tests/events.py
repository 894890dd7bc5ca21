"""Fixtures of the event-delivery tests: Redis under a namespace of the test's own, a real
SMTP server (aiosmtpd) that keeps what it receives, and a notifier that records or fails.

A Redis that does not answer skips the test, unless ``RENTAL_REQUIRE_SERVICES=1``.
"""

from __future__ import annotations

import email
import os
import socket
import threading
import time
import uuid
from collections.abc import Callable, Iterator
from email.message import Message
from typing import Any

import pytest
import redis

STORAGES = [
    pytest.param("memory", id="memory"),
    pytest.param("sqlite_url", id="sqlite"),
    pytest.param("postgres_url", id="postgres", marks=pytest.mark.postgres),
]
REDIS_URL = os.environ.get("RENTAL_TEST_REDIS_URL", "redis://127.0.0.1:6379/0")
UNREACHABLE_REDIS_URL = "redis://127.0.0.1:1/0"  # nothing listens on port 1


def wait_until(condition: Callable[[], Any], timeout: float = 10.0, what: str = "it") -> Any:
    """Poll ``condition`` until it is truthy; fail after ``timeout`` seconds."""
    deadline = time.monotonic() + timeout
    while True:
        result = condition()
        if result:
            return result
        if time.monotonic() > deadline:
            pytest.fail(f"timed out after {timeout}s waiting for {what}")
        time.sleep(0.05)


@pytest.fixture(params=STORAGES)
def storage_url(request: pytest.FixtureRequest) -> str:
    """``memory://``, then a migrated SQLite file, then a PostgreSQL database."""
    if request.param == "memory":
        return "memory://"
    url: str = request.getfixturevalue(request.param)
    return url


@pytest.fixture
def redis_url() -> str:
    """The test Redis, or a skip (a failure with RENTAL_REQUIRE_SERVICES=1)."""
    try:
        redis.Redis.from_url(REDIS_URL, socket_connect_timeout=1).ping()
    except redis.RedisError as error:
        message = f"Redis at {REDIS_URL} is unreachable: {error}"
        if os.environ.get("RENTAL_REQUIRE_SERVICES") == "1":
            pytest.fail(message)
        pytest.skip(message)
    return REDIS_URL


@pytest.fixture
def redis_namespace(redis_url: str) -> Iterator[str]:
    """A key prefix no other test uses; its keys are deleted afterwards."""
    namespace = f"rental-test-{uuid.uuid4().hex[:12]}"
    yield namespace
    client = redis.Redis.from_url(redis_url)
    keys = list(client.scan_iter(f"{namespace}*", count=500))
    if keys:
        client.delete(*keys)
    client.close()


class RecordingNotifier:
    """Keeps what it is asked to send; fails ``fail_times`` times first (forever if -1)."""

    def __init__(self, fail_times: int = 0) -> None:
        self.sent: list[dict[str, str]] = []
        self.calls = 0
        self.fail_times = fail_times
        self._lock = threading.Lock()

    def send(self, *, to: str, subject: str, body: str) -> None:
        with self._lock:
            self.calls += 1
            if self.fail_times == -1 or self.calls <= self.fail_times:
                raise ConnectionError("mail server down (test)")
            self.sent.append({"to": to, "subject": subject, "body": body})


class SmtpInbox:
    """What a real SMTP server received: one ``email.message.Message`` per delivery."""

    def __init__(self) -> None:
        self.messages: list[Message] = []
        self.url = ""

    async def handle_DATA(self, server: Any, session: Any, envelope: Any) -> str:
        message = email.message_from_bytes(envelope.original_content)
        message["X-Rcpt-To"] = ",".join(envelope.rcpt_tos)
        self.messages.append(message)
        return "250 Message accepted"

    def to(self, address: str) -> list[Message]:
        return [m for m in self.messages if m["X-Rcpt-To"] == address]


def _free_port() -> int:
    with socket.socket() as probe:
        probe.bind(("127.0.0.1", 0))
        port: int = probe.getsockname()[1]
        return port


@pytest.fixture
def smtp_inbox() -> Iterator[SmtpInbox]:
    """An aiosmtpd server on a free local port; ``smtp_inbox.url`` is its ``smtp://`` URL."""
    from aiosmtpd.controller import Controller

    inbox = SmtpInbox()
    port = _free_port()
    controller = Controller(inbox, hostname="127.0.0.1", port=port)
    controller.start()
    inbox.url = f"smtp://127.0.0.1:{port}?from=bookings@rental.test"
    yield inbox
    controller.stop()
