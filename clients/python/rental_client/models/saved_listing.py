from __future__ import annotations

from collections.abc import Mapping
from typing import Any, TypeVar, BinaryIO, TextIO, TYPE_CHECKING, Generator

from attrs import define as _attrs_define
from attrs import field as _attrs_field

from ..types import UNSET, Unset

from typing import cast
import datetime

if TYPE_CHECKING:
  from ..models.listing import Listing





T = TypeVar("T", bound="SavedListing")



@_attrs_define
class SavedListing:
    """ 
        Attributes:
            listing (Listing):
            added_at (datetime.datetime):
     """

    listing: Listing
    added_at: datetime.datetime





    def to_dict(self) -> dict[str, Any]:
        from ..models.listing import Listing # noqa: PLC0415
        listing = self.listing.to_dict()

        added_at = self.added_at.isoformat()


        field_dict: dict[str, Any] = {}

        field_dict.update({
            "listing": listing,
            "added_at": added_at,
        })

        return field_dict



    @classmethod
    def from_dict(cls: type[T], src_dict: Mapping[str, Any]) -> T:
        from ..models.listing import Listing # noqa: PLC0415
        d = dict(src_dict)
        listing = Listing.from_dict(d.pop("listing"))




        added_at = datetime.datetime.fromisoformat(d.pop("added_at"))




        saved_listing = cls(
            listing=listing,
            added_at=added_at,
        )

        return saved_listing

