from __future__ import annotations

from collections.abc import Mapping
from typing import Any, TypeVar, BinaryIO, TextIO, TYPE_CHECKING, Generator

from attrs import define as _attrs_define
from attrs import field as _attrs_field

from ..types import UNSET, Unset







T = TypeVar("T", bound="AccessToken")



@_attrs_define
class AccessToken:
    """ 
        Attributes:
            access_token (str):
            token_type (str):  Example: Bearer.
            expires_in (int):
     """

    access_token: str
    token_type: str
    expires_in: int





    def to_dict(self) -> dict[str, Any]:
        access_token = self.access_token

        token_type = self.token_type

        expires_in = self.expires_in


        field_dict: dict[str, Any] = {}

        field_dict.update({
            "access_token": access_token,
            "token_type": token_type,
            "expires_in": expires_in,
        })

        return field_dict



    @classmethod
    def from_dict(cls: type[T], src_dict: Mapping[str, Any]) -> T:
        d = dict(src_dict)
        access_token = d.pop("access_token")

        token_type = d.pop("token_type")

        expires_in = d.pop("expires_in")

        access_token = cls(
            access_token=access_token,
            token_type=token_type,
            expires_in=expires_in,
        )

        return access_token

