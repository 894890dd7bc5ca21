from __future__ import annotations

from collections.abc import Mapping
from typing import Any, TypeVar, BinaryIO, TextIO, TYPE_CHECKING, Generator

from attrs import define as _attrs_define
from attrs import field as _attrs_field

from ..types import UNSET, Unset







T = TypeVar("T", bound="ReadRequest")



@_attrs_define
class ReadRequest:
    """ 
        Attributes:
            up_to (str): The id of a message of this thread: read up to it.
     """

    up_to: str





    def to_dict(self) -> dict[str, Any]:
        up_to = self.up_to


        field_dict: dict[str, Any] = {}

        field_dict.update({
            "up_to": up_to,
        })

        return field_dict



    @classmethod
    def from_dict(cls: type[T], src_dict: Mapping[str, Any]) -> T:
        d = dict(src_dict)
        up_to = d.pop("up_to")

        read_request = cls(
            up_to=up_to,
        )

        return read_request

