"""A wishlist: a user's named shortlist of listings, newest saved first.

Only its owner changes it or reads it, unless they share it: ``share()`` makes a secret token
(only its SHA-256 is kept) that lets anyone holding it read the list, never change it; a new
token voids the old one, and ``stop_sharing()`` voids it without a new one. To anyone else a
wishlist does not exist (404), so that ids cannot be probed.

The listings saved (``SavedListing``) are rows beside the wishlist, not loaded with it: a list
may hold up to ``MAX_ITEMS`` of them. Every change bumps the wishlist's version, so that two
changes of one list at once serialize and the cap holds.
"""

from __future__ import annotations

import hmac
import secrets
from datetime import datetime

from attrs import define, field, frozen

from rental.domain.accounts.one_time_tokens import secret_hash
from rental.domain.aggregate import Aggregate
from rental.domain.errors import Conflict, InvalidInput, NotFound
from rental.domain.text import check_text

MAX_NAME = 100
MAX_ITEMS = 10_000  # listings one wishlist may hold (``Limits.max_wishlist_items``)
SHARE_TOKEN_BYTES = 32  # 256 random bits: a fast hash is enough to store it


class WishlistNotFound(NotFound):
    """No such wishlist, or one the caller may not see."""


class WishlistFull(Conflict):
    """The wishlist holds as many listings as a wishlist may."""


def check_name(name: str) -> str:
    """A wishlist's name, trimmed: 1 to ``MAX_NAME`` characters on one line, without control,
    invisible or bidirectional control characters (``rental.domain.text``)."""
    text = name.strip()
    if not text:
        raise InvalidInput.field("name", "must not be empty.")
    errors: dict[str, list[str]] = {}
    check_text(errors, "name", text, limit=MAX_NAME, multiline=False)
    if errors:
        raise InvalidInput(errors)
    return text


@frozen(kw_only=True)
class SavedListing:
    """A listing saved to a wishlist, and when."""

    wishlist_id: str
    listing_id: str
    added_at: datetime


@define(slots=False, eq=False)
class Wishlist(Aggregate):
    """A user's named list of listings."""

    id: str
    owner_id: str
    name: str
    created_at: datetime
    updated_at: datetime
    share_token_hash: str | None = field(default=None, repr=False)
    version: int = field(default=1, kw_only=True)

    @classmethod
    def create(cls, *, wishlist_id: str, owner_id: str, name: str, now: datetime) -> Wishlist:
        return cls(
            id=wishlist_id,
            owner_id=owner_id,
            name=check_name(name),
            created_at=now,
            updated_at=now,
        )

    @property
    def is_shared(self) -> bool:
        return self.share_token_hash is not None

    def check_is_owner(self, user_id: str | None) -> None:
        """Only its owner changes it; to anyone else it does not exist."""
        if user_id != self.owner_id:
            raise WishlistNotFound(f"No wishlist {self.id}.")

    def check_can_read(self, user_id: str | None, share_token: str | None) -> None:
        """Its owner, or anyone holding its current share token (compared in constant time);
        any other caller, or a token of another list or an old one, gets ``WishlistNotFound``."""
        if user_id is not None and user_id == self.owner_id:
            return
        if share_token and self.share_token_hash is not None:
            presented = secret_hash(share_token)
            if hmac.compare_digest(presented, self.share_token_hash):
                return
        raise WishlistNotFound(f"No wishlist {self.id}.")

    def rename(self, user_id: str, name: str, now: datetime) -> None:
        self.check_is_owner(user_id)
        self.name = check_name(name)
        self._changed(now)

    def share(self, user_id: str, now: datetime) -> str:
        """A new share token, returned once and never stored; the old one stops working."""
        self.check_is_owner(user_id)
        token = secrets.token_urlsafe(SHARE_TOKEN_BYTES)
        self.share_token_hash = secret_hash(token)
        self._changed(now)
        return token

    def stop_sharing(self, user_id: str, now: datetime) -> None:
        self.check_is_owner(user_id)
        if self.share_token_hash is not None:
            self.share_token_hash = None
            self._changed(now)

    def check_has_room(self, items: int, limit: int = MAX_ITEMS) -> None:
        """``items``: the listings it holds now (deleted listings left out)."""
        if items >= limit:
            raise WishlistFull(
                f"A wishlist holds at most {limit:,} listings; remove one, or start another "
                "wishlist."
            )

    def save_listing(
        self,
        user_id: str,
        listing_id: str,
        *,
        saved: bool,
        items: int,
        now: datetime,
        limit: int = MAX_ITEMS,
    ) -> SavedListing | None:
        """Save ``listing_id`` (``saved``: it is already there, and then nothing changes:
        saving is idempotent). ``items``: how many listings the list holds now."""
        self.check_is_owner(user_id)
        if saved:
            return None
        self.check_has_room(items, limit)
        self._changed(now)
        return SavedListing(wishlist_id=self.id, listing_id=listing_id, added_at=now)

    def remove_listing(self, user_id: str, *, saved: bool, now: datetime) -> bool:
        """Take a listing out (``saved``: it is there); removing one that is not is no error.
        Whether anything changed."""
        self.check_is_owner(user_id)
        if saved:
            self._changed(now)
        return saved

    def _changed(self, now: datetime) -> None:
        self.updated_at = max(self.updated_at, now)
        self.bump_version()
