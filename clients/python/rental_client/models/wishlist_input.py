from __future__ import annotations

from collections.abc import Mapping
from typing import Any, TypeVar, BinaryIO, TextIO, TYPE_CHECKING, Generator

from attrs import define as _attrs_define
from attrs import field as _attrs_field

from ..types import UNSET, Unset







T = TypeVar("T", bound="WishlistInput")



@_attrs_define
class WishlistInput:
    """ 
        Attributes:
            name (str): 1 to 100 characters on one line once trimmed; no control, invisible or bidirectional control
                characters. Example: Lisbon in May.
     """

    name: str





    def to_dict(self) -> dict[str, Any]:
        name = self.name


        field_dict: dict[str, Any] = {}

        field_dict.update({
            "name": name,
        })

        return field_dict



    @classmethod
    def from_dict(cls: type[T], src_dict: Mapping[str, Any]) -> T:
        d = dict(src_dict)
        name = d.pop("name")

        wishlist_input = cls(
            name=name,
        )

        return wishlist_input

