"""Photos read with one ``select()`` per question, whatever the number of listings."""

from __future__ import annotations

from collections.abc import Collection
from typing import Any

from sqlalchemy import Engine, bindparam, func, select

from rental.adapters.sqlalchemy import tables as t
from rental.adapters.sqlalchemy.engine import READ_ONLY
from rental.adapters.sqlalchemy.errors import domain_errors
from rental.application.photo_reads import PhotoView
from rental.domain.listings.photos import PhotoStatus

P = t.photos.c
COLUMNS = (
    P.id,
    P.listing_id,
    P.status,
    P.caption,
    P.position,
    P.width,
    P.height,
    P.variants,
    P.failure_reason,
)
READY = P.status == PhotoStatus.READY.value
# A page's covers, the first ready photo of each listing: built once, here, with the listings
# as one expanding parameter. Building it per request cost 3.5 M instructions of a search's
# 27 M (bench/search_parts.py), more than running it.
_RANKED = (
    select(
        *COLUMNS,
        func.row_number()
        .over(partition_by=P.listing_id, order_by=(P.position, P.id))
        .label("rank"),
    )
    .where(P.listing_id.in_(bindparam("listing_ids", expanding=True)), READY)
    .subquery()
)
COVERS = select(*(_RANKED.c[c.name] for c in COLUMNS)).where(_RANKED.c.rank == 1)


def _view(row: Any) -> PhotoView:
    return PhotoView(**{column.name: row._mapping[column.name] for column in COLUMNS})


class SqlPhotoReads:
    def __init__(self, engine: Engine) -> None:
        # As the read model's: no write lock on SQLite, no transaction round trips elsewhere.
        options: dict[str, Any] = {READ_ONLY: True}
        if engine.dialect.name != "sqlite":
            options["isolation_level"] = "AUTOCOMMIT"
        self._engine = engine.execution_options(**options)

    def of_listings(
        self, listing_ids: Collection[str], *, ready_only: bool
    ) -> dict[str, list[PhotoView]]:
        found: dict[str, list[PhotoView]] = {i: [] for i in listing_ids}
        if not found:
            return found
        query = select(*COLUMNS).where(P.listing_id.in_(list(found)))
        query = query.where(READY) if ready_only else query
        with domain_errors(), self._engine.connect() as connection:
            rows = connection.execute(query.order_by(P.listing_id, P.position, P.id)).all()
        for row in rows:
            found[row.listing_id].append(_view(row))
        return found

    def covers(self, listing_ids: Collection[str]) -> dict[str, PhotoView]:
        if not listing_ids:
            return {}
        with domain_errors(), self._engine.connect() as connection:
            rows = connection.execute(COVERS, {"listing_ids": list(listing_ids)}).all()
        return {row.listing_id: _view(row) for row in rows}
