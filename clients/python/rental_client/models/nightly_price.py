from __future__ import annotations

from collections.abc import Mapping
from typing import Any, TypeVar, BinaryIO, TextIO, TYPE_CHECKING, Generator

from attrs import define as _attrs_define
from attrs import field as _attrs_field

from ..types import UNSET, Unset

from typing import cast
import datetime






T = TypeVar("T", bound="NightlyPrice")



@_attrs_define
class NightlyPrice:
    """ 
        Attributes:
            date (datetime.date):
            price (int):
     """

    date: datetime.date
    price: int





    def to_dict(self) -> dict[str, Any]:
        date = self.date.isoformat()

        price = self.price


        field_dict: dict[str, Any] = {}

        field_dict.update({
            "date": date,
            "price": price,
        })

        return field_dict



    @classmethod
    def from_dict(cls: type[T], src_dict: Mapping[str, Any]) -> T:
        d = dict(src_dict)
        date = datetime.date.fromisoformat(d.pop("date"))




        price = d.pop("price")

        nightly_price = cls(
            date=date,
            price=price,
        )

        return nightly_price

