from __future__ import annotations

from collections.abc import Mapping
from typing import Any, TypeVar, BinaryIO, TextIO, TYPE_CHECKING, Generator

from attrs import define as _attrs_define
from attrs import field as _attrs_field

from ..types import UNSET, Unset

from typing import cast

if TYPE_CHECKING:
  from ..models.calendar_day import CalendarDay





T = TypeVar("T", bound="Calendar")



@_attrs_define
class Calendar:
    """ 
        Attributes:
            listing_id (str):
            currency (str):
            days (list[CalendarDay]):
     """

    listing_id: str
    currency: str
    days: list[CalendarDay]





    def to_dict(self) -> dict[str, Any]:
        from ..models.calendar_day import CalendarDay # noqa: PLC0415
        listing_id = self.listing_id

        currency = self.currency

        days = []
        for days_item_data in self.days:
            days_item = days_item_data.to_dict()
            days.append(days_item)




        field_dict: dict[str, Any] = {}

        field_dict.update({
            "listing_id": listing_id,
            "currency": currency,
            "days": days,
        })

        return field_dict



    @classmethod
    def from_dict(cls: type[T], src_dict: Mapping[str, Any]) -> T:
        from ..models.calendar_day import CalendarDay # noqa: PLC0415
        d = dict(src_dict)
        listing_id = d.pop("listing_id")

        currency = d.pop("currency")

        days = []
        _days = d.pop("days")
        for days_item_data in (_days):
            days_item = CalendarDay.from_dict(days_item_data)



            days.append(days_item)


        calendar = cls(
            listing_id=listing_id,
            currency=currency,
            days=days,
        )

        return calendar

