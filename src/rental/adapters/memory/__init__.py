"""The in-memory adapters (``bootstrap(database_url="memory://")``): the same ports as
``rental.adapters.sqlalchemy``, one module per role, over one ``MemoryStore``."""

from __future__ import annotations

from rental.adapters.memory.outbox import MemoryConsumerLedger, MemoryOutbox
from rental.adapters.memory.read_model import MemoryReadModel
from rental.adapters.memory.store import MemoryData, MemoryStore
from rental.adapters.memory.unit_of_work import MemoryUnitOfWork

__all__ = [
    "MemoryConsumerLedger",
    "MemoryData",
    "MemoryOutbox",
    "MemoryReadModel",
    "MemoryStore",
    "MemoryUnitOfWork",
]
