"""Wishlists in SQL: the lists (mapped, versioned), their saved listings with Core, the reads.

A list's page reads ``wishlist_items`` by ``ix_wishlist_items_wishlist_id_added_at`` joined to
``listings`` on their key, and leaves out what search leaves out (``search.on_the_market``);
the listing of each item comes whole in the same statement, so that a page costs one
statement whatever its length, and several lists' pages (GraphQL) one too.
"""

from __future__ import annotations

from collections import defaultdict
from collections.abc import Collection, Iterator
from contextlib import contextmanager
from typing import Any

from sqlalchemy import ColumnElement, Engine, Select, delete, func, insert, literal, select
from sqlalchemy.orm import Session, aliased

from rental.adapters.sqlalchemy import tables as t
from rental.adapters.sqlalchemy.engine import READ_ONLY
from rental.adapters.sqlalchemy.errors import domain_errors
from rental.adapters.sqlalchemy.mapping import start_mappers
from rental.adapters.sqlalchemy.search import on_the_market
from rental.application.queries import Page, PageRequest
from rental.application.wishlists.ports import (
    SavedListingView,
    WishlistRecord,
    WishlistRepository,
)
from rental.domain.listings.listing import Listing
from rental.domain.wishlists.wishlist import SavedListing, Wishlist, WishlistNotFound

W, S, L = t.wishlists.c, t.wishlist_items.c, t.listings.c


def _item(wishlist_id: str, listing_id: str) -> list[ColumnElement[bool]]:
    return [S.wishlist_id == wishlist_id, S.listing_id == listing_id]


class SqlWishlists(WishlistRepository):
    """Wishlists in ``wishlists``, their saved listings in ``wishlist_items``."""

    def __init__(self, session: Session) -> None:
        super().__init__()
        self._session = session

    def _add(self, wishlist: Wishlist) -> None:
        self._session.add(wishlist)

    def _get(self, wishlist_id: str) -> Wishlist:
        with domain_errors():
            found = self._session.get(Wishlist, wishlist_id)
        if found is None:
            raise WishlistNotFound(f"No wishlist {wishlist_id}.")
        return found

    def _remove(self, wishlist: Wishlist) -> None:
        with domain_errors():
            self._session.execute(delete(t.wishlist_items).where(S.wishlist_id == wishlist.id))
            self._session.delete(wishlist)  # at the commit's flush, checking its version

    def erase_of(self, owner_id: str) -> None:
        mine = select(W.id).where(W.owner_id == owner_id).scalar_subquery()
        with domain_errors():
            self._session.execute(delete(t.wishlist_items).where(S.wishlist_id.in_(mine)))
            self._session.execute(delete(t.wishlists).where(W.owner_id == owner_id))

    def is_saved(self, wishlist_id: str, listing_id: str) -> bool:
        query = select(literal(1)).where(*_item(wishlist_id, listing_id))
        with domain_errors():
            return self._session.execute(query).first() is not None

    def count_saved(self, wishlist_id: str) -> int:
        query = (
            select(func.count())
            .select_from(t.wishlist_items.join(t.listings, L.id == S.listing_id))
            .where(S.wishlist_id == wishlist_id, L.deleted_at.is_(None))
        )
        with domain_errors():
            return int(self._session.scalar(query) or 0)

    def _flush_first(self) -> None:
        # The wishlist's new version first: of two changes at once, the second waits on its
        # row and then finds the version moved (``ConcurrentUpdate``: the bus runs it again).
        self._session.flush()

    def save(self, saved: SavedListing) -> None:
        with domain_errors():
            self._flush_first()
            self._session.connection().execute(
                insert(t.wishlist_items).values(
                    wishlist_id=saved.wishlist_id,
                    listing_id=saved.listing_id,
                    added_at=saved.added_at,
                )
            )

    def unsave(self, wishlist_id: str, listing_id: str) -> None:
        with domain_errors():
            self._flush_first()
            self._session.connection().execute(
                delete(t.wishlist_items).where(*_item(wishlist_id, listing_id))
            )


def _shown_count() -> Any:
    """How many listings a wishlist (of the outer query) shows."""
    joined = t.wishlist_items.join(t.listings, L.id == S.listing_id)
    return (
        select(func.count())
        .select_from(joined)
        .where(S.wishlist_id == W.id, *on_the_market())
        .scalar_subquery()
    )


WISHLIST_COLUMNS = list(t.wishlists.c)


def _record(row: Any) -> WishlistRecord:
    values = {column.name: row._mapping[column.name] for column in WISHLIST_COLUMNS}
    return WishlistRecord(wishlist=Wishlist(**values), item_count=int(row.item_count))


class SqlWishlistQueries:
    """Wishlists read through short read-only sessions (as ``SqlReadModel``'s)."""

    def __init__(self, engine: Engine) -> None:
        start_mappers()
        options: dict[str, Any] = {READ_ONLY: True}
        if engine.dialect.name != "sqlite":
            options["isolation_level"] = "AUTOCOMMIT"
        self._engine = engine.execution_options(**options)

    @contextmanager
    def _session(self) -> Iterator[Session]:
        with (
            domain_errors(),
            Session(self._engine, expire_on_commit=False, autoflush=False) as session,
        ):
            yield session

    def _wishlists(self) -> Select[Any]:
        return select(*WISHLIST_COLUMNS, _shown_count().label("item_count"))

    def wishlist(self, wishlist_id: str) -> WishlistRecord | None:
        with self._session() as session:
            row = session.execute(self._wishlists().where(W.id == wishlist_id)).first()
        return None if row is None else _record(row)

    def of_owner(self, owner_id: str, page: PageRequest) -> Page[WishlistRecord]:
        query = (
            self._wishlists()
            .add_columns(func.count().over().label("total"))
            .where(W.owner_id == owner_id)
            .order_by(W.created_at.desc(), W.id.asc())
            .limit(page.per_page)
            .offset(page.offset)
        )
        with self._session() as session:
            rows = session.execute(query).all()
            if rows:
                total = int(rows[0].total)
            elif page.offset == 0:
                total = 0
            else:
                counted = select(func.count()).where(W.owner_id == owner_id)
                total = int(session.scalar(counted) or 0)
        return Page([_record(r) for r in rows], page.page, page.per_page, total)

    def saved_pages(
        self, wishlist_ids: Collection[str], page: PageRequest
    ) -> dict[str, Page[SavedListingView]]:
        """One statement for every wishlist: each shown item's rank and its list's total
        come from window functions over the list's items, and the page is a range of
        ranks; each item's listing is loaded whole beside it."""
        wanted = sorted(set(wishlist_ids))
        if not wanted:
            return {}
        where = (S.wishlist_id.in_(wanted), *on_the_market())
        order = (S.added_at.desc(), S.listing_id.asc())
        ranked = (
            select(
                S.wishlist_id,
                S.listing_id,
                S.added_at,
                func.row_number().over(partition_by=S.wishlist_id, order_by=order).label("rank"),
                func.count().over(partition_by=S.wishlist_id).label("total"),
            )
            .select_from(t.wishlist_items.join(t.listings, L.id == S.listing_id))
            .where(*where)
            .subquery()
        )
        listing = aliased(Listing)
        first, last = page.offset + 1, page.offset + page.per_page
        query = (
            select(listing, ranked.c.wishlist_id, ranked.c.added_at, ranked.c.total)
            .join(ranked, ranked.c.listing_id == listing.id)
            .where(ranked.c.rank.between(first, last))
            .order_by(ranked.c.wishlist_id, ranked.c.rank)
        )
        items: dict[str, list[SavedListingView]] = defaultdict(list)
        totals: dict[str, int] = dict.fromkeys(wanted, 0)
        with self._session() as session:
            for found, wishlist_id, added_at, total in session.execute(query):
                items[wishlist_id].append(SavedListingView(listing=found, added_at=added_at))
                totals[wishlist_id] = int(total)
            past_the_end = [i for i in wanted if i not in items]
            if page.offset and past_the_end:
                # A page after the last has no row to carry its total: count those apart.
                counts = (
                    select(S.wishlist_id, func.count())
                    .select_from(t.wishlist_items.join(t.listings, L.id == S.listing_id))
                    .where(S.wishlist_id.in_(past_the_end), *where[1:])
                    .group_by(S.wishlist_id)
                )
                totals.update({i: int(n) for i, n in session.execute(counts)})
        return {i: Page(items.get(i, []), page.page, page.per_page, totals[i]) for i in wanted}
