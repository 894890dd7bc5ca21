"""The small ports' contracts, run against the adapters that need no server."""

from __future__ import annotations

import logging
from collections.abc import Callable, Sequence
from typing import Any

import pytest

from rental.adapters.argon2_hasher import Argon2Hasher
from rental.adapters.logging_notifier import LoggingNotifier
from rental.adapters.memory import MemoryOutbox, MemoryStore
from rental.adapters.sandbox_gateway import SandboxGateway
from rental.adapters.system import SystemClock, UuidIds
from rental.application.delivery import OutboxEntry
from rental.application.messagebus import InProcessPublisher
from rental.application.relay import OutboxRelay, RelayAfterCommit
from rental.domain.events import Event
from tests.contracts.ports import (
    ClockContract,
    EventPublisherContract,
    IdGeneratorContract,
    PasswordHasherContract,
    PaymentGatewayContract,
)
from tests.fakes import FakeClock, SequentialIds


class TestSandboxGateway(PaymentGatewayContract):
    @pytest.fixture
    def gateway(self) -> SandboxGateway:
        return SandboxGateway()


class TestArgon2Hasher(PasswordHasherContract):
    @pytest.fixture(params=["fast", "production"])
    def hasher(self, request: pytest.FixtureRequest) -> Argon2Hasher:
        return Argon2Hasher(fast=request.param == "fast")


class TestSystemClock(ClockContract):
    @pytest.fixture
    def clock(self) -> SystemClock:
        return SystemClock()


class TestFakeClock(ClockContract):
    @pytest.fixture
    def clock(self) -> FakeClock:
        return FakeClock()


class TestUuidIds(IdGeneratorContract):
    @pytest.fixture
    def ids(self) -> UuidIds:
        return UuidIds()


class TestSequentialIds(IdGeneratorContract):
    @pytest.fixture
    def ids(self) -> SequentialIds:
        return SequentialIds()


class TestLoggingNotifier:
    """Not the notifier contract: the body is what this notifier must not deliver (logs are
    shipped and kept; a guest's messages have no business there)."""

    def test_recipient_and_subject_are_logged_and_the_body_is_not(
        self, caplog: pytest.LogCaptureFixture
    ) -> None:
        caplog.set_level(logging.DEBUG, logger="rental.emails")
        LoggingNotifier().send(
            to="gus@example.com", subject="Booking confirmed: Café", body="Ça va, merci.\n"
        )
        assert "gus@example.com" in caplog.text and "Booking confirmed: Café" in caplog.text
        assert "Ça va" not in caplog.text


class TestInProcessPublisher(EventPublisherContract):
    @pytest.fixture
    def seen(self) -> list[Event]:
        return []

    @pytest.fixture
    def publisher(self, seen: list[Event]) -> InProcessPublisher:
        return InProcessPublisher({Event: [seen.append]})

    @pytest.fixture
    def handed_on(self, seen: list[Event]) -> Callable[[], list[Event]]:
        return lambda: seen

    @pytest.fixture
    def failing_publisher(self) -> InProcessPublisher:
        def fail(event: Event) -> None:
            raise RuntimeError("a consumer failed")

        return InProcessPublisher({Event: [fail]})


class TestRelayAfterCommit(EventPublisherContract):
    """The embedded mode's publisher: each commit is followed by a pass over the outbox."""

    @pytest.fixture
    def store(self) -> MemoryStore:
        return MemoryStore()

    @pytest.fixture
    def seen(self) -> list[Event]:
        return []

    def _publisher(self, store: MemoryStore, sink: Callable[[OutboxEntry], None]) -> Any:
        relay = OutboxRelay(MemoryOutbox(store), sink, FakeClock())

        class Committing(RelayAfterCommit):
            def publish(self, events: Sequence[Event]) -> None:
                store.data.outbox.extend(events)  # what the unit of work's commit does
                super().publish(events)

        return Committing(relay)

    @pytest.fixture
    def publisher(self, store: MemoryStore, seen: list[Event]) -> Any:
        return self._publisher(store, lambda entry: seen.append(entry.event()))

    @pytest.fixture
    def handed_on(self, seen: list[Event]) -> Callable[[], list[Event]]:
        return lambda: seen

    @pytest.fixture
    def failing_publisher(self, store: MemoryStore) -> Any:
        def fail(entry: OutboxEntry) -> None:
            raise ConnectionError("broker down")

        return self._publisher(store, fail)
