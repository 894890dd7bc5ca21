from __future__ import annotations

from collections.abc import Mapping
from typing import Any, TypeVar, BinaryIO, TextIO, TYPE_CHECKING, Generator

from attrs import define as _attrs_define
from attrs import field as _attrs_field

from ..types import UNSET, Unset







T = TypeVar("T", bound="PhotoUrls")



@_attrs_define
class PhotoUrls:
    """ 
        Attributes:
            small (str):
            medium (str):
            large (str):
     """

    small: str
    medium: str
    large: str





    def to_dict(self) -> dict[str, Any]:
        small = self.small

        medium = self.medium

        large = self.large


        field_dict: dict[str, Any] = {}

        field_dict.update({
            "small": small,
            "medium": medium,
            "large": large,
        })

        return field_dict



    @classmethod
    def from_dict(cls: type[T], src_dict: Mapping[str, Any]) -> T:
        d = dict(src_dict)
        small = d.pop("small")

        medium = d.pop("medium")

        large = d.pop("large")

        photo_urls = cls(
            small=small,
            medium=medium,
            large=large,
        )

        return photo_urls

