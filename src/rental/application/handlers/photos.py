"""Handlers of listings' photos: each loads the listing (locked) and its album, makes one
change, and tells the listing its photos changed (its version serializes them)."""

from __future__ import annotations

from collections.abc import Callable
from typing import Any

from rental.application import photo_commands as p
from rental.application.commands import Command
from rental.application.dependencies import Dependencies
from rental.application.handlers.listings import _managed_listing
from rental.application.unit_of_work import UnitOfWork
from rental.domain.listings.photos import Photo


def check_photo_room(cmd: p.CheckPhotoRoom, uow: UnitOfWork, deps: Dependencies) -> None:
    listing = _managed_listing(uow, cmd.actor, cmd.listing_id)
    uow.photos.album(listing.id).check_room_for_one_more()


def add_photo(cmd: p.AddPhoto, uow: UnitOfWork, deps: Dependencies) -> Photo:
    listing = _managed_listing(uow, cmd.actor, cmd.listing_id)
    now = deps.clock.now()
    photo = uow.photos.album(listing.id).add(
        photo_id=cmd.photo_id,
        caption=cmd.caption,
        width=cmd.width,
        height=cmd.height,
        original_key=cmd.original_key,
        now=now,
    )
    uow.photos.add(photo)
    listing.photos_changed(now)
    uow.commit()
    return photo


def caption_photo(cmd: p.CaptionPhoto, uow: UnitOfWork, deps: Dependencies) -> Photo:
    listing = _managed_listing(uow, cmd.actor, cmd.listing_id)
    now = deps.clock.now()
    photo = uow.photos.album(listing.id).get(cmd.photo_id)
    photo.recaption(cmd.caption, now)
    listing.photos_changed(now)
    uow.commit()
    return photo


def reorder_photos(cmd: p.ReorderPhotos, uow: UnitOfWork, deps: Dependencies) -> list[Photo]:
    listing = _managed_listing(uow, cmd.actor, cmd.listing_id)
    now = deps.clock.now()
    album = uow.photos.album(listing.id)
    album.reorder(cmd.photo_ids, now)
    listing.photos_changed(now)
    uow.commit()
    return album.photos


def delete_photo(cmd: p.DeletePhoto, uow: UnitOfWork, deps: Dependencies) -> None:
    listing = _managed_listing(uow, cmd.actor, cmd.listing_id)
    now = deps.clock.now()
    uow.photos.remove(uow.photos.album(listing.id).remove(cmd.photo_id, now))
    listing.photos_changed(now)
    uow.commit()


def record_photo_variants(cmd: p.RecordPhotoVariants, uow: UnitOfWork, deps: Dependencies) -> bool:
    """Whether the photo took them (False: it was deleted meanwhile, or already done)."""
    photo = uow.photos.find(cmd.photo_id)
    if photo is None:
        return False
    listing = uow.listings.get(photo.listing_id, for_update=True)
    now = deps.clock.now()
    took = photo.made_ready(dict(cmd.variants), cmd.width, cmd.height, now)
    if took:
        listing.photos_changed(now)
    uow.commit()
    return took


def record_photo_failure(cmd: p.RecordPhotoFailure, uow: UnitOfWork, deps: Dependencies) -> None:
    photo = uow.photos.find(cmd.photo_id)
    if photo is None:
        return
    listing = uow.listings.get(photo.listing_id, for_update=True)
    now = deps.clock.now()
    if photo.failed(cmd.reason, now):
        listing.photos_changed(now)
    uow.commit()


def remove_listing_photos(cmd: p.RemoveListingPhotos, uow: UnitOfWork, deps: Dependencies) -> None:
    now = deps.clock.now()
    album = uow.photos.album(cmd.listing_id)
    for photo in list(album.photos):
        uow.photos.remove(album.remove(photo.id, now))
    uow.commit()


HANDLERS: dict[type[Command], Callable[[Any, UnitOfWork, Dependencies], Any]] = {
    p.CheckPhotoRoom: check_photo_room,
    p.AddPhoto: add_photo,
    p.CaptionPhoto: caption_photo,
    p.ReorderPhotos: reorder_photos,
    p.DeletePhoto: delete_photo,
    p.RecordPhotoVariants: record_photo_variants,
    p.RecordPhotoFailure: record_photo_failure,
    p.RemoveListingPhotos: remove_listing_photos,
}
