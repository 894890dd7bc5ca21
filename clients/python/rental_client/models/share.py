from __future__ import annotations

from collections.abc import Mapping
from typing import Any, TypeVar, BinaryIO, TextIO, TYPE_CHECKING, Generator

from attrs import define as _attrs_define
from attrs import field as _attrs_field

from ..types import UNSET, Unset







T = TypeVar("T", bound="Share")



@_attrs_define
class Share:
    """ 
        Attributes:
            share_token (str):
     """

    share_token: str





    def to_dict(self) -> dict[str, Any]:
        share_token = self.share_token


        field_dict: dict[str, Any] = {}

        field_dict.update({
            "share_token": share_token,
        })

        return field_dict



    @classmethod
    def from_dict(cls: type[T], src_dict: Mapping[str, Any]) -> T:
        d = dict(src_dict)
        share_token = d.pop("share_token")

        share = cls(
            share_token=share_token,
        )

        return share

