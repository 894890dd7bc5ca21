"""The small ports' contracts, run against the adapters that need no server."""

from __future__ import annotations

import logging
from collections.abc import Callable

import pytest

from rental.adapters.argon2_hasher import Argon2Hasher
from rental.adapters.logging_notifier import LoggingNotifier
from rental.adapters.sandbox_gateway import SandboxGateway
from rental.adapters.system import SystemClock, UuidIds
from tests.contracts.ports import (
    ClockContract,
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
