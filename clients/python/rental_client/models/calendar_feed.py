from __future__ import annotations

from collections.abc import Mapping
from typing import Any, TypeVar, BinaryIO, TextIO, TYPE_CHECKING, Generator

from attrs import define as _attrs_define
from attrs import field as _attrs_field

from ..types import UNSET, Unset

from typing import cast
import datetime






T = TypeVar("T", bound="CalendarFeed")



@_attrs_define
class CalendarFeed:
    """ 
        Attributes:
            listing_id (str):
            url (str): Absolute URL of the iCalendar feed, its token included.
            rotated_at (datetime.datetime): When the current token was made.
     """

    listing_id: str
    url: str
    rotated_at: datetime.datetime





    def to_dict(self) -> dict[str, Any]:
        listing_id = self.listing_id

        url = self.url

        rotated_at = self.rotated_at.isoformat()


        field_dict: dict[str, Any] = {}

        field_dict.update({
            "listing_id": listing_id,
            "url": url,
            "rotated_at": rotated_at,
        })

        return field_dict



    @classmethod
    def from_dict(cls: type[T], src_dict: Mapping[str, Any]) -> T:
        d = dict(src_dict)
        listing_id = d.pop("listing_id")

        url = d.pop("url")

        rotated_at = datetime.datetime.fromisoformat(d.pop("rotated_at"))




        calendar_feed = cls(
            listing_id=listing_id,
            url=url,
            rotated_at=rotated_at,
        )

        return calendar_feed

