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
    NotifierContract,
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


class TestLoggingNotifier(NotifierContract):
    @pytest.fixture
    def notifier(self, caplog: pytest.LogCaptureFixture) -> LoggingNotifier:
        caplog.set_level(logging.DEBUG, logger="rental.emails")
        return LoggingNotifier()

    @pytest.fixture
    def received(
        self, caplog: pytest.LogCaptureFixture
    ) -> Callable[[], list[tuple[str, str, str]]]:
        def read() -> list[tuple[str, str, str]]:
            heads = [r.args for r in caplog.records if r.msg == "email to %s: %s"]
            bodies = [r.args[0] for r in caplog.records if r.msg == "email body:\n%s"]
            return [(to, subject, body) for (to, subject), body in zip(heads, bodies, strict=True)]

        return read


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
