"""Data exports of the in-memory mode: the exports by id, and what the store holds about a
person, found by the same rules as on a database (``rental.adapters.sqlalchemy.exports``)."""

from __future__ import annotations

from collections.abc import Iterator
from datetime import datetime
from typing import Any

import attrs

from rental.adapters.memory.store import MemoryStore
from rental.application.export_repository import DataExports
from rental.application.exports import PERSON_COLUMNS, SECRET_COLUMNS
from rental.domain.accounts.exports import DataExport, ExportStatus

# The store's collections that hold no one's data of their own (as ``MACHINERY``).
MACHINERY = frozenset(
    {
        "idempotency",
        "revoked",
        "outbox",
        "provider_events",
        "one_time_tokens",
        "audit",
        "sequence",
        "emails_off",
    }
)
PARENTS = {
    "listing_id": "listings",
    "booking_id": "bookings",
    "thread_id": "threads",
    "wishlist_id": "wishlists",
}
NOT_THROUGH_PARENTS = frozenset({"ledger", "payouts", "recoveries"})
ONLY_THROUGH = {"wishlist_items": "wishlists"}  # as on a database


class MemoryDataExports(DataExports):
    def __init__(self, exports: dict[str, DataExport]) -> None:
        super().__init__()
        self._exports = exports

    def _add(self, export: DataExport) -> None:
        self._exports[export.id] = export

    def _get(self, export_id: str) -> DataExport | None:
        return self._exports.get(export_id)

    def _pending_of(self, user_id: str) -> DataExport | None:
        return next((x for x in self._exports.values() if x.pending_user_id == user_id), None)

    def _of_user(self, user_id: str) -> list[DataExport]:
        return [x for x in self._exports.values() if x.user_id == user_id]

    def expired(self, now: datetime, limit: int) -> list[str]:
        done = [
            x
            for x in self._exports.values()
            if x.status == ExportStatus.READY and x.expires_at and x.expires_at <= now
        ]
        return [x.id for x in done][:limit]


def _collections(data: Any) -> Iterator[tuple[str, list[Any]]]:
    for f in attrs.fields(type(data)):
        value = getattr(data, f.name)
        if f.name in MACHINERY:
            continue
        if attrs.has(type(value)):
            yield from _collections(value)
            continue
        items = value.values() if isinstance(value, dict) else value
        flat = [x for item in items for x in (item if isinstance(item, list) else [item])]
        yield f.name, [x for x in flat if attrs.has(type(x))]


def _row(item: Any) -> dict[str, Any]:
    return {k: v for k, v in attrs.asdict(item, recurse=True).items() if k not in SECRET_COLUMNS}


class MemoryPersonalData:
    def __init__(self, store: MemoryStore) -> None:
        self._store = store

    def about(self, user_id: str) -> dict[str, list[dict[str, Any]]]:
        with self._store.lock:
            collections = dict(_collections(self._store.data))
            found: dict[str, list[Any]] = {}
            for name, items in collections.items():
                names = [
                    x
                    for x in items
                    if (
                        x.id == user_id
                        if name == "users"
                        else any(getattr(x, c, None) == user_id for c in PERSON_COLUMNS)
                    )
                ]
                if names:
                    found[name] = names
            for name, items in collections.items():
                if name in NOT_THROUGH_PARENTS:
                    continue
                for column, parent in PARENTS.items():
                    if ONLY_THROUGH.get(name, parent) != parent:
                        continue
                    owned = {getattr(p, "id", None) for p in found.get(parent, [])}
                    more = [x for x in items if getattr(x, column, None) in owned - {None}]
                    kept = found.setdefault(name, [])
                    kept.extend(x for x in more if all(x is not k for k in kept))
            return {
                name: [_row(x) for x in items] for name, items in sorted(found.items()) if items
            }
