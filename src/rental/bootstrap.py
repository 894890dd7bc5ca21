"""The composition root: the one place where ports meet their adapters.

Nothing is built at import time. Flask's ``create_app()``, the worker, the CLI and other Python
services all call ``bootstrap(...)`` with the dependencies they want to choose.
"""

from __future__ import annotations

import sys
import types
from collections.abc import Callable, Mapping, Sequence
from typing import Any

from rental.adapters.argon2_hasher import Argon2Hasher
from rental.adapters.sandbox_gateway import SandboxGateway
from rental.adapters.system import SystemClock, UuidIds
from rental.application.commands import Command, SettleBooking
from rental.application.dependencies import Dependencies
from rental.application.handlers import COMMAND_HANDLERS
from rental.application.messagebus import EventHandler, InProcessPublisher, MessageBus
from rental.application.ports import (
    Clock,
    EventPublisher,
    IdGenerator,
    PasswordHasher,
    PaymentGateway,
)
from rental.application.queries import ReadModel
from rental.application.reads import Reads
from rental.application.unit_of_work import UnitOfWork
from rental.domain.events import Event

MEMORY_URL = "memory://"


class Rental:
    """A running ``rental``: send commands with ``handle``, read with ``reads``."""

    def __init__(
        self,
        *,
        bus: MessageBus,
        reads: Reads,
        dependencies: Dependencies,
        close: Callable[[], None] = lambda: None,
    ) -> None:
        self.bus = bus
        self.reads = reads
        self.dependencies = dependencies
        self._close = close

    def handle(self, command: Command) -> Any:
        """Handle ``command`` in its own transaction; return what its handler returns."""
        return self.bus.handle(command)

    def token_is_revoked(self, jti: str) -> bool:
        with self.dependencies.uow_factory() as uow:
            return uow.revoked_tokens.is_revoked(jti)

    def expire_bookings(self, limit: int = 1000) -> dict[str, int]:
        """Expire overdue pending bookings and complete ended stays, each in its own
        transaction; return how many of each."""
        with self.dependencies.uow_factory() as uow:
            due = uow.bookings.due_for_expiry_or_completion(self.dependencies.clock.now(), limit)
        counts = {"expired": 0, "completed": 0}
        for booking_id in due:
            done = self.handle(SettleBooking(booking_id=booking_id))
            if done in counts:
                counts[done] += 1
        return counts

    def close(self) -> None:
        self._close()


def _storage(database_url: str) -> tuple[Callable[[], UnitOfWork], ReadModel, Callable[[], None]]:
    if database_url == MEMORY_URL:
        from rental.adapters.memory import MemoryStore, MemoryUnitOfWork
        from rental.adapters.memory_reads import MemoryReadModel

        store = MemoryStore()
        return (lambda: MemoryUnitOfWork(store)), MemoryReadModel(store), lambda: None
    from rental.adapters.sqlalchemy import sql_storage

    return sql_storage(database_url)


def bootstrap(
    *,
    database_url: str = MEMORY_URL,
    clock: Clock | None = None,
    ids: IdGenerator | None = None,
    password_hasher: PasswordHasher | None = None,
    payment_gateway: PaymentGateway | None = None,
    event_handlers: Mapping[type[Event], Sequence[EventHandler]] | None = None,
    event_publisher: EventPublisher | None = None,
) -> Rental:
    """Build a ``Rental``.

    ``database_url`` is ``memory://`` (in-memory, nothing kept) or an SQLAlchemy URL
    (``sqlite:///var/rental.db``, ``postgresql+psycopg://…``, ``mysql+pymysql://…``) whose
    schema ``rental db upgrade`` has created. Every other dependency has a production default:
    the system clock, UUIDs, argon2, the sandbox gateway, events handled in process.
    """
    uow_factory, read_model, close = _storage(database_url)
    clock = clock or SystemClock()
    dependencies = Dependencies(
        uow_factory=uow_factory,
        clock=clock,
        ids=ids or UuidIds(),
        hasher=password_hasher or Argon2Hasher(),
        gateway=payment_gateway or SandboxGateway(),
    )
    publisher = event_publisher or InProcessPublisher(event_handlers or {})
    bus = MessageBus(
        command_handlers=COMMAND_HANDLERS, dependencies=dependencies, publisher=publisher
    )
    return Rental(bus=bus, reads=Reads(read_model, clock), dependencies=dependencies, close=close)


class _CallableModule(types.ModuleType):
    """Once ``rental.bootstrap`` has been imported, Python binds ``rental.bootstrap`` to this
    module, shadowing the lazy ``rental.bootstrap`` function; calling the module still builds
    a ``Rental``, so ``from rental import bootstrap; bootstrap(...)`` works in any order."""

    def __call__(self, **kwargs: Any) -> Rental:
        return bootstrap(**kwargs)


sys.modules[__name__].__class__ = _CallableModule
