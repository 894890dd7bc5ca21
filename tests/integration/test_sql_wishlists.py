"""The wishlist rules of ``tests/unit/test_wishlists.py`` that storage decides, on SQLite,
PostgreSQL and MariaDB, and two saves of one listing at once."""

from __future__ import annotations

import threading

import pytest
from attrs import evolve

from rental.adapters.sqlalchemy.wishlists import SqlWishlists
from rental.application.queries import PageRequest
from rental.application.wishlists import commands as w
from tests.unit.builders import ROOMY, World
from tests.unit.test_wishlists import (  # noqa: F401 - the same tests, collected here again
    create,
    reads,
    test_a_deleted_account_takes_its_wishlists_with_it,
    test_a_users_wishlists_are_newest_first_renamed_and_deleted,
    test_a_wishlist_holds_at_most_the_cap_and_deleted_listings_free_their_place,
    test_a_wishlist_is_its_owners_alone_and_a_share_token_reads_but_cannot_change,
    test_deleted_and_unlisted_listings_drop_out_and_cannot_be_saved,
    test_saved_listings_are_newest_first_paged_and_saving_again_changes_nothing,
    test_the_data_export_holds_ones_wishlists_without_the_share_token,
    test_the_share_token_is_kept_only_as_its_hash,
)


@pytest.fixture
def world(database_url: str) -> World:
    return World(database_url=database_url)


@pytest.fixture
def capped_world(database_url: str) -> World:
    return World(database_url=database_url, limits=evolve(ROOMY, max_wishlist_items=2))


@pytest.mark.parametrize("listings", [1, 2], ids=["same-listing", "two-listings"])
def test_two_saves_at_once_keep_one_row_and_the_cap(
    database_url: str, listings: int, monkeypatch: pytest.MonkeyPatch
) -> None:
    """On PostgreSQL and MariaDB both saves read the list before either writes (a barrier
    after the first read of each); SQLite runs each writing transaction alone (``BEGIN
    IMMEDIATE``), so there they simply run at once. Two of one listing leave one row; two
    of two listings into the last place leave one saved and one refused, never three in a
    list of two."""
    world = World(database_url=database_url, limits=evolve(ROOMY, max_wishlist_items=2))
    host, guest = world.user("host"), world.user("guest")
    wishlist = create(world, guest)
    first = world.listing(host).id
    world.handle(w.SaveListing(actor=guest, wishlist_id=wishlist.id, listing_id=first))
    targets = [world.listing(host).id for _ in range(listings)] * (3 - listings)
    both_read = threading.Barrier(2, timeout=10)
    waited = threading.local()
    is_saved = SqlWishlists.is_saved

    def is_saved_then_wait(self: SqlWishlists, wishlist_id: str, listing_id: str) -> bool:
        found = is_saved(self, wishlist_id, listing_id)
        if not getattr(waited, "done", False):  # the first attempt only, not the retry
            waited.done = True
            both_read.wait()
        return found

    if not database_url.startswith("sqlite"):  # there the second would wait at BEGIN
        monkeypatch.setattr(SqlWishlists, "is_saved", is_saved_then_wait)
    outcomes: list[str] = []

    def save(listing_id: str) -> None:
        try:
            world.handle(w.SaveListing(actor=guest, wishlist_id=wishlist.id, listing_id=listing_id))
            outcomes.append("saved")
        except Exception as error:
            outcomes.append(type(error).__name__)

    threads = [threading.Thread(target=save, args=(i,)) for i in targets[:2]]
    for thread in threads:
        thread.start()
    for thread in threads:
        thread.join()
    _, page = reads(world).saved_listings(guest, wishlist.id, PageRequest())
    assert page.total == 2
    expected = ["saved", "saved"] if listings == 1 else ["WishlistFull", "saved"]
    assert sorted(outcomes) == expected
    world.app.close()
