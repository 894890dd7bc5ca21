from __future__ import annotations

from collections.abc import Mapping
from typing import Any, TypeVar, BinaryIO, TextIO, TYPE_CHECKING, Generator

from attrs import define as _attrs_define
from attrs import field as _attrs_field

from ..types import UNSET, Unset

from ..types import UNSET, Unset
from typing import cast
import datetime






T = TypeVar("T", bound="Review")



@_attrs_define
class Review:
    """ 
        Attributes:
            id (str | Unset):
            booking_id (str | Unset):
            listing_id (str | Unset):
            author_id (str | Unset):
            rating (int | Unset):
            comment (str | Unset):
            created_at (datetime.datetime | Unset):
     """

    id: str | Unset = UNSET
    booking_id: str | Unset = UNSET
    listing_id: str | Unset = UNSET
    author_id: str | Unset = UNSET
    rating: int | Unset = UNSET
    comment: str | Unset = UNSET
    created_at: datetime.datetime | Unset = UNSET





    def to_dict(self) -> dict[str, Any]:
        id = self.id

        booking_id = self.booking_id

        listing_id = self.listing_id

        author_id = self.author_id

        rating = self.rating

        comment = self.comment

        created_at: str | Unset = UNSET
        if not isinstance(self.created_at, Unset):
            created_at = self.created_at.isoformat()


        field_dict: dict[str, Any] = {}

        field_dict.update({
        })
        if id is not UNSET:
            field_dict["id"] = id
        if booking_id is not UNSET:
            field_dict["booking_id"] = booking_id
        if listing_id is not UNSET:
            field_dict["listing_id"] = listing_id
        if author_id is not UNSET:
            field_dict["author_id"] = author_id
        if rating is not UNSET:
            field_dict["rating"] = rating
        if comment is not UNSET:
            field_dict["comment"] = comment
        if created_at is not UNSET:
            field_dict["created_at"] = created_at

        return field_dict



    @classmethod
    def from_dict(cls: type[T], src_dict: Mapping[str, Any]) -> T:
        d = dict(src_dict)
        id = d.pop("id", UNSET)

        booking_id = d.pop("booking_id", UNSET)

        listing_id = d.pop("listing_id", UNSET)

        author_id = d.pop("author_id", UNSET)

        rating = d.pop("rating", UNSET)

        comment = d.pop("comment", UNSET)

        _created_at = d.pop("created_at", UNSET)
        created_at: datetime.datetime | Unset
        if isinstance(_created_at,  Unset):
            created_at = UNSET
        else:
            created_at = datetime.datetime.fromisoformat(_created_at)




        review = cls(
            id=id,
            booking_id=booking_id,
            listing_id=listing_id,
            author_id=author_id,
            rating=rating,
            comment=comment,
            created_at=created_at,
        )

        return review

