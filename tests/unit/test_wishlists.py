"""Wishlists: who may read and change a list, what it shows, the share link, the cap."""

from __future__ import annotations

import pytest
from attrs import evolve

from rental.application import commands as c
from rental.application.queries import PageRequest
from rental.application.wishlists import commands as w
from rental.application.wishlists.reads import WishlistReads
from rental.domain.errors import InvalidInput, ListingNotFound
from rental.domain.limits import Limits
from rental.domain.wishlists.wishlist import (
    MAX_ITEMS,
    Wishlist,
    WishlistFull,
    WishlistNotFound,
    check_name,
)
from tests.unit.builders import ROOMY, START, World


@pytest.fixture
def world() -> World:
    """A ``rental`` in memory; the SQL suite runs these tests again on each database."""
    return World()


def reads(world: World) -> WishlistReads:
    assert world.app.wishlists is not None
    return world.app.wishlists


def create(world: World, actor: c.Actor, name: str = "Lisbon in May") -> Wishlist:
    wishlist: Wishlist = world.handle(w.CreateWishlist(actor=actor, name=name))
    return wishlist


def save(world: World, actor: c.Actor, wishlist_id: str, listing_id: str) -> None:
    world.handle(w.SaveListing(actor=actor, wishlist_id=wishlist_id, listing_id=listing_id))


def shown(
    world: World, viewer: c.Actor | None, wishlist_id: str, share: str | None = None
) -> list[str]:
    _, items = reads(world).saved_listings(viewer, wishlist_id, PageRequest(), share)
    return [item.listing.title for item in items.items]


def test_saved_listings_are_newest_first_paged_and_saving_again_changes_nothing(
    world: World,
) -> None:
    host, guest = world.user("host"), world.user("guest")
    wishlist = create(world, guest)
    listings = [world.listing(host, title=f"Flat {n}") for n in range(3)]
    for listing in listings:
        save(world, guest, wishlist.id, listing.id)
        world.clock.advance(minutes=1)
    save(world, guest, wishlist.id, listings[0].id)  # again: still one row, still the oldest
    assert shown(world, guest, wishlist.id) == ["Flat 2", "Flat 1", "Flat 0"]
    view, second = reads(world).saved_listings(guest, wishlist.id, PageRequest(2, 2))
    assert [i.listing.title for i in second.items] == ["Flat 0"]
    assert (second.total, view.item_count, view.name) == (3, 3, "Lisbon in May")
    _, past = reads(world).saved_listings(guest, wishlist.id, PageRequest(3, 2))
    assert (past.items, past.total) == ([], 3)
    assert second.items[0].added_at == START
    world.handle(w.RemoveListing(actor=guest, wishlist_id=wishlist.id, listing_id=listings[1].id))
    world.handle(w.RemoveListing(actor=guest, wishlist_id=wishlist.id, listing_id=listings[1].id))
    assert shown(world, guest, wishlist.id) == ["Flat 2", "Flat 0"]


def test_a_wishlist_is_its_owners_alone_and_a_share_token_reads_but_cannot_change(
    world: World,
) -> None:
    host, guest, stranger = world.user("host"), world.user("guest"), world.user("guest")
    admin = world.user("admin")
    wishlist, other = create(world, guest), create(world, guest, "Porto")
    listing = world.listing(host)
    save(world, guest, wishlist.id, listing.id)
    for viewer in (stranger, admin, None):
        with pytest.raises(WishlistNotFound):
            reads(world).wishlist(viewer, wishlist.id)
    for command in (
        w.SaveListing(actor=stranger, wishlist_id=wishlist.id, listing_id=listing.id),
        w.RemoveListing(actor=stranger, wishlist_id=wishlist.id, listing_id=listing.id),
        w.RenameWishlist(actor=stranger, wishlist_id=wishlist.id, name="Mine now"),
        w.ShareWishlist(actor=stranger, wishlist_id=wishlist.id),
        w.DeleteWishlist(actor=stranger, wishlist_id=wishlist.id),
    ):
        with pytest.raises(WishlistNotFound):
            world.handle(command)
    token = world.handle(w.ShareWishlist(actor=guest, wishlist_id=wishlist.id))
    other_token = world.handle(w.ShareWishlist(actor=guest, wishlist_id=other.id))
    assert shown(world, None, wishlist.id, token) == shown(world, stranger, wishlist.id, token)
    assert shown(world, None, wishlist.id, token) == ["Loft"]
    assert reads(world).wishlist(None, wishlist.id, token).shared
    with pytest.raises(WishlistNotFound):  # the token of another list opens only that one
        reads(world).wishlist(None, wishlist.id, other_token)
    with pytest.raises(WishlistNotFound):  # a token reads; it does not make one the owner
        world.handle(w.RenameWishlist(actor=stranger, wishlist_id=wishlist.id, name="x"))
    new_token = world.handle(w.ShareWishlist(actor=guest, wishlist_id=wishlist.id))
    assert new_token != token
    with pytest.raises(WishlistNotFound):  # a new token voids the old one
        reads(world).wishlist(None, wishlist.id, token)
    assert reads(world).wishlist(None, wishlist.id, new_token).id == wishlist.id
    world.handle(w.StopSharingWishlist(actor=guest, wishlist_id=wishlist.id))
    with pytest.raises(WishlistNotFound):
        reads(world).wishlist(None, wishlist.id, new_token)
    assert not reads(world).wishlist(guest, wishlist.id).shared
    for unknown in (
        w.SaveListing(actor=guest, wishlist_id="no-such-list", listing_id=listing.id),
        w.DeleteWishlist(actor=guest, wishlist_id="no-such-list"),
    ):
        with pytest.raises(WishlistNotFound):
            world.handle(unknown)
    with pytest.raises(WishlistNotFound):
        reads(world).wishlist(guest, "no-such-list")


def test_the_share_token_is_kept_only_as_its_hash(world: World) -> None:
    guest = world.user("guest")
    wishlist = create(world, guest)
    token = world.handle(w.ShareWishlist(actor=guest, wishlist_id=wishlist.id))
    with world.app.dependencies.uow_factory() as uow:
        stored = uow.wishlists.get(wishlist.id)
    assert stored.share_token_hash is not None
    assert token not in stored.share_token_hash and token not in repr(stored)
    assert len(token) >= 43  # 256 random bits


def test_deleted_and_unlisted_listings_drop_out_and_cannot_be_saved(world: World) -> None:
    host, guest = world.user("host"), world.user("guest")
    wishlist = create(world, guest)
    kept, deleted, unlisted = (world.listing(host, title=t) for t in ("Kept", "Gone", "Hidden"))
    for listing in (kept, deleted, unlisted):
        save(world, guest, wishlist.id, listing.id)
    world.handle(c.DeleteListing(actor=host, listing_id=deleted.id))
    with world.app.dependencies.uow_factory() as uow:  # as disabling its host does
        uow.listings.get(unlisted.id).take_off_market(world.clock.now())
        uow.commit()
    assert shown(world, guest, wishlist.id) == ["Kept"]
    assert reads(world).wishlist(guest, wishlist.id).item_count == 1
    assert reads(world).wishlists(guest, PageRequest()).items[0].item_count == 1
    another = create(world, guest, "Another")
    for gone in (deleted.id, unlisted.id, "no-such-listing"):
        with pytest.raises(ListingNotFound):
            save(world, guest, another.id, gone)
    # Removing a listing that is gone is no error, and it leaves the list.
    world.handle(w.RemoveListing(actor=guest, wishlist_id=wishlist.id, listing_id=deleted.id))
    with world.app.dependencies.uow_factory() as uow:
        assert not uow.wishlists.is_saved(wishlist.id, deleted.id)


def test_a_users_wishlists_are_newest_first_renamed_and_deleted(world: World) -> None:
    host, guest, other = world.user("host"), world.user("guest"), world.user("guest")
    first = create(world, guest, "First")
    world.clock.advance(minutes=1)
    second = create(world, guest, "  Second  ")
    create(world, other, "Not yours")
    page = reads(world).wishlists(guest, PageRequest())
    assert ([v.name for v in page.items], page.total) == (["Second", "First"], 2)
    world.handle(w.RenameWishlist(actor=guest, wishlist_id=first.id, name="Renamed"))
    assert reads(world).wishlist(guest, first.id).name == "Renamed"
    save(world, guest, second.id, world.listing(host).id)
    world.handle(w.DeleteWishlist(actor=guest, wishlist_id=second.id))
    assert [v.name for v in reads(world).wishlists(guest, PageRequest()).items] == ["Renamed"]
    with pytest.raises(WishlistNotFound):
        reads(world).wishlist(guest, second.id)
    assert reads(world).wishlists(guest, PageRequest(2, 1)).total == 1


@pytest.mark.parametrize(
    ("name", "message"),
    [
        ("", "must not be empty."),
        ("   ", "must not be empty."),
        ("x" * 101, "must be at most 100 characters."),
        ("Lisbon\u200b", "must not contain invisible or bidirectional control characters."),
        ("Lisbon\u202e", "must not contain invisible or bidirectional control characters."),
        ("Lis\nbon", "must not contain line breaks, tabs or other control characters."),
    ],
)
def test_a_name_is_one_line_of_1_to_100_visible_characters(name: str, message: str) -> None:
    with pytest.raises(InvalidInput) as refused:
        check_name(name)
    assert refused.value.errors == {"name": [message]}
    assert check_name(" " + "x" * 100 + " ") == "x" * 100


@pytest.fixture
def capped_world() -> World:
    """A world whose wishlists hold two listings at most."""
    return World(limits=evolve(ROOMY, max_wishlist_items=2))


def test_a_wishlist_holds_at_most_the_cap_and_deleted_listings_free_their_place(
    capped_world: World,
) -> None:
    world = capped_world
    host, guest = world.user("host"), world.user("guest")
    wishlist = create(world, guest)
    first, second, third = (world.listing(host) for _ in range(3))
    save(world, guest, wishlist.id, first.id)
    save(world, guest, wishlist.id, second.id)
    with pytest.raises(WishlistFull):
        save(world, guest, wishlist.id, third.id)
    save(world, guest, wishlist.id, second.id)  # already there: no room needed
    world.handle(c.DeleteListing(actor=host, listing_id=first.id))
    save(world, guest, wishlist.id, third.id)
    assert reads(world).wishlist(guest, wishlist.id).item_count == 2


def test_the_cap_is_ten_thousand() -> None:
    wishlist = Wishlist.create(wishlist_id="w", owner_id="u", name="Many", now=START)
    assert MAX_ITEMS == Limits().max_wishlist_items == 10_000
    assert wishlist.save_listing("u", "l", saved=False, items=9_999, now=START) is not None
    with pytest.raises(WishlistFull) as refused:
        wishlist.save_listing("u", "l", saved=False, items=10_000, now=START)
    assert "10,000" in refused.value.detail
    assert wishlist.save_listing("u", "l", saved=True, items=10_000, now=START) is None


def test_a_deleted_account_takes_its_wishlists_with_it(world: World) -> None:
    host, guest, other = world.user("host"), world.user("guest"), world.user("guest")
    listing = world.listing(host)
    mine, theirs = create(world, guest), create(world, other)
    for actor, wishlist in ((guest, mine), (other, theirs)):
        save(world, actor, wishlist.id, listing.id)
    world.handle(c.DeleteAccount(actor=guest, current_password="password1"))
    with pytest.raises(WishlistNotFound):
        reads(world).wishlist(guest, mine.id)
    assert shown(world, other, theirs.id) == ["Loft"]


def test_the_data_export_holds_ones_wishlists_without_the_share_token(world: World) -> None:
    host, guest = world.user("host"), world.user("guest")
    listing = world.listing(host)
    wishlist = create(world, guest)
    save(world, guest, wishlist.id, listing.id)
    world.handle(w.ShareWishlist(actor=guest, wishlist_id=wishlist.id))
    assert world.app.exports is not None
    tables = world.app.exports.document(guest.user_id)["tables"]
    assert [(x["id"], x["name"]) for x in tables["wishlists"]] == [(wishlist.id, "Lisbon in May")]
    assert "share_token_hash" not in tables["wishlists"][0]
    assert [x["listing_id"] for x in tables["wishlist_items"]] == [listing.id]
    # The host's export does not hold who saved their listing.
    hosts = world.app.exports.document(host.user_id)["tables"]
    assert "wishlists" not in hosts and "wishlist_items" not in hosts
