from __future__ import annotations

from collections.abc import Mapping
from typing import Any, TypeVar, BinaryIO, TextIO, TYPE_CHECKING, Generator

from attrs import define as _attrs_define
from attrs import field as _attrs_field

from ..types import UNSET, Unset







T = TypeVar("T", bound="Caption")



@_attrs_define
class Caption:
    """ 
        Attributes:
            caption (str):
     """

    caption: str





    def to_dict(self) -> dict[str, Any]:
        caption = self.caption


        field_dict: dict[str, Any] = {}

        field_dict.update({
            "caption": caption,
        })

        return field_dict



    @classmethod
    def from_dict(cls: type[T], src_dict: Mapping[str, Any]) -> T:
        d = dict(src_dict)
        caption = d.pop("caption")

        caption = cls(
            caption=caption,
        )

        return caption

