from __future__ import annotations

from collections.abc import Mapping
from typing import Any, TypeVar, BinaryIO, TextIO, TYPE_CHECKING, Generator

from attrs import define as _attrs_define
from attrs import field as _attrs_field

from ..types import UNSET, Unset







T = TypeVar("T", bound="EmailChange")



@_attrs_define
class EmailChange:
    """ 
        Attributes:
            new_email (str):  Example: hana@example.com.
            current_password (str):
     """

    new_email: str
    current_password: str





    def to_dict(self) -> dict[str, Any]:
        new_email = self.new_email

        current_password = self.current_password


        field_dict: dict[str, Any] = {}

        field_dict.update({
            "new_email": new_email,
            "current_password": current_password,
        })

        return field_dict



    @classmethod
    def from_dict(cls: type[T], src_dict: Mapping[str, Any]) -> T:
        d = dict(src_dict)
        new_email = d.pop("new_email")

        current_password = d.pop("current_password")

        email_change = cls(
            new_email=new_email,
            current_password=current_password,
        )

        return email_change

