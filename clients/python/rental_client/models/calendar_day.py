from __future__ import annotations

from collections.abc import Mapping
from typing import Any, TypeVar, BinaryIO, TextIO, TYPE_CHECKING, Generator

from attrs import define as _attrs_define
from attrs import field as _attrs_field

from ..types import UNSET, Unset

from typing import cast
import datetime






T = TypeVar("T", bound="CalendarDay")



@_attrs_define
class CalendarDay:
    """ 
        Attributes:
            date (datetime.date):
            available (bool):
            price (int):
            min_nights (int):
            closed_to_arrival (bool):
            closed_to_departure (bool):
     """

    date: datetime.date
    available: bool
    price: int
    min_nights: int
    closed_to_arrival: bool
    closed_to_departure: bool





    def to_dict(self) -> dict[str, Any]:
        date = self.date.isoformat()

        available = self.available

        price = self.price

        min_nights = self.min_nights

        closed_to_arrival = self.closed_to_arrival

        closed_to_departure = self.closed_to_departure


        field_dict: dict[str, Any] = {}

        field_dict.update({
            "date": date,
            "available": available,
            "price": price,
            "min_nights": min_nights,
            "closed_to_arrival": closed_to_arrival,
            "closed_to_departure": closed_to_departure,
        })

        return field_dict



    @classmethod
    def from_dict(cls: type[T], src_dict: Mapping[str, Any]) -> T:
        d = dict(src_dict)
        date = datetime.date.fromisoformat(d.pop("date"))




        available = d.pop("available")

        price = d.pop("price")

        min_nights = d.pop("min_nights")

        closed_to_arrival = d.pop("closed_to_arrival")

        closed_to_departure = d.pop("closed_to_departure")

        calendar_day = cls(
            date=date,
            available=available,
            price=price,
            min_nights=min_nights,
            closed_to_arrival=closed_to_arrival,
            closed_to_departure=closed_to_departure,
        )

        return calendar_day

