from __future__ import annotations

from collections.abc import Mapping
from typing import Any, TypeVar, BinaryIO, TextIO, TYPE_CHECKING, Generator

from attrs import define as _attrs_define
from attrs import field as _attrs_field

from ..types import UNSET, Unset







T = TypeVar("T", bound="TaxLine")



@_attrs_define
class TaxLine:
    """ 
        Attributes:
            name (str):
            amount (int):
     """

    name: str
    amount: int





    def to_dict(self) -> dict[str, Any]:
        name = self.name

        amount = self.amount


        field_dict: dict[str, Any] = {}

        field_dict.update({
            "name": name,
            "amount": amount,
        })

        return field_dict



    @classmethod
    def from_dict(cls: type[T], src_dict: Mapping[str, Any]) -> T:
        d = dict(src_dict)
        name = d.pop("name")

        amount = d.pop("amount")

        tax_line = cls(
            name=name,
            amount=amount,
        )

        return tax_line

